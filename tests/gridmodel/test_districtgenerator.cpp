#include "districtgenerator.h"
#include "geosengine.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>
#include <map>

using namespace gridmodel;

namespace {

struct Segment
{
    Point a, b;
    bool operator<(const Segment& o) const
    {
        return std::tie(a.x, a.y, b.x, b.y) < std::tie(o.a.x, o.a.y, o.b.x, o.b.y);
    }
};

std::vector<const Unit*> unitsAt(const ProjectData& data, int level)
{
    std::vector<const Unit*> result;
    for (const Unit& unit : data.units)
        if (unit.level == level)
            result.push_back(&unit);
    return result;
}

} // namespace

class TestDistrictGenerator : public QObject
{
    Q_OBJECT

private:
    ProjectData mDemo;

private slots:
    void initTestCase() { mDemo = DistrictGenerator::generate(DistrictGenerator::demoOptions()); }

    void demoHasTheAdvertisedSize()
    {
        QCOMPARE(mDemo.hierarchy.key(), QStringLiteral("five-level"));
        QCOMPARE(mDemo.crsEpsg, 4547);
        QCOMPARE(unitsAt(mDemo, 0).size(), size_t(2));
        const size_t communities = unitsAt(mDemo, 1).size(), grids = unitsAt(mDemo, 2).size();
        const size_t buildings = unitsAt(mDemo, 3).size(), zones = unitsAt(mDemo, 4).size();
        QVERIFY2(communities >= 7 && communities <= 9, qPrintable(QString::number(communities)));
        QVERIFY2(grids >= 40 && grids <= 60, qPrintable(QString::number(grids)));
        QVERIFY2(buildings >= 170 && buildings <= 230, qPrintable(QString::number(buildings)));
        QVERIFY2(zones >= 720 && zones <= 880, qPrintable(QString::number(zones)));
        QVERIFY2(mDemo.members.size() >= 350 && mDemo.members.size() <= 650,
                 qPrintable(QString::number(mDemo.members.size())));
    }

    void namesAndCodes()
    {
        QSet<QString> codes;
        QHash<UnitId, const Unit*> byId;
        for (const Unit& unit : mDemo.units)
            byId.insert(unit.id, &unit);
        for (const Unit& unit : mDemo.units) {
            QVERIFY2(!codes.contains(unit.code), qPrintable(unit.code));
            codes.insert(unit.code);
            QVERIFY(!unit.name.isEmpty());
            QVERIFY2(unit.name.contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]")), qPrintable(unit.name));
            if (unit.parentId) {
                const Unit* parent = byId.value(unit.parentId);
                QVERIFY(parent);
                QCOMPARE(parent->level, unit.level - 1);
                QVERIFY(unit.code.startsWith(parent->code));
                QCOMPARE(unit.code.size() - parent->code.size(),
                         mDemo.hierarchy.level(unit.level).codeDigits);
            } else {
                QCOMPARE(unit.level, 0);
            }
        }
        QVERIFY(unitsAt(mDemo, 0).front()->name.endsWith(QStringLiteral("街道")));
        QVERIFY(unitsAt(mDemo, 1).front()->name.endsWith(QStringLiteral("社区")));
    }

    void geometryIsValidAndDetailed()
    {
        GeosEngine geos;
        for (const Unit& unit : mDemo.units) {
            const QString reason = geos.invalidityReason(unit.boundary);
            QVERIFY2(reason.isEmpty(), qPrintable(unit.code + ": " + reason));
            QCOMPARE(unit.boundary.polygons.size(), size_t(1));
            QVERIFY(signedRingArea(unit.boundary.polygons[0].rings[0]) > 0); // counter-clockwise
        }
        for (const Unit* zone : unitsAt(mDemo, 4))
            QVERIFY2(zone->boundary.vertexCount() - 1 >= 10, qPrintable(zone->code));
    }

    void parentsAreTheUnionOfTheirChildren()
    {
        GeosEngine geos;
        QHash<UnitId, std::vector<const MultiPolygon*>> children;
        for (const Unit& unit : mDemo.units)
            if (unit.parentId)
                children[unit.parentId].push_back(&unit.boundary);
        for (const Unit& unit : mDemo.units) {
            if (unit.level == 4)
                continue;
            const auto& parts = children.value(unit.id);
            QVERIFY(!parts.empty());
            double sum = 0;
            for (const MultiPolygon* part : parts)
                sum += part->area();
            QVERIFY2(std::abs(sum - unit.boundary.area()) < 1e-6 * unit.boundary.area(),
                     qPrintable(unit.code));
            const double difference = geos.symmetricDifferenceArea(geos.coverageUnion(parts), unit.boundary);
            QVERIFY2(difference < 1e-3, qPrintable(QString("%1: %2 m²").arg(unit.code).arg(difference)));
        }
    }

    void neighboursShareEdgesExactly()
    {
        // Every edge of a zone is walked once the other way by its neighbour, except the
        // edges on the district's outline; no T-junctions, no slivers.
        std::map<Segment, int> segments;
        for (const Unit* zone : unitsAt(mDemo, 4)) {
            const Ring& ring = zone->boundary.polygons[0].rings[0];
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                ++segments[Segment{ring[i], ring[i + 1]}];
        }
        GeosEngine geos;
        std::vector<const MultiPolygon*> streets;
        for (const Unit* street : unitsAt(mDemo, 0))
            streets.push_back(&street->boundary);
        const MultiPolygon district = geos.coverageUnion(streets);
        QCOMPARE(district.polygons.size(), size_t(1));
        size_t unmatched = 0;
        for (const auto& [segment, count] : segments) {
            QCOMPARE(count, 1);
            if (!segments.count(Segment{segment.b, segment.a}))
                ++unmatched;
        }
        QCOMPARE(unmatched, district.polygons[0].rings[0].size() - 1);
    }

    void countsRollUpAndStayInBand()
    {
        QHash<UnitId, qint64> households, residents;
        for (const Unit& unit : mDemo.units)
            if (unit.parentId) {
                households[unit.parentId] += unit.households;
                residents[unit.parentId] += unit.residents;
            }
        for (const Unit& unit : mDemo.units) {
            QVERIFY(unit.households > 0);
            QVERIFY(unit.residents >= unit.households);
            if (unit.level < 4) {
                QCOMPARE(unit.households, households.value(unit.id));
                QCOMPARE(unit.residents, residents.value(unit.id));
            }
            const TargetBand band = mDemo.hierarchy.level(unit.level).households;
            QVERIFY2(band.contains(unit.households),
                     qPrintable(QString("%1 %2 households").arg(unit.code).arg(unit.households)));
        }
    }

    void requiredRolesAreFilledAndLinksKeepTheRatio()
    {
        QHash<UnitId, QSet<QString>> roles;
        QSet<MemberId> members;
        for (const Member& member : mDemo.members) {
            members.insert(member.id);
            QVERIFY(QRegularExpression("^1[3-9]\\d{9}$").match(member.phone).hasMatch());
            QVERIFY(member.gender == QStringLiteral("男") || member.gender == QStringLiteral("女"));
        }
        for (const Assignment& assignment : mDemo.assignments) {
            QVERIFY(members.contains(assignment.memberId));
            roles[assignment.unitId].insert(assignment.role);
        }
        for (const Unit& unit : mDemo.units)
            for (const RoleDefinition& role : mDemo.hierarchy.level(unit.level).roles)
                if (role.required)
                    QVERIFY2(roles.value(unit.id).contains(role.key),
                             qPrintable(unit.code + " lacks " + role.key));
        const RatioRule& rule = mDemo.hierarchy.ratioRules().front();
        for (const Assignment& assignment : mDemo.assignments)
            if (assignment.role == rule.roleKey)
                QVERIFY(rule.householdsPerMember.contains(assignment.linkedHouseholds));
    }

    void deterministicForASeed()
    {
        const ProjectData again = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        QCOMPARE(again.units.size(), mDemo.units.size());
        for (size_t i = 0; i < again.units.size(); ++i) {
            QCOMPARE(again.units[i].code, mDemo.units[i].code);
            QVERIFY(again.units[i].boundary == mDemo.units[i].boundary);
            QCOMPARE(again.units[i].households, mDemo.units[i].households);
        }
        QCOMPARE(again.members.back().phone, mDemo.members.back().phone);
        const ProjectData other = DistrictGenerator::generate(DistrictGenerator::syntheticOptions(800, 2));
        const ProjectData other2 = DistrictGenerator::generate(DistrictGenerator::syntheticOptions(800, 3));
        QVERIFY(!(other.units.back().boundary == other2.units.back().boundary));
    }

    void syntheticSizes_data()
    {
        QTest::addColumn<QString>("templateKey");
        QTest::addColumn<int>("leaves");
        QTest::newRow("five-level 5000") << "five-level" << 5000;
        QTest::newRow("five-level 30") << "five-level" << 30;
        QTest::newRow("household 3000") << "five-level-household" << 3000;
        QTest::newRow("four-level 2000") << "four-level" << 2000;
    }

    void syntheticSizes()
    {
        QFETCH(QString, templateKey);
        QFETCH(int, leaves);
        DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(leaves, 11);
        options.templateKey = templateKey;
        const ProjectData data = DistrictGenerator::generate(options);
        const size_t count = unitsAt(data, data.hierarchy.levelCount() - 1).size();
        QVERIFY2(std::abs(double(count) - leaves) <= 0.1 * leaves + 2, qPrintable(QString::number(count)));
        GeosEngine geos;
        for (const Unit& unit : data.units)
            QVERIFY2(geos.isValid(unit.boundary), qPrintable(unit.code));
        const TargetBand leafBand = data.hierarchy.levels().back().households;
        for (const Unit* leaf : unitsAt(data, data.hierarchy.levelCount() - 1))
            QVERIFY(leafBand.contains(leaf->households));
    }
};

QTEST_GUILESS_MAIN(TestDistrictGenerator)
#include "test_districtgenerator.moc"
