#include "error.h"
#include "hierarchyindex.h"
#include "householdimport.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "streetproject.h"
#include "tablesource.h"
#include "textencoding.h"
#include "vectorsource.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;
using testsupport::streetProject;
using testsupport::X;
using testsupport::Y;

namespace {

const QString B1 = QStringLiteral("4101050010010101"); // 1号楼, 100 households, 240 residents
const QString B5 = QStringLiteral("4101050010020101"); // 5号楼, 200 households, 500 residents
const QString G1 = QStringLiteral("41010500100101");
const QString Street = QStringLiteral("410105001");

} // namespace

/** Household counts by unit code or by building points, carried up the hierarchy, all or nothing. */
class TestHouseholdImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    std::unique_ptr<ProjectFile> freshProject() { return testsupport::openFreshStreet(mDir); }

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = testsupport::freshPath(mDir, name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static ImportPlan tablePlan(const ProjectFile& project, const QString& path, int level = -1)
    {
        const TableSource table = TableSource::read(path);
        HouseholdImport::Options options;
        options.level = level;
        options.mapping = FieldMapping::guess(table.header);
        return HouseholdImport::fromTable(project.data(), project.index(), table, options);
    }

    static const Unit& unit(const ProjectFile& project, const QString& code)
    {
        return *project.index().unitByCode(code);
    }

    //! a GeoJSON of points in the project's CRS, each with its households
    QString pointsFile(const std::vector<std::pair<Point, int>>& points)
    {
        QStringList features;
        for (const auto& [point, households] : points)
            features << QStringLiteral("{\"type\":\"Feature\",\"properties\":{\"楼名\":\"楼\",\"户数\":%1},"
                                       "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%2,%3]}}")
                            .arg(households)
                            .arg(point.x, 0, 'f', 2)
                            .arg(point.y, 0, 'f', 2);
        return write(
            QStringLiteral("points.geojson"),
            QStringLiteral("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                           "{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":[%1]}")
                .arg(features.join(QLatin1Char(',')))
                .toUtf8());
    }

private slots:
    void countsByCodeAreCarriedUp()
    {
        const auto project = freshProject();
        const QString csv =
            write(QStringLiteral("counts.csv"),
                  TextEncoding::toGbk(QStringLiteral("单元编码,户数,人口\n%1,120,300\n").arg(B1)));
        const ImportPlan plan = tablePlan(*project, csv);
        QVERIFY2(plan.canApply(), qPrintable(plan.problemText()));
        const size_t steps = project->history().size();
        plan.apply(*project);
        QCOMPARE(unit(*project, B1).households, 120);
        QCOMPARE(unit(*project, B1).residents, 300);
        QCOMPARE(unit(*project, G1).households, 270); // 250 + 20
        QCOMPARE(unit(*project, Street).households, 720);
        QCOMPARE(unit(*project, Street).residents, 1760);
        QCOMPARE(project->history().size(), steps + 1);
        project->undo();
        QCOMPARE(unit(*project, B1).households, 100);
        QCOMPARE(unit(*project, Street).households, 700);
    }

    void countsAreMatchedOnAnotherSystemsCodes()
    {
        const auto project = freshProject();
        ProjectEditor::Attributes statistical;
        statistical.externalCode = QStringLiteral("410105001001001001");
        ProjectEditor(*project).setAttributes(B1, statistical);
        const QString csv = write(QStringLiteral("statistical.csv"),
                                  QStringLiteral("单元编码,户数\n410105001001001001,130\n").toUtf8());
        const ImportPlan plan = tablePlan(*project, csv);
        QVERIFY2(plan.canApply(), qPrintable(plan.problemText()));
        plan.apply(*project);
        QCOMPARE(unit(*project, B1).households, 130);
        QCOMPARE(unit(*project, Street).households, 730);

        // one external code on two buildings (written by another program): named, not guessed
        ProjectData twice = project->data();
        for (Unit& u : twice.units)
            if (u.code == B5)
                u.externalCode = QStringLiteral("410105001001001001");
        const HierarchyIndex index(twice);
        const TableSource table = TableSource::read(csv);
        HouseholdImport::Options options;
        options.mapping = FieldMapping::guess(table.header);
        const ImportPlan ambiguous = HouseholdImport::fromTable(twice, index, table, options);
        QVERIFY(!ambiguous.canApply());
        QVERIFY2(ambiguous.problemText().contains(QStringLiteral("several")) &&
                     ambiguous.problemText().contains(QStringLiteral("410105001001001001")),
                 qPrintable(ambiguous.problemText()));
    }

    void pointsAreSummedIntoTheUnitHoldingThem()
    {
        const auto project = freshProject();
        const QString points =
            pointsFile({{{X + 10, Y + 10}, 30}, {{X + 20, Y + 60}, 40}, {{X + 250, Y + 50}, 5}});
        const VectorSource source = VectorSource::read(points, project->data().crsEpsg);
        HouseholdImport::Options options;
        options.mapping = FieldMapping::guess(source.fields);
        const ImportPlan plan =
            HouseholdImport::fromFeatures(project->data(), project->index(), source, options);
        QVERIFY2(plan.canApply(), qPrintable(plan.problemText()));
        QVERIFY(plan.noteText().contains(QStringLiteral("3"))); // three buildings got nothing
        plan.apply(*project);
        QCOMPARE(unit(*project, B1).households, 70);
        QCOMPARE(unit(*project, B1).residents, 240); // no residents in the source: kept
        QCOMPARE(unit(*project, B5).households, 5);
        QCOMPARE(unit(*project, G1).households, 250 - 100 + 70);
        QCOMPARE(unit(*project, Street).households, 700 - 100 + 70 - 200 + 5);
    }

    void badRowsAreNamedAndNothingChanges()
    {
        const auto project = freshProject();
        const ProjectData before = project->data();
        const QString csv =
            write(QStringLiteral("bad.csv"), QStringLiteral("单元编码,户数\n%1,12\n%1,13\n999,1\n%2,x\n"
                                                            "%3,5\n")
                                                 .arg(B1, B5, G1)
                                                 .toUtf8());
        const ImportPlan plan = tablePlan(*project, csv);
        QVERIFY(!plan.canApply());
        const QString problems = plan.problemText();
        QVERIFY2(problems.contains(QStringLiteral("line 3")) && problems.contains(QStringLiteral("line 2")),
                 qPrintable(problems)); // given twice, naming the other line
        QVERIFY(problems.contains(QStringLiteral("line 4")) && problems.contains(QStringLiteral("999")));
        QVERIFY(problems.contains(QStringLiteral("line 5")) && problems.contains(QStringLiteral("\"x\"")));
        QVERIFY(problems.contains(QStringLiteral("line 6")) &&
                problems.contains(G1)); // a grid, not a building
        QVERIFY_EXCEPTION_THROWN(plan.apply(*project), Error);

        const QString outside = pointsFile({{{X + 10, Y + 10}, 3}, {{X + 900, Y + 10}, 4}});
        const VectorSource source = VectorSource::read(outside, project->data().crsEpsg);
        HouseholdImport::Options options;
        options.mapping = FieldMapping::guess(source.fields);
        const ImportPlan points =
            HouseholdImport::fromFeatures(project->data(), project->index(), source, options);
        QCOMPARE(points.problems.size(), size_t(1));
        QCOMPARE(points.problems.front().line, 2);
        QVERIFY(points.problemText().startsWith(QStringLiteral("feature 2")));
        QVERIFY(project->data().units.size() == before.units.size());
        for (size_t i = 0; i < before.units.size(); ++i)
            QCOMPARE(project->data().units[i].households, before.units[i].households);

        // a table without a households column is refused as a whole
        const QString noCounts = write(QStringLiteral("nocounts.csv"), QByteArray("单元编码,名称\n1,a\n"));
        QVERIFY_EXCEPTION_THROWN(tablePlan(*project, noCounts), Error);
    }

    void countsBeyondWhatAUnitHoldsAreRefused()
    {
        const auto project = freshProject();
        const QByteArray before = testsupport::fileBytes(project->path());
        // a value past what 64 bits hold wrapped to a small count; one under it overflowed the totals
        const ImportPlan huge = tablePlan(
            *project, write(QStringLiteral("huge.csv"),
                            QStringLiteral("单元编码,户数\n%1,9223372036854775836\n%2,9223372036854775807\n")
                                .arg(B1, B5)
                                .toUtf8()));
        QVERIFY(!huge.canApply());
        QVERIFY2(huge.problemText().contains(QStringLiteral("line 2")) &&
                     huge.problemText().contains(QStringLiteral("line 3")) &&
                     huge.problemText().contains(QStringLiteral("0 to 100000000")),
                 qPrintable(huge.problemText()));
        // each in range, but their street's total would not be
        const ImportPlan tooMany = tablePlan(
            *project,
            write(QStringLiteral("many.csv"),
                  QStringLiteral("单元编码,户数\n%1,100000000\n%2,100000000\n").arg(B1, B5).toUtf8()));
        QVERIFY(!tooMany.canApply());
        QVERIFY2(tooMany.problemText().contains(Street), qPrintable(tooMany.problemText()));
        QVERIFY(tooMany.changes.isEmpty());
        QCOMPARE(testsupport::fileBytes(project->path()), before);
    }

    void aNulByteOrAHeaderAloneIsNamedNotTakenForTheEnd()
    {
        const auto project = freshProject();
        // Qt 5 read text only up to a NUL: the rows after it were dropped without a word
        const QString withNul =
            write(QStringLiteral("nul.csv"), QStringLiteral("单元编码,户数\n%1,120\n").arg(B1).toUtf8() +
                                                 QByteArray("\0", 1) +
                                                 QStringLiteral("\n%1,220\n").arg(B5).toUtf8());
        try {
            tablePlan(*project, withNul);
            QFAIL("a table with a NUL byte was read");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QStringLiteral("line 3")) &&
                         error.message().contains(QStringLiteral("U+0000")),
                     qPrintable(error.message()));
        }
        const ImportPlan headerOnly =
            tablePlan(*project, write(QStringLiteral("header.csv"), "单元编码,户数\n"));
        QVERIFY(!headerOnly.canApply());
        QVERIFY2(headerOnly.problemText().contains(QStringLiteral("no rows")),
                 qPrintable(headerOnly.problemText()));

        // UTF-16 with its byte order mark, as Excel's "Unicode text" writes it
        const QString text = QStringLiteral("单元编码\t户数\r\n%1\t130\r\n").arg(B1);
        QByteArray utf16("\xFF\xFE");
        for (const QChar c : text) {
            utf16.append(static_cast<char>(c.unicode() & 0xFF));
            utf16.append(static_cast<char>(c.unicode() >> 8));
        }
        const ImportPlan fromUtf16 = tablePlan(*project, write(QStringLiteral("utf16.txt"), utf16));
        QVERIFY2(fromUtf16.canApply(), qPrintable(fromUtf16.problemText()));
        QCOMPARE(fromUtf16.encoding, QStringLiteral("UTF-16LE"));
        fromUtf16.apply(*project);
        QCOMPARE(unit(*project, B1).households, 130);
    }

    void aHigherLevelSaysItsChildrenNoLongerAddUp()
    {
        const auto project = freshProject();
        const QString csv =
            write(QStringLiteral("grids.csv"), QStringLiteral("编码,户数\n%1,300\n").arg(G1).toUtf8());
        const ImportPlan plan =
            tablePlan(*project, csv, project->data().hierarchy.levelIndex(QStringLiteral("grid")));
        QVERIFY2(plan.canApply(), qPrintable(plan.problemText()));
        QVERIFY2(plan.noteText().contains(QStringLiteral("checker")), qPrintable(plan.noteText()));
        plan.apply(*project);
        QCOMPARE(unit(*project, G1).households, 300);
        QCOMPARE(unit(*project, B1).households, 100);
        QCOMPARE(unit(*project, Street).households, 750);
    }
};

QTEST_GUILESS_MAIN(TestHouseholdImport)
#include "test_householdimport.moc"
