#pragma once

#include "reference/referencelayer.h"

#include <QString>
#include <vector>

namespace gridmodel {
class HierarchyTemplate;
}

namespace mapcore {

/**
 * What stock QGIS (3.22) finds in a project file, so that it looks there as in GridAtlas: each
 * level's style (lines, the editing level's fill, labels) as its default in the GeoPackage's
 * layer_styles table, and a QGIS project stored in the GeoPackage (qgis_projects, QGIS's own
 * "save to GeoPackage") with the levels in order, top level on top, and the reference layers
 * under them. Written by QGIS's own providers, beside GridAtlas's tables.
 */
namespace StockQgisProject {

//! the name QGIS lists the stored project by (Project › Open From › GeoPackage)
inline const char* ProjectName = "GridAtlas";

/**
 * Writes the styles and the stored project of the project file at `path`; throws
 * gridmodel::Error(Io) naming what QGIS could not write. 天地图 layers are left out: they need
 * the user's key, which is never written into a file.
 */
void write(const QString& path, const gridmodel::HierarchyTemplate& hierarchy,
           const std::vector<gridmodel::ReferenceLayer>& references);

//! whether the file at `path` holds them (a file GridAtlas's window has edited does)
bool isWritten(const QString& path);

//! the URI QgsProject reads the stored project from
QString projectUri(const QString& path);

} // namespace StockQgisProject

} // namespace mapcore
