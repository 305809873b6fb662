// Benchmarks of the checker on generated districts (in memory; the file read is measured
// in bench_projectfile).   bench_checker [--zones N] [google benchmark options]
#include "checker.h"
#include "districtgenerator.h"

#include <QCoreApplication>
#include <benchmark/benchmark.h>
#include <cstring>

using namespace gridmodel;

namespace {

int gZones = 20000;

const ProjectData& district()
{
    static const ProjectData data = DistrictGenerator::generate(DistrictGenerator::syntheticOptions(gZones, 1));
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
    QCoreApplication application(argc, argv);
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--zones") == 0 && i + 1 < argc)
            gZones = std::atoi(argv[++i]);
        else
            rest.push_back(argv[i]);
    }
    int restCount = static_cast<int>(rest.size());
    benchmark::Initialize(&restCount, rest.data());
    std::printf("District of about %d zones\n", gZones);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
