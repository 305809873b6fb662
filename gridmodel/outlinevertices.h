#pragma once

#include "geometry.h"

#include <optional>

namespace gridmodel {

/**
 * The corners of a unit's outline as a vertex editor addresses them: found near a point,
 * moved, inserted into an edge or removed, each giving a new outline (the closing point
 * of a ring follows its first). Geometry only: the outline is then given to the unit
 * through HierarchyEditor::reshape, which keeps the neighbours in step.
 */
class OutlineVertices
{
public:
    //! a corner: ring `ring` of polygon `polygon`, vertex `vertex` (0 .. corners - 1)
    struct Vertex
    {
        int polygon = 0;
        int ring = 0;
        int vertex = 0;
        bool operator==(const Vertex& other) const
        {
            return polygon == other.polygon && ring == other.ring && vertex == other.vertex;
        }
    };

    explicit OutlineVertices(const MultiPolygon& outline) : mOutline(outline) {}

    const MultiPolygon& outline() const { return mOutline; }
    Point at(const Vertex& vertex) const;
    //! the corner nearest to `point` within `tolerance`
    std::optional<Vertex> vertexNear(const Point& point, double tolerance) const;
    /**
     * The edge nearest to `point` within `tolerance`, named by the corner it starts at;
     * `onEdge` receives the nearest point on it.
     */
    std::optional<Vertex> edgeNear(const Point& point, double tolerance, Point* onEdge = nullptr) const;

    MultiPolygon moved(const Vertex& vertex, const Point& to) const;
    //! a new corner at `at` on the edge that starts at `edgeStart`; it becomes edgeStart + 1
    MultiPolygon inserted(const Vertex& edgeStart, const Point& at) const;
    //! without the corner; throws Error(InvalidInput) when its ring would keep fewer than 3
    MultiPolygon removed(const Vertex& vertex) const;

    /**
     * The outline with the point `from` moved to `to` wherever the outline passes through it
     * (within `tolerance`): a corner there moves, an edge through it gains a corner at `to`.
     * Empty when the outline does not pass through `from`. This is how one corner shared by
     * several units (neighbours, a parent's edge, its children) moves in all of them.
     */
    static std::optional<MultiPolygon> withPointMoved(const MultiPolygon& outline, const Point& from,
                                                      const Point& to, double tolerance);
    /**
     * The outline without its corners at `at` (within `tolerance`); empty when it has none
     * there. Throws Error(InvalidInput) when a ring would keep fewer than three corners.
     */
    static std::optional<MultiPolygon> withCornerRemoved(const MultiPolygon& outline, const Point& at,
                                                         double tolerance);

private:
    bool isValid(const Vertex& vertex) const;
    const Ring& ringOf(const Vertex& vertex) const;
    //! calls visit(polygon, ring, the ring) for every ring of the outline
    template <typename Visit> void forEachRing(Visit visit) const;

    MultiPolygon mOutline;
};

} // namespace gridmodel
