#include "atomgrouping.h"

#include "../error.h"
#include "../translation.h"

#include <metis.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace gridmodel::division {

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

} // namespace gridmodel::division
