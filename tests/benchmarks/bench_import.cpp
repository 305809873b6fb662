// Benchmarks of importing boundaries by location.   bench_import [--zones N] [google benchmark options]
// The source is data as another program makes it: the lowest level of a generated district with
// 60 children per parent (a zone code has two digits), 2 % of them with one corner moved 2–8 m, written to a
// GeoPackage with names only (no codes, no parent codes). It is imported into the same district without that
// level, so every parent is found by location and every code is given by the scheme. Timed: the
// source read, the plan and its application as one step of the project's history.
#include "benchmarkmain.h"
#include "boundaryexport.h"
#include "boundaryimport.h"
#include "districtgenerator.h"
#include "hierarchyindex.h"
#include "hierarchytemplate.h"
#include "importplan.h"
#include "projectfile.h"
#include "vectorsource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace gridmodel;

namespace {

struct ImportCase
{
    QTemporaryDir dir;
    QString source; //!< the lowest level's boundaries
    QString before; //!< the project without them, copied for each run
    int level = 0;
    size_t features = 0;

    ImportCase()
    {
        DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(benchmarkZones(), 5);
        const int levels = HierarchyTemplate::builtin(options.templateKey).levelCount();
        options.leavesPerUnit = DistrictGenerator::leavesForFamiliesOf(60, levels);
        ProjectData data = DistrictGenerator::generate(options);
        level = levels - 1;
        DistrictGenerator::addDefects(data, level, 0.02, 5);
        source = dir.filePath(QStringLiteral("leaves.gpkg"));
        {
            const HierarchyIndex index(data);
            features = static_cast<size_t>(
                BoundaryExport::write(data, index, level, 0, BoundaryExport::Format::GeoPackage, source));
        }
        ProjectData without = data;
        without.units.clear();
        for (const Unit& unit : data.units)
            if (unit.level < level)
                without.units.push_back(unit);
        const HierarchyIndex kept(without);
        without.assignments.clear();
        for (const Assignment& assignment : data.assignments)
            if (kept.unit(assignment.unitId))
                without.assignments.push_back(assignment);
        before = dir.filePath(QStringLiteral("before.gpkg"));
        ProjectFile::create(before, without);
    }
};

void BM_ImportLowestLevelByLocation(benchmark::State& state)
{
    static ImportCase importCase;
    const QString file = importCase.dir.filePath(QStringLiteral("project.gpkg"));
    size_t imported = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QFile::remove(file);
        QFile::copy(importCase.before, file);
        std::unique_ptr<ProjectFile> project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        state.ResumeTiming();
        QElapsedTimer clock;
        clock.start();
        VectorSource features = VectorSource::read(importCase.source, project->data().crsEpsg);
        state.counters["read_s"] = double(clock.restart()) / 1000;
        BoundaryImport::Options options;
        options.level = importCase.level;
        options.mapping = FieldMapping::guess(features.fields);
        options.mapping.set(QStringLiteral("code=,parent=,households=,residents="), features.fields);
        ImportPlan plan =
            BoundaryImport::plan(project->data(), project->index(), std::move(features), options);
        if (!plan.canApply()) {
            state.SkipWithError(plan.problemText(3).toUtf8().constData());
            return;
        }
        state.counters["plan_s"] = double(clock.restart()) / 1000;
        std::move(plan).apply(*project); // as the command does
        state.counters["apply_s"] = double(clock.restart()) / 1000;
        imported = project->data().units.size();
    }
    state.counters["features"] = static_cast<double>(importCase.features);
    state.counters["units_after"] = static_cast<double>(imported);
}

} // namespace

BENCHMARK(BM_ImportLowestLevelByLocation)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
