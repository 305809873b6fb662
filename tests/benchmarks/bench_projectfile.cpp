// Benchmarks of the project file: generating, writing and reading a district.
//   bench_projectfile [--zones N] [google benchmark options]
// Prints figures; it is not a test and asserts nothing about time.
#include "benchmarkmain.h"
#include "districtgenerator.h"
#include "projectfile.h"

#include <QTemporaryDir>

using namespace gridmodel;

namespace {

const QString& projectPath()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("bench.gpkg"));
        ProjectFile::create(
            file, DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1)));
        return file;
    }();
    return path;
}

void BM_Generate(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(
            DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1)));
    state.counters["zones"] = benchmarkZones();
}

void BM_WriteNewProject(benchmark::State& state)
{
    const ProjectData data =
        DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1));
    QTemporaryDir dir;
    for (auto _ : state)
        ProjectFile::create(dir.filePath(QStringLiteral("w.gpkg")), data, true);
    state.counters["units"] = static_cast<double>(data.units.size());
}

void BM_OpenAndReadEverything(benchmark::State& state)
{
    const QString& path = projectPath();
    size_t units = 0;
    for (auto _ : state) {
        const auto project = ProjectFile::open(path, ProjectFile::Access::ReadOnly);
        units = project->data().units.size();
    }
    state.counters["units"] = static_cast<double>(units);
}

void BM_UpdateOneUnit(benchmark::State& state)
{
    const auto project = ProjectFile::open(projectPath(), ProjectFile::Access::ReadWrite);
    Unit unit = project->data().units.back();
    for (auto _ : state) {
        ++unit.households;
        project->updateUnits({unit}, QStringLiteral("set"), QStringLiteral("benchmark"));
    }
}

} // namespace

BENCHMARK(BM_Generate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteNewProject)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenAndReadEverything)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpdateOneUnit)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
