#include "spatialreference.h"

#include "error.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <cpl_conv.h>
#include <memory>
#include <ogr_srs_api.h>
#include <vector>

namespace gridmodel {

namespace {

struct ReferenceDestroyer
{
    void operator()(OGRSpatialReferenceH srs) const { OSRDestroySpatialReference(srs); }
};
using OwnedReference = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, ReferenceDestroyer>;

//! the system for a code, longitude before latitude when geographic; throws Error(InvalidInput)
OwnedReference referenceFor(int epsg)
{
    OwnedReference srs(OSRNewSpatialReference(nullptr));
    if (OSRImportFromEPSG(srs.get(), epsg) != OGRERR_NONE)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "Unknown coordinate reference system EPSG:%1")
                        .arg(epsg));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

} // namespace

SpatialReference SpatialReference::fromEpsg(int epsg)
{
    const OwnedReference owned = referenceFor(epsg);
    OGRSpatialReferenceH srs = owned.get();
    const bool projected = OSRIsProjected(srs);
    const double metres = projected ? OSRGetLinearUnits(srs, nullptr) : 0;
    if (!projected || std::abs(metres - 1.0) > 1e-9)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel",
                                                "EPSG:%1 is not a projected system in metres; areas "
                                                "must be measured in m² (try a CGCS2000 Gauss-Kruger zone)")
                        .arg(epsg));
    SpatialReference result;
    result.mEpsg = epsg;
    result.mName = QString::fromUtf8(OSRGetName(srs));
    char* wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    result.mWkt = QString::fromUtf8(wkt);
    CPLFree(wkt);
    double west = 0, south = 0, east = 0, north = 0;
    if (OSRGetAreaOfUse(srs, &west, &south, &east, &north, nullptr) && west > -1000) {
        result.mAreaOfUse.include(Point{west, south});
        result.mAreaOfUse.include(Point{east, north});
    }
    return result;
}

int SpatialReference::epsgFromString(const QString& text)
{
    QString code = text.trimmed();
    if (code.startsWith(QLatin1String("EPSG:"), Qt::CaseInsensitive))
        code = code.mid(5);
    bool ok = false;
    const int epsg = code.toInt(&ok);
    if (!ok || epsg <= 0)
        throw Error(
            Error::Kind::InvalidInput,
            QCoreApplication::translate("gridmodel", "Expected a CRS as EPSG:N, got \"%1\"").arg(text));
    return epsg;
}

SpatialReference SpatialReference::fromString(const QString& text)
{
    return fromEpsg(epsgFromString(text));
}

int SpatialReference::gaussKrugerEpsgForLongitude(double longitude)
{
    // EPSG:4534 is CM 75E, each following code 3 degrees further east, up to 4554 (CM 135E).
    const int zone = static_cast<int>(std::lround((longitude - 75.0) / 3.0));
    return 4534 + std::clamp(zone, 0, 20);
}

CoordinateTransform::CoordinateTransform(int fromEpsg, int toEpsg)
{
    mTransform = OCTNewCoordinateTransformation(referenceFor(fromEpsg).get(), referenceFor(toEpsg).get());
    if (!mTransform)
        throw Error(
            Error::Kind::InvalidInput,
            QCoreApplication::translate("gridmodel", "Cannot convert coordinates from EPSG:%1 to EPSG:%2")
                .arg(fromEpsg)
                .arg(toEpsg));
}

std::unique_ptr<CoordinateTransform> CoordinateTransform::fromWkt(const QString& wkt, int toEpsg)
{
    const OwnedReference from(OSRNewSpatialReference(nullptr));
    if (OSRSetFromUserInput(from.get(), wkt.toUtf8().constData()) != OGRERR_NONE)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "Not a coordinate reference system: %1")
                        .arg(wkt.left(80)));
    OSRSetAxisMappingStrategy(from.get(), OAMS_TRADITIONAL_GIS_ORDER);
    const OwnedReference to = referenceFor(toEpsg);
    if (OSRIsSame(from.get(), to.get()))
        return nullptr;
    std::unique_ptr<CoordinateTransform> transform(new CoordinateTransform());
    transform->mTransform = OCTNewCoordinateTransformation(from.get(), to.get());
    if (!transform->mTransform)
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "Cannot convert coordinates from %1 to EPSG:%2")
                        .arg(QString::fromUtf8(OSRGetName(from.get())))
                        .arg(toEpsg));
    return transform;
}

CoordinateTransform::~CoordinateTransform()
{
    OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(mTransform));
}

void CoordinateTransform::transform(std::vector<Point>& points) const
{
    if (points.empty())
        return;
    std::vector<double> x, y;
    std::vector<int> ok(points.size(), 0);
    for (const Point& p : points) {
        x.push_back(p.x);
        y.push_back(p.y);
    }
    OCTTransformEx(static_cast<OGRCoordinateTransformationH>(mTransform), static_cast<int>(points.size()),
                   x.data(), y.data(), nullptr, ok.data());
    for (size_t i = 0; i < points.size(); ++i) {
        if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw Error(Error::Kind::InvalidInput,
                        QCoreApplication::translate("gridmodel", "The point %1 %2 cannot be converted")
                            .arg(points[i].x, 0, 'f')
                            .arg(points[i].y, 0, 'f'));
        points[i] = {x[i], y[i]};
    }
}

void CoordinateTransform::transform(MultiPolygon& geometry) const
{
    for (Polygon& polygon : geometry.polygons)
        for (Ring& ring : polygon.rings)
            transform(ring);
}

} // namespace gridmodel
