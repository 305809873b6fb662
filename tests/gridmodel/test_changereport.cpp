#include "changereport.h"
#include "error.h"
#include "hierarchyeditor.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "streetproject.h"
#include "tablewriter.h"

#include <QTemporaryDir>
#include <QtTest>
#include <gdal.h>
#include <ogr_api.h>

using namespace gridmodel;
using testsupport::streetProject;
using testsupport::X;
using testsupport::Y;

namespace {

const QString G1 = QStringLiteral("41010500100101");
const QString G2 = QStringLiteral("41010500100102");
const QString C1 = QStringLiteral("410105001001");
const QString C2 = QStringLiteral("410105001002");

const ChangeReport::UnitChange* changeOf(const ChangeReport& report, const QString& code)
{
    for (const ChangeReport::UnitChange& change : report.units)
        if (change.code() == code)
            return &change;
    return nullptr;
}

const ChangeReport::LevelTotals& level(const ChangeReport& report, const QString& key)
{
    for (const ChangeReport::LevelTotals& totals : report.levels)
        if (totals.key == key)
            return totals;
    qFatal("no level %s", qPrintable(key));
}

qint64 transferred(const ChangeReport& report, const QString& levelKey, const QString& from,
                   const QString& to)
{
    const int index = level(report, levelKey).level;
    qint64 households = 0;
    for (const ChangeReport::Transfer& t : report.transfers)
        if (t.level == index && t.fromCode == from && t.toCode == to)
            households += t.households;
    return households;
}

} // namespace

/** The change report tells a redrawing as the planner made it, on a street with known figures. */
class TestChangeReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    std::unique_ptr<ProjectFile> freshProject() { return testsupport::openFreshStreet(mDir); }

    static ChangeReport between(const ProjectData& before, const ProjectData& after, bool personal = false)
    {
        ChangeReport::Options options;
        options.withPersonal = personal;
        return ChangeReport::between(before, after, options);
    }

private slots:
    void theSameProjectHasNoChanges()
    {
        const ProjectData data = streetProject();
        const ChangeReport report = between(data, data);
        QVERIFY(report.isEmpty());
        QCOMPARE(report.mapLevel, -1);
        QVERIFY(report.toHtml().contains(QStringLiteral("没有调整")));
        QCOMPARE(level(report, QStringLiteral("building")).unitsBefore, 5);
        QCOMPARE(level(report, QStringLiteral("building")).householdsAfter, 700);
    }

    void aSplitGridGivesAPartAndTheHouseholdsInIt()
    {
        const auto project = freshProject();
        const ProjectData before = project->data();
        const auto result = HierarchyEditor(*project).split(G1, {{X + 50, Y - 10}, {X + 50, Y + 110}});
        QCOMPARE(result.codes.size(), 2);
        const QString part = result.codes.at(1);
        const ChangeReport report = between(before, project->data());

        const ChangeReport::LevelTotals& grids = level(report, QStringLiteral("grid"));
        QCOMPARE(grids.split, 1);
        QCOMPARE(grids.added, 0);
        QCOMPARE(grids.unitsBefore + 1, grids.unitsAfter);
        const ChangeReport::UnitChange* kept = changeOf(report, G1);
        QVERIFY(kept);
        QVERIFY(kept->changes.testFlag(ChangeReport::Change::Split));
        QVERIFY(kept->changes.testFlag(ChangeReport::Change::Reshaped));
        QCOMPARE(kept->splitInto, QStringList{part});
        QVERIFY(qAbs(kept->areaLostM2 - 5000) < 0.5);
        QVERIFY(qAbs(kept->areaGainedM2) < 0.5);
        const ChangeReport::UnitChange* cut = changeOf(report, part);
        QVERIFY(cut);
        QCOMPARE(cut->changes, ChangeReport::Changes(ChangeReport::Change::SplitPart));
        QCOMPARE(cut->splitFrom, G1);

        // the households of the building in the new part left G1 for it, and no community changed
        const Unit* building = nullptr;
        for (const Unit& unit : project->data().units)
            if (unit.parentId == project->index().unitByCode(part)->id)
                building = &unit;
        QVERIFY(building);
        QCOMPARE(transferred(report, QStringLiteral("grid"), G1, part), building->households);
        QCOMPARE(grids.householdsTransferred, building->households);
        QCOMPARE(level(report, QStringLiteral("community")).householdsTransferred, 0);
        QCOMPARE(level(report, QStringLiteral("community")).changedUnits(), 0);
        const ChangeReport::UnitChange* movedBuilding = changeOf(report, building->code);
        QVERIFY(movedBuilding);
        QVERIFY(movedBuilding->changes.testFlag(ChangeReport::Change::Moved));
        QCOMPARE(report.mapLevel, project->data().hierarchy.levelIndex(QStringLiteral("grid")));
        QCOMPARE(report.mapOld.size(), size_t(1)); // G1 as it was
    }

    void aMergeTakesTheHouseholdsAndPeopleIntoTheFirst()
    {
        const auto project = freshProject();
        const ProjectData before = project->data();
        HierarchyEditor(*project).merge({G1, G2});
        const ChangeReport report = between(before, project->data());

        QCOMPARE(level(report, QStringLiteral("grid")).merged, 1);
        const ChangeReport::UnitChange* into = changeOf(report, G1);
        QVERIFY(into && into->changes.testFlag(ChangeReport::Change::Merged));
        QCOMPARE(into->mergedFrom, QStringList{G2});
        QVERIFY(qAbs(into->areaGainedM2 - 10000) < 0.5);
        const ChangeReport::UnitChange* gone = changeOf(report, G2);
        QVERIFY(gone && gone->changes.testFlag(ChangeReport::Change::MergedAway));
        QVERIFY(!gone->changes.testFlag(ChangeReport::Change::Removed));
        QCOMPARE(gone->mergedInto, G1);
        QCOMPARE(level(report, QStringLiteral("grid")).removed, 0);
        // 3号楼 (120) and 4号楼 (130) now lie in G1
        QCOMPARE(transferred(report, QStringLiteral("grid"), G2, G1), 250);
        QCOMPARE(level(report, QStringLiteral("building")).householdsTransferred, 0);

        // 李四, grid leader of G2, moved over with it; named only when asked
        QCOMPARE(report.memberMoves.size(), size_t(1));
        const ChangeReport::MemberMove& moved = report.memberMoves.front();
        QCOMPARE(moved.memberId, 2);
        QCOMPARE(moved.before, QStringList{G2 + QStringLiteral(" 网格长")});
        QCOMPARE(moved.after, QStringList{G1 + QStringLiteral(" 网格长")});
        QVERIFY(moved.name.isEmpty());
        const std::vector<Sheet> anonymous = report.sheets();
        QVERIFY(!anonymous.at(3).rows.front().contains(QStringLiteral("姓名")));
        QVERIFY(!report.toHtml().contains(QStringLiteral("李四")));
        const ChangeReport named = between(before, project->data(), true);
        QCOMPARE(named.memberMoves.front().name, QStringLiteral("李四"));
        QVERIFY(named.toHtml().contains(QStringLiteral("李四")));
    }

    void aMovedGridTakesItsHouseholdsToTheOtherCommunity()
    {
        const auto project = freshProject();
        const ProjectData before = project->data();
        const auto result = HierarchyEditor(*project).move(G2, C2);
        const QString moved = result.codes.value(0);
        QVERIFY(moved.startsWith(C2));
        const ChangeReport report = between(before, project->data());

        const ChangeReport::UnitChange* grid = changeOf(report, moved);
        QVERIFY(grid);
        QCOMPARE(grid->before.code, G2);
        QVERIFY(grid->changes.testFlag(ChangeReport::Change::Moved));
        QVERIFY(grid->changes.testFlag(ChangeReport::Change::Recoded));
        QVERIFY(!grid->changes.testFlag(ChangeReport::Change::Reshaped));
        QCOMPARE(grid->before.parentCode, C1);
        QCOMPARE(grid->after.parentCode, C2);
        QCOMPARE(transferred(report, QStringLiteral("community"), C1, C2), 250);
        QCOMPARE(level(report, QStringLiteral("grid")).householdsTransferred, 0); // the grid itself moved
        QCOMPARE(level(report, QStringLiteral("community")).reshaped, 2);
        QVERIFY(qAbs(changeOf(report, C2)->areaGainedM2 - 10000) < 0.5);
        QVERIFY(qAbs(changeOf(report, C1)->areaLostM2 - 10000) < 0.5);
        // its buildings went along: new codes, the same grid
        const ChangeReport::LevelTotals& buildings = level(report, QStringLiteral("building"));
        QCOMPARE(buildings.recoded, 2);
        QCOMPARE(buildings.moved, 0);
        QCOMPARE(report.mapLevel, project->data().hierarchy.levelIndex(QStringLiteral("grid")));
    }

    void countsAndAddedUnitsAreTold()
    {
        const auto project = freshProject();
        const ProjectData before = project->data();
        ProjectEditor::Attributes counts;
        counts.households = 110;
        ProjectEditor(*project).setAttributes(QStringLiteral("4101050010010101"), counts);
        ProjectData after = project->data();
        Unit extra{99,
                   3,
                   after.units[3].id,
                   QStringLiteral("4101050010010103"),
                   QStringLiteral("新楼"),
                   {},
                   testsupport::box(X + 200, Y + 200, 10, 10),
                   5,
                   9,
                   {}};
        after.units.push_back(extra);
        const ChangeReport report = between(before, after);
        const ChangeReport::UnitChange* recounted = changeOf(report, QStringLiteral("4101050010010101"));
        QVERIFY(recounted);
        QCOMPARE(recounted->changes, ChangeReport::Changes(ChangeReport::Change::Recounted));
        QCOMPARE(recounted->before.households, 100);
        QCOMPARE(recounted->after.households, 110);
        QCOMPARE(changeOf(report, extra.code)->changes, ChangeReport::Changes(ChangeReport::Change::Added));
        QCOMPARE(level(report, QStringLiteral("building")).added, 1);
        QCOMPARE(level(report, QStringLiteral("building")).recounted, 1);
        // the parents carried the count up
        QCOMPARE(changeOf(report, C1)->after.households, 510);
    }

    void filesMadeApartAreMatchedByCodeThenBoundary()
    {
        const ProjectData before = streetProject();
        ProjectData renumbered = before;
        for (Unit& unit : renumbered.units) {
            unit.id += 1000;
            unit.parentId = unit.parentId ? unit.parentId + 1000 : 0;
        }
        for (Assignment& a : renumbered.assignments)
            a.unitId += 1000;
        QVERIFY(between(before, renumbered).isEmpty());

        // other ids and other codes: the same places are the same units, renumbered
        ProjectData recoded = renumbered;
        for (Unit& unit : recoded.units)
            unit.code.replace(0, 6, QStringLiteral("410106"));
        const ChangeReport report = between(before, recoded);
        for (const ChangeReport::LevelTotals& totals : report.levels) {
            QCOMPARE(totals.added, 0);
            QCOMPARE(totals.removed, 0);
            QCOMPARE(totals.recoded, totals.unitsBefore);
            QCOMPARE(totals.moved, 0);
        }
        QVERIFY(report.transfers.empty());
        QVERIFY(report.memberMoves.empty());
    }

    void anotherTemplateOrCoordinateSystemIsRefused()
    {
        ProjectData other = streetProject();
        other.hierarchy = HierarchyTemplate::builtin(QStringLiteral("five-level"));
        QVERIFY_EXCEPTION_THROWN(between(streetProject(), other), Error);
        ProjectData elsewhere = streetProject();
        elsewhere.crsEpsg = 4545;
        try {
            between(streetProject(), elsewhere);
            QFAIL("boundaries in two coordinate systems were compared");
        } catch (const Error& error) {
            QVERIFY(error.message().contains(QStringLiteral("4545")));
        }
    }

    void theHistoryGivesEachPointBack()
    {
        const auto project = freshProject();
        const qint64 created = project->history().back().id;
        const QString part =
            HierarchyEditor(*project).split(G1, {{X + 50, Y - 10}, {X + 50, Y + 110}}).codes.value(1);
        const qint64 split = project->history().back().id;
        const ProjectData afterSplit = project->data();
        HierarchyEditor(*project).move(G2, C2);
        const qint64 move = project->history().back().id;
        const ProjectData afterMove = project->data();
        HierarchyEditor(*project).merge({G1, part});
        const qint64 merge = project->history().back().id;
        ProjectEditor::Attributes counts;
        counts.households = 90;
        ProjectEditor(*project).setAttributes(QStringLiteral("4101050010010101"), counts);
        project->undo(); // an undone step is not part of the project any more

        const ProjectData atStart = project->dataAfter(created);
        QVERIFY(between(streetProject(), atStart).isEmpty());
        QVERIFY(between(afterSplit, project->dataAfter(split)).isEmpty());
        QVERIFY(between(afterMove, project->dataAfter(move)).isEmpty());
        QVERIFY(between(project->data(), project->dataAfter(merge)).isEmpty());

        // what changed since the split is the move: one grid to the other community
        const ChangeReport since = between(project->dataAfter(split), afterMove);
        QCOMPARE(level(since, QStringLiteral("grid")).moved, 1);
        QCOMPARE(level(since, QStringLiteral("grid")).split, 0);

        QVERIFY_EXCEPTION_THROWN(project->dataAfter(9999), Error);
        QVERIFY_EXCEPTION_THROWN(project->dataAfter(project->history().back().id), Error); // undone
    }

    void theSpreadsheetHasNumbersAndCodesAsText()
    {
        const auto project = freshProject();
        const ProjectData before = project->data();
        HierarchyEditor(*project).merge({G1, G2});
        const ChangeReport report = between(before, project->data());
        const QString xlsx = testsupport::freshPath(mDir, QStringLiteral("changes.xlsx"));
        TableWriter::writeXlsx(report.sheets(), xlsx);
        GDALAllRegister();
        GDALDatasetH dataset =
            GDALOpenEx(xlsx.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        QCOMPARE(GDALDatasetGetLayerCount(dataset), 4);
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "户数转移");
        QVERIFY(layer);
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        const int households = OGR_FD_GetFieldIndex(definition, "户数");
        const int from = OGR_FD_GetFieldIndex(definition, "原单元编码");
        QVERIFY(households >= 0 && from >= 0);
        QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, households)), OFTInteger);
        QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, from)), OFTString);
        OGR_L_ResetReading(layer);
        OGRFeatureH feature = OGR_L_GetNextFeature(layer);
        QVERIFY(feature);
        QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(feature, from)), G2);
        QCOMPARE(OGR_F_GetFieldAsInteger64(feature, households), 250);
        OGR_F_Destroy(feature);
        GDALClose(dataset);

        // the page: a map of the grids with the merged one marked, the old boundary dashed
        const std::vector<SvgChart> charts = report.charts();
        QCOMPARE(charts.size(), size_t(1));
        QVERIFY(charts.front().svg.contains(QStringLiteral("合并")));
        QVERIFY(charts.front().svg.contains(QStringLiteral("stroke-dasharray")));
        const QString html = report.toHtml();
        QVERIFY(html.contains(QStringLiteral("<svg")));
        QVERIFY(html.contains(QStringLiteral("并入 %1").arg(G1)));
    }
};

QTEST_GUILESS_MAIN(TestChangeReport)
#include "test_changereport.moc"
