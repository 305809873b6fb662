#include "checker.h"
#include "coveragereport.h"
#include "districtgenerator.h"
#include "hierarchyindex.h"
#include "tablewriter.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <gdal.h>
#include <ogr_api.h>

using namespace gridmodel;

/** The coverage report agrees with the checker and the model on a district with known faults. */
class TestCoverageReport : public QObject
{
    Q_OBJECT

private:
    ProjectData mData = DistrictGenerator::generate(DistrictGenerator::demoOptions());
    int mGrid = 0, mZone = 0;
    qint64 mRemovedZones = 0;
    QString mOverfullGrid;

    const CoverageReport::Section& section(const CoverageReport& report, int level)
    {
        for (const CoverageReport::Section& s : report.sections)
            if (s.level == level)
                return s;
        static CoverageReport::Section none;
        return none;
    }

private slots:
    void initTestCase()
    {
        mGrid = mData.hierarchy.levelIndex(QStringLiteral("grid"));
        mZone = mData.hierarchy.levelIndex(QStringLiteral("zone"));
        // faults: three zones gone (gaps in their buildings), a grid far over its band, two grid
        // leaders gone, somebody on the roster with no role
        int seen = 0;
        const size_t before = mData.units.size();
        mData.units.erase(
            std::remove_if(mData.units.begin(), mData.units.end(),
                           [&](const Unit& unit) { return unit.level == mZone && seen++ % 97 == 5; }),
            mData.units.end());
        mRemovedZones = static_cast<qint64>(before - mData.units.size());
        for (Unit& unit : mData.units)
            if (unit.level == mGrid && mOverfullGrid.isEmpty()) {
                unit.households = 5000;
                mOverfullGrid = unit.code;
            }
        int leaders = 0;
        mData.assignments.erase(std::remove_if(mData.assignments.begin(), mData.assignments.end(),
                                               [&](const Assignment& a) {
                                                   return a.role == QLatin1String("grid_leader") &&
                                                          leaders++ < 2;
                                               }),
                                mData.assignments.end());
        mData.members.push_back(
            Member{999999, QStringLiteral("无职务"), QString(), QString(), QString(), QString()});
    }

    void figuresMatchTheCheckerAndTheModel()
    {
        const HierarchyIndex index(mData);
        const std::vector<Problem> problems = Checker(mData).check();
        const CoverageReport report = CoverageReport::of(mData, index, problems);
        QCOMPARE(static_cast<int>(report.sections.size()), mData.hierarchy.levelCount());
        QCOMPARE(report.unassignedMembers, 1);

        for (const CoverageReport::Section& s : report.sections) {
            qint64 units = 0, households = 0, gaps = 0, missing = 0, all = 0;
            double gapArea = 0;
            QSet<UnitId> outOfBand;
            for (const Unit& unit : mData.units)
                if (unit.level == s.level) {
                    ++units;
                    households += unit.households;
                }
            for (const Problem& problem : problems) {
                if (problem.level != s.level)
                    continue;
                ++all;
                if (problem.kind == Problem::Kind::Gap) {
                    ++gaps;
                    gapArea += problem.areaM2;
                }
                if (problem.kind == Problem::Kind::MissingRole)
                    ++missing;
                if (problem.kind == Problem::Kind::OutOfBand)
                    outOfBand.insert(problem.units.front());
            }
            QCOMPARE(s.total.units, units);
            QCOMPARE(s.total.households, households);
            QCOMPARE(s.total.gaps, gaps);
            QVERIFY(qAbs(s.total.gapAreaM2 - gapArea) < 1e-6);
            QCOMPARE(s.total.missingRoles, missing);
            QCOMPARE(s.total.outOfBand, qint64(outOfBand.size()));
            QCOMPARE(s.total.problems, all);
            // the parents' rows add up to the total
            qint64 rowUnits = 0, rowProblems = 0;
            for (const CoverageReport::Row& row : s.rows) {
                rowUnits += row.units;
                rowProblems += row.problems;
            }
            QCOMPARE(rowUnits, units);
            QCOMPARE(rowProblems, all);
        }
        // the faults are where they were made
        QCOMPARE(section(report, mZone).total.gaps, mRemovedZones);
        QCOMPARE(section(report, mGrid).total.missingRoles, 2);
        QVERIFY(section(report, mGrid).total.outOfBand >= 1);
        const Unit* overfull = index.unitByCode(mOverfullGrid);
        const Unit* community = index.unit(overfull->parentId);
        const auto row =
            std::find_if(section(report, mGrid).rows.begin(), section(report, mGrid).rows.end(),
                         [&](const CoverageReport::Row& r) { return r.parentCode == community->code; });
        QVERIFY(row->outOfBand >= 1);
        QCOMPARE(row->households, [&] {
            qint64 sum = 0;
            for (const Unit* grid : index.children(community->id))
                sum += grid->households;
            return sum;
        }());
        // people by role: distinct grid leaders in the community's grids
        QSet<MemberId> leaders;
        for (const Assignment& a : mData.assignments)
            if (a.role == QLatin1String("grid_leader") && index.unit(a.unitId)->parentId == community->id)
                leaders.insert(a.memberId);
        QCOMPARE(row->membersByRole.count(QStringLiteral("grid_leader"))
                     ? row->membersByRole.at(QStringLiteral("grid_leader"))
                     : 0,
                 qint64(leaders.size()));
    }

    void aScopeAndALevelNarrowTheReport()
    {
        const HierarchyIndex index(mData);
        const Unit* community = index.unit(index.unitByCode(mOverfullGrid)->parentId);
        const Checker::Scope scope{mGrid, community->id};
        const CoverageReport report =
            CoverageReport::of(mData, index, Checker(mData).check(scope), mGrid, community->id);
        QCOMPARE(static_cast<int>(report.sections.size()), 1);
        QCOMPARE(report.sections.front().rows.size(), size_t(1));
        QCOMPARE(report.sections.front().total.units, qint64(index.children(community->id).size()));
        QVERIFY(report.scopeName.contains(community->name));
    }

    void aRatioOfNobodyIsNoNumber()
    {
        // the grids of one community without anybody in a role there
        ProjectData data = mData;
        const HierarchyIndex index(data);
        UnitId community = 0;
        for (const Unit& unit : data.units)
            if (unit.level == mGrid - 1 && (!community || unit.id < community))
                community = unit.id;
        data.assignments.erase(std::remove_if(data.assignments.begin(), data.assignments.end(),
                                              [&](const Assignment& a) {
                                                  const Unit* unit = index.unit(a.unitId);
                                                  return unit && unit->level == mGrid &&
                                                         unit->parentId == community;
                                              }),
                               data.assignments.end());
        const CoverageReport report = CoverageReport::of(data, index, Checker(data).check());
        const std::vector<QStringList> grids = report.table(section(report, mGrid));
        const int members = static_cast<int>(grids.front().indexOf(QStringLiteral("人员数")));
        const int ratio = static_cast<int>(grids.front().indexOf(QStringLiteral("户数÷人员数")));
        const auto row = std::find_if(grids.begin() + 1, grids.end(), [&](const QStringList& cells) {
            return cells.first() == index.unit(community)->code;
        });
        QVERIFY(row != grids.end());
        QCOMPARE(row->at(members), QStringLiteral("0"));
        QCOMPARE(row->at(ratio), QStringLiteral("—")); // was 0.0
        QVERIFY(grids.back().at(ratio).toDouble() > 0);

        // and in the spreadsheet an empty cell of a column of numbers
        QTemporaryDir dir;
        const QString xlsx = dir.filePath(QStringLiteral("ratio.xlsx"));
        TableWriter::writeXlsx(report.sheets(), xlsx);
        GDALDatasetH dataset =
            GDALOpenEx(xlsx.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "网格");
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        const int field = OGR_FD_GetFieldIndex(definition, "户数÷人员数");
        QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, field)), OFTReal);
        bool sawEmpty = false;
        OGR_L_ResetReading(layer);
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            if (QString::fromUtf8(OGR_F_GetFieldAsString(feature, 0)) == index.unit(community)->code)
                sawEmpty = !OGR_F_IsFieldSetAndNotNull(feature, field);
            OGR_F_Destroy(feature);
        }
        GDALClose(dataset);
        QVERIFY(sawEmpty);
    }

    void theTablesAndThePageSayIt()
    {
        const HierarchyIndex index(mData);
        const CoverageReport report = CoverageReport::of(mData, index, Checker(mData).check());
        const std::vector<QStringList> grids = report.table(section(report, mGrid));
        QCOMPARE(grids.front().first(), QStringLiteral("上级编码"));
        QVERIFY(grids.front().contains(QStringLiteral("网格长")));
        QCOMPARE(grids.size(), section(report, mGrid).rows.size() + 2); // header, parents, total
        QCOMPARE(grids.back().first(), QStringLiteral("合计"));

        const std::vector<QStringList> combined = report.combinedTable();
        size_t rows = 1;
        for (const CoverageReport::Section& s : report.sections)
            rows += s.rows.size() + 1;
        QCOMPARE(combined.size(), rows);
        for (const QStringList& line : combined)
            QCOMPARE(line.size(), combined.front().size());
        // every column is named, the roles of every level among them
        QVERIFY2(!combined.front().contains(QString()), qPrintable(combined.front().join(QLatin1Char(','))));
        for (const CoverageReport::Section& s : report.sections)
            for (const QString& role : s.roleNames)
                QVERIFY2(combined.front().contains(role), qPrintable(role));

        // "超出目标范围 1" says which grid: the problem list names it
        const std::vector<QStringList> listed = report.problemTable();
        QCOMPARE(listed.size(), report.problemList.size() + 1);
        QCOMPARE(listed.front(), (QStringList{QStringLiteral("问题"), QStringLiteral("层级"),
                                              QStringLiteral("单元编码"), QStringLiteral("单元名称"),
                                              QStringLiteral("面积(平方米)"), QStringLiteral("说明")}));
        QVERIFY(std::any_of(listed.begin() + 1, listed.end(), [&](const QStringList& row) {
            return row.at(0) == QStringLiteral("超出目标范围") && row.at(2) == mOverfullGrid &&
                   row.at(5).contains(QStringLiteral("5000"));
        }));
        const auto gaps = std::count_if(listed.begin() + 1, listed.end(), [](const QStringList& row) {
            return row.at(0) == QStringLiteral("缺口") && row.at(4).toDouble() > 0;
        });
        QCOMPARE(gaps, static_cast<long>(mRemovedZones));

        const QString html = report.toHtml();
        QVERIFY(html.contains(QStringLiteral("问题清单")) && html.contains(mOverfullGrid));
        QCOMPARE(html.count(QStringLiteral("<svg")), 3);
        QVERIFY(html.contains(mData.name));
        QVERIFY(html.contains(QStringLiteral("缺口 %1").arg(mRemovedZones)));
        QVERIFY(!html.contains(QStringLiteral("<img"))); // self-contained: the charts are inline
        // the spreadsheet: a sheet per level, counts as numbers, codes as text
        QTemporaryDir dir;
        const QString xlsx = dir.filePath(QStringLiteral("report.xlsx"));
        TableWriter::writeXlsx(report.sheets(), xlsx);
        GDALAllRegister();
        GDALDatasetH dataset =
            GDALOpenEx(xlsx.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        QCOMPARE(GDALDatasetGetLayerCount(dataset), mData.hierarchy.levelCount() + 1); // and the problem list
        QVERIFY(GDALDatasetGetLayerByName(dataset, "问题清单"));
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "网格");
        QVERIFY(layer);
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, OGR_FD_GetFieldIndex(definition, "户数"))),
                 OFTInteger);
        QCOMPARE(
            OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, OGR_FD_GetFieldIndex(definition, "上级编码"))),
            OFTString);
        qint64 households = 0;
        OGR_L_ResetReading(layer);
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            if (QString::fromUtf8(OGR_F_GetFieldAsString(feature, 0)) != QStringLiteral("合计"))
                households += OGR_F_GetFieldAsInteger64(feature, OGR_FD_GetFieldIndex(definition, "户数"));
            OGR_F_Destroy(feature);
        }
        GDALClose(dataset);
        QCOMPARE(households, section(report, mGrid).total.households);
    }
};

QTEST_GUILESS_MAIN(TestCoverageReport)
#include "test_coveragereport.moc"
