#include "divisionplanner.h"

#include "../error.h"
#include "../geosengine.h"
#include "../hierarchyindex.h"
#include "../translation.h"
#include "atomgrouping.h"
#include "divisiongraph.h"

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

} // namespace

using namespace division;

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
        if (!splitsByCount(hierarchy, unit->level))
            refuse(Tr::tr("%1 has no %2 to group into new %3")
                       .arg(label, hierarchy.level(proposal.level + 1).name.text(), level.name.text()));
        splitByCount(*unit, request, proposal);
    } else {
        groupChildren(*unit, children, request, proposal);
    }
    describeShortfalls(proposal);
    return proposal;
}

void DivisionPlanner::splitByCount(const Unit& divided, const DivisionRequest& request,
                                   DivisionProposal& proposal) const
{
    const Unit* unit = &divided;
    const QString label = QStringLiteral("%1 %2").arg(unit->code, unit->name);
    const LevelDefinition& level = mData.hierarchy.level(proposal.level);
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
                1, static_cast<int>(proposal.band.max ? (total + *proposal.band.max - 1) / *proposal.band.max
                                                      : 1));
            proposal.limits << Tr::tr("%1 households of %2 cannot be split into whole %3 of %4 households")
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
        part.polsbyPopper = DivisionGraph::polsbyPopper(part.boundary);
        part.withinBand = proposal.band.contains(households);
        proposal.parts.push_back(std::move(part));
        lower = upper;
    }
}

void DivisionPlanner::groupChildren(const Unit& divided, const std::vector<const Unit*>& children,
                                    const DivisionRequest& request, DivisionProposal& proposal) const
{
    const Unit* unit = &divided;
    const HierarchyTemplate& hierarchy = mData.hierarchy;
    const QString label = QStringLiteral("%1 %2").arg(unit->code, unit->name);
    const LevelDefinition& level = hierarchy.level(proposal.level);
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
    const Grouping chosen(graph, weights, band, best, bestParts, bestLocked);
    const std::vector<int> piecesOfPart = chosen.pieceCounts();
    std::vector<int> firstAtom(static_cast<size_t>(bestParts), std::numeric_limits<int>::max());
    for (int i = 0; i < graph.size(); ++i)
        firstAtom[best[i]] = std::min(firstAtom[best[i]], i);
    std::vector<int> order(static_cast<size_t>(bestParts));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return firstAtom[a] < firstAtom[b]; });
    std::vector<std::vector<int>> atomsOfPart(static_cast<size_t>(bestParts));
    for (int i = 0; i < graph.size(); ++i)
        atomsOfPart[static_cast<size_t>(best[i])].push_back(i);
    for (int p : order) {
        if (chosen.part(p).size == 0)
            continue;
        DivisionProposal::Part part;
        for (int i : atomsOfPart[static_cast<size_t>(p)]) {
            part.members.push_back(graph.atoms()[i].unit->id);
            part.households += graph.atoms()[i].households;
            part.residents += graph.atoms()[i].residents;
        }
        const auto& sums = chosen.part(p);
        part.area = sums.area;
        part.polsbyPopper = DivisionGraph::polsbyPopper(sums.area, sums.perimeter);
        part.barrierCrossings = sums.crossings;
        part.locked = bestLocked[p];
        part.pieces = piecesOfPart[static_cast<size_t>(p)];
        part.withinBand = byArea ? band.contains(sums.weight) : band.contains(part.households);
        proposal.parts.push_back(std::move(part));
    }
    proposal.byArea = byArea;
}

DivisionGraph DivisionPlanner::graphOf(const DivisionProposal& proposal,
                                       const std::vector<LineString>& barriers) const
{
    std::vector<const Unit*> children;
    for (const DivisionProposal::Part& part : proposal.parts)
        for (UnitId id : part.members)
            if (const Unit* unit = mIndex.unit(id))
                children.push_back(unit);
    return DivisionGraph(children, barriers);
}

DivisionProposal DivisionPlanner::moved(const DivisionProposal& proposal, UnitId child, int toPart,
                                        const DivisionGraph& graph) const
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
    recount(result, graph);
    return result;
}

void DivisionPlanner::recount(DivisionProposal& proposal, const DivisionGraph& graph) const
{
    if (proposal.byHouseholdCount) {
        describeShortfalls(proposal);
        return;
    }
    QHash<UnitId, int> atomOf;
    for (int a = 0; a < graph.size(); ++a)
        atomOf.insert(graph.atoms()[a].unit->id, a);
    std::vector<int> partOf(static_cast<size_t>(graph.size()), -1);
    std::vector<bool> locked;
    for (size_t p = 0; p < proposal.parts.size(); ++p) {
        for (UnitId id : proposal.parts[p].members) {
            const auto found = atomOf.constFind(id);
            if (found == atomOf.constEnd())
                refuse(Tr::tr("%1 is not among the units the proposal groups").arg(QString::number(id)));
            partOf[*found] = static_cast<int>(p);
        }
        locked.push_back(proposal.parts[p].locked);
    }
    if (std::find(partOf.begin(), partOf.end(), -1) != partOf.end())
        refuse(
            Tr::tr("The proposal no longer fits: it leaves out %1")
                .arg(graph.atoms()[std::find(partOf.begin(), partOf.end(), -1) - partOf.begin()].unit->code));
    double totalArea = 0;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        totalArea += atom.area;
    std::vector<qint64> weights;
    for (const DivisionGraph::Atom& atom : graph.atoms())
        weights.push_back(proposal.byArea ? std::llround(1e6 * atom.area / std::max(totalArea, 1e-9))
                                          : atom.households);
    const Grouping grouping(graph, weights, proposal.band, partOf, static_cast<int>(proposal.parts.size()),
                            locked);
    const std::vector<int> piecesOfPart = grouping.pieceCounts();
    for (DivisionProposal::Part& part : proposal.parts)
        part.households = part.residents = 0;
    for (int a = 0; a < graph.size(); ++a) {
        DivisionProposal::Part& part = proposal.parts[static_cast<size_t>(partOf[a])];
        part.households += graph.atoms()[a].households;
        part.residents += graph.atoms()[a].residents;
    }
    for (size_t p = 0; p < proposal.parts.size(); ++p) {
        DivisionProposal::Part& part = proposal.parts[p];
        const auto& sums = grouping.part(static_cast<int>(p));
        part.area = sums.area;
        part.polsbyPopper = DivisionGraph::polsbyPopper(sums.area, sums.perimeter);
        part.barrierCrossings = sums.crossings;
        part.withinBand = proposal.band.contains(proposal.byArea ? sums.weight : part.households);
        part.pieces = piecesOfPart[p];
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

MultiPolygon DivisionPlanner::outlineOf(const DivisionProposal& proposal, size_t part) const
{
    const DivisionProposal::Part& unit = proposal.parts.at(part);
    if (proposal.byHouseholdCount)
        return unit.boundary;
    std::vector<const MultiPolygon*> boundaries;
    for (UnitId id : unit.members)
        if (const Unit* child = mIndex.unit(id))
            boundaries.push_back(&child->boundary);
    if (boundaries.size() == 1)
        return *boundaries.front();
    return GeosEngine().coverageUnion(boundaries);
}

} // namespace gridmodel
