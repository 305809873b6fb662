#include "districtgenerator.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "rosterexport.h"
#include "rosterimport.h"
#include "tablesource.h"
#include "tablewriter.h"
#include "testsupport.h"
#include "textencoding.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

using namespace gridmodel;

/** People and roles brought in from tables: round trips, encodings, bad rows by line, all or nothing. */
class TestRosterImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    ProjectData mDemo = DistrictGenerator::generate(DistrictGenerator::demoOptions());

    QString path(const QString& name) const { return testsupport::freshPath(mDir, name); }

    //! the demo's units without anybody in them
    std::unique_ptr<ProjectFile> unstaffedDemo()
    {
        ProjectData data = mDemo;
        data.members.clear();
        data.assignments.clear();
        const QString file = path(QStringLiteral("unstaffed.gpkg"));
        ProjectFile::create(file, data);
        return ProjectFile::open(file, ProjectFile::Access::ReadWrite);
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString file = path(name);
        QFile out(file);
        out.open(QIODevice::WriteOnly);
        out.write(bytes);
        return file;
    }

    //! who holds which role where: "unit code/role/name/phone/linked households"
    static std::multiset<QString> roles(const ProjectData& data)
    {
        const HierarchyIndex index(data);
        std::multiset<QString> result;
        for (const Assignment& assignment : data.assignments) {
            const auto member = std::find_if(data.members.begin(), data.members.end(),
                                             [&](const Member& m) { return m.id == assignment.memberId; });
            result.insert(QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
                              .arg(index.unit(assignment.unitId)->code, assignment.role, member->name,
                                   member->phone, member->gender, member->status)
                              .arg(assignment.linkedHouseholds));
        }
        return result;
    }

    ImportPlan plan(ProjectFile& project, const QString& source)
    {
        return RosterImport::plan(project.data(), project.index(), TableSource::read(source));
    }

private slots:
    void initTestCase() { QVERIFY(mDir.isValid()); }

    void exportThenImportGivesTheSamePeopleInTheSameRoles_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv utf-8 with bom") << "csv";
        QTest::newRow("csv gbk") << "gbk";
        QTest::newRow("xlsx") << "xlsx";
    }

    void exportThenImportGivesTheSamePeopleInTheSameRoles()
    {
        QFETCH(QString, format);
        const HierarchyIndex index(mDemo);
        const auto table = RosterExport::table(mDemo, index, true);
        const QString file =
            path(QStringLiteral("roster.") + (format == QLatin1String("xlsx") ? "xlsx" : "csv"));
        if (format == QLatin1String("xlsx"))
            TableWriter::writeXlsx({{QStringLiteral("roster"), table}}, file);
        else
            TableWriter::writeCsv(table, file,
                                  format == QLatin1String("gbk") ? TableWriter::Encoding::Gbk
                                                                 : TableWriter::Encoding::Utf8WithBom);
        auto project = unstaffedDemo();
        const ImportPlan imported = plan(*project, file);
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        if (format == QLatin1String("gbk"))
            QCOMPARE(imported.encoding, QStringLiteral("GB18030"));
        imported.apply(*project);
        QCOMPARE(project->data().members.size(), mDemo.members.size());
        QCOMPARE(project->data().assignments.size(), mDemo.assignments.size());
        QVERIFY(roles(project->data()) == roles(mDemo));

        // the same table again: everybody is known, nothing is added
        const ImportPlan again = plan(*project, file);
        QVERIFY(again.problems.empty());
        QVERIFY(again.changes.isEmpty());
        QCOMPARE(again.notes.size(), size_t(1));
    }

    void aGbkTableWithoutMarkReadsChinese()
    {
        auto project = unstaffedDemo();
        const Unit* grid = nullptr;
        for (const Unit& unit : project->data().units)
            if (unit.level == 2 && !grid)
                grid = &unit;
        const QString text =
            QStringLiteral("姓名,电话,性别,职务,单元编码\n王建国,13800000001,男,网格长,%1\n").arg(grid->code);
        const QString file = writeFile(QStringLiteral("gbk.csv"), TextEncoding::toGbk(text));
        const ImportPlan imported = plan(*project, file);
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        QCOMPARE(imported.encoding, QStringLiteral("GB18030"));
        imported.apply(*project);
        QCOMPARE(project->data().members.back().name, QStringLiteral("王建国"));
        QCOMPARE(project->data().assignments.back().unitId, grid->id);
        QCOMPARE(project->data().assignments.back().role, QStringLiteral("grid_leader"));
    }

    void badRowsAreNamedByLineAndNothingIsImported()
    {
        auto project = unstaffedDemo();
        QString grid, building;
        for (const Unit& unit : project->data().units) {
            if (unit.level == 2 && grid.isEmpty())
                grid = unit.code;
            if (unit.level == 3 && building.isEmpty())
                building = unit.code;
        }
        const QString text =
            QStringLiteral("姓名,电话,性别,职务,单元编码,联系户数,联系户\n"           // 1
                           "李明,13800000001,男,网格长,%1,0,\n"                       // 2 fine
                           "\"张\n伟\",13800000002,男,网格员,%1,0,\"3号楼\n1单元\"\n" // 3-5 fine
                           ",13800000003,女,网格员,%1,0,\n"                           // 6 no name
                           "赵丽,abc,女,网格员,%1,0,\n"                               // 7 phone
                           "钱进,13800000004,未知,网格员,%1,0,\n"                     // 8 gender
                           "孙强,13800000005,男,局长,%1,0,\n"                         // 9 role
                           "周平,13800000006,男,网格员,999999,0,\n"                   // 10 unit
                           "吴刚,13800000007,男,楼栋长,%2,五户,\n"                    // 11 count
                           "李明,13800000001,男,网格长,%1,0,\n"                       // 12 twice
                           "\n"                                                       // 13 empty
                           "郑好,13800000008,女,楼栋长,%2,12,\n")                     // 14 fine
                .arg(grid, building);
        const QString file = writeFile(QStringLiteral("bad.csv"), text.toUtf8());
        const ImportPlan imported = plan(*project, file);
        QMap<int, QString> byLine;
        for (const ImportProblem& problem : imported.problems)
            byLine.insert(problem.line, problem.reason);
        QCOMPARE(byLine.keys(), (QList<int>{6, 7, 8, 9, 10, 11, 12}));
        QVERIFY(byLine.value(7).contains(QStringLiteral("abc")));
        QVERIFY(byLine.value(8).contains(QStringLiteral("未知")));
        QVERIFY(byLine.value(9).contains(QStringLiteral("局长")));
        QVERIFY(byLine.value(10).contains(QStringLiteral("999999")));
        QVERIFY(byLine.value(11).contains(QStringLiteral("五户")));
        QVERIFY(byLine.value(12).contains(QStringLiteral("line 2")));
        QCOMPARE(imported.changes.assignments.back().after->linkedHouseholds, 12); // line 14 was read
        QVERIFY(!imported.canApply());
        QVERIFY_EXCEPTION_THROWN(imported.apply(*project), Error);
        QVERIFY(project->data().members.empty());
        QVERIFY(project->data().assignments.empty());
        QCOMPARE(static_cast<int>(project->history().size()), 1);
        // the rows that were fine, as read: a line break inside quotes is kept
        QCOMPARE(imported.changes.members.at(1).after->name, QStringLiteral("张\n伟"));
        QCOMPARE(imported.changes.assignments.at(1).after->linkedHouseholdsNote,
                 QStringLiteral("3号楼\n1单元"));
    }

    void aUnitIsFoundByAUniqueNameAndARoleByItsEnglishName()
    {
        auto project = unstaffedDemo();
        QHash<QString, int> names;
        for (const Unit& unit : project->data().units)
            names[unit.name] += 1;
        const Unit* community = nullptr;
        for (const Unit& unit : project->data().units)
            if (unit.level == 1 && names.value(unit.name) == 1 && !community)
                community = &unit;
        QVERIFY(community);
        const RoleDefinition& role = project->data().hierarchy.level(1).roles.front();
        const QString file = writeFile(QStringLiteral("byname.csv"),
                                       QStringLiteral("name;phone;role;unit\n陈晨;13900000000;%1;%2\n"
                                                      "林林;;%1;第1网格\n")
                                           .arg(role.name.en, community->name)
                                           .toUtf8());
        const ImportPlan imported = plan(*project, file);
        QCOMPARE(imported.problems.size(), size_t(1)); // 第1网格 is the name of several grids
        QCOMPARE(imported.problems.front().line, 3);
        QCOMPARE(imported.changes.assignments.front().after->unitId, community->id);
        QCOMPARE(imported.changes.assignments.front().after->role, role.key);
    }

    void aUnitIsFoundByItsCodeInAnotherSystem()
    {
        auto project = unstaffedDemo();
        const Unit* community = nullptr;
        for (const Unit& unit : project->data().units)
            if (unit.level == 1 && !community)
                community = &unit;
        const UnitId communityId = community->id;
        ProjectEditor::Attributes external;
        external.externalCode = QStringLiteral("SQ-3-2");
        ProjectEditor(*project).setAttributes(community->code, external);
        const RoleDefinition& role = project->data().hierarchy.level(1).roles.front();
        const QString file = writeFile(QStringLiteral("byexternal.csv"),
                                       QStringLiteral("姓名,角色,单元编码\n陈晨,%1,SQ-3-2\n王五,%1,SQ-9-9\n")
                                           .arg(role.name.zh)
                                           .toUtf8());
        const ImportPlan imported = plan(*project, file);
        QCOMPARE(imported.problems.size(), size_t(1)); // SQ-9-9 names nobody
        QCOMPARE(imported.problems.front().line, 3);
        QVERIFY2(imported.problemText().contains(QStringLiteral("SQ-9-9")),
                 qPrintable(imported.problemText()));
        QCOMPARE(imported.changes.assignments.front().after->unitId, communityId);
    }

    void aTableWithoutNamesOrThatIsNoTableIsRefused()
    {
        auto project = unstaffedDemo();
        const ImportPlan noNames =
            plan(*project, writeFile(QStringLiteral("nonames.csv"), "phone,role\n1,2\n"));
        QVERIFY(!noNames.problems.empty());
        QCOMPARE(noNames.problems.front().line, 0);
        QVERIFY(noNames.problems.front().reason.contains(QStringLiteral("姓名")));
        QVERIFY_EXCEPTION_THROWN(TableSource::read(writeFile(QStringLiteral("zip.csv"), "PK\x03\x04rest")),
                                 Error);
        QVERIFY_EXCEPTION_THROWN(
            TableSource::read(writeFile(QStringLiteral("open.csv"), "a,b\n\"never closed\n")), Error);
        QVERIFY_EXCEPTION_THROWN(
            TableSource::read(writeFile(QStringLiteral("binary.csv"), "\xff\xfe\x00\x81\x00")), Error);
        const ImportPlan headerOnly =
            plan(*project, writeFile(QStringLiteral("header.csv"), "姓名,电话,职务,单元编码\n"));
        QVERIFY(!headerOnly.canApply());
        QVERIFY2(headerOnly.problemText().contains(QStringLiteral("no rows")),
                 qPrintable(headerOnly.problemText()));
    }

    void aNulByteIsNamedWithItsLineNotTakenForTheEnd()
    {
        auto project = unstaffedDemo();
        QByteArray rows("姓名,电话,性别\n");
        for (int i = 1; i <= 20; ++i)
            rows += QStringLiteral("成员%1,1380000%2,男\n").arg(i).arg(i, 4, 10, QLatin1Char('0')).toUtf8();
        const QString clean = writeFile(QStringLiteral("twenty.csv"), rows);
        QCOMPARE(TableSource::read(clean).rows.size(), size_t(20));
        rows.insert(rows.indexOf("成员5"), QByteArray("\0", 1));
        try {
            plan(*project, writeFile(QStringLiteral("nul.csv"), rows));
            QFAIL("a roster with a NUL byte was read");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QStringLiteral("line 6")), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestRosterImport)
#include "test_rosterimport.moc"
