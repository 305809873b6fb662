#include "check/familytally.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace gridmodel {

EdgeTally::EdgeTally(size_t edges)
{
    size_t capacity = 16;
    while (capacity < edges * 2)
        capacity *= 2;
    mSlots.resize(capacity);
}

void EdgeTally::add(const Point& a, const Point& b, bool isParent)
{
    const bool forward = a.x < b.x || (a.x == b.x && a.y < b.y);
    const Point& low = forward ? a : b;
    const Point& high = forward ? b : a;
    const size_t mask = mSlots.size() - 1;
    for (size_t i = hash(low, high) & mask;; i = (i + 1) & mask) {
        Slot& slot = mSlots[i];
        if (!slot.used) {
            slot = {low, high, 0, 0, true};
            mUsed.push_back(i);
        } else if (!(slot.low == low && slot.high == high)) {
            continue;
        }
        (isParent ? slot.parent : slot.children) += forward ? 1 : -1;
        return;
    }
}

bool EdgeTally::balanced() const
{
    for (size_t i : mUsed)
        if (mSlots[i].children != mSlots[i].parent)
            return false;
    return true;
}

size_t EdgeTally::hash(const Point& low, const Point& high)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (double v : {low.x, low.y, high.x, high.y}) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        h = (h ^ bits) * 1099511628211ULL;
        h ^= h >> 29;
    }
    return static_cast<size_t>(h);
}

namespace {

template <typename Visit> void forEachEdge(const MultiPolygon& geometry, Visit visit)
{
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings)
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                visit(ring[i], ring[i + 1]);
}

} // namespace

FamilyTally::FamilyTally(const Unit& parent, const std::vector<const Unit*>& children, double tolerance)
    : tally(edgeCount(parent, children))
{
    double childArea = 0;
    for (const Unit* child : children) {
        childArea += child->boundary.area();
        forEachEdge(child->boundary, [this](const Point& a, const Point& b) { tally.add(a, b, false); });
    }
    forEachEdge(parent.boundary, [this](const Point& a, const Point& b) { tally.add(a, b, true); });
    areasAddUp = std::abs(childArea - parent.boundary.area()) <= tolerance;
}

size_t FamilyTally::edgeCount(const Unit& parent, const std::vector<const Unit*>& children)
{
    size_t edges = static_cast<size_t>(parent.boundary.vertexCount());
    for (const Unit* child : children)
        edges += static_cast<size_t>(child->boundary.vertexCount());
    return edges;
}

std::vector<std::pair<Point, Point>> unbalancedEdges(const std::vector<const Unit*>& units)
{
    size_t edges = 0;
    for (const Unit* unit : units)
        edges += static_cast<size_t>(unit->boundary.vertexCount());
    EdgeTally tally(edges);
    for (const Unit* unit : units)
        forEachEdge(unit->boundary, [&tally](const Point& a, const Point& b) { tally.add(a, b, false); });
    std::vector<std::pair<Point, Point>> unbalanced;
    tally.forEachUnbalanced([&unbalanced](const Point& a, const Point& b) { unbalanced.emplace_back(a, b); });
    return unbalanced;
}

std::optional<std::vector<Envelope>> disagreeingAreas(const FamilyTally& family, const Unit& parent,
                                                      const std::vector<const Unit*>& children, double margin)
{
    std::vector<Envelope> boxes;
    const auto addBox = [&boxes](const Point& a, const Point& b) {
        Envelope box;
        box.include(a);
        box.include(b);
        boxes.push_back(box);
    };
    const auto wrongTurns = [&](const MultiPolygon& geometry) {
        for (const Polygon& polygon : geometry.polygons)
            for (size_t r = 0; r < polygon.rings.size(); ++r)
                if ((signedRingArea(polygon.rings[r]) > 0) != (r == 0)) // outer anticlockwise, holes not
                    for (size_t i = 0; i + 1 < polygon.rings[r].size(); ++i)
                        addBox(polygon.rings[r][i], polygon.rings[r][i + 1]);
    };
    for (const Unit* child : children)
        wrongTurns(child->boundary);
    wrongTurns(parent.boundary);
    family.tally.forEachUnbalanced(addBox);
    const size_t edgeCount = FamilyTally::edgeCount(parent, children);
    if (boxes.empty() || boxes.size() > std::max<size_t>(64, edgeCount / 4))
        return std::nullopt;
    // merge boxes that come within the margin of each other, until none do
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t i = 0; i < boxes.size(); ++i)
            for (size_t j = i + 1; j < boxes.size();) {
                if (boxes[i].grownBy(margin).meets(boxes[j])) {
                    boxes[i].include(boxes[j]);
                    boxes[j] = boxes.back();
                    boxes.pop_back();
                    merged = true;
                } else {
                    ++j;
                }
            }
    }
    return boxes;
}

} // namespace gridmodel
