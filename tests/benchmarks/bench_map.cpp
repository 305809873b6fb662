// Benchmarks of the map in the desktop program: a generated district opened and drawn at
// full extent with labels, a redraw after zooming in, and an edit until it is drawn.
//   bench_map [--zones N] [google benchmark options]
#include "benchmarkmain.h"
#include "districtgenerator.h"
#include "mapimage.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectopening.h"
#include "projectsession.h"
#include "qgisruntime.h"

#include <QTemporaryDir>
#include <malloc.h>
#include <qgsapplication.h>
#include <sys/resource.h>

using namespace gridmodel;

namespace {

const QSize WindowMap(1280, 860); // about the map area of a full-HD window

struct District
{
    QTemporaryDir dir;
    QString path;
    District()
    {
        // GRIDATLAS_BENCH_PROJECT names a project to use instead (to profile without generating)
        path = qEnvironmentVariable("GRIDATLAS_BENCH_PROJECT");
        if (!path.isEmpty())
            return;
        path = dir.filePath(QStringLiteral("map.gpkg"));
        ProjectFile::create(
            path, DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1)));
        // Hands back what generating took, so peak_MB counts the program's own use only
        // (the reading thread allocates in an arena of its own and would not reuse it).
        malloc_trim(0);
    }
};

District& district()
{
    static District instance;
    return instance;
}

double peakMemoryMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

QImage draw(const mapcore::ProjectLayers& layers, const QgsRectangle& extent)
{
    return mapcore::renderMapImage(layers.layersTopFirst(), extent, layers.crs(), WindowMap);
}

QImage draw(mapcore::ProjectSession& session, const QgsRectangle& extent)
{
    return draw(session.layers(), extent);
}

// As the window opens a project: the map draws while the units are read.
void BM_OpenAndDrawFullExtent(benchmark::State& state)
{
    const QString path = district().path;
    for (auto _ : state) {
        mapcore::ProjectOpening opening(path);
        QgsRectangle extent = opening.layers().fullExtent();
        extent.scale(1.05);
        benchmark::DoNotOptimize(draw(opening.layers(), extent));
        benchmark::DoNotOptimize(opening.waitForSession());
    }
    state.counters["peak_MB"] = peakMemoryMb();
}

// The two halves of the above, to see where the time goes.
void BM_OpenOnly(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(mapcore::ProjectSession::open(district().path));
}

void BM_DrawFullExtentOnly(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    QgsRectangle extent = session->layers().fullExtent();
    extent.scale(1.05);
    for (auto _ : state)
        benchmark::DoNotOptimize(draw(*session, extent));
}

void BM_RedrawZoomedIn(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    QgsRectangle extent = session->layers().fullExtent();
    extent.scale(1.0 / 8); // about one community
    draw(*session, extent);
    for (auto _ : state)
        benchmark::DoNotOptimize(draw(*session, extent));
}

void BM_EditUntilDrawn(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    const Unit zone = session->data().units.back();
    const Envelope box = zone.boundary.envelope();
    QgsRectangle around(box.minX, box.minY, box.maxX, box.maxY);
    around.scale(12); // the zone among its neighbours, as a planner edits it
    qint64 households = zone.households;
    for (auto _ : state) {
        households = households % 40 + 20;
        session->edit([&](ProjectFile& project) {
            return ProjectEditor(project).setAttributes(zone.code, {households});
        });
        benchmark::DoNotOptimize(draw(*session, around));
    }
}

//! the edit and the layers' refresh, without drawing
void BM_EditOnly(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    const Unit zone = session->data().units.back();
    qint64 households = zone.households;
    for (auto _ : state) {
        households = households % 40 + 20;
        session->edit([&](ProjectFile& project) {
            return ProjectEditor(project).setAttributes(zone.code, {households});
        });
    }
}

} // namespace

BENCHMARK(BM_EditOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenAndDrawFullExtent)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DrawFullExtentOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RedrawZoomedIn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditUntilDrawn)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    const int result = runBenchmarksInApplication(argc, argv);
    mapcore::QgisRuntime::stop();
    return result;
}
