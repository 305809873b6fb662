#pragma once

// Rasters the tests make for themselves with GDAL: "orthophotos" in a project's CRS.

#include <QString>
#include <functional>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <vector>

namespace testsupport {

/**
 * Writes a 3-band GeoTIFF of `width` × `height` pixels of `pixelSize` metres, its top left corner
 * at (`left`, `top`) in EPSG:`epsg`; `value(band, x, y)` gives each pixel (bands 1–3: red, green,
 * blue). Returns false when GDAL cannot write it.
 */
inline bool writeGeoTiff(const QString& path, double left, double top, double pixelSize, int width,
                         int height, const std::function<unsigned char(int band, int x, int y)>& value,
                         int epsg = 4547)
{
    GDALAllRegister();
    GDALDatasetH dataset = GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), width, height,
                                      3, GDT_Byte, nullptr);
    if (!dataset)
        return false;
    double transform[6] = {left, pixelSize, 0, top, 0, -pixelSize};
    GDALSetGeoTransform(dataset, transform);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    GDALSetSpatialRef(dataset, srs);
    OSRDestroySpatialReference(srs);
    bool written = true;
    std::vector<unsigned char> row(static_cast<size_t>(width));
    for (int band = 1; band <= 3 && written; ++band)
        for (int y = 0; y < height && written; ++y) {
            for (int x = 0; x < width; ++x)
                row[static_cast<size_t>(x)] = value(band, x, y);
            written = GDALRasterIO(GDALGetRasterBand(dataset, band), GF_Write, 0, y, width, 1, row.data(),
                                   width, 1, GDT_Byte, 0, 0) == CE_None;
        }
    GDALClose(dataset);
    return written;
}

} // namespace testsupport
