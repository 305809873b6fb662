#include "districtgenerator.h"
#include "mapimage.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "qgisruntime.h"
#include "rendercheck.h"

#include <QTemporaryDir>
#include <QtTest>
#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

using namespace gridmodel;

/** The project file as stock QGIS sees it: one readable polygon layer per level. */
class TestProjectLayers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString mDemoPath;
    ProjectData mDemo;

private slots:
    void initTestCase()
    {
        mDemoPath = mDir.filePath(QStringLiteral("demo.gpkg"));
        mDemo = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        ProjectFile::create(mDemoPath, mDemo);
        QVERIFY(QgsProviderRegistry::instance()->providerList().contains(QStringLiteral("spatialite")));
    }

    void eachLevelIsAReadableLayer()
    {
        const mapcore::ProjectLayers layers(mDemoPath, mDemo.hierarchy, 2);
        QCOMPARE(layers.levelCount(), 5);
        for (int level = 0; level < layers.levelCount(); ++level) {
            QgsVectorLayer* layer = layers.layer(level);
            QVERIFY2(layer->isValid(), qPrintable(mDemo.hierarchy.level(level).key));
            QCOMPARE(layer->crs().authid(), QStringLiteral("EPSG:4547"));
            QCOMPARE(layer->geometryType(), QgsWkbTypes::PolygonGeometry);
            qint64 expected = 0;
            for (const Unit& unit : mDemo.units)
                expected += unit.level == level;
            QCOMPARE(layer->featureCount(), expected);
            for (const QString field :
                 {"code", "name", "organisation", "parent_fid", "households", "residents", "notes"})
                QVERIFY2(layer->fields().indexOf(field) >= 0, qPrintable(field));
        }
        // Chinese text intact, attributes as stored. (The Chinese column titles in
        // gpkg_data_columns become aliases only from GDAL 3.7; Debian 12 has 3.6.)
        QgsVectorLayer* grids = layers.layer(2);
        QgsFeatureIterator features = grids->getFeatures();
        QgsFeature feature;
        int checked = 0;
        while (features.nextFeature(feature)) {
            const auto stored = std::find_if(mDemo.units.begin(), mDemo.units.end(),
                                             [&](const Unit& u) { return u.id == feature.id(); });
            QVERIFY(stored != mDemo.units.end());
            QCOMPARE(feature.attribute(QStringLiteral("name")).toString(), stored->name);
            QCOMPARE(feature.attribute(QStringLiteral("organisation")).toString(), stored->organisation);
            QCOMPARE(feature.attribute(QStringLiteral("households")).toLongLong(), stored->households);
            QVERIFY(qAbs(feature.geometry().area() - stored->boundary.area()) < 1e-6);
            ++checked;
        }
        QCOMPARE(checked, 50);
    }

    void rendersTheDistrict()
    {
        const mapcore::ProjectLayers layers(mDemoPath, mDemo.hierarchy, 2);
        QgsRectangle extent = layers.fullExtent();
        QVERIFY(!extent.isEmpty());
        extent.scale(1.05);
        const QImage image =
            mapcore::renderMapImage(layers.layersTopFirst(), extent, layers.crs(), QSize(900, 700));
        QCOMPARE(image.size(), QSize(900, 700));
        // The filled grids cover most of the frame; the corners (outside the district) stay white.
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5)
                coloured += image.pixelColor(x, y) != QColor(Qt::white);
        const double filled = coloured / double((image.height() / 5) * (image.width() / 5));
        QVERIFY2(filled > 0.6 && filled < 0.98, qPrintable(QString::number(filled)));
        const QString out = QStringLiteral(GRIDATLAS_BINARY_DIR "/test-output");
        QDir().mkpath(out);
        image.save(out + QStringLiteral("/demo-map.png"));

        // Against the control image: the same district drawn the same way. Antialiased
        // text may differ by a shade; anything more is a change to look at (the rendered
        // image is in test-output to compare; replace the control when the change is meant).
        const QImage control(QStringLiteral(GRIDATLAS_SOURCE_DIR "/tests/mapcore/data/demo-map.png"));
        QVERIFY2(!control.isNull(), "the control image is missing");
        QCOMPARE(control.size(), image.size());
        const double share = testsupport::differingShare(image, control);
        QVERIFY2(share < 0.005, qPrintable(QStringLiteral("%1% of the pixels differ from the control image")
                                               .arg(100 * share, 0, 'f', 2)));
    }
};

int main(int argc, char* argv[])
{
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    int result = 0;
    {
        TestProjectLayers test;
        result = QTest::qExec(&test, argc, argv);
    }
    mapcore::QgisRuntime::stop();
    return result;
}

#include "test_projectlayers.moc"
