// A helper for the crash-safety tests: opens a project for writing and changes it in a
// loop until it is killed.
//   gridatlas_test_writer hold FILE     open for writing, print "ready", wait
//   gridatlas_test_writer churn FILE    print "ready", then commit changes forever: each round
//                                       sets every leaf and the notes of every top-level unit
//   gridatlas_test_writer create FILE   write a 20,000-zone project to FILE
#include "districtgenerator.h"
#include "projectfile.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>

using namespace gridmodel;

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3)
        return 2;
    const QString mode = arguments.at(1), file = arguments.at(2);
    if (mode == QLatin1String("create")) {
        std::puts("ready");
        std::fflush(stdout);
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::syntheticOptions(20000, 7)),
                            true);
        return 0;
    }
    const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
    std::puts("ready");
    std::fflush(stdout);
    if (mode == QLatin1String("hold")) {
        QThread::sleep(600);
        return 0;
    }
    const int leaf = project->data().hierarchy.levelCount() - 1;
    qint64 start = 0;
    for (const Unit& unit : project->data().units)
        if (unit.level == leaf)
            start = unit.households; // all equal: carry on from the last completed round
    for (qint64 round = start + 1;; ++round) {
        // Every change touches all leaves: an interrupted one would leave them unequal.
        // It touches the first table and the last, so a reader outside one transaction can see
        // the first of one round and the last of another.
        std::vector<Unit> leaves;
        for (const Unit& unit : project->data().units)
            if (unit.level == leaf || unit.level == 0) {
                Unit changed = unit;
                if (unit.level == leaf)
                    changed.households = round;
                changed.notes = QStringLiteral("第%1次修改").arg(round);
                leaves.push_back(changed);
            }
        project->updateUnits(leaves, QStringLiteral("set"), QStringLiteral("round %1").arg(round));
    }
}
