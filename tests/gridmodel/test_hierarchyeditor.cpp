#include "check/checker.h"
#include "districtgenerator.h"
#include "error.h"
#include "hierarchyeditor.h"
#include "hierarchyindex.h"
#include "outlinevertices.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "sqlitedatabase.h"
#include "streetproject.h"
#include "testsupport.h"
#include "topologynoder.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;
using testsupport::box;
using testsupport::fileBytes;
using testsupport::streetProject;
using testsupport::X;
using testsupport::Y;

namespace {

const char* G1 = "41010500100101";
const char* G2 = "41010500100102";
const char* G3 = "41010500100201";
const char* B1 = "4101050010010101";
const char* B2 = "4101050010010102";
const char* B3 = "4101050010010201";
const char* B4 = "4101050010010202";

MultiPolygon polygonFromPoints(std::initializer_list<Point> points)
{
    MultiPolygon result;
    result.polygons.push_back(Polygon{{Ring(points)}});
    return result;
}

} // namespace

/** Boundary and structure edits on a hand-built street with known areas. */
class TestHierarchyEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    int mFiles = 0;

    QString freshProject()
    {
        const QString file = mDir.filePath(QStringLiteral("street%1.gpkg").arg(++mFiles));
        ProjectFile::create(file, streetProject());
        return file;
    }

    static const Unit& unitAt(const ProjectFile& project, const QString& code)
    {
        const Unit* unit = project.index().unitByCode(code);
        if (!unit)
            qFatal("no unit %s", qPrintable(code));
        return *unit;
    }

    static double area(const ProjectFile& project, const QString& code)
    {
        return unitAt(project, code).boundary.area();
    }

    //! problems that mean the hierarchy is no longer whole: geometry, coverage, counts, codes
    static QStringList brokenCoverage(const ProjectData& data)
    {
        QStringList found;
        const HierarchyIndex index(data);
        for (const Problem& problem : Checker(data).check())
            if (problem.kind != Problem::Kind::MissingRole && problem.kind != Problem::Kind::OutOfBand)
                found << QStringLiteral("%1 %2 %3")
                             .arg(Problem::kindKey(problem.kind), index.unit(problem.units.front())->code,
                                  problem.detail);
        return found;
    }

    //! families whose children do not share their edges vertex for vertex (with each other and the parent)
    static QStringList unnodedFamilies(const ProjectData& data)
    {
        QStringList found;
        const HierarchyIndex index(data);
        for (const Unit& unit : data.units)
            if (!index.children(unit.id).empty() &&
                !Checker::tilesExactly(unit, index.children(unit.id), data.hierarchy.sliverToleranceM2()))
                found << unit.code;
        return found;
    }

    //! every failing call below must leave the file as it was
    //! the first question the project's index answers otherwise than one built afresh; empty for none
    static QString differenceFromRebuilt(const ProjectFile& project, const QSet<UnitId>& everSeen)
    {
        const HierarchyIndex& live = project.index();
        const HierarchyIndex fresh(project.data());
        const auto codes = [](const std::vector<const Unit*>& units) {
            QStringList list;
            for (const Unit* unit : units)
                list << unit->code;
            return list.join(QLatin1Char(','));
        };
        if (live.children(0) != fresh.children(0))
            return QStringLiteral("top level: %1 against %2")
                .arg(codes(live.children(0)), codes(fresh.children(0)));
        UnitId highest = 0;
        for (const Unit& unit : project.data().units) {
            highest = std::max(highest, unit.id);
            if (live.unit(unit.id) != &unit)
                return QStringLiteral("unit %1 not found by id").arg(unit.code);
            if (live.unitByCode(unit.code) != fresh.unitByCode(unit.code))
                return QStringLiteral("code %1 finds another unit").arg(unit.code);
            if (live.children(unit.id) != fresh.children(unit.id))
                return QStringLiteral("children of %1: %2 against %3")
                    .arg(unit.code, codes(live.children(unit.id)), codes(fresh.children(unit.id)));
            if (live.assignments(unit.id) != fresh.assignments(unit.id))
                return QStringLiteral("assignments of %1: %2 against %3")
                    .arg(unit.code)
                    .arg(live.assignments(unit.id).size())
                    .arg(fresh.assignments(unit.id).size());
            const Envelope around = unit.boundary.envelope().grownBy(1);
            if (live.unitsMeeting(around) != fresh.unitsMeeting(around))
                return QStringLiteral("the units around %1 differ").arg(unit.code);
        }
        for (UnitId id : everSeen)
            if (live.unit(id) && !fresh.unit(id))
                return QStringLiteral("unit id %1 is gone but still found").arg(id);
        if (live.nextFreeUnitId() <= highest)
            return QStringLiteral("the next free id %1 is taken").arg(live.nextFreeUnitId());
        if (live.duplicateCodes() != fresh.duplicateCodes())
            return QStringLiteral("codes held twice differ");
        return {};
    }

    template <typename Edit> void expectRefusal(const QString& file, Edit edit, const QString& expected)
    {
        const QByteArray before = fileBytes(file);
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            try {
                edit(*project);
                QFAIL(qPrintable(QStringLiteral("no error; expected one mentioning \"%1\"").arg(expected)));
            } catch (const Error& error) {
                QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
            }
        }
        QCOMPARE(fileBytes(file), before);
    }

private slots:
    void fixtureIsClean()
    {
        const ProjectData data = streetProject();
        QCOMPARE(brokenCoverage(data), QStringList());
    }

    void noderInsertsCornersIntoNeighbours()
    {
        // A box whose east edge runs past the corner of two smaller boxes gains that corner.
        Unit big{1, 0, 0, "1", "big", "", box(0, 0, 10, 20), 0, 0, ""};
        Unit lower{2, 0, 0, "2", "lower", "", box(10, 0, 10, 10), 0, 0, ""};
        Unit upper{3, 0, 0, "3", "upper", "", box(10, 10 + 1e-9, 10, 10 - 1e-9), 0, 0, ""};
        std::vector<size_t> changed;
        TopologyNoder::node({&lower, &upper}, {&big}, &changed);
        QCOMPARE(changed, std::vector<size_t>{0});
        const Ring& ring = big.boundary.polygons.front().rings.front();
        QVERIFY(std::find(ring.begin(), ring.end(), Point{10, 10}) != ring.end());
        QCOMPARE(big.boundary.area(), 200.0);
        // upper's corner 1e-9 m off was snapped onto lower's
        const Ring& upperRing = upper.boundary.polygons.front().rings.front();
        QVERIFY(std::find(upperRing.begin(), upperRing.end(), Point{10, 10}) != upperRing.end());
    }

    void addClipsToParentAndAvoidsSiblings()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        ProjectEditor(*project).deleteUnit(B2, false); // leaves 50 m × 100 m of grid 1 uncovered
        // 80 m × 60 m drawn from 10 m below the grid, over building 1 and into grid 2.
        const auto result = HierarchyEditor(*project).add(
            QStringLiteral("building"), G1, QStringLiteral("新楼"), box(X + 40, Y - 20, 80, 60));
        QCOMPARE(result.codes, QStringList{B2}); // the lowest free code under the grid
        const Unit& added = unitAt(*project, B2);
        QCOMPARE(added.parentId, unitAt(*project, G1).id);
        QVERIFY(qAbs(added.boundary.area() - 50 * 40) < 1e-6); // clipped to x 50–100, y 0–40
        QVERIFY(std::any_of(result.changes.units.begin(), result.changes.units.end(),
                            [](const auto& c) { return !c.before && c.after && c.after->code == B2; }));
        QVERIFY(!result.notes.isEmpty());
        const auto problems = Checker(project->data()).check();
        double gap = 0;
        for (const Problem& problem : problems) {
            QVERIFY2(problem.kind != Problem::Kind::Overlap && problem.kind != Problem::Kind::OutsideParent,
                     qPrintable(problem.detail));
            if (problem.kind == Problem::Kind::Gap)
                gap += problem.areaM2;
        }
        QVERIFY(qAbs(gap - 50 * 60) < 1e-6);

        // Fill: a rough outline touching the rest of the gap takes all of it.
        const auto filled =
            HierarchyEditor(*project).add(QStringLiteral("building"), G1, QStringLiteral("补空"),
                                          box(X + 70, Y + 60, 10, 10), QString(), true);
        QVERIFY(qAbs(area(*project, filled.codes.front()) - 50 * 60) < 1e-6);
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        QCOMPARE(unnodedFamilies(project->data()), QStringList());
    }

    void editsKeepGeoPackageContentsCurrent()
    {
        const QString file = freshProject();
        const auto contents = [&](const QString& table) {
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadOnly);
            SqliteStatement row = db.prepare(
                QStringLiteral("SELECT last_change, max_x FROM gpkg_contents WHERE table_name = ?"));
            row.bind(1, table);
            row.step();
            return std::make_pair(row.text(0), row.real(1));
        };
        const auto before = contents(QStringLiteral("street"));
        QTest::qWait(5); // timestamps have millisecond resolution
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            HierarchyEditor(*project).add(QStringLiteral("street"), QString(), QStringLiteral("新街道"),
                                          box(X + 300, Y, 100, 100));
        }
        const auto after = contents(QStringLiteral("street"));
        QVERIFY2(after.first > before.first, qPrintable(before.first + " " + after.first));
        QCOMPARE(before.second, X + 300);
        QCOMPARE(after.second, X + 400); // readers such as QGIS take the layer extent from here
    }

    void aCodeClashFailsInsteadOfDeletingARow()
    {
        const QString file = freshProject();
        const QByteArray before = fileBytes(file);
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            Unit clash = unitAt(*project, G2);
            clash.code = G1;
            QVERIFY_EXCEPTION_THROWN(
                project->updateUnits({clash}, QStringLiteral("set"), QStringLiteral("clash")), Error);
            QCOMPARE(project->data().units.size(), size_t(11));
        }
        QCOMPARE(fileBytes(file), before);
    }

    void aDrawnOutlineFindsItsParent()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const HierarchyEditor editor(*project);
        QCOMPARE(editor.parentCodeFor(QStringLiteral("building"), box(X + 10, Y + 10, 30, 30)), QString(G1));
        QCOMPARE(editor.parentCodeFor(QStringLiteral("street"), box(X + 10, Y + 10, 30, 30)), QString());
        QVERIFY_EXCEPTION_THROWN(editor.parentCodeFor(QStringLiteral("building"), box(X + 900, Y, 10, 10)),
                                 Error);
    }

    void addRefusesBadInput()
    {
        const QString file = freshProject();
        const QString building = QStringLiteral("building");
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).add(building, G1, QStringLiteral("x"), box(X + 500, Y, 10, 10));
            },
            QStringLiteral("outside"));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).add(
                    building, G1, QStringLiteral("x"),
                    polygonFromPoints({{X, Y}, {X + 10, Y + 10}, {X + 10, Y}, {X, Y + 10}, {X, Y}}));
            },
            QStringLiteral("crosses itself"));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).add(building, G1, QStringLiteral("x"), box(X, Y, 10, 10));
            },
            QStringLiteral("already covered"));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).add(building, "999", QStringLiteral("x"), box(X, Y, 10, 10));
            },
            QStringLiteral("\"999\""));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).add(building, "410105001001", QStringLiteral("x"), box(X, Y, 10, 10));
            },
            QStringLiteral("belongs in a 网格"));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).add(QStringLiteral("street"), QString(), QStringLiteral("x"),
                                       box(X, Y + 200, 10, 10), QStringLiteral("410105001"));
            },
            QStringLiteral("already used"));
    }

    void reshapeMovesTheSharedEdgeForBoth()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // Building 1 takes 20 m of building 2: their shared edge moves from x 50 to x 70.
        const auto result = HierarchyEditor(*project).reshape(B1, box(X, Y, 70, 100));
        // The two buildings change shape; the grid, community and street above only gain the
        // new corners on their edges (topological editing), keeping their area.
        QCOMPARE(result.changes.units.size(), size_t(5));
        for (const auto& change : result.changes.units)
            if (change.after->code != B1 && change.after->code != B2)
                QCOMPARE(change.after->boundary.area(), change.before->boundary.area());
        QVERIFY(qAbs(area(*project, B1) - 7000) < 1e-6);
        QVERIFY(qAbs(area(*project, B2) - 3000) < 1e-6);
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        // Back past the old edge: building 2 takes what building 1 gives up.
        HierarchyEditor(*project).reshape(B1, box(X, Y, 30, 100));
        QVERIFY(qAbs(area(*project, B1) - 3000) < 1e-6);
        QVERIFY(qAbs(area(*project, B2) - 7000) < 1e-6);
        QVERIFY(qAbs(area(*project, G1) - 10000) < 1e-6); // the grid did not move
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        // every shared edge is still shared corner for corner, so validation stays on its fast path
        QCOMPARE(unnodedFamilies(project->data()), QStringList());
    }

    void movingACornerMovesItForBothNeighbours()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // The top of the edge buildings 1 and 2 share, dragged 20 m along the grid's top edge:
        // building 1 gains a 1,000 m² triangle from building 2, the grid keeps its outline.
        const OutlineVertices corners(unitAt(*project, B1).boundary);
        const auto top = corners.vertexNear({X + 50.4, Y + 99.7}, 1.0);
        QVERIFY(top);
        QCOMPARE(corners.at(*top), (Point{X + 50, Y + 100}));
        HierarchyEditor(*project).reshape(B1, corners.moved(*top, {X + 70, Y + 100}));
        QVERIFY(qAbs(area(*project, B1) - 6000) < 1e-6);
        QVERIFY(qAbs(area(*project, B2) - 4000) < 1e-6);
        QVERIFY(qAbs(area(*project, G1) - 10000) < 1e-6);
        for (const char* code : {B1, B2}) // the moved corner is a corner of both
            QVERIFY(OutlineVertices(unitAt(*project, code).boundary).vertexNear({X + 70, Y + 100}, 1e-6));
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        QCOMPARE(unnodedFamilies(project->data()), QStringList());

        // A corner added in the middle of the slanted edge and pulled 10 m into building 1.
        const OutlineVertices slanted(unitAt(*project, B1).boundary);
        Point onEdge;
        const auto edge = slanted.edgeNear({X + 61, Y + 50}, 2.0, &onEdge);
        QVERIFY(edge);
        QVERIFY(qAbs(onEdge.y - (Y + 50)) < 1.0);
        const MultiPolygon withCorner = slanted.inserted(*edge, onEdge);
        QCOMPARE(withCorner.vertexCount(), slanted.outline().vertexCount() + 1);
        const auto added = OutlineVertices(withCorner).vertexNear(onEdge, 1e-9);
        QVERIFY(added);
        HierarchyEditor(*project).reshape(
            B1, OutlineVertices(withCorner).moved(*added, {onEdge.x - 10, onEdge.y}));
        QVERIFY(qAbs(area(*project, B1) - 5500) < 1e-6); // a triangle of 10 m × 100 m given up
        QVERIFY(qAbs(area(*project, B2) - 4500) < 1e-6);

        // That corner removed again: building 2 gives the triangle back.
        const OutlineVertices pulled(unitAt(*project, B1).boundary);
        const auto pulledCorner = pulled.vertexNear({onEdge.x - 10, onEdge.y}, 1e-6);
        QVERIFY(pulledCorner);
        HierarchyEditor(*project).reshape(B1, pulled.removed(*pulledCorner));
        QVERIFY(qAbs(area(*project, B1) - 6000) < 1e-6);
        QVERIFY(qAbs(area(*project, B2) - 4000) < 1e-6);
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        QCOMPARE(unnodedFamilies(project->data()), QStringList());
    }

    void aCornerMovesAtEveryLevelThatSharesIt()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const QString community1 = QStringLiteral("410105001001");
        const QString street = QStringLiteral("410105001");
        auto areasOf = [&](const QStringList& codes) {
            QList<double> areas;
            for (const QString& code : codes)
                areas << std::round(area(*project, code) * 1000) / 1000;
            return areas;
        };
        // Inside a family, on the parent's edge: the top of the edge buildings 1 and 2 share
        // lies on the grid's, the community's and the street's top edge. Pulled 10 m in, every
        // level takes the notch (before, the grid kept its edge and a gap opened).
        HierarchyEditor(*project).moveCorner(B1, {X + 50, Y + 100}, {X + 50, Y + 90});
        QCOMPARE(areasOf({B1, B2, G1, community1, street}), (QList<double>{4750, 4750, 9500, 19500, 29500}));
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        // On the edge between two grids (and two buildings): pushed 20 m out of the street.
        HierarchyEditor(*project).moveCorner(G1, {X + 100, Y + 100}, {X + 100, Y + 120});
        QCOMPARE(areasOf({B2, B3, G1, G2, street}),
                 (QList<double>{4750 + 500, 5000 + 500, 9500 + 500, 10000 + 500, 29500 + 1000}));
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        // Where two communities meet on the street's edge: the corner of both communities, two
        // grids and two buildings, moved out and along.
        const auto moved = HierarchyEditor(*project).moveCorner(B4, {X + 200, Y}, {X + 210, Y - 10});
        QVERIFY(moved.notes.join(QLatin1Char('\n')).contains(QStringLiteral("7")));
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        for (const QString& code :
             {community1, QStringLiteral("410105001002"), QString(G2), QString(G3), street})
            QVERIFY(OutlineVertices(unitAt(*project, code).boundary).vertexNear({X + 210, Y - 10}, 1e-6));
        // A point in the middle of the edge between two grids gains a corner in all four units.
        const double g1 = area(*project, G1);
        HierarchyEditor(*project).moveCorner(B3, {X + 100, Y + 50}, {X + 90, Y + 50});
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        QCOMPARE(unnodedFamilies(project->data()), QStringList());
        for (const char* code : {B2, B3, G1, G2})
            QVERIFY(OutlineVertices(unitAt(*project, code).boundary).vertexNear({X + 90, Y + 50}, 1e-6));
        // ... and removing it puts the edge back for all of them.
        QVERIFY(qAbs(area(*project, G1) - (g1 - 600)) < 1e-6); // a triangle of 120 m × 10 m
        HierarchyEditor(*project).removeCorner(G1, {X + 90, Y + 50});
        QVERIFY(qAbs(area(*project, G1) - g1) < 1e-6);
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        // Each move is one step: undone, the first corner is back where it was.
        for (int step = 0; step < 5; ++step)
            QVERIFY(project->undo());
        QCOMPARE(areasOf({B1, B2, G1, community1, street}), (QList<double>{5000, 5000, 10000, 20000, 30000}));
    }

    void aCornerMoveThatWouldBreakTheHierarchyIsRefused()
    {
        const QString file = freshProject();
        // Dragged across the building's own edge, the outline crosses itself; the error says where.
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).moveCorner(B1, {X, Y}, {X + 60, Y + 50});
            },
            QStringLiteral("crosses itself"));
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            try {
                HierarchyEditor(*project).moveCorner(B1, {X, Y}, {X + 60, Y + 50});
                QFAIL("a self-crossing outline was accepted");
            } catch (const Error& error) {
                QVERIFY(error.place().has_value());
                QVERIFY(qAbs(error.place()->x - (X + 50)) < 1e-6);
            }
        }
        {
            // Where two buildings meet the grid's edge, the corner cannot go from both (each
            // would lose a triangle the grid keeps): building 1 alone loses it, and building 2
            // takes the triangle.
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            HierarchyEditor(*project).removeCorner(B1, {X + 50, Y + 100});
            QVERIFY(qAbs(area(*project, B1) - 2500) < 1e-6);
            QVERIFY(qAbs(area(*project, B2) - 7500) < 1e-6);
            QCOMPARE(brokenCoverage(project->data()), QStringList());
            QVERIFY(project->undo());
        }
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).moveCorner(B1, {X + 20, Y + 30}, {X, Y});
            },
            QStringLiteral("has no corner or edge"));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).moveCorner(B1, {X, Y}, {X, Y});
            },
            QStringLiteral("Nothing would change"));
    }

    void aReshapeNeverLeavesAGapOnItsParentsEdge()
    {
        const QString file = freshProject();
        // Building 1 drawn 10 m short of the grid's west edge: no other building borders the
        // strip, so it would be a gap. Refused, pointing to the vertex tool.
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).reshape(B1, box(X + 10, Y, 40, 100)); },
            QStringLiteral("gap"));
        // A grid whose new outline its buildings do not follow says what held it.
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).reshape(G1, box(X, Y, 110, 100)); },
            QStringLiteral("follows its"));
    }

    void outlineCornersAreAddressedAndKeptClosed()
    {
        const MultiPolygon square = box(0, 0, 10, 10);
        const OutlineVertices corners(square);
        QVERIFY(!corners.vertexNear({5, 5}, 1.0)); // nothing within the tolerance
        const auto first = corners.vertexNear({0.2, -0.1}, 1.0);
        QVERIFY(first);
        QCOMPARE(first->vertex, 0);
        // Moving or removing the first corner moves the closing point with it.
        const Ring moved = corners.moved(*first, {-2, -2}).polygons[0].rings[0];
        QCOMPARE(moved.front(), (Point{-2, -2}));
        QCOMPARE(moved.back(), (Point{-2, -2}));
        const MultiPolygon pentagon = corners.inserted(*corners.edgeNear({5, 0.3}, 1.0), {5, -3});
        QCOMPARE(pentagon.vertexCount(), square.vertexCount() + 1);
        QVERIFY(qAbs(pentagon.area() - 115) < 1e-9);
        const Ring fewer = OutlineVertices(pentagon).removed({0, 0, 0}).polygons[0].rings[0];
        QCOMPARE(fewer.size(), size_t(5));
        QCOMPARE(fewer.front(), fewer.back());
        QCOMPARE(fewer.front(), (Point{5, -3}));
        // A triangle keeps its three corners; a corner that is not there is refused.
        const OutlineVertices triangle(
            OutlineVertices(OutlineVertices(pentagon).removed({0, 0, 0})).removed({0, 0, 0}));
        QCOMPARE(triangle.outline().vertexCount(), 4);
        for (const OutlineVertices::Vertex& bad :
             {OutlineVertices::Vertex{0, 0, 1}, OutlineVertices::Vertex{0, 0, 7},
              OutlineVertices::Vertex{1, 0, 0}}) {
            try {
                bad.vertex == 1 ? triangle.removed(bad) : triangle.moved(bad, {1, 1});
                QFAIL("an impossible corner edit was accepted");
            } catch (const Error& error) {
                QCOMPARE(error.kind(), Error::Kind::InvalidInput);
            }
        }
    }

    void reshapeWithChildrenSnapsToThem()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // Grid 1 is redrawn 30 m into grid 2: that takes 60 % of building 3, which moves whole.
        const auto result = HierarchyEditor(*project).reshape(G1, box(X, Y, 130, 100));
        QVERIFY(result.notes.join(QLatin1Char('\n')).contains(QStringLiteral("3号楼")));
        QVERIFY(qAbs(area(*project, G1) - 15000) < 1e-6);
        QVERIFY(qAbs(area(*project, G2) - 5000) < 1e-6);
        const Unit& moved = unitAt(*project, G1 + QStringLiteral("03"));
        QCOMPARE(moved.name, QStringLiteral("3号楼"));
        QVERIFY(qAbs(moved.boundary.area() - 5000) < 1e-6); // not cut
        QCOMPARE(unitAt(*project, G1).households, qint64(370));
        QCOMPARE(unitAt(*project, G2).households, qint64(130));
        QCOMPARE(unitAt(*project, QStringLiteral("410105001001")).households, qint64(500));
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        QCOMPARE(unnodedFamilies(project->data()), QStringList());
    }

    void reshapeClipsToParentAndUndoesAfterReopening()
    {
        const QString file = freshProject();
        MultiPolygon original;
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            original = unitAt(*project, B3).boundary;
            // Drawn from 10 m into grid 1 to x 160: clipped to its grid at x 100.
            HierarchyEditor(*project).reshape(B3, box(X + 90, Y, 70, 100));
            QVERIFY(qAbs(area(*project, B3) - 6000) < 1e-6);
            QVERIFY(qAbs(area(*project, B4) - 4000) < 1e-6);
            QVERIFY(qAbs(area(*project, B2) - 5000) < 1e-6);
            // Cut back to 60 m × 60 m: building 4 borders the strip given up and takes it.
            HierarchyEditor(*project).reshape(B3, box(X + 100, Y, 60, 60));
            QVERIFY(qAbs(area(*project, B3) - 3600) < 1e-6);
            QVERIFY(qAbs(area(*project, B4) - 6400) < 1e-6);
            QCOMPARE(brokenCoverage(project->data()), QStringList());
        }
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            QVERIFY(project->undo());
            QVERIFY(qAbs(area(*project, B3) - 6000) < 1e-6);
            QVERIFY(qAbs(area(*project, B4) - 4000) < 1e-6);
            QCOMPARE(brokenCoverage(project->data()), QStringList());
            QVERIFY(project->redo());
            QVERIFY(qAbs(area(*project, B3) - 3600) < 1e-6);
            QVERIFY(project->undo() && project->undo());
            QCOMPARE(unitAt(*project, B3).boundary, original);
        }
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).reshape(B3, box(X + 100, Y - 50, 50, 200)); },
            QStringLiteral("Nothing would change"));
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).reshape(B3, box(X + 100, Y, 100, 100)); },
            QStringLiteral("swallow"));
    }

    void splitLineCrossingAChild()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // A line at x 60 cuts building 2 (x 50–100) 10 m : 40 m; it goes whole to the east part.
        const auto result = HierarchyEditor(*project).split(G1, {{X + 60, Y - 10}, {X + 60, Y + 110}});
        QCOMPARE(result.codes.size(), 2);
        QCOMPARE(result.codes.front(), QString(G1));
        const QString east = result.codes.at(1);
        QCOMPARE(east, QStringLiteral("41010500100103"));
        QVERIFY(result.notes.join(QLatin1Char('\n')).contains(QStringLiteral("2号楼")));
        QVERIFY(qAbs(area(*project, G1) - 5000) < 1e-6);
        QVERIFY(qAbs(area(*project, east) - 5000) < 1e-6);
        const Unit& movedBuilding = unitAt(*project, east + QStringLiteral("02"));
        QCOMPARE(movedBuilding.name, QStringLiteral("2号楼"));
        QVERIFY(qAbs(movedBuilding.boundary.area() - 5000) < 1e-6); // not cut
        QCOMPARE(unitAt(*project, G1).households, qint64(100));
        QCOMPARE(unitAt(*project, east).households, qint64(150));
        QCOMPARE(unitAt(*project, east).residents, qint64(360));
        QCOMPARE(unitAt(*project, QStringLiteral("410105001001")).households, qint64(500));
        // the members stay with the part that keeps the code
        for (const Assignment& a : project->data().assignments)
            if (a.role == QLatin1String("grid_leader") && a.memberId == 1)
                QVERIFY(a.unitId == unitAt(*project, G1).id || a.unitId == unitAt(*project, G3).id);
        QCOMPARE(brokenCoverage(project->data()), QStringList());
    }

    void aSplitSaysWhenItsCountsComeFromTheChildren()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // The planner typed 350 households for grid 1; its buildings hold 250.
        ProjectEditor::Attributes typed;
        typed.households = 350;
        ProjectEditor(*project).setAttributes(G1, typed);
        const auto result = HierarchyEditor(*project).split(G1, {{X + 50, Y - 10}, {X + 50, Y + 110}});
        const QString notes = result.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("250 households instead of 350 (−100)")), qPrintable(notes));
        QCOMPARE(unitAt(*project, G1).households + unitAt(*project, result.codes.at(1)).households,
                 qint64(250));
        // A split whose children already add up says nothing about counts.
        const auto quiet = HierarchyEditor(*project).split(G2, {{X + 150, Y - 10}, {X + 150, Y + 110}});
        QVERIFY(!quiet.notes.join(QLatin1Char('\n')).contains(QStringLiteral("instead of")));
    }

    void splitALeafSharesCounts()
    {
        const QString file = freshProject();
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            // Building 1 (50 m × 100 m, 100 households, 240 residents) cut at y 25: 75 % and 25 %.
            const auto byArea = HierarchyEditor(*project).split(B1, {{X - 5, Y + 25}, {X + 55, Y + 25}});
            QCOMPARE(unitAt(*project, B1).households, qint64(75));
            QCOMPARE(unitAt(*project, B1).residents, qint64(180));
            QCOMPARE(unitAt(*project, byArea.codes.at(1)).households, qint64(25));
            QVERIFY(qAbs(area(*project, byArea.codes.at(1)) - 1250) < 1e-6);
            QCOMPARE(unitAt(*project, G1).households, qint64(250));
            QVERIFY(project->undo());

            // Manual counts that add up to more: the parents follow.
            SplitCounts manual{SplitCounts::Rule::Manual, {70, 40}, {200, 90}};
            HierarchyEditor(*project).split(B1, {{X - 5, Y + 25}, {X + 55, Y + 25}}, manual);
            QCOMPARE(unitAt(*project, B1).households, qint64(70));
            QCOMPARE(unitAt(*project, G1).households, qint64(260));
            QCOMPARE(unitAt(*project, QStringLiteral("410105001")).households, qint64(710));
            QCOMPARE(brokenCoverage(project->data()), QStringList());
        }

        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).split(B3, {{X + 110, Y + 10}, {X + 120, Y + 20}});
            },
            QStringLiteral("does not cut"));
        expectRefusal(
            file,
            [&](ProjectFile& p) {
                HierarchyEditor(p).split(B3, {{X + 110, Y - 10}, {X + 110, Y + 110}},
                                         SplitCounts{SplitCounts::Rule::Manual, {1}, {1}});
            },
            QStringLiteral("give 2 household"));
    }

    void mergeNonAdjacentSiblings()
    {
        const QString file = freshProject();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // Communities 001 and 002 touch; merge grid 1 and the far building's grid instead:
        // first give grid 002-01 to community 001 so the two grids are non-adjacent siblings.
        HierarchyEditor(*project).move(G3, QStringLiteral("410105001001"));
        const QString farGrid = QStringLiteral("41010500100103");
        QVERIFY(qAbs(area(*project, QStringLiteral("410105001001")) - 30000) < 1e-6);
        QVERIFY(area(*project, QStringLiteral("410105001002")) < 1e-6);

        const auto result = HierarchyEditor(*project).merge({G1, farGrid}, QStringLiteral("合并网格"));
        const Unit& merged = unitAt(*project, G1);
        QCOMPARE(merged.name, QStringLiteral("合并网格"));
        QCOMPARE(merged.boundary.polygons.size(), size_t(2));
        QVERIFY(qAbs(merged.boundary.area() - 20000) < 1e-6);
        QCOMPARE(merged.households, qint64(450));
        QVERIFY(!project->index().unitByCode(farGrid));
        // the far grid's building joins the merged grid under the next free code
        QCOMPARE(unitAt(*project, G1 + QStringLiteral("03")).name, QStringLiteral("5号楼"));
        // 张三 led both grids: one assignment is left
        int leaders = 0;
        for (const Assignment& a : project->data().assignments)
            leaders += a.unitId == merged.id && a.role == QLatin1String("grid_leader");
        QCOMPARE(leaders, 1);
        // the merged unit may take the code of either
        QVERIFY(project->undo());
        const auto renumbered = HierarchyEditor(*project).merge({G1, farGrid}, QString(), farGrid);
        QCOMPARE(renumbered.codes, QStringList{farGrid});
        QVERIFY(!project->index().unitByCode(G1));
        QCOMPARE(unitAt(*project, farGrid).name, QStringLiteral("第1网格"));
        QCOMPARE(unitAt(*project, farGrid + QStringLiteral("01")).name, QStringLiteral("1号楼"));
        QCOMPARE(project->index().children(unitAt(*project, farGrid).id).size(), size_t(3));
        QVERIFY(project->undo());
        HierarchyEditor(*project).merge({G1, farGrid}, QStringLiteral("合并网格"));
        // allowed, but a grid must be one piece in this template
        QStringList broken = brokenCoverage(project->data());
        QVERIFY2(broken.filter(QStringLiteral("not_contiguous ") + G1).size() == 1,
                 qPrintable(broken.join('\n')));
    }

    void assignAcrossCommunitiesMovesAreaAndCounts()
    {
        const QString file = freshProject();
        auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        // Paint building 4 (east of community 001) into community 002's grid: both grids,
        // and both communities, follow as the union of their children.
        const auto result = HierarchyEditor(*project).assign(G3, {B4});
        QCOMPARE(result.codes, QStringList{G3 + QStringLiteral("02")});
        QVERIFY(qAbs(area(*project, G3) - 15000) < 1e-6);
        QVERIFY(qAbs(area(*project, G2) - 5000) < 1e-6);
        QVERIFY(qAbs(area(*project, QStringLiteral("410105001001")) - 15000) < 1e-6);
        QVERIFY(qAbs(area(*project, QStringLiteral("410105001002")) - 15000) < 1e-6);
        QCOMPARE(unitAt(*project, G3).households, qint64(330));
        QCOMPARE(unitAt(*project, QStringLiteral("410105001001")).households, qint64(370));
        QCOMPARE(unitAt(*project, QStringLiteral("410105001")).households, qint64(700));
        QCOMPARE(brokenCoverage(project->data()), QStringList());
        QCOMPARE(unitAt(*project, G3).boundary.polygons.size(), size_t(1));
        QCOMPARE(unnodedFamilies(project->data()), QStringList());
        project.reset(); // the refusals below open the file themselves

        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).assign(G3, {G1}); },
            QStringLiteral("can only take"));
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).assign(G1, {B1}); },
            QStringLiteral("already belongs"));
    }

    /**
     * The project's index follows every edit, undo and redo in place (units added, removed and
     * moved in memory, assignments moved): it must answer every question as one built afresh.
     */
    void theIndexFollowsEditsAsARebuiltOneSeesThem()
    {
        const QString file = mDir.filePath(QStringLiteral("followed.gpkg"));
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::syntheticOptions(600, 11)));
        auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const int gridLevel = project->data().hierarchy.levelIndex(QStringLiteral("grid"));
        QVERIFY(gridLevel > 0);
        project->index().unitsMeeting(project->data().units.front().boundary.envelope()); // grids made
        QSet<UnitId> everSeen;
        QRandomGenerator random(5);
        int edits = 0, undos = 0, refused = 0;
        const auto randomGrid = [&]() -> const Unit* {
            std::vector<const Unit*> grids;
            for (const Unit& unit : project->data().units)
                if (unit.level == gridLevel)
                    grids.push_back(&unit);
            return grids[random.bounded(int(grids.size()))];
        };
        for (int step = 0; step < 60; ++step) {
            for (const Unit& unit : project->data().units)
                everSeen.insert(unit.id);
            const int what = random.bounded(6);
            try {
                const Unit* grid = randomGrid();
                const std::vector<const Unit*>& siblings = project->index().children(grid->parentId);
                const Envelope box = grid->boundary.envelope();
                if (what == 0) {
                    HierarchyEditor(*project).split(
                        grid->code, {{box.center().x, box.minY - 1}, {box.center().x, box.maxY + 1}});
                } else if (what == 1 && siblings.size() > 1) {
                    const Unit* other = siblings.front() == grid ? siblings[1] : siblings.front();
                    HierarchyEditor(*project).merge({grid->code, other->code});
                } else if (what == 2 && siblings.size() > 1 && !project->index().children(grid->id).empty()) {
                    const Unit* other = siblings.front() == grid ? siblings[1] : siblings.front();
                    HierarchyEditor(*project).move(project->index().children(grid->id).front()->code,
                                                   other->code);
                } else if (what == 3 || what == 4) {
                    undos += project->undo() ? 1 : 0;
                    continue;
                } else {
                    project->redo();
                    continue;
                }
                ++edits;
            } catch (const Error&) {
                ++refused; // said why; nothing changed
            }
            const QString difference = differenceFromRebuilt(*project, everSeen);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(QStringLiteral("step %1: %2").arg(step).arg(difference)));
        }
        QVERIFY2(
            edits >= 15 && undos >= 10,
            qPrintable(QStringLiteral("%1 edits, %2 undos, %3 refused").arg(edits).arg(undos).arg(refused)));
        // what it followed is what the file holds
        const ProjectData inMemory = project->data();
        project.reset();
        const auto reopened = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QCOMPARE(reopened->data().units.size(), inMemory.units.size());
        QCOMPARE(reopened->data().assignments.size(), inMemory.assignments.size());
        const HierarchyIndex before(inMemory);
        for (const Unit& unit : reopened->data().units) {
            const Unit* was = before.unit(unit.id);
            QVERIFY(was);
            QCOMPARE(was->code, unit.code);
            QCOMPARE(was->parentId, unit.parentId);
            QCOMPARE(was->households, unit.households);
            QVERIFY(was->boundary == unit.boundary);
        }
    }

    void recodeFollowsTheScheme()
    {
        const QString file = freshProject();
        auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        HierarchyEditor(*project).recode(G1, QStringLiteral("41010500100109"));
        QCOMPARE(unitAt(*project, QStringLiteral("4101050010010901")).name, QStringLiteral("1号楼"));
        QVERIFY(!project->index().unitByCode(B1));
        project.reset(); // the refusals below open the file themselves
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).recode(G2, QStringLiteral("4101050010010x")); },
            QStringLiteral("digits"));
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).recode(G2, QStringLiteral("41010500100201")); },
            QStringLiteral("already used"));
        expectRefusal(
            file, [&](ProjectFile& p) { HierarchyEditor(p).recode(G2, QStringLiteral("41010500200105")); },
            QStringLiteral("parent's code"));
    }
};

QTEST_GUILESS_MAIN(TestHierarchyEditor)
#include "test_hierarchyeditor.moc"
