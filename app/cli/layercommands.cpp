// gridatlas-cli layer: the reference layers a project is drawn against (imagery, tiles, roads ...).

#include "command.h"

#include "error.h"
#include "reference/referencesource.h"
#include "spatialreference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

//! --opacity as 0.6 or 60%
double opacityFrom(const QString& text)
{
    QString number = text.trimmed();
    const bool percent = number.endsWith(QLatin1Char('%'));
    if (percent)
        number.chop(1);
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok)
        throw Error(Error::Kind::InvalidInput,
                    QStringLiteral("--opacity is 0 to 1 or 0%–100%, got \"%1\"").arg(text));
    return percent || value > 1 ? value / 100 : value;
}

struct LayerOptions
{
    QCommandLineOption name{QStringLiteral("name"),
                            QStringLiteral("add: the layer's name (default: the file's)."),
                            QStringLiteral("NAME")};
    QCommandLineOption opacity{QStringLiteral("opacity"), QStringLiteral("add/set: 0–1 or 0%–100%."),
                               QStringLiteral("P")};
    QCommandLineOption crs{QStringLiteral("crs"),
                           QStringLiteral("add: the CRS of a source that names none (EPSG:4490 ...)."),
                           QStringLiteral("EPSG:N")};
    QCommandLineOption sourceLayer{QStringLiteral("layer"),
                                   QStringLiteral("add: the layer inside the source (default: the first)."),
                                   QStringLiteral("NAME")};
    QCommandLineOption lineColor{QStringLiteral("line-color"), QStringLiteral("add/set: #rrggbb."),
                                 QStringLiteral("C")};
    QCommandLineOption lineWidth{QStringLiteral("line-width"), QStringLiteral("add/set: millimetres."),
                                 QStringLiteral("MM")};
    QCommandLineOption fill{QStringLiteral("fill"), QStringLiteral("add/set: #rrggbb, or \"\" for none."),
                            QStringLiteral("C")};
    QCommandLineOption label{QStringLiteral("label"),
                             QStringLiteral("add/set: the field labelled, \"\" for none."),
                             QStringLiteral("FIELD")};
    QCommandLineOption overviews{
        QStringLiteral("overviews"),
        QStringLiteral("add: build the overviews a large raster lacks (an .ovr beside it).")};
    QCommandLineOption snap{QStringLiteral("snap"),
                            QStringLiteral("add/set: drawing snaps to a vector layer: on or off."),
                            QStringLiteral("on|off")};
    QCommandLineOption embed{
        QStringLiteral("embed"),
        QStringLiteral("add: copy a vector layer into the project file, so that one file is the whole "
                       "project (the source is no longer needed).")};
    QCommandLineOption hide{QStringLiteral("hide"), QStringLiteral("set: hide the layer.")};
    QCommandLineOption show{QStringLiteral("show"), QStringLiteral("set: show the layer.")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("list: as JSON.")};
};

const LayerOptions& options()
{
    static const LayerOptions o;
    return o;
}

void applyStyleOptions(const QCommandLineParser& parser, ReferenceLayer& layer)
{
    const LayerOptions& o = options();
    if (parser.isSet(o.opacity))
        layer.opacity = opacityFrom(parser.value(o.opacity));
    if (parser.isSet(o.lineColor))
        layer.style.lineColor = parser.value(o.lineColor);
    if (parser.isSet(o.lineWidth)) {
        bool ok = false;
        layer.style.lineWidth = parser.value(o.lineWidth).toDouble(&ok);
        if (!ok)
            throw Error(
                Error::Kind::InvalidInput,
                QStringLiteral("--line-width is in millimetres, got \"%1\"").arg(parser.value(o.lineWidth)));
    }
    if (parser.isSet(o.fill))
        layer.style.fillColor = parser.value(o.fill);
    if (parser.isSet(o.label))
        layer.style.labelField = parser.value(o.label);
    if (parser.isSet(o.snap)) {
        const QString on = parser.value(o.snap);
        if (on != QLatin1String("on") && on != QLatin1String("off"))
            throw Error(Error::Kind::InvalidInput, QStringLiteral("--snap is on or off, not \"%1\"").arg(on));
        layer.snapping = on == QLatin1String("on");
    }
}

QString describe(const ReferenceLayer& layer, const QString& projectPath)
{
    QString line = QStringLiteral("%1\t%2\t%3\t%4%\t%5")
                       .arg(layer.name, ReferenceLayer::kindKey(layer.kind),
                            layer.embedded ? QStringLiteral("(in the project: %1)").arg(layer.sourceLayer)
                                           : layer.source)
                       .arg(qRound(layer.opacity * 100))
                       .arg(layer.visible ? QStringLiteral("shown") : QStringLiteral("hidden"));
    if (layer.crsEpsg)
        line += QStringLiteral("\tEPSG:%1").arg(layer.crsEpsg);
    if (layer.isMissing(projectPath))
        line += QStringLiteral("\tMISSING: %1").arg(layer.resolvedSource(projectPath));
    return line + QLatin1Char('\n');
}

int addLayer(const QCommandLineParser& parser, const QStringList& arguments)
{
    const LayerOptions& o = options();
    const auto project = ProjectFile::open(arguments.at(0), ProjectFile::Access::ReadWrite);
    const QString source = arguments.at(1);
    const int crs = parser.isSet(o.crs) ? SpatialReference::epsgFromString(parser.value(o.crs)) : 0;
    const bool isService = ReferenceLayers::isTileService(source);
    const ReferenceSourceInfo info =
        isService ? ReferenceSourceInfo() : ReferenceSource::probe(source, parser.value(o.sourceLayer));
    ReferenceLayer layer = isService ? ReferenceSource::layerFor(source, project->path(), QString(), crs)
                                     : ReferenceSource::layerFor(source, project->path(), info, crs);
    if (parser.isSet(o.name))
        layer.name = parser.value(o.name);
    applyStyleOptions(parser, layer);
    if (layer.kind == ReferenceLayer::Kind::Raster) {
        if (info.wantsOverviews() && parser.isSet(o.overviews)) {
            ReferenceSource::buildOverviews(source);
            printError(QStringLiteral("Overviews built: %1.ovr\n").arg(source));
        } else if (info.wantsOverviews()) {
            printError(QStringLiteral("%1 is %2 × %3 px without overviews: it draws slowly when zoomed out. "
                                      "Add it with --overviews to build them.\n")
                           .arg(source)
                           .arg(info.width)
                           .arg(info.height));
        }
    }
    std::vector<ReferenceLayer> layers = project->data().referenceLayers;
    ReferenceLayers::add(layers, layer); // checked before anything is copied
    if (parser.isSet(o.embed))
        layers.front() = ReferenceSource::embed(layers.front(), project->path());
    try {
        project->setReferenceLayers(layers);
    } catch (const Error&) {
        ReferenceSource::dropEmbedded(layers.front(), project->path()); // the file as it was
        throw;
    }
    keepStockQgisProjectCurrent(*project);
    printOut(describe(layers.front(), project->path()));
    return Success;
}

int listLayers(const QCommandLineParser& parser, const QString& file)
{
    const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
    const std::vector<ReferenceLayer>& layers = project->data().referenceLayers;
    if (parser.isSet(options().json)) {
        QJsonArray list;
        for (const ReferenceLayer& layer : layers) {
            QJsonObject object =
                QJsonDocument::fromJson(ReferenceLayers::toJson({layer})).array().first().toObject();
            object.insert(QStringLiteral("missing"), layer.isMissing(project->path()));
            object.insert(QStringLiteral("path"),
                          layer.isFile() ? layer.resolvedSource(project->path()) : QString());
            list.append(object);
        }
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("layers"), list}}).toJson()));
        return Success;
    }
    printOut(QStringLiteral("name\tkind\tsource\topacity\tshown\n"));
    for (const ReferenceLayer& layer : layers)
        printOut(describe(layer, project->path()));
    return Success;
}

} // namespace

std::vector<Command> layerCommands()
{
    Command layer{
        QStringLiteral("layer"),
        QStringLiteral("Reference layers under the levels: add FILE SOURCE | list FILE | remove FILE NAME | "
                       "relink FILE NAME SOURCE | set FILE NAME"),
        [](QCommandLineParser& parser) {
            parser.addPositionalArgument(QStringLiteral("ACTION"),
                                         QStringLiteral("add, list, remove, relink or set."));
            addProjectArgument(parser);
            parser.addPositionalArgument(
                QStringLiteral("[NAME] [SOURCE]"),
                QStringLiteral(
                    "add: a GeoTIFF or other raster, MBTiles, a Shapefile, GeoJSON, KML, DXF or "
                    "GeoPackage, a tile URL with {x} {y} {z}, or tianditu:vec|cva|img|cia (the key "
                    "from GRIDATLAS_TIANDITU_KEY or the desktop's settings); remove/set: the "
                    "layer's name or number; relink: the name and the file's new place."));
            const LayerOptions& o = options();
            parser.addOptions({o.name, o.opacity, o.crs, o.sourceLayer, o.lineColor, o.lineWidth, o.fill,
                               o.label, o.overviews, o.snap, o.embed, o.hide, o.show, o.json});
        },
        [](const QCommandLineParser& parser) -> int {
            const ActionArguments given(parser, QStringLiteral("layer"));
            const QString& action = given.action;
            const QStringList& arguments = given.arguments;
            const auto expect = [&](int count) { given.expect(count); };
            if (action == QLatin1String("list")) {
                expect(1);
                return listLayers(parser, arguments.at(0));
            }
            if (action == QLatin1String("add")) {
                expect(2);
                return addLayer(parser, arguments);
            }
            if (action != QLatin1String("remove") && action != QLatin1String("relink") &&
                action != QLatin1String("set"))
                throw Error(
                    Error::Kind::InvalidInput,
                    QStringLiteral("layer does add, list, remove, relink or set, not \"%1\"").arg(action));
            expect(action == QLatin1String("relink") ? 3 : 2);
            const auto project = ProjectFile::open(arguments.at(0), ProjectFile::Access::ReadWrite);
            std::vector<ReferenceLayer> layers = project->data().referenceLayers;
            const int at = ReferenceLayers::find(layers, arguments.at(1));
            ReferenceLayer& layer = layers[static_cast<size_t>(at)];
            if (action == QLatin1String("remove")) {
                const ReferenceLayer removed = layer;
                layers.erase(layers.begin() + at);
                project->setReferenceLayers(layers);
                ReferenceSource::dropEmbedded(removed, project->path()); // its copy in the file goes too
                keepStockQgisProjectCurrent(*project);
                printOut(QStringLiteral("Removed %1\n").arg(removed.name));
                return Success;
            } else if (action == QLatin1String("relink")) {
                if (layer.embedded)
                    throw Error(
                        Error::Kind::InvalidInput,
                        QStringLiteral("%1 is kept in the project file itself: there is nothing to relink")
                            .arg(layer.name));
                const ReferenceLayer found = ReferenceSource::layerFor(arguments.at(2), project->path(),
                                                                       layer.sourceLayer, layer.crsEpsg);
                if (found.kind != layer.kind)
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("%1 is a %2 layer; %3 holds a %4")
                                    .arg(layer.name, ReferenceLayer::kindKey(layer.kind), arguments.at(2),
                                         ReferenceLayer::kindKey(found.kind)));
                layer.source = found.source;
                layer.encoding = found.encoding;
                printOut(describe(layer, project->path()));
            } else {
                applyStyleOptions(parser, layer);
                if (parser.isSet(options().hide) || parser.isSet(options().show))
                    layer.visible = parser.isSet(options().show);
                printOut(describe(layer, project->path()));
            }
            project->setReferenceLayers(layers);
            keepStockQgisProjectCurrent(*project);
            return Success;
        }};
    return {layer};
}

} // namespace gridatlas::cli
