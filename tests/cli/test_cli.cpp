#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

/** gridatlas-cli end to end, on files, as a script would call it. */
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result run(const QStringList& arguments)
    {
        QProcess process;
        process.start(GRIDATLAS_CLI, arguments);
        process.waitForFinished(300000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
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
    void helpForEveryCommand()
    {
        const Result overview = run({"--help"});
        QCOMPARE(overview.exitCode, 0);
        for (const QString command : {"demo", "new", "generate", "info", "validate", "units", "set", "delete",
                                      "member", "undo", "redo", "history"}) {
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
        const Result noUnit = run({"member", "assign", file, id, "001", "--role", "grid_leader"});
        QCOMPARE(noUnit.exitCode, 2);
        QVERIFY(noUnit.err.contains("No unit has the code \"001\""));
        QCOMPARE(run({"member", "fire", file}).exitCode, 2);
        QCOMPARE(run({"delete", file, "001"}).exitCode, 2);
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
