// Benchmarks of single edits on a generated district, transaction and history included.
//   bench_operations [--zones N] [google benchmark options]
#include "benchmarkmain.h"
#include "districtgenerator.h"
#include "projecteditor.h"
#include "projectfile.h"

#include <QTemporaryDir>

using namespace gridmodel;

namespace {

struct EditedDistrict
{
    QTemporaryDir dir;
    std::unique_ptr<ProjectFile> project;
    QString zoneCode;

    EditedDistrict()
    {
        const QString file = dir.filePath(QStringLiteral("ops.gpkg"));
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1)));
        project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        zoneCode = project->data().units.back().code;
    }
};

EditedDistrict& district()
{
    static EditedDistrict instance;
    return instance;
}

void BM_SetHouseholds(benchmark::State& state)
{
    EditedDistrict& d = district();
    qint64 households = 30;
    for (auto _ : state)
        ProjectEditor(*d.project).setAttributes(d.zoneCode, {++households % 40 + 20, std::nullopt, std::nullopt});
    state.counters["units"] = static_cast<double>(d.project->data().units.size());
}

void BM_UndoRedo(benchmark::State& state)
{
    EditedDistrict& d = district();
    ProjectEditor(*d.project).setAttributes(d.zoneCode, {33, std::nullopt, std::nullopt});
    for (auto _ : state) {
        d.project->undo();
        d.project->redo();
    }
}

} // namespace

BENCHMARK(BM_SetHouseholds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UndoRedo)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
