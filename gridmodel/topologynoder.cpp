#include "topologynoder.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace gridmodel {

namespace {

/** Points sorted by x, to find those near a segment quickly. */
class PointIndex
{
public:
    void add(const Point& p) { mPoints.push_back(p); }
    void finish()
    {
        std::sort(mPoints.begin(), mPoints.end(),
                  [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
        mPoints.erase(std::unique(mPoints.begin(), mPoints.end()), mPoints.end());
    }

    //! points strictly inside segment ab (within the tolerance), ordered from a to b
    std::vector<Point> onSegment(const Point& a, const Point& b) const
    {
        const double tolerance = TopologyNoder::Tolerance;
        const double minX = std::min(a.x, b.x) - tolerance, maxX = std::max(a.x, b.x) + tolerance;
        const double minY = std::min(a.y, b.y) - tolerance, maxY = std::max(a.y, b.y) + tolerance;
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double length2 = dx * dx + dy * dy;
        std::vector<std::pair<double, Point>> found;
        auto it = std::lower_bound(mPoints.begin(), mPoints.end(), minX,
                                   [](const Point& p, double x) { return p.x < x; });
        for (; it != mPoints.end() && it->x <= maxX; ++it) {
            const Point& p = *it;
            if (p.y < minY || p.y > maxY || length2 == 0)
                continue;
            const double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2;
            if (t <= 0 || t >= 1)
                continue;
            const double cross = (p.x - a.x) * dy - (p.y - a.y) * dx;
            if (cross * cross > tolerance * tolerance * length2)
                continue; // farther from the line than the tolerance
            if (std::hypot(p.x - a.x, p.y - a.y) <= tolerance ||
                std::hypot(p.x - b.x, p.y - b.y) <= tolerance)
                continue;
            found.emplace_back(t, p);
        }
        std::sort(found.begin(), found.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
        std::vector<Point> points;
        for (const auto& [t, p] : found)
            points.push_back(p);
        return points;
    }

private:
    std::vector<Point> mPoints;
};

/** Snaps points to the first point seen within the tolerance (a hash of tolerance cells). */
class SnapGrid
{
public:
    void add(const Point& p) { mCells[cell(p)].push_back(p); }

    Point snap(const Point& p) const
    {
        const auto [cx, cy] = cell(p);
        for (qint64 x = cx - 1; x <= cx + 1; ++x)
            for (qint64 y = cy - 1; y <= cy + 1; ++y)
                for (const Point& q : mCells.value({x, y}))
                    if (q != p && std::hypot(q.x - p.x, q.y - p.y) <= TopologyNoder::Tolerance)
                        return q;
        return p;
    }

private:
    static std::pair<qint64, qint64> cell(const Point& p)
    {
        return {static_cast<qint64>(std::floor(p.x / TopologyNoder::Tolerance)),
                static_cast<qint64>(std::floor(p.y / TopologyNoder::Tolerance))};
    }
    QHash<std::pair<qint64, qint64>, std::vector<Point>> mCells;
};

/**
 * Removes repeated points and spikes (a vertex the ring walks to and straight back from),
 * which snapping a sliver of width below the tolerance leaves behind.
 */
void removeSpikes(Ring& ring)
{
    if (ring.size() < 2)
        return;
    std::vector<Point> open(ring.begin(), ring.end() - 1); // without the closing point
    bool changed = true;
    while (changed && open.size() >= 3) {
        changed = false;
        open.erase(std::unique(open.begin(), open.end()), open.end());
        while (open.size() > 1 && open.front() == open.back())
            open.pop_back();
        const size_t n = open.size();
        for (size_t i = 0; i < n && n >= 3; ++i)
            if (open[(i + n - 1) % n] == open[(i + 1) % n]) {
                // ... a, p, a ...: drop p and one of the a's
                const size_t next = (i + 1) % n;
                open.erase(open.begin() + static_cast<std::ptrdiff_t>(std::max(i, next)));
                open.erase(open.begin() + static_cast<std::ptrdiff_t>(std::min(i, next)));
                changed = true;
                break;
            }
    }
    ring.assign(open.begin(), open.end());
    if (!ring.empty())
        ring.push_back(ring.front());
}

template <typename Visit> void forEachVertex(const Unit& unit, Visit visit)
{
    for (const Polygon& polygon : unit.boundary.polygons)
        for (const Ring& ring : polygon.rings)
            for (const Point& p : ring)
                visit(p);
}

//! inserts the index's points lying on the unit's edges; returns whether it inserted any
bool insertVertices(Unit& unit, const PointIndex& index)
{
    bool inserted = false;
    for (Polygon& polygon : unit.boundary.polygons)
        for (Ring& ring : polygon.rings) {
            Ring noded;
            noded.reserve(ring.size());
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                noded.push_back(ring[i]);
                const std::vector<Point> between = index.onSegment(ring[i], ring[i + 1]);
                inserted = inserted || !between.empty();
                noded.insert(noded.end(), between.begin(), between.end());
            }
            if (!ring.empty())
                noded.push_back(ring.back());
            ring = std::move(noded);
        }
    return inserted;
}

} // namespace

void TopologyNoder::node(const std::vector<Unit*>& changed, const std::vector<Unit*>& neighbours,
                         std::vector<size_t>* changedNeighbours)
{
    // Snap changed corners onto the neighbours' corners (those are authoritative), then
    // onto each other's.
    SnapGrid grid;
    for (const Unit* unit : neighbours)
        forEachVertex(*unit, [&](const Point& p) { grid.add(p); });
    for (Unit* unit : changed)
        for (Polygon& polygon : unit->boundary.polygons)
            for (Ring& ring : polygon.rings) {
                for (Point& p : ring) {
                    p = grid.snap(p);
                    grid.add(p);
                }
                removeSpikes(ring);
            }

    for (Unit* unit : changed) {
        auto& polygons = unit->boundary.polygons;
        for (Polygon& polygon : polygons)
            polygon.rings.erase(std::remove_if(polygon.rings.begin(), polygon.rings.end(),
                                               [](const Ring& r) { return r.size() < 4; }),
                                polygon.rings.end());
        polygons.erase(
            std::remove_if(polygons.begin(), polygons.end(),
                           [](const Polygon& p) { return p.rings.empty() || p.rings.front().size() < 4; }),
            polygons.end());
    }

    PointIndex changedCorners, allCorners;
    for (const Unit* unit : changed)
        forEachVertex(*unit, [&](const Point& p) {
            changedCorners.add(p);
            allCorners.add(p);
        });
    for (const Unit* unit : neighbours)
        forEachVertex(*unit, [&](const Point& p) { allCorners.add(p); });
    changedCorners.finish();
    allCorners.finish();

    for (Unit* unit : changed)
        insertVertices(*unit, allCorners);
    for (size_t i = 0; i < neighbours.size(); ++i)
        if (insertVertices(*neighbours[i], changedCorners) && changedNeighbours)
            changedNeighbours->push_back(i);
}

} // namespace gridmodel
