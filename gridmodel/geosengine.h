#pragma once

#include "geometry.h"
#include "translation.h"

#include <QString>
#include <optional>
#include <utility>
#include <vector>

namespace gridmodel {

/**
 * Exact geometry through the GEOS C API (one reentrant context per engine; an engine
 * is not shared between threads).
 */
class GeosEngine
{
public:
    GeosEngine();
    ~GeosEngine();
    GeosEngine(const GeosEngine&) = delete;
    GeosEngine& operator=(const GeosEngine&) = delete;

    //! empty when valid, else GEOS's reason ("Self-intersection[x y]" ...)
    QString invalidityReason(const MultiPolygon& geometry) const;
    bool isValid(const MultiPolygon& geometry) const { return invalidityReason(geometry).isEmpty(); }
    //! the reason as a person reads it, in both languages ("crosses itself near (x, y)"); empty when valid
    TwoLanguages invalidity(const MultiPolygon& geometry) const;
    //! where an invalid geometry goes wrong (the crossing of a self-intersection); empty when valid
    std::optional<Point> invalidityPlace(const MultiPolygon& geometry) const;
    /**
     * The geometry made valid (GEOS MakeValid), its polygonal part only: a bow-tie becomes two
     * triangles, a spike is dropped. Throws Error(InvalidInput) when nothing polygonal is left.
     */
    MultiPolygon repaired(const MultiPolygon& geometry) const;

    /**
     * Union of polygons that do not overlap and share edges exactly (a coverage), as
     * a parent's boundary is the union of its children. Falls back to a full union
     * when GEOS rejects the input as not a coverage.
     */
    MultiPolygon coverageUnion(const std::vector<const MultiPolygon*>& parts) const;

    MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b) const;
    MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b) const;
    //! the part of the geometry inside the box (GEOS's rectangle clipping: quicker than intersection)
    MultiPolygon clippedTo(const MultiPolygon& geometry, const Envelope& box) const;
    //! the geometry clipped to each box in turn, handed to GEOS once
    std::vector<MultiPolygon> clippedTo(const MultiPolygon& geometry,
                                        const std::vector<Envelope>& boxes) const;
    //! union of any polygons, overlapping or not
    MultiPolygon unaryUnion(const std::vector<const MultiPolygon*>& parts) const;
    /**
     * The faces the segments enclose, as a planar map draws them: the segments are noded where
     * they cross or overlap, and each bounded face is one polygon (holes where other faces
     * lie inside it). Dangling and unclosed lines bound nothing.
     */
    MultiPolygon facesEnclosedBy(const std::vector<std::pair<Point, Point>>& segments) const;
    //! a point inside the geometry (for labels and zooming); the envelope centre when empty
    Point pointOnSurface(const MultiPolygon& geometry) const;

    //! area of the symmetric difference, to compare two boundaries
    double symmetricDifferenceArea(const MultiPolygon& a, const MultiPolygon& b) const;

    /**
     * The geometry with its vertices and edges snapped onto those of `reference` within
     * `tolerance` metres, as digitising with snapping does, so a drawn outline meets the
     * existing boundaries exactly. Returns the geometry unchanged when snapping would make
     * it invalid.
     */
    MultiPolygon snappedTo(const MultiPolygon& geometry, const std::vector<const MultiPolygon*>& reference,
                           double tolerance) const;

    //! length of the boundary two polygons share (0 when they only touch at points)
    double sharedBoundaryLength(const MultiPolygon& a, const MultiPolygon& b) const;

    /**
     * The pieces a line cuts a polygon into, as ST_Split does: one piece when the line
     * does not cross it from edge to edge. A line ending inside the polygon cuts nothing.
     */
    std::vector<MultiPolygon> splitByLine(const MultiPolygon& geometry, const LineString& line) const;

    //! parses WKT (POLYGON or MULTIPOLYGON); throws Error(InvalidInput) naming the problem
    MultiPolygon fromWkt(const QString& wkt) const;
    //! parses WKT of a LINESTRING; throws Error(InvalidInput) naming the problem
    LineString lineFromWkt(const QString& wkt) const;

private:
    struct Private;
    Private* d;
};

} // namespace gridmodel
