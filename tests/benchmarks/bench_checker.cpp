// Benchmarks of the checker on generated districts (in memory; the file read is measured
// in bench_projectfile).   bench_checker [--zones N] [google benchmark options]
// The defective district is data as another program makes it: 100 children per parent at
// the lowest level, 2 % of them with one corner moved 2–8 m (gaps, overlaps, outside parts);
// it is checked around the disagreeing edges and, for comparison, over whole families; and
// checked again after one edit (a zone's corner moved, then moved back), as the window does.
#include "benchmarkmain.h"
#include "changeset.h"
#include "check/checker.h"
#include "check/checkresults.h"
#include "districtgenerator.h"
#include "hierarchyindex.h"
#include "hierarchytemplate.h"

using namespace gridmodel;

namespace {

const ProjectData& district()
{
    static const ProjectData data =
        DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1));
    return data;
}

void BM_ValidateEverything(benchmark::State& state)
{
    const ProjectData& data = district();
    size_t problems = 0;
    for (auto _ : state)
        problems = Checker(data).check().size();
    state.counters["units"] = static_cast<double>(data.units.size());
    state.counters["problems"] = static_cast<double>(problems);
}

//! four levels, 100 zones under each building group, 2 % of the zones with a corner moved
const ProjectData& defectiveDistrict()
{
    static const ProjectData data = [] {
        DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(benchmarkZones(), 3);
        const int levels = HierarchyTemplate::builtin(options.templateKey).levelCount();
        options.leavesPerUnit = DistrictGenerator::leavesForFamiliesOf(100, levels);
        ProjectData generated = DistrictGenerator::generate(options);
        DistrictGenerator::addDefects(generated, levels - 1, 0.02, 3);
        return generated;
    }();
    return data;
}

void validateDefective(benchmark::State& state, Checker::Coverage coverage)
{
    const ProjectData& data = defectiveDistrict();
    size_t coverageProblems = 0;
    for (auto _ : state) {
        coverageProblems = 0;
        for (const Problem& problem : Checker(data, coverage).check())
            coverageProblems += problem.kind == Problem::Kind::Gap ||
                                problem.kind == Problem::Kind::Overlap ||
                                problem.kind == Problem::Kind::OutsideParent;
    }
    state.counters["units"] = static_cast<double>(data.units.size());
    state.counters["coverage_problems"] = static_cast<double>(coverageProblems);
}

void BM_ValidateDefectiveWhereEdgesDisagree(benchmark::State& state)
{
    validateDefective(state, Checker::Coverage::WhereEdgesDisagree);
}

void BM_ValidateDefectiveWholeFamilies(benchmark::State& state)
{
    validateDefective(state, Checker::Coverage::WholeFamily);
}

//! the window's check after one edit: a zone's corner moved 3 m, then moved back (undo)
void BM_CheckAgainAfterOneEdit(benchmark::State& state)
{
    ProjectData data = defectiveDistrict();
    const HierarchyIndex index(data); // an edit of a boundary leaves it as it is
    CheckResults results = CheckResults::of(data, index);
    const int zoneLevel = data.hierarchy.levelCount() - 1;
    std::vector<size_t> zones;
    for (size_t i = 0; i < data.units.size(); ++i)
        if (data.units[i].level == zoneLevel)
            zones.push_back(i);
    size_t edits = 0, unitsChecked = 0, familiesChecked = 0;
    std::optional<ChangeSet> toUndo;
    for (auto _ : state) {
        ChangeSet changes;
        if (toUndo) {
            changes = toUndo->inverted();
            toUndo.reset();
        } else {
            const Unit& zone = data.units[zones[(edits * 7919) % zones.size()]];
            Unit moved = zone;
            Ring& ring = moved.boundary.polygons.front().rings.front();
            ring[1].x += 3;
            changes.units.push_back({zone, moved});
            toUndo = changes;
        }
        changes.applyTo(data);
        results.update(data, index, changes);
        ++edits;
        unitsChecked += results.lastReach().units;
        familiesChecked += results.lastReach().families;
    }
    state.counters["units"] = static_cast<double>(data.units.size());
    state.counters["units_checked"] = static_cast<double>(unitsChecked) / static_cast<double>(edits);
    state.counters["families_checked"] = static_cast<double>(familiesChecked) / static_cast<double>(edits);
    state.counters["problems"] = static_cast<double>(results.problems().size());
}

//! what the window rebuilds after each edit before checking again
void BM_IndexTheHierarchy(benchmark::State& state)
{
    const ProjectData data = defectiveDistrict();
    for (auto _ : state)
        benchmark::DoNotOptimize(HierarchyIndex(data));
    state.counters["units"] = static_cast<double>(data.units.size());
}

void BM_ValidateOneLevel(benchmark::State& state)
{
    const ProjectData& data = district();
    for (auto _ : state)
        benchmark::DoNotOptimize(Checker(data).check({2, 0}));
}

} // namespace

BENCHMARK(BM_ValidateEverything)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateOneLevel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateDefectiveWhereEdgesDisagree)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateDefectiveWholeFamilies)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAgainAfterOneEdit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexTheHierarchy)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
