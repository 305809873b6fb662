#include "check/checker.h"
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

    void everyUnitIsListedWithItsPeopleAndProblems()
    {
        const HierarchyIndex index(mData);
        CoverageReport report = CoverageReport::of(mData, index, Checker(mData).check());
        const CoverageReport::Section& grids = section(report, mGrid);
        const std::vector<QStringList> table = report.unitTable(grids);
        qint64 gridCount = 0;
        for (const Unit& unit : mData.units)
            gridCount += unit.level == mGrid;
        QCOMPARE(qint64(table.size()), gridCount + 1);
        const QStringList& header = table.front();
        const int households = static_cast<int>(header.indexOf(QStringLiteral("户数")));
        const int leader = static_cast<int>(header.indexOf(QStringLiteral("网格长")));
        const int problems = static_cast<int>(header.indexOf(QStringLiteral("问题")));
        QVERIFY(households >= 0 && leader >= 0 && problems == header.size() - 1);
        const auto rowOf = [&](const QString& code) {
            return *std::find_if(table.begin() + 1, table.end(),
                                 [&](const QStringList& row) { return row.first() == code; });
        };
        // the grid over its band names what is wrong, in Chinese, as reports go upward
        const QStringList overfull = rowOf(mOverfullGrid);
        QCOMPARE(overfull.at(households), QStringLiteral("5000"));
        QVERIFY2(overfull.at(problems).contains(QStringLiteral("超出目标范围：5000 户，目标")),
                 qPrintable(overfull.at(problems)));
        // the grids whose leaders went: nobody in the role, and the missing role named
        int leaderless = 0;
        for (auto row = table.begin() + 1; row != table.end(); ++row)
            if (row->at(leader) == QStringLiteral("0")) {
                ++leaderless;
                QVERIFY2(row->at(problems).contains(QStringLiteral("职务空缺：缺少网格长")),
                         qPrintable(row->at(problems)));
            }
        QCOMPARE(leaderless, 2);
        // a gap where a zone went is its building's, on the building's line
        const CoverageReport::Section& buildings = section(report, mZone - 1);
        qint64 buildingsWithGaps = 0;
        for (const QStringList& row : report.unitTable(buildings))
            buildingsWithGaps += row.last().contains(QStringLiteral("缺口："));
        QCOMPARE(buildingsWithGaps, mRemovedZones);

        // names are personal data: counted unless the user asks for them
        QString leaderName;
        for (const Assignment& assignment : mData.assignments)
            if (assignment.role == QLatin1String("grid_leader"))
                for (const Member& member : mData.members)
                    if (member.id == assignment.memberId && leaderName.isEmpty())
                        leaderName = member.name;
        QVERIFY(!leaderName.isEmpty());
        const auto mentions = [&](const std::vector<QStringList>& rows) {
            return std::any_of(rows.begin(), rows.end(), [&](const QStringList& row) {
                return row.join(QLatin1Char('|')).contains(leaderName);
            });
        };
        QVERIFY(!mentions(report.unitTable(grids)));
        QVERIFY(!mentions(report.combinedUnitTable()));
        report.namesPeople = true;
        QVERIFY(mentions(report.unitTable(grids)));

        // one CSV table of every level's units: every column named, every row as wide
        const std::vector<QStringList> all = report.combinedUnitTable();
        QCOMPARE(all.size(), mData.units.size() + 1);
        for (const QStringList& row : all)
            QCOMPARE(row.size(), all.front().size());
        QVERIFY(!all.front().contains(QString()));
        for (const CoverageReport::Section& s : report.sections)
            for (const QString& role : s.roleNames)
                QVERIFY2(all.front().contains(role), qPrintable(role));

        // CSV holds the table asked for: the problem list too
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("problems.csv"));
        report.write(QStringLiteral("csv"), csv, TableWriter::Encoding::Utf8WithBom,
                     CoverageReport::Table::Problems);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("问题,层级,单元编码,单元名称,面积(平方米),说明")));
        QCOMPARE(text.count(QLatin1Char('\n')), int(report.problemList.size()) + 1);
        QVERIFY(text.contains(mOverfullGrid));

        // the page lists the units too, a level's first PageUnitLimit
        const QString html = report.toHtml();
        QVERIFY(html.contains(QStringLiteral("网格清单（%1 个）").arg(gridCount)));
        QVERIFY(html.contains(QStringLiteral("职务空缺：缺少网格长")));
    }

    void externalCodesGetAColumnWhenAnyUnitHasOne()
    {
        const HierarchyIndex index(mData);
        const CoverageReport without = CoverageReport::of(mData, index, Checker(mData).check());
        QVERIFY(!without.unitTable(section(without, mGrid)).front().contains(QStringLiteral("外部编码")));

        ProjectData data = mData;
        for (Unit& unit : data.units)
            if (unit.code == mOverfullGrid)
                unit.externalCode = QStringLiteral("410105001001001");
        const HierarchyIndex withIndex(data);
        const CoverageReport with = CoverageReport::of(data, withIndex, Checker(data).check());
        const std::vector<QStringList> grids = with.unitTable(section(with, mGrid));
        const int column = static_cast<int>(grids.front().indexOf(QStringLiteral("外部编码")));
        QVERIFY(column > 0);
        const auto row = std::find_if(grids.begin() + 1, grids.end(), [&](const QStringList& cells) {
            return cells.first() == mOverfullGrid;
        });
        QCOMPARE(row->at(column), QStringLiteral("410105001001001"));
        // every level's list has the column, and the combined table keeps every row as wide
        const std::vector<QStringList> all = with.combinedUnitTable();
        const int combinedColumn = static_cast<int>(all.front().indexOf(QStringLiteral("外部编码")));
        QVERIFY(combinedColumn > 0);
        for (const QStringList& cells : all)
            QCOMPARE(cells.size(), all.front().size());
        QVERIFY(std::any_of(all.begin(), all.end(), [&](const QStringList& cells) {
            return cells.at(combinedColumn) == QLatin1String("410105001001001");
        }));
        QVERIFY(all.front().contains(QStringLiteral("网格长"))); // the roles after the fixed columns
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
        // by parent and unit by unit per level, and the problem list
        QCOMPARE(GDALDatasetGetLayerCount(dataset), 2 * mData.hierarchy.levelCount() + 1);
        QVERIFY(GDALDatasetGetLayerByName(dataset, "问题清单"));
        QVERIFY(GDALDatasetGetLayerByName(dataset, "网格清单"));
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
