#include "districtgenerator.h"
#include "projectfile.h"
#include "sqlitedatabase.h"
#include "testsupport.h"

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

    //! the demo with every leaf at round 0 of the writer's changes
    static ProjectData leavesAtRoundZero()
    {
        ProjectData data = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        const int leafLevel = data.hierarchy.levelCount() - 1;
        for (Unit& unit : data.units)
            if (unit.level == leafLevel)
                unit.households = 0;
        return data;
    }

private slots:
    void killDuringEdits()
    {
        const QString file = mDir.filePath("edits.gpkg");
        ProjectFile::create(file, leavesAtRoundZero());
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

    void readersSeeOneCompletedChangeWhileAnotherProcessWrites()
    {
        QTemporaryDir dir(mDir.filePath(QStringLiteral("busy-XXXXXX")));
        const QString file = dir.filePath("busy.gpkg");
        ProjectFile::create(file, leavesAtRoundZero());
        QProcess writer;
        writer.start(TEST_WRITER, {QStringLiteral("churn"), file});
        QVERIFY(writer.waitForReadyRead(30000));
        int reads = 0;
        for (; reads < 40; ++reads) {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
            const int leaf = project->data().hierarchy.levelCount() - 1;
            QSet<QString> rounds; // the notes of the streets (read first) and the zones (read last)
            for (const Unit& unit : project->data().units)
                if (unit.level == 0 || unit.level == leaf)
                    rounds.insert(unit.notes);
            QVERIFY2(rounds.size() == 1, qPrintable(QStringList(rounds.values()).join(" / ")));
        }
        writer.kill();
        writer.waitForFinished();
        QCOMPARE(reads, 40);
    }

    void aJournalLeftByAKilledEditDoesNotStopReaders()
    {
        QTemporaryDir dir(mDir.filePath(QStringLiteral("journal-XXXXXX")));
        const QString file = dir.filePath("journal.gpkg");
        ProjectFile::create(file, leavesAtRoundZero());
        const QString journal = file + QStringLiteral("-journal");
        for (int attempt = 0; attempt < 60 && !SqliteDatabase::isHotJournal(journal); ++attempt)
            QVERIFY(killWriterAfter("churn", file, 40 + 37 * attempt % 400));
        if (!SqliteDatabase::isHotJournal(journal))
            QSKIP("no kill landed while a change was being written: no journal was left to test");
        // the same state twice: one to read where it lies, one made read-only
        const QString readOnly = dir.filePath("journal-444.gpkg");
        QVERIFY(QFile::copy(file, readOnly) && QFile::copy(journal, readOnly + QStringLiteral("-journal")));
        const QByteArray readOnlyBytes = testsupport::fileBytes(readOnly);
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);

        for (const QString& path : {file, readOnly}) {
            const auto project = ProjectFile::open(path, ProjectFile::Access::ReadOnly);
            QSet<qint64> rounds;
            const int leaf = project->data().hierarchy.levelCount() - 1;
            for (const Unit& unit : project->data().units)
                if (unit.level == leaf)
                    rounds.insert(unit.households);
            QVERIFY2(rounds.size() == 1, qPrintable(path)); // the last completed round, not half of the next
            QVERIFY(ProjectFile::readHierarchy(path).levelCount() > 0);
        }
        QVERIFY(!SqliteDatabase::isHotJournal(journal));           // rolled back where it lies
        QCOMPARE(testsupport::fileBytes(readOnly), readOnlyBytes); // a read-only file is not touched
        QVERIFY(SqliteDatabase::isHotJournal(readOnly + QStringLiteral("-journal")));
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
