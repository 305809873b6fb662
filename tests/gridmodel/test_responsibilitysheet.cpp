#include "check/checker.h"
#include "error.h"
#include "hierarchyindex.h"
#include "printrecord.h"
#include "responsibilitysheet.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;
using testsupport::box;

namespace {

const char* TemplateJson = R"({
  "key": "test", "name": "test",
  "levels": [
    {"key": "street", "name": {"zh": "街道", "en": "Street"}, "code_digits": 3},
    {"key": "community", "name": "社区", "code_digits": 3, "organisation": "社区党委"},
    {"key": "grid", "name": {"zh": "网格", "en": "Grid"},
     "roles": [{"key": "grid_leader", "name": {"zh": "网格长", "en": "Grid leader"}, "required": true},
               {"key": "grid_worker", "name": "网格员", "required": true},
               {"key": "volunteer", "name": "志愿者"}]},
    {"key": "building", "name": "楼栋", "covered_by_children": false}
  ]
})";

const double X = 450000, Y = 3840000;

ProjectData district()
{
    ProjectData data;
    data.name = QStringLiteral("打印测试");
    data.crsEpsg = 4547;
    data.hierarchy = HierarchyTemplate::fromJson(TemplateJson);
    data.units = {
        Unit{1, 0, 0, "410105001", "文化路街道", "文化路街道党工委", box(X, Y, 300, 100), 600, 1500, ""},
        Unit{2, 1, 1, "410105001001", "锦绣社区", "锦绣社区党委", box(X, Y, 300, 100), 600, 1500, ""},
        // listed out of code order on purpose
        Unit{4, 2, 2, "41010500100102", "第2网格", "", box(X + 100, Y, 200, 100), 350, 900, ""},
        Unit{3, 2, 2, "41010500100101", "第1网格", "第一网格党支部", box(X, Y, 100, 100), 250, 600, ""},
        Unit{5, 3, 3, "4101050010010101", "1号楼", "", box(X, Y, 50, 100), 100, 240, ""},
        Unit{6, 3, 3, "4101050010010102", "2号楼", "", box(X + 50, Y, 50, 100), 150, 360, ""},
        Unit{7, 3, 4, "4101050010010201", "3号楼", "", box(X + 100, Y, 200, 100), 350, 900, ""},
    };
    data.members = {Member{1, "张三", "13812345678", "男", "在职", ""},
                    Member{2, "李四", "13987654321", "女", "在职", ""},
                    Member{3, "王五", "13700001111", "男", "志愿者", ""}};
    data.assignments = {Assignment{1, 2, 3, "volunteer", 0, ""}, Assignment{2, 1, 3, "grid_leader", 250, ""},
                        Assignment{3, 3, 5, "building_leader", 0, ""},
                        Assignment{4, 2, 4, "grid_leader", 0, ""}};
    return data;
}

} // namespace

/** What a responsibility map says, and how its page is laid out. */
class TestResponsibilitySheet : public QObject
{
    Q_OBJECT

private slots:
    void saysWhatTheUnitIsWhoKeepsItAndWhatIsWrong()
    {
        const ProjectData data = district();
        const HierarchyIndex index(data);
        const std::vector<Problem> problems = Checker(data).check();
        const ResponsibilitySheet sheet = ResponsibilitySheet::of(data, index, 3, problems, false);
        QCOMPARE(sheet.title, QStringLiteral("文化路街道 锦绣社区 第1网格 责任图"));
        QCOMPARE(sheet.office, QStringLiteral("第一网格党支部"));
        QCOMPARE(sheet.levelName, QStringLiteral("网格"));
        QCOMPARE(sheet.childLevelName, QStringLiteral("楼栋"));
        // by the template's role order: 网格长 before 志愿者; phones masked
        QCOMPARE(sheet.roster.size(), size_t(2));
        QCOMPARE(sheet.roster[0].role, QStringLiteral("网格长"));
        QCOMPARE(sheet.roster[0].name, QStringLiteral("张三"));
        QCOMPARE(sheet.roster[0].phone, QStringLiteral("138****5678"));
        QCOMPARE(sheet.roster[0].linkedHouseholds, qint64(250));
        QCOMPARE(sheet.roster[1].role, QStringLiteral("志愿者"));
        QCOMPARE(sheet.missingRoles, QStringList{QStringLiteral("网格员")});
        QCOMPARE(sheet.households, qint64(250));
        QCOMPARE(sheet.residents, qint64(600));
        QCOMPARE(sheet.children, qint64(2));
        QCOMPARE(sheet.members, qint64(3)); // 张三, 李四 here and 王五 in a building below
        // the missing 网格员 is among its problems; the other grid's (it lacks one too) are not
        QVERIFY2(sheet.problems.join('\n').contains(QStringLiteral("网格员")),
                 qPrintable(sheet.problems.join('\n')));
        const auto about = [&problems](UnitId unit) {
            return std::count_if(problems.begin(), problems.end(),
                                 [unit](const Problem& p) { return p.units.front() == unit; });
        };
        QVERIFY(about(4) > 0);
        QCOMPARE(sheet.problems.size(), int(about(3) + about(5) + about(6)));

        // Phones only when asked; an office falls back to the parent's.
        const ResponsibilitySheet shown = ResponsibilitySheet::of(data, index, 3, problems, true);
        QCOMPARE(shown.roster[0].phone, QStringLiteral("13812345678"));
        QCOMPARE(ResponsibilitySheet::of(data, index, 4, problems, false).office,
                 QStringLiteral("锦绣社区党委"));
    }

    void choosesOrientationAndAStandardScale()
    {
        QCOMPARE(ResponsibilitySheet::orientationFor(box(0, 0, 300, 100).envelope()),
                 ResponsibilitySheet::Orientation::Landscape);
        QCOMPARE(ResponsibilitySheet::orientationFor(box(0, 0, 100, 300).envelope()),
                 ResponsibilitySheet::Orientation::Portrait);
        // 185 m × 120 m in a 190 × 200 mm frame: 1:1,000 is too tight with the margin, 1:2,000 fits
        QCOMPARE(ResponsibilitySheet::scaleToFit(box(0, 0, 185, 120).envelope(), 190, 200), 2000);
        QCOMPARE(ResponsibilitySheet::scaleToFit(box(0, 0, 80, 60).envelope(), 190, 200), 500);
        QCOMPARE(ResponsibilitySheet::scaleToFit(box(0, 0, 400, 100).envelope(), 190, 200), 2500);
        QCOMPARE(ResponsibilitySheet::scaleToFit(box(0, 0, 3000, 3000).envelope(), 190, 200), 20000);
        QCOMPARE(PaperSize::byKey(QStringLiteral("8k"))->widthMm, 260.0);
        QVERIFY(!PaperSize::byKey(QStringLiteral("B5")));
    }

    void printsUnitsOfALevelInCodeOrder()
    {
        const ProjectData data = district();
        const HierarchyIndex index(data);
        QCOMPARE(ResponsibilitySheet::unitsToPrint(data, index, 2, QString()), (std::vector<UnitId>{3, 4}));
        QCOMPARE(ResponsibilitySheet::unitsToPrint(data, index, 3, QStringLiteral("41010500100101")),
                 (std::vector<UnitId>{5, 6}));
        try {
            ResponsibilitySheet::unitsToPrint(data, index, 2, QStringLiteral("999"));
            QFAIL("an unknown code was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
            QVERIFY(error.message().contains(QStringLiteral("999")));
        }
    }

    void aWallMapListsTheUnitsBelowWithTheirLeaders()
    {
        const ProjectData data = district();
        const HierarchyIndex index(data);
        ResponsibilitySheet sheet = ResponsibilitySheet::of(data, index, 2, {}, false);
        QVERIFY(sheet.childTable.empty()); // only when asked
        sheet.withChildTable(data, index, false);
        QCOMPARE(sheet.childTable.size(), size_t(2));
        QCOMPARE(sheet.childTable[0].code, QStringLiteral("41010500100101")); // code order
        QCOMPARE(sheet.childTable[0].leaderRole, QStringLiteral("网格长"));
        QCOMPARE(sheet.childTable[0].leader, QStringLiteral("张三"));
        QCOMPARE(sheet.childTable[0].phone, QStringLiteral("138****5678"));
        QCOMPARE(sheet.childTable[1].leader, QStringLiteral("李四"));
        QCOMPARE(sheet.childTable[1].households, qint64(350));
        QCOMPARE(sheet.withChildTable(data, index, true).childTable[0].phone, QStringLiteral("13812345678"));
    }

    void groupsUnitsByParent()
    {
        const ProjectData data = district();
        const HierarchyIndex index(data);
        const auto groups = ResponsibilitySheet::byParent(index, {5, 7, 6});
        QCOMPARE(groups.size(), size_t(2));
        QCOMPARE(groups[0].first, UnitId(3));
        QCOMPARE(groups[0].second, (std::vector<UnitId>{5, 6}));
        QCOMPARE(groups[1].first, UnitId(4));
        QCOMPARE(groups[1].second, (std::vector<UnitId>{7}));
    }

    void remembersWhatWasPrintedAndFindsWhatChanged()
    {
        QTemporaryDir dir;
        ProjectData data = district();
        const std::vector<UnitId> grids{3, 4};
        const QString path = PrintRecord::pathFor(dir.filePath("grids.pdf"));
        {
            const HierarchyIndex index(data);
            const auto problems = Checker(data).check();
            PrintRecord record = PrintRecord::load(path); // none yet: everything is new
            const PrintRecord::Pages now = PrintRecord::fingerprints(data, index, grids, problems, false);
            QCOMPARE(record.changed(index, grids, now), grids);
            record.remember(index, grids, now);
            record.save(path);
        }
        const auto changedNow = [&](bool showPhones = false) {
            const HierarchyIndex index(data);
            return PrintRecord::load(path).changed(
                index, grids,
                PrintRecord::fingerprints(data, index, grids, Checker(data).check(), showPhones));
        };
        QCOMPARE(changedNow(), std::vector<UnitId>{});
        QCOMPARE(changedNow(true), grids); // whole phones make other pages

        // A building of grid 1 gains households: grid 1's page changes, grid 2's does not.
        data.units[4].households += 10; // 1号楼
        QCOMPARE(changedNow(), std::vector<UnitId>{3});
        // Grid 1 renamed: grid 2 shows it as a neighbour, so both change.
        data.units[3].name = QStringLiteral("第一网格");
        QCOMPARE(changedNow(), grids);
        // Someone else's phone: no page shows it.
        data.members[2].phone = QStringLiteral("13700002222"); // 王五 keeps a building, not a grid
        data.units[4].households -= 10;
        data.units[3].name = QStringLiteral("第1网格");
        QCOMPARE(changedNow(), std::vector<UnitId>{});
    }
};

QTEST_GUILESS_MAIN(TestResponsibilitySheet)
#include "test_responsibilitysheet.moc"
