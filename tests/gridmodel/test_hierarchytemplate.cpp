#include "error.h"
#include "hierarchytemplate.h"

#include <QFile>
#include <QtTest>

using namespace gridmodel;

class TestHierarchyTemplate : public QObject
{
    Q_OBJECT

private slots:
    void builtinTemplates_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("levels");
        QTest::addColumn<QString>("leafName");
        QTest::newRow("five-level") << "five-level"
                                    << QStringList{"street", "community", "grid", "building", "zone"}
                                    << "党员责任区";
        QTest::newRow("five-level-household")
            << "five-level-household" << QStringList{"street", "community", "grid", "building", "zone"}
            << "党员中心户";
        QTest::newRow("four-level") << "four-level" << QStringList{"street", "community", "grid", "building"}
                                    << "楼栋(单元)";
    }

    void builtinTemplates()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, levels);
        QFETCH(QString, leafName);
        const HierarchyTemplate t = HierarchyTemplate::builtin(key);
        QCOMPARE(t.key(), key);
        QStringList keys;
        for (const LevelDefinition& level : t.levels())
            keys << level.key;
        QCOMPARE(keys, levels);
        QCOMPARE(t.levels().back().name.zh, leafName);
        // Every grid needs a 网格长.
        const LevelDefinition& grid = t.level(t.levelIndex("grid"));
        QVERIFY(grid.role("grid_leader"));
        QVERIFY(grid.role("grid_leader")->required);
        QCOMPARE(grid.role("grid_leader")->name.zh, QStringLiteral("网格长"));
        QVERIFY(grid.households.isSet());
        // The shipped file under data/ is the one compiled in.
        QFile file(QStringLiteral(GRIDATLAS_SOURCE_DIR "/data/templates/%1.json").arg(key));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(HierarchyTemplate::fromJson(file.readAll()), t);
    }

    void householdTemplateBand()
    {
        const HierarchyTemplate t = HierarchyTemplate::builtin("five-level-household");
        const LevelDefinition& leaf = t.levels().back();
        QCOMPARE(*leaf.households.min, 30);
        QCOMPARE(*leaf.households.max, 50);
        QVERIFY(!leaf.households.contains(80));
        QVERIFY(leaf.households.contains(40));
        QCOMPARE(t.ratioRules().size(), size_t(1));
        QCOMPARE(t.ratioRules().front().roleKey, QStringLiteral("central_household"));
    }

    void jsonRoundTrip()
    {
        for (const QString& key : HierarchyTemplate::builtinKeys()) {
            const HierarchyTemplate t = HierarchyTemplate::builtin(key);
            QCOMPARE(HierarchyTemplate::fromJson(t.toJson()), t);
        }
        // Organisations and rule descriptions are optional, and stay so when written back.
        const HierarchyTemplate minimal = HierarchyTemplate::fromJson(
            R"({"key":"m","name":"m","levels":[{"key":"street","name":"街道"},{"key":"grid","name":"网格",
                "roles":[{"key":"leader","name":"网格长"}]}],
                "ratios":[{"key":"r","level":"grid","role":"leader","households_per_member":{"max":9}}]})");
        QCOMPARE(HierarchyTemplate::fromJson(minimal.toJson()), minimal);
    }

    void rejectsBadTemplates_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{levels: [") << "not valid JSON";
        QTest::newRow("one level")
            << QByteArray(R"({"key":"x","name":"x","levels":[{"key":"street","name":"街道"}]})")
            << "2 to 5 levels";
        QTest::newRow("unknown level")
            << QByteArray(
                   R"({"key":"x","name":"x","levels":[{"key":"street","name":"a"},{"key":"block","name":"b"}]})")
            << "unknown level key \"block\"";
        QTest::newRow("out of order")
            << QByteArray(
                   R"({"key":"x","name":"x","levels":[{"key":"grid","name":"a"},{"key":"street","name":"b"}]})")
            << "out of order";
        QTest::newRow("band upside down")
            << QByteArray(
                   R"({"key":"x","name":"x","levels":[{"key":"street","name":"a"},{"key":"grid","name":"b","bands":{"households":{"min":50,"max":30}}}]})")
            << "minimum is above its maximum";
        QTest::newRow("ratio on unknown role")
            << QByteArray(
                   R"({"key":"x","name":"x","levels":[{"key":"street","name":"a"},{"key":"grid","name":"b"}],"ratios":[{"key":"r","level":"grid","role":"nobody"}]})")
            << "role \"nobody\"";
        QTest::newRow("repeated role")
            << QByteArray(
                   R"({"key":"x","name":"x","levels":[{"key":"street","name":"a"},{"key":"grid","name":"b","roles":[{"key":"a","name":"x"},{"key":"a","name":"y"}]}]})")
            << "repeated key";
    }

    void rejectsBadTemplates()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        try {
            HierarchyTemplate::fromJson(json);
            QFAIL("accepted a bad template");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
            QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        }
    }

    void defaultEditingLevelIsTheGrid()
    {
        QCOMPARE(HierarchyTemplate::builtin("five-level").defaultEditingLevel(), 2);
        QCOMPARE(HierarchyTemplate::builtin("four-level").defaultEditingLevel(), 2);
        const HierarchyTemplate noGrid = HierarchyTemplate::fromJson(
            R"({"key":"x","name":"x","levels":[{"key":"street","name":"a"},{"key":"community","name":"b"}]})");
        QCOMPARE(noGrid.defaultEditingLevel(), 1);
    }

    void unknownBuiltin() { QVERIFY_EXCEPTION_THROWN(HierarchyTemplate::builtin("six-level"), Error); }
};

QTEST_GUILESS_MAIN(TestHierarchyTemplate)
#include "test_hierarchytemplate.moc"
