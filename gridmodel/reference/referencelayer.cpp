#include "reference/referencelayer.h"

#include "error.h"
#include "translation.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

namespace gridmodel {

bool ReferenceStyle::operator==(const ReferenceStyle& o) const
{
    return lineColor == o.lineColor && lineWidth == o.lineWidth && fillColor == o.fillColor &&
           labelField == o.labelField;
}

bool ReferenceLayer::operator==(const ReferenceLayer& o) const
{
    return name == o.name && kind == o.kind && source == o.source && sourceLayer == o.sourceLayer &&
           crsEpsg == o.crsEpsg && opacity == o.opacity && visible == o.visible && snapping == o.snapping &&
           embedded == o.embedded && encoding == o.encoding && style == o.style;
}

namespace {

const std::vector<std::pair<ReferenceLayer::Kind, const char*>>& kindKeys()
{
    static const std::vector<std::pair<ReferenceLayer::Kind, const char*>> keys{
        {ReferenceLayer::Kind::Raster, "raster"},
        {ReferenceLayer::Kind::Tiles, "tiles"},
        {ReferenceLayer::Kind::TileService, "tile-service"},
        {ReferenceLayer::Kind::Vector, "vector"}};
    return keys;
}

const QString TiandituPrefix = QStringLiteral("tianditu:");

bool isColour(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return hex.match(text).hasMatch();
}

} // namespace

QString ReferenceLayer::kindKey(Kind kind)
{
    for (const auto& [k, key] : kindKeys())
        if (k == kind)
            return QLatin1String(key);
    return QString();
}

QString ReferenceLayer::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Raster:
        return Tr::tr("raster");
    case Kind::Tiles:
        return Tr::tr("tiles");
    case Kind::TileService:
        return Tr::tr("tile service");
    case Kind::Vector:
        return Tr::tr("vector");
    }
    return QString();
}

QString ReferenceLayer::resolvedSource(const QString& projectPath, const QString& tiandituKey) const
{
    if (kind == Kind::TileService)
        return ReferenceLayers::tileUrl(source, tiandituKey);
    if (embedded)
        return QFileInfo(projectPath).absoluteFilePath();
    if (QFileInfo(source).isAbsolute())
        return source;
    return QDir::cleanPath(QFileInfo(projectPath).absoluteDir().filePath(source));
}

bool ReferenceLayer::isMissing(const QString& projectPath) const
{
    return isFile() && !QFileInfo::exists(resolvedSource(projectPath));
}

namespace ReferenceLayers {

QByteArray toJson(const std::vector<ReferenceLayer>& layers)
{
    QJsonArray array;
    for (const ReferenceLayer& layer : layers) {
        QJsonObject object{{QStringLiteral("name"), layer.name},
                           {QStringLiteral("kind"), ReferenceLayer::kindKey(layer.kind)},
                           {QStringLiteral("source"), layer.source},
                           {QStringLiteral("opacity"), layer.opacity},
                           {QStringLiteral("visible"), layer.visible}};
        if (!layer.sourceLayer.isEmpty())
            object.insert(QStringLiteral("layer"), layer.sourceLayer);
        if (layer.crsEpsg)
            object.insert(QStringLiteral("crs"), QStringLiteral("EPSG:%1").arg(layer.crsEpsg));
        if (!layer.encoding.isEmpty())
            object.insert(QStringLiteral("encoding"), layer.encoding);
        if (layer.kind == ReferenceLayer::Kind::Vector) {
            object.insert(QStringLiteral("snapping"), layer.snapping);
            if (layer.embedded)
                object.insert(QStringLiteral("embedded"), true);
            QJsonObject style{{QStringLiteral("line_color"), layer.style.lineColor},
                              {QStringLiteral("line_width"), layer.style.lineWidth}};
            if (!layer.style.fillColor.isEmpty())
                style.insert(QStringLiteral("fill_color"), layer.style.fillColor);
            if (!layer.style.labelField.isEmpty())
                style.insert(QStringLiteral("label_field"), layer.style.labelField);
            object.insert(QStringLiteral("style"), style);
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::vector<ReferenceLayer> fromJson(const QByteArray& json)
{
    std::vector<ReferenceLayer> layers;
    if (json.trimmed().isEmpty())
        return layers;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isArray())
        throw Error(Error::Kind::Corrupt,
                    Tr::tr("The project's reference layers cannot be read (%1)").arg(error.errorString()));
    for (const QJsonValue& value : document.array()) {
        const QJsonObject object = value.toObject();
        ReferenceLayer layer;
        layer.name = object.value(QLatin1String("name")).toString();
        const QString kind = object.value(QLatin1String("kind")).toString();
        bool known = false;
        for (const auto& [k, key] : kindKeys())
            if (kind == QLatin1String(key)) {
                layer.kind = k;
                known = true;
            }
        if (!known || layer.name.isEmpty())
            throw Error(Error::Kind::Corrupt,
                        Tr::tr("The project's reference layer \"%1\" is of no kind GridAtlas knows (\"%2\")")
                            .arg(layer.name, kind));
        layer.source = object.value(QLatin1String("source")).toString();
        layer.sourceLayer = object.value(QLatin1String("layer")).toString();
        const QString crs = object.value(QLatin1String("crs")).toString();
        layer.crsEpsg = crs.mid(crs.indexOf(QLatin1Char(':')) + 1).toInt();
        layer.encoding = object.value(QLatin1String("encoding")).toString();
        layer.opacity = std::clamp(object.value(QLatin1String("opacity")).toDouble(1), 0.0, 1.0);
        layer.visible = object.value(QLatin1String("visible")).toBool(true);
        layer.snapping = object.value(QLatin1String("snapping")).toBool(true);
        layer.embedded = object.value(QLatin1String("embedded")).toBool(false);
        const QJsonObject style = object.value(QLatin1String("style")).toObject();
        layer.style.lineColor = style.value(QLatin1String("line_color")).toString(layer.style.lineColor);
        layer.style.lineWidth = style.value(QLatin1String("line_width")).toDouble(layer.style.lineWidth);
        layer.style.fillColor = style.value(QLatin1String("fill_color")).toString();
        layer.style.labelField = style.value(QLatin1String("label_field")).toString();
        layers.push_back(layer);
    }
    return layers;
}

void check(const ReferenceLayer& layer)
{
    if (layer.name.trimmed().isEmpty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("A reference layer needs a name"));
    if (!(layer.opacity >= 0 && layer.opacity <= 1))
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("The opacity of %1 is from 0 to 1 (or 0% to 100%), got %2")
                        .arg(layer.name)
                        .arg(layer.opacity));
    if (!isColour(layer.style.lineColor) ||
        (!layer.style.fillColor.isEmpty() && !isColour(layer.style.fillColor)))
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("Colours are written #rrggbb, as #3366cc; got %1")
                .arg(isColour(layer.style.lineColor) ? layer.style.fillColor : layer.style.lineColor));
    if (!(layer.style.lineWidth > 0 && layer.style.lineWidth <= 10))
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("A line is from 0.05 to 10 mm wide, got %1").arg(layer.style.lineWidth));
    if (layer.kind == ReferenceLayer::Kind::TileService && !isTileService(layer.source))
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 is no tile service: a URL with {x}, {y} and {z}, or one of %2")
                        .arg(layer.source, tiandituPresets().join(QStringLiteral(", "))));
}

void add(std::vector<ReferenceLayer>& layers, ReferenceLayer layer)
{
    layer.name = layer.name.trimmed();
    check(layer);
    const QString base = layer.name;
    for (int n = 2; indexOf(layers, layer.name) >= 0; ++n)
        layer.name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    layers.insert(layers.begin(), layer);
}

int indexOf(const std::vector<ReferenceLayer>& layers, const QString& name)
{
    for (size_t i = 0; i < layers.size(); ++i)
        if (layers[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int find(const std::vector<ReferenceLayer>& layers, const QString& nameOrNumber)
{
    if (const int byName = indexOf(layers, nameOrNumber); byName >= 0)
        return byName;
    bool isNumber = false;
    const int number = nameOrNumber.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= static_cast<int>(layers.size()))
        return number - 1;
    QStringList names;
    for (const ReferenceLayer& layer : layers)
        names << layer.name;
    throw Error(Error::Kind::InvalidInput,
                layers.empty() ? Tr::tr("The project has no reference layers")
                               : Tr::tr("The project has no reference layer \"%1\" (it has: %2)")
                                     .arg(nameOrNumber, names.join(QStringLiteral(", "))));
}

QString storedPath(const QString& projectPath, const QString& file)
{
    const QDir folder = QFileInfo(projectPath).absoluteDir();
    const QString absolute = QFileInfo(file).absoluteFilePath();
    const QString relative = folder.relativeFilePath(absolute);
    return relative.startsWith(QLatin1String("..")) || QFileInfo(relative).isAbsolute() ? absolute : relative;
}

QStringList tiandituPresets()
{
    return {QStringLiteral("tianditu:vec"), QStringLiteral("tianditu:cva"), QStringLiteral("tianditu:img"),
            QStringLiteral("tianditu:cia")};
}

bool isTileService(const QString& source)
{
    if (tiandituPresets().contains(source))
        return true;
    const QUrl url(source);
    return (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https") ||
            url.scheme() == QLatin1String("file")) &&
           source.contains(QLatin1String("{x}")) && source.contains(QLatin1String("{y}")) &&
           source.contains(QLatin1String("{z}"));
}

QString tileUrl(const QString& source, const QString& tiandituKey)
{
    if (!source.startsWith(TiandituPrefix))
        return source;
    const QString layer = source.mid(TiandituPrefix.size()); // vec, cva, img, cia
    return QStringLiteral("https://t0.tianditu.gov.cn/DataServer?T=%1_w&x={x}&y={y}&l={z}&tk=%2")
        .arg(layer, tiandituKey);
}

} // namespace ReferenceLayers

} // namespace gridmodel
