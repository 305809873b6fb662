#include "boundaryexport.h"
#include "boundaryimport.h"
#include "check/checker.h"
#include "districtgenerator.h"
#include "error.h"
#include "geosengine.h"
#include "hierarchyindex.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "testsupport.h"
#include "textencoding.h"
#include "vectorsource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace gridmodel;

/** Boundaries brought in from GIS files: round trips, encodings, bad features, all or nothing. */
class TestBoundaryImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    ProjectData mDemo = DistrictGenerator::generate(DistrictGenerator::demoOptions());

    QString path(const QString& name) const { return testsupport::freshPath(mDir, name); }

    //! a project with the demo's template and CRS and no units
    std::unique_ptr<ProjectFile> emptyProject()
    {
        ProjectData empty;
        empty.name = QStringLiteral("导入测试");
        empty.crsEpsg = mDemo.crsEpsg;
        empty.hierarchy = mDemo.hierarchy;
        const QString file = path(QStringLiteral("empty.gpkg"));
        ProjectFile::create(file, empty);
        return ProjectFile::open(file, ProjectFile::Access::ReadWrite);
    }

    //! the demo's units of the levels above `level`, as a project to import into
    std::unique_ptr<ProjectFile> projectAbove(int level)
    {
        ProjectData data = mDemo;
        data.members.clear();
        data.assignments.clear();
        data.units.erase(std::remove_if(data.units.begin(), data.units.end(),
                                        [level](const Unit& unit) { return unit.level >= level; }),
                         data.units.end());
        const QString file = path(QStringLiteral("above.gpkg"));
        ProjectFile::create(file, data);
        return ProjectFile::open(file, ProjectFile::Access::ReadWrite);
    }

    ImportPlan plan(ProjectFile& project, const QString& source, int level,
                    const QString& mapping = QString(), bool repair = false)
    {
        const VectorSource read = VectorSource::read(source, project.data().crsEpsg);
        BoundaryImport::Options options;
        options.level = level;
        options.repairInvalid = repair;
        options.mapping = FieldMapping::guess(read.fields);
        options.mapping.set(mapping, read.fields);
        return BoundaryImport::plan(project.data(), project.index(), read, options);
    }

    //! a GeoJSON file in EPSG:4547 with the given features ("properties" and WKT-free coordinates)
    QString geoJson(const QStringList& features)
    {
        const QString file = path(QStringLiteral("source.geojson"));
        QFile out(file);
        out.open(QIODevice::WriteOnly);
        out.write(QStringLiteral("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                                 "{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":[%1]}")
                      .arg(features.join(QLatin1Char(',')))
                      .toUtf8());
        return file;
    }

    static QString feature(const QString& properties, const QString& geometry)
    {
        return QStringLiteral("{\"type\":\"Feature\",\"properties\":{%1},\"geometry\":%2}")
            .arg(properties, geometry);
    }

    //! a square polygon inside the first community of the demo (south-west corner + size)
    QString squareInCommunity(double dx, double dy, double size) const
    {
        const Unit* community = nullptr;
        for (const Unit& unit : mDemo.units)
            if (unit.level == 1 && (!community || unit.code < community->code))
                community = &unit;
        const Point at = GeosEngine().pointOnSurface(community->boundary);
        const double x = at.x + dx, y = at.y + dy;
        return QStringLiteral(
                   "{\"type\":\"Polygon\",\"coordinates\":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}")
            .arg(x, 0, 'f', 3)
            .arg(y, 0, 'f', 3)
            .arg(x + size, 0, 'f', 3)
            .arg(y + size, 0, 'f', 3);
    }

    QString firstCommunityCode() const
    {
        QString code;
        for (const Unit& unit : mDemo.units)
            if (unit.level == 1 && (code.isEmpty() || unit.code < code))
                code = unit.code;
        return code;
    }

private slots:
    void initTestCase() { QVERIFY(mDir.isValid()); }

    void exportThenImportGivesTheSameUnits_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("mapping");
        QTest::addColumn<double>("tolerance");                    // m² of symmetric difference per unit
        QTest::newRow("shapefile") << "shp" << QString() << 0.01; // written to the µm
        QTest::newRow("geopackage") << "gpkg" << QString() << 0.01;
        QTest::newRow("geojson (WGS 84)") << "geojson" << QString() << 0.05;
        QTest::newRow("kml (WGS 84)") << "kml" << QString() << 0.05;
        QTest::newRow("dxf (codes in CAD layers)") << "dxf"
                                                   << "name=Layer" << 0.01;
    }

    void exportThenImportGivesTheSameUnits()
    {
        QFETCH(QString, format);
        QFETCH(QString, mapping);
        QFETCH(double, tolerance);
        const int grid = mDemo.hierarchy.levelIndex(QStringLiteral("grid"));
        auto project = projectAbove(grid);
        const HierarchyIndex demoIndex(mDemo);
        const QString exported = path(QStringLiteral("grids.") + format);
        const int written =
            BoundaryExport::write(mDemo, demoIndex, grid, 0, *BoundaryExport::formatByName(format), exported);
        const ImportPlan imported = plan(*project, exported, grid, mapping);
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        imported.apply(*project);

        int compared = 0;
        const GeosEngine geos;
        for (const Unit& original : mDemo.units) {
            if (original.level != grid)
                continue;
            const Unit* back = project->index().unitByCode(original.code);
            QVERIFY2(back, qPrintable(original.code));
            QCOMPARE(back->level, grid);
            QCOMPARE(project->index().unit(back->parentId)->code, demoIndex.unit(original.parentId)->code);
            if (format != QLatin1String("dxf")) { // a drawing carries only the code
                QCOMPARE(back->name, original.name);
                QCOMPARE(back->households, original.households);
                QCOMPARE(back->residents, original.residents);
                QCOMPARE(back->organisation, original.organisation);
            }
            QVERIFY2(geos.symmetricDifferenceArea(back->boundary, original.boundary) < tolerance,
                     qPrintable(QStringLiteral("%1: %2 m²")
                                    .arg(original.code)
                                    .arg(geos.symmetricDifferenceArea(back->boundary, original.boundary))));
            ++compared;
        }
        QCOMPARE(compared, written);
        QCOMPARE(static_cast<int>(project->history().size()), 2); // created, imported: one step
    }

    void importedCountsAreCarriedUpToEveryLevelAbove()
    {
        // streets and communities imported without counts, as real files come
        const int grid = mDemo.hierarchy.levelIndex(QStringLiteral("grid"));
        ProjectData above = mDemo;
        above.members.clear();
        above.assignments.clear();
        above.units.erase(std::remove_if(above.units.begin(), above.units.end(),
                                         [grid](const Unit& unit) { return unit.level >= grid; }),
                          above.units.end());
        for (Unit& unit : above.units)
            unit.households = unit.residents = 0;
        const QString file = path(QStringLiteral("uncounted.gpkg"));
        ProjectFile::create(file, above);
        auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);

        const HierarchyIndex demoIndex(mDemo);
        const QString grids = path(QStringLiteral("grids.geojson"));
        BoundaryExport::write(mDemo, demoIndex, grid, 0, BoundaryExport::Format::GeoJson, grids);
        const ImportPlan imported = plan(*project, grids, grid);
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        QVERIFY2(imported.noteText().contains(QStringLiteral("carried up")), qPrintable(imported.noteText()));
        imported.apply(*project);
        for (const Unit& original : mDemo.units)
            if (original.level < grid) {
                const Unit* now = project->index().unitByCode(original.code);
                QCOMPARE(now->households, original.households);
                QCOMPARE(now->residents, original.residents);
            }
        const std::vector<Problem> problems = Checker(project->data()).check();
        QVERIFY(std::none_of(problems.begin(), problems.end(), [](const Problem& problem) {
            return problem.kind == Problem::Kind::CountMismatch;
        }));
        project->undo();
        for (const Unit& unit : project->data().units)
            QCOMPARE(unit.households, qint64(0));
    }

    void withoutCodesEachUnitFindsTheParentItLiesInAndTheLowestFreeCodes()
    {
        const int grid = mDemo.hierarchy.levelIndex(QStringLiteral("grid"));
        auto project = projectAbove(grid);
        const HierarchyIndex demoIndex(mDemo);
        const QString exported = path(QStringLiteral("grids-by-place.gpkg"));
        BoundaryExport::write(mDemo, demoIndex, grid, 0, BoundaryExport::Format::GeoPackage, exported);
        const ImportPlan imported = plan(*project, exported, grid, QStringLiteral("code=,parent="));
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        imported.apply(*project);
        std::map<QString, int> importedUnder; // community code -> grids found in it
        for (const Unit& original : mDemo.units) {
            if (original.level != grid)
                continue;
            const Unit* back = nullptr; // by name within the community the original lies in
            const QString community = demoIndex.unit(original.parentId)->code;
            for (const Unit* child : project->index().children(project->index().unitByCode(community)->id))
                if (child->name == original.name)
                    back = child;
            QVERIFY2(back, qPrintable(original.name + QStringLiteral(" not under ") + community));
            ++importedUnder[community];
        }
        for (const auto& [community, count] : importedUnder) { // 01 … n, none skipped, none twice
            QSet<QString> codes;
            for (const Unit* child : project->index().children(project->index().unitByCode(community)->id))
                codes.insert(child->code);
            for (int number = 1; number <= count; ++number)
                QVERIFY2(
                    codes.contains(community + QStringLiteral("%1").arg(number, 2, 10, QLatin1Char('0'))),
                    qPrintable(community));
            QCOMPARE(codes.size(), count);
        }

        // with 01 and 03 taken, three more get 02, 04 and 05
        auto sparse = projectAbove(grid);
        const QString community = firstCommunityCode();
        const ImportPlan taken = plan(
            *sparse,
            geoJson(
                {feature(QStringLiteral("\"name\":\"一\",\"code\":\"") + community + QStringLiteral("01\""),
                         squareInCommunity(0, 0, 5)),
                 feature(QStringLiteral("\"name\":\"三\",\"code\":\"") + community + QStringLiteral("03\""),
                         squareInCommunity(10, 0, 5))}),
            grid);
        QVERIFY2(taken.canApply(), qPrintable(taken.problemText()));
        taken.apply(*sparse);
        const ImportPlan more =
            plan(*sparse,
                 geoJson({feature(QStringLiteral("\"name\":\"甲\""), squareInCommunity(0, 10, 5)),
                          feature(QStringLiteral("\"name\":\"乙\""), squareInCommunity(10, 10, 5)),
                          feature(QStringLiteral("\"name\":\"丙\""), squareInCommunity(20, 10, 5))}),
                 grid);
        QVERIFY2(more.canApply(), qPrintable(more.problemText()));
        more.apply(*sparse);
        const auto nameOf = [&](const QString& digits) {
            const Unit* unit = sparse->index().unitByCode(community + digits);
            return unit ? unit->name : QString();
        };
        QCOMPARE(nameOf(QStringLiteral("02")), QStringLiteral("甲"));
        QCOMPARE(nameOf(QStringLiteral("04")), QStringLiteral("乙"));
        QCOMPARE(nameOf(QStringLiteral("05")), QStringLiteral("丙"));
    }

    //! hundreds of features: their areas are checked on every core before they are read in order
    void manyFeaturesFindTheirParentsByLocationAsOneByOne()
    {
        const int lowest = mDemo.hierarchy.levelCount() - 1;
        auto project = projectAbove(lowest);
        const HierarchyIndex demoIndex(mDemo);
        const QString exported = path(QStringLiteral("lowest-by-place.gpkg"));
        const int written =
            BoundaryExport::write(mDemo, demoIndex, lowest, 0, BoundaryExport::Format::GeoPackage, exported);
        QVERIFY2(written >= 600, qPrintable(QString::number(written))); // several batches for the threads
        const ImportPlan imported = plan(*project, exported, lowest, QStringLiteral("code=,parent="));
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        imported.apply(*project);
        QMultiHash<UnitId, QString> namesUnder; // the imported units' names by parent
        for (const Unit& unit : project->data().units)
            if (unit.level == lowest)
                namesUnder.insert(unit.parentId, unit.name);
        for (const Unit& original : mDemo.units)
            if (original.level == lowest) {
                const Unit* parent = project->index().unitByCode(demoIndex.unit(original.parentId)->code);
                QVERIFY(parent);
                QVERIFY2(namesUnder.contains(parent->id, original.name),
                         qPrintable(original.name + QStringLiteral(" not under ") + parent->code));
            }
    }

    void aSourceHandedOverPlansAsALentOne()
    {
        // the command hands its source over, so the areas move into the units instead of being copied
        const int lowest = mDemo.hierarchy.levelCount() - 1;
        auto project = projectAbove(lowest);
        const HierarchyIndex demoIndex(mDemo);
        const QString exported = path(QStringLiteral("handed-over.gpkg"));
        BoundaryExport::write(mDemo, demoIndex, lowest, 0, BoundaryExport::Format::GeoPackage, exported);
        for (const bool mergeSameCode : {false, true}) {
            VectorSource source = VectorSource::read(exported, project->data().crsEpsg);
            BoundaryImport::Options options;
            options.level = lowest;
            options.mergeSameCode = mergeSameCode;
            options.mapping = FieldMapping::guess(source.fields);
            options.mapping.set(QStringLiteral("code=,parent="), source.fields);
            const ImportPlan lent = BoundaryImport::plan(project->data(), project->index(), source, options);
            const ImportPlan handed =
                BoundaryImport::plan(project->data(), project->index(), std::move(source), options);
            QVERIFY2(lent.canApply(), qPrintable(lent.problemText()));
            QCOMPARE(handed.changes.units.size(), lent.changes.units.size());
            for (size_t i = 0; i < lent.changes.units.size(); ++i) {
                const Unit& a = *lent.changes.units[i].after;
                const Unit& b = *handed.changes.units[i].after;
                QVERIFY2(!a.boundary.isEmpty() && a.boundary == b.boundary, qPrintable(a.name));
                QCOMPARE(b.code, a.code);
                QCOMPARE(b.parentId, a.parentId);
                QCOMPARE(b.name, a.name);
                QCOMPARE(b.households, a.households);
            }
        }
    }

    void unitsFarFromTheirParentOrNoPlaceAtAllAreNamed()
    {
        auto project = projectAbove(2);
        const QString community = firstCommunityCode();
        const auto square = [](double lon, double lat) {
            return QStringLiteral(
                       "{\"type\":\"Polygon\",\"coordinates\":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}")
                .arg(lon, 0, 'f', 6)
                .arg(lat, 0, 'f', 6)
                .arg(lon + 0.002, 0, 'f', 6)
                .arg(lat + 0.002, 0, 'f', 6);
        };
        const QString file = path(QStringLiteral("far.geojson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QStringLiteral("{\"type\":\"FeatureCollection\",\"features\":[%1,%2]}")
                      .arg(feature(QStringLiteral("\"name\":\"杭州的方块\",\"parent\":\"%1\"").arg(community),
                                   square(120.15, 30.27)),
                           feature(QStringLiteral("\"name\":\"经度五百\",\"parent\":\"%1\"").arg(community),
                                   square(500, 34.75)))
                      .toUtf8());
        out.close();
        const ImportPlan imported = plan(*project, file, 2);
        // longitude 500 is refused, not wrapped round to 140
        QCOMPARE(imported.problems.size(), size_t(1));
        QCOMPARE(imported.problems.front().line, 2);
        QVERIFY2(imported.problemText().contains(QStringLiteral("longitude 500")),
                 qPrintable(imported.problemText()));
        // the square in Hangzhou is named twice: outside its parent, outside the CRS's area
        const QString notes = imported.noteText();
        QVERIFY2(notes.contains(QStringLiteral("feature 1")) &&
                     notes.contains(QStringLiteral("mostly outside")) && notes.contains(community) &&
                     notes.contains(QStringLiteral("0% inside")),
                 qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("outside the area EPSG:4547 is made for")) &&
                     notes.contains(QStringLiteral("120.15")),
                 qPrintable(notes));
    }

    void featuresSharingACodeAreOneUnitOnlyWhenAsked()
    {
        auto project = projectAbove(2);
        const QString community = firstCommunityCode();
        const QString code = community + QStringLiteral("01");
        const QString source =
            geoJson({feature(QStringLiteral("\"name\":\"甲网格\",\"code\":\"%1\"").arg(code),
                             squareInCommunity(0, 0, 20)),
                     feature(QStringLiteral("\"name\":\"乙网格\",\"code\":\"%1\"").arg(community + "02"),
                             squareInCommunity(40, 0, 20)),
                     feature(QStringLiteral("\"name\":\"甲网格\",\"code\":\"%1\"").arg(code),
                             squareInCommunity(0, 40, 20))});
        // without consent: the second is refused, naming the first, nothing imported twice
        const ImportPlan refused = plan(*project, source, 2);
        QVERIFY(!refused.canApply());
        QCOMPARE(refused.problems.size(), size_t(1));
        QCOMPARE(refused.problems.front().line, 3);
        QVERIFY2(refused.problemText().contains(code) &&
                     refused.problemText().contains(QStringLiteral("feature 1")) &&
                     refused.problemText().contains(QStringLiteral("--merge-same-code")),
                 qPrintable(refused.problemText()));

        const VectorSource read = VectorSource::read(source, project->data().crsEpsg);
        BoundaryImport::Options options;
        options.level = 2;
        options.mapping = FieldMapping::guess(read.fields);
        options.mergeSameCode = true;
        const ImportPlan merged = BoundaryImport::plan(project->data(), project->index(), read, options);
        QVERIFY2(merged.canApply(), qPrintable(merged.problemText()));
        QVERIFY2(merged.noteText().contains(QStringLiteral("features 1, 3")), qPrintable(merged.noteText()));
        merged.apply(*project);
        const Unit* unit = project->index().unitByCode(code);
        QVERIFY(unit);
        QCOMPARE(unit->boundary.polygons.size(), size_t(2));
        QVERIFY(std::abs(unit->boundary.area() - 800) < 1e-3);
        QCOMPARE(std::count_if(project->data().units.begin(), project->data().units.end(),
                               [](const Unit& u) { return u.level == 2; }),
                 2L);
        // the template wants grids in one piece: the checker says this one is not
        const std::vector<Problem> problems = Checker(project->data()).check();
        QVERIFY(std::any_of(problems.begin(), problems.end(),
                            [&](const Problem& p) {
                                return p.kind == Problem::Kind::NotContiguous && p.units.front() == unit->id;
                            }) ||
                !project->data().hierarchy.level(2).contiguous);
    }

    void externalCodesAreKeptMatchedOnAndExported()
    {
        auto project = projectAbove(2);
        const QString community = firstCommunityCode();
        ProjectEditor::Attributes attributes;
        attributes.externalCode = QStringLiteral("SQ-3-2"); // the community in the city's system
        ProjectEditor(*project).setAttributes(community, attributes);

        // the parent by its external code; the grids' own statistical codes kept beside ours
        const QString grids = geoJson(
            {feature(
                 QStringLiteral("\"name\":\"甲网格\",\"parent\":\"SQ-3-2\",\"统计代码\":\"4101050010011\""),
                 squareInCommunity(0, 0, 20)),
             feature(
                 QStringLiteral("\"name\":\"乙网格\",\"parent\":\"SQ-3-2\",\"统计代码\":\"4101050010011\""),
                 squareInCommunity(40, 0, 20)),
             feature(
                 QStringLiteral("\"name\":\"丙网格\",\"parent\":\"SQ-3-2\",\"统计代码\":\"4101050010012\""),
                 squareInCommunity(0, 40, 20))});
        const ImportPlan twice = plan(*project, grids, 2);
        QCOMPARE(twice.problems.size(), size_t(1)); // one external code for two grids
        QCOMPARE(twice.problems.front().line, 2);
        QVERIFY2(twice.problemText().contains(QStringLiteral("4101050010011")),
                 qPrintable(twice.problemText()));

        const QString one = geoJson({feature(
            QStringLiteral("\"name\":\"甲网格\",\"parent\":\"SQ-3-2\",\"统计代码\":\"4101050010011\""),
            squareInCommunity(0, 0, 20))});
        const ImportPlan imported = plan(*project, one, 2);
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        imported.apply(*project);
        const std::vector<const Unit*> held = project->index().unitsByExternalCode("4101050010011", 2);
        QCOMPARE(held.size(), size_t(1));
        QCOMPARE(project->index().unit(held.front()->parentId)->code, community);
        QCOMPARE(held.front()->code, community + QStringLiteral("01")); // ours given as the scheme says

        // again: the grid is already in the project under that code
        const ImportPlan again = plan(*project, one, 2);
        QVERIFY(!again.canApply());
        QVERIFY2(again.problemText().contains(held.front()->code), qPrintable(again.problemText()));

        // codes of another system in the code field: the refusal says how to keep them
        const ImportPlan asOurs =
            plan(*project,
                 geoJson({feature(QStringLiteral("\"name\":\"丁网格\",\"bm\":\"SQ-3-2-7\""),
                                  squareInCommunity(40, 40, 20))}),
                 2);
        QVERIFY2(asOurs.problemText().contains(QStringLiteral("external=bm")),
                 qPrintable(asOurs.problemText()));

        // exported beside our code, and guessed back on import
        const QString exported = path(QStringLiteral("with-external.geojson"));
        BoundaryExport::write(project->data(), project->index(), 2, 0, BoundaryExport::Format::GeoJson,
                              exported);
        const VectorSource back = VectorSource::read(exported, project->data().crsEpsg);
        QCOMPARE(FieldMapping::guess(back.fields).field(QStringLiteral("external")),
                 QStringLiteral("ext_code"));
        const int at = back.fieldIndex(QStringLiteral("ext_code"));
        QVERIFY(std::any_of(back.features.begin(), back.features.end(), [&](const SourceFeature& feature) {
            return feature.values.value(at) == QLatin1String("4101050010011");
        }));
    }

    void anEmptySourceOrAShapefileWithoutItsDbfIsNamedSo()
    {
        auto project = projectAbove(2);
        const ImportPlan empty = plan(*project, geoJson({}), 2);
        QVERIFY(!empty.canApply());
        QVERIFY2(empty.problemText().contains(QStringLiteral("no features")),
                 qPrintable(empty.problemText()));

        const HierarchyIndex demoIndex(mDemo);
        const QString shapefile = path(QStringLiteral("nodbf.shp"));
        BoundaryExport::write(mDemo, demoIndex, 2, 0, BoundaryExport::Format::Shapefile, shapefile);
        QVERIFY(QFile::remove(QString(shapefile).replace(QStringLiteral(".shp"), QStringLiteral(".dbf"))));
        try {
            plan(*project, shapefile, 2);
            QFAIL("a shapefile without its .dbf was read");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QStringLiteral(".dbf")), qPrintable(error.message()));
        }
    }

    void aShapefileWithoutCpgInGbkReadsChinese()
    {
        const QString file = path(QStringLiteral("gbk.shp"));
        GDALAllRegister();
        GDALDatasetH dataset = GDALCreate(GDALGetDriverByName("ESRI Shapefile"), file.toUtf8().constData(), 0,
                                          0, 0, GDT_Unknown, nullptr);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 4547);
        char** options = CSLSetNameValue(nullptr, "ENCODING", ""); // bytes as given, no .cpg
        OGRLayerH layer = GDALDatasetCreateLayer(dataset, "gbk", srs, wkbPolygon, options);
        CSLDestroy(options);
        OSRRelease(srs);
        const QByteArray nameField = TextEncoding::toGbk(QStringLiteral("名称"));
        OGRFieldDefnH field = OGR_Fld_Create(nameField.constData(), OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        OGRFeatureH created = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(created, 0, TextEncoding::toGbk(QStringLiteral("东风路第一网格")).constData());
        const QString square = squareInCommunity(0, 0, 20);
        OGRGeometryH geometry = OGR_G_CreateGeometryFromJson(square.toUtf8().constData());
        OGR_F_SetGeometryDirectly(created, geometry);
        QCOMPARE(OGR_L_CreateFeature(layer, created), OGRERR_NONE);
        OGR_F_Destroy(created);
        GDALClose(dataset);
        QFile::remove(file.left(file.size() - 4) + QStringLiteral(".cpg"));

        auto project = projectAbove(2);
        const VectorSource source = VectorSource::read(file, 4547);
        QCOMPARE(source.fields, QStringList{QStringLiteral("名称")});
        QVERIFY2(source.encoding.contains(QStringLiteral("GB")), qPrintable(source.encoding));
        const ImportPlan imported = plan(*project, file, 2);
        QVERIFY2(imported.canApply(), qPrintable(imported.problemText()));
        imported.apply(*project);
        const Unit& unit = project->data().units.back();
        QCOMPARE(unit.name, QStringLiteral("东风路第一网格"));
        // no code and no parent field: found by location, numbered under it
        QCOMPARE(project->index().unit(unit.parentId)->code, firstCommunityCode());
        QVERIFY(unit.code.startsWith(firstCommunityCode()));
    }

    void badFeaturesAreNamedAndNothingIsImported()
    {
        auto project = projectAbove(2);
        const QString parent = firstCommunityCode();
        const QString source = geoJson({
            feature(QStringLiteral("\"name\":\"好网格\",\"households\":\"12\""), squareInCommunity(0, 0, 10)),
            feature(QStringLiteral("\"name\":\"\""), squareInCommunity(20, 0, 10)),
            feature(QStringLiteral("\"name\":\"户数错\",\"households\":\"十二\""),
                    squareInCommunity(40, 0, 10)),
            feature(QStringLiteral("\"name\":\"上级错\",\"parent\":\"999\""), squareInCommunity(60, 0, 10)),
            feature(QStringLiteral("\"name\":\"编码错\",\"code\":\"12AB\""), squareInCommunity(80, 0, 10)),
            feature(QStringLiteral("\"name\":\"点\""),
                    QStringLiteral("{\"type\":\"Point\",\"coordinates\":[1,2]}")),
            feature(QStringLiteral("\"name\":\"蝴蝶结\""),
                    QStringLiteral(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}")),
            feature(QStringLiteral("\"name\":\"重号一\",\"code\":\"%1\"").arg(parent + QStringLiteral("77")),
                    squareInCommunity(100, 0, 10)),
            feature(QStringLiteral("\"name\":\"重号二\",\"code\":\"%1\"").arg(parent + QStringLiteral("77")),
                    squareInCommunity(120, 0, 10)),
            feature(QStringLiteral("\"name\":\"界外\""),
                    QStringLiteral(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}")),
        });
        const ImportPlan imported = plan(*project, source, 2);
        QVERIFY(!imported.canApply());
        QMap<int, QString> byFeature;
        for (const ImportProblem& problem : imported.problems)
            byFeature.insert(problem.line, problem.reason);
        QCOMPARE(byFeature.keys(), (QList<int>{2, 3, 4, 5, 6, 7, 9, 10}));
        QVERIFY(byFeature.value(2).contains(QStringLiteral("name")));
        QVERIFY(byFeature.value(3).contains(QStringLiteral("十二")));
        QVERIFY(byFeature.value(4).contains(QStringLiteral("999")));
        QVERIFY(byFeature.value(5).contains(QStringLiteral("12AB")));
        QVERIFY(byFeature.value(6).contains(QStringLiteral("point")));
        QVERIFY2(byFeature.value(7).contains(QStringLiteral("Self-intersection")),
                 qPrintable(byFeature.value(7)));
        QVERIFY(byFeature.value(9).contains(parent + QStringLiteral("77")));
        QVERIFY(byFeature.value(10).contains(QStringLiteral("界外")));
        QVERIFY(imported.problemText().contains(QStringLiteral("feature 7:")));

        const QByteArray before = [&] {
            QFile file(project->path());
            file.open(QIODevice::ReadOnly);
            return file.readAll();
        }();
        const size_t units = project->data().units.size();
        try {
            imported.apply(*project);
            QFAIL("a plan with refused features was applied");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
        }
        QCOMPARE(project->data().units.size(), units);
        QFile file(project->path());
        file.open(QIODevice::ReadOnly);
        QVERIFY(file.readAll() == before);
    }

    void anInvalidGeometryIsRepairedOnlyWithConsent()
    {
        auto project = projectAbove(2);
        // a 40 m square inside the community with two corners swapped: a bow-tie, two triangles once repaired
        const Point at =
            GeosEngine().pointOnSurface(project->index().unitByCode(firstCommunityCode())->boundary);
        const auto corner = [&](double dx, double dy) {
            return QStringLiteral("[%1,%2]").arg(at.x + dx, 0, 'f', 3).arg(at.y + dy, 0, 'f', 3);
        };
        const QString source =
            geoJson({feature(QStringLiteral("\"name\":\"蝴蝶结网格\""),
                             QStringLiteral("{\"type\":\"Polygon\",\"coordinates\":[[%1,%2,%3,%4,%1]]}")
                                 .arg(corner(0, 0), corner(40, 40), corner(40, 0), corner(0, 40)))});

        const ImportPlan refused = plan(*project, source, 2);
        QCOMPARE(refused.problems.size(), size_t(1));
        QVERIFY(refused.problems.front().reason.contains(QStringLiteral("repaired")));
        const ImportPlan repaired = plan(*project, source, 2, QString(), true);
        QVERIFY2(repaired.canApply(), qPrintable(repaired.problemText()));
        QCOMPARE(repaired.notes.size(), size_t(1));
        const MultiPolygon& boundary = repaired.changes.units.front().after->boundary;
        QVERIFY(GeosEngine().isValid(boundary));
        QCOMPARE(boundary.polygons.size(), size_t(2));
        QVERIFY(qAbs(boundary.area() - 800.0) < 1e-6); // two triangles of a 40 m square
    }

    void theMappingNamesFieldsTheSourceHas()
    {
        auto project = projectAbove(2);
        const QString source = geoJson({feature(QStringLiteral("\"F1\":\"甲\",\"F2\":\"7\",\"F3\":\"20\""),
                                                squareInCommunity(0, 0, 10))});
        const ImportPlan unmapped = plan(*project, source, 2);
        QCOMPARE(unmapped.problems.size(), size_t(1));
        QCOMPARE(unmapped.problems.front().line, 0);
        QVERIFY(unmapped.problems.front().reason.contains(QStringLiteral("F1")));
        const ImportPlan mapped =
            plan(*project, source, 2, QStringLiteral("name=F1,households=F2,residents=F3"));
        QVERIFY2(mapped.canApply(), qPrintable(mapped.problemText()));
        QCOMPARE(mapped.changes.units.front().after->households, 7);
        QCOMPARE(mapped.changes.units.front().after->residents, 20);
        QVERIFY_EXCEPTION_THROWN(plan(*project, source, 2, QStringLiteral("name=NOPE")), Error);
        QVERIFY_EXCEPTION_THROWN(plan(*project, source, 2, QStringLiteral("colour=F1")), Error);
    }

    void aFileThatIsNoGisFileIsRefused()
    {
        const QString file = path(QStringLiteral("broken.shp"));
        QFile out(file);
        out.open(QIODevice::WriteOnly);
        out.write("this is not a shapefile");
        out.close();
        try {
            VectorSource::read(file, 4547);
            QFAIL("read a broken file");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
            QVERIFY(error.message().contains(file));
        }
        QVERIFY_EXCEPTION_THROWN(VectorSource::read(path(QStringLiteral("missing.geojson")), 4547), Error);
    }
};

QTEST_GUILESS_MAIN(TestBoundaryImport)
#include "test_boundaryimport.moc"
