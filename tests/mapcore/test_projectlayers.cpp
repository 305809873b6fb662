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
#include <qgslabelingresults.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

using namespace gridmodel;

namespace {

const QSize Window(640, 430);

//! the district's centre seen at 1:`scale` in the test window (96 dpi)
QgsRectangle viewAtScale(const mapcore::ProjectLayers& layers, double scale)
{
    const double metresPerPixel = scale * 0.0254 / 96;
    const QgsPointXY centre = layers.fullExtent().center();
    const double halfWidth = Window.width() * metresPerPixel / 2,
                 halfHeight = Window.height() * metresPerPixel / 2;
    return QgsRectangle(centre.x() - halfWidth, centre.y() - halfHeight, centre.x() + halfWidth,
                        centre.y() + halfHeight);
}

//! a district of about `zones` zones with a community for every `zonesPerCommunity` zones
ProjectData districtOf(int zones, double zonesPerCommunity)
{
    DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(zones, 3);
    options.leavesPerUnit = {zones / 2.0, zonesPerCommunity, zonesPerCommunity / 2, 2, 1};
    return DistrictGenerator::generate(options);
}

//! the share of the map's drawn (not white) pixels that pass `test`
double shareOf(const QImage& image, const std::function<bool(const QColor&)>& test)
{
    int matching = 0, drawn = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor colour = image.pixelColor(x, y);
            if (colour == QColor(Qt::white))
                continue;
            ++drawn;
            matching += test(colour);
        }
    return drawn ? matching / double(drawn) : 0;
}

//! saturated, dark red, as a line drawn in red: not the communities' orange, not a light tint
bool strongRed(const QColor& c)
{
    const int hue = c.hslHue();
    return (hue <= 12 || hue >= 345) && c.hslSaturation() > 140 && c.lightness() < 150;
}

bool reddish(const QColor& c)
{
    return c.red() > c.green() + 35 && c.red() > c.blue() + 25;
}

bool outlineDark(const QColor& c)
{
    return c.lightness() < 150;
}

} // namespace

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

    /**
     * Whether a level is drawn, in detail or as hairlines, follows how large its units appear
     * on screen, not which level it is: communities of four zones each are hidden where the
     * demo's communities of a hundred are drawn, and every level keeps the same order.
     */
    void theLevelsDrawnFollowTheSizeOfTheirUnitsOnScreen()
    {
        const QString path = mDir.filePath(QStringLiteral("small-communities.gpkg"));
        const ProjectData small = districtOf(2000, 4);
        ProjectFile::create(path, small);
        const mapcore::ProjectLayers demo(mDemoPath, mDemo.hierarchy, 2);
        const mapcore::ProjectLayers many(path, small.hierarchy, 2);
        int demoCommunities = 0, manyCommunities = 0;
        for (const Unit& unit : mDemo.units)
            demoCommunities += unit.level == 1;
        for (const Unit& unit : small.units)
            manyCommunities += unit.level == 1;
        QVERIFY2(manyCommunities > 10 * demoCommunities, qPrintable(QString::number(manyCommunities)));
        const auto sideOnScreenMm = [](const mapcore::ProjectLayers& layers, int level, double scale) {
            const QgsRectangle extent = layers.layer(level)->extent();
            const double side = std::sqrt(extent.area() / layers.layer(level)->featureCount());
            return side * 1000 / scale;
        };
        for (const double scale : {2000.0, 8000.0, 30000.0, 120000.0}) {
            for (const mapcore::ProjectLayers* layers : {&demo, &many})
                for (int level = 0; level < layers->levelCount(); ++level) {
                    const double mm = sideOnScreenMm(*layers, level, scale);
                    const bool drawn = layers->layer(level)->isInScaleRange(scale);
                    QVERIFY2(
                        drawn == (level == 0 || mm >= mapcore::LevelScales::DrawnFromMm),
                        qPrintable(QStringLiteral("level %1 at 1:%2, %3 mm").arg(level).arg(scale).arg(mm)));
                    const bool detailed = scale <= layers->scales(level).hairlinesAbove;
                    QCOMPARE(detailed, mm >= mapcore::LevelScales::DetailFromMm);
                }
        }
        // a little further out than the small communities are drawn, the demo's still are
        const double beyond = many.scales(1).hiddenAbove * 1.5;
        QVERIFY(!many.layer(1)->isInScaleRange(beyond));
        QVERIFY(demo.layer(1)->isInScaleRange(beyond));
    }

    /**
     * Labels only on units they fit in, never more than the budget per level, and none where
     * the level's units are all too small for them.
     */
    void labelsOnlyWhereTheyFitAndWithinTheBudget()
    {
        const QString path = mDir.filePath(QStringLiteral("labels.gpkg"));
        ProjectFile::create(path, districtOf(6000, 100));
        const auto project = ProjectFile::open(path, ProjectFile::Access::ReadOnly);
        const mapcore::ProjectLayers layers(path, project->data().hierarchy, 2);
        QgsVectorLayer* grids = layers.layer(2);
        const mapcore::LevelScales scales = layers.scales(2);
        QVERIFY(scales.labelledBelow > 0 && scales.labelledFromMm > 0);
        int placedAtAll = 0;
        for (const double share : {0.3, 0.7, 0.95}) {
            const double scale = scales.labelledBelow * share;
            std::unique_ptr<QgsLabelingResults> labels;
            mapcore::renderMapImage(layers.layersTopFirst(), viewAtScale(layers, scale), layers.crs(), Window,
                                    96, &labels);
            QVERIFY(labels);
            int placed = 0;
            for (const QgsLabelPosition& label : labels->allLabels()) {
                if (label.layerID != grids->id())
                    continue;
                ++placed;
                const QgsFeature feature = grids->getFeature(label.featureId);
                const double sideMm = std::sqrt(feature.geometry().area()) * 1000 / scale;
                QVERIFY2(
                    sideMm >= scales.labelledFromMm,
                    qPrintable(
                        QStringLiteral("a label on a unit %1 mm across at 1:%2").arg(sideMm).arg(scale)));
            }
            QVERIFY(placed <= mapcore::LevelStyle::LabelBudget);
            placedAtAll += placed;
        }
        QVERIFY(placedAtAll > 0);
        std::unique_ptr<QgsLabelingResults> labels;
        mapcore::renderMapImage(layers.layersTopFirst(), viewAtScale(layers, scales.labelledBelow * 1.3),
                                layers.crs(), Window, 96, &labels);
        for (const QgsLabelPosition& label : labels->allLabels())
            QVERIFY(label.layerID != grids->id());
    }

    /**
     * With every grid out of its households band, small grids read as a red tint the outlines
     * still show through, not as a red smear; large ones get a red inner outline.
     */
    void unitsOutOfBandDoNotBuryTheMap()
    {
        ProjectData data = districtOf(6000, 100);
        const TargetBand band = data.hierarchy.level(2).households;
        QVERIFY(band.max);
        ProjectData inBand = data;
        for (Unit& unit : data.units)
            if (unit.level == 2)
                unit.households = *band.max * 3;
        for (Unit& unit : inBand.units)
            if (unit.level == 2)
                unit.households = band.min ? *band.min : 1;
        const QString outPath = mDir.filePath(QStringLiteral("out-of-band.gpkg"));
        const QString inPath = mDir.filePath(QStringLiteral("in-band.gpkg"));
        ProjectFile::create(outPath, data);
        ProjectFile::create(inPath, inBand);
        const mapcore::ProjectLayers out(outPath, data.hierarchy, 2);
        const mapcore::ProjectLayers in(inPath, inBand.hierarchy, 2);
        const auto render = [](const mapcore::ProjectLayers& layers, double scale) {
            return mapcore::renderMapImage(layers.layersTopFirst(), viewAtScale(layers, scale), layers.crs(),
                                           Window);
        };
        const mapcore::LevelScales scales = out.scales(2);
        // small on screen: drawn as hairlines
        const double dense = (scales.hairlinesAbove + scales.hiddenAbove) / 2;
        const QImage flagged = render(out, dense), plain = render(in, dense);
        const QString folder = QStringLiteral(GRIDATLAS_BINARY_DIR "/test-output");
        QDir().mkpath(folder);
        flagged.save(folder + QStringLiteral("/out-of-band-dense.png"));
        QVERIFY2(shareOf(flagged, reddish) > 0.5,
                 qPrintable(
                     QStringLiteral("only %1 of the map shows the warning").arg(shareOf(flagged, reddish))));
        // the warnings add next to no solid red (the communities' own outlines are orange-red)
        QVERIFY2(shareOf(flagged, strongRed) < shareOf(plain, strongRed) + 0.05,
                 qPrintable(QStringLiteral("%1 of the map is solid red, %2 without warnings")
                                .arg(shareOf(flagged, strongRed))
                                .arg(shareOf(plain, strongRed))));
        const double outlines = shareOf(flagged, outlineDark), outlinesPlain = shareOf(plain, outlineDark);
        QVERIFY2(outlines > 0.8 * outlinesPlain && outlines < 1.25 * outlinesPlain,
                 qPrintable(QStringLiteral("outlines %1 of the map, %2 without warnings")
                                .arg(outlines)
                                .arg(outlinesPlain)));
        // large on screen (twice the size its detail starts at): a red inner outline, the fill as it was
        const QImage near = render(out, scales.hairlinesAbove / 2);
        near.save(folder + QStringLiteral("/out-of-band-near.png"));
        const double nearPlain = shareOf(render(in, scales.hairlinesAbove / 2), strongRed);
        QVERIFY2(shareOf(near, strongRed) > 1.5 * nearPlain + 0.003,
                 qPrintable(QStringLiteral("%1 solid red, %2 without warnings")
                                .arg(shareOf(near, strongRed))
                                .arg(nearPlain)));
        QVERIFY2(shareOf(near, reddish) < 0.5, qPrintable(QString::number(shareOf(near, reddish))));
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
