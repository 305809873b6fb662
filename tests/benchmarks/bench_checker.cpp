// Benchmarks of the checker on generated districts (in memory; the file read is measured
// in bench_projectfile).   bench_checker [--zones N] [google benchmark options]
#include "benchmarkmain.h"
#include "checker.h"
#include "districtgenerator.h"

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

void BM_ValidateOneLevel(benchmark::State& state)
{
    const ProjectData& data = district();
    for (auto _ : state)
        benchmark::DoNotOptimize(Checker(data).check({2, 0}));
}

} // namespace

BENCHMARK(BM_ValidateEverything)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateOneLevel)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
