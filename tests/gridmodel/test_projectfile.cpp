#include "districtgenerator.h"
#include "error.h"
#include "gpkggeometry.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "projectschema.h"
#include "sqlitedatabase.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <gdal.h>
#include <ogr_api.h>

using namespace gridmodel;
using testsupport::box;
using testsupport::fileBytes;

class TestProjectFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString path(const QString& name) const { return mDir.filePath(name); }

    //! a small project where every stored field has a value worth checking
    static ProjectData handBuiltProject()
    {
        ProjectData data;
        data.name = QStringLiteral("测试项目 “引号” & <符号>");
        data.crsEpsg = 4547;
        data.hierarchy = HierarchyTemplate::builtin("four-level");
        Unit street{1,
                    0,
                    0,
                    "410105001",
                    "文化路街道",
                    "文化路街道党工委",
                    box(450000, 3840000, 200, 100),
                    120,
                    300,
                    "备注：第一行\n第二行"};
        Unit community{
            2,   1,   1,        "410105001001", "锦绣社区", "锦绣社区党委", box(450000, 3840000, 200, 100),
            120, 300, QString()};
        Unit gridA{
            3,  2,   2, "41010500100101", "第1网格", "锦绣社区第一网格党支部", box(450000, 3840000, 100, 100),
            70, 180, ""};
        Unit gridB{4,  2,   2,     "41010500100102", "第2网格", QString(), box(450100, 3840000, 100, 100),
                   50, 120, "空地"};
        Unit empty{5, 3, 3, "4101050010010101", "1号楼", "1号楼党小组", MultiPolygon(), 0, 0, QString()};
        community.externalCode = "410105001001000"; // a 15-digit statistical code
        gridB.externalCode = "SQ-3-2";
        data.units = {street, community, gridA, gridB, empty};
        data.members = {Member{1, "张建国", "13812345678", "男", "在职", "党员，退伍军人"},
                        Member{2, "李秀英", "", "女", "离退休", QString()},
                        Member{3, "Ōlafur 王", "+86 371 6000 0000", "", "流动", "外籍"}};
        data.assignments = {Assignment{1, 1, 3, "grid_leader", 10, "1号楼1单元101—602"},
                            Assignment{2, 2, 3, "grid_worker", 0, QString()},
                            Assignment{3, 1, 4, "grid_leader", 12, "2号楼"},
                            Assignment{4, 3, 5, "building_leader", 0, ""}};
        return data;
    }

    static void compareUnits(const Unit& a, const Unit& b)
    {
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.level, b.level);
        QCOMPARE(a.parentId, b.parentId);
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.organisation.isEmpty(), b.organisation.isEmpty());
        if (!a.organisation.isEmpty())
            QCOMPARE(a.organisation, b.organisation);
        QVERIFY2(a.boundary == b.boundary, qPrintable(a.boundary.toWkt() + " != " + b.boundary.toWkt()));
        QCOMPARE(a.households, b.households);
        QCOMPARE(a.residents, b.residents);
        QCOMPARE(a.notes.isEmpty(), b.notes.isEmpty());
        if (!a.notes.isEmpty())
            QCOMPARE(a.notes, b.notes);
        QCOMPARE(a.externalCode, b.externalCode);
    }

    static Error::Kind openError(const QString& file, ProjectFile::Access access, QString* message = nullptr)
    {
        try {
            ProjectFile::open(file, access);
        } catch (const Error& error) {
            if (message)
                *message = error.message();
            return error.kind();
        }
        return static_cast<Error::Kind>(-1);
    }

    /**
     * The level's R-tree as SQLite and GDAL read it: whole by SQLite's own check, one entry per
     * row with a geometry, and each row found at its own centre (by SQLite and through OGR's
     * spatial filter, as QGIS asks). Empty when it is so.
     */
    static QString spatialIndexProblem(const QString& file, const QString& table)
    {
        const QString rtree = QStringLiteral("rtree_%1_geom").arg(table);
        std::vector<std::pair<qint64, Envelope>> rows;
        {
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadOnly);
            SqliteStatement check = db.prepare(QStringLiteral("SELECT rtreecheck('%1')").arg(rtree));
            if (!check.step() || check.text(0) != QLatin1String("ok"))
                return QStringLiteral("rtreecheck: %1").arg(check.text(0));
            SqliteStatement all = db.prepare(QStringLiteral("SELECT fid, geom FROM \"%1\"").arg(table));
            while (all.step()) {
                int size = 0;
                const unsigned char* blob = all.blob(1, &size);
                rows.emplace_back(all.integer(0), GpkgGeometry::decode(blob, size).envelope());
            }
            SqliteStatement count = db.prepare(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(rtree));
            if (!count.step() || count.integer(0) != qint64(rows.size()))
                return QStringLiteral("%1 entries for %2 rows").arg(count.integer(0)).arg(rows.size());
            QHash<qint64, Envelope> exact;
            for (const auto& [fid, envelope] : rows)
                exact.insert(fid, envelope);
            SqliteStatement entries =
                db.prepare(QStringLiteral("SELECT id, minx, maxx, miny, maxy FROM \"%1\"").arg(rtree));
            while (entries.step()) {
                // 32-bit floats, rounded outwards: the row's box held, within a float's step (0.25 m at 4,000
                // km)
                const Envelope row = exact.value(entries.integer(0));
                const Envelope entry{entries.real(1), entries.real(3), entries.real(2), entries.real(4)};
                if (!entry.contains(row) || row.minX - entry.minX > 0.5 || entry.maxX - row.maxX > 0.5 ||
                    row.minY - entry.minY > 0.5 || entry.maxY - row.maxY > 0.5)
                    return QStringLiteral("the entry of row %1 is not its box").arg(entries.integer(0));
            }
            SqliteStatement near = db.prepare(
                QStringLiteral(
                    "SELECT id FROM \"%1\" WHERE minx <= ?1 AND maxx >= ?1 AND miny <= ?2 AND maxy >= ?2")
                    .arg(rtree));
            for (size_t i = 0; i < rows.size(); i += 7) {
                const Point centre = rows[i].second.center();
                near.bind(1, centre.x).bind(2, centre.y);
                bool found = false;
                while (near.step())
                    found = found || near.integer(0) == rows[i].first;
                near.reset();
                if (!found)
                    return QStringLiteral("row %1 is not found at its centre").arg(rows[i].first);
            }
        }
        GDALDatasetH dataset = GDALOpenEx(file.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                          nullptr, nullptr, nullptr);
        if (!dataset)
            return QStringLiteral("GDAL cannot open it");
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset, table.toUtf8().constData());
        QString problem;
        for (size_t i = 0; layer && i < rows.size() && problem.isEmpty(); i += 97) {
            const Point centre = rows[i].second.center();
            OGR_L_SetSpatialFilterRect(layer, centre.x - 0.01, centre.y - 0.01, centre.x + 0.01,
                                       centre.y + 0.01);
            bool found = false;
            OGR_L_ResetReading(layer);
            while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
                found = found || OGR_F_GetFID(feature) == rows[i].first;
                OGR_F_Destroy(feature);
            }
            if (!found)
                problem = QStringLiteral("OGR's spatial filter misses row %1").arg(rows[i].first);
        }
        GDALClose(dataset);
        return layer ? problem : QStringLiteral("GDAL has no layer %1").arg(table);
    }

private slots:
    /**
     * A new project's R-trees are packed at once; a change to thousands of rows (an import, its
     * undo) fills the level's again; edits of a few keep it current row by row. After each,
     * SQLite and GDAL find every row.
     */
    void spatialIndexesStayWholeThroughBulkAndSingleChanges()
    {
        const QString file = path(QStringLiteral("rtree.gpkg"));
        ProjectData data = DistrictGenerator::generate(DistrictGenerator::syntheticOptions(6000, 3));
        const int zoneLevel = data.hierarchy.levelCount() - 1;
        const QString zones = data.hierarchy.level(zoneLevel).key;
        std::vector<Unit> zoneUnits;
        ProjectData without = data;
        without.units.clear();
        without.assignments.clear();
        for (const Unit& unit : data.units)
            (unit.level == zoneLevel ? zoneUnits : without.units).push_back(unit);
        QVERIFY(zoneUnits.size() > 3000);
        ProjectFile::create(file, without);
        QCOMPARE(spatialIndexProblem(file, data.hierarchy.level(1).key), QString());

        auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        ChangeSet added;
        for (const Unit& zone : zoneUnits)
            added.units.push_back({std::nullopt, zone});
        project->apply(added, QStringLiteral("import"), QStringLiteral("zones"));
        QCOMPARE(spatialIndexProblem(file, zones), QString());

        // a few rows: through the triggers, into the packed tree
        ChangeSet few;
        for (size_t i = 0; i < 5; ++i) {
            Unit moved = zoneUnits[i * 100];
            for (Polygon& polygon : moved.boundary.polygons)
                for (Ring& ring : polygon.rings)
                    for (Point& point : ring)
                        point.x += 5000; // far outside the packed leaves' boxes
            few.units.push_back({zoneUnits[i * 100], moved});
        }
        few.units.push_back({zoneUnits[1], std::nullopt});
        project->apply(few, QStringLiteral("test"), QStringLiteral("a few"));
        QCOMPARE(spatialIndexProblem(file, zones), QString());

        project->undo();
        QCOMPARE(spatialIndexProblem(file, zones), QString());
        project->undo(); // the import: thousands of rows deleted
        QCOMPARE(spatialIndexProblem(file, zones), QString());
        project->redo();
        QCOMPARE(spatialIndexProblem(file, zones), QString());
        QCOMPARE(project->data().units.size(), data.units.size());
    }

    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        GDALAllRegister();
    }

    void roundTripEveryField()
    {
        const ProjectData original = handBuiltProject();
        const QString file = path("roundtrip.gpkg");
        ProjectFile::create(file, original);
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        const ProjectData& read = project->data();
        QCOMPARE(read.name, original.name);
        QCOMPARE(read.crsEpsg, 4547);
        QCOMPARE(read.hierarchy, original.hierarchy);
        QCOMPARE(read.units.size(), original.units.size());
        for (size_t i = 0; i < original.units.size(); ++i)
            compareUnits(read.units[i], original.units[i]);
        QCOMPARE(read.members.size(), original.members.size());
        for (size_t i = 0; i < original.members.size(); ++i) {
            QCOMPARE(read.members[i].id, original.members[i].id);
            QCOMPARE(read.members[i].name, original.members[i].name);
            QCOMPARE(read.members[i].phone, original.members[i].phone);
            QCOMPARE(read.members[i].gender, original.members[i].gender);
            QCOMPARE(read.members[i].status, original.members[i].status);
            QCOMPARE(read.members[i].notes.isEmpty(), original.members[i].notes.isEmpty());
        }
        QCOMPARE(read.members[0].notes, QStringLiteral("党员，退伍军人"));
        QCOMPARE(read.assignments.size(), original.assignments.size());
        for (size_t i = 0; i < original.assignments.size(); ++i) {
            const Assignment& a = read.assignments[i];
            const Assignment& b = original.assignments[i];
            QCOMPARE(a.memberId, b.memberId);
            QCOMPARE(a.unitId, b.unitId);
            QCOMPARE(a.role, b.role);
            QCOMPARE(a.linkedHouseholds, b.linkedHouseholds);
            QCOMPARE(a.linkedHouseholdsNote.isEmpty(), b.linkedHouseholdsNote.isEmpty());
        }
        QCOMPARE(read.assignments[0].linkedHouseholdsNote, QStringLiteral("1号楼1单元101—602"));
        const auto history = project->history();
        QCOMPARE(history.size(), size_t(1));
        QCOMPARE(history.front().operation, QStringLiteral("create"));
    }

    void projectTemplateIsTheProjectsOwnCopy()
    {
        // A project may edit its template: what it carries wins over the built-in one.
        ProjectData data = handBuiltProject();
        QByteArray json = data.hierarchy.toJson();
        json.replace("\"网格长\"", "\"网格长（专职）\"");
        data.hierarchy = HierarchyTemplate::fromJson(json);
        const QString file = path("custom-template.gpkg");
        ProjectFile::create(file, data);
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        const LevelDefinition& grid = project->data().hierarchy.level(2);
        QCOMPARE(grid.role("grid_leader")->name.zh, QStringLiteral("网格长（专职）"));
    }

    void validGeoPackageForGdal()
    {
        const QString file = path("demo.gpkg");
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
        const QString validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
        QVERIFY2(QFile::exists(validator), "GDAL's validate_gpkg.py is missing (install python3-gdal)");
        QProcess process;
        process.start("/usr/bin/python3", {validator, "-k", "--extra", file});
        QVERIFY(process.waitForFinished(120000));
        const QString output =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0 && output.trimmed().isEmpty(), qPrintable(output));

        // Each level is a polygon layer GDAL (and so QGIS) reads, with Chinese text intact.
        GDALDatasetH dataset = GDALOpenEx(file.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                          nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        const QStringList levels{"street", "community", "grid", "building", "zone"};
        for (const QString& level : levels) {
            OGRLayerH layer = GDALDatasetGetLayerByName(dataset, level.toUtf8().constData());
            QVERIFY2(layer, qPrintable(level));
            QCOMPARE(wkbFlatten(OGR_L_GetGeomType(layer)), wkbMultiPolygon);
            QVERIFY(OGR_L_GetFeatureCount(layer, TRUE) > 0);
        }
        OGRLayerH streets = GDALDatasetGetLayerByName(dataset, "street");
        OGR_L_ResetReading(streets);
        OGRFeatureH feature = OGR_L_GetNextFeature(streets);
        const QString name =
            QString::fromUtf8(OGR_F_GetFieldAsString(feature, OGR_F_GetFieldIndex(feature, "name")));
        QVERIFY2(name.endsWith(QStringLiteral("街道")), qPrintable(name));
        QVERIFY(OGR_F_GetFieldAsInteger64(feature, OGR_F_GetFieldIndex(feature, "households")) > 0);
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        QVERIFY(OGR_G_Area(geometry) > 1e5);
        OGR_F_Destroy(feature);
        // The spatial index answers a query in the middle of the district.
        OGRLayerH zones = GDALDatasetGetLayerByName(dataset, "zone");
        OGREnvelope extent;
        OGR_L_GetExtent(zones, &extent, TRUE);
        const double cx = (extent.MinX + extent.MaxX) / 2, cy = (extent.MinY + extent.MaxY) / 2;
        OGR_L_SetSpatialFilterRect(zones, cx - 50, cy - 50, cx + 50, cy + 50);
        const GIntBig nearby = OGR_L_GetFeatureCount(zones, TRUE);
        QVERIFY2(nearby >= 1 && nearby < 20, qPrintable(QString::number(nearby)));
        // Chinese column titles for readers that show them (GeoPackage schema extension).
        SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadOnly);
        SqliteStatement title = db.prepare(
            "SELECT name FROM gpkg_data_columns WHERE table_name = 'grid' AND column_name = 'households'");
        QVERIFY(title.step());
        QCOMPARE(title.text(0), QStringLiteral("户数"));
        OGRLayerH members = GDALDatasetGetLayerByName(dataset, "ga_members");
        QVERIFY(members);
        QVERIFY(OGR_L_GetFeatureCount(members, TRUE) > 300);
        GDALClose(dataset);
    }

    void updateIsOneTransactionWithHistory()
    {
        const QString file = path("update.gpkg");
        ProjectFile::create(file, handBuiltProject());
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            Unit grid = project->data().units[2];
            grid.households = 71;
            grid.boundary = box(450000, 3840000, 100, 90);
            project->updateUnits({grid}, "set", "第1网格 户数 70→71");
            QCOMPARE(project->data().units[2].households, 71);
            Unit unknown = grid;
            unknown.id = 999;
            QVERIFY_EXCEPTION_THROWN(project->updateUnits({grid, unknown}, "set", "bad"), Error);
        }
        const auto reopened = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QCOMPARE(reopened->data().units[2].households, 71);
        QCOMPARE(reopened->data().units[2].boundary.area(), 9000.0);
        const auto history = reopened->history();
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history.back().description, QStringLiteral("第1网格 户数 70→71"));
        // A read-only project refuses to change.
        QVERIFY_EXCEPTION_THROWN(reopened->updateUnits({reopened->data().units[2]}, "set", "x"), Error);
    }

    void createRefusesToOverwrite()
    {
        const QString file = path("existing.gpkg");
        ProjectFile::create(file, handBuiltProject());
        const QByteArray before = fileBytes(file);
        try {
            ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
            QFAIL("overwrote an existing project");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::FileExists);
        }
        QCOMPARE(fileBytes(file), before);
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::demoOptions()), true);
        QVERIFY(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().units.size() > 500);
        QVERIFY(QDir(mDir.path()).entryList({"*.tmp"}, QDir::Hidden | QDir::Files).isEmpty());
    }

    void refusesWhatIsNotAProject_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("words");
        QTest::newRow("missing") << "missing" << int(Error::Kind::FileNotFound) << "does not exist";
        QTest::newRow("text file") << "text" << int(Error::Kind::NotGeoPackage) << "not a GeoPackage";
        QTest::newRow("empty file") << "empty" << int(Error::Kind::NotGeoPackage) << "not a GeoPackage";
        QTest::newRow("plain sqlite")
            << "sqlite" << int(Error::Kind::NotGeoPackage) << "SQLite database but not a GeoPackage";
        QTest::newRow("foreign geopackage") << "foreign" << int(Error::Kind::NotProject) << "import";
        QTest::newRow("newer schema") << "newer" << int(Error::Kind::NewerSchema) << "newer GridAtlas";
        QTest::newRow("damaged") << "damaged" << int(Error::Kind::Corrupt) << "damaged";
        QTest::newRow("schema version -1") << "negative" << int(Error::Kind::Corrupt) << "schema version -1";
    }

    void refusesWhatIsNotAProject()
    {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        QFETCH(QString, words);
        const QString file = path(kind + ".gpkg");
        if (kind == "text") {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,households\n锦绣社区,120\n");
        } else if (kind == "empty") {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (kind == "sqlite") {
            SqliteDatabase db(file, SqliteDatabase::OpenMode::Create);
            db.execute("CREATE TABLE t (a INTEGER)");
        } else if (kind == "foreign") {
            GDALDriverH driver = GDALGetDriverByName("GPKG");
            GDALDatasetH dataset =
                GDALCreate(driver, file.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
            GDALDatasetCreateLayer(dataset, "roads", nullptr, wkbLineString, nullptr);
            GDALClose(dataset);
        } else if (kind == "newer" || kind == "negative") {
            ProjectFile::create(file, handBuiltProject());
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadWrite);
            db.execute(QStringLiteral("UPDATE ga_project SET value = '%1' WHERE key = 'schema_version'")
                           .arg(kind == "newer" ? 99 : -1));
        } else if (kind == "damaged") {
            ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 2);
            f.write(QByteArray(f.size() / 3, '\x5a'));
        }
        const QByteArray before = fileBytes(file);
        for (auto access : {ProjectFile::Access::ReadOnly, ProjectFile::Access::ReadWrite}) {
            QString message;
            QCOMPARE(int(openError(file, access, &message)), expected);
            QVERIFY2(message.contains(words), qPrintable(message));
            QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable(message));
        }
        if (kind != "damaged") { // its template may well be readable
            QString message;
            try {
                ProjectFile::readHierarchy(file);
            } catch (const Error& error) {
                QCOMPARE(int(error.kind()), expected);
                message = error.message();
            }
            QVERIFY2(message.contains(words), qPrintable(message));
        }
        QCOMPARE(fileBytes(file), before);
        QVERIFY(!QFile::exists(path("." + kind + ".gpkg.lock")));
    }

    void readingReportsProgressAndCanBeCancelled()
    {
        const QString file = path("progress.gpkg");
        const ProjectData data = DistrictGenerator::generate(DistrictGenerator::syntheticOptions(6000, 3));
        ProjectFile::create(file, data);
        QCOMPARE(ProjectFile::readHierarchy(file).toJson(), data.hierarchy.toJson());

        std::vector<int> told;
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly, [&told](int permille) {
            told.push_back(permille);
            return true;
        });
        QCOMPARE(project->data().units.size(), data.units.size());
        const size_t rows = data.units.size() + data.members.size() + data.assignments.size();
        QCOMPARE(told.size(), rows / 4096); // every 4,096 rows
        QVERIFY(std::is_sorted(told.begin(), told.end()));
        QVERIFY(told.front() > 0);
        const auto lastRowsRead = static_cast<int>(1000 * 4096 * told.size() / rows);
        QVERIFY2(told.back() <= 1000 && told.back() >= lastRowsRead - 1,
                 qPrintable(QString::number(told.back())));

        // Stopped at the first report: refused as cancelled, the file untouched and unlocked.
        const QByteArray before = fileBytes(file);
        QString message;
        try {
            ProjectFile::open(file, ProjectFile::Access::ReadWrite, [](int) { return false; });
            QFAIL("opening went on after it was cancelled");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Cancelled);
            message = error.message();
        }
        QVERIFY2(message.contains("cancelled"), qPrintable(message));
        QCOMPARE(fileBytes(file), before);
        QVERIFY(ProjectFile::open(file, ProjectFile::Access::ReadWrite)); // no lock left behind
    }

    void migrationStepsUpgradeInOneTransaction()
    {
        const QString file = path("migrate.gpkg");
        ProjectFile::create(file, handBuiltProject());
        const std::vector<ProjectSchema::MigrationStep> steps{
            [](SqliteDatabase& db) { db.execute("ALTER TABLE grid ADD COLUMN buildings INTEGER"); },
            [](SqliteDatabase& db) { db.execute("UPDATE grid SET buildings = 2"); }};
        {
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadWrite);
            SqliteTransaction transaction(db);
            ProjectSchema::migrate(db, 1, steps);
            transaction.commit();
            QCOMPARE(ProjectSchema::storedVersion(db), 3);
            SqliteStatement query = db.prepare("SELECT buildings FROM grid");
            QVERIFY(query.step());
            QCOMPARE(query.integer(0), 2);
        }
        // A step that fails leaves the file as it was, still at its old version.
        const QString failing = path("migrate-fails.gpkg");
        ProjectFile::create(failing, handBuiltProject());
        const QByteArray before = fileBytes(failing);
        const std::vector<ProjectSchema::MigrationStep> broken{
            [](SqliteDatabase& db) { db.execute("ALTER TABLE grid ADD COLUMN buildings INTEGER"); },
            [](SqliteDatabase& db) { db.execute("UPDATE no_such_table SET x = 1"); }};
        {
            SqliteDatabase db(failing, SqliteDatabase::OpenMode::ReadWrite);
            try {
                SqliteTransaction transaction(db);
                ProjectSchema::migrate(db, 1, broken);
                transaction.commit();
                QFAIL("a failing migration was committed");
            } catch (const Error&) {
            }
            QCOMPARE(ProjectSchema::storedVersion(db), ProjectSchema::CurrentVersion);
        }
        QCOMPARE(fileBytes(failing), before);
        QCOMPARE(ProjectFile::open(failing, ProjectFile::Access::ReadWrite)->data().units.size(), size_t(5));
    }

    void schemaOneProjectIsViewedAsItIsAndUpgradedForEditing()
    {
        // Written by GridAtlas before external codes: a set and a merge in its history.
        const QString file = path("schema1.gpkg");
        QVERIFY(QFile::copy(QStringLiteral(GRIDATLAS_TEST_DATA_DIR "/schema1-project.gpkg"), file));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
        const QByteArray before = fileBytes(file);
        {
            const auto viewed = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
            QCOMPARE(viewed->data().units.size(), size_t(39));
            QVERIFY(viewed->index().unitByCode("4101050010010102"));
            QVERIFY(viewed->index().unitByCode("4101050010010102")->externalCode.isEmpty());
        }
        QCOMPARE(fileBytes(file), before); // viewing does not upgrade it

        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            QCOMPARE(project->data().units.size(), size_t(39));
            // the merge, recorded in the old payload format, is undone
            QVERIFY(project->undo());
            QCOMPARE(project->data().units.size(), size_t(40));
            QVERIFY(project->index().unitByCode("4101050010010103"));
            ProjectEditor::Attributes attributes;
            attributes.externalCode = QStringLiteral("410105001001001001");
            ProjectEditor(*project).setAttributes("4101050010010103", attributes);
        }
        {
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadOnly);
            QCOMPARE(ProjectSchema::storedVersion(db), ProjectSchema::CurrentVersion);
        }
        {
            const auto reopened = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            QCOMPARE(reopened->index().unitByCode("4101050010010103")->externalCode,
                     QStringLiteral("410105001001001001"));
            QVERIFY(reopened->undo()); // the external code
            QVERIFY(reopened->undo()); // the set of schema 1
            QCOMPARE(reopened->index().unitByCode("4101050010010101")->households, qint64(211));
            QVERIFY(reopened->index().unitByCode("4101050010010103")->externalCode.isEmpty());
        }
        // what GDAL reads: the new column, titled for QGIS
        GDALDatasetH dataset =
            GDALOpenEx(file.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "grid");
        QVERIFY(layer);
        QVERIFY(OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "external_code") >= 0);
        GDALClose(dataset);
    }

    void readOnlyFileOpensForViewingOnly()
    {
        const QString file = path("readonly.gpkg");
        ProjectFile::create(file, handBuiltProject());
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = fileBytes(file);
        QString message;
        QCOMPARE(openError(file, ProjectFile::Access::ReadWrite, &message), Error::Kind::ReadOnly);
        QVERIFY2(message.contains("read-only"), qPrintable(message));
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().units.size(), size_t(5));
        QCOMPARE(fileBytes(file), before);
        // Nor may a new project replace it.
        QVERIFY_EXCEPTION_THROWN(ProjectFile::create(file, handBuiltProject(), true), Error);
        QCOMPARE(fileBytes(file), before);
    }

    void rowIdsFarApartOpen()
    {
        // the fids once sized what was reserved for reading: 4,000,000,000 asked for 32 GB
        const QString file = path("far-apart.gpkg");
        ProjectFile::create(file, handBuiltProject());
        {
            SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadWrite);
            db.execute("INSERT INTO ga_members (fid, name, phone, gender, status, notes) "
                       "VALUES (4000000000, '远号成员', '', '男', '', '')");
        }
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QCOMPARE(project->data().members.back().id, MemberId(4000000000));
        QCOMPARE(project->data().members.back().name, QStringLiteral("远号成员"));
    }

    void anEmptyLockFileOfNobodyIsTakenOver()
    {
        const QString file = path("emptylock.gpkg");
        ProjectFile::create(file, handBuiltProject());
        const QString lock = path(".emptylock.gpkg.lock");
        QFile empty(lock);
        QVERIFY(empty.open(QIODevice::WriteOnly)); // as a full disk or a crash leaves it
        empty.close();
        // just made: its owner may be writing it this moment
        QString message;
        QCOMPARE(openError(file, ProjectFile::Access::ReadWrite, &message), Error::Kind::Locked);
        QVERIFY2(message.contains("try again") && !message.contains("process 0"), qPrintable(message));
        // left behind: nobody holds it
        QVERIFY(empty.open(QIODevice::ReadWrite));
        QVERIFY(
            empty.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        empty.close();
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadWrite)->data().units.size(), size_t(5));
    }

    void damagedPagesAreFoundBeforeAnEditOrAnUndo()
    {
        const auto damage = [](const QString& file) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(4096)); // page 2
            QByteArray noise(4096, '\0');
            for (int i = 0; i < noise.size(); ++i)
                noise[i] = static_cast<char>((i * 7919 + 13) & 0xff);
            QCOMPARE(f.write(noise), noise.size());
        };
        const QString file = path("damaged-page.gpkg");
        ProjectFile::create(file, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
        damage(file);
        const QByteArray before = fileBytes(file);
        QString message;
        QCOMPARE(openError(file, ProjectFile::Access::ReadWrite, &message), Error::Kind::Corrupt);
        QVERIFY2(message.contains("damaged") && message.contains("damaged-page.gpkg"), qPrintable(message));
        QCOMPARE(fileBytes(file), before);

        // damaged while open: the next undo refuses rather than replaying onto it
        const QString edited = path("damaged-later.gpkg");
        ProjectFile::create(edited, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
        const auto project = ProjectFile::open(edited, ProjectFile::Access::ReadWrite);
        Unit changed = project->data().units.back();
        changed.households += 1;
        project->updateUnits({changed}, "set", "one more household");
        damage(edited);
        try {
            project->undo();
            QFAIL("an undo was replayed onto a damaged file");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Corrupt);
            QVERIFY2(error.message().contains("damaged-later.gpkg"), qPrintable(error.message()));
        }

        // damaged, then edited by us: the edit does not make the damage look checked
        const QString twice = path("damaged-then-edited.gpkg");
        ProjectFile::create(twice, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
        const auto second = ProjectFile::open(twice, ProjectFile::Access::ReadWrite);
        damage(twice);
        Unit other = second->data().units.front();
        other.households += 1;
        try {
            second->updateUnits({other}, "set", "one more household");
        } catch (const Error&) { // SQLite may or may not run into the damaged page itself
        }
        try {
            second->undo();
            QFAIL("an undo was replayed onto a file damaged before the last edit");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Corrupt);
        }
    }

    void refusesFileOpenForWritingElsewhere()
    {
        const QString file = path("busy.gpkg");
        ProjectFile::create(file, handBuiltProject());
        QProcess writer;
        writer.start(TEST_WRITER, {"hold", file});
        QVERIFY(writer.waitForReadyRead(20000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));
        QString message;
        QCOMPARE(openError(file, ProjectFile::Access::ReadWrite, &message), Error::Kind::Locked);
        QVERIFY2(message.contains("another program"), qPrintable(message));
        QVERIFY_EXCEPTION_THROWN(ProjectFile::create(file, handBuiltProject(), true), Error);
        // Viewing is still possible while someone edits.
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().units.size(), size_t(5));
        writer.kill();
        writer.waitForFinished();
        // The lock of a dead process is stale: editing works again.
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadWrite)->data().units.size(), size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "test_projectfile.moc"
