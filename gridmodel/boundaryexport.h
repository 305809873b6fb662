#pragma once

#include "projectdata.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace gridmodel {

class HierarchyIndex;

/**
 * The boundaries of one level written for other GIS programs, through GDAL: GeoJSON and KML
 * (in WGS 84, as those formats want), Shapefile (with a .cpg naming UTF-8), DXF and
 * GeoPackage (in the project's CRS). Each unit carries its code, name, parent's code, level,
 * organisation ("org": shapefile names are short), households and residents; its notes, which may name
 * people, only when personal fields are asked for. A failed export leaves no file behind.
 */
class BoundaryExport
{
public:
    enum class Format
    {
        GeoJson,
        Shapefile,
        Kml,
        Dxf,
        GeoPackage
    };

    static std::optional<Format> formatByName(const QString& name);
    static QStringList formatNames();

    //! hears how many units are written of how many; returning false stops the export
    using Progress = std::function<bool(int written, int total)>;

    /**
     * Writes the units of `level` inside `within` (0: all) to `path`; returns how many.
     * Throws Error (Io when GDAL cannot write, InvalidInput for nothing to write, Cancelled
     * when `progress` stopped it); no file is left behind then.
     */
    static int write(const ProjectData& data, const HierarchyIndex& index, int level, UnitId within,
                     Format format, const QString& path, bool withPersonal = false,
                     const Progress& progress = {});
};

} // namespace gridmodel
