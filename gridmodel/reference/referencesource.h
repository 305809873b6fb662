#pragma once

#include "reference/referencelayer.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace gridmodel {

/** What a reference source holds, as GDAL reads it. */
struct ReferenceSourceInfo
{
    ReferenceLayer::Kind kind = ReferenceLayer::Kind::Vector;
    QString driver;  //!< GDAL's name ("GTiff", "MBTiles", "ESRI Shapefile" ...)
    QString crs;     //!< "EPSG:4547", or the CRS's name when it has no EPSG code; empty: none
    int crsEpsg = 0; //!< 0 when the source names no CRS with an EPSG code
    int width = 0;   //!< rasters: pixels
    int height = 0;  //!< rasters: pixels
    bool hasOverviews = false;
    QString layerName;    //!< vectors: the layer read
    QStringList layers;   //!< vectors: every layer of the file
    qint64 features = 0;  //!< vectors
    QString geometryType; //!< vectors: "LineString", "Polygon" ...
    QStringList fields;   //!< vectors
    QString encoding;     //!< vectors: "GBK" for a shapefile without .cpg written in GBK, else empty

    //! a raster this large draws slowly without overviews
    bool wantsOverviews() const;
};

/**
 * Reads what a reference layer's file is, and makes the layer for it: kind, CRS, size, fields,
 * encoding. Tile services are taken by their URL template (or 天地图 preset), without asking the
 * network.
 */
namespace ReferenceSource {

/**
 * Throws Error: FileNotFound; InvalidInput for a file GDAL cannot read as a raster or vector,
 * a shapefile without its .dbf, or an unknown `layer`.
 */
ReferenceSourceInfo probe(const QString& path, const QString& layer = QString());

/**
 * The reference layer for `source` in the project at `projectPath`: its kind, a name (the file's
 * base name, or the preset's), the path kept relative to the project where it lies beside it.
 * `crsEpsg` is required when the source names no CRS (throws Error(InvalidInput) asking for one).
 */
ReferenceLayer layerFor(const QString& source, const QString& projectPath,
                        const QString& sourceLayer = QString(), int crsEpsg = 0);
//! the same for a file already probed (probe(source, its layer)): a file is read once
ReferenceLayer layerFor(const QString& source, const QString& projectPath, const ReferenceSourceInfo& info,
                        int crsEpsg = 0);

/**
 * Copies a vector reference layer into the project file at `projectPath` as a table of its own
 * ("ref_…", in UTF-8, in its own CRS or `layer.crsEpsg`), so that one file is the whole project,
 * and returns the layer reading it from there. One GDAL transaction: on failure no table is
 * left, and Error(Io) names GDAL's reason.
 */
ReferenceLayer embed(const ReferenceLayer& layer, const QString& projectPath);
//! drops the table an embedded layer was copied into
void dropEmbedded(const ReferenceLayer& layer, const QString& projectPath);

/**
 * Builds overviews (an .ovr beside the raster, the raster itself untouched) down to 256 px, as
 * QGIS's "Build Pyramids" does. Told the share done (0 to 1000); returning false cancels, and no
 * .ovr is left. Throws Error naming GDAL's reason.
 */
void buildOverviews(const QString& path, const std::function<bool(int permille)>& progress = {});

} // namespace ReferenceSource

} // namespace gridmodel
