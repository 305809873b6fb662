#pragma once

#include <QString>
#include <algorithm>
#include <limits>
#include <vector>

namespace gridmodel {

struct Point
{
    double x = 0;
    double y = 0;
    bool operator==(const Point& other) const { return x == other.x && y == other.y; }
    bool operator!=(const Point& other) const { return !(*this == other); }
};

/** A closed ring: the first point is repeated at the end. */
using Ring = std::vector<Point>;

/** An open line, such as a cut line drawn across a unit. */
using LineString = std::vector<Point>;

struct Envelope
{
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isEmpty() const { return minX > maxX; }
    void include(const Point& p);
    void include(const Envelope& other);
    double width() const { return isEmpty() ? 0 : maxX - minX; }
    double height() const { return isEmpty() ? 0 : maxY - minY; }
    Point center() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
    //! whether the two share a point (touching counts); never for an empty one
    bool meets(const Envelope& other) const
    {
        return !isEmpty() && !other.isEmpty() && minX <= other.maxX && other.minX <= maxX &&
               minY <= other.maxY && other.minY <= maxY;
    }
    //! whether the two share more than an edge or a corner (their insides meet)
    bool overlaps(const Envelope& other) const
    {
        return minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY;
    }
    //! whether the other lies inside this one (on its edge counts); never for an empty one
    bool contains(const Envelope& other) const
    {
        return !other.isEmpty() && minX <= other.minX && other.maxX <= maxX && minY <= other.minY &&
               other.maxY <= maxY;
    }
    //! whether the point lies inside (on the edge counts)
    bool contains(const Point& p) const { return minX <= p.x && p.x <= maxX && minY <= p.y && p.y <= maxY; }
    //! the box both cover; empty when they do not meet
    Envelope intersected(const Envelope& other) const
    {
        if (!meets(other))
            return {};
        return {std::max(minX, other.minX), std::max(minY, other.minY), std::min(maxX, other.maxX),
                std::min(maxY, other.maxY)};
    }
    //! the envelope with `by` more on every side
    Envelope grownBy(double by) const { return {minX - by, minY - by, maxX + by, maxY + by}; }
};

/** A polygon: the exterior ring first (counter-clockwise), then holes (clockwise). */
struct Polygon
{
    std::vector<Ring> rings;
};

/**
 * The boundary of a unit, in the project CRS (metres). Plain data: exact operations
 * (validity, union, clipping) go through GeosEngine.
 */
struct MultiPolygon
{
    std::vector<Polygon> polygons;

    bool isEmpty() const { return polygons.empty(); }
    //! planar area in square metres (holes subtracted)
    double area() const;
    Envelope envelope() const;
    int vertexCount() const;
    QString toWkt(int precision = 3) const;
    //! whether the point lies inside (on an edge counts as inside; holes are outside)
    bool contains(const Point& point) const;
    bool operator==(const MultiPolygon& other) const;
};

//! signed area of a closed ring (positive when counter-clockwise)
double signedRingArea(const Ring& ring);

/**
 * Whether a point in a projected system in metres can be no place on Earth: a coordinate that
 * is not a number, or beyond ±10⁸ m (what damaged bytes read as a number look like).
 */
bool isImpossiblePoint(const Point& point);
//! whether any vertex of the geometry is such a point
bool hasImpossiblePoints(const MultiPolygon& geometry);

/**
 * A quick, conservative test that a polygon is valid: one closed ring of at most
 * maxVertices points whose edges neither cross nor touch except at shared corners
 * (a sweep along x, so large rings are cheap too). False
 * means "not proven here" (ask GEOS), never "invalid".
 */
bool isClearlyValidSimplePolygon(const MultiPolygon& geometry, size_t maxVertices = 1 << 20);

/**
 * Whether segments p1p2 and q1q2 cross or touch. Conservative: where a point lies on the other's
 * line within their common box it says they meet.
 */
bool segmentsMeet(const Point& p1, const Point& p2, const Point& q1, const Point& q2);

} // namespace gridmodel
