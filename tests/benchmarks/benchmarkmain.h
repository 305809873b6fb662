#pragma once

// The main() of a GridAtlas benchmark: a QCoreApplication, `--zones N` for the size of the
// generated district (read by the benchmarks through benchmarkZones()), then Google
// Benchmark's own options.

#include <QCoreApplication>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <vector>

inline int& benchmarkZones()
{
    static int zones = 20000;
    return zones;
}

//! runs the benchmarks inside an application the caller made (QgsApplication for map benchmarks)
inline int runBenchmarksInApplication(int argc, char** argv)
{
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--zones") == 0 && i + 1 < argc)
            benchmarkZones() = std::atoi(argv[++i]);
        else
            rest.push_back(argv[i]);
    }
    int restCount = static_cast<int>(rest.size());
    benchmark::Initialize(&restCount, rest.data());
    std::printf("District of about %d zones\n", benchmarkZones());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

inline int runBenchmarks(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    return runBenchmarksInApplication(argc, argv);
}
