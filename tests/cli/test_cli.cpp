#include "clirun.h"
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "geometry.h"
#include "spatialreference.h"
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <gdal.h>

/** gridatlas-cli end to end, on files, as a script would call it. */
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    using Result = testsupport::RunResult;

    static Result run(const QStringList& arguments)
    {
        return testsupport::runProgram(GRIDATLAS_CLI, arguments);
    }

    static QByteArray digest(const QString& path)
    {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    QJsonObject info(const QString& file)
    {
        const Result result = run({"info", file, "--json"});
        if (result.exitCode != 0)
            qWarning() << result.err;
        return QJsonDocument::fromJson(result.out.toUtf8()).object();
    }

    static QJsonObject level(const QJsonObject& info, const QString& key)
    {
        for (const QJsonValue& value : info.value("levels").toArray())
            if (value.toObject().value("key").toString() == key)
                return value.toObject();
        return {};
    }

private slots:
    void layerCommandsKeepReferenceLayersWithTheProject()
    {
        const QString file = mDir.filePath("layers.gpkg");
        QCOMPARE(run({"demo", file}).exitCode, 0);
        const QString scan = mDir.filePath("scan.tif"); // a scanned map that names no CRS
        GDALAllRegister();
        GDALDatasetH dataset =
            GDALCreate(GDALGetDriverByName("GTiff"), scan.toUtf8().constData(), 64, 64, 1, GDT_Byte, nullptr);
        QVERIFY(dataset);
        GDALClose(dataset);
        const QByteArray before = digest(file);
        const Result unknownCrs = run({"layer", "add", file, scan});
        QCOMPARE(unknownCrs.exitCode, 2);
        QVERIFY2(unknownCrs.err.contains("--crs"), qPrintable(unknownCrs.err));
        QCOMPARE(run({"layer", "add", file, scan, "--opacity", "150%", "--crs", "EPSG:4547"}).exitCode, 2);
        QCOMPARE(digest(file), before); // refused: the file as it was

        const Result added =
            run({"layer", "add", file, scan, "--crs", "EPSG:4547", "--name", "扫描图", "--opacity", "60%"});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(run({"layer", "add", file, "tianditu:img"}).exitCode, 0);
        QCOMPARE(run({"layer", "add", file, "https://tiles.example.org/{z}/{x}/{y}.png"}).exitCode, 0);
        QCOMPARE(run({"layer", "add", file, "https://tiles.example.org/tile.png"}).exitCode,
                 2); // no {x} {y} {z}
        const auto layers = [&] {
            return QJsonDocument::fromJson(run({"layer", "list", file, "--json"}).out.toUtf8())
                .object()
                .value("layers")
                .toArray();
        };
        QJsonArray listed = layers();
        QCOMPARE(listed.size(), 3);
        QCOMPARE(listed.at(0).toObject().value("kind").toString(),
                 QStringLiteral("tile-service")); // top first
        const QJsonObject scanned = listed.at(2).toObject();
        QCOMPARE(scanned.value("name").toString(), QStringLiteral("扫描图"));
        QCOMPARE(scanned.value("source").toString(),
                 QStringLiteral("scan.tif")); // beside the project: relative
        QCOMPARE(scanned.value("crs").toString(), QStringLiteral("EPSG:4547"));
        QCOMPARE(scanned.value("opacity").toDouble(), 0.6);
        QVERIFY(!scanned.value("missing").toBool());

        // moved away: listed as missing, relinked
        QVERIFY(QDir(mDir.path()).mkpath("maps"));
        QVERIFY(QFile::rename(scan, mDir.filePath("maps/scan.tif")));
        QVERIFY(run({"layer", "list", file}).out.contains("MISSING"));
        QCOMPARE(run({"layer", "relink", file, "扫描图", mDir.filePath("maps/scan.tif")}).exitCode, 0);
        listed = layers();
        QCOMPARE(listed.at(2).toObject().value("source").toString(), QStringLiteral("maps/scan.tif"));
        QVERIFY(!listed.at(2).toObject().value("missing").toBool());

        QCOMPARE(run({"layer", "set", file, "1", "--hide"}).exitCode, 0);
        QVERIFY(!layers().at(0).toObject().value("visible").toBool());
        QCOMPARE(run({"layer", "remove", file, "扫描图"}).exitCode, 0);
        QCOMPARE(layers().size(), 2);
        const Result unknown = run({"layer", "remove", file, "没有这层"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("天地图影像"), qPrintable(unknown.err)); // names the layers it has
        QCOMPARE(run({"validate", file}).exitCode, 0); // the project is as sound as before

        // a vector layer copied into the project: the source can go, one file is the whole project
        const QString roads = mDir.filePath("roads.geojson");
        QFile json(roads);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},
            "features":[{"type":"Feature","properties":{"name":"文化路"},
            "geometry":{"type":"LineString","coordinates":[[449900,3840300],[450900,3840500]]}}]})");
        json.close();
        const Result embedded = run({"layer", "add", file, roads, "--embed", "--name", "道路"});
        QVERIFY2(embedded.exitCode == 0, qPrintable(embedded.err));
        QVERIFY(QFile::remove(roads));
        const QJsonObject road = layers().at(0).toObject();
        QCOMPARE(road.value("name").toString(), QStringLiteral("道路"));
        QVERIFY(road.value("embedded").toBool());
        QVERIFY(!road.value("missing").toBool());
        const auto tables = [&](const QString& name) {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "embedded-check");
            db.setDatabaseName(file);
            db.open();
            int count = 0;
            {
                QSqlQuery query(db);
                query.prepare("SELECT count(*) FROM gpkg_contents WHERE table_name = ?");
                query.addBindValue(name);
                query.exec();
                count = query.next() ? query.value(0).toInt() : -1;
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase("embedded-check");
            return count;
        };
        QCOMPARE(tables(road.value("layer").toString()), 1);
        QCOMPARE(run({"validate", file}).exitCode, 0);
        QCOMPARE(run({"layer", "relink", file, "道路", mDir.filePath("maps/scan.tif")}).exitCode, 2);
        QCOMPARE(run({"layer", "remove", file, "道路"}).exitCode, 0);
        QCOMPARE(tables(road.value("layer").toString()), 0); // its copy went with it
    }

    void helpForEveryCommand()
    {
        const Result overview = run({"--help"});
        QCOMPARE(overview.exitCode, 0);
        for (const QString command :
             {"demo",    "new",    "generate", "info",  "validate", "units",   "add",
              "reshape", "corner", "split",    "merge", "move",     "assign",  "recode",
              "set",     "delete", "member",   "undo",  "redo",     "history", "export"}) {
            QVERIFY2(overview.out.contains(command), qPrintable(command));
            const Result help = run({command, "--help"});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains("gridatlas-cli " + command), qPrintable(help.out));
        }
        const Result unknown = run({"frobnicate"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command \"frobnicate\""));
        QCOMPARE(run({"info", "--bogus-option"}).exitCode, 2);
    }

    void demoWritesAndSummarises()
    {
        const QString file = mDir.filePath("demo.gpkg");
        const Result result = run({"demo", file});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("街道")), qPrintable(result.out));
        const QJsonObject summary = info(file);
        QCOMPARE(level(summary, "street").value("units").toInt(), 2);
        QVERIFY(level(summary, "zone").value("units").toInt() > 700);
        const qint64 households = level(summary, "street").value("households").toVariant().toLongLong();
        QVERIFY(households > 20000);
        QCOMPARE(level(summary, "zone").value("households").toVariant().toLongLong(), households);
        QCOMPARE(summary.value("totals").toObject().value("households").toVariant().toLongLong(), households);
        QVERIFY(summary.value("totals").toObject().value("members").toInt() > 300);
        QCOMPARE(level(summary, "grid").value("name").toString(), QStringLiteral("网格"));

        // A second run refuses to overwrite, and the file stays as it was.
        const QByteArray before = digest(file);
        const Result again = run({"demo", file});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already exists"), qPrintable(again.err));
        QCOMPARE(digest(file), before);
        QCOMPARE(run({"demo", file, "--overwrite"}).exitCode, 0);
    }

    void newFromEachTemplate_data()
    {
        QTest::addColumn<QString>("templateKey");
        QTest::addColumn<int>("levels");
        QTest::newRow("five-level") << "five-level" << 5;
        QTest::newRow("five-level-household") << "five-level-household" << 5;
        QTest::newRow("four-level") << "four-level" << 4;
    }

    void newFromEachTemplate()
    {
        QFETCH(QString, templateKey);
        QFETCH(int, levels);
        const QString file = mDir.filePath(templateKey + ".gpkg");
        const Result result =
            run({"new", file, "--template", templateKey, "--name", QStringLiteral("花园路街道网格图")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject summary = info(file);
        QCOMPARE(summary.value("levels").toArray().size(), levels);
        QCOMPARE(summary.value("name").toString(), QStringLiteral("花园路街道网格图"));
        QCOMPARE(summary.value("crs").toString(), QStringLiteral("EPSG:4547"));
        QCOMPARE(summary.value("template").toObject().value("key").toString(), templateKey);
        QCOMPARE(level(summary, "street").value("units").toInt(), 0);
    }

    void newChoosesTheCrs()
    {
        const QString west = mDir.filePath("west.gpkg");
        QCOMPARE(run({"new", west, "--longitude", "104.06"}).exitCode, 0); // Chengdu: CM 105E
        QCOMPARE(info(west).value("crs").toString(), QStringLiteral("EPSG:4544"));
        const QString explicitCrs = mDir.filePath("explicit.gpkg");
        QCOMPARE(run({"new", explicitCrs, "--crs", "EPSG:4526"}).exitCode, 0);
        QCOMPARE(info(explicitCrs).value("crs").toString(), QStringLiteral("EPSG:4526"));
    }

    void newRejectsBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("geographic crs")
            << QStringList{"--crs", "EPSG:4326"} << "not a projected system in metres";
        QTest::newRow("unknown crs") << QStringList{"--crs", "EPSG:999999"}
                                     << "Unknown coordinate reference system";
        QTest::newRow("garbled crs") << QStringList{"--crs", "Beijing"} << "Expected a CRS as EPSG:N";
        QTest::newRow("unknown template")
            << QStringList{"--template", "six-level"} << "Unknown template \"six-level\"";
        QTest::newRow("longitude outside") << QStringList{"--longitude", "10"} << "--longitude";
    }

    void newRejectsBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString file = mDir.filePath("rejected.gpkg");
        const Result result = run(QStringList{"new", file} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(!QFile::exists(file));
    }

    void generateIsDeterministic()
    {
        const QString a = mDir.filePath("a.gpkg"), b = mDir.filePath("b.gpkg"), c = mDir.filePath("c.gpkg");
        QCOMPARE(run({"generate", a, "--zones", "3000", "--seed", "5"}).exitCode, 0);
        QCOMPARE(run({"generate", b, "--zones", "3000", "--seed", "5"}).exitCode, 0);
        QCOMPARE(run({"generate", c, "--zones", "3000", "--seed", "6"}).exitCode, 0);
        const QJsonObject infoA = info(a), infoB = info(b), infoC = info(c);
        QCOMPARE(infoA.value("levels"), infoB.value("levels"));
        QVERIFY(infoA.value("levels") != infoC.value("levels"));
        const int zones = level(infoA, "zone").value("units").toInt();
        QVERIFY2(zones > 2700 && zones < 3300, qPrintable(QString::number(zones)));
        QCOMPARE(run({"generate", a, "--zones", "0"}).exitCode, 2);
        QCOMPARE(run({"generate", mDir.filePath("x.gpkg")}).exitCode, 2);
        QCOMPARE(run({"generate", mDir.filePath("x.gpkg"), "--zones", "300000"}).exitCode, 2);
    }

    void validateAndUnits()
    {
        const QString file = mDir.filePath("validate.gpkg");
        QCOMPARE(run({"demo", file}).exitCode, 0);
        const Result clean = run({"validate", file, "--json"});
        QCOMPARE(clean.exitCode, 0);
        const QJsonObject cleanReport = QJsonDocument::fromJson(clean.out.toUtf8()).object();
        QCOMPARE(cleanReport.value("problems").toArray().size(), 0);
        QCOMPARE(cleanReport.value("summary").toObject().value("gap").toInt(-1), 0);

        // One grid loses its 网格长. (Editing the layers themselves needs the GeoPackage
        // ST_* functions, which plain SQLite lacks; the assignments table has none.)
        QString gridCode;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "edit");
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec("DELETE FROM ga_assignments WHERE role = 'grid_leader' AND unit_fid = (SELECT "
                               "min(fid) FROM grid)"));
            QCOMPARE(query.numRowsAffected(), 1);
            QVERIFY(query.exec("SELECT code FROM grid WHERE fid = (SELECT min(fid) FROM grid)") &&
                    query.next());
            gridCode = query.value(0).toString();
            db.close();
        }
        QSqlDatabase::removeDatabase("edit");
        const Result broken = run({"validate", file, "--json"});
        QCOMPARE(broken.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(broken.out.toUtf8()).object();
        QCOMPARE(report.value("summary").toObject().value("missing_role").toInt(), 1);
        QCOMPARE(report.value("problems").toArray().size(), 1);
        QCOMPARE(run({"validate", file, "--level", "community"}).exitCode, 0);
        const QJsonObject atGrid =
            QJsonDocument::fromJson(run({"validate", file, "--json", "--level", "grid"}).out.toUtf8())
                .object();
        const QJsonArray gridProblems = atGrid.value("problems").toArray();
        QCOMPARE(gridProblems.size(), 1);
        const QJsonObject problem = gridProblems.first().toObject();
        QCOMPARE(problem.value("kind").toString(), QStringLiteral("missing_role"));
        QCOMPARE(problem.value("level").toString(), QStringLiteral("grid"));
        QCOMPARE(problem.value("units").toArray().first().toString(), gridCode);
        QVERIFY(problem.value("x").toDouble() > 400000 && problem.value("y").toDouble() > 3000000);
        QVERIFY(problem.contains("area_m2"));
        const Result text = run({"validate", file});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("missing_role") && text.out.contains(gridCode), qPrintable(text.out));

        // Scope: a street that does not hold the grid is clean.
        const QJsonObject units =
            QJsonDocument::fromJson(run({"units", file, "--json", "--level", "street"}).out.toUtf8())
                .object();
        const QJsonArray streets = units.value("units").toArray();
        QCOMPARE(streets.size(), 2);
        QVERIFY(streets.first().toObject().value("parent").isNull());
        QVERIFY(streets.first().toObject().value("area_m2").toDouble() > 1e5);
        const QString otherStreet = gridCode.startsWith(streets.at(0).toObject().value("code").toString())
                                        ? streets.at(1).toObject().value("code").toString()
                                        : streets.at(0).toObject().value("code").toString();
        QCOMPARE(run({"validate", file, "--within", otherStreet}).exitCode, 0);
        const QJsonArray gridsOfStreet =
            QJsonDocument::fromJson(
                run({"units", file, "--json", "--level", "grid", "--within", otherStreet}).out.toUtf8())
                .object()
                .value("units")
                .toArray();
        QVERIFY(gridsOfStreet.size() > 10 && gridsOfStreet.size() < 40);
        for (const QJsonValue& grid : gridsOfStreet)
            QVERIFY(grid.toObject().value("code").toString().startsWith(otherStreet));

        const Result unknown = run({"validate", file, "--within", "999"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no unit has the code \"999\""));
        QCOMPARE(run({"units", file, "--level", "block"}).exitCode, 2);

        // The missing 网格长, accepted with a note, is still listed but no longer fails.
        QCOMPARE(run({"accept", file, "missing_role", gridCode}).exitCode, 2); // a note is needed
        QCOMPARE(run({"accept", file, "no_such_kind", gridCode, "--note", "x"}).exitCode, 2);
        QCOMPARE(run({"accept", file, "missing_role", "999", "--note", "x"}).exitCode, 2);
        QCOMPARE(run({"accept", file, "missing_role", gridCode, "--note", "新网格长下月到任"}).exitCode, 0);
        const Result accepted = run({"validate", file, "--json"});
        QCOMPARE(accepted.exitCode, 0);
        const QJsonObject acceptedReport = QJsonDocument::fromJson(accepted.out.toUtf8()).object();
        QCOMPARE(acceptedReport.value("problems").toArray().size(), 1);
        QCOMPARE(acceptedReport.value("problems").toArray().first().toObject().value("accepted").toString(),
                 QStringLiteral("新网格长下月到任"));
        QCOMPARE(acceptedReport.value("summary").toObject().value("missing_role").toInt(-1), 0);
        QVERIFY(run({"validate", file}).out.contains("1 more accepted"));
        // Withdrawn, the problem fails again.
        QCOMPARE(run({"accept", file, "missing_role", gridCode, "--withdraw"}).exitCode, 0);
        QCOMPARE(run({"validate", file}).exitCode, 1);

        // A project whose counts are not entered yet: what is not entered is listed apart, and
        // does not fail; faults still do. The saying is kept with the project.
        const QString zone =
            QJsonDocument::fromJson(run({"units", file, "--json", "--level", "zone"}).out.toUtf8())
                .object()
                .value("units")
                .toArray()
                .first()
                .toObject()
                .value("code")
                .toString();
        QCOMPARE(run({"set", file, zone, "--households", "0", "--residents", "0"}).exitCode, 0);
        QCOMPARE(run({"counts", file}).out, QStringLiteral("counts entered\n"));
        QCOMPARE(run({"counts", file, "--not-entered-yet"}).exitCode, 0);
        QCOMPARE(run({"counts", file}).out, QStringLiteral("counts not entered yet\n"));
        QCOMPARE(run({"validate", file}).exitCode, 1); // the missing 网格长 is a fault still
        QCOMPARE(run({"accept", file, "missing_role", gridCode, "--note", "新网格长下月到任"}).exitCode, 0);
        const Result notEntered = run({"validate", file});
        QCOMPARE(notEntered.exitCode, 0);
        QVERIFY2(
            notEntered.out.contains("0 problems found, 1 more accepted, 1 more about data not entered yet"),
            qPrintable(notEntered.out));
        QVERIFY(notEntered.out.contains(zone));
        QCOMPARE(run({"counts", file, "--entered"}).exitCode, 0);
        QCOMPARE(run({"validate", file}).exitCode, 1); // the zone's empty counts count again
        QCOMPARE(run({"counts", file, "--entered", "--not-entered-yet"}).exitCode, 2);
    }

    void setUndoRedoHistory()
    {
        const QString file = mDir.filePath("edit.gpkg");
        QCOMPARE(run({"demo", file}).exitCode, 0);
        const QJsonArray grids =
            QJsonDocument::fromJson(run({"units", file, "--json", "--level", "grid"}).out.toUtf8())
                .object()
                .value("units")
                .toArray();
        const QJsonObject grid = grids.first().toObject();
        const QString code = grid.value("code").toString();
        const qint64 households = grid.value("households").toVariant().toLongLong();
        const qint64 streetBefore = level(info(file), "street").value("households").toVariant().toLongLong();

        const Result set = run({"set", file, code, "--households", QString::number(households + 12)});
        QCOMPARE(set.exitCode, 0);
        QVERIFY2(set.out.contains(code), qPrintable(set.out));
        // The district total follows; the grid's buildings now fall 12 short of it.
        QCOMPARE(level(info(file), "street").value("households").toVariant().toLongLong(), streetBefore + 12);
        const QJsonObject report =
            QJsonDocument::fromJson(run({"validate", file, "--json"}).out.toUtf8()).object();
        QCOMPARE(report.value("summary").toObject().value("count_mismatch").toInt(), 1);

        QCOMPARE(run({"undo", file}).exitCode, 0);
        QCOMPARE(level(info(file), "street").value("households").toVariant().toLongLong(), streetBefore);
        QCOMPARE(run({"validate", file}).exitCode, 0);
        const Result history = run({"history", file});
        QCOMPARE(history.exitCode, 0);
        QVERIFY2(history.out.contains("(undone)") && history.out.contains(code), qPrintable(history.out));
        QCOMPARE(run({"redo", file}).exitCode, 0);
        QCOMPARE(level(info(file), "street").value("households").toVariant().toLongLong(), streetBefore + 12);
        const Result nothing = run({"redo", file});
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY(nothing.err.contains("nothing to redo"));

        const QByteArray before = digest(file);
        for (const QStringList& bad :
             {QStringList{"set", file, "nope", "--households", "3"},
              QStringList{"set", file, code, "--households", "many"},
              QStringList{"set", file, code, "--residents", "-4"}, QStringList{"set", file, code}}) {
            const Result result = run(bad);
            QCOMPARE(result.exitCode, 2);
            QVERIFY(!result.err.isEmpty());
        }
        QCOMPARE(digest(file), before);

        // the grid's code in the city's system, beside ours: set, listed, matched on, removed
        const Result external = run({"set", file, code, "--external-code", "SQ-3-2"});
        QCOMPARE(external.exitCode, 0);
        QVERIFY2(external.out.contains("SQ-3-2"), qPrintable(external.out));
        const QJsonArray listed =
            QJsonDocument::fromJson(run({"units", file, "--json", "--level", "grid"}).out.toUtf8())
                .object()
                .value("units")
                .toArray();
        QVERIFY(std::any_of(listed.begin(), listed.end(), [&](const QJsonValue& unit) {
            return unit.toObject().value("code").toString() == code &&
                   unit.toObject().value("external_code").toString() == QLatin1String("SQ-3-2");
        }));
        const QString counts = mDir.filePath("by-external.csv");
        QFile table(counts);
        QVERIFY(table.open(QIODevice::WriteOnly));
        table.write("code,households\nSQ-3-2,77\n");
        table.close();
        const Result imported = run({"households", "import", file, counts, "--level", "grid"});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QJsonArray after =
            QJsonDocument::fromJson(run({"units", file, "--json", "--level", "grid"}).out.toUtf8())
                .object()
                .value("units")
                .toArray();
        QVERIFY(std::any_of(after.begin(), after.end(), [&](const QJsonValue& unit) {
            return unit.toObject().value("code").toString() == code &&
                   unit.toObject().value("households").toInt() == 77;
        }));
        const Result taken =
            run({"set", file, grids.at(1).toObject().value("code").toString(), "--external-code", "SQ-3-2"});
        QCOMPARE(taken.exitCode, 2);
        QVERIFY2(taken.err.contains(code), qPrintable(taken.err));
        QCOMPARE(run({"set", file, code, "--external-code", ""}).exitCode, 0);
        QVERIFY(!run({"units", file, "--level", "grid"}).out.contains("SQ-3-2"));
    }

    static QString boxWkt(double x0, double y0, double x1, double y1)
    {
        return QStringLiteral("POLYGON((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))")
            .arg(x0, 0, 'f', 3)
            .arg(y0, 0, 'f', 3)
            .arg(x1, 0, 'f', 3)
            .arg(y1, 0, 'f', 3);
    }

    //! area_m2 of each unit by code
    static QHash<QString, double> areas(const QString& file)
    {
        QHash<QString, double> result;
        const QJsonArray units = QJsonDocument::fromJson(run({"units", file, "--json"}).out.toUtf8())
                                     .object()
                                     .value("units")
                                     .toArray();
        for (const QJsonValue& unit : units)
            result.insert(unit.toObject().value("code").toString(),
                          unit.toObject().value("area_m2").toDouble());
        return result;
    }

    //! runs an edit that must succeed; returns the codes it printed
    static QStringList edit(const QStringList& arguments)
    {
        const Result result = run(arguments);
        if (result.exitCode != 0)
            qWarning() << arguments << result.err;
        return result.exitCode == 0 ? result.out.split('\n', Qt::SkipEmptyParts) : QStringList{"failed"};
    }

    void exportsALevelForOtherGisPrograms()
    {
        const QString file = mDir.filePath("export-demo.gpkg");
        QCOMPARE(run({"demo", file}).exitCode, 0);
        const QString shp = mDir.filePath("grids.shp");
        const Result result = run({"export", file, "--level", "grid", "--format", "shp", "-o", shp});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.contains("50 units"));
        for (const char* part : {"grids.shp", "grids.dbf", "grids.prj", "grids.cpg"})
            QVERIFY2(QFile::exists(mDir.filePath(part)), part);
        const Result badFormat = run({"export", file, "--level", "grid", "--format", "xls", "-o", shp});
        QCOMPARE(badFormat.exitCode, 2);
        QVERIFY2(badFormat.err.contains("xls") && badFormat.err.contains("geojson"),
                 qPrintable(badFormat.err));
        const Result badLevel = run({"export", file, "--level", "ward", "--format", "shp", "-o", shp});
        QCOMPARE(badLevel.exitCode, 2);
        QVERIFY(badLevel.err.contains("ward"));

        // The roster as CSV: UTF-8 with a byte order mark, names only with --with-personal.
        const QString csv = mDir.filePath("roster.csv");
        QCOMPARE(run({"export", file, "--format", "csv", "-o", csv}).exitCode, 0);
        QFile roster(csv);
        QVERIFY(roster.open(QIODevice::ReadOnly));
        const QByteArray bytes = roster.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("网格长")));
        QVERIFY(!QString::fromUtf8(bytes).contains(QStringLiteral("姓名")));
        roster.close();
        QCOMPARE(run({"export", file, "--format", "csv", "--with-personal", "--encoding", "gbk", "-o", csv})
                     .exitCode,
                 0);
        QVERIFY(roster.open(QIODevice::ReadOnly));
        QVERIFY(!roster.readAll().startsWith("\xEF\xBB\xBF"));
        const QString xlsx = mDir.filePath("roster.xlsx");
        QCOMPARE(run({"export", file, "--format", "xlsx", "-o", xlsx}).exitCode, 0);
        QVERIFY(QFileInfo(xlsx).size() > 1000);
    }

    void importsBoundariesAndTheRosterAllOrNothing()
    {
        const QString demo = mDir.filePath("import-demo.gpkg");
        QCOMPARE(run({"demo", demo}).exitCode, 0);
        const QString streets = mDir.filePath("streets.geojson");
        const QString communities = mDir.filePath("communities.shp");
        const QString roster = mDir.filePath("import-roster.xlsx");
        QCOMPARE(run({"export", demo, "--level", "street", "--format", "geojson", "-o", streets}).exitCode,
                 0);
        QCOMPARE(run({"export", demo, "--level", "community", "--format", "shp", "-o", communities}).exitCode,
                 0);
        const QString file = mDir.filePath("import-target.gpkg");
        QCOMPARE(run({"new", file, "--template", "five-level"}).exitCode, 0);

        // a dry run shows what would come in and changes nothing
        const QByteArray before = digest(file);
        const Result dry = run({"import", file, streets, "--level", "street", "--dry-run"});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains("Would do") && dry.out.contains("EPSG:4326"), qPrintable(dry.out));
        QCOMPARE(digest(file), before);

        // communities before their streets: every one lies in no street, nothing is imported
        const Result orphans = run({"import", file, communities, "--level", "community"});
        QCOMPARE(orphans.exitCode, 2);
        QVERIFY2(orphans.err.contains("feature 1:") && orphans.err.contains("feature 8:"),
                 qPrintable(orphans.err));
        QCOMPARE(digest(file), before);

        QCOMPARE(run({"import", file, streets, "--level", "street"}).exitCode, 0);
        const Result imported = run({"import", file, communities, "--level", "community", "--map", "org="});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("Import 8"), qPrintable(imported.out));
        const QJsonObject summary = info(file);
        QCOMPARE(summary.value("levels").toArray().at(1).toObject().value("units").toInt(), 8);
        QCOMPARE(summary.value("households").toInt(), info(demo).value("households").toInt());

        // the roster needs its units: the grids are not there yet, so nothing comes in
        QCOMPARE(run({"export", demo, "--format", "xlsx", "--with-personal", "-o", roster}).exitCode, 0);
        const QByteArray withUnits = digest(file);
        const Result noGrids = run({"roster", "import", file, roster});
        QCOMPARE(noGrids.exitCode, 2);
        QVERIFY2(noGrids.err.contains("line 4: no unit has the code"), qPrintable(noGrids.err));
        QCOMPARE(digest(file), withUnits);
        const Result intoDemo = run({"roster", "import", demo, roster, "--dry-run"});
        QVERIFY2(intoDemo.exitCode == 0 && intoDemo.out.contains("Nothing to import"),
                 qPrintable(intoDemo.out));
    }

    void boundaryEditsEndToEnd()
    {
        const QString file = mDir.filePath("redraw.gpkg");
        QCOMPARE(run({"new", file, "--template", "five-level", "--name", "重绘"}).exitCode, 0);
        const double x = 450000, y = 3840000;
        const QString street = edit({"add", file, "--level", "street", "--name", "东街道", "--wkt",
                                     boxWkt(x, y, x + 400, y + 200)})
                                   .value(0);
        const QString community = edit({"add", file, "--level", "community", "--parent", street, "--name",
                                        "东社区", "--wkt", boxWkt(x - 50, y - 50, x + 450, y + 250)})
                                      .value(0);
        QCOMPARE(community, street + "001");
        const QString g1 = edit({"add", file, "--level", "grid", "--parent", community, "--name", "第1网格",
                                 "--wkt", boxWkt(x, y, x + 200, y + 200)})
                               .value(0);
        // drawn over grid 1: only the rest is taken
        const QString g2 = edit({"add", file, "--level", "grid", "--parent", community, "--name", "第2网格",
                                 "--wkt", boxWkt(x + 150, y, x + 400, y + 200)})
                               .value(0);
        QCOMPARE(g2, community + "02");
        QHash<QString, double> area = areas(file);
        QVERIFY(qAbs(area.value(community) - 80000) < 0.1); // clipped to the street
        QVERIFY(qAbs(area.value(g2) - 40000) < 0.1);
        const auto coverageProblems = [&] {
            const QJsonObject summary =
                QJsonDocument::fromJson(run({"validate", file, "--json"}).out.toUtf8())
                    .object()
                    .value("summary")
                    .toObject();
            return summary.value("gap").toInt() + summary.value("overlap").toInt() +
                   summary.value("outside_parent").toInt() + summary.value("invalid_geometry").toInt();
        };
        QCOMPARE(coverageProblems(), 0);

        // the shared edge moves for both
        QCOMPARE(edit({"reshape", file, g1, "--wkt", boxWkt(x, y, x + 250, y + 200)}), QStringList{g1});
        area = areas(file);
        QVERIFY(qAbs(area.value(g1) - 50000) < 0.1);
        QVERIFY(qAbs(area.value(g2) - 30000) < 0.1);
        QCOMPARE(coverageProblems(), 0);

        // a corner moves for both units sharing it (a point on the edge gains one), and goes again
        const auto at = [&](double dx, double dy) {
            return QStringLiteral("%1,%2").arg(x + dx, 0, 'f', 3).arg(y + dy, 0, 'f', 3);
        };
        edit({"corner", file, g1, "--from", at(250, 100), "--to", at(270, 100)});
        area = areas(file);
        QVERIFY2(qAbs(area.value(g1) - 52000) < 0.1, qPrintable(QString::number(area.value(g1))));
        QVERIFY(qAbs(area.value(g2) - 28000) < 0.1);
        QCOMPARE(coverageProblems(), 0);
        edit({"corner", file, g2, "--remove", at(270, 100)});
        area = areas(file);
        QVERIFY(qAbs(area.value(g1) - 50000) < 0.1);
        QCOMPARE(coverageProblems(), 0);
        const Result badPoint = run({"corner", file, g1, "--from", "1;2", "--to", at(0, 0)});
        QCOMPARE(badPoint.exitCode, 2);
        QVERIFY2(badPoint.err.contains("--from expects a point as X,Y"), qPrintable(badPoint.err));
        QCOMPARE(run({"corner", file, g1, "--from", at(250, 100)}).exitCode, 2); // where to?

        // split grid 2 (x 250–400) at x 350: 20000 m² keep the code, 10000 m² get a new one
        const QStringList parts = edit({"split", file, g2, "--line",
                                        QStringLiteral("LINESTRING(%1 %2, %1 %3)")
                                            .arg(x + 350, 0, 'f', 1)
                                            .arg(y - 10, 0, 'f', 1)
                                            .arg(y + 210, 0, 'f', 1)});
        QCOMPARE(parts, (QStringList{g2, community + "03"}));
        area = areas(file);
        QVERIFY(qAbs(area.value(g2) - 20000) < 0.1);
        QVERIFY(qAbs(area.value(parts.at(1)) - 10000) < 0.1);

        // merging grid 1 with the far part makes a grid in two pieces: allowed, and flagged
        QCOMPARE(edit({"merge", file, g1, parts.at(1), "--name", "合并网格"}), QStringList{g1});
        const QJsonObject report =
            QJsonDocument::fromJson(run({"validate", file, "--json"}).out.toUtf8()).object();
        QCOMPARE(report.value("summary").toObject().value("not_contiguous").toInt(), 1);
        QCOMPARE(report.value("summary").toObject().value("overlap").toInt(), 0);
        QCOMPARE(report.value("summary").toObject().value("gap").toInt(), 0);
        QVERIFY(qAbs(areas(file).value(g1) - 60000) < 0.1);
        QCOMPARE(run({"undo", file}).exitCode, 0);
        QVERIFY(qAbs(areas(file).value(parts.at(1)) - 10000) < 0.1);

        // recode: the code must fit the scheme
        QCOMPARE(edit({"recode", file, parts.at(1), community + "09"}), QStringList{community + "09"});

        // --wkt-crs: a building drawn in longitude/latitude (CGCS2000, EPSG:4490)
        std::vector<gridmodel::Point> corners{
            {x + 10, y + 10}, {x + 60, y + 10}, {x + 60, y + 50}, {x + 10, y + 50}, {x + 10, y + 10}};
        gridmodel::CoordinateTransform(4547, 4490).transform(corners);
        QStringList lonLat;
        for (const gridmodel::Point& p : corners)
            lonLat << QStringLiteral("%1 %2").arg(p.x, 0, 'f', 10).arg(p.y, 0, 'f', 10);
        const QString building =
            edit({"add", file, "--level", "building", "--parent", g1, "--name", "1号楼", "--wkt",
                  "POLYGON((" + lonLat.join(", ") + "))", "--wkt-crs", "EPSG:4490"})
                .value(0);
        QVERIFY(qAbs(areas(file).value(building) - 2000) < 0.05);

        // Bad input: a clear error naming the problem, and the file unchanged.
        const QByteArray before = digest(file);
        const QList<QPair<QStringList, QString>> refusals = {
            {{"add", file, "--level", "grid", "--parent", community, "--name", "x", "--wkt",
              "POLYGON((1 2, 3"},
             "Not valid WKT"},
            {{"add", file, "--level", "grid", "--parent", community, "--name", "x", "--wkt",
              boxWkt(x + 1000, y, x + 1100, y + 100)},
             "outside"},
            {{"add", file, "--level", "grid", "--parent", community, "--name", "x", "--wkt",
              QStringLiteral("POLYGON((%1 %2, %3 %4, %3 %2, %1 %4, %1 %2))")
                  .arg(x)
                  .arg(y)
                  .arg(x + 10)
                  .arg(y + 10)},
             "crosses itself"},
            {{"reshape", file, "999", "--wkt", boxWkt(x, y, x + 1, y + 1)}, "\"999\""},
            {{"split", file, g2, "--line",
              QStringLiteral("LINESTRING(%1 %2, %1 %3)")
                  .arg(x + 300, 0, 'f', 1)
                  .arg(y + 10, 0, 'f', 1)
                  .arg(y + 20, 0, 'f', 1)},
             "does not cut"},
            {{"split", file, g2, "--line", boxWkt(x, y, x + 1, y + 1)}, "Expected a LINESTRING"},
            {{"move", file, g2, "--to", street}, "can only take"},
            {{"merge", file, g1, street}, "Only siblings"},
            {{"recode", file, g2, "12345"}, "parent's code"},
            {{"add", file, "--level", "building", "--parent", g1, "--name", "x", "--wkt", boxWkt(1, 1, 2, 2),
              "--wkt-crs", "EPSG:999999"},
             "EPSG:999999"},
        };
        for (const auto& [arguments, expected] : refusals) {
            const Result result = run(arguments);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains(expected), qPrintable(arguments.join(' ') + " -> " + result.err));
        }
        QCOMPARE(digest(file), before);
    }

    void dividesAUnitOnlyWhenAsked()
    {
        const QString file = mDir.filePath("divide.gpkg");
        QCOMPARE(run({"demo", file}).exitCode, 0);
        const QString community = "410105001001";
        const auto gridsOf = [&] {
            int grids = 0;
            for (const QString& line : run({"units", file, "--level", "grid"}).out.split('\n'))
                if (line.section('\t', 3, 3) == community)
                    ++grids;
            return grids;
        };
        const int gridsBefore = gridsOf();
        const QByteArray before = digest(file);

        const Result proposal = run({"divide", file, community, "--level", "grid", "--band", "300-500"});
        QCOMPARE(proposal.exitCode, 0);
        const QStringList lines = proposal.out.trimmed().split('\n');
        QVERIFY(lines.size() > 2);
        QVERIFY(lines.front().startsWith("part\thouseholds"));
        for (const QString& line : lines.mid(1)) {
            const int households = line.section('\t', 1, 1).toInt();
            QVERIFY2(households >= 300 && households <= 500, qPrintable(line));
            QCOMPARE(line.section('\t', 3, 3), QStringLiteral("yes"));
        }
        QVERIFY2(proposal.err.contains(QStringLiteral("%1 within 300–500 households").arg(lines.size() - 1)),
                 qPrintable(proposal.err));
        QCOMPARE(digest(file), before); // nothing changed without --apply

        // bad requests name the problem and change nothing
        const Result wrongLevel = run({"divide", file, community, "--level", "building"});
        QCOMPARE(wrongLevel.exitCode, 2);
        QVERIFY2(wrongLevel.err.contains("--level grid"), qPrintable(wrongLevel.err));
        const Result emptyBand = run({"divide", file, community, "--level", "grid", "--band", "500-300"});
        QCOMPARE(emptyBand.exitCode, 2);
        QVERIFY2(emptyBand.err.contains(QStringLiteral("500–300")), qPrintable(emptyBand.err));
        const Result noBarriers = run({"divide", file, community, "--level", "grid", "--barriers", "roads"});
        QCOMPARE(noBarriers.exitCode, 2);
        QVERIFY2(noBarriers.err.contains("\"roads\" is neither a reference layer"),
                 qPrintable(noBarriers.err));
        QCOMPARE(digest(file), before);

        // a road from a GIS file (the project keeps it as a reference layer below)
        const QString roads = mDir.filePath("roads.geojson");
        {
            QFile geojson(roads);
            QVERIFY(geojson.open(QIODevice::WriteOnly));
            geojson.write(R"({"type":"FeatureCollection",
              "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},
              "features":[{"type":"Feature","properties":{},
              "geometry":{"type":"LineString","coordinates":[[400000,3840300],[500000,3840300]]}}]})");
        }
        const Result withRoad = run({"divide", file, community, "--level", "grid", "--barriers", roads});
        QVERIFY2(withRoad.exitCode == 0 || withRoad.exitCode == 1, qPrintable(withRoad.err));
        QVERIFY2(withRoad.err.contains(QStringLiteral("1 barrier lines near %1").arg(community)),
                 qPrintable(withRoad.err));
        // the same road as a reference layer of the project, by its name
        QCOMPARE(run({"layer", "add", file, roads, "--name", "道路"}).exitCode, 0);
        const Result byName = run({"divide", file, community, "--level", "grid", "--barriers", "道路"});
        QVERIFY2(byName.err.contains(QStringLiteral("1 barrier lines near %1").arg(community)),
                 qPrintable(byName.err));
        QCOMPARE(byName.out, withRoad.out);

        const Result applied =
            run({"divide", file, community, "--level", "grid", "--band", "300-500", "--apply"});
        QCOMPARE(applied.exitCode, 0);
        QCOMPARE(applied.out, proposal.out); // the same proposal for the same seed
        QCOMPARE(gridsOf(), lines.size() - 1);
        QCOMPARE(run({"undo", file}).exitCode, 0);
        QCOMPARE(gridsOf(), gridsBefore);
    }

    void membersKeepPhonesPrivate()
    {
        const QString file = mDir.filePath("members.gpkg");
        QCOMPARE(run({"new", file, "--template", "four-level"}).exitCode, 0);
        const Result added =
            run({"member", "add", file, "--name", QStringLiteral("王小明"), "--phone", "13800001111"});
        QCOMPARE(added.exitCode, 0);
        const QString id = added.out.trimmed();
        QCOMPARE(id, QStringLiteral("1"));
        const Result list = run({"member", "list", file});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("王小明")));
        QVERIFY2(!list.out.contains("13800001111"), "a phone number was printed without --with-personal");
        QVERIFY(run({"member", "list", file, "--with-personal"}).out.contains("13800001111"));
        // a phone is checked as the roster import checks it
        const Result badPhone =
            run({"member", "add", file, "--name", QStringLiteral("李四"), "--phone", "12ab"});
        QCOMPARE(badPhone.exitCode, 2);
        QVERIFY2(badPhone.err.contains("\"12ab\" is not a phone number"), qPrintable(badPhone.err));
        // a name with terminal escapes is shown, not obeyed
        const QString escapes = QStringLiteral("\x1b[2J清屏") + QChar(0x9b) + QStringLiteral("31m");
        QCOMPARE(run({"member", "add", file, "--name", escapes}).exitCode, 0);
        const Result escaped = run({"member", "list", file});
        QVERIFY2(escaped.out.contains(QStringLiteral("\\x1b[2J清屏\\x9b31m")), qPrintable(escaped.out));
        QVERIFY(!escaped.out.contains(QChar(0x1b)) && !escaped.out.contains(QChar(0x9b)));
        const Result noUnit = run({"member", "assign", file, id, "001", "--role", "grid_leader"});
        QCOMPARE(noUnit.exitCode, 2);
        QVERIFY(noUnit.err.contains("No unit has the code \"001\""));
        QCOMPARE(run({"member", "fire", file}).exitCode, 2);
        QCOMPARE(run({"delete", file, "001"}).exitCode, 2);
        // removing a person from the roster says what undo can no longer bring back
        const Result removed = run({"member", "remove", file, id});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY2(removed.out.contains(QStringLiteral("Removed 王小明 (成员 1)")) &&
                     removed.out.contains("undo"),
                 qPrintable(removed.out));
        QVERIFY(!run({"member", "list", file}).out.contains(QStringLiteral("王小明")));
        QVERIFY(!run({"history", file}).out.contains(QStringLiteral("王小明")));
        QCOMPARE(run({"member", "remove", file, id}).exitCode, 2); // gone already
    }

    void infoRefusesWhatIsNotAProject()
    {
        const QString text = mDir.filePath("notes.gpkg");
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello");
        file.close();
        const Result result = run({"info", text});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("is not a GeoPackage"), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        const Result missing = run({"info", mDir.filePath("nothing.gpkg")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("does not exist"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
