#include "vectorsource.h"

#include "error.h"
#include "gdaldataset.h"
#include "spatialreference.h"
#include "textencoding.h"
#include "translation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <cpl_conv.h>
#include <gdal.h>
#include <memory>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace gridmodel {

namespace {

struct GeometryDestroyer
{
    void operator()(OGRGeometryH geometry) const { OGR_G_DestroyGeometry(geometry); }
};
using OwnedGeometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;

Ring ringOf(OGRGeometryH line)
{
    const int count = OGR_G_GetPointCount(line);
    Ring ring(static_cast<size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i)
        ring[static_cast<size_t>(i)] = {OGR_G_GetX(line, i), OGR_G_GetY(line, i)};
    return ring;
}

bool isClosedRing(const Ring& ring)
{
    return ring.size() >= 4 && ring.front() == ring.back();
}

Ring oriented(Ring ring, bool counterClockwise)
{
    if ((signedRingArea(ring) > 0) != counterClockwise)
        std::reverse(ring.begin(), ring.end());
    return ring;
}

/** Closed rings, as a drawing has them, made into polygons: a ring inside another is its hole. */
MultiPolygon assembleRings(std::vector<Ring> rings)
{
    std::sort(rings.begin(), rings.end(), [](const Ring& a, const Ring& b) {
        return std::abs(signedRingArea(a)) > std::abs(signedRingArea(b));
    });
    MultiPolygon result;
    for (Ring& ring : rings) {
        bool isHole = false;
        for (Polygon& polygon : result.polygons) {
            MultiPolygon shell;
            shell.polygons.push_back(Polygon{{polygon.rings.front()}});
            if (shell.contains(ring.front()) && shell.contains(ring[ring.size() / 2])) {
                polygon.rings.push_back(oriented(std::move(ring), false));
                isHole = true;
                break;
            }
        }
        if (!isHole)
            result.polygons.push_back(Polygon{{oriented(std::move(ring), true)}});
    }
    return result;
}

/** The feature's geometry as an area, closed lines or a point. */
void convertGeometry(OGRGeometryH geometry, SourceFeature& feature, std::vector<Ring>& closedLines)
{
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry));
    if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon) || OGR_GT_IsSubClassOf(type, wkbMultiSurface)) {
        OwnedGeometry multi(OGR_G_ForceToMultiPolygon(OGR_G_Clone(geometry)));
        for (int p = 0; p < OGR_G_GetGeometryCount(multi.get()); ++p) {
            OGRGeometryH polygon = OGR_G_GetGeometryRef(multi.get(), p);
            Polygon out;
            for (int r = 0; r < OGR_G_GetGeometryCount(polygon); ++r) {
                Ring ring = ringOf(OGR_G_GetGeometryRef(polygon, r));
                out.rings.push_back(isClosedRing(ring) ? oriented(std::move(ring), r == 0) : std::move(ring));
            }
            if (!out.rings.empty())
                feature.polygon.polygons.push_back(std::move(out));
        }
    } else if (OGR_GT_IsCurve(type) || OGR_GT_IsSubClassOf(type, wkbMultiCurve)) {
        OwnedGeometry lines(OGR_G_ForceToMultiLineString(OGR_G_Clone(geometry)));
        bool allClosed = OGR_G_GetGeometryCount(lines.get()) > 0;
        for (int i = 0; i < OGR_G_GetGeometryCount(lines.get()); ++i) {
            Ring ring = ringOf(OGR_G_GetGeometryRef(lines.get(), i));
            allClosed = allClosed && isClosedRing(ring);
            if (isClosedRing(ring))
                closedLines.push_back(std::move(ring)); // they make the feature's area
            else
                feature.lines.push_back(std::move(ring));
        }
        if (!allClosed)
            feature.otherGeometry = Tr::tr("a line that is not closed");
    } else if (type == wkbPoint || (type == wkbMultiPoint && OGR_G_GetGeometryCount(geometry) == 1)) {
        OGRGeometryH point = type == wkbPoint ? geometry : OGR_G_GetGeometryRef(geometry, 0);
        feature.point = Point{OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
    } else {
        feature.otherGeometry = QString::fromUtf8(OGRGeometryTypeToName(type));
    }
}

//! "EPSG:4326", or the system's name when it has no code
QString authorityOf(OGRSpatialReferenceH layerSrs)
{
    OGRSpatialReferenceH srs = OSRClone(layerSrs); // identifying adds the code: leave the layer's alone
    OSRAutoIdentifyEPSG(srs);
    const char* authority = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    const char* name = OSRGetName(srs);
    const QString result =
        authority && code ? QStringLiteral("%1:%2").arg(QString::fromUtf8(authority), QString::fromUtf8(code))
        : name            ? QString::fromUtf8(name)
                          : Tr::tr("a CRS without a name");
    OSRDestroySpatialReference(srs);
    return result;
}

/**
 * Why a feature's coordinates can be no place on Earth, else empty: a number that is none (NaN,
 * infinite), or beyond ±10⁸ m in a projected system (isImpossiblePoint), or a longitude beyond
 * ±180° or a latitude beyond ±90° in a geographic one. PROJ would wrap longitude 500 round to 140 without a
 * word.
 */
QString impossibleCoordinates(const SourceFeature& feature, const std::vector<Ring>& lines, bool geographic)
{
    QString why;
    const auto check = [&](const Point& p) {
        if (!why.isEmpty())
            return;
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            why = Tr::tr("a coordinate is not a number");
        else if (geographic && std::abs(p.x) > 180)
            why = Tr::tr("longitude %1 is no place on Earth").arg(p.x, 0, 'g', 10);
        else if (geographic && std::abs(p.y) > 90)
            why = Tr::tr("latitude %1 is no place on Earth").arg(p.y, 0, 'g', 10);
        else if (!geographic && isImpossiblePoint(p))
            why = Tr::tr("the coordinate (%1, %2) is farther than any place on Earth")
                      .arg(p.x, 0, 'g', 10)
                      .arg(p.y, 0, 'g', 10);
    };
    for (const Polygon& polygon : feature.polygon.polygons)
        for (const Ring& ring : polygon.rings)
            for (const Point& p : ring)
                check(p);
    for (const std::vector<Ring>* group : {&lines, &feature.lines})
        for (const Ring& ring : *group)
            for (const Point& p : ring)
                check(p);
    if (feature.point)
        check(*feature.point);
    return why;
}

//! the file of a shapefile beside its .shp with one of `suffixes` (".cpg", ".CPG"); empty when none is
QString besideShapefile(const QString& path, std::initializer_list<const char*> suffixes)
{
    const QFileInfo info(path);
    for (const char* suffix : suffixes) {
        const QString part = info.absoluteDir().filePath(info.completeBaseName() + QLatin1String(suffix));
        if (QFileInfo::exists(part))
            return part;
    }
    return QString();
}

} // namespace

VectorSource VectorSource::read(const QString& path, int targetEpsg, const QString& layerName)
{
    if (!QFileInfo::exists(path))
        throw Error(Error::Kind::FileNotFound, Tr::tr("%1 does not exist").arg(path));
    VectorSource source;
    source.path = path;
    const bool isShapefile = QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
    if (isShapefile && besideShapefile(path, {".dbf", ".DBF"}).isEmpty())
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 has no .dbf beside it: the names and codes of its features are in that file; "
                           "copy the whole shapefile (.shp, .shx, .dbf, .prj)")
                        .arg(path));
    const QString cpg = isShapefile ? besideShapefile(path, {".cpg", ".CPG"}) : QString();
    // A shapefile without .cpg: take its bytes as they are and tell UTF-8 from GBK below.
    const bool detectEncoding = isShapefile && cpg.isEmpty();
    const GdalDataset::Owned dataset = GdalDataset::openForReading(
        path, detectEncoding ? QStringList{QStringLiteral("ENCODING=")} : QStringList());
    if (!dataset || GDALDatasetGetLayerCount(dataset.get()) == 0)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 is not a GIS file that can be read (%2)")
                        .arg(path, GdalDataset::lastError().isEmpty() ? Tr::tr("no layers")
                                                                      : GdalDataset::lastError()));
    for (int i = 0; i < GDALDatasetGetLayerCount(dataset.get()); ++i)
        source.layers << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(dataset.get(), i)));
    OGRLayerH layer = layerName.isEmpty()
                          ? GDALDatasetGetLayer(dataset.get(), 0)
                          : GDALDatasetGetLayerByName(dataset.get(), layerName.toUtf8().constData());
    if (!layer)
        throw Error(Error::Kind::InvalidInput, Tr::tr("%1 has no layer named \"%2\" (it has: %3)")
                                                   .arg(path, layerName, source.layers.join(", ")));
    source.layerName = QString::fromUtf8(OGR_L_GetName(layer));
    source.driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get())));
    const bool isDrawing = source.driver == QLatin1String("DXF");

    // the conversion to the project's CRS (none when the file names no CRS or the project's)
    std::unique_ptr<CoordinateTransform> transform;
    bool geographic = false;
    if (OGRSpatialReferenceH layerSrs = OGR_L_GetSpatialRef(layer)) {
        geographic = OSRIsGeographic(layerSrs);
        source.crs = authorityOf(layerSrs);
        char* wkt = nullptr;
        OSRExportToWkt(layerSrs, &wkt);
        const QString text = QString::fromUtf8(wkt);
        CPLFree(wkt);
        transform = CoordinateTransform::fromWkt(text, targetEpsg);
    }

    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const int fieldCount = OGR_FD_GetFieldCount(definition);
    std::vector<QByteArray> rawNames;
    for (int i = 0; i < fieldCount; ++i)
        rawNames.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i)));
    std::vector<std::vector<QByteArray>> rawValues;
    std::vector<std::vector<Ring>> closedLines;
    bool allUtf8 = true;
    for (const QByteArray& name : rawNames)
        allUtf8 = allUtf8 && TextEncoding::isUtf8(name);

    OGR_L_ResetReading(layer);
    int number = 0;
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        SourceFeature read;
        read.number = ++number;
        std::vector<QByteArray> values;
        for (int i = 0; i < fieldCount; ++i) {
            values.emplace_back(OGR_F_IsFieldSetAndNotNull(feature, i) ? OGR_F_GetFieldAsString(feature, i)
                                                                       : "");
            allUtf8 = allUtf8 && TextEncoding::isUtf8(values.back());
        }
        std::vector<Ring> lines;
        if (OGRGeometryH geometry = OGR_F_GetGeometryRef(feature))
            convertGeometry(geometry, read, lines);
        OGR_F_Destroy(feature);
        read.impossible = impossibleCoordinates(read, lines, geographic);
        if (transform) {
            try {
                if (read.impossible.isEmpty()) {
                    transform->transform(read.polygon);
                    for (Ring& ring : lines)
                        transform->transform(ring);
                    for (LineString& line : read.lines)
                        transform->transform(line);
                    if (read.point) {
                        std::vector<Point> point{*read.point};
                        transform->transform(point);
                        read.point = point.front();
                    }
                }
            } catch (const Error&) {
                throw Error(Error::Kind::InvalidInput,
                            Tr::tr("Feature %1 of %2 cannot be converted from %3 to EPSG:%4")
                                .arg(read.number)
                                .arg(path, source.crs)
                                .arg(targetEpsg));
            }
        }
        source.features.push_back(std::move(read));
        rawValues.push_back(std::move(values));
        closedLines.push_back(std::move(lines));
    }

    // text: as GDAL gave it (UTF-8), or detected for a shapefile without .cpg
    const auto decoded = [&](const QByteArray& bytes) {
        return !detectEncoding || allUtf8 ? QString::fromUtf8(bytes) : TextEncoding::fromGb18030(bytes);
    };
    if (detectEncoding)
        source.encoding = allUtf8 ? Tr::tr("UTF-8 (no .cpg)") : Tr::tr("GBK/GB18030 (no .cpg)");
    else if (!cpg.isEmpty())
        source.encoding = Tr::tr("%1 (from .cpg)").arg(QString::fromLatin1([&] {
            QFile file(cpg);
            return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().left(32) : QByteArray();
        }()));
    else
        source.encoding = QStringLiteral("UTF-8");
    for (const QByteArray& name : rawNames)
        source.fields << decoded(name);
    for (size_t i = 0; i < source.features.size(); ++i)
        for (const QByteArray& value : rawValues[i])
            source.features[i].values << decoded(value);

    if (!isDrawing) {
        for (size_t i = 0; i < source.features.size(); ++i)
            if (!closedLines[i].empty()) {
                MultiPolygon fromLines = assembleRings(std::move(closedLines[i]));
                for (Polygon& polygon : fromLines.polygons)
                    source.features[i].polygon.polygons.push_back(std::move(polygon));
            }
        return source;
    }

    // A drawing: the closed lines (and hatches) of each CAD layer make one area.
    const int layerField = source.fields.indexOf(QStringLiteral("Layer"));
    std::vector<SourceFeature> areas;
    QHash<QString, size_t> areaOfLayer;
    std::vector<std::vector<Ring>> ringsOfArea;
    for (size_t i = 0; i < source.features.size(); ++i) {
        const SourceFeature& feature = source.features[i];
        const QString cadLayer = layerField >= 0 ? feature.values.value(layerField) : QString();
        if (!areaOfLayer.contains(cadLayer)) {
            areaOfLayer.insert(cadLayer, areas.size());
            SourceFeature area;
            area.number = feature.number;
            area.values << cadLayer;
            areas.push_back(area);
            ringsOfArea.emplace_back();
        }
        const size_t at = areaOfLayer.value(cadLayer);
        for (Ring& ring : closedLines[i])
            ringsOfArea[at].push_back(std::move(ring));
        for (const Polygon& polygon : feature.polygon.polygons)
            for (const Ring& ring : polygon.rings)
                if (isClosedRing(ring))
                    ringsOfArea[at].push_back(ring);
    }
    for (size_t i = 0; i < areas.size(); ++i) {
        if (ringsOfArea[i].empty())
            areas[i].otherGeometry = Tr::tr("lines that close no area");
        else
            areas[i].polygon = assembleRings(std::move(ringsOfArea[i]));
    }
    source.fields = QStringList{QStringLiteral("Layer")};
    source.features = std::move(areas);
    return source;
}

} // namespace gridmodel
