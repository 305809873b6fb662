#include "spatialreference.h"

#include "error.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <cpl_conv.h>
#include <ogr_srs_api.h>

namespace gridmodel {

SpatialReference SpatialReference::fromEpsg(int epsg)
{
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    if (OSRImportFromEPSG(srs, epsg) != OGRERR_NONE) {
        OSRDestroySpatialReference(srs);
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel", "Unknown coordinate reference system EPSG:%1")
                        .arg(epsg));
    }
    const bool projected = OSRIsProjected(srs);
    const double metres = projected ? OSRGetLinearUnits(srs, nullptr) : 0;
    if (!projected || std::abs(metres - 1.0) > 1e-9) {
        OSRDestroySpatialReference(srs);
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("gridmodel",
                                                "EPSG:%1 is not a projected system in metres; areas "
                                                "must be measured in m² (try a CGCS2000 Gauss-Kruger zone)")
                        .arg(epsg));
    }
    SpatialReference result;
    result.mEpsg = epsg;
    result.mName = QString::fromUtf8(OSRGetName(srs));
    char* wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    result.mWkt = QString::fromUtf8(wkt);
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    return result;
}

SpatialReference SpatialReference::fromString(const QString& text)
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
    return fromEpsg(epsg);
}

int SpatialReference::gaussKrugerEpsgForLongitude(double longitude)
{
    // EPSG:4534 is CM 75E, each following code 3 degrees further east, up to 4554 (CM 135E).
    const int zone = static_cast<int>(std::lround((longitude - 75.0) / 3.0));
    return 4534 + std::clamp(zone, 0, 20);
}

} // namespace gridmodel
