#pragma once

// Internal to divide/: how DivisionPlanner groups atoms (the children it divides) into parts.

#include "../hierarchytemplate.h"
#include "divisiongraph.h"

#include <QSet>
#include <QString>
#include <QtGlobal>
#include <algorithm>
#include <vector>

namespace gridmodel::division {

//! "300–500", "≥ 300", "≤ 500"
QString bandText(const TargetBand& band);
//! how far a total lies outside the band (0 inside it)
qint64 violation(qint64 total, const TargetBand& band);
/**
 * The number of whole units a total fits into within the band, nearest the band's middle;
 * 0 when none fits (the total is too small, or falls between two numbers of units).
 */
int unitsFor(qint64 total, const TargetBand& band);
//! the band a request for a number of parts aims at: within a tenth of the mean
TargetBand bandForParts(qint64 total, int parts);

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

    //! how many pieces each part is in (1: contiguous), in one walk over the atoms
    std::vector<int> pieceCounts() const
    {
        std::vector<int> pieces(mParts.size(), 0);
        std::vector<bool> seen(mPartOf.size(), false);
        std::vector<int> stack;
        for (int start = 0; start < mGraph.size(); ++start) {
            if (seen[start])
                continue;
            const int p = mPartOf[start];
            ++pieces[static_cast<size_t>(p)];
            stack.assign(1, start);
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
                            const std::vector<qint64>& weights, int parts, quint64 seed, double imbalance);

//! the connected pieces of the atoms not yet in a part, through any border or only through borders no barrier
//! runs between
std::vector<std::vector<int>> connectedPieces(const DivisionGraph& graph, const std::vector<int>& partOf,
                                              bool acrossBarriers);

/**
 * The pieces the barriers cut the free atoms into. A piece that fits no whole number of units
 * in the band joins the piece across a barrier it shares the longest border with, smallest
 * first, until each fits or has no neighbour left: barriers are crossed only where nothing
 * else fits.
 */
std::vector<std::vector<int>> barrierRegions(const DivisionGraph& graph, const std::vector<int>& partOf,
                                             const std::vector<qint64>& weights, const TargetBand& band);

} // namespace gridmodel::division
