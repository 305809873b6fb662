// `gridatlas-cli validate` as a user runs it: a whole process, reading the file included, on
// data as another program makes it.   bench_validate [--zones N] [google benchmark options]
// - defective: the four-level template, 100 zones under each building group, 2 % of them with
//   one corner moved 2–8 m (gaps, overlaps, zones outside their parent), written by
//   `gridatlas-cli generate --children 100 --defects 0.02`;
// - Beijing: the 343 real sub-districts (../shared/realdata), with their real overlaps and holes.
// The figure is wall time (the work is in the child process); problems counts what it found.
#include "benchmarkmain.h"
#include "realdistrict.h"

#include <QProcess>
#include <QTemporaryDir>

namespace {

const QTemporaryDir& workFolder()
{
    static const QTemporaryDir dir;
    return dir;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(GRIDATLAS_CLI), arguments);
    process.waitForFinished(-1);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QString defectiveProject()
{
    static const QString file = [] {
        const QString path = workFolder().filePath(QStringLiteral("defective.gpkg"));
        const Run generated = runCli({QStringLiteral("generate"), path, QStringLiteral("--zones"),
                                      QString::number(benchmarkZones()), QStringLiteral("--template"),
                                      QStringLiteral("four-level"), QStringLiteral("--children"),
                                      QStringLiteral("100"), QStringLiteral("--defects"),
                                      QStringLiteral("0.02"), QStringLiteral("--seed"), QStringLiteral("3")});
        return generated.exitCode == 0 ? path : QString();
    }();
    return file;
}

QString beijingProject()
{
    static const QString file = writeBeijingProject(workFolder());
    return file;
}

//! the problems line validate ends with: "N problems found…", or 0 for "No problems found"
double problemsSaid(const QByteArray& out)
{
    const QByteArray last = out.trimmed().split('\n').last();
    return last.startsWith("No problems") ? 0 : last.split(' ').first().toDouble();
}

void validateWholeProcess(benchmark::State& state, const QString& file)
{
    if (file.isEmpty()) {
        state.SkipWithError("the project could not be written (realdata beside the checkout?)");
        return;
    }
    Run run;
    for (auto _ : state) {
        run = runCli({QStringLiteral("validate"), file});
        if (run.exitCode != 0 && run.exitCode != 1) {
            state.SkipWithError(run.err.constData());
            return;
        }
    }
    state.counters["problems"] = problemsSaid(run.out);
}

void BM_ValidateWholeProcessDefective(benchmark::State& state)
{
    validateWholeProcess(state, defectiveProject());
}

void BM_ValidateWholeProcessBeijing(benchmark::State& state)
{
    validateWholeProcess(state, beijingProject());
}

//! the floor: a process that starts, and says its version
void BM_StartTheProgram(benchmark::State& state)
{
    for (auto _ : state)
        runCli({QStringLiteral("--version")});
}

} // namespace

BENCHMARK(BM_StartTheProgram)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ValidateWholeProcessDefective)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ValidateWholeProcessBeijing)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
