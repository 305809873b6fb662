// gridatlas-cli print, end to end on the demo: pages, text, phones, fonts, refusals.
#include "clirun.h"
#include "districtgenerator.h"
#include "hierarchyindex.h"
#include "personaldata.h"
#include "projectfile.h"
#include "testrasters.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;

class TestPrint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString mDemo;

    using Result = testsupport::RunResult;

    static Result run(const QString& program, const QStringList& arguments)
    {
        return testsupport::runProgram(program, arguments);
    }

    static Result print(const QStringList& arguments)
    {
        return run(GRIDATLAS_CLI, QStringList{"print"} + arguments);
    }

    static int pageCount(const QString& pdf)
    {
        const QString info = run("pdfinfo", {pdf}).out;
        const QRegularExpressionMatch match = QRegularExpression("Pages:\\s+(\\d+)").match(info);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    static QString text(const QString& pdf) { return run("pdftotext", {"-layout", pdf, "-"}).out; }

    //! the grids of the demo's first community, in code order, with their roster
    struct Grid
    {
        Unit unit;
        QString community;
        std::vector<Member> people;
    };

    std::vector<Grid> gridsOfFirstCommunity(QString* communityCode) const
    {
        const auto project = ProjectFile::open(mDemo, ProjectFile::Access::ReadOnly);
        const ProjectData& data = project->data();
        const HierarchyIndex& index = project->index();
        const Unit* community = nullptr;
        for (const Unit& unit : data.units)
            if (unit.level == 1 && (!community || unit.code < community->code))
                community = &unit;
        *communityCode = community->code;
        std::vector<Grid> grids;
        for (const Unit* grid : index.children(community->id)) {
            Grid entry{*grid, community->name, {}};
            for (const Assignment& assignment : data.assignments)
                if (assignment.unitId == grid->id)
                    for (const Member& member : data.members)
                        if (member.id == assignment.memberId)
                            entry.people.push_back(member);
            grids.push_back(entry);
        }
        std::sort(grids.begin(), grids.end(),
                  [](const Grid& a, const Grid& b) { return a.unit.code < b.unit.code; });
        return grids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mDemo = mDir.filePath("demo.gpkg");
        ProjectFile::create(mDemo, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
    }

    void onlyTheCommandsThatPaintLoadQgis()
    {
        // the dynamic loader names every library it opens: validate, run by scripts over and
        // over, opens none of QGIS's; print opens them, from the module beside the program
        const auto librariesOpened = [](const QStringList& arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert("LD_DEBUG", "files");
            process.setProcessEnvironment(environment);
            process.start(GRIDATLAS_CLI, arguments);
            process.waitForFinished(300000);
            return QString::fromUtf8(process.readAllStandardError());
        };
        const QString validate = librariesOpened({"validate", mDemo});
        QVERIFY2(validate.contains("libgdal"), "LD_DEBUG names the libraries it opens");
        QVERIFY2(!validate.contains("libqgis_core"), "validate does not load QGIS");
        QVERIFY(!validate.contains("gridatlas-cli-qgis"));
        const QString printing =
            librariesOpened({"print", mDemo, "--level", "street", "-o", mDir.filePath("loaded.pdf")});
        QVERIFY(printing.contains("gridatlas-cli-qgis"));
        QVERIFY(printing.contains("libqgis_core"));
        QVERIFY(QFileInfo::exists(mDir.filePath("loaded.pdf")));
    }

    void aPagePerUnitWithItsNamesAndMaskedPhones()
    {
        QString community;
        const std::vector<Grid> grids = gridsOfFirstCommunity(&community);
        QVERIFY(grids.size() >= 3);
        const QString pdf = mDir.filePath("grids.pdf");
        const Result result = print({mDemo, "--level", "grid", "--within", community, "-o", pdf});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(pageCount(pdf), int(grids.size()));
        const QString printed = text(pdf);
        int phones = 0;
        for (const Grid& grid : grids) {
            QVERIFY2(printed.contains(grid.community + " " + grid.unit.name), qPrintable(grid.unit.name));
            QVERIFY2(printed.contains(grid.unit.code), qPrintable(grid.unit.code));
            for (const Member& member : grid.people) {
                QVERIFY2(printed.contains(member.name), qPrintable(member.name));
                if (member.phone.isEmpty())
                    continue;
                ++phones;
                QVERIFY2(printed.contains(maskedPhone(member.phone)), qPrintable(member.phone));
                QVERIFY2(!printed.contains(member.phone), qPrintable(member.phone)); // personal: not whole
            }
        }
        QVERIFY(phones > 0);
        // pages in code order: the first grid's title comes first
        QVERIFY(printed.indexOf(grids.front().unit.code) < printed.indexOf(grids.back().unit.code));

        // The Chinese font is embedded.
        const QString fonts = run("pdffonts", {pdf}).out;
        bool embeddedCjk = false;
        for (const QString& line : fonts.split('\n'))
            if ((line.contains("WenQuanYi") || line.contains("CJK")) &&
                line.simplified().split(' ').contains("yes"))
                embeddedCjk = true;
        QVERIFY2(embeddedCjk, qPrintable(fonts));

        // Whole phones only when asked.
        const QString shown = mDir.filePath("shown.pdf");
        QCOMPARE(
            print({mDemo, "--level", "grid", "--within", community, "--show-phones", "-o", shown}).exitCode,
            0);
        const QString withPhones = text(shown);
        for (const Grid& grid : grids)
            for (const Member& member : grid.people)
                if (!member.phone.isEmpty())
                    QVERIFY2(withPhones.contains(member.phone), qPrintable(member.phone));
    }

    void pngPagesAtAChosenResolution()
    {
        QString community;
        const std::vector<Grid> grids = gridsOfFirstCommunity(&community);
        const QString png = mDir.filePath("first.png");
        // --within a unit of the level itself prints that one unit: one picture, named as asked
        const Result one =
            print({mDemo, "--level", "grid", "--within", grids.front().unit.code, "--dpi", "50", "-o", png});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QCOMPARE(one.out.trimmed(), png);
        QCOMPARE(print({mDemo, "--level", "community", "--within", community, "--paper", "A3", "--dpi", "50",
                        "-o", png})
                     .exitCode,
                 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        // A3 at 50 dpi: 297 × 420 mm is about 585 × 827 pixels, either way round
        QVERIFY2(qAbs(std::max(image.width(), image.height()) - 827) <= 2,
                 qPrintable(QString("%1×%2").arg(image.width()).arg(image.height())));
    }

    void aReferenceLayerIsPrintedUnderTheUnits()
    {
        // a red "orthophoto" over the whole demo district, as a reference layer of a copy of it
        const QString file = mDir.filePath("with-imagery.gpkg");
        QVERIFY(QFile::copy(mDemo, file));
        const QString imagery = mDir.filePath("ortho.tif");
        QVERIFY(testsupport::writeGeoTiff(imagery, 449700, 3841900, 5, 600, 500,
                                          [](int band, int, int) { return band == 1 ? 220 : 20; }));
        QCOMPARE(run(GRIDATLAS_CLI, {"layer", "add", file, imagery, "--name", "影像"}).exitCode, 0);

        QString community;
        gridsOfFirstCommunity(&community);
        const auto redShare = [&](const QString& png) {
            const QImage image(png);
            int red = 0, all = 0;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4, ++all) {
                    const QColor c = image.pixelColor(x, y);
                    red += c.red() > c.green() + 60 && c.red() > c.blue() + 60;
                }
            return double(red) / all;
        };
        const QString plain = mDir.filePath("plain.png"), over = mDir.filePath("over.png");
        QCOMPARE(
            print({file, "--level", "community", "--within", community, "--dpi", "40", "-o", plain}).exitCode,
            0);
        const Result printed = print({file, "--level", "community", "--within", community, "--dpi", "40",
                                      "--layers", "影像", "-o", over});
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        // the imagery fills the map frame around and (lightly) under the units; without it, none
        QVERIFY2(redShare(plain) < 0.02, qPrintable(QString::number(redShare(plain))));
        QVERIFY2(redShare(over) > 0.15, qPrintable(QString::number(redShare(over))));

        const Result unknown = print({file, "--level", "community", "--layers", "没有", "-o", over});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("影像"), qPrintable(unknown.err)); // names the layers there are
    }

    void aFilePerParent()
    {
        const auto project = ProjectFile::open(mDemo, ProjectFile::Access::ReadOnly);
        int communities = 0, grids = 0;
        for (const Unit& unit : project->data().units) {
            communities += unit.level == 1;
            grids += unit.level == 2;
        }
        const QString folder = mDir.filePath("per-community");
        const Result result = print({mDemo, "--level", "grid", "--per-parent", "-o", folder});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList files = QDir(folder).entryList({"*.pdf"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), communities);
        int pages = 0;
        for (const QString& file : files)
            pages += pageCount(QDir(folder).filePath(file));
        QCOMPARE(pages, grids);
        // named by the community, whose grids it holds
        const QString first = QDir(folder).filePath(files.front());
        const QString code = files.front().section(' ', 0, 0);
        QVERIFY2(text(first).contains(project->index().unitByCode(code)->name), qPrintable(files.front()));
    }

    void reprintsOnlyWhatChanged()
    {
        const QString file = mDir.filePath("changing.gpkg");
        QVERIFY(QFile::copy(mDemo, file));
        QString community;
        const std::vector<Grid> grids = gridsOfFirstCommunity(&community);
        const QString pdf = mDir.filePath("community.pdf");
        QCOMPARE(print({file, "--level", "grid", "--within", community, "-o", pdf}).exitCode, 0);
        QCOMPARE(pageCount(pdf), int(grids.size()));

        // Nothing changed: nothing printed, the last print left as it was.
        const QDateTime printedAt = QFileInfo(pdf).lastModified();
        Result again = print({file, "--level", "grid", "--within", community, "--changed-only", "-o", pdf});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("nothing changed"), qPrintable(again.out));
        QCOMPARE(QFileInfo(pdf).lastModified(), printedAt);

        // One grid's households change: exactly its page is printed again.
        const Grid& changed = grids.at(1);
        QCOMPARE(run(GRIDATLAS_CLI, {"set", file, changed.unit.code, "--households",
                                     QString::number(changed.unit.households + 12)})
                     .exitCode,
                 0);
        again = print({file, "--level", "grid", "--within", community, "--changed-only", "-o", pdf});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(pageCount(pdf), 1);
        const QString printed = text(pdf);
        QVERIFY(printed.contains(changed.unit.code));
        QVERIFY(printed.contains(QString::number(changed.unit.households + 12)));
        // and then nothing again
        again = print({file, "--level", "grid", "--within", community, "--changed-only", "-o", pdf});
        QVERIFY2(again.out.contains("nothing changed"), qPrintable(again.out));
    }

    void aWallMapListsTheUnitsBelowWithTheirLeaders()
    {
        QString community;
        const std::vector<Grid> grids = gridsOfFirstCommunity(&community);
        const QString pdf = mDir.filePath("wall.pdf");
        const Result result = print(
            {mDemo, "--level", "community", "--within", community, "--wall", "--paper", "A1", "-o", pdf});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(pageCount(pdf), 1);
        QVERIFY2(run("pdfinfo", {pdf}).out.contains("(A1)"), qPrintable(run("pdfinfo", {pdf}).out));
        const QString printed = text(pdf);
        const auto project = ProjectFile::open(mDemo, ProjectFile::Access::ReadOnly);
        int leaders = 0;
        for (const Grid& grid : grids) {
            QVERIFY2(printed.contains(grid.unit.code), qPrintable(grid.unit.code));
            for (const Assignment& assignment : project->data().assignments)
                if (assignment.unitId == grid.unit.id && assignment.role == "grid_leader")
                    for (const Member& member : grid.people)
                        if (member.id == assignment.memberId) {
                            QVERIFY2(printed.contains(member.name), qPrintable(member.name));
                            ++leaders;
                        }
        }
        QVERIFY(leaders >= int(grids.size()) - 1); // the demo leaves a grid leader out now and then
    }

    void printsWithTheShippedAndSavedTemplates()
    {
        QString community;
        const std::vector<Grid> grids = gridsOfFirstCommunity(&community);
        // The layouts in resources/layouts are the default pages, to change in QGIS.
        const QString shipped = GRIDATLAS_SOURCE_DIR "/resources/layouts/responsibility-map-a4-landscape.qpt";
        const QString pdf = mDir.filePath("templated.pdf");
        Result result =
            print({mDemo, "--level", "grid", "--within", community, "--template", shipped, "-o", pdf});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(pageCount(pdf), int(grids.size()));
        QVERIFY2(run("pdfinfo", {pdf}).out.contains("842 x 595"), qPrintable(run("pdfinfo", {pdf}).out));
        QVERIFY(text(pdf).contains(grids.front().community + " " + grids.front().unit.name));

        // --save-template writes the page for the chosen paper, which prints again.
        const QString saved = mDir.filePath("a3.qpt");
        result = print({mDemo, "--paper", "A3", "--orientation", "portrait", "--save-template", saved});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        result = print(
            {mDemo, "--level", "grid", "--within", grids.front().unit.code, "--template", saved, "-o", pdf});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(run("pdfinfo", {pdf}).out.contains("(A3)"), qPrintable(run("pdfinfo", {pdf}).out));
    }

    void theCoverageReportInEveryFormat()
    {
        // a grid leader leaves: the report names the empty role in every format
        const QString file = mDir.filePath("report.gpkg");
        QFile::copy(mDemo, file);
        QString communityCode;
        const Grid first = gridsOfFirstCommunity(&communityCode).front();
        MemberId leader = 0;
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
            for (const Assignment& assignment : project->data().assignments)
                if (assignment.unitId == first.unit.id && assignment.role == QLatin1String("grid_leader"))
                    leader = assignment.memberId;
        }
        QCOMPARE(run(GRIDATLAS_CLI, {"member", "unassign", file, QString::number(leader), first.unit.code,
                                     "--role", "grid_leader"})
                     .exitCode,
                 0);

        const QString pdf = mDir.filePath("coverage.pdf");
        const Result printed = run(GRIDATLAS_CLI, {"report", file, "--format", "pdf", "-o", pdf});
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        const QString words = text(pdf);
        QVERIFY(words.contains(QStringLiteral("覆盖情况报告")));
        QVERIFY(words.contains(QStringLiteral("职务空缺 1")));
        QVERIFY(words.contains(first.community));
        QVERIFY(run("pdffonts", {pdf}).out.contains("WenQuanYi"));

        const QString html = mDir.filePath("coverage.html");
        QCOMPARE(
            run(GRIDATLAS_CLI, {"report", file, "--level", "grid", "--format", "html", "-o", html}).exitCode,
            0);
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString markup = QString::fromUtf8(page.readAll());
        QCOMPARE(markup.count("<svg"), 3);
        QVERIFY(markup.contains(QStringLiteral("职务空缺 1")));
        QVERIFY(!markup.contains(QStringLiteral("社区（"))); // only the grid level

        const QString csv = mDir.filePath("coverage.csv");
        QCOMPARE(run(GRIDATLAS_CLI, {"report", file, "--within", communityCode, "--format", "csv", "-o", csv})
                     .exitCode,
                 0);
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        const QByteArray bytes = table.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("上级编码")));
        const Result refused = run(GRIDATLAS_CLI, {"report", file, "--format", "doc", "-o", csv});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("doc"));
    }

    void theChangeReportBetweenFilesAndSinceAStep()
    {
        // a planner splits the first grid across its middle: the report tells it, as a PDF and XLSX
        const QString before = mDir.filePath("before.gpkg"), after = mDir.filePath("after.gpkg");
        QFile::copy(mDemo, before);
        QFile::copy(mDemo, after);
        QString communityCode;
        const Grid first = gridsOfFirstCommunity(&communityCode).front();
        const Envelope box = first.unit.boundary.envelope();
        const double middle = box.center().y;
        const QString line = QStringLiteral("LINESTRING(%1 %2, %3 %2)")
                                 .arg(box.minX - 50, 0, 'f', 1)
                                 .arg(middle, 0, 'f', 1)
                                 .arg(box.maxX + 50, 0, 'f', 1);
        const Result split = run(GRIDATLAS_CLI, {"split", after, first.unit.code, "--line", line});
        QVERIFY2(split.exitCode == 0, qPrintable(split.err));
        const QString part = split.out.split('\n').value(1).trimmed();
        QVERIFY(!part.isEmpty());

        const QString pdf = mDir.filePath("changes.pdf");
        const Result made = run(GRIDATLAS_CLI, {"diff", before, after, "--format", "pdf", "-o", pdf});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString words = text(pdf);
        QVERIFY(words.contains(QStringLiteral("网格调整说明")));
        QVERIFY(words.contains(QStringLiteral("拆分新增")));
        QVERIFY2(words.contains(QStringLiteral("拆自 %1").arg(first.unit.code)), qPrintable(words));
        QVERIFY(words.contains(part));
        QVERIFY(run("pdffonts", {pdf}).out.contains("WenQuanYi"));
        for (const Member& member : first.people) // people are named only when asked
            QVERIFY(!words.contains(member.name));

        // the same edit, read from the history of one file
        const QString xlsx = mDir.filePath("changes.xlsx");
        const Result since =
            run(GRIDATLAS_CLI, {"diff", after, "--since", "1", "--format", "xlsx", "-o", xlsx});
        QVERIFY2(since.exitCode == 0, qPrintable(since.err));
        QVERIFY2(since.out.contains(QStringLiteral(", 1 split")), qPrintable(since.out));
        const Result listed = run("ogrinfo", {"-ro", "-q", xlsx, QStringLiteral("单元变化")});
        QVERIFY2(listed.out.contains(part), qPrintable(listed.out));

        Result refused = run(GRIDATLAS_CLI, {"diff", after, "--since", "99", "--format", "xlsx", "-o", xlsx});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("99"), qPrintable(refused.err));
        refused = run(GRIDATLAS_CLI, {"diff", after, "--since", "abc", "--format", "xlsx", "-o", xlsx});
        QCOMPARE(refused.exitCode, 2);
        refused = run(GRIDATLAS_CLI, {"diff", before, "--format", "xlsx", "-o", xlsx});
        QCOMPARE(refused.exitCode, 2); // two files, or one with --since
    }

    void refusesWhatItCannotPrint()
    {
        const QString pdf = mDir.filePath("refused.pdf");
        Result result = print({mDemo, "--level", "grid", "--within", "999999", "-o", pdf});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("999999"), qPrintable(result.err));
        result = print({mDemo, "--level", "grid", "--paper", "B5", "-o", pdf});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("B5"), qPrintable(result.err));
        const QString garbage = mDir.filePath("broken.qpt");
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<Layout><not closed");
        file.close();
        result = print({mDemo, "--level", "grid", "--template", garbage, "-o", pdf});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("broken.qpt"), qPrintable(result.err));
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(!QFile::exists(pdf + ".partial"));
    }
};

QTEST_GUILESS_MAIN(TestPrint)
#include "test_print.moc"
