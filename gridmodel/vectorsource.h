#pragma once

#include "geometry.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace gridmodel {

/** One feature of a GIS file as an import sees it. */
struct SourceFeature
{
    int number = 0;       //!< 1-based, in the order the file lists them: how problems name it
    QStringList values;   //!< one per field of the source, as text
    MultiPolygon polygon; //!< the area (from polygons, or closed lines as CAD drawings have them)
    std::optional<Point> point;
    std::vector<LineString>
        lines; //!< a line feature's open lines (roads, rivers: barriers); closed ones make `polygon`
    QString otherGeometry; //!< the type when the geometry is neither (e.g. "LineString"), else empty
    QString impossible;    //!< why its coordinates can be no place (longitude 500), else empty
};

/**
 * A layer of a GIS file read for import through GDAL: Shapefile, GeoJSON, KML, DXF,
 * GeoPackage and whatever else GDAL reads. Text arrives as Unicode: a shapefile with a .cpg
 * is read as it says, one without is taken as UTF-8 when its bytes are valid UTF-8 and as
 * GBK/GB18030 otherwise (what Chinese offices' tools write). Coordinates arrive in the
 * project's CRS. In a DXF drawing the closed lines of one CAD layer are one area (islands
 * and holes found by containment) with the layer name as its only field.
 */
class VectorSource
{
public:
    /**
     * Reads `layer` (empty: the first) of the file at `path`, reprojected to `targetEpsg`. A file
     * that names no CRS is taken to be in the target CRS. Throws Error (FileNotFound,
     * InvalidInput for a file GDAL cannot read, an unknown layer, a CRS that cannot be converted).
     */
    static VectorSource read(const QString& path, int targetEpsg, const QString& layer = QString());

    QString path;
    QString layerName;
    QStringList layers; //!< every layer the file has, the one read among them
    QString driver;     //!< GDAL's name for the format ("ESRI Shapefile", "GeoJSON" ...)
    QString encoding;   //!< how text was decoded: "UTF-8", "GB18030 (no .cpg)" ...
    QString crs;        //!< the source's CRS ("EPSG:4326"), empty when it names none
    QStringList fields;
    std::vector<SourceFeature> features;

    int fieldIndex(const QString& name) const { return fields.indexOf(name); }
};

} // namespace gridmodel
