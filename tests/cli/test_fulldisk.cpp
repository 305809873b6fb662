// Every file gridatlas-cli writes for the user, on a disk that refuses it: each command exits 2
// saying why, and the file that was there before is as it was, with nothing left beside it.

#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <unistd.h>

using testsupport::RunResult;

namespace {

const QByteArray OldContent("the file the user had before\n");

QByteArray bytesOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

//! runs the CLI with its files limited to `kib` KiB (ulimit -f), as a full disk would stop it
RunResult runLimited(int kib, const QStringList& arguments)
{
    return testsupport::runProgram(QStringLiteral("bash"),
                                   QStringList{QStringLiteral("-c"),
                                               QStringLiteral("ulimit -f %1; exec \"$0\" \"$@\"").arg(kib),
                                               QStringLiteral(GRIDATLAS_CLI)} +
                                       arguments);
}

//! a small tmpfs that the test mounts itself (root only), unmounted when it goes
class SmallDisk
{
public:
    explicit SmallDisk(const QString& folder, int kib) : mFolder(folder)
    {
        QDir().mkpath(folder);
        mMounted =
            ::geteuid() == 0 &&
            QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=%1k").arg(kib), QStringLiteral("tmpfs"), folder}) == 0;
    }
    ~SmallDisk()
    {
        if (mMounted)
            QProcess::execute(QStringLiteral("umount"), {mFolder});
    }
    bool mounted() const { return mMounted; }
    //! fills the disk but for about `leftKib`
    void fill(int leftKib) const
    {
        QProcess::execute(QStringLiteral("dd"),
                          {QStringLiteral("if=/dev/zero"), QStringLiteral("of=%1/filler").arg(mFolder),
                           QStringLiteral("bs=1k"), QStringLiteral("count=100000")});
        QFile::resize(QStringLiteral("%1/filler").arg(mFolder),
                      QFileInfo(QStringLiteral("%1/filler").arg(mFolder)).size() - leftKib * 1024);
    }

private:
    QString mFolder;
    bool mMounted = false;
};

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString mDemo;
    QString mEdited;
    QString mGrid;

    RunResult run(const QStringList& arguments) const
    {
        return testsupport::runProgram(QStringLiteral(GRIDATLAS_CLI), arguments);
    }

private slots:
    void initTestCase()
    {
        std::signal(SIGXFSZ, SIG_IGN); // the shell we start inherits it
        QVERIFY(mDir.isValid());
        mDemo = mDir.filePath(QStringLiteral("demo.gpkg"));
        QCOMPARE(run({QStringLiteral("demo"), mDemo}).exitCode, 0);
        const RunResult grids =
            run({QStringLiteral("units"), mDemo, QStringLiteral("--level"), QStringLiteral("grid")});
        QCOMPARE(grids.exitCode, 0);
        mGrid = grids.out.split(QLatin1Char('\n')).value(1).section(QLatin1Char('\t'), 0, 0);
        QVERIFY(!mGrid.isEmpty());
        mEdited = mDir.filePath(QStringLiteral("edited.gpkg"));
        QVERIFY(QFile::copy(mDemo, mEdited));
        QCOMPARE(run({QStringLiteral("set"), mEdited, mGrid, QStringLiteral("--households"),
                      QStringLiteral("555")})
                     .exitCode,
                 0);
    }

    void anOutputOverTheLimitLeavesTheOldFile_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QStringList>("arguments"); // OUT stands for the output's path
        const QString demo = mDir.filePath(QStringLiteral("demo.gpkg"));
        const QString edited = mDir.filePath(QStringLiteral("edited.gpkg"));
        const QStringList zones{QStringLiteral("export"),  demo,
                                QStringLiteral("--level"), QStringLiteral("zone"),
                                QStringLiteral("-o"),      QStringLiteral("OUT"),
                                QStringLiteral("--format")};
        for (const char* format : {"geojson", "kml", "dxf", "shp", "gpkg"})
            QTest::newRow(format) << QStringLiteral("zones.%1").arg(QLatin1String(format))
                                  << zones + QStringList{QLatin1String(format)};
        for (const char* format : {"csv", "xlsx"})
            QTest::newRow(qPrintable(QStringLiteral("roster %1").arg(QLatin1String(format))))
                << QStringLiteral("roster.%1").arg(QLatin1String(format))
                << QStringList{QStringLiteral("export"),   demo,
                               QStringLiteral("--format"), QLatin1String(format),
                               QStringLiteral("-o"),       QStringLiteral("OUT")};
        QStringList reports{QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("html")};
#ifdef GRIDATLAS_WITH_PRINT
        reports << QStringLiteral("pdf");
#endif
        for (const QString& format : reports)
            QTest::newRow(qPrintable(QStringLiteral("report %1").arg(format)))
                << QStringLiteral("report.%1").arg(format)
                << QStringList{QStringLiteral("report"),   demo,
                               QStringLiteral("--format"), format,
                               QStringLiteral("-o"),       QStringLiteral("OUT")};
        reports.removeOne(QStringLiteral("csv"));
        for (const QString& format : reports)
            QTest::newRow(qPrintable(QStringLiteral("change report %1").arg(format)))
                << QStringLiteral("changes.%1").arg(format)
                << QStringList{QStringLiteral("diff"),     demo,   edited,
                               QStringLiteral("--format"), format, QStringLiteral("-o"),
                               QStringLiteral("OUT")};
#ifdef GRIDATLAS_WITH_PRINT
        QTest::newRow("print pdf") << QStringLiteral("grids.pdf")
                                   << QStringList{QStringLiteral("print"),   demo,
                                                  QStringLiteral("--level"), QStringLiteral("grid"),
                                                  QStringLiteral("-o"),      QStringLiteral("OUT")};
        QTest::newRow("print png") << QStringLiteral("grid.png")
                                   << QStringList{QStringLiteral("print"),    demo,
                                                  QStringLiteral("--level"),  QStringLiteral("grid"),
                                                  QStringLiteral("--within"), mGrid,
                                                  QStringLiteral("-o"),       QStringLiteral("OUT")};
#endif
    }

    void anOutputOverTheLimitLeavesTheOldFile()
    {
        QFETCH(QString, fileName);
        QFETCH(QStringList, arguments);
        QTemporaryDir outputs(mDir.filePath(QStringLiteral("out-XXXXXX")));
        const QString target = outputs.filePath(fileName);
        writeBytes(target, OldContent);
        arguments.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), target);

        // first, that the command writes it at all when it may
        const QString whole = outputs.filePath(QStringLiteral("whole-") + fileName);
        QStringList wholeArguments = arguments;
        wholeArguments.replaceInStrings(
            QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(target))), whole);
        const RunResult written = run(wholeArguments);
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        QVERIFY2(QFileInfo(whole).size() > 4 * 1024, "too small to be cut short by the limit");
        for (const QString& name : QDir(outputs.path()).entryList(QDir::Files | QDir::Hidden))
            if (name != fileName)
                QFile::remove(outputs.filePath(name));

        const RunResult cut = runLimited(4, arguments);
        QCOMPARE(cut.exitCode, 2);
        QVERIFY2(cut.err.contains(QLatin1String("size limit")), qPrintable(cut.err));
        QVERIFY2(cut.err.contains(target), qPrintable(cut.err));
        QCOMPARE(bytesOf(target), OldContent);
        QCOMPARE(QDir(outputs.path()).entryList(QDir::Files | QDir::Hidden), QStringList{fileName});
    }

    void aFullDiskIsSaidSo()
    {
        SmallDisk disk(mDir.filePath(QStringLiteral("small")), 2048);
        if (!disk.mounted())
            QSKIP("mounting a small tmpfs needs root");
        const QString target = mDir.filePath(QStringLiteral("small/zones.geojson"));
        writeBytes(target, OldContent);
        disk.fill(32);
        const RunResult exported =
            run({QStringLiteral("export"), mDemo, QStringLiteral("--level"), QStringLiteral("zone"),
                 QStringLiteral("--format"), QStringLiteral("geojson"), QStringLiteral("-o"), target});
        QCOMPARE(exported.exitCode, 2);
        QVERIFY2(exported.err.contains(QStringLiteral("磁盘已满")), qPrintable(exported.err));
        QCOMPARE(bytesOf(target), OldContent);
        QCOMPARE(QDir(mDir.filePath(QStringLiteral("small"))).entryList(QDir::Files),
                 (QStringList{QStringLiteral("filler"), QStringLiteral("zones.geojson")}));
    }

    void anEditOnAFullDiskSaysTheDiskIsFull()
    {
        SmallDisk disk(mDir.filePath(QStringLiteral("small")), 4096);
        if (!disk.mounted())
            QSKIP("mounting a small tmpfs needs root");
        const QString project = mDir.filePath(QStringLiteral("small/project.gpkg"));
        QVERIFY(QFile::copy(mDemo, project));
        const QByteArray before = bytesOf(project);
        for (const int left : {0, 40}) { // no room for the lock; room for the lock, not the change
            QFile::remove(mDir.filePath(QStringLiteral("small/filler")));
            disk.fill(left);
            const RunResult set = run({QStringLiteral("set"), project, mGrid, QStringLiteral("--households"),
                                       QStringLiteral("555")});
            QCOMPARE(set.exitCode, 2);
            QVERIFY2(set.err.contains(QStringLiteral("磁盘已满")), qPrintable(set.err));
            QVERIFY2(!set.err.contains(QLatin1String("not writable")), qPrintable(set.err));
            QCOMPARE(bytesOf(project), before);
        }
        QFile::remove(mDir.filePath(QStringLiteral("small/filler")));
        QCOMPARE(run({QStringLiteral("validate"), project}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "test_fulldisk.moc"
