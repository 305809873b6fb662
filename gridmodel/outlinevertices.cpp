#include "outlinevertices.h"

#include "error.h"
#include "translation.h"

#include <algorithm>
#include <cmath>

namespace gridmodel {

namespace {

double distanceSquared(const Point& a, const Point& b)
{
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

Point nearestOnSegment(const Point& point, const Point& a, const Point& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    if (length2 == 0)
        return a;
    const double t = std::clamp(((point.x - a.x) * dx + (point.y - a.y) * dy) / length2, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

//! corners of a closed ring: its points less the repeated closing one
int cornerCount(const Ring& ring)
{
    return ring.size() > 1 && ring.front() == ring.back() ? static_cast<int>(ring.size()) - 1
                                                          : static_cast<int>(ring.size());
}

void closeRing(Ring& ring)
{
    if (!ring.empty())
        ring.back() = ring.front();
}

} // namespace

bool OutlineVertices::isValid(const Vertex& vertex) const
{
    if (vertex.polygon < 0 || vertex.polygon >= static_cast<int>(mOutline.polygons.size()))
        return false;
    const Polygon& polygon = mOutline.polygons[static_cast<size_t>(vertex.polygon)];
    if (vertex.ring < 0 || vertex.ring >= static_cast<int>(polygon.rings.size()))
        return false;
    return vertex.vertex >= 0 && vertex.vertex < cornerCount(ringOf(vertex));
}

const Ring& OutlineVertices::ringOf(const Vertex& vertex) const
{
    return mOutline.polygons[static_cast<size_t>(vertex.polygon)].rings[static_cast<size_t>(vertex.ring)];
}

Point OutlineVertices::at(const Vertex& vertex) const
{
    if (!isValid(vertex))
        throw Error(Error::Kind::InvalidInput, Tr::tr("The outline has no such corner"));
    return ringOf(vertex)[static_cast<size_t>(vertex.vertex)];
}

template <typename Visit> void OutlineVertices::forEachRing(Visit visit) const
{
    for (int p = 0; p < static_cast<int>(mOutline.polygons.size()); ++p) {
        const Polygon& polygon = mOutline.polygons[static_cast<size_t>(p)];
        for (int r = 0; r < static_cast<int>(polygon.rings.size()); ++r)
            visit(p, r, polygon.rings[static_cast<size_t>(r)]);
    }
}

std::optional<OutlineVertices::Vertex> OutlineVertices::vertexNear(const Point& point, double tolerance) const
{
    std::optional<Vertex> nearest;
    double best = tolerance * tolerance;
    forEachRing([&](int p, int r, const Ring& ring) {
        for (int v = 0; v < cornerCount(ring); ++v) {
            const double d = distanceSquared(point, ring[static_cast<size_t>(v)]);
            if (d <= best) {
                best = d;
                nearest = Vertex{p, r, v};
            }
        }
    });
    return nearest;
}

std::optional<OutlineVertices::Vertex> OutlineVertices::edgeNear(const Point& point, double tolerance,
                                                                 Point* onEdge) const
{
    std::optional<Vertex> nearest;
    double best = tolerance * tolerance;
    forEachRing([&](int p, int r, const Ring& ring) {
        for (size_t v = 0; v + 1 < ring.size(); ++v) {
            const Point foot = nearestOnSegment(point, ring[v], ring[v + 1]);
            const double d = distanceSquared(point, foot);
            if (d <= best) {
                best = d;
                nearest = Vertex{p, r, static_cast<int>(v)};
                if (onEdge)
                    *onEdge = foot;
            }
        }
    });
    return nearest;
}

MultiPolygon OutlineVertices::moved(const Vertex& vertex, const Point& to) const
{
    if (!isValid(vertex))
        throw Error(Error::Kind::InvalidInput, Tr::tr("The outline has no such corner"));
    MultiPolygon result = mOutline;
    Ring& ring = result.polygons[static_cast<size_t>(vertex.polygon)].rings[static_cast<size_t>(vertex.ring)];
    ring[static_cast<size_t>(vertex.vertex)] = to;
    if (vertex.vertex == 0)
        closeRing(ring);
    return result;
}

MultiPolygon OutlineVertices::inserted(const Vertex& edgeStart, const Point& at) const
{
    if (!isValid(edgeStart))
        throw Error(Error::Kind::InvalidInput, Tr::tr("The outline has no such edge"));
    MultiPolygon result = mOutline;
    Ring& ring =
        result.polygons[static_cast<size_t>(edgeStart.polygon)].rings[static_cast<size_t>(edgeStart.ring)];
    ring.insert(ring.begin() + edgeStart.vertex + 1, at);
    return result;
}

MultiPolygon OutlineVertices::removed(const Vertex& vertex) const
{
    if (!isValid(vertex))
        throw Error(Error::Kind::InvalidInput, Tr::tr("The outline has no such corner"));
    if (cornerCount(ringOf(vertex)) <= 3)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("A boundary needs at least three corners; delete the unit instead"));
    MultiPolygon result = mOutline;
    Ring& ring = result.polygons[static_cast<size_t>(vertex.polygon)].rings[static_cast<size_t>(vertex.ring)];
    ring.erase(ring.begin() + vertex.vertex);
    if (vertex.vertex == 0)
        closeRing(ring);
    return result;
}

std::optional<MultiPolygon> OutlineVertices::withPointMoved(const MultiPolygon& outline, const Point& from,
                                                            const Point& to, double tolerance)
{
    const double tolerance2 = tolerance * tolerance;
    bool passes = false;
    MultiPolygon result = outline;
    for (Polygon& polygon : result.polygons)
        for (Ring& ring : polygon.rings) {
            Ring moved;
            moved.reserve(ring.size() + 1);
            for (size_t v = 0; v < ring.size(); ++v) {
                if (distanceSquared(ring[v], from) <= tolerance2) {
                    moved.push_back(to);
                    passes = true;
                    continue;
                }
                moved.push_back(ring[v]);
                if (v + 1 < ring.size() && distanceSquared(ring[v + 1], from) > tolerance2 &&
                    distanceSquared(nearestOnSegment(from, ring[v], ring[v + 1]), from) <= tolerance2) {
                    moved.push_back(to);
                    passes = true;
                }
            }
            ring = std::move(moved);
        }
    if (!passes)
        return std::nullopt;
    return result;
}

std::optional<MultiPolygon> OutlineVertices::withCornerRemoved(const MultiPolygon& outline, const Point& at,
                                                               double tolerance)
{
    const double tolerance2 = tolerance * tolerance;
    bool found = false;
    MultiPolygon result = outline;
    for (Polygon& polygon : result.polygons)
        for (Ring& ring : polygon.rings) {
            const int corners = cornerCount(ring);
            Ring kept;
            for (int v = 0; v < corners; ++v)
                if (distanceSquared(ring[static_cast<size_t>(v)], at) > tolerance2)
                    kept.push_back(ring[static_cast<size_t>(v)]);
            if (static_cast<int>(kept.size()) == corners)
                continue;
            found = true;
            if (kept.size() < 3)
                throw Error(Error::Kind::InvalidInput,
                            Tr::tr("A boundary needs at least three corners; delete the unit instead"));
            kept.push_back(kept.front());
            ring = std::move(kept);
        }
    if (!found)
        return std::nullopt;
    return result;
}

} // namespace gridmodel
