// Benchmarks of the map in the desktop program: a generated district opened and drawn at
// full extent with labels, a redraw after zooming in, and an edit until it is drawn; the same
// district over a 10,000 × 10,000 px orthophoto (with overviews) and 20,000 road segments.
// Then districts of other shapes, as data made elsewhere comes: wide, flat families; many
// units high up; Beijing's real sub-districts.
//   bench_map [--zones N] [google benchmark options]
#include "benchmarkmain.h"
#include "districtgenerator.h"
#include "error.h"
#include "mapimage.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectopening.h"
#include "projectsession.h"
#include "qgisruntime.h"
#include "realdistrict.h"
#include "reference/referencesource.h"
#include "referencemaplayers.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cpl_string.h>
#include <gdal.h>
#include <malloc.h>
#include <map>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <qgsapplication.h>
#include <random>
#include <sys/resource.h>

using namespace gridmodel;

namespace {

const QSize WindowMap(1280, 860); // about the map area of a full-HD window

struct District
{
    QTemporaryDir dir;
    QString path;
    District()
    {
        // GRIDATLAS_BENCH_PROJECT names a project to use instead (to profile without generating)
        path = qEnvironmentVariable("GRIDATLAS_BENCH_PROJECT");
        if (!path.isEmpty())
            return;
        path = dir.filePath(QStringLiteral("map.gpkg"));
        ProjectFile::create(
            path, DistrictGenerator::generate(DistrictGenerator::syntheticOptions(benchmarkZones(), 1)));
        // Hands back what generating took, so peak_MB counts the program's own use only
        // (the reading thread allocates in an arena of its own and would not reuse it).
        malloc_trim(0);
    }
};

District& district()
{
    static District instance;
    return instance;
}

double peakMemoryMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

//! GRIDATLAS_BENCH_IMAGES names a folder to keep each benchmark's last frame in, to look at
void keepFrame(const QImage& frame, const char* name)
{
    const QString folder = qEnvironmentVariable("GRIDATLAS_BENCH_IMAGES");
    if (folder.isEmpty())
        return;
    try {
        mapcore::writeImage(frame, QStringLiteral("%1/%2.png").arg(folder, QLatin1String(name)));
    } catch (const gridmodel::Error& error) {
        qFatal("bench_map: %s", qPrintable(error.message()));
    }
}

QImage draw(const mapcore::ProjectLayers& layers, const QgsRectangle& extent)
{
    return mapcore::renderMapImage(layers.layersTopFirst(), extent, layers.crs(), WindowMap);
}

QImage draw(mapcore::ProjectSession& session, const QgsRectangle& extent)
{
    return draw(session.layers(), extent);
}

/**
 * As the window opens a project: the map draws at full extent, `editingLevel` filled (-1: the
 * template's), while the units are read. The time counts the whole read; `first_frame_ms`
 * when the window shows the map.
 */
QImage openAndDraw(benchmark::State& state, const QString& path, int editingLevel)
{
    QImage frame;
    double firstFrameMs = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        mapcore::ProjectOpening opening(path);
        if (editingLevel >= 0)
            opening.layers().fillLevel(editingLevel);
        QgsRectangle extent = opening.layers().fullExtent();
        extent.scale(1.05);
        frame = draw(opening.layers(), extent);
        firstFrameMs += clock.nsecsElapsed() / 1e6;
        benchmark::DoNotOptimize(opening.waitForSession());
    }
    state.counters["first_frame_ms"] = firstFrameMs / static_cast<double>(state.iterations());
    state.counters["peak_MB"] = peakMemoryMb();
    return frame;
}

void BM_OpenAndDrawFullExtent(benchmark::State& state)
{
    openAndDraw(state, district().path, -1);
}

// The two halves of the above, to see where the time goes.
void BM_OpenOnly(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(mapcore::ProjectSession::open(district().path));
}

void BM_DrawFullExtentOnly(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    QgsRectangle extent = session->layers().fullExtent();
    extent.scale(1.05);
    for (auto _ : state)
        benchmark::DoNotOptimize(draw(*session, extent));
    keepFrame(draw(*session, extent), "full-extent");
}

void BM_RedrawZoomedIn(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    QgsRectangle extent = session->layers().fullExtent();
    extent.scale(1.0 / 8); // about one community
    draw(*session, extent);
    for (auto _ : state)
        benchmark::DoNotOptimize(draw(*session, extent));
    keepFrame(draw(*session, extent), "zoomed-in");
}

void BM_EditUntilDrawn(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    const Unit zone = session->data().units.back();
    const Envelope box = zone.boundary.envelope();
    QgsRectangle around(box.minX, box.minY, box.maxX, box.maxY);
    around.scale(12); // the zone among its neighbours, as a planner edits it
    qint64 households = zone.households;
    for (auto _ : state) {
        households = households % 40 + 20;
        session->edit([&](ProjectFile& project) {
            return ProjectEditor(project).setAttributes(zone.code, {households});
        });
        benchmark::DoNotOptimize(draw(*session, around));
    }
}

//! the edit and the layers' refresh, without drawing
void BM_EditOnly(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    const Unit zone = session->data().units.back();
    qint64 households = zone.households;
    for (auto _ : state) {
        households = households % 40 + 20;
        session->edit([&](ProjectFile& project) {
            return ProjectEditor(project).setAttributes(zone.code, {households});
        });
    }
}

/**
 * What planners draw against, over the district: an orthophoto of 10,000 × 10,000 px (tiled,
 * compressed, overviews built as `layer add --overviews` does) and 20,000 road segments of a
 * jittered street grid, in a GeoPackage.
 */
//! benchmark data must be whole: stops the run naming what could not be written
void require(bool written, const char* what)
{
    if (!written)
        qFatal("bench_map: could not write %s: %s", what, CPLGetLastErrorMsg());
}

struct References
{
    QTemporaryDir dir;
    std::vector<ReferenceLayer> layers;
    References()
    {
        auto session = mapcore::ProjectSession::open(district().path);
        const QgsRectangle extent = session->layers().fullExtent();
        const QString image = dir.filePath(QStringLiteral("ortho.tif"));
        writeImage(image, extent);
        ReferenceSource::buildOverviews(image);
        const QString roads = dir.filePath(QStringLiteral("roads.gpkg"));
        writeRoads(roads, extent, session->data().crsEpsg);
        layers.push_back(ReferenceSource::layerFor(roads, district().path));
        layers.push_back(ReferenceSource::layerFor(image, district().path));
        layers.front().style.labelField = QStringLiteral("name");
    }

    static void writeImage(const QString& path, const QgsRectangle& extent)
    {
        const int size = 10000;
        char** options = CSLSetNameValue(nullptr, "TILED", "YES");
        options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
        GDALDatasetH dataset = GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), size, size,
                                          3, GDT_Byte, options);
        CSLDestroy(options);
        double transform[6] = {extent.xMinimum(),      extent.width() / size, 0, extent.yMaximum(), 0,
                               -extent.height() / size};
        GDALSetGeoTransform(dataset, transform);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 4547);
        GDALSetSpatialRef(dataset, srs);
        OSRDestroySpatialReference(srs);
        std::vector<unsigned char> rows(static_cast<size_t>(size) * 256);
        std::mt19937 random(7);
        for (int band = 1; band <= 3; ++band)
            for (int top = 0; top < size; top += 256) {
                for (size_t i = 0; i < rows.size(); ++i) { // fields of crops with some grain
                    const int x = static_cast<int>(i % size), y = top + static_cast<int>(i / size);
                    rows[i] = static_cast<unsigned char>(60 + ((x / 180 + y / 150) % 3) * 30 + band * 10 +
                                                         static_cast<int>(random() % 16));
                }
                require(GDALRasterIO(GDALGetRasterBand(dataset, band), GF_Write, 0, top, size,
                                     std::min(256, size - top), rows.data(), size, std::min(256, size - top),
                                     GDT_Byte, 0, 0) == CE_None,
                        "the orthophoto");
            }
        GDALClose(dataset);
    }

    static void writeRoads(const QString& path, const QgsRectangle& extent, int epsg)
    {
        GDALDatasetH dataset =
            GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
        OGRLayerH layer = GDALDatasetCreateLayer(dataset, "roads", srs, wkbLineString, nullptr);
        OSRDestroySpatialReference(srs);
        OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        std::mt19937 random(11);
        std::uniform_real_distribution<double> jitter(-3, 3);
        const int lines = 100, pieces = 100; // 100 streets each way, 100 segments each: 20,000
        // the network's nodes, jittered once: segments meet end to end, as in a real road file
        std::vector<std::vector<QgsPointXY>> nodes(2, std::vector<QgsPointXY>((pieces + 1) * lines));
        for (auto& direction : nodes)
            for (QgsPointXY& node : direction)
                node = QgsPointXY(jitter(random), jitter(random));
        require(OGR_L_StartTransaction(layer) == OGRERR_NONE, "the roads");
        for (int direction = 0; direction < 2; ++direction)
            for (int line = 0; line < lines; ++line)
                for (int piece = 0; piece < pieces; ++piece) {
                    OGRGeometryH geometry = OGR_G_CreateGeometry(wkbLineString);
                    for (int end = 0; end < 2; ++end) {
                        const double along = (piece + end) / double(pieces), across = (line + 0.5) / lines;
                        const double u = direction ? across : along, v = direction ? along : across;
                        const QgsPointXY& shift = nodes[direction][line * (pieces + 1) + piece + end];
                        OGR_G_AddPoint_2D(geometry, extent.xMinimum() + u * extent.width() + shift.x(),
                                          extent.yMinimum() + v * extent.height() + shift.y());
                    }
                    OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
                    OGR_F_SetFieldString(feature, 0,
                                         QStringLiteral("%1%2路")
                                             .arg(direction ? "纬" : "经")
                                             .arg(line + 1)
                                             .toUtf8()
                                             .constData());
                    OGR_F_SetGeometryDirectly(feature, geometry);
                    require(OGR_L_CreateFeature(layer, feature) == OGRERR_NONE, "a road");
                    OGR_F_Destroy(feature);
                }
        require(OGR_L_CommitTransaction(layer) == OGRERR_NONE, "the roads");
        GDALClose(dataset);
    }
};

References& references()
{
    static References instance;
    return instance;
}

QImage drawWithReferences(mapcore::ProjectSession& session, const mapcore::ReferenceMapLayers& refs,
                          const QgsRectangle& extent)
{
    QList<QgsMapLayer*> layers = session.layers().layersTopFirst();
    layers << refs.visibleLayersTopFirst();
    return mapcore::renderMapImage(layers, extent, session.layers().crs(), WindowMap);
}

void BM_DrawFullExtentOverReferences(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    mapcore::ReferenceMapLayers refs;
    refs.update(references().layers, district().path);
    session->layers().setOverReferences(true);
    QgsRectangle extent = session->layers().fullExtent();
    extent.scale(1.05);
    for (auto _ : state)
        benchmark::DoNotOptimize(drawWithReferences(*session, refs, extent));
}

//! a view of about one community moved by a quarter of its width each time, as a pan is drawn
void BM_PanOverReferences(benchmark::State& state)
{
    auto session = mapcore::ProjectSession::open(district().path);
    mapcore::ReferenceMapLayers refs;
    refs.update(references().layers, district().path);
    session->layers().setOverReferences(true);
    const QgsRectangle full = session->layers().fullExtent();
    QgsRectangle view = full;
    view.scale(1.0 / 8);
    drawWithReferences(*session, refs, view);
    int step = 0;
    for (auto _ : state) {
        const double dx = view.width() / 4 * (step++ % 8 < 4 ? 1 : -1);
        view = QgsRectangle(view.xMinimum() + dx, view.yMinimum(), view.xMaximum() + dx, view.yMaximum());
        benchmark::DoNotOptimize(drawWithReferences(*session, refs, view));
    }
    keepFrame(drawWithReferences(*session, refs, view), "pan-over-references");
    // the map's scale at 96 dpi: street names are drawn from 1:25,000 in
    state.counters["scale"] = view.width() / (WindowMap.width() * 0.0254 / 96);
}

/**
 * Districts of other shapes than the generator's default. 0: wide, flat families, 300 zones
 * under each building group, the zones (2 % with a corner moved) the level being edited and
 * filled: 200,000 units at the editing level. 1: many units high up, a community for every ten
 * zones (20,000 communities at 200,000 zones, 2 % with a corner moved). 2: Beijing's 343 real
 * sub-districts, with their long, irregular edges.
 */
struct ShapedDistrict
{
    QTemporaryDir dir;
    QString path;
    int editingLevel = 2;
    explicit ShapedDistrict(int shape)
    {
        if (shape == 2) {
            path = writeBeijingProject(dir);
            editingLevel = 0;
            return;
        }
        DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(benchmarkZones(), 1);
        options.leavesPerUnit = shape == 0 ? DistrictGenerator::leavesForFamiliesOf(300, 5)
                                           : std::vector<double>{1000, 10, 5, 2, 1};
        ProjectData data = DistrictGenerator::generate(options);
        editingLevel = shape == 0 ? 4 : 1;
        DistrictGenerator::addDefects(data, editingLevel, 0.02, 1);
        path = dir.filePath(QStringLiteral("shaped.gpkg"));
        ProjectFile::create(path, data);
        malloc_trim(0);
    }
};

//! the shape the benchmark's argument names, made once; null (the benchmark skipped) without the real data
const ShapedDistrict* shaped(benchmark::State& state)
{
    static std::map<int, std::unique_ptr<ShapedDistrict>> districts;
    std::unique_ptr<ShapedDistrict>& district = districts[static_cast<int>(state.range(0))];
    if (!district)
        district = std::make_unique<ShapedDistrict>(static_cast<int>(state.range(0)));
    if (district->path.isEmpty()) {
        state.SkipWithError("../shared/realdata is not beside the checkout");
        return nullptr;
    }
    return district.get();
}

const char* const ShapeNames[] = {"wide-families", "many-high-units", "beijing"};

//! the window's first frame of a shaped district, the level being edited filled
void BM_OpenAndDrawShape(benchmark::State& state)
{
    if (const ShapedDistrict* district = shaped(state))
        keepFrame(openAndDraw(state, district->path, district->editingLevel), ShapeNames[state.range(0)]);
}

/**
 * Panning and zooming at working scales: a view of a sixteenth of the district's width moved
 * by a quarter of itself, then zoomed in and out by two (between a quarter and a sixty-fourth).
 * An iteration is the whole walk of 16 frames; the counters give the mean and slowest frame.
 */
void BM_PanAndZoomShape(benchmark::State& state)
{
    const ShapedDistrict* district = shaped(state);
    if (!district)
        return;
    auto session = mapcore::ProjectSession::open(district->path);
    session->layers().fillLevel(district->editingLevel);
    const QgsRectangle full = session->layers().fullExtent();
    const double zooms[] = {4, 8, 16, 32, 64, 32, 16, 8};
    constexpr int Steps = 16;
    double slowestMs = 0, totalMs = 0;
    QImage slowestFrame;
    for (auto _ : state) {
        QgsRectangle view = full;
        view.scale(1.0 / 16);
        for (int step = 0; step < Steps; ++step) {
            if (step < 8) {
                const double dx = view.width() / 4 * (step < 4 ? 1 : -1);
                view = QgsRectangle(view.xMinimum() + dx, view.yMinimum(), view.xMaximum() + dx,
                                    view.yMaximum());
            } else {
                const QgsPointXY centre = view.center();
                view = full;
                view.scale(1.0 / zooms[step % 8], &centre);
            }
            QElapsedTimer timer;
            timer.start();
            QImage frame = draw(*session, view);
            const double ms = timer.nsecsElapsed() / 1e6;
            totalMs += ms;
            if (ms > slowestMs) {
                slowestMs = ms;
                slowestFrame = std::move(frame);
            }
        }
    }
    state.counters["frame_ms"] = totalMs / static_cast<double>(state.iterations() * Steps);
    state.counters["slowest_frame_ms"] = slowestMs;
    keepFrame(slowestFrame, (std::string("slowest-") + ShapeNames[state.range(0)]).c_str());
}

} // namespace

BENCHMARK(BM_OpenAndDrawShape)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanAndZoomShape)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DrawFullExtentOverReferences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanOverReferences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenAndDrawFullExtent)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DrawFullExtentOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RedrawZoomedIn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditUntilDrawn)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    const int result = runBenchmarksInApplication(argc, argv);
    mapcore::QgisRuntime::stop();
    return result;
}
