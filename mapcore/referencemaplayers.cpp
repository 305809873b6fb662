#include "referencemaplayers.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <qgsfillsymbol.h>
#include <qgslabellinesettings.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgsnetworkaccessmanager.h>
#include <qgspallabeling.h>
#include <qgsrasterlayer.h>
#include <qgsrasterrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextbuffersettings.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

using gridmodel::ReferenceLayer;

namespace mapcore {

namespace {

constexpr double ReferenceLabelsFromScale = 25000;

QString translated(const char* text)
{
    return QCoreApplication::translate("mapcore", text);
}

//! "r,g,b,a" as QGIS's symbol properties want colours
QString symbolColour(const QString& hex)
{
    const QColor colour(hex);
    return QStringLiteral("%1,%2,%3,255").arg(colour.red()).arg(colour.green()).arg(colour.blue());
}

//! QGIS's XYZ source: type=xyz&url=…&zmin&zmax
QString xyzUri(const QString& url)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("type"), QStringLiteral("xyz"));
    query.addQueryItem(QStringLiteral("url"), QString::fromUtf8(QUrl::toPercentEncoding(url)));
    query.addQueryItem(QStringLiteral("zmin"), QStringLiteral("0"));
    query.addQueryItem(QStringLiteral("zmax"), QStringLiteral("18"));
    return query.toString(QUrl::FullyEncoded);
}

void styleVector(const ReferenceLayer& layer, QgsVectorLayer& vector)
{
    const gridmodel::ReferenceStyle& style = layer.style;
    QgsSymbol* symbol = nullptr;
    switch (vector.geometryType()) {
    case QgsWkbTypes::PointGeometry:
        symbol = QgsMarkerSymbol::createSimple(
            {{QStringLiteral("color"),
              symbolColour(style.fillColor.isEmpty() ? style.lineColor : style.fillColor)},
             {QStringLiteral("outline_color"), symbolColour(style.lineColor)},
             {QStringLiteral("size"), QStringLiteral("1.8")}});
        break;
    case QgsWkbTypes::PolygonGeometry:
        symbol = QgsFillSymbol::createSimple(
            {{QStringLiteral("color"),
              style.fillColor.isEmpty() ? QStringLiteral("0,0,0,0") : symbolColour(style.fillColor)},
             {QStringLiteral("style"),
              style.fillColor.isEmpty() ? QStringLiteral("no") : QStringLiteral("solid")},
             {QStringLiteral("outline_color"), symbolColour(style.lineColor)},
             {QStringLiteral("outline_width"), QString::number(style.lineWidth)}});
        break;
    default:
        symbol =
            QgsLineSymbol::createSimple({{QStringLiteral("line_color"), symbolColour(style.lineColor)},
                                         {QStringLiteral("line_width"), QString::number(style.lineWidth)},
                                         {QStringLiteral("capstyle"), QStringLiteral("round")},
                                         {QStringLiteral("joinstyle"), QStringLiteral("round")}});
        break;
    }
    vector.setRenderer(new QgsSingleSymbolRenderer(symbol));
    if (style.labelField.isEmpty()) {
        vector.setLabelsEnabled(false);
        return;
    }
    QgsPalLayerSettings settings;
    settings.fieldName = style.labelField;
    settings.placement = vector.geometryType() == QgsWkbTypes::LineGeometry ? QgsPalLayerSettings::Line
                                                                            : QgsPalLayerSettings::OverPoint;
    // A street comes as many segments: labelled once along the whole of it, not on every piece,
    // which is what a reader wants and many times faster to place.
    settings.lineSettings().setMergeLines(true);
    // names of streets at a city's scale are a grey smear: labelled from 1:25,000 in
    settings.scaleVisibility = true;
    settings.minimumScale = ReferenceLabelsFromScale;
    QgsTextFormat format;
    format.setSize(8);
    format.setColor(QColor(style.lineColor).darker(160));
    QgsTextBufferSettings buffer;
    buffer.setEnabled(true);
    buffer.setSize(0.8);
    buffer.setColor(QColor(255, 255, 255, 220));
    format.setBuffer(buffer);
    settings.setFormat(format);
    vector.setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    vector.setLabelsEnabled(true);
}

} // namespace

ReferenceMapLayers::ReferenceMapLayers()
{
    // every thread's requests end up here, in the main thread
    connect(QgsNetworkAccessManager::instance(),
            qOverload<QgsNetworkReplyContent>(&QgsNetworkAccessManager::finished), this,
            &ReferenceMapLayers::replyFinished);
}

void ReferenceMapLayers::replyFinished(const QgsNetworkReplyContent& reply)
{
    if (reply.error() == QNetworkReply::NoError || reply.error() == QNetworkReply::OperationCanceledError)
        return;
    const QUrl url = reply.request().url();
    for (const Entry& entry : mEntries) {
        if (entry.layer.kind != ReferenceLayer::Kind::TileService ||
            mToldUnreachable.contains(entry.resolved))
            continue;
        const QUrl service(
            QString(entry.resolved).replace(QRegularExpression(QStringLiteral("[{}]")), QString()));
        if (service.scheme() == url.scheme() && service.host() == url.host() &&
            service.port() == url.port()) {
            mToldUnreachable.insert(entry.resolved);
            emit serviceUnreachable(entry.layer.name, reply.errorString());
        }
    }
}
ReferenceMapLayers::~ReferenceMapLayers() = default;

std::unique_ptr<QgsMapLayer> ReferenceMapLayers::create(const ReferenceLayer& layer,
                                                        const QString& projectPath,
                                                        const QString& tiandituKey, QString* why)
{
    const QString source = layer.resolvedSource(projectPath, tiandituKey);
    if (layer.isMissing(projectPath)) {
        *why = translated(QT_TRANSLATE_NOOP("mapcore", "%1 is not there (moved or deleted?): relink it"))
                   .arg(source);
        return nullptr;
    }
    std::unique_ptr<QgsMapLayer> made;
    switch (layer.kind) {
    case ReferenceLayer::Kind::Raster:
        made = std::make_unique<QgsRasterLayer>(source, layer.name, QStringLiteral("gdal"));
        break;
    case ReferenceLayer::Kind::Tiles:
        made = std::make_unique<QgsRasterLayer>(
            layer.sourceLayer.isEmpty() ? source
                                        : QStringLiteral("GPKG:%1:%2").arg(source, layer.sourceLayer),
            layer.name, QStringLiteral("gdal"));
        break;
    case ReferenceLayer::Kind::TileService:
        if (source.contains(QLatin1String("tk=")) && source.endsWith(QLatin1String("tk="))) {
            *why = translated(QT_TRANSLATE_NOOP(
                "mapcore", "天地图 needs your key (设置 › 天地图密钥, or GRIDATLAS_TIANDITU_KEY)"));
            return nullptr;
        }
        made = std::make_unique<QgsRasterLayer>(xyzUri(source), layer.name, QStringLiteral("wms"));
        break;
    case ReferenceLayer::Kind::Vector: {
        QgsVectorLayer::LayerOptions options;
        options.loadDefaultStyle = false;
        auto vector = std::make_unique<QgsVectorLayer>(
            layer.sourceLayer.isEmpty() ? source
                                        : QStringLiteral("%1|layername=%2").arg(source, layer.sourceLayer),
            layer.name, QStringLiteral("ogr"), options);
        if (vector->isValid() && !layer.encoding.isEmpty())
            vector->setProviderEncoding(layer.encoding);
        made = std::move(vector);
        break;
    }
    }
    if (!made->isValid()) {
        *why = translated(QT_TRANSLATE_NOOP("mapcore", "%1 cannot be read: %2"))
                   .arg(source, made->error().summary());
        return nullptr;
    }
    if (layer.crsEpsg)
        made->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:%1").arg(layer.crsEpsg)));
    applyStyle(layer, *made);
    return made;
}

void ReferenceMapLayers::applyStyle(const ReferenceLayer& layer, QgsMapLayer& mapLayer)
{
    if (auto* raster = qobject_cast<QgsRasterLayer*>(&mapLayer)) {
        if (raster->renderer())
            raster->renderer()->setOpacity(layer.opacity);
    } else if (auto* vector = qobject_cast<QgsVectorLayer*>(&mapLayer)) {
        styleVector(layer, *vector);
        vector->setOpacity(layer.opacity);
    }
    mapLayer.triggerRepaint();
}

void ReferenceMapLayers::update(const std::vector<ReferenceLayer>& layers, const QString& projectPath,
                                const QString& tiandituKey)
{
    std::vector<Entry> kept;
    mUnavailable.clear();
    for (const ReferenceLayer& layer : layers) {
        const QString resolved = layer.resolvedSource(projectPath, tiandituKey);
        const auto same = std::find_if(mEntries.begin(), mEntries.end(), [&](const Entry& entry) {
            return entry.mapLayer && entry.resolved == resolved && entry.layer.kind == layer.kind &&
                   entry.layer.sourceLayer == layer.sourceLayer && entry.layer.crsEpsg == layer.crsEpsg &&
                   entry.layer.encoding == layer.encoding;
        });
        Entry entry{layer, resolved, nullptr};
        if (same != mEntries.end() && !layer.isMissing(projectPath)) {
            entry.mapLayer = std::move(same->mapLayer);
            entry.mapLayer->setName(layer.name);
            applyStyle(layer, *entry.mapLayer);
        } else {
            QString why;
            entry.mapLayer = create(layer, projectPath, tiandituKey, &why);
            if (!entry.mapLayer)
                mUnavailable << QStringLiteral("%1: %2").arg(layer.name, why);
        }
        kept.push_back(std::move(entry));
    }
    mEntries = std::move(kept);
}

QList<QgsMapLayer*> ReferenceMapLayers::visibleLayersTopFirst() const
{
    QList<QgsMapLayer*> layers;
    for (const Entry& entry : mEntries)
        if (entry.mapLayer && entry.layer.visible)
            layers << entry.mapLayer.get();
    return layers;
}

QgsMapLayer* ReferenceMapLayers::layer(const QString& name) const
{
    for (const Entry& entry : mEntries)
        if (entry.layer.name == name)
            return entry.mapLayer.get();
    return nullptr;
}

} // namespace mapcore
