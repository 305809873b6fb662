#include "districtgenerator.h"
#include "error.h"
#include "geosengine.h"
#include "hierarchyeditor.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectsession.h"
#include "qgisruntime.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <qgsapplication.h>
#include <qgsvectorlayer.h>

using namespace gridmodel;

/** An open project in the desktop program: edits reach the map layers, undo too. */
class TestProjectSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    QString freshDemo() { return testsupport::freshDemoFile(mDir); }

    static double layerArea(QgsVectorLayer* layer, qint64 fid)
    {
        return layer->getFeature(fid).geometry().area();
    }

private slots:
    void editsReachTheMapAndUndoRestores()
    {
        const auto session = mapcore::ProjectSession::open(freshDemo());
        QVERIFY(session->isEditable());
        QVERIFY(session->undoDescription().isEmpty());
        const int zoneLevel = session->data().hierarchy.levelCount() - 1;
        const Unit zone = *std::find_if(session->data().units.begin(), session->data().units.end(),
                                        [&](const Unit& u) { return u.level == zoneLevel; });
        QgsVectorLayer* zones = session->layers().layer(zoneLevel);
        const double before = layerArea(zones, zone.id);
        QVERIFY(qAbs(before - zone.boundary.area()) < 1e-3);

        QSignalSpy edited(session.get(), &mapcore::ProjectSession::edited);
        // Split the zone across its envelope: the map layer shows the smaller part at once.
        const Envelope box = zone.boundary.envelope();
        QString error;
        QVERIFY2(session->edit(
                     [&](ProjectFile& project) {
                         return HierarchyEditor(project)
                             .split(zone.code,
                                    {{box.center().x, box.minY - 1}, {box.center().x, box.maxY + 1}})
                             .changes;
                     },
                     &error),
                 qPrintable(error));
        QCOMPARE(edited.count(), 1);
        const double after = layerArea(zones, zone.id);
        QVERIFY2(after < before - 1, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(zones->featureCount(), qint64(797));
        QVERIFY(session->undoDescription().contains(zone.code));

        QVERIFY(session->undo(&error));
        QCOMPARE(edited.count(), 2);
        QVERIFY(qAbs(layerArea(zones, zone.id) - before) < 1e-3);
        QCOMPARE(zones->featureCount(), qint64(796));
        QVERIFY(session->redoDescription().contains(zone.code));
        QVERIFY(session->redo(&error));
        QVERIFY(qAbs(layerArea(zones, zone.id) - after) < 1e-3);
    }

    void anEditInPlaceIsReadWithoutReload()
    {
        const auto session = mapcore::ProjectSession::open(freshDemo());
        const int zoneLevel = session->data().hierarchy.levelCount() - 1;
        const Unit zone = *std::find_if(session->data().units.begin(), session->data().units.end(),
                                        [&](const Unit& u) { return u.level == zoneLevel; });
        QgsVectorLayer* zones = session->layers().layer(zoneLevel);
        QCOMPARE(zones->getFeature(zone.id).attribute(QStringLiteral("households")).toLongLong(),
                 zone.households);
        QVERIFY(session->edit([&](ProjectFile& project) {
            return ProjectEditor(project).setAttributes(zone.code, {zone.households + 3});
        }));
        QCOMPARE(zones->getFeature(zone.id).attribute(QStringLiteral("households")).toLongLong(),
                 zone.households + 3);
        // and the parents' totals, one level up
        QgsVectorLayer* buildings = session->layers().layer(zoneLevel - 1);
        QCOMPARE(buildings->getFeature(zone.parentId).attribute(QStringLiteral("households")).toLongLong(),
                 session->project().index().unit(zone.parentId)->households);
    }

    void aRefusedEditChangesNothing()
    {
        const auto session = mapcore::ProjectSession::open(freshDemo());
        QSignalSpy edited(session.get(), &mapcore::ProjectSession::edited);
        QString error;
        QVERIFY(!session->edit(
            [](ProjectFile& project) {
                return HierarchyEditor(project).recode(QStringLiteral("nope"), "1").changes;
            },
            &error));
        QVERIFY(error.contains(QStringLiteral("nope")));
        QCOMPARE(edited.count(), 0);
        QVERIFY(!session->undo(&error));
    }

    void aLockedProjectOpensForViewing()
    {
        const QString file = freshDemo();
        const auto editor = ProjectFile::open(file, ProjectFile::Access::ReadWrite); // another "program"
        const auto session = mapcore::ProjectSession::open(file);
        QVERIFY(!session->isEditable());
        QVERIFY(!session->readOnlyReason().isEmpty());
        QVERIFY(session->layers().layer(0)->isValid());
        QString error;
        QVERIFY(!session->edit(
            [](ProjectFile& p) { return HierarchyEditor(p).recode("410105001", "410105009").changes; },
            &error));
        QVERIFY(!error.isEmpty());
    }
};

int main(int argc, char* argv[])
{
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    int result = 0;
    {
        TestProjectSession test;
        result = QTest::qExec(&test, argc, argv);
    }
    mapcore::QgisRuntime::stop();
    return result;
}

#include "test_projectsession.moc"
