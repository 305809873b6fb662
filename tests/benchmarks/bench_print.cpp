// Benchmark of printing responsibility maps: grid pages, each a map of about 100 labelled
// buildings with legend, scale bar, north arrow and roster, into one PDF.
//   bench_print [--zones N] [google benchmark options]   (N buildings, 100 per grid)
#include "benchmarkmain.h"
#include "districtgenerator.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "qgisruntime.h"
#include "responsibilitymapprinter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <qgsapplication.h>

using namespace gridmodel;

namespace {

struct District
{
    QTemporaryDir dir;
    QString path;
    District()
    {
        path = dir.filePath(QStringLiteral("print.gpkg"));
        DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(benchmarkZones(), 7);
        options.templateKey = QStringLiteral("four-level");
        options.leavesPerUnit = {4000, 1000, 100, 1}; // a grid of about 100 buildings
        ProjectFile::create(path, DistrictGenerator::generate(options));
    }
};

District& district()
{
    static District instance;
    return instance;
}

// The goal counts the whole atlas: opening the project, checking it, and every page.
void BM_PrintGridPages(benchmark::State& state)
{
    const QString pdf = district().dir.filePath(QStringLiteral("grids.pdf"));
    double pages = 0, children = 0, problems = 0, openSeconds = 0;
    for (auto _ : state) {
        QElapsedTimer opening;
        opening.start();
        const auto project = ProjectFile::open(district().path, ProjectFile::Access::ReadOnly);
        const int level = project->data().hierarchy.levelIndex(QStringLiteral("grid"));
        const std::vector<UnitId> grids =
            ResponsibilitySheet::unitsToPrint(project->data(), project->index(), level, QString());
        mapcore::ResponsibilityMapPrinter printer(*project, mapcore::ResponsibilityMapPrinter::Options());
        openSeconds = opening.nsecsElapsed() / 1e9;
        printer.writePdf(grids, pdf);
        pages = static_cast<double>(grids.size());
        problems = static_cast<double>(printer.problems().size());
        children = 0;
        for (UnitId grid : grids)
            children += static_cast<double>(project->index().children(grid).size());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages));
    state.counters["pages"] = pages;
    state.counters["open_and_check_s"] = openSeconds;
    state.counters["problems"] = problems;
    state.counters["children_per_page"] = children / pages;
    state.counters["MB_per_page"] = QFileInfo(pdf).size() / pages / 1e6;
}

} // namespace

BENCHMARK(BM_PrintGridPages)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    const int result = runBenchmarksInApplication(argc, argv);
    mapcore::QgisRuntime::stop();
    return result;
}
