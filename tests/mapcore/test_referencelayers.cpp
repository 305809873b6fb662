#include "error.h"
#include "levelstyle.h"
#include "mapimage.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectsession.h"
#include "qgisruntime.h"
#include "reference/referencesource.h"
#include "referencemaplayers.h"
#include "stockqgisproject.h"
#include "streetproject.h"
#include "testrasters.h"
#include "textencoding.h"
#include "tileserver.h"

#include <QAbstractNetworkCache>
#include <QBuffer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgslayertree.h>
#include <qgsnetworkaccessmanager.h>
#include <qgsproject.h>
#include <qgsrasterlayer.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorlayer.h>

using namespace gridmodel;
using testsupport::X;
using testsupport::Y;

using testsupport::TileServer;

/**
 * Reference layers under the levels: a GeoTIFF, an MBTiles file and a roads shapefile in GBK
 * without .cpg, each made here, drawn where they lie; a missing file is named and relinked.
 */
class TestReferenceLayers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString mProject;

    QString path(const QString& name) const { return mDir.filePath(name); }

    //! a one-colour GeoTIFF in EPSG:4547 over the street and 50 m around it (400 m × 200 m)
    static void writeGeoTiff(const QString& file, QColor colour, int size = 400)
    {
        const int value[3] = {colour.red(), colour.green(), colour.blue()};
        QVERIFY(testsupport::writeGeoTiff(
            file, X - 50, Y + 150, 400.0 / size, size, size / 2,
            [&](int band, int, int) { return static_cast<unsigned char>(value[band - 1]); }));
    }

    //! a road across the street at half its height, named in GBK, its .cpg taken away
    void writeGbkRoads(const QString& file)
    {
        GDALDriverH driver = GDALGetDriverByName("ESRI Shapefile");
        GDALDatasetH dataset = GDALCreate(driver, file.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
        QVERIFY(dataset);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 4547);
        // the bytes written as given (QGIS sets SHAPE_ENCODING for the whole process): GBK ones
        char** options = CSLSetNameValue(nullptr, "ENCODING", "");
        OGRLayerH layer = GDALDatasetCreateLayer(dataset, "roads", srs, wkbLineString, options);
        CSLDestroy(options);
        OSRDestroySpatialReference(srs);
        OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(feature, 0, TextEncoding::toGbk(QStringLiteral("文化路")).constData());
        OGRGeometryH line = OGR_G_CreateGeometry(wkbLineString);
        OGR_G_AddPoint_2D(line, X - 40, Y + 50);
        OGR_G_AddPoint_2D(line, X + 340, Y + 50);
        OGR_F_SetGeometryDirectly(feature, line);
        QVERIFY(OGR_L_CreateFeature(layer, feature) == OGRERR_NONE);
        OGR_F_Destroy(feature);
        GDALClose(dataset);
        QFile::remove(QString(file).replace(QLatin1String(".shp"), QLatin1String(".cpg")));
        QVERIFY(!QFile::exists(QString(file).replace(QLatin1String(".shp"), QLatin1String(".cpg"))));
    }

    //! the map: the street's levels over the references, 600 × 200 px over 300 m × 100 m
    QImage render(const mapcore::ReferenceMapLayers& references, bool withLevels = true) const
    {
        const HierarchyTemplate hierarchy = ProjectFile::readHierarchy(mProject);
        mapcore::ProjectLayers levels(mProject, hierarchy, 2);
        levels.setOverReferences(!references.visibleLayersTopFirst().isEmpty());
        QList<QgsMapLayer*> layers = withLevels ? levels.layersTopFirst() : QList<QgsMapLayer*>();
        layers << references.visibleLayersTopFirst();
        return mapcore::renderMapImage(layers, QgsRectangle(X, Y, X + 300, Y + 100), levels.crs(),
                                       QSize(600, 200));
    }

    static bool reddish(const QColor& c) { return c.red() > c.green() + 40 && c.red() > c.blue() + 40; }
    static bool bluish(const QColor& c) { return c.blue() > c.red() + 40 && c.blue() > c.green() + 40; }

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        GDALAllRegister();
        mProject = path(QStringLiteral("street.gpkg"));
        ProjectFile::create(mProject, testsupport::streetProject());
    }

    void eachKindIsDrawnUnderTheUnits()
    {
        writeGeoTiff(path(QStringLiteral("ortho.tif")), QColor(200, 30, 30));
        writeGbkRoads(path(QStringLiteral("roads.shp")));
        // tiles: the same kind of image, blue, written as MBTiles (GDAL reprojects it to Web Mercator)
        writeGeoTiff(path(QStringLiteral("blue.tif")), QColor(30, 30, 200));
        GDALDatasetH blue = GDALOpen(path(QStringLiteral("blue.tif")).toUtf8().constData(), GA_ReadOnly);
        GDALDatasetH tiles = GDALCreateCopy(GDALGetDriverByName("MBTiles"),
                                            path(QStringLiteral("tiles.mbtiles")).toUtf8().constData(), blue,
                                            FALSE, nullptr, nullptr, nullptr);
        QVERIFY(tiles);
        GDALClose(tiles);
        GDALClose(blue);

        // what the project keeps: kinds told apart, paths beside the project relative, GBK found
        const ReferenceLayer ortho = ReferenceSource::layerFor(path(QStringLiteral("ortho.tif")), mProject);
        QCOMPARE(ortho.kind, ReferenceLayer::Kind::Raster);
        QCOMPARE(ortho.source, QStringLiteral("ortho.tif"));
        const ReferenceLayer roads = ReferenceSource::layerFor(path(QStringLiteral("roads.shp")), mProject);
        QCOMPARE(roads.kind, ReferenceLayer::Kind::Vector);
        QCOMPARE(roads.encoding, QStringLiteral("GBK"));
        const ReferenceLayer mbtiles =
            ReferenceSource::layerFor(path(QStringLiteral("tiles.mbtiles")), mProject);
        QCOMPARE(mbtiles.kind, ReferenceLayer::Kind::Tiles);

        const QString out = QStringLiteral(GRIDATLAS_BINARY_DIR "/test-output");
        QDir().mkpath(out);
        mapcore::ReferenceMapLayers references;
        const QImage bare = render(references);

        // the orthophoto shows through the units' pale fill, and the map keeps the units' lines
        references.update({ortho}, mProject);
        QVERIFY2(references.unavailable().isEmpty(), qPrintable(references.unavailable().join('\n')));
        const QImage withImage = render(references);
        withImage.save(out + QStringLiteral("/reference-raster.png"));
        QVERIFY(!reddish(bare.pixelColor(50, 60)));
        QVERIFY2(reddish(withImage.pixelColor(50, 60)), qPrintable(withImage.pixelColor(50, 60).name()));

        // at half opacity it is paler
        ReferenceLayer faint = ortho;
        faint.opacity = 0.3;
        references.update({faint}, mProject);
        const QColor pale = render(references, false).pixelColor(50, 60);
        QVERIFY2(pale.green() > 120 && reddish(pale), qPrintable(pale.name()));

        // the road: a line at half height, its Chinese name read from GBK
        ReferenceLayer labelled = roads;
        labelled.style.lineColor = QStringLiteral("#202020");
        labelled.style.lineWidth = 1.2;
        labelled.style.labelField = QStringLiteral("name");
        references.update({labelled}, mProject);
        const QImage roadImage = render(references, false);
        roadImage.save(out + QStringLiteral("/reference-roads.png"));
        QVERIFY2(roadImage.pixelColor(70, 100).lightness() < 100,
                 qPrintable(roadImage.pixelColor(70, 100).name()));
        QCOMPARE(roadImage.pixelColor(70, 60), QColor(Qt::white));
        auto* roadLayer = qobject_cast<QgsVectorLayer*>(references.layer(labelled.name));
        QVERIFY(roadLayer);
        QgsFeature feature;
        QVERIFY(roadLayer->getFeatures().nextFeature(feature));
        QCOMPARE(feature.attribute(QStringLiteral("name")).toString(), QStringLiteral("文化路"));

        // tiles, reprojected on the fly from Web Mercator
        references.update({mbtiles}, mProject);
        QVERIFY2(references.unavailable().isEmpty(), qPrintable(references.unavailable().join('\n')));
        QCOMPARE(references.layer(mbtiles.name)->crs().authid(), QStringLiteral("EPSG:3857"));
        const QImage tileImage = render(references, false);
        tileImage.save(out + QStringLiteral("/reference-tiles.png"));
        QVERIFY2(bluish(tileImage.pixelColor(300, 100)), qPrintable(tileImage.pixelColor(300, 100).name()));

        // the first is drawn on top: the road over the tiles, both under the units
        references.update({labelled, mbtiles}, mProject);
        const QImage both = render(references);
        both.save(out + QStringLiteral("/reference-both.png"));
        const QColor onRoad = both.pixelColor(70, 100), offRoad = both.pixelColor(70, 60);
        QVERIFY2(onRoad.lightness() < offRoad.lightness() - 30,
                 qPrintable(onRoad.name() + " " + offRoad.name()));
        QVERIFY2(offRoad.blue() > offRoad.red() + 20, qPrintable(offRoad.name()));
    }

    void aTileServiceIsDrawnFromItsServer()
    {
        TileServer server;
        const QString url = QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.port());
        const ReferenceLayer tiles = ReferenceSource::layerFor(url, mProject);
        QCOMPARE(tiles.kind, ReferenceLayer::Kind::TileService);
        mapcore::ReferenceMapLayers references;
        references.update({tiles}, mProject);
        QVERIFY2(references.unavailable().isEmpty(), qPrintable(references.unavailable().join('\n')));
        const QImage image = render(references, false);
        image.save(QStringLiteral(GRIDATLAS_BINARY_DIR "/test-output/reference-xyz.png"));
        const QColor middle = image.pixelColor(300, 100);
        QVERIFY2(middle.green() > middle.red() + 60, qPrintable(middle.name()));
        QVERIFY(server.served() > 0);
        // kept in QGIS's disk cache, in the user's cache folder: drawn again later without the network
        QAbstractNetworkCache* cache = QgsNetworkAccessManager::instance()->cache();
        QVERIFY(cache);
        for (const QString& served : server.servedUrls())
            QVERIFY2(cache->metaData(QUrl(served)).isValid(), qPrintable(served));
        server.quit();
        server.wait();
        mapcore::ReferenceMapLayers again;
        again.update({tiles}, mProject);
        const QImage offline = render(again, false);
        QVERIFY2(offline.pixelColor(300, 100).green() > offline.pixelColor(300, 100).red() + 60,
                 qPrintable(offline.pixelColor(300, 100).name()));

        // a service nobody answers: the map is drawn all the same, without it
        ReferenceLayer gone = tiles;
        gone.source = QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"); // the discard port: refused
        references.update({gone}, mProject);
        QSignalSpy unreachable(&references, &mapcore::ReferenceMapLayers::serviceUnreachable);
        const QImage without = render(references, false);
        QCOMPARE(without.pixelColor(300, 100), QColor(Qt::white));
        // said once, however many tiles failed, naming the layer and why
        QTRY_COMPARE(unreachable.size(), 1);
        QCOMPARE(unreachable.first().at(0).toString(), gone.name);
        QVERIFY2(unreachable.first().at(1).toString().contains(QStringLiteral("refused")),
                 qPrintable(unreachable.first().at(1).toString()));
        render(references, false);
        QTest::qWait(200);
        QCOMPARE(unreachable.size(), 1);
    }

    void stockQgisOpensTheProjectStyledWithItsReferences()
    {
        const QString file = path(QStringLiteral("for-qgis.gpkg"));
        ProjectFile::create(file, testsupport::streetProject());
        writeGbkRoads(path(QStringLiteral("qgis-roads.shp")));
        {
            auto session = mapcore::ProjectSession::open(file); // editable: writes what QGIS needs
            QVERIFY(session->isEditable());
            ReferenceLayer roads = ReferenceSource::layerFor(path(QStringLiteral("qgis-roads.shp")), file);
            roads.name = QStringLiteral("道路");
            QVERIFY(session->setReferenceLayers({roads}));
        }
        // stock QGIS: the stored project lists the levels top first, the roads under them
        QgsProject project;
        QVERIFY2(project.read(mapcore::StockQgisProject::projectUri(file)), qPrintable(project.error()));
        const QList<QgsLayerTreeLayer*> tree = project.layerTreeRoot()->findLayers();
        QCOMPARE(tree.size(), 5);
        QCOMPARE(tree.first()->layer()->name(), QStringLiteral("街道"));
        QCOMPARE(tree.at(3)->layer()->name(), QStringLiteral("楼栋"));
        QCOMPARE(tree.last()->layer()->name(), QStringLiteral("道路"));
        QVERIFY(tree.last()->layer()->isValid());
        // a level opened alone takes GridAtlas's style as its default
        QgsVectorLayer grid(QStringLiteral("%1|layername=grid").arg(file), QStringLiteral("grid"),
                            QStringLiteral("ogr"));
        QVERIFY(grid.isValid());
        auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(grid.renderer());
        QVERIFY(renderer);
        QCOMPARE(renderer->rootRule()->children().size(), 2); // in detail, and as hairlines
        auto* fill = dynamic_cast<QgsSimpleFillSymbolLayer*>(
            renderer->rootRule()->children().first()->symbol()->symbolLayer(0));
        QVERIFY(fill);
        QCOMPARE(fill->strokeColor(), mapcore::LevelStyle::forLevel(QStringLiteral("grid")).stroke);
        QVERIFY(grid.labelsEnabled());
        // and GridAtlas opens it as before
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadWrite)->data().units.size(),
                 testsupport::streetProject().units.size());

        // changed from the command line, the stored project follows: roads out, a raster in
        const QString imagery = path(QStringLiteral("qgis-imagery.tif"));
        writeGeoTiff(imagery, QColor(90, 140, 90));
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("layer"), QStringLiteral("add"), file, imagery,
                          QStringLiteral("--name"), QStringLiteral("影像")},
              QStringList{QStringLiteral("layer"), QStringLiteral("remove"), file, QStringLiteral("道路")}}) {
            QProcess cli;
            cli.start(QStringLiteral(GRIDATLAS_CLI), arguments);
            QVERIFY(cli.waitForFinished(60000));
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        }
        QgsProject changed;
        QVERIFY2(changed.read(mapcore::StockQgisProject::projectUri(file)), qPrintable(changed.error()));
        const QList<QgsLayerTreeLayer*> now = changed.layerTreeRoot()->findLayers();
        QCOMPARE(now.size(), 5);
        QCOMPARE(now.last()->layer()->name(), QStringLiteral("影像"));
        QVERIFY(now.last()->layer()->isValid());
    }

    void aVectorLayerCopiedIntoTheProjectNeedsNoOtherFile()
    {
        const QString file = path(QStringLiteral("whole.gpkg"));
        ProjectFile::create(file, testsupport::streetProject());
        const QString roadsFile = path(QStringLiteral("gbk-roads.shp"));
        writeGbkRoads(roadsFile);
        ReferenceLayer roads = ReferenceSource::layerFor(roadsFile, file);
        QCOMPARE(roads.encoding, QStringLiteral("GBK"));
        roads.style.lineColor = QStringLiteral("#202020");
        roads.style.lineWidth = 1.2;
        const ReferenceLayer copied = ReferenceSource::embed(roads, file);
        QVERIFY(copied.embedded);
        QVERIFY(!copied.isMissing(file));
        for (const char* part : {".shp", ".shx", ".dbf", ".prj"}) // the source is no longer needed
            QFile::remove(path(QStringLiteral("gbk-roads") + QLatin1String(part)));
        mapcore::ReferenceMapLayers references;
        references.update({copied}, file);
        QVERIFY2(references.unavailable().isEmpty(), qPrintable(references.unavailable().join('\n')));
        auto* layer = qobject_cast<QgsVectorLayer*>(references.layer(copied.name));
        QgsFeature feature;
        QVERIFY(layer->getFeatures().nextFeature(feature));
        QCOMPARE(feature.attribute(QStringLiteral("name")).toString(),
                 QStringLiteral("文化路")); // GBK made UTF-8
        const HierarchyTemplate hierarchy = ProjectFile::readHierarchy(file);
        const mapcore::ProjectLayers levels(file, hierarchy, 2);
        const QImage image =
            mapcore::renderMapImage(references.visibleLayersTopFirst(), QgsRectangle(X, Y, X + 300, Y + 100),
                                    levels.crs(), QSize(600, 200));
        QVERIFY(image.pixelColor(70, 100).lightness() < 100);
        // GridAtlas's own tables are as they were, and the copy goes when the layer does
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadWrite)->data().units.size(),
                 testsupport::streetProject().units.size());
        ReferenceSource::dropEmbedded(copied, file);
        QgsVectorLayer gone(QStringLiteral("%1|layername=%2").arg(file, copied.sourceLayer),
                            QStringLiteral("gone"), QStringLiteral("ogr"));
        QVERIFY(!gone.isValid());
    }

    void aMissingFileIsNamedAndRelinked()
    {
        writeGeoTiff(path(QStringLiteral("scan.tif")), QColor(200, 30, 30), 100);
        ReferenceLayer scan = ReferenceSource::layerFor(path(QStringLiteral("scan.tif")), mProject);
        QVERIFY(QDir(mDir.path()).mkpath(QStringLiteral("moved")));
        QVERIFY(QFile::rename(path(QStringLiteral("scan.tif")), path(QStringLiteral("moved/scan.tif"))));
        QVERIFY(scan.isMissing(mProject));
        writeGbkRoads(path(QStringLiteral("roads2.shp")));
        const ReferenceLayer roads = ReferenceSource::layerFor(path(QStringLiteral("roads2.shp")), mProject);

        mapcore::ReferenceMapLayers references;
        references.update({scan, roads}, mProject);
        QCOMPARE(references.unavailable().size(), 1);
        QVERIFY2(references.unavailable().front().contains(QStringLiteral("scan.tif")) &&
                     references.unavailable().front().contains(QStringLiteral("relink")),
                 qPrintable(references.unavailable().front()));
        QCOMPARE(references.visibleLayersTopFirst().size(), 1); // the rest draws

        scan.source = ReferenceLayers::storedPath(mProject, path(QStringLiteral("moved/scan.tif")));
        QCOMPARE(scan.source, QStringLiteral("moved/scan.tif"));
        references.update({scan, roads}, mProject);
        QVERIFY(references.unavailable().isEmpty());
        QCOMPARE(references.visibleLayersTopFirst().size(), 2);
    }

    void aSourceWithoutCrsAsksForOne()
    {
        const QString file = path(QStringLiteral("nocrs.tif"));
        GDALDatasetH dataset =
            GDALCreate(GDALGetDriverByName("GTiff"), file.toUtf8().constData(), 10, 10, 1, GDT_Byte, nullptr);
        GDALClose(dataset);
        try {
            ReferenceSource::layerFor(file, mProject);
            QFAIL("a source without CRS was taken");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QStringLiteral("--crs")), qPrintable(error.message()));
        }
        const ReferenceLayer given = ReferenceSource::layerFor(file, mProject, QString(), 4547);
        QCOMPARE(given.crsEpsg, 4547);
        mapcore::ReferenceMapLayers references;
        references.update({given}, mProject);
        QCOMPARE(references.layer(given.name)->crs().authid(), QStringLiteral("EPSG:4547"));
    }
};

int main(int argc, char* argv[])
{
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    int result = 0;
    {
        TestReferenceLayers test;
        result = QTest::qExec(&test, argc, argv);
    }
    mapcore::QgisRuntime::stop();
    return result;
}

#include "test_referencelayers.moc"
