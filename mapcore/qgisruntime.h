#pragma once

#include <QString>

namespace mapcore {

/**
 * Starts and stops QGIS for GridAtlas: prefix path (so the providers load), a profile
 * folder of our own, organisation and application names. Create the QgsApplication
 * first, call start() once, and stop() before it is destroyed.
 */
namespace QgisRuntime {

//! call right after constructing the QgsApplication
void start();
//! deletes what QGIS keeps and releases the providers
void stop();
//! the folder QGIS keeps its profile in for GridAtlas: under the user's data folder, else (no home) the temp folder
QString profileFolder();

} // namespace QgisRuntime
} // namespace mapcore
