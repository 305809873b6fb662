#include "districtgenerator.h"
#include "projectfile.h"
#include "sqlitedatabase.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;

/** A process killed at any moment leaves the project at its last completed change. */
class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    //! starts the writer helper, lets it work for `milliseconds` once ready, then kills it
    static bool killWriterAfter(const QString& mode, const QString& file, int milliseconds)
    {
        QProcess writer;
        writer.start(TEST_WRITER, {mode, file});
        if (!writer.waitForReadyRead(30000) || writer.readLine().trimmed() != "ready")
            return false;
        QThread::msleep(static_cast<unsigned long>(milliseconds));
        writer.kill(); // SIGKILL: no chance to clean up
        writer.waitForFinished();
        return true;
    }

private slots:
    void killDuringEdits()
    {
        const QString file = mDir.filePath("edits.gpkg");
        ProjectData data = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        const int leafLevel = data.hierarchy.levelCount() - 1;
        for (Unit& unit : data.units)
            if (unit.level == leafLevel)
                unit.households = 0; // round 0
        ProjectFile::create(file, data);
        QRandomGenerator random(42);
        qint64 lastRound = 0;
        for (int attempt = 0; attempt < 8; ++attempt) {
            QVERIFY(killWriterAfter("churn", file, 30 + random.bounded(400)));

            const auto project =
                ProjectFile::open(file, ProjectFile::Access::ReadWrite); // the stale lock is taken over
            const int leaf = project->data().hierarchy.levelCount() - 1;
            qint64 round = -1;
            int leaves = 0;
            for (const Unit& unit : project->data().units) {
                if (unit.level != leaf)
                    continue;
                ++leaves;
                if (round < 0)
                    round = unit.households;
                QVERIFY2(unit.households == round, "a change was half written");
                if (round > 0)
                    QCOMPARE(unit.notes, QStringLiteral("第%1次修改").arg(round));
            }
            QVERIFY(leaves > 500);
            QVERIFY2(round >= lastRound, "a completed change was lost");
            lastRound = round;
            // One history entry per completed change, after the creation.
            const auto history = project->history();
            QCOMPARE(qint64(history.size()), round + 1);
            if (round > 0)
                QCOMPARE(history.back().description, QStringLiteral("round %1").arg(round));
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadOnly);
            QVERIFY(db.integrityOk());
        }
        QVERIFY2(lastRound > 0, "the writer never completed a change; the test proved nothing");
    }

    void killDuringCreate()
    {
        const QString file = mDir.filePath("created.gpkg");
        QRandomGenerator random(7);
        for (int attempt = 0; attempt < 4; ++attempt) {
            QFile::remove(file);
            QVERIFY(killWriterAfter("create", file, 100 + random.bounded(900)));
            // Either no file or a whole project: never half of one.
            if (QFile::exists(file))
                QVERIFY(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().units.size() > 20000);
        }
        // The next write clears what killed attempts left behind.
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::demoOptions()), true);
        QVERIFY(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().units.size() > 500);
        const QStringList leftovers =
            QDir(mDir.path()).entryList({"*.tmp", "*.lock"}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "test_crashsafety.moc"
