#include "boundaryexport.h"

#include "error.h"
#include "gdaldataset.h"
#include "hierarchyindex.h"
#include "outputfile.h"
#include "spatialreference.h"
#include "translation.h"

#include <QIODevice>
#include <cpl_string.h>
#include <gdal.h>
#include <memory>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <optional>

namespace gridmodel {

namespace {

struct FormatInfo
{
    BoundaryExport::Format format;
    const char* name;
    const char* driver;
    bool wgs84; //!< the format wants longitude/latitude
};

const FormatInfo Formats[] = {
    {BoundaryExport::Format::GeoJson, "geojson", "GeoJSON", true},
    {BoundaryExport::Format::Shapefile, "shp", "ESRI Shapefile", false},
    {BoundaryExport::Format::Kml, "kml", "KML", true},
    {BoundaryExport::Format::Dxf, "dxf", "DXF", false},
    {BoundaryExport::Format::GeoPackage, "gpkg", "GPKG", false},
};

const FormatInfo& infoOf(BoundaryExport::Format format)
{
    for (const FormatInfo& info : Formats)
        if (info.format == format)
            return info;
    return Formats[0];
}

} // namespace

std::optional<BoundaryExport::Format> BoundaryExport::formatByName(const QString& name)
{
    for (const FormatInfo& info : Formats)
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.format;
    return std::nullopt;
}

QStringList BoundaryExport::formatNames()
{
    QStringList names;
    for (const FormatInfo& info : Formats)
        names << QLatin1String(info.name);
    return names;
}

int BoundaryExport::write(const ProjectData& data, const HierarchyIndex& index, int level, UnitId within,
                          Format format, const QString& path, bool withPersonal, const Progress& progress)
{
    std::vector<const Unit*> units;
    for (const Unit& unit : data.units)
        if (unit.level == level && (!within || index.isWithin(unit, within)))
            units.push_back(&unit);
    if (units.empty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("Nothing to export"));
    std::sort(units.begin(), units.end(), [](const Unit* a, const Unit* b) { return a->code < b->code; });

    const FormatInfo& info = infoOf(format);
    OutputFile output(path); // the old file stands until the new one is whole
    // GDAL 3.6's DXF writer crashes when the disk refuses it: it writes to memory, and from
    // there the bytes go to the disk through checked writes
    std::optional<GdalDataset::MemoryFile> inMemory;
    if (format == Format::Dxf)
        inMemory.emplace(QStringLiteral(".dxf"));
    const QString written = inMemory ? inMemory->path() : output.partialPath();
    GdalDataset::ErrorTrap gdalErrors;
    GdalDataset::Owned dataset = GdalDataset::create(info.driver, written);

    const int targetEpsg = info.wgs84 ? 4326 : data.crsEpsg;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, targetEpsg);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    const QByteArray layerName = data.hierarchy.level(level).key.toUtf8();
    char** options = nullptr;
    if (format == Format::Shapefile)
        options = CSLSetNameValue(options, "ENCODING", "UTF-8"); // and a .cpg saying so
    OGRLayerH layer = GDALDatasetCreateLayer(dataset.get(), layerName.constData(),
                                             format == Format::Dxf ? nullptr : srs, wkbMultiPolygon, options);
    CSLDestroy(options);
    OSRRelease(srs);
    if (!layer)
        throw output.failure(gdalErrors.failure());

    // DXF takes no attribute columns: the code goes into the layer name of each entity.
    const QList<QPair<const char*, OGRFieldType>> fields{
        {"code", OFTString},         {"name", OFTString},  {"parent", OFTString},
        {"level", OFTString},        {"org", OFTString},   {"households", OFTInteger64},
        {"residents", OFTInteger64}, {"notes", OFTString}, {"ext_code", OFTString}};
    if (format != Format::Dxf)
        for (const auto& [name, type] : fields) {
            if (!withPersonal && QLatin1String(name) == QLatin1String("notes"))
                continue;
            OGRFieldDefnH field = OGR_Fld_Create(name, type);
            OGR_L_CreateField(layer, field, TRUE);
            OGR_Fld_Destroy(field);
        }

    std::unique_ptr<CoordinateTransform> transform;
    if (targetEpsg != data.crsEpsg)
        transform = std::make_unique<CoordinateTransform>(data.crsEpsg, targetEpsg);
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const bool inTransaction = OGR_L_StartTransaction(layer) == OGRERR_NONE; // not every driver has them
    const auto fail = [&]() {
        dataset.reset();
        return output.failure(gdalErrors.failure());
    };
    const int total = static_cast<int>(units.size());
    for (int done = 0; done < total; ++done) {
        if (progress && done % 100 == 0 && !progress(done, total)) {
            dataset.reset();
            throw Error(Error::Kind::Cancelled, Tr::tr("Export cancelled: no file was written"));
        }
        const Unit* unit = units[static_cast<size_t>(done)];
        MultiPolygon boundary = unit->boundary;
        if (transform)
            transform->transform(boundary);
        OGRGeometryH geometry = nullptr;
        QByteArray wkt =
            boundary.toWkt(info.wgs84 ? 9 : 6).toLatin1(); // µm: imported again, edges still meet
        char* cursor = wkt.data();
        OGR_G_CreateFromWkt(&cursor, nullptr, &geometry);
        OGRFeatureH feature = OGR_F_Create(definition);
        const Unit* parent = unit->parentId ? index.unit(unit->parentId) : nullptr;
        const auto set = [&](const char* field, const QString& value) {
            const int at = OGR_F_GetFieldIndex(feature, field);
            if (at >= 0)
                OGR_F_SetFieldString(feature, at, value.toUtf8().constData());
        };
        set("code", unit->code);
        set("name", unit->name);
        set("parent", parent ? parent->code : QString());
        set("level", data.hierarchy.level(level).key);
        set("org", unit->organisation);
        set("ext_code", unit->externalCode);
        if (withPersonal)
            set("notes", unit->notes);
        for (const auto& [field, value] :
             {std::pair{"households", unit->households}, std::pair{"residents", unit->residents}})
            if (const int at = OGR_F_GetFieldIndex(feature, field); at >= 0)
                OGR_F_SetFieldInteger64(feature, at, value);
        if (format == Format::Dxf)
            set("Layer", unit->code);
        OGR_F_SetGeometryDirectly(feature, geometry);
        const OGRErr created = OGR_L_CreateFeature(layer, feature);
        OGR_F_Destroy(feature);
        if (created != OGRERR_NONE)
            throw fail();
    }
    if (inTransaction && OGR_L_CommitTransaction(layer) != OGRERR_NONE)
        throw fail();
    dataset.reset(); // most drivers write the end of the file only now, and say nothing when that fails
    if (gdalErrors.failed())
        throw output.failure(gdalErrors.failure());
    // Read back as the next program will: a full disk leaves GeoJSON and KML cut short without a
    // word from GDAL. DXF writes a polygon's rings as entities of their own.
    const GdalDataset::Contents contents = GdalDataset::readBack(written);
    if (!contents.readable ||
        (format == Format::Dxf ? contents.features < total : contents.features != total))
        throw output.failure();
    if (inMemory)
        output.device().write(inMemory->bytes());
    output.commit();
    if (progress)
        progress(total, total);
    return total;
}

} // namespace gridmodel
