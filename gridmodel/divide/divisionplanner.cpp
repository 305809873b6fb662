#include "divisionplanner.h"

#include "../error.h"
#include "../geosengine.h"
#include "../hierarchyindex.h"
#include "../translation.h"
#include "divisiongraph.h"

#include <metis.h>

#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace gridmodel {

double DivisionProposal::meanPolsbyPopper() const
{
    if (parts.empty())
        return 0;
    double sum = 0;
    for (const Part& part : parts)
        sum += part.polsbyPopper;
    return sum / static_cast<double>(parts.size());
}

int DivisionProposal::partsWithinBand() const
{
    return static_cast<int>(
        std::count_if(parts.begin(), parts.end(), [](const Part& p) { return p.withinBand; }));
}

int DivisionProposal::barrierCrossings() const
{
    int crossings = 0;
    for (const Part& part : parts)
        crossings += part.barrierCrossings;
    return crossings;
}

namespace {

[[noreturn]] void refuse(const QString& message)
{
    throw Error(Error::Kind::InvalidInput, message);
}

QString bandText(const TargetBand& band)
{
    if (band.min && band.max)
        return QStringLiteral("%1–%2").arg(*band.min).arg(*band.max);
    if (band.min)
        return QStringLiteral("≥ %1").arg(*band.min);
    return QStringLiteral("≤ %1").arg(band.max.value_or(0));
}

//! how far a total lies outside the band (0 inside it)
qint64 violation(qint64 total, const TargetBand& band)
{
    if (band.min && total < *band.min)
        return *band.min - total;
    if (band.max && total > *band.max)
        return total - *band.max;
    return 0;
}

/**
 * The number of whole units a total fits into within the band, nearest the band's middle;
 * 0 when none fits (the total is too small, or falls between two numbers of units).
 */
int unitsFor(qint64 total, const TargetBand& band)
{
    const qint64 fewest = band.max ? std::max<qint64>(1, (total + *band.max - 1) / *band.max) : 1;
    const qint64 most = band.min ? total / *band.min : fewest;
    if (fewest > most || most <= 0)
        return 0;
    if (!band.min || !band.max)
        return static_cast<int>(band.max ? fewest : most);
    const double middle = (*band.min + *band.max) / 2.0;
    const qint64 nearest = std::llround(total / middle);
    return static_cast<int>(std::clamp(nearest, fewest, most));
}

/** One grouping of the atoms being improved: which part each atom is in, and each part's sums. */
class Grouping
{
public:
    Grouping(const DivisionGraph& graph, const std::vector<qint64>& weights, const TargetBand& band,
             std::vector<int> partOf, int partCount, const std::vector<bool>& lockedPart)
        : mGraph(graph), mWeights(weights), mBand(band), mPartOf(partOf.size(), -1), mLockedPart(lockedPart),
          mParts(static_cast<size_t>(partCount))
    {
        // atoms join one by one, so that each border inside a part is counted once
        for (int i = 0; i < graph.size(); ++i) {
            mPartOf[i] = partOf[i];
            add(i, partOf[i], +1);
        }
    }

    struct PartSums
    {
        qint64 weight = 0;
        double area = 0;
        double perimeter = 0;
        int crossings = 0;
        int size = 0;
    };

    const std::vector<int>& partOf() const { return mPartOf; }
    const PartSums& part(int p) const { return mParts[static_cast<size_t>(p)]; }
    int partCount() const { return static_cast<int>(mParts.size()); }

    qint64 totalViolation() const
    {
        qint64 total = 0;
        for (const PartSums& sums : mParts)
            total += violation(sums.weight, mBand);
        return total;
    }
    int totalCrossings() const
    {
        int total = 0;
        for (const PartSums& sums : mParts)
            total += sums.crossings;
        return total;
    }
    double totalCompactness() const
    {
        double total = 0;
        for (const PartSums& sums : mParts)
            total += DivisionGraph::polsbyPopper(sums.area, sums.perimeter);
        return total;
    }

    /**
     * Moves single atoms across borders while a move makes the grouping better: first nearer
     * the band, then fewer barriers inside parts, then more compact. A part never loses its
     * last atom or falls apart, and locked parts neither give nor take.
     */
    void improve(int maxPasses)
    {
        for (int pass = 0; pass < maxPasses; ++pass) {
            bool moved = false;
            for (int atom = 0; atom < mGraph.size(); ++atom)
                moved |= tryBestMove(atom);
            if (!moved)
                return;
        }
    }

    //! how many pieces part p is in (1: contiguous)
    int piecesOf(int p) const
    {
        std::vector<bool> seen(mPartOf.size(), false);
        int pieces = 0;
        for (int start = 0; start < mGraph.size(); ++start) {
            if (mPartOf[start] != p || seen[start])
                continue;
            ++pieces;
            std::vector<int> stack{start};
            seen[start] = true;
            while (!stack.empty()) {
                const int current = stack.back();
                stack.pop_back();
                for (const DivisionGraph::Edge& edge : mGraph.atoms()[static_cast<size_t>(current)].edges)
                    if (mPartOf[edge.to] == p && !seen[edge.to]) {
                        seen[edge.to] = true;
                        stack.push_back(edge.to);
                    }
            }
        }
        return pieces;
    }

private:
    void add(int atom, int p, int sign)
    {
        const DivisionGraph::Atom& a = mGraph.atoms()[static_cast<size_t>(atom)];
        PartSums& sums = mParts[static_cast<size_t>(p)];
        double sharedInside = 0;
        int crossingsInside = 0;
        for (const DivisionGraph::Edge& edge : a.edges)
            if (edge.to != atom && mPartOf[edge.to] == p) {
                sharedInside += edge.sharedLength;
                crossingsInside += edge.crossesBarrier ? 1 : 0;
            }
        sums.weight += sign * mWeights[atom];
        sums.area += sign * a.area;
        sums.perimeter += sign * (a.perimeter - 2 * sharedInside);
        sums.crossings += sign * crossingsInside;
        sums.size += sign;
    }

    struct Score
    {
        qint64 violation;
        int crossings;
        double compactness;
        bool betterThan(const Score& o) const
        {
            if (violation != o.violation)
                return violation < o.violation;
            if (crossings != o.crossings)
                return crossings < o.crossings;
            return compactness > o.compactness + 1e-6;
        }
    };

    bool tryBestMove(int atom)
    {
        const int from = mPartOf[atom];
        if (mLockedPart[from] || part(from).size <= 1)
            return false;
        const DivisionGraph::Atom& a = mGraph.atoms()[static_cast<size_t>(atom)];
        // what the atom shares with each part it borders
        std::vector<std::pair<int, std::pair<double, int>>> borders; // part -> (length, crossings)
        for (const DivisionGraph::Edge& edge : a.edges) {
            const int p = mPartOf[edge.to];
            auto it =
                std::find_if(borders.begin(), borders.end(), [p](const auto& b) { return b.first == p; });
            if (it == borders.end())
                it = borders.insert(borders.end(), {p, {0.0, 0}});
            it->second.first += edge.sharedLength;
            it->second.second += edge.crossesBarrier ? 1 : 0;
        }
        auto bordersOf = [&](int p) {
            for (const auto& b : borders)
                if (b.first == p)
                    return b.second;
            return std::pair<double, int>{0.0, 0};
        };
        const auto [fromLength, fromCrossings] = bordersOf(from);
        const PartSums& source = part(from);
        const double sourceAreaAfter = source.area - a.area;
        const double sourcePerimeterAfter = source.perimeter - a.perimeter + 2 * fromLength;

        int best = -1;
        Score bestScore{0, 0, 0};
        for (const auto& [to, shared] : borders) {
            if (to == from || mLockedPart[to])
                continue;
            const PartSums& target = part(to);
            const qint64 w = mWeights[atom];
            const Score before{violation(source.weight, mBand) + violation(target.weight, mBand),
                               source.crossings + target.crossings,
                               DivisionGraph::polsbyPopper(source.area, source.perimeter) +
                                   DivisionGraph::polsbyPopper(target.area, target.perimeter)};
            const Score after{
                violation(source.weight - w, mBand) + violation(target.weight + w, mBand),
                source.crossings - fromCrossings + target.crossings + shared.second,
                DivisionGraph::polsbyPopper(sourceAreaAfter, sourcePerimeterAfter) +
                    DivisionGraph::polsbyPopper(target.area + a.area,
                                                target.perimeter + a.perimeter - 2 * shared.first)};
            if (!after.betterThan(before))
                continue;
            const Score gain{after.violation - before.violation, after.crossings - before.crossings,
                             after.compactness - before.compactness};
            if (best < 0 || gain.betterThan(bestScore)) {
                best = to;
                bestScore = gain;
            }
        }
        if (best < 0 || !staysWholeWithout(from, atom))
            return false;
        add(atom, from, -1);
        mPartOf[atom] = best;
        add(atom, best, +1);
        return true;
    }

    //! whether part p stays one piece when `atom` leaves it
    bool staysWholeWithout(int p, int atom) const
    {
        int start = -1;
        for (const DivisionGraph::Edge& edge : mGraph.atoms()[static_cast<size_t>(atom)].edges)
            if (mPartOf[edge.to] == p) {
                start = edge.to;
                break;
            }
        if (start < 0)
            return false;
        std::vector<int> stack{start};
        QSet<int> seen{start, atom};
        int reached = 1;
        while (!stack.empty()) {
            const int current = stack.back();
            stack.pop_back();
            for (const DivisionGraph::Edge& edge : mGraph.atoms()[static_cast<size_t>(current)].edges)
                if (mPartOf[edge.to] == p && !seen.contains(edge.to)) {
                    seen.insert(edge.to);
                    stack.push_back(edge.to);
                    ++reached;
                }
        }
        return reached == part(p).size - 1;
    }

    const DivisionGraph& mGraph;
    const std::vector<qint64>& mWeights;
    TargetBand mBand;
    std::vector<int> mPartOf;
    std::vector<bool> mLockedPart;
    std::vector<PartSums> mParts;
};

/**
 * METIS's k-way grouping of some atoms (one connected piece of the graph) into `parts`
 * contiguous parts of even weight, cutting the shortest borders; a border a barrier runs
 * between costs almost nothing to cut. Returns the part (0 … parts−1) of each atom listed.
 */
std::vector<int> metisParts(const DivisionGraph& graph, const std::vector<int>& atoms,
                            const std::vector<qint64>& weights, int parts, quint64 seed, double imbalance)
{
    const int n = static_cast<int>(atoms.size());
    if (parts <= 1 || n <= 1)
        return std::vector<int>(atoms.size(), 0);
    if (parts >= n) {
        std::vector<int> each(atoms.size());
        std::iota(each.begin(), each.end(), 0);
        return each;
    }
    std::vector<int> local(static_cast<size_t>(graph.size()), -1);
    for (int i = 0; i < n; ++i)
        local[atoms[i]] = i;
    qint64 total = 0;
    for (int atom : atoms)
        total += weights[atom];
    const double scale = total > 100000000 ? 100000000.0 / total : 1.0;
    std::vector<idx_t> xadj{0}, adjncy, vwgt, adjwgt;
    for (int atom : atoms) {
        vwgt.push_back(static_cast<idx_t>(std::max<qint64>(1, std::llround(weights[atom] * scale))));
        for (const DivisionGraph::Edge& edge : graph.atoms()[atom].edges)
            if (local[edge.to] >= 0) {
                adjncy.push_back(local[edge.to]);
                adjwgt.push_back(edge.crossesBarrier
                                     ? 1
                                     : static_cast<idx_t>(std::max(2.0, std::round(edge.sharedLength * 10))));
            }
        xadj.push_back(static_cast<idx_t>(adjncy.size()));
    }
    idx_t vertices = n, constraints = 1, partCount = parts, cut = 0;
    idx_t options[METIS_NOPTIONS];
    METIS_SetDefaultOptions(options);
    options[METIS_OPTION_CONTIG] = 1;
    options[METIS_OPTION_SEED] = static_cast<idx_t>(seed % 1000000007ULL);
    options[METIS_OPTION_UFACTOR] = static_cast<idx_t>(std::clamp(imbalance * 1000, 1.0, 500.0));
    std::vector<idx_t> result(atoms.size(), 0);
    const int status =
        METIS_PartGraphKway(&vertices, &constraints, xadj.data(), adjncy.data(), vwgt.data(), nullptr,
                            adjwgt.data(), &partCount, nullptr, nullptr, options, &cut, result.data());
    if (status != METIS_OK)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("The graph partitioner failed on these children (METIS status %1)").arg(status));
    std::vector<int> partOf(atoms.size());
    std::vector<int> renumbered(static_cast<size_t>(parts), -1);
    int used = 0;
    for (size_t i = 0; i < atoms.size(); ++i) {
        int& number = renumbered[static_cast<size_t>(result[i])];
        if (number < 0)
            number = used++;
        partOf[i] = number;
    }
    return partOf;
}

//! the connected pieces of the atoms not yet in a part, through any border or only through borders no barrier
//! runs between
std::vector<std::vector<int>> connectedPieces(const DivisionGraph& graph, const std::vector<int>& partOf,
                                              bool acrossBarriers)
{
    std::vector<std::vector<int>> pieces;
    std::vector<int> pieceOf(static_cast<size_t>(graph.size()), -1);
    for (int start = 0; start < graph.size(); ++start) {
        if (partOf[start] >= 0 || pieceOf[start] >= 0)
            continue;
        std::vector<int> members{start};
        pieceOf[start] = static_cast<int>(pieces.size());
        for (size_t k = 0; k < members.size(); ++k)
            for (const DivisionGraph::Edge& edge : graph.atoms()[members[k]].edges)
                if (partOf[edge.to] < 0 && pieceOf[edge.to] < 0 && (acrossBarriers || !edge.crossesBarrier)) {
                    pieceOf[edge.to] = pieceOf[start];
                    members.push_back(edge.to);
                }
        std::sort(members.begin(), members.end());
        pieces.push_back(std::move(members));
    }
    return pieces;
}

/**
 * The pieces the barriers cut the free atoms into. A piece that fits no whole number of units
 * in the band joins the piece across a barrier it shares the longest border with, smallest
 * first, until each fits or has no neighbour left: barriers are crossed only where nothing
 * else fits.
 */
std::vector<std::vector<int>> barrierRegions(const DivisionGraph& graph, const std::vector<int>& partOf,
                                             const std::vector<qint64>& weights, const TargetBand& band)
{
    std::vector<std::vector<int>> regions = connectedPieces(graph, partOf, false);
    std::vector<int> regionOf(static_cast<size_t>(graph.size()), -1);
    std::vector<qint64> weight(regions.size(), 0);
    for (size_t r = 0; r < regions.size(); ++r)
        for (int atom : regions[r]) {
            regionOf[atom] = static_cast<int>(r);
            weight[r] += weights[atom];
        }
    std::vector<bool> alive(regions.size(), true);
    for (;;) {
        int smallest = -1;
        for (size_t r = 0; r < regions.size(); ++r)
            if (alive[r] && unitsFor(weight[r], band) == 0 &&
                (smallest < 0 || weight[r] < weight[smallest])) {
                // only a region with a neighbour across a barrier can be helped
                bool hasNeighbour = false;
                for (int atom : regions[r])
                    for (const DivisionGraph::Edge& edge : graph.atoms()[atom].edges)
                        hasNeighbour |= regionOf[edge.to] >= 0 && regionOf[edge.to] != static_cast<int>(r);
                if (hasNeighbour)
                    smallest = static_cast<int>(r);
            }
        if (smallest < 0)
            break;
        std::map<int, double> border;
        for (int atom : regions[smallest])
            for (const DivisionGraph::Edge& edge : graph.atoms()[atom].edges)
                if (regionOf[edge.to] >= 0 && regionOf[edge.to] != smallest)
                    border[regionOf[edge.to]] += edge.sharedLength;
        const int into = std::max_element(border.begin(), border.end(), [](const auto& a, const auto& b) {
                             return a.second < b.second;
                         })->first;
        for (int atom : regions[smallest])
            regionOf[atom] = into;
        regions[into].insert(regions[into].end(), regions[smallest].begin(), regions[smallest].end());
        std::sort(regions[into].begin(), regions[into].end());
        weight[into] += weight[smallest];
        regions[smallest].clear();
        alive[smallest] = false;
    }
    std::vector<std::vector<int>> result;
    for (size_t r = 0; r < regions.size(); ++r)
        if (alive[r])
            result.push_back(std::move(regions[r]));
    return result;
}

//! the band a request for a number of parts aims at: within a tenth of the mean
TargetBand bandForParts(qint64 total, int parts)
{
    const double mean = static_cast<double>(total) / parts;
    return {static_cast<qint64>(std::floor(mean * 0.9)), static_cast<qint64>(std::ceil(mean * 1.1))};
}

} // namespace

DivisionPlanner::DivisionPlanner(const ProjectData& data, const HierarchyIndex& index)
    : mData(data), mIndex(index)
{
}

DivisionProposal DivisionPlanner::propose(const DivisionRequest& request) const
{
    const Unit* unit = mIndex.unitByCode(request.unitCode);
    if (!unit)
        refuse(Tr::tr("No unit has the code \"%1\"").arg(request.unitCode));
    const HierarchyTemplate& hierarchy = mData.hierarchy;
    const QString label = QStringLiteral("%1 %2").arg(unit->code, unit->name);
    if (unit->level + 1 >= hierarchy.levelCount())
        refuse(Tr::tr("%1 is at the lowest level: there is nothing below it to divide").arg(label));
    if (request.parts < 0)
        refuse(Tr::tr("The number of parts must be positive"));
    if (request.band.min && request.band.max && *request.band.min > *request.band.max)
        refuse(
            Tr::tr("The band %1 is empty: its lower end is above its upper end").arg(bandText(request.band)));
    if ((request.band.min && *request.band.min < 0) || (request.band.max && *request.band.max <= 0))
        refuse(Tr::tr("The band %1 has no room for households").arg(bandText(request.band)));

    DivisionProposal proposal;
    proposal.unitCode = unit->code;
    proposal.level = unit->level + 1;
    const LevelDefinition& level = hierarchy.level(proposal.level);
    proposal.band = request.band.isSet() ? request.band : level.households;
    if (!request.parts && !proposal.band.isSet())
        refuse(Tr::tr("The %1 level has no households band: give a band or a number of parts")
                   .arg(level.name.text()));

    std::vector<const Unit*> children;
    for (const Unit* child : mIndex.children(unit->id))
        for (const Unit* grandchild : mIndex.children(child->id))
            children.push_back(grandchild);

    if (children.empty()) {
        if (proposal.level != hierarchy.levelCount() - 1)
            refuse(Tr::tr("%1 has no %2 to group into new %3")
                       .arg(label, hierarchy.level(proposal.level + 1).name.text(), level.name.text()));
        // The finest level: the unit's households are split by count.
        proposal.byHouseholdCount = true;
        const qint64 total = unit->households;
        if (total <= 0)
            refuse(Tr::tr("%1 has no households entered: there is nothing to split by count").arg(label));
        int parts = request.parts;
        if (!parts) {
            parts = unitsFor(total, proposal.band);
            if (!parts) {
                parts = std::max<int>(
                    1, static_cast<int>(
                           proposal.band.max ? (total + *proposal.band.max - 1) / *proposal.band.max : 1));
                proposal.limits << Tr::tr(
                                       "%1 households of %2 cannot be split into whole %3 of %4 households")
                                       .arg(total)
                                       .arg(label, level.name.text(), bandText(proposal.band));
            }
        } else if (!request.band.isSet()) {
            proposal.band = bandForParts(total, parts);
        }
        if (parts > total)
            refuse(Tr::tr("%1 has %2 households: too few for %3 parts").arg(label).arg(total).arg(parts));
        // strips across the unit's longer side, each with its share of the area
        GeosEngine geos;
        const Envelope box = unit->boundary.envelope();
        const bool alongX = box.width() >= box.height();
        const double area = unit->boundary.area();
        auto areaUpTo = [&](double at) {
            Envelope part = box.grownBy(1);
            (alongX ? part.maxX : part.maxY) = at;
            return geos.clippedTo(unit->boundary, part).area();
        };
        double lower = alongX ? box.minX : box.minY;
        const double end = alongX ? box.maxX : box.maxY;
        for (int i = 0; i < parts; ++i) {
            const qint64 households = total / parts + (i < total % parts ? 1 : 0);
            const qint64 residents = unit->residents / parts + (i < unit->residents % parts ? 1 : 0);
            double upper = end;
            if (i + 1 < parts) {
                const double target = area * static_cast<double>(i + 1) / parts;
                double low = lower, high = end;
                for (int step = 0; step < 50 && high - low > 1e-4; ++step) {
                    const double middle = (low + high) / 2;
                    (areaUpTo(middle) < target ? low : high) = middle;
                }
                upper = (low + high) / 2;
            }
            Envelope strip = box.grownBy(1);
            if (i > 0)
                (alongX ? strip.minX : strip.minY) = lower;
            if (i + 1 < parts)
                (alongX ? strip.maxX : strip.maxY) = upper;
            DivisionProposal::Part part;
            part.boundary = geos.clippedTo(unit->boundary, strip);
            part.households = households;
            part.residents = residents;
            part.area = part.boundary.area();
            double perimeter = 0;
            for (const Polygon& polygon : part.boundary.polygons)
                for (const Ring& ring : polygon.rings)
                    for (size_t k = 1; k < ring.size(); ++k)
                        perimeter += std::hypot(ring[k].x - ring[k - 1].x, ring[k].y - ring[k - 1].y);
            part.polsbyPopper = DivisionGraph::polsbyPopper(part.area, perimeter);
            part.withinBand = proposal.band.contains(households);
            proposal.parts.push_back(std::move(part));
            lower = upper;
        }
        describeShortfalls(proposal);
        return proposal;
    }

    // Grandchildren grouped: locked groups first, then METIS over the rest, then refinement.
    const DivisionGraph graph(children, request.barriers);
    QHash<UnitId, int> atomOf;
    for (int i = 0; i < graph.size(); ++i)
        atomOf.insert(graph.atoms()[i].unit->id, i);
    std::vector<int> partOf(static_cast<size_t>(graph.size()), -1);
    std::vector<bool> lockedPart;
    for (const std::vector<UnitId>& group : request.locked) {
        for (UnitId id : group) {
            if (!atomOf.contains(id))
                refuse(Tr::tr("A locked unit holds %1, which is not a %2 of %3")
                           .arg(mIndex.unit(id) ? mIndex.unit(id)->code : QString::number(id),
                                hierarchy.level(proposal.level + 1).name.text(), label));
            if (partOf[atomOf.value(id)] >= 0)
                refuse(Tr::tr("%1 is in two locked units").arg(mIndex.unit(id)->code));
            partOf[atomOf.value(id)] = static_cast<int>(lockedPart.size());
        }
        if (!group.empty())
            lockedPart.push_back(true);
    }

    qint64 totalHouseholds = 0;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        totalHouseholds += atom.households;
    const bool byArea = totalHouseholds <= 0;
    if (byArea && !request.parts)
        refuse(Tr::tr("The %1 of %2 have no households entered: give a number of parts to divide by area")
                   .arg(hierarchy.level(proposal.level + 1).name.text(), label));
    std::vector<qint64> weights;
    double totalArea = 0;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        totalArea += atom.area;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        weights.push_back(byArea ? std::llround(1e6 * atom.area / std::max(totalArea, 1e-9))
                                 : atom.households);

    std::vector<int> freeAtoms;
    qint64 freeWeight = 0;
    for (int i = 0; i < graph.size(); ++i)
        if (partOf[i] < 0) {
            freeAtoms.push_back(i);
            freeWeight += weights[i];
        }
    if (request.parts) {
        if (request.parts < static_cast<int>(lockedPart.size()) ||
            (request.parts == static_cast<int>(lockedPart.size()) && !freeAtoms.empty()))
            refuse(Tr::tr("%1 parts leave no room beside %2 locked units")
                       .arg(request.parts)
                       .arg(lockedPart.size()));
        if (request.parts - static_cast<int>(lockedPart.size()) > static_cast<int>(freeAtoms.size()))
            refuse(Tr::tr("%1 has %2 %3: too few for %4 parts")
                       .arg(label)
                       .arg(children.size())
                       .arg(hierarchy.level(proposal.level + 1).name.text())
                       .arg(request.parts));
        if (!request.band.isSet() || byArea)
            proposal.band =
                bandForParts(freeWeight, std::max(1, request.parts - static_cast<int>(lockedPart.size())));
    }
    const TargetBand& band = proposal.band;
    const QString childLevel = hierarchy.level(proposal.level + 1).name.text();
    if (!byArea && band.max)
        for (int atom : freeAtoms)
            if (weights[atom] > *band.max)
                proposal.limits
                    << Tr::tr("%1 %2 alone has %3 households, more than %4: its %5 cannot be within the band")
                           .arg(graph.atoms()[atom].unit->code, graph.atoms()[atom].unit->name)
                           .arg(weights[atom])
                           .arg(*band.max)
                           .arg(level.name.text());

    // Each connected piece of the free atoms is divided on its own: with a band, the pieces the
    // barriers cut them into, as long as each fits a whole number of units; a number of parts
    // asked for is shared among the connected pieces by weight.
    const std::vector<std::vector<int>> pieces =
        request.parts ? connectedPieces(graph, partOf, true) : barrierRegions(graph, partOf, weights, band);
    std::vector<int> partsOfPiece(pieces.size(), 0);
    std::vector<qint64> pieceWeight(pieces.size(), 0);
    for (size_t p = 0; p < pieces.size(); ++p)
        for (int atom : pieces[p])
            pieceWeight[p] += weights[atom];
    if (request.parts) {
        int toShare = request.parts - static_cast<int>(lockedPart.size());
        std::vector<std::pair<double, size_t>> remainders;
        for (size_t p = 0; p < pieces.size(); ++p) {
            const double exact =
                toShare * static_cast<double>(pieceWeight[p]) / std::max<qint64>(freeWeight, 1);
            partsOfPiece[p] =
                std::clamp(static_cast<int>(std::floor(exact)), 1, static_cast<int>(pieces[p].size()));
            remainders.emplace_back(exact - std::floor(exact), p);
        }
        int given = std::accumulate(partsOfPiece.begin(), partsOfPiece.end(), 0);
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t i = 0; given < toShare && !remainders.empty(); i = (i + 1) % remainders.size()) {
            const size_t p = remainders[i].second;
            if (partsOfPiece[p] < static_cast<int>(pieces[p].size())) {
                ++partsOfPiece[p];
                ++given;
            } else if (std::all_of(remainders.begin(), remainders.end(), [&](const auto& r) {
                           return partsOfPiece[r.second] >= static_cast<int>(pieces[r.second].size());
                       })) {
                break;
            }
        }
        if (given > toShare)
            proposal.limits << Tr::tr("The %1 lie in %2 separate pieces: %3 parts are too few to keep each "
                                      "new unit in one piece")
                                   .arg(childLevel)
                                   .arg(pieces.size())
                                   .arg(request.parts);
    } else {
        for (size_t p = 0; p < pieces.size(); ++p) {
            partsOfPiece[p] = unitsFor(pieceWeight[p], band);
            if (!partsOfPiece[p]) {
                partsOfPiece[p] = 1;
                if (pieceWeight[p] > 0) {
                    const Unit* first = graph.atoms()[pieces[p].front()].unit;
                    proposal.limits
                        << (pieces.size() > 1
                                ? Tr::tr("%1 %2 and the %3 joined to it (%4 households) lie apart from "
                                         "the rest and fit no whole number of %5 of %6")
                                      .arg(first->code, first->name)
                                      .arg(pieces[p].size() - 1)
                                      .arg(pieceWeight[p])
                                      .arg(level.name.text(), bandText(band))
                                : Tr::tr("%1 households fit no whole number of %2 of %3")
                                      .arg(pieceWeight[p])
                                      .arg(level.name.text(), bandText(band)));
                }
            }
        }
    }

    // Several starts (seeds and imbalances); the best grouping after refinement wins.
    std::vector<int> best;
    std::vector<bool> bestLocked;
    int bestParts = 0;
    struct Quality
    {
        qint64 violation = std::numeric_limits<qint64>::max();
        int crossings = 0;
        double compactness = 0;
    } bestQuality;
    const int starts = graph.size() > 1000 ? 3 : 6;
    for (int start = 0; start < starts; ++start) {
        std::vector<int> trial = partOf;
        std::vector<bool> trialLocked = lockedPart;
        int next = static_cast<int>(lockedPart.size());
        for (size_t p = 0; p < pieces.size(); ++p) {
            const double mean = static_cast<double>(pieceWeight[p]) / std::max(1, partsOfPiece[p]);
            const double room = band.max ? std::max(0.01, *band.max / std::max(mean, 1.0) - 1) : 0.3;
            const double imbalance = std::min(room, 0.05 + 0.1 * (start % 3));
            const std::vector<int> local =
                metisParts(graph, pieces[p], weights, partsOfPiece[p],
                           request.seed * 7919 + static_cast<quint64>(start), imbalance);
            int used = 0;
            for (size_t i = 0; i < pieces[p].size(); ++i) {
                trial[pieces[p][i]] = next + local[i];
                used = std::max(used, local[i] + 1);
            }
            next += used;
            trialLocked.resize(static_cast<size_t>(next), false);
        }
        Grouping grouping(graph, weights, band, trial, next, trialLocked);
        grouping.improve(60);
        const Quality quality{grouping.totalViolation(), grouping.totalCrossings(),
                              grouping.totalCompactness() / std::max(1, next)};
        const bool better = quality.violation != bestQuality.violation
                                ? quality.violation < bestQuality.violation
                            : quality.crossings != bestQuality.crossings
                                ? quality.crossings < bestQuality.crossings
                                : quality.compactness > bestQuality.compactness + 1e-9;
        if (best.empty() || better) {
            best = grouping.partOf();
            bestLocked = trialLocked;
            bestParts = next;
            bestQuality = quality;
        }
    }

    // The parts, ordered by their first atom in file order.
    Grouping chosen(graph, weights, band, best, bestParts, bestLocked);
    std::vector<int> firstAtom(static_cast<size_t>(bestParts), std::numeric_limits<int>::max());
    for (int i = 0; i < graph.size(); ++i)
        firstAtom[best[i]] = std::min(firstAtom[best[i]], i);
    std::vector<int> order(static_cast<size_t>(bestParts));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return firstAtom[a] < firstAtom[b]; });
    for (int p : order) {
        if (chosen.part(p).size == 0)
            continue;
        DivisionProposal::Part part;
        for (int i = 0; i < graph.size(); ++i)
            if (best[i] == p) {
                part.members.push_back(graph.atoms()[i].unit->id);
                part.households += graph.atoms()[i].households;
                part.residents += graph.atoms()[i].residents;
            }
        const auto& sums = chosen.part(p);
        part.area = sums.area;
        part.polsbyPopper = DivisionGraph::polsbyPopper(sums.area, sums.perimeter);
        part.barrierCrossings = sums.crossings;
        part.locked = bestLocked[p];
        part.pieces = chosen.piecesOf(p);
        part.withinBand = byArea ? band.contains(sums.weight) : band.contains(part.households);
        proposal.parts.push_back(std::move(part));
    }
    proposal.byArea = byArea;
    describeShortfalls(proposal);
    return proposal;
}

DivisionProposal DivisionPlanner::moved(const DivisionProposal& proposal, UnitId child, int toPart,
                                        const std::vector<LineString>& barriers) const
{
    const QString levelName = mData.hierarchy.level(proposal.level).name.text();
    if (proposal.byHouseholdCount)
        refuse(Tr::tr("These %1 split households by count: there are no children to move").arg(levelName));
    if (toPart < 0 || toPart >= static_cast<int>(proposal.parts.size()))
        refuse(Tr::tr("The proposal has no %1 %2").arg(levelName).arg(toPart + 1));
    int from = -1;
    for (size_t p = 0; p < proposal.parts.size(); ++p) {
        const std::vector<UnitId>& members = proposal.parts[p].members;
        if (std::find(members.begin(), members.end(), child) != members.end())
            from = static_cast<int>(p);
    }
    const Unit* unit = mIndex.unit(child);
    if (from < 0 || !unit)
        refuse(Tr::tr("%1 is not among the units the proposal groups")
                   .arg(unit ? unit->code : QString::number(child)));
    DivisionProposal result = proposal;
    if (from == toPart)
        return result;
    if (proposal.parts[static_cast<size_t>(from)].locked ||
        proposal.parts[static_cast<size_t>(toPart)].locked)
        refuse(Tr::tr("New %1 %2 is locked: unlock it to change it")
                   .arg(levelName)
                   .arg((proposal.parts[static_cast<size_t>(from)].locked ? from : toPart) + 1));
    std::vector<UnitId>& source = result.parts[static_cast<size_t>(from)].members;
    if (source.size() == 1)
        refuse(Tr::tr("%1 is all new %2 %3 holds: it cannot be left empty")
                   .arg(unit->code, levelName)
                   .arg(from + 1));
    source.erase(std::find(source.begin(), source.end(), child));
    std::vector<UnitId>& target = result.parts[static_cast<size_t>(toPart)].members;
    target.push_back(child);
    std::sort(target.begin(), target.end(),
              [this](UnitId a, UnitId b) { return mIndex.unit(a)->code < mIndex.unit(b)->code; });
    recount(result, barriers);
    return result;
}

void DivisionPlanner::recount(DivisionProposal& proposal, const std::vector<LineString>& barriers) const
{
    if (proposal.byHouseholdCount) {
        describeShortfalls(proposal);
        return;
    }
    std::vector<const Unit*> children;
    std::vector<int> partOf;
    std::vector<bool> locked;
    for (size_t p = 0; p < proposal.parts.size(); ++p) {
        for (UnitId id : proposal.parts[p].members)
            if (const Unit* unit = mIndex.unit(id)) {
                children.push_back(unit);
                partOf.push_back(static_cast<int>(p));
            }
        locked.push_back(proposal.parts[p].locked);
    }
    const DivisionGraph graph(children, barriers);
    double totalArea = 0;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        totalArea += atom.area;
    std::vector<qint64> weights;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        weights.push_back(proposal.byArea ? std::llround(1e6 * atom.area / std::max(totalArea, 1e-9))
                                          : atom.households);
    const Grouping grouping(graph, weights, proposal.band, partOf, static_cast<int>(proposal.parts.size()),
                            locked);
    for (size_t p = 0; p < proposal.parts.size(); ++p) {
        DivisionProposal::Part& part = proposal.parts[p];
        part.households = part.residents = 0;
        for (int a = 0; a < graph.size(); ++a)
            if (partOf[a] == static_cast<int>(p)) {
                part.households += graph.atoms()[a].households;
                part.residents += graph.atoms()[a].residents;
            }
        const auto& sums = grouping.part(static_cast<int>(p));
        part.area = sums.area;
        part.polsbyPopper = DivisionGraph::polsbyPopper(sums.area, sums.perimeter);
        part.barrierCrossings = sums.crossings;
        part.withinBand = proposal.band.contains(proposal.byArea ? sums.weight : part.households);
        part.pieces = grouping.piecesOf(static_cast<int>(p));
    }
    describeShortfalls(proposal);
}

void DivisionPlanner::describeShortfalls(DivisionProposal& proposal) const
{
    const QString levelName = mData.hierarchy.level(proposal.level).name.text();
    const QString childLevel = proposal.level + 1 < mData.hierarchy.levelCount()
                                   ? mData.hierarchy.level(proposal.level + 1).name.text()
                                   : QString();
    proposal.unmet = proposal.limits;
    for (size_t i = 0; i < proposal.parts.size(); ++i) {
        const DivisionProposal::Part& part = proposal.parts[i];
        if (!part.withinBand && !proposal.byArea)
            proposal.unmet << Tr::tr("New %1 %2 has %3 households, outside %4")
                                  .arg(levelName)
                                  .arg(i + 1)
                                  .arg(part.households)
                                  .arg(bandText(proposal.band));
        if (part.barrierCrossings > 0)
            proposal.unmet
                << Tr::tr("New %1 %2 joins %3 across a barrier").arg(levelName).arg(i + 1).arg(childLevel);
        if (part.pieces > 1)
            proposal.unmet << Tr::tr("New %1 %2 is in %3 pieces").arg(levelName).arg(i + 1).arg(part.pieces);
    }
    proposal.unmet.removeDuplicates();
}

std::vector<MultiPolygon> DivisionPlanner::outlines(const DivisionProposal& proposal) const
{
    GeosEngine geos;
    std::vector<MultiPolygon> result;
    for (const DivisionProposal::Part& part : proposal.parts) {
        if (proposal.byHouseholdCount) {
            result.push_back(part.boundary);
            continue;
        }
        std::vector<const MultiPolygon*> boundaries;
        for (UnitId id : part.members)
            if (const Unit* unit = mIndex.unit(id))
                boundaries.push_back(&unit->boundary);
        result.push_back(boundaries.size() == 1 ? *boundaries.front() : geos.coverageUnion(boundaries));
    }
    return result;
}

} // namespace gridmodel
