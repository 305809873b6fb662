#include "geosengine.h"

#include "error.h"

#include <QCoreApplication>
#include <algorithm>
#include <geos_c.h>
#include <memory>

namespace gridmodel {

struct GeosEngine::Private
{
    GEOSContextHandle_t context = nullptr;

    struct GeometryDeleter
    {
        GEOSContextHandle_t context;
        void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context, g); }
    };
    using Owned = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

    Owned own(GEOSGeometry* g) const { return Owned(g, GeometryDeleter{context}); }

    GEOSGeometry* ring(const Ring& ring) const
    {
        GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(context, static_cast<unsigned>(ring.size()), 2);
        for (unsigned i = 0; i < ring.size(); ++i)
            GEOSCoordSeq_setXY_r(context, sequence, i, ring[i].x, ring[i].y);
        return GEOSGeom_createLinearRing_r(context, sequence);
    }

    GEOSGeometry* polygon(const Polygon& polygon) const
    {
        if (polygon.rings.empty())
            return GEOSGeom_createEmptyPolygon_r(context);
        GEOSGeometry* shell = ring(polygon.rings.front());
        std::vector<GEOSGeometry*> holes;
        for (size_t i = 1; i < polygon.rings.size(); ++i)
            holes.push_back(ring(polygon.rings[i]));
        return GEOSGeom_createPolygon_r(context, shell, holes.data(), static_cast<unsigned>(holes.size()));
    }

    Owned toGeos(const MultiPolygon& geometry) const
    {
        std::vector<GEOSGeometry*> parts;
        for (const Polygon& p : geometry.polygons)
            parts.push_back(polygon(p));
        return own(GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, parts.data(),
                                               static_cast<unsigned>(parts.size())));
    }

    //! all polygons of all parts in one GEOS geometry collection
    Owned collection(const std::vector<const MultiPolygon*>& parts) const
    {
        std::vector<GEOSGeometry*> polygons;
        for (const MultiPolygon* part : parts)
            for (const Polygon& p : part->polygons)
                polygons.push_back(polygon(p));
        return own(GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION, polygons.data(),
                                               static_cast<unsigned>(polygons.size())));
    }

    Ring fromRing(const GEOSGeometry* ring) const
    {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
        unsigned size = 0;
        GEOSCoordSeq_getSize_r(context, sequence, &size);
        Ring result(size);
        for (unsigned i = 0; i < size; ++i)
            GEOSCoordSeq_getXY_r(context, sequence, i, &result[i].x, &result[i].y);
        return result;
    }

    static Ring oriented(Ring ring, bool counterClockwise)
    {
        if ((signedRingArea(ring) > 0) != counterClockwise)
            std::reverse(ring.begin(), ring.end());
        return ring;
    }

    void appendPolygons(const GEOSGeometry* g, MultiPolygon& out) const
    {
        const int type = GEOSGeomTypeId_r(context, g);
        if (type == GEOS_POLYGON) {
            if (GEOSisEmpty_r(context, g))
                return;
            // GEOS's overlays return shells clockwise; ours run counter-clockwise, holes
            // clockwise, so that neighbours walk their shared edges in opposite directions.
            Polygon polygon;
            polygon.rings.push_back(oriented(fromRing(GEOSGetExteriorRing_r(context, g)), true));
            const int holes = GEOSGetNumInteriorRings_r(context, g);
            for (int i = 0; i < holes; ++i)
                polygon.rings.push_back(oriented(fromRing(GEOSGetInteriorRingN_r(context, g, i)), false));
            out.polygons.push_back(std::move(polygon));
        } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
            const int count = GEOSGetNumGeometries_r(context, g);
            for (int i = 0; i < count; ++i)
                appendPolygons(GEOSGetGeometryN_r(context, g, i), out);
        }
    }

    //! throws Error(InvalidInput) for text GEOS cannot read
    Owned readWkt(const QString& wkt) const
    {
        GEOSWKTReader* reader = GEOSWKTReader_create_r(context);
        auto g = own(GEOSWKTReader_read_r(context, reader, wkt.toUtf8().constData()));
        GEOSWKTReader_destroy_r(context, reader);
        if (!g)
            throw Error(Error::Kind::InvalidInput,
                        QCoreApplication::translate("gridmodel", "Not valid WKT: %1").arg(wkt.left(80)));
        return g;
    }

    MultiPolygon fromGeos(const GEOSGeometry* g) const
    {
        MultiPolygon result;
        appendPolygons(g, result);
        return result;
    }
};

namespace {
void ignoreMessage(const char*, void*) {}
} // namespace

GeosEngine::GeosEngine() : d(new Private)
{
    d->context = GEOS_init_r();
    GEOSContext_setNoticeMessageHandler_r(d->context, ignoreMessage, nullptr);
    GEOSContext_setErrorMessageHandler_r(d->context, ignoreMessage, nullptr);
}

GeosEngine::~GeosEngine()
{
    GEOS_finish_r(d->context);
    delete d;
}

QString GeosEngine::invalidityReason(const MultiPolygon& geometry) const
{
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings)
            if (ring.size() < 4 || ring.front() != ring.back())
                return QCoreApplication::translate("gridmodel",
                                                   "Ring not closed or with fewer than 4 points");
    auto g = d->toGeos(geometry);
    if (!g)
        return QCoreApplication::translate("gridmodel", "Geometry cannot be built");
    char* reason = GEOSisValidReason_r(d->context, g.get());
    QString text = reason ? QString::fromUtf8(reason) : QStringLiteral("unknown");
    GEOSFree_r(d->context, reason);
    return text == QLatin1String("Valid Geometry") ? QString() : text;
}

TwoLanguages GeosEngine::invalidity(const MultiPolygon& geometry) const
{
    const QString reason = invalidityReason(geometry);
    if (reason.isEmpty())
        return {};
    // GEOS says "Self-intersection[452010.5 4400020.25]": a name, and where
    static const char* const names[][2] = {
        {"Self-intersection", QT_TRANSLATE_NOOP("gridmodel", "the boundary crosses itself")},
        {"Ring Self-intersection", QT_TRANSLATE_NOOP("gridmodel", "a ring touches itself")},
        {"Too few points", QT_TRANSLATE_NOOP("gridmodel", "a ring has too few points")},
        {"Hole lies outside shell", QT_TRANSLATE_NOOP("gridmodel", "a hole lies outside its outline")},
        {"Nested holes", QT_TRANSLATE_NOOP("gridmodel", "a hole lies inside another hole")},
        {"Interior is disconnected", QT_TRANSLATE_NOOP("gridmodel", "holes cut the area in two")},
        {"Nested shells", QT_TRANSLATE_NOOP("gridmodel", "one part lies inside another")},
        {"Duplicate Rings", QT_TRANSLATE_NOOP("gridmodel", "a ring is repeated")},
        {"Invalid Coordinate", QT_TRANSLATE_NOOP("gridmodel", "a coordinate is not a number")},
        {"Ring is not closed", QT_TRANSLATE_NOOP("gridmodel", "a ring is not closed")},
    };
    const int bracket = reason.indexOf(QLatin1Char('['));
    const QString name = (bracket >= 0 ? reason.left(bracket) : reason).trimmed();
    TwoLanguages what{reason, reason}; // a reason GEOS may add one day is shown as it is
    for (const auto& [geosName, source] : names)
        if (name.compare(QLatin1String(geosName), Qt::CaseInsensitive) == 0)
            what = inBothLanguages(source);
    if (bracket < 0 || what.text == reason)
        return what;
    const QStringList coordinates =
        reason.mid(bracket + 1).section(QLatin1Char(']'), 0, 0).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool xOk = false, yOk = false;
    const double x = coordinates.value(0).toDouble(&xOk), y = coordinates.value(1).toDouble(&yOk);
    if (!xOk || !yOk)
        return what;
    return inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 near (%2, %3)"), what,
                           QString::number(x, 'f', 2), QString::number(y, 'f', 2));
}

std::optional<Point> GeosEngine::invalidityPlace(const MultiPolygon& geometry) const
{
    auto g = d->toGeos(geometry);
    if (!g)
        return std::nullopt;
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char valid = GEOSisValidDetail_r(d->context, g.get(), 0, &reason, &location);
    GEOSFree_r(d->context, reason);
    std::optional<Point> place;
    if (valid == 0 && location) {
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(d->context, location, &x) == 1 && GEOSGeomGetY_r(d->context, location, &y) == 1)
            place = Point{x, y};
    }
    if (location)
        GEOSGeom_destroy_r(d->context, location);
    return place;
}

MultiPolygon GeosEngine::repaired(const MultiPolygon& geometry) const
{
    // close open rings and leave out those too short to be rings at all
    MultiPolygon closed;
    for (const Polygon& polygon : geometry.polygons) {
        Polygon kept;
        for (Ring ring : polygon.rings) {
            if (!ring.empty() && ring.front() != ring.back())
                ring.push_back(ring.front());
            if (ring.size() >= 4)
                kept.rings.push_back(std::move(ring));
            else if (kept.rings.empty())
                break; // no shell: the polygon is nothing
        }
        if (!kept.rings.empty())
            closed.polygons.push_back(std::move(kept));
    }
    MultiPolygon result;
    auto g = d->toGeos(closed);
    if (g)
        if (auto valid = d->own(GEOSMakeValid_r(d->context, g.get())))
            result = d->fromGeos(valid.get());
    if (result.isEmpty() || result.area() <= 0)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "Nothing of the area is left once repaired"));
    return result;
}

MultiPolygon GeosEngine::coverageUnion(const std::vector<const MultiPolygon*>& parts) const
{
    auto collection = d->collection(parts);
    auto merged = d->own(GEOSCoverageUnion_r(d->context, collection.get()));
    if (!merged)
        merged = d->own(GEOSUnaryUnion_r(d->context, collection.get()));
    if (!merged)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "The boundaries cannot be merged"));
    return d->fromGeos(merged.get());
}

MultiPolygon GeosEngine::difference(const MultiPolygon& a, const MultiPolygon& b) const
{
    auto ga = d->toGeos(a);
    auto gb = d->toGeos(b);
    auto result = d->own(GEOSDifference_r(d->context, ga.get(), gb.get()));
    return result ? d->fromGeos(result.get()) : MultiPolygon();
}

MultiPolygon GeosEngine::intersection(const MultiPolygon& a, const MultiPolygon& b) const
{
    auto ga = d->toGeos(a);
    auto gb = d->toGeos(b);
    auto result = d->own(GEOSIntersection_r(d->context, ga.get(), gb.get()));
    return result ? d->fromGeos(result.get()) : MultiPolygon();
}

MultiPolygon GeosEngine::clippedTo(const MultiPolygon& geometry, const Envelope& box) const
{
    return std::move(clippedTo(geometry, std::vector<Envelope>{box}).front());
}

std::vector<MultiPolygon> GeosEngine::clippedTo(const MultiPolygon& geometry,
                                                const std::vector<Envelope>& boxes) const
{
    auto g = d->toGeos(geometry);
    std::vector<MultiPolygon> pieces;
    pieces.reserve(boxes.size());
    for (const Envelope& box : boxes) {
        auto result = d->own(GEOSClipByRect_r(d->context, g.get(), box.minX, box.minY, box.maxX, box.maxY));
        // GEOS's clipping leaves a ring that touches itself where a hole touches the box (an
        // enclave's own envelope, say): such a piece is cut again by the exact intersection
        if (result && GEOSisValid_r(d->context, result.get()) != 1) {
            auto rectangle =
                d->own(GEOSGeom_createRectangle_r(d->context, box.minX, box.minY, box.maxX, box.maxY));
            result = d->own(GEOSIntersection_r(d->context, g.get(), rectangle.get()));
        }
        pieces.push_back(result ? d->fromGeos(result.get()) : MultiPolygon());
    }
    return pieces;
}

MultiPolygon GeosEngine::unaryUnion(const std::vector<const MultiPolygon*>& parts) const
{
    auto collection = d->collection(parts);
    auto merged = d->own(GEOSUnaryUnion_r(d->context, collection.get()));
    return merged ? d->fromGeos(merged.get()) : MultiPolygon();
}

MultiPolygon GeosEngine::facesEnclosedBy(const std::vector<std::pair<Point, Point>>& segments) const
{
    if (segments.empty())
        return {};
    std::vector<GEOSGeometry*> lines;
    lines.reserve(segments.size());
    for (const auto& [a, b] : segments) {
        GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(d->context, 2, 2);
        GEOSCoordSeq_setXY_r(d->context, sequence, 0, a.x, a.y);
        GEOSCoordSeq_setXY_r(d->context, sequence, 1, b.x, b.y);
        lines.push_back(GEOSGeom_createLineString_r(d->context, sequence));
    }
    auto all = d->own(GEOSGeom_createCollection_r(d->context, GEOS_MULTILINESTRING, lines.data(),
                                                  static_cast<unsigned>(lines.size())));
    auto noded = d->own(GEOSUnaryUnion_r(d->context, all.get()));
    if (!noded)
        return {};
    const GEOSGeometry* nodedLines = noded.get();
    auto faces = d->own(GEOSPolygonize_r(d->context, &nodedLines, 1));
    return faces ? d->fromGeos(faces.get()) : MultiPolygon();
}

Point GeosEngine::pointOnSurface(const MultiPolygon& geometry) const
{
    if (geometry.isEmpty())
        return geometry.envelope().center();
    auto g = d->toGeos(geometry);
    auto point = d->own(GEOSPointOnSurface_r(d->context, g.get()));
    Point result = geometry.envelope().center();
    if (point && !GEOSisEmpty_r(d->context, point.get())) {
        GEOSGeomGetX_r(d->context, point.get(), &result.x);
        GEOSGeomGetY_r(d->context, point.get(), &result.y);
    }
    return result;
}

double GeosEngine::symmetricDifferenceArea(const MultiPolygon& a, const MultiPolygon& b) const
{
    auto ga = d->toGeos(a);
    auto gb = d->toGeos(b);
    auto difference = d->own(GEOSSymDifference_r(d->context, ga.get(), gb.get()));
    double area = 0;
    if (difference)
        GEOSArea_r(d->context, difference.get(), &area);
    return area;
}

MultiPolygon GeosEngine::snappedTo(const MultiPolygon& geometry,
                                   const std::vector<const MultiPolygon*>& reference, double tolerance) const
{
    if (reference.empty() || geometry.isEmpty())
        return geometry;
    auto g = d->toGeos(geometry);
    auto targets = d->collection(reference);
    auto snapped = d->own(GEOSSnap_r(d->context, g.get(), targets.get(), tolerance));
    if (!snapped || GEOSisValid_r(d->context, snapped.get()) != 1)
        return geometry;
    return d->fromGeos(snapped.get());
}

double GeosEngine::sharedBoundaryLength(const MultiPolygon& a, const MultiPolygon& b) const
{
    auto ga = d->toGeos(a);
    auto gb = d->toGeos(b);
    auto boundaryA = d->own(GEOSBoundary_r(d->context, ga.get()));
    auto boundaryB = d->own(GEOSBoundary_r(d->context, gb.get()));
    if (!boundaryA || !boundaryB)
        return 0;
    auto shared = d->own(GEOSIntersection_r(d->context, boundaryA.get(), boundaryB.get()));
    double length = 0;
    if (shared)
        GEOSLength_r(d->context, shared.get(), &length);
    return length;
}

std::vector<MultiPolygon> GeosEngine::splitByLine(const MultiPolygon& geometry, const LineString& line) const
{
    auto polygon = d->toGeos(geometry);
    GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(d->context, static_cast<unsigned>(line.size()), 2);
    for (unsigned i = 0; i < line.size(); ++i)
        GEOSCoordSeq_setXY_r(d->context, sequence, i, line[i].x, line[i].y);
    auto cut = d->own(GEOSGeom_createLineString_r(d->context, sequence));
    auto boundary = d->own(GEOSBoundary_r(d->context, polygon.get()));
    if (!cut || !boundary)
        return {geometry};
    // Node the boundary with the line, then rebuild faces; faces outside the polygon
    // (its holes) are dropped.
    auto noded = d->own(GEOSUnion_r(d->context, boundary.get(), cut.get()));
    if (!noded)
        return {geometry};
    const GEOSGeometry* lines[] = {noded.get()};
    auto faces = d->own(GEOSPolygonize_r(d->context, lines, 1));
    if (!faces)
        return {geometry};
    std::vector<MultiPolygon> pieces;
    const int count = GEOSGetNumGeometries_r(d->context, faces.get());
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(d->context, faces.get(), i);
        auto inside = d->own(GEOSPointOnSurface_r(d->context, face));
        if (inside && GEOSContains_r(d->context, polygon.get(), inside.get()) == 1)
            pieces.push_back(d->fromGeos(face));
    }
    return pieces.size() < 2 ? std::vector<MultiPolygon>{geometry} : pieces;
}

namespace {
const char* geometryTypeName(int type)
{
    switch (type) {
    case GEOS_POINT:
        return "POINT";
    case GEOS_LINESTRING:
        return "LINESTRING";
    case GEOS_POLYGON:
        return "POLYGON";
    case GEOS_MULTIPOINT:
        return "MULTIPOINT";
    case GEOS_MULTILINESTRING:
        return "MULTILINESTRING";
    case GEOS_MULTIPOLYGON:
        return "MULTIPOLYGON";
    default:
        return "GEOMETRYCOLLECTION";
    }
}
} // namespace

LineString GeosEngine::lineFromWkt(const QString& wkt) const
{
    auto g = d->readWkt(wkt);
    const int type = GEOSGeomTypeId_r(d->context, g.get());
    if (type != GEOS_LINESTRING)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "Expected a LINESTRING, got a %1: %2")
                        .arg(QLatin1String(geometryTypeName(type)), wkt.left(80)));
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(d->context, g.get());
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(d->context, sequence, &size);
    LineString line(size);
    for (unsigned i = 0; i < size; ++i)
        GEOSCoordSeq_getXY_r(d->context, sequence, i, &line[i].x, &line[i].y);
    if (line.size() < 2)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "A line needs at least two points"));
    return line;
}

MultiPolygon GeosEngine::fromWkt(const QString& wkt) const
{
    auto g = d->readWkt(wkt);
    const int type = GEOSGeomTypeId_r(d->context, g.get());
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
        throw Error(
            Error::Kind::InvalidInput,
            QCoreApplication::translate("gridmodel", "Expected a POLYGON or MULTIPOLYGON, got a %1: %2")
                .arg(QLatin1String(geometryTypeName(type)), wkt.left(80)));
    return d->fromGeos(g.get());
}

} // namespace gridmodel
