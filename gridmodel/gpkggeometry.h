#pragma once

#include "geometry.h"

#include <QByteArray>
#include <cstdint>

struct sqlite3;

namespace gridmodel {

/**
 * GeoPackage binary geometry (header + envelope + little-endian WKB), as specified in
 * OGC 12-128r18 §2.1.3. Polygons are written as MultiPolygon; reading accepts Polygon
 * and MultiPolygon, 2D or with Z/M (which are dropped).
 */
namespace GpkgGeometry {

QByteArray encode(const MultiPolygon& geometry, std::int32_t srsId);

//! throws Error(Kind::Corrupt) on a malformed blob
MultiPolygon decode(const unsigned char* data, int size);
inline MultiPolygon decode(const QByteArray& blob)
{
    return decode(reinterpret_cast<const unsigned char*>(blob.constData()), blob.size());
}

//! envelope from the header when present, else from the WKB; empty for an empty geometry
Envelope envelope(const unsigned char* data, int size, bool* ok);

} // namespace GpkgGeometry

/**
 * Registers ST_MinX/MaxX/MinY/MaxY and ST_IsEmpty on a connection: the GeoPackage
 * R-tree extension's triggers call them (GDAL and QGIS register their own).
 */
void registerGeoPackageSqlFunctions(sqlite3* db);

} // namespace gridmodel
