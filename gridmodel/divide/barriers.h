#pragma once

#include "../geometry.h"
#include "../projectdata.h"

#include <QString>
#include <vector>

namespace gridmodel {

/**
 * The barriers a proposed division follows: roads, rivers and railways as lines. Read from a
 * vector reference layer of the project (by name) or from any GIS file GDAL reads (by path), in
 * the project's CRS; line features give their lines, area features (a river drawn as a polygon)
 * their outlines.
 */
namespace Barriers {

/**
 * The lines of `layerOrPath` that reach `within`. Throws Error: FileNotFound; InvalidInput
 * for a reference layer that is not a vector, or a file that cannot be read.
 */
std::vector<LineString> read(const ProjectData& data, const QString& projectPath, const QString& layerOrPath,
                             const Envelope& within);

} // namespace Barriers

} // namespace gridmodel
