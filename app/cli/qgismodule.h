#pragma once

#include "command.h"

namespace gridmodel {
class ChangeReport;
class CoverageReport;
} // namespace gridmodel

namespace gridatlas::cli {

/**
 * What gridatlas-cli does with QGIS: printing, PDF reports and the project stored for stock
 * QGIS. It lives in a module (gridatlas-cli-qgis) loaded only by the commands that need it, so
 * that validate, import and the other plain commands start without QGIS's two hundred libraries
 * (a tenth of a second before main, every run).
 */
struct QgisModule
{
    std::vector<Command> (*commands)(); //!< print
    //! the application the painting commands run in (QGIS, offscreen), and its end
    std::unique_ptr<QCoreApplication> (*startApplication)(int& argc, char** argv);
    void (*stopApplication)();
    void (*keepStockQgisProjectCurrent)(const gridmodel::ProjectFile& project);
    void (*writeCoverageReportPdf)(const gridmodel::CoverageReport& report, const QString& path);
    void (*writeChangeReportPdf)(const gridmodel::ChangeReport& report, const QString& path);
};

/**
 * The module, loaded on first use from beside the program (or from ../lib/gridatlas). Throws
 * Error(InvalidInput) naming the file and the loader's reason when it is missing or does not
 * load, and for a gridatlas-cli built without QGIS.
 */
const QgisModule& qgisModule();

//! the module when a command has loaded it already, else nullptr: nothing is loaded
const QgisModule* loadedQgisModule();

} // namespace gridatlas::cli

//! the module's one entry point, looked up by name
extern "C" const gridatlas::cli::QgisModule* gridatlasCliQgisModule();
