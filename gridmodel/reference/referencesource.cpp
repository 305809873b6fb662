#include "reference/referencesource.h"

#include "error.h"
#include "gdaldataset.h"
#include "textencoding.h"
#include "translation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QUrl>
#include <algorithm>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace gridmodel {

bool ReferenceSourceInfo::wantsOverviews() const
{
    return kind == ReferenceLayer::Kind::Raster && !hasOverviews && std::max(width, height) > 4096;
}

namespace {

//! "EPSG:4547", else the CRS's name; fills `epsg` when the CRS has an EPSG code
QString describeCrs(OGRSpatialReferenceH srs, int& epsg)
{
    epsg = 0;
    if (!srs)
        return QString();
    OGRSpatialReferenceH copy = OSRClone(srs);
    OSRAutoIdentifyEPSG(copy);
    const char* authority = OSRGetAuthorityName(copy, nullptr);
    const char* code = OSRGetAuthorityCode(copy, nullptr);
    QString text;
    if (authority && code && QByteArray(authority) == "EPSG") {
        epsg = QByteArray(code).toInt();
        text = QStringLiteral("EPSG:%1").arg(epsg);
    } else {
        text = QString::fromUtf8(OSRGetName(copy));
    }
    OSRDestroySpatialReference(copy);
    return text;
}

bool isShapefile(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
}

bool hasCpg(const QString& path)
{
    const QFileInfo info(path);
    for (const char* suffix : {".cpg", ".CPG"})
        if (QFileInfo::exists(info.absoluteDir().filePath(info.completeBaseName() + QLatin1String(suffix))))
            return true;
    return false;
}

//! "GBK" when the text of a shapefile without .cpg is not UTF-8 (what Chinese offices' tools write)
QString shapefileEncoding(const QString& path)
{
    if (!isShapefile(path) || hasCpg(path))
        return QString();
    const char* options[] = {"ENCODING=", nullptr};
    GDALDatasetH dataset =
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr);
    if (!dataset)
        return QString();
    const GdalDataset::Owned owner(dataset);
    OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
    if (!layer)
        return QString();
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i)
        if (!TextEncoding::isUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i))))
            return QStringLiteral("GBK");
    int read = 0;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        bool utf8 = true;
        for (int i = 0; i < OGR_FD_GetFieldCount(definition) && utf8; ++i)
            if (OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, i)) == OFTString)
                utf8 = TextEncoding::isUtf8(OGR_F_GetFieldAsString(feature, i));
        OGR_F_Destroy(feature);
        if (!utf8)
            return QStringLiteral("GBK");
        if (++read == 5000) // enough to tell
            break;
    }
    return QString();
}

} // namespace

namespace ReferenceSource {

ReferenceSourceInfo probe(const QString& path, const QString& layerName)
{
    if (!QFileInfo::exists(path))
        throw Error(Error::Kind::FileNotFound, Tr::tr("%1 does not exist").arg(path));
    GDALAllRegister();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    // a shapefile's bytes as they are (its encoding is told below), whatever the process set
    const char* asTheyAre[] = {"ENCODING=", nullptr};
    GDALDatasetH dataset =
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                   isShapefile(path) && !hasCpg(path) ? asTheyAre : nullptr, nullptr);
    const QString reason = QString::fromUtf8(CPLGetLastErrorMsg());
    CPLPopErrorHandler();
    if (!dataset)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 is no map GDAL can read (%2)")
                        .arg(path, reason.isEmpty() ? Tr::tr("unknown format") : reason));
    const GdalDataset::Owned owner(dataset);
    ReferenceSourceInfo info;
    info.driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(dataset)));
    const bool wantsVectorLayer =
        !layerName.isEmpty() && GDALDatasetGetLayerByName(dataset, layerName.toUtf8().constData()) != nullptr;
    if (GDALGetRasterCount(dataset) > 0 && !wantsVectorLayer) {
        info.kind = info.driver == QLatin1String("MBTiles") || info.driver == QLatin1String("GPKG")
                        ? ReferenceLayer::Kind::Tiles
                        : ReferenceLayer::Kind::Raster;
        info.width = GDALGetRasterXSize(dataset);
        info.height = GDALGetRasterYSize(dataset);
        info.hasOverviews = GDALGetOverviewCount(GDALGetRasterBand(dataset, 1)) > 0;
        info.crs = describeCrs(GDALGetSpatialRef(dataset), info.crsEpsg);
        return info;
    }
    for (int i = 0; i < GDALDatasetGetLayerCount(dataset); ++i)
        info.layers << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(dataset, i)));
    if (info.layers.isEmpty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("%1 holds neither an image nor map layers").arg(path));
    OGRLayerH layer = layerName.isEmpty()
                          ? GDALDatasetGetLayer(dataset, 0)
                          : GDALDatasetGetLayerByName(dataset, layerName.toUtf8().constData());
    if (!layer)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 has no layer named \"%2\" (it has: %3)")
                        .arg(path, layerName, info.layers.join(QStringLiteral(", "))));
    info.kind = ReferenceLayer::Kind::Vector;
    info.layerName = QString::fromUtf8(OGR_L_GetName(layer));
    info.features = OGR_L_GetFeatureCount(layer, TRUE);
    info.geometryType = QString::fromUtf8(OGRGeometryTypeToName(OGR_L_GetGeomType(layer)));
    info.crs = describeCrs(OGR_L_GetSpatialRef(layer), info.crsEpsg);
    info.encoding = shapefileEncoding(path);
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i) {
        const QByteArray name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i));
        info.fields << (info.encoding.isEmpty() ? QString::fromUtf8(name) : TextEncoding::fromGb18030(name));
        // (a shapefile with .cpg, and every other format, arrive as UTF-8 from GDAL)
    }
    return info;
}

ReferenceLayer layerFor(const QString& source, const QString& projectPath, const QString& sourceLayer,
                        int crsEpsg)
{
    ReferenceLayer layer;
    layer.crsEpsg = crsEpsg;
    if (ReferenceLayers::isTileService(source)) {
        layer.kind = ReferenceLayer::Kind::TileService;
        layer.source = source;
        static const QMap<QString, QString> presetNames{
            {QStringLiteral("tianditu:vec"), QStringLiteral("天地图矢量")},
            {QStringLiteral("tianditu:cva"), QStringLiteral("天地图矢量注记")},
            {QStringLiteral("tianditu:img"), QStringLiteral("天地图影像")},
            {QStringLiteral("tianditu:cia"), QStringLiteral("天地图影像注记")}};
        layer.name = presetNames.value(source, QUrl(source).host());
        return layer;
    }
    return layerFor(source, projectPath, probe(source, sourceLayer), crsEpsg);
}

ReferenceLayer layerFor(const QString& source, const QString& projectPath, const ReferenceSourceInfo& info,
                        int crsEpsg)
{
    ReferenceLayer layer;
    layer.crsEpsg = crsEpsg;
    if (info.crs.isEmpty() && !crsEpsg)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 names no coordinate reference system: say which it is in (--crs EPSG:N; "
                           "EPSG:4490 for longitude and latitude, EPSG:4547 for Gauss-Krüger 114°E)")
                        .arg(source));
    layer.kind = info.kind;
    layer.source = ReferenceLayers::storedPath(projectPath, source);
    layer.sourceLayer =
        info.kind == ReferenceLayer::Kind::Vector && info.layers.size() > 1 ? info.layerName : QString();
    layer.encoding = info.encoding;
    layer.name = QFileInfo(source).completeBaseName();
    if (layer.sourceLayer.size())
        layer.name += QStringLiteral(" — ") + layer.sourceLayer;
    if (info.kind == ReferenceLayer::Kind::Vector && info.geometryType.contains(QLatin1String("Polygon")))
        layer.style.fillColor = QStringLiteral("#e8e4dc"); // footprints, water: a light fill
    return layer;
}

ReferenceLayer embed(const ReferenceLayer& layer, const QString& projectPath)
{
    if (layer.kind != ReferenceLayer::Kind::Vector || layer.embedded)
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("Only a vector file can be copied into the project (%1 is not one)").arg(layer.name));
    const QString source = layer.resolvedSource(projectPath);
    const QString project = QFileInfo(projectPath).absoluteFilePath();
    GDALAllRegister();
    CPLStringList openOptions;
    if (!layer.encoding.isEmpty())
        openOptions.AddNameValue("ENCODING", layer.encoding == QLatin1String("GBK")
                                                 ? "CP936"
                                                 : layer.encoding.toUtf8().constData());
    GDALDatasetH input = GDALOpenEx(source.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                    openOptions.List(), nullptr);
    if (!input)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 cannot be read: %2").arg(source, GdalDataset::lastError()));
    const GdalDataset::Owned inputOwner(input);
    GDALDatasetH target =
        GDALOpenEx(project.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    if (!target)
        throw Error(Error::Kind::Io,
                    Tr::tr("%1 cannot be written: %2").arg(project, GdalDataset::lastError()));
    const GdalDataset::Owned targetOwner(target);
    QString table;
    for (int n = 1;; ++n) { // ref_1, ref_2 …: plain names every program takes
        table = QStringLiteral("ref_%1").arg(n);
        if (!GDALDatasetGetLayerByName(target, table.toUtf8().constData()))
            break;
    }
    CPLStringList arguments;
    for (const QString& argument :
         QStringList{QStringLiteral("-nln"), table, QStringLiteral("-gt"), QStringLiteral("unlimited"),
                     QStringLiteral("-nlt"), QStringLiteral("PROMOTE_TO_MULTI")})
        arguments.AddString(argument.toUtf8().constData());
    if (layer.crsEpsg) {
        arguments.AddString("-a_srs");
        arguments.AddString(QStringLiteral("EPSG:%1").arg(layer.crsEpsg).toUtf8().constData());
    }
    if (!layer.sourceLayer.isEmpty())
        arguments.AddString(layer.sourceLayer.toUtf8().constData());
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(arguments.List(), nullptr);
    int failed = 0;
    CPLErrorReset();
    const GDALDatasetH written = GDALVectorTranslate(nullptr, target, 1, &input, options, &failed);
    GDALVectorTranslateOptionsFree(options);
    if (!written || failed)
        throw Error(
            Error::Kind::Io,
            Tr::tr("%1 could not be copied into the project: %2").arg(source, GdalDataset::lastError()));
    ReferenceLayer copied = layer;
    copied.embedded = true;
    copied.source = QString();
    copied.sourceLayer = table;
    copied.encoding = QString(); // GDAL wrote it as UTF-8
    copied.crsEpsg = 0;          // the table has it
    return copied;
}

void dropEmbedded(const ReferenceLayer& layer, const QString& projectPath)
{
    if (!layer.embedded)
        return;
    GDALAllRegister();
    GDALDatasetH target = GDALOpenEx(QFileInfo(projectPath).absoluteFilePath().toUtf8().constData(),
                                     GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    if (!target)
        throw Error(Error::Kind::Io,
                    Tr::tr("%1 cannot be written: %2").arg(projectPath, GdalDataset::lastError()));
    const GdalDataset::Owned owner(target);
    for (int i = 0; i < GDALDatasetGetLayerCount(target); ++i)
        if (QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(target, i))) == layer.sourceLayer) {
            if (GDALDatasetDeleteLayer(target, i) != OGRERR_NONE)
                throw Error(Error::Kind::Io,
                            Tr::tr("The copy of %1 could not be taken out of the project: %2")
                                .arg(layer.name, GdalDataset::lastError()));
            return;
        }
}

void buildOverviews(const QString& path, const std::function<bool(int)>& progress)
{
    const ReferenceSourceInfo info = probe(path);
    if (info.kind != ReferenceLayer::Kind::Raster)
        throw Error(Error::Kind::InvalidInput, Tr::tr("%1 is no raster: overviews are for images").arg(path));
    std::vector<int> levels;
    for (int factor = 2; std::max(info.width, info.height) / factor >= 256; factor *= 2)
        levels.push_back(factor);
    if (levels.empty())
        return;
    GDALDatasetH dataset = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr,
                                      nullptr, nullptr); // read-only: GDAL writes an .ovr beside it
    if (!dataset)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 cannot be read: %2").arg(path, GdalDataset::lastError()));
    struct Progress
    {
        const std::function<bool(int)>* report;
        bool cancelled = false;
        static int CPL_STDCALL call(double done, const char*, void* data)
        {
            auto* self = static_cast<Progress*>(data);
            self->cancelled = *self->report && !(*self->report)(static_cast<int>(done * 1000));
            return self->cancelled ? FALSE : TRUE;
        }
    } told{&progress};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", "DEFLATE");
    const CPLErr built = GDALBuildOverviews(dataset, "AVERAGE", static_cast<int>(levels.size()),
                                            levels.data(), 0, nullptr, &Progress::call, &told);
    CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", nullptr);
    const QString reason = QString::fromUtf8(CPLGetLastErrorMsg());
    CPLPopErrorHandler();
    GDALClose(dataset);
    if (built != CE_None) {
        QFile::remove(path + QStringLiteral(".ovr")); // nothing half built is left
        if (told.cancelled)
            throw Error(Error::Kind::Cancelled,
                        Tr::tr("Building the overviews of %1 was cancelled").arg(path));
        throw Error(Error::Kind::Io, Tr::tr("The overviews of %1 were not built: %2").arg(path, reason));
    }
}

} // namespace ReferenceSource

} // namespace gridmodel
