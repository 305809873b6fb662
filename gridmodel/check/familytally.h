#pragma once

#include "geometry.h"
#include "projectdata.h"

#include <optional>
#include <utility>
#include <vector>

namespace gridmodel {

/**
 * Undirected edges, each with the sum of the children's directions (+1 as stored, -1
 * reversed) and the parent's, in one flat open-addressing table: no allocation per edge.
 */
class EdgeTally
{
public:
    explicit EdgeTally(size_t edges);

    void add(const Point& a, const Point& b, bool isParent);

    //! visits each edge the children and the parent do not agree on: visit(low, high)
    template <typename Visit> void forEachUnbalanced(Visit visit) const
    {
        for (size_t i : mUsed)
            if (mSlots[i].children != mSlots[i].parent)
                visit(mSlots[i].low, mSlots[i].high);
    }

    //! whether what is left of the children's edges is exactly the parent's, in its direction
    bool balanced() const;

private:
    struct Slot
    {
        Point low, high;
        int children = 0;
        int parent = 0;
        bool used = false;
    };

    static size_t hash(const Point& low, const Point& high);

    std::vector<Slot> mSlots;
    std::vector<size_t> mUsed;
};

/** A family's edges tallied (EdgeTally), and whether its children's areas add up to the parent's. */
struct FamilyTally
{
    FamilyTally(const Unit& parent, const std::vector<const Unit*>& children, double tolerance);

    static size_t edgeCount(const Unit& parent, const std::vector<const Unit*>& children);

    //! children tile the parent exactly as drawn (Checker::tilesExactly)
    bool tilesExactly() const { return areasAddUp && tally.balanced(); }

    EdgeTally tally;
    bool areasAddUp = false;
};

/**
 * The edges of units without a parent (the top level) that they do not walk as often one way as
 * the other: the only lines where being covered can change. Across any other edge one unit ends
 * where another begins.
 */
std::vector<std::pair<Point, Point>> unbalancedEdges(const std::vector<const Unit*>& units);

/**
 * Where a family's coverage can be wrong: the boxes around the edges its children and parent do
 * not agree on (a child's edge no sibling walks back and the parent does not have, or a ring
 * turning the wrong way), merged until no two lie within `margin` of each other. Everywhere
 * else the children's winding adds up to the parent's, so nothing there is a gap, an overlap
 * or outside the parent: each such area lies inside one box. Empty when none disagree (only
 * the areas do not add up) or a quarter of the edges do (the whole family's exact check is as
 * quick then).
 */
std::optional<std::vector<Envelope>> disagreeingAreas(const FamilyTally& family, const Unit& parent,
                                                      const std::vector<const Unit*>& children,
                                                      double margin);

} // namespace gridmodel
