// The entry point of gridatlas-cli-qgis: what the plain program calls once it has loaded it.

#include "qgismodule.h"

#include "changereport.h"
#include "coveragereport.h"
#include "reportpdf.h"

namespace gridatlas::cli {

std::vector<Command> printCommands();
std::unique_ptr<QCoreApplication> printApplication(int& argc, char** argv);
void stopPrintApplication();
void writeStockQgisProject(const gridmodel::ProjectFile& project);

} // namespace gridatlas::cli

using namespace gridatlas::cli;

extern "C" Q_DECL_EXPORT const QgisModule* gridatlasCliQgisModule()
{
    static const QgisModule module{
        printCommands,
        printApplication,
        stopPrintApplication,
        writeStockQgisProject,
        [](const gridmodel::CoverageReport& report, const QString& path) {
            mapcore::ReportPdf::write(report, path);
        },
        [](const gridmodel::ChangeReport& report, const QString& path) {
            mapcore::ReportPdf::write(report, path);
        },
    };
    return &module;
}
