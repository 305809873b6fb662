// Benchmarks of the change report on a generated district: what one edit changed (the same
// project before and after), against a copy made apart (other ids: matched by code), and
// the project as it was at a step of its history.
//   bench_reports [--zones N] [google benchmark options]
#include "changereport.h"
#include "generateddistrict.h"
#include "hierarchyeditor.h"
#include "projectfile.h"

#include <QTemporaryDir>

using namespace gridmodel;

namespace {

struct RedrawnDistrict
{
    QTemporaryDir dir;
    std::unique_ptr<ProjectFile> project;
    ProjectData before;
    qint64 created = 0;

    RedrawnDistrict()
    {
        project = openGeneratedDistrict(dir, QStringLiteral("reports.gpkg"), 3);
        before = project->data();
        created = project->history().back().id;
        // a planner's afternoon: a grid split, two merged, a building group given to another grid
        const int gridLevel = before.hierarchy.levelIndex(QStringLiteral("grid"));
        std::vector<const Unit*> grids;
        for (const Unit& unit : project->data().units)
            if (unit.level == gridLevel)
                grids.push_back(&unit);
        const Envelope box = grids.front()->boundary.envelope();
        const QString first = grids.front()->code;
        const auto& siblings = project->index().children(grids.front()->parentId);
        const QStringList pair{siblings.at(1)->code, siblings.at(2)->code};
        const QString building = project->index().children(siblings.at(1)->id).front()->code;
        HierarchyEditor(*project).split(first,
                                        {{box.center().x, box.minY - 1}, {box.center().x, box.maxY + 1}});
        HierarchyEditor(*project).move(building, first);
        HierarchyEditor(*project).merge(pair);
    }
};

RedrawnDistrict& district()
{
    static RedrawnDistrict instance;
    return instance;
}

void BM_ChangeReportOfOneAfternoon(benchmark::State& state)
{
    RedrawnDistrict& d = district();
    size_t changes = 0;
    for (auto _ : state)
        changes = ChangeReport::between(d.before, d.project->data(), {}).units.size();
    state.counters["units"] = static_cast<double>(d.before.units.size());
    state.counters["changes"] = static_cast<double>(changes);
}

void BM_ChangeReportAgainstACopyMadeApart(benchmark::State& state)
{
    RedrawnDistrict& d = district();
    ProjectData apart = d.before; // the same district with other ids, as an import would make it
    for (Unit& unit : apart.units) {
        unit.id += 10000000;
        unit.parentId = unit.parentId ? unit.parentId + 10000000 : 0;
    }
    for (Assignment& assignment : apart.assignments)
        assignment.unitId += 10000000;
    size_t changes = 0;
    for (auto _ : state)
        changes = ChangeReport::between(apart, d.project->data(), {}).units.size();
    state.counters["changes"] = static_cast<double>(changes);
}

void BM_ProjectAtTheFirstStep(benchmark::State& state)
{
    RedrawnDistrict& d = district();
    for (auto _ : state)
        benchmark::DoNotOptimize(d.project->dataAfter(d.created).units.size());
}

void BM_ChangeReportSheetsAndPage(benchmark::State& state)
{
    RedrawnDistrict& d = district();
    const ChangeReport report = ChangeReport::between(d.before, d.project->data(), {});
    for (auto _ : state) {
        benchmark::DoNotOptimize(report.sheets().size());
        benchmark::DoNotOptimize(report.toHtml().size());
    }
}

} // namespace

BENCHMARK(BM_ChangeReportOfOneAfternoon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangeReportAgainstACopyMadeApart)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProjectAtTheFirstStep)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangeReportSheetsAndPage)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
