#include "check/checker.h"
#include "districtgenerator.h"
#include "divide/divisiongraph.h"
#include "divide/divisionplanner.h"
#include "error.h"
#include "geosengine.h"
#include "hierarchyeditor.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "roadedcommunity.h"
#include "testsupport.h"
#include "topologynoder.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;
using testsupport::box;

namespace {

const char* DivisionTemplateJson = R"({
  "key": "divide-test", "name": "divide-test", "sliver_tolerance_m2": 1.0,
  "levels": [
    {"key": "community", "name": "社区", "code_digits": 3},
    {"key": "grid", "name": "网格", "contiguous": true, "bands": {"households": {"min": 300, "max": 500}},
     "roles": [{"key": "grid_leader", "name": "网格长", "required": true, "max": 1}]},
    {"key": "building", "name": "楼栋"},
    {"key": "zone", "name": "党员责任区", "bands": {"households": {"min": 30, "max": 50}}}
  ]
})";

const double X0 = 450000, Y0 = 3840000;
const double Side = 50;

/**
 * A community of rows × columns buildings of 50 m × 50 m (households given row by row), all
 * in one old grid 001001 whose leader is 张三; building codes 001001RRCC-like, in order.
 */
ProjectData blockCommunity(int rows, int columns, const std::vector<qint64>& households)
{
    ProjectData data;
    data.name = QStringLiteral("划格测试");
    data.crsEpsg = 4547;
    data.hierarchy = HierarchyTemplate::fromJson(DivisionTemplateJson);
    qint64 total = 0;
    for (qint64 h : households)
        total += h;
    data.units.push_back(
        Unit{1, 0, 0, "001", "锦绣社区", "", box(X0, Y0, columns * Side, rows * Side), total, total * 2, ""});
    data.units.push_back(Unit{2, 1, 1, "00101", "第1网格", "", box(X0, Y0, columns * Side, rows * Side),
                              total, total * 2, ""});
    int number = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c, ++number) {
            const qint64 h = households[static_cast<size_t>(number)];
            data.units.push_back(Unit{3 + number, 2, 2,
                                      QStringLiteral("00101%1").arg(number + 1, 2, 10, QLatin1Char('0')),
                                      QStringLiteral("%1号楼").arg(number + 1), "",
                                      box(X0 + c * Side, Y0 + r * Side, Side, Side), h, h * 2, ""});
        }
    std::vector<Unit*> all;
    for (Unit& unit : data.units)
        all.push_back(&unit);
    TopologyNoder::node(all, {});
    data.members = {Member{1, "张三", "13800000001", "男", "在职", ""}};
    data.assignments = {Assignment{1, 1, 2, "grid_leader", 0, ""}};
    return data;
}

//! the proposal's parts as lists of building names, e.g. "1号楼,2号楼|3号楼,4号楼,5号楼"
QString groupsOf(const DivisionProposal& proposal, const ProjectData& data)
{
    const HierarchyIndex index(data);
    QStringList parts;
    for (const DivisionProposal::Part& part : proposal.parts) {
        QStringList names;
        for (UnitId id : part.members)
            names << index.unit(id)->name;
        parts << names.join(QLatin1Char(','));
    }
    return parts.join(QLatin1Char('|'));
}

DivisionProposal propose(const ProjectData& data, DivisionRequest request)
{
    const HierarchyIndex index(data);
    return DivisionPlanner(data, index).propose(request);
}

DivisionRequest requestFor(const QString& code)
{
    DivisionRequest request;
    request.unitCode = code;
    return request;
}

//! the coverage problems (gaps, overlaps, children outside) the checker finds
QStringList coverageProblems(const ProjectData& data)
{
    QStringList found;
    for (const Problem& problem : Checker(data).check())
        if (problem.kind == Problem::Kind::Gap || problem.kind == Problem::Kind::Overlap ||
            problem.kind == Problem::Kind::OutsideParent)
            found << QStringLiteral("%1 %2 m²")
                         .arg(static_cast<int>(problem.kind))
                         .arg(problem.areaM2, 0, 'f', 1);
    return found;
}

} // namespace

/** Proposed divisions (自动划格): hand-built cases with one right answer, and a generated community. */
class TestDivisionPlanner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

private slots:
    void aRowDividesTheOnlyWayTheBandAllows()
    {
        // 200 250 | 100 150 200: the only cut of the row into two grids of 300–500 households
        const ProjectData data = blockCommunity(1, 5, {200, 250, 100, 150, 200});
        const DivisionProposal proposal = propose(data, requestFor("001"));
        QCOMPARE(groupsOf(proposal, data), QStringLiteral("1号楼,2号楼|3号楼,4号楼,5号楼"));
        QCOMPARE(proposal.parts.at(0).households, 450);
        QCOMPARE(proposal.parts.at(1).households, 450);
        QCOMPARE(proposal.partsWithinBand(), 2);
        QVERIFY2(proposal.unmet.isEmpty(), qPrintable(proposal.unmet.join('\n')));
    }

    void paintingAChildIntoAnotherProposedUnitRecountsIt()
    {
        const ProjectData data = blockCommunity(1, 5, {200, 250, 100, 150, 200});
        const HierarchyIndex index(data);
        const DivisionPlanner planner(data, index);
        const DivisionProposal proposal = planner.propose(requestFor("001"));
        QVERIFY(proposal.unmet.isEmpty());
        const DivisionGraph graph = planner.graphOf(proposal, {});
        const UnitId third = index.unitByCode("0010103")->id, fifth = index.unitByCode("0010105")->id;
        // 3号楼 to the first grid: 550 and 350 households
        const DivisionProposal moved = planner.moved(proposal, third, 0, graph);
        QCOMPARE(groupsOf(moved, data), QStringLiteral("1号楼,2号楼,3号楼|4号楼,5号楼"));
        QCOMPARE(moved.parts.at(0).households, 550);
        QVERIFY(!moved.parts.at(0).withinBand);
        QCOMPARE(moved.parts.at(1).households, 350);
        QVERIFY(moved.unmet.join('\n').contains(QStringLiteral("has 550 households, outside 300–500")));
        // 5号楼 to the first grid as well: it lies apart from it
        const DivisionProposal apart = planner.moved(proposal, fifth, 0, graph);
        QCOMPARE(apart.parts.at(0).pieces, 2);
        QVERIFY(apart.unmet.join('\n').contains(QLatin1String("is in 2 pieces")));
        QVERIFY(apart.parts.at(0).polsbyPopper < proposal.parts.at(0).polsbyPopper);
        // a locked unit keeps its children; the last child of a unit stays
        DivisionProposal locked = proposal;
        locked.parts[1].locked = true;
        QVERIFY_EXCEPTION_THROWN(planner.moved(locked, third, 0, graph), Error);
        const DivisionProposal single = planner.moved(
            planner.moved(proposal, index.unitByCode("0010104")->id, 0, graph), third, 0, graph);
        QVERIFY_EXCEPTION_THROWN(planner.moved(single, fifth, 0, graph), Error);
    }

    void aRoadBetweenTheRowsIsNotCrossed()
    {
        // 2 rows × 4 buildings of 100 households: two grids of 400. Without a road the compact
        // answer is two squares; a road between the rows makes it the two rows.
        const ProjectData data = blockCommunity(2, 4, std::vector<qint64>(8, 100));
        const DivisionProposal free = propose(data, requestFor("001"));
        QCOMPARE(groupsOf(free, data), QStringLiteral("1号楼,2号楼,5号楼,6号楼|3号楼,4号楼,7号楼,8号楼"));
        QVERIFY(free.meanPolsbyPopper() > 0.78);

        DivisionRequest request = requestFor("001");
        request.barriers = {LineString{{X0 - 10, Y0 + Side}, {X0 + 4 * Side + 10, Y0 + Side}}};
        const DivisionProposal roadFollowed = propose(data, request);
        QCOMPARE(groupsOf(roadFollowed, data),
                 QStringLiteral("1号楼,2号楼,3号楼,4号楼|5号楼,6号楼,7号楼,8号楼"));
        QCOMPARE(roadFollowed.barrierCrossings(), 0);
        QCOMPARE(roadFollowed.partsWithinBand(), 2);
    }

    void aRoadOffTheCompactCutIsFollowed()
    {
        // 4 × 4 buildings of 100 into grids of exactly 400: four squares would be most compact,
        // and no single building can change sides without leaving the band; but a road runs
        // between the first column and the rest, and both sides fit whole grids (400 and 1,200)
        const ProjectData data = blockCommunity(4, 4, std::vector<qint64>(16, 100));
        DivisionRequest request = requestFor("001");
        request.band = {400, 400};
        QVERIFY(propose(data, request).meanPolsbyPopper() > 0.78);
        request.barriers = {LineString{{X0 + Side, Y0 - 10}, {X0 + Side, Y0 + 4 * Side + 10}}};
        const DivisionProposal proposal = propose(data, request);
        QCOMPARE(proposal.barrierCrossings(), 0);
        QCOMPARE(proposal.partsWithinBand(), static_cast<int>(proposal.parts.size()));
        QVERIFY(groupsOf(proposal, data).contains(QStringLiteral("1号楼,5号楼,9号楼,13号楼")));
    }

    void roadsAcrossAGeneratedCommunityAreNotCrossed()
    {
        // a wide community of the generator's uneven blocks, 50–150 households a building group,
        // two roads across it at a slant: each side fits whole grids of 300–500, so none is crossed
        for (const int atoms : {300, 1000}) {
            const testsupport::RoadedCommunity community = testsupport::roadedCommunity(atoms);
            const ProjectData& data = community.data;
            const HierarchyIndex index(data);
            DivisionRequest request = requestFor(community.communityCode);
            request.band = {300, 500};
            request.barriers = community.roads;
            const DivisionProposal proposal = DivisionPlanner(data, index).propose(request);
            QVERIFY2(proposal.unmet.isEmpty(), qPrintable(proposal.unmet.join('\n')));
            QCOMPARE(proposal.barrierCrossings(), 0);
            QCOMPARE(proposal.partsWithinBand(), static_cast<int>(proposal.parts.size()));
        }
    }

    void aRoadIsCrossedOnlyWhenNothingElseFits()
    {
        // 3 buildings of 200 above the road and 1 of 200 below: 800 households in two grids of
        // 300–500 cannot keep to the sides of the road, and the proposal says so.
        const ProjectData data = blockCommunity(2, 2, {200, 200, 200, 200});
        DivisionRequest request = requestFor("001");
        request.barriers = {
            LineString{{X0 - 10, Y0 + Side}, {X0 + Side, Y0 + Side}, {X0 + Side, Y0 + 2 * Side + 10}}};
        const DivisionProposal proposal = propose(data, request);
        QCOMPARE(proposal.partsWithinBand(), 2);
        QCOMPARE(proposal.barrierCrossings(), 1);
        QVERIFY(proposal.unmet.join('\n').contains(QLatin1String("across a barrier")));
    }

    void anInfeasibleBandIsNamed()
    {
        // one building alone has more households than a grid may hold
        const ProjectData big = blockCommunity(1, 3, {200, 600, 200});
        const DivisionProposal tooBig = propose(big, requestFor("001"));
        QVERIFY2(tooBig.unmet.join('\n').contains(
                     QStringLiteral("0010102 2号楼 alone has 600 households, more than 500")),
                 qPrintable(tooBig.unmet.join('\n')));
        QVERIFY(tooBig.partsWithinBand() < static_cast<int>(tooBig.parts.size()));

        // 550 households: one grid is too many, two too few
        const ProjectData between = blockCommunity(1, 2, {250, 300});
        const DivisionProposal none = propose(between, requestFor("001"));
        QVERIFY2(none.unmet.join('\n').contains(QLatin1String("550 households fit no whole number of")),
                 qPrintable(none.unmet.join('\n')));
    }

    void badRequestsAreRefusedByName()
    {
        const ProjectData data = blockCommunity(1, 2, {200, 200});
        auto refusal = [&](DivisionRequest request) {
            try {
                propose(data, request);
            } catch (const Error& error) {
                return error.message();
            }
            return QString();
        };
        QVERIFY(refusal(requestFor("999")).contains(QLatin1String("999")));
        DivisionRequest empty = requestFor("001");
        empty.band = {500, 300};
        QVERIFY(refusal(empty).contains(QStringLiteral("500–300")));
        DivisionRequest tooMany = requestFor("001");
        tooMany.parts = 3;
        QVERIFY(refusal(tooMany).contains(QLatin1String("too few for 3 parts")));
    }

    void householdsOfABuildingSplitIntoZonesByCount()
    {
        ProjectData data = blockCommunity(1, 1, {180});
        const QString file = mDir.filePath(QStringLiteral("zones.gpkg"));
        ProjectFile::create(file, data);
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const DivisionProposal proposal =
            DivisionPlanner(project->data(), project->index()).propose(requestFor("0010101"));
        QVERIFY(proposal.byHouseholdCount);
        // 180 households in 30–50: 4 to 6 zones, 5 nearest the band's middle, 36 each
        QCOMPARE(proposal.parts.size(), size_t(5));
        GeosEngine geos;
        for (const DivisionProposal::Part& part : proposal.parts) {
            QCOMPARE(part.households, 36);
            QVERIFY(std::abs(part.area - 500.0) < 0.01);
        }
        // "1+10": one zone per Party member, four members
        DivisionRequest perMember = requestFor("0010101");
        perMember.parts = 4;
        const DivisionProposal four = DivisionPlanner(project->data(), project->index()).propose(perMember);
        QCOMPARE(four.parts.size(), size_t(4));
        QCOMPARE(four.parts.at(3).households, 45);

        const auto result = HierarchyEditor(*project).divide(proposal);
        QCOMPARE(result.codes.size(), 5);
        const HierarchyIndex& index = project->index();
        const Unit* building = index.unitByCode("0010101");
        QCOMPARE(index.children(building->id).size(), size_t(5));
        qint64 households = 0;
        std::vector<const MultiPolygon*> zones;
        for (const Unit* zone : index.children(building->id)) {
            households += zone->households;
            zones.push_back(&zone->boundary);
            QVERIFY(zone->code.startsWith(QLatin1String("0010101")));
        }
        QCOMPARE(households, 180);
        QVERIFY(geos.symmetricDifferenceArea(geos.unaryUnion(zones), building->boundary) < 0.01);
        QCOMPARE(coverageProblems(project->data()), QStringList());
    }

    void aGeneratedCommunityIsDividedWithinTheBandAndUndone()
    {
        DistrictGenerator::Options options = DistrictGenerator::demoOptions();
        const QString file = mDir.filePath(QStringLiteral("generated.gpkg"));
        ProjectFile::create(file, DistrictGenerator::generate(options));
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const ProjectData before = project->data();
        const HierarchyIndex& index = project->index();
        const int grid = before.hierarchy.levelIndex(QStringLiteral("grid"));
        // the community with the most buildings
        const Unit* community = nullptr;
        size_t most = 0;
        for (const Unit& unit : before.units)
            if (unit.level == grid - 1) {
                size_t buildings = 0;
                for (const Unit* child : index.children(unit.id))
                    buildings += index.children(child->id).size();
                if (buildings > most) {
                    most = buildings;
                    community = &unit;
                }
            }
        QVERIFY(community && most >= 10);
        const QString communityCode = community->code;
        qint64 largest = 0, total = 0;
        for (const Unit* child : index.children(community->id))
            for (const Unit* building : index.children(child->id)) {
                largest = std::max(largest, building->households);
                total += building->households;
            }
        DivisionRequest request = requestFor(communityCode);
        request.band = {std::max<qint64>(largest, total / 8), std::max<qint64>(largest, total / 8) * 5 / 3};
        const DivisionProposal proposal = DivisionPlanner(project->data(), index).propose(request);
        const DivisionProposal again = DivisionPlanner(project->data(), index).propose(request);
        QCOMPARE(groupsOf(again, project->data()), groupsOf(proposal, project->data()));
        QVERIFY2(proposal.unmet.isEmpty(), qPrintable(proposal.unmet.join('\n')));
        QCOMPARE(proposal.partsWithinBand(), static_cast<int>(proposal.parts.size()));
        QVERIFY2(proposal.meanPolsbyPopper() >= 0.45,
                 qPrintable(QString::number(proposal.meanPolsbyPopper())));

        const QStringList problemsBefore = coverageProblems(before);
        const auto result = HierarchyEditor(*project).divide(proposal);
        QCOMPARE(result.codes.size(), static_cast<qsizetype>(proposal.parts.size()));
        const Unit* divided = project->index().unitByCode(communityCode);
        size_t buildingsAfter = 0;
        for (const Unit* newGrid : project->index().children(divided->id)) {
            QVERIFY2(request.band.contains(newGrid->households), qPrintable(newGrid->code));
            QCOMPARE(newGrid->boundary.polygons.size(), size_t(1)); // contiguous
            for (const Unit* building : project->index().children(newGrid->id)) {
                QVERIFY(building->code.startsWith(newGrid->code));
                ++buildingsAfter;
            }
        }
        QCOMPARE(buildingsAfter, most);
        QCOMPARE(coverageProblems(project->data()), problemsBefore);

        QVERIFY(project->undo());
        const ProjectData& undone = project->data();
        QCOMPARE(undone.units.size(), before.units.size());
        for (const Unit& unit : before.units) {
            const Unit* back = project->index().unit(unit.id);
            QVERIFY(back);
            QCOMPARE(back->code, unit.code);
            QCOMPARE(back->parentId, unit.parentId);
            QVERIFY(back->boundary == unit.boundary);
        }
        QCOMPARE(undone.assignments.size(), before.assignments.size());
    }

    void aLeaderMovedToAUnitWithOneAlreadyIsNamed()
    {
        // two old grids, each with its leader, made one: both leaders stay, and the planner is told
        ProjectData data = blockCommunity(1, 4, {100, 100, 100, 100});
        data.units[1].boundary = box(X0, Y0, 2 * Side, Side);
        data.units.push_back(
            Unit{100, 1, 1, "00102", "第2网格", "", box(X0 + 2 * Side, Y0, 2 * Side, Side), 200, 400, ""});
        for (Unit& unit : data.units)
            if (unit.level == 2 && unit.boundary.envelope().minX >= X0 + 2 * Side - 0.01) {
                unit.parentId = 100;
                unit.code = QStringLiteral("00102%1").arg(unit.code.right(2));
            }
        data.members.push_back(Member{2, "李四", "13800000002", "女", "在职", ""});
        data.assignments.push_back(Assignment{2, 2, 100, "grid_leader", 0, ""});
        const QString file = mDir.filePath(QStringLiteral("leaders.gpkg"));
        ProjectFile::create(file, data);
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        DivisionRequest request = requestFor("001");
        request.parts = 1;
        const DivisionProposal proposal = DivisionPlanner(project->data(), project->index()).propose(request);
        QCOMPARE(proposal.parts.size(), size_t(1));
        const auto result = HierarchyEditor(*project).divide(proposal);
        QVERIFY2(result.notes.join('\n').contains(QStringLiteral(
                     "网格长 of 00102 第2网格 moves to 00101 第1网格, which has its 网格长 already")),
                 qPrintable(result.notes.join('\n')));
        const Unit* kept = project->index().unitByCode("00101");
        QCOMPARE(project->index().assignments(kept->id).size(), size_t(2));
        QVERIFY(!project->index().unitByCode("00102"));
    }

    void membersStayWithTheUnitHoldingMostOfTheirOldOne()
    {
        // one old grid over 8 buildings: the new grid holding most of it keeps its code, name
        // and leader; the other is new
        const QString file = mDir.filePath(QStringLiteral("members.gpkg"));
        ProjectFile::create(file, blockCommunity(2, 4, {100, 100, 100, 100, 100, 100, 100, 120}));
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const DivisionProposal proposal =
            DivisionPlanner(project->data(), project->index()).propose(requestFor("001"));
        QCOMPARE(proposal.parts.size(), size_t(2));
        HierarchyEditor(*project).divide(proposal);
        const HierarchyIndex& index = project->index();
        const Unit* kept = index.unitByCode("00101");
        QVERIFY(kept);
        QCOMPARE(kept->name, QStringLiteral("第1网格"));
        QCOMPARE(index.assignments(kept->id).size(), size_t(1));
        QCOMPARE(index.children(index.unitByCode("001")->id).size(), size_t(2));
        const Unit* made = index.unitByCode("00102");
        QVERIFY(made);
        QCOMPARE(made->name, QStringLiteral("第2网格"));
        QCOMPARE(kept->households + made->households, 820);
        QCOMPARE(coverageProblems(project->data()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestDivisionPlanner)
#include "test_divisionplanner.moc"
