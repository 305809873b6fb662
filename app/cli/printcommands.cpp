// gridatlas-cli print: responsibility maps (in the QGIS module, gridatlas-cli-qgis).

#include "command.h"

#include "reference/referencelayer.h"

#include "error.h"
#include "hierarchyindex.h"
#include "mapimage.h"
#include "printrecord.h"
#include "projectfile.h"
#include "qgisruntime.h"
#include "responsibilitymapprinter.h"
#include "stockqgisproject.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdio>
#include <qgsapplication.h>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

const QCommandLineOption LevelOption(QStringLiteral("level"),
                                     QStringLiteral("The level to print a page per unit of (e.g. grid)."),
                                     QStringLiteral("KEY"));
const QCommandLineOption WithinOption(QStringLiteral("within"),
                                      QStringLiteral("Only the units inside the unit with this code."),
                                      QStringLiteral("CODE"));
const QCommandLineOption PaperOption(QStringLiteral("paper"),
                                     QStringLiteral("A4 (default), A3, 8K, A1 or A0."),
                                     QStringLiteral("PAPER"), QStringLiteral("A4"));
const QCommandLineOption OrientationOption(QStringLiteral("orientation"),
                                           QStringLiteral("auto (by each unit's shape, default), portrait or "
                                                          "landscape."),
                                           QStringLiteral("auto|portrait|landscape"), QStringLiteral("auto"));
const QCommandLineOption
    PhonesOption(QStringLiteral("show-phones"),
                 QStringLiteral("Print phone numbers whole (masked 138****5678 otherwise)."));
const QCommandLineOption TemplateOption(QStringLiteral("template"),
                                        QStringLiteral("A QGIS layout template (.qpt) to use instead of the "
                                                       "default page (see README: Printing)."),
                                        QStringLiteral("FILE.qpt"));
const QCommandLineOption
    PerParentOption(QStringLiteral("per-parent"),
                    QStringLiteral("One PDF per parent (e.g. per community) in the folder -o names."));
const QCommandLineOption
    ChangedOption(QStringLiteral("changed-only"),
                  QStringLiteral("Only the pages whose unit changed since the last print to the "
                                 "same output."));
const QCommandLineOption
    WallOption(QStringLiteral("wall"),
               QStringLiteral("A wall map: the units below listed with their leaders instead "
                              "of the roster (with --paper A1 or A0, say)."));
const QCommandLineOption
    SaveTemplateOption(QStringLiteral("save-template"),
                       QStringLiteral("Write the page layout (for --paper and --orientation) "
                                      "as a QGIS layout template to edit, then stop."),
                       QStringLiteral("FILE.qpt"));
const QCommandLineOption
    LayersOption(QStringLiteral("layers"),
                 QStringLiteral("Reference layers drawn under the units, by name or number, top first "
                                "(see `layer list`): building footprints, imagery …"),
                 QStringLiteral("NAME,NAME"));
const QCommandLineOption DpiOption(QStringLiteral("dpi"),
                                   QStringLiteral("Resolution of PNG output (default 150)."),
                                   QStringLiteral("DPI"), QStringLiteral("150"));
const QCommandLineOption
    OutputOption({QStringLiteral("o"), QStringLiteral("output")},
                 QStringLiteral("OUT.pdf (one file, a page per unit) or OUT.png (a picture "
                                "per page: OUT-001.png … when several)."),
                 QStringLiteral("OUT"));

mapcore::ResponsibilityMapPrinter::Options optionsFrom(const QCommandLineParser& parser)
{
    mapcore::ResponsibilityMapPrinter::Options options;
    options.paper = parser.value(PaperOption);
    const QString orientation = parser.value(OrientationOption);
    if (orientation == QLatin1String("portrait"))
        options.orientation = mapcore::ResponsibilityMapPrinter::Orientation::Portrait;
    else if (orientation == QLatin1String("landscape"))
        options.orientation = mapcore::ResponsibilityMapPrinter::Orientation::Landscape;
    else if (orientation != QLatin1String("auto"))
        throw Error(
            Error::Kind::InvalidInput,
            QStringLiteral("--orientation must be auto, portrait or landscape, not \"%1\"").arg(orientation));
    options.showPhones = parser.isSet(PhonesOption);
    options.templatePath = parser.value(TemplateOption);
    options.wall = parser.isSet(WallOption);
    return options;
}

//! --layers as the names of the project's reference layers (numbers taken as positions)
QStringList referenceLayersFrom(const QCommandLineParser& parser, const ProjectData& data)
{
    QStringList names;
    for (const QString& given : parser.value(LayersOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
        names << data.referenceLayers[static_cast<size_t>(
                                          ReferenceLayers::find(data.referenceLayers, given.trimmed()))]
                     .name;
    return names;
}

int print(const QCommandLineParser& parser)
{
    const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
    if (!parser.isSet(SaveTemplateOption) && (!parser.isSet(LevelOption) || !parser.isSet(OutputOption)))
        throw Error(Error::Kind::InvalidInput, QStringLiteral("--level and -o are required (see --help)"));
    const ProjectData& data = project->data();
    if (parser.isSet(SaveTemplateOption)) {
        const mapcore::ResponsibilityMapPrinter::Options options = optionsFrom(parser);
        mapcore::ResponsibilityMapPrinter(*project, options)
            .saveTemplate(
                parser.value(SaveTemplateOption),
                options.orientation.value_or(mapcore::ResponsibilityMapPrinter::Orientation::Portrait));
        printOut(parser.value(SaveTemplateOption) + QLatin1Char('\n'));
        return Success;
    }
    const int level = levelFromKey(data, parser.value(LevelOption));
    mapcore::ResponsibilityMapPrinter::Options options = optionsFrom(parser);
    options.referenceLayers = referenceLayersFrom(parser, data);

    const std::vector<UnitId> units =
        ResponsibilitySheet::unitsToPrint(data, project->index(), level, parser.value(WithinOption));
    if (units.empty())
        throw Error(Error::Kind::InvalidInput,
                    QStringLiteral("no %1 to print").arg(parser.value(LevelOption)));
    mapcore::ResponsibilityMapPrinter printer(*project, options);
    const QString output = parser.value(OutputOption);
    if (output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        bool ok = false;
        const double dpi = parser.value(DpiOption).toDouble(&ok);
        if (!ok || dpi < 30 || dpi > 1200)
            throw Error(Error::Kind::InvalidInput, QStringLiteral("--dpi must be 30 to 1200"));
        const QString stem = output.left(output.size() - 4);
        const int total = static_cast<int>(units.size());
        for (int page = 0; page < total; ++page) {
            const QString file =
                total == 1 ? output
                           : QStringLiteral("%1-%2.png").arg(stem).arg(page + 1, 3, 10, QLatin1Char('0'));
            mapcore::writeImage(printer.renderPage(units[static_cast<size_t>(page)], dpi, page + 1, total),
                                file);
            printOut(file + QLatin1Char('\n'));
        }
        return Success;
    }
    const bool perParent = parser.isSet(PerParentOption);
    if (!perParent && !output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        throw Error(Error::Kind::InvalidInput, QStringLiteral("-o must name a .pdf or a .png file"));
    if (perParent && !QDir().mkpath(output))
        throw Error(Error::Kind::Io, QStringLiteral("cannot make the folder %1").arg(output));

    // Only what changed since the last print to the same output, when asked.
    const QString recordPath = PrintRecord::pathFor(output);
    PrintRecord record = PrintRecord::load(recordPath);
    const HierarchyIndex& index = project->index();
    const PrintRecord::Pages pagesNow =
        PrintRecord::fingerprints(data, index, units, printer.problems(), options.showPhones);
    std::vector<UnitId> toPrint = units;
    if (parser.isSet(ChangedOption)) {
        toPrint = record.changed(index, units, pagesNow);
        if (toPrint.empty()) {
            printOut(QStringLiteral("nothing changed since the last print to %1\n").arg(output));
            return Success;
        }
    }
    const auto progress = [](int done, int total) {
        std::fprintf(stderr, "\r%d/%d", done, total);
        return true;
    };
    if (perParent) {
        for (const auto& [parentId, group] : ResponsibilitySheet::byParent(index, toPrint)) {
            const Unit* parent = index.unit(parentId);
            QString name =
                parent ? QStringLiteral("%1 %2").arg(parent->code, parent->name) : QStringLiteral("0");
            name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("_"));
            const QString file = QDir(output).filePath(name + QStringLiteral(".pdf"));
            printer.writePdf(group, file, progress);
            std::fprintf(stderr, "\n");
            printOut(QStringLiteral("%1: %2 pages\n").arg(file).arg(group.size()));
        }
    } else {
        printer.writePdf(toPrint, output, progress);
        std::fprintf(stderr, "\n");
        printOut(QStringLiteral("%1: %2 pages\n").arg(output).arg(toPrint.size()));
    }
    record.remember(index, toPrint, pagesNow);
    record.save(recordPath);
    return Success;
}

} // namespace

std::vector<Command> printCommands()
{
    return {{QStringLiteral("print"),
             QStringLiteral("Print responsibility maps: a page per unit of a level (PDF or PNG)"),
             [](QCommandLineParser& parser) {
                 addProjectArgument(parser);
                 parser.addOptions({LevelOption, WithinOption, PaperOption, OrientationOption, PhonesOption,
                                    TemplateOption, PerParentOption, ChangedOption, WallOption,
                                    SaveTemplateOption, LayersOption, DpiOption, OutputOption});
             },
             print}};
}

std::unique_ptr<QCoreApplication> printApplication(int& argc, char** argv)
{
    // Printing draws text and maps without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    auto application =
        std::make_unique<QgsApplication>(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    return application;
}

void writeStockQgisProject(const ProjectFile& project)
{
    if (!mapcore::StockQgisProject::isWritten(project.path()))
        return; // never opened for editing in the window: it writes them when it is
    try {
        mapcore::StockQgisProject::write(project.path(), project.data().hierarchy,
                                         project.data().referenceLayers);
    } catch (const Error& error) {
        printError(QStringLiteral("Warning: the project stock QGIS opens is not updated: %1\n")
                       .arg(error.message()));
    }
}

void stopPrintApplication()
{
    mapcore::QgisRuntime::stop();
}

} // namespace gridatlas::cli
