// gridatlas-cli subcommands that create and describe projects: demo, new, generate, info.

#include "command.h"

#include "districtgenerator.h"
#include "error.h"
#include "hierarchytemplate.h"
#include "projectfile.h"
#include "projectsummary.h"
#include "spatialreference.h"

#include <QFileInfo>
#include <QJsonDocument>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

const QCommandLineOption OverwriteOption(QStringLiteral("overwrite"),
                                         QStringLiteral("Replace OUT if it exists."));

void writeAndSummarise(const QString& path, const ProjectData& data, bool overwrite)
{
    ProjectFile::create(path, data, overwrite);
    printOut(QStringLiteral("%1\n").arg(path));
    printOut(ProjectSummary::of(data).toText());
}

Command demoCommand()
{
    return {QStringLiteral("demo"),
            QStringLiteral("Write the bundled demo district (2 streets, ~800 zones) to OUT.gpkg"),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("OUT.gpkg"),
                                             QStringLiteral("The project file to write."));
                parser.addOption(OverwriteOption);
            },
            [](const QCommandLineParser& parser) {
                const QString out = positionalArguments(parser, 1).first();
                writeAndSummarise(out, DistrictGenerator::generate(DistrictGenerator::demoOptions()),
                                  parser.isSet(OverwriteOption));
                return Success;
            }};
}

Command newCommand()
{
    static const QCommandLineOption templateOption(
        QStringLiteral("template"),
        QStringLiteral("Hierarchy template: %1.")
            .arg(HierarchyTemplate::builtinKeys().join(QStringLiteral(", "))),
        QStringLiteral("KEY"), QStringLiteral("five-level"));
    static const QCommandLineOption crsOption(
        QStringLiteral("crs"),
        QStringLiteral("Project CRS, in metres (default EPSG:%1, CGCS2000 / 3-degree Gauss-Kruger CM 114E).")
            .arg(SpatialReference::DefaultEpsg),
        QStringLiteral("EPSG:N"));
    static const QCommandLineOption longitudeOption(
        QStringLiteral("longitude"),
        QStringLiteral("Choose the CGCS2000 3-degree Gauss-Kruger zone for this longitude instead of --crs."),
        QStringLiteral("DEGREES"));
    static const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("Project name."),
                                               QStringLiteral("NAME"));
    return {
        QStringLiteral("new"), QStringLiteral("Create an empty project from a hierarchy template"),
        [](QCommandLineParser& parser) {
            parser.addPositionalArgument(QStringLiteral("OUT.gpkg"),
                                         QStringLiteral("The project file to create."));
            parser.addOptions({templateOption, crsOption, longitudeOption, nameOption, OverwriteOption});
        },
        [](const QCommandLineParser& parser) {
            const QString out = positionalArguments(parser, 1).first();
            if (parser.isSet(crsOption) && parser.isSet(longitudeOption))
                throw Error(Error::Kind::InvalidInput,
                            QStringLiteral("give either --crs or --longitude, not both"));
            int epsg = SpatialReference::DefaultEpsg;
            if (parser.isSet(crsOption))
                epsg = SpatialReference::fromString(parser.value(crsOption)).epsg();
            if (parser.isSet(longitudeOption)) {
                bool ok = false;
                const double longitude = parser.value(longitudeOption).toDouble(&ok);
                if (!ok || longitude < 73 || longitude > 136)
                    throw Error(
                        Error::Kind::InvalidInput,
                        QStringLiteral("--longitude must be a number of degrees east within China (73–136)"));
                epsg = SpatialReference::gaussKrugerEpsgForLongitude(longitude);
            }
            ProjectData data;
            data.hierarchy = HierarchyTemplate::builtin(parser.value(templateOption));
            data.crsEpsg = SpatialReference::fromEpsg(epsg).epsg();
            data.name =
                parser.isSet(nameOption) ? parser.value(nameOption) : QFileInfo(out).completeBaseName();
            writeAndSummarise(out, data, parser.isSet(OverwriteOption));
            return Success;
        }};
}

Command generateCommand()
{
    static const QCommandLineOption zonesOption(QStringLiteral("zones"),
                                                QStringLiteral("About how many leaf units (1–200000)."),
                                                QStringLiteral("N"));
    static const QCommandLineOption seedOption(QStringLiteral("seed"),
                                               QStringLiteral("Random seed (default 1)."),
                                               QStringLiteral("S"), QStringLiteral("1"));
    static const QCommandLineOption templateOption(QStringLiteral("template"),
                                                   QStringLiteral("Hierarchy template (default five-level)."),
                                                   QStringLiteral("KEY"), QStringLiteral("five-level"));
    static const QCommandLineOption childrenOption(
        QStringLiteral("children"),
        QStringLiteral("About N children under each parent of the lowest level (wide, flat families)."),
        QStringLiteral("N"));
    static const QCommandLineOption defectsOption(
        QStringLiteral("defects"),
        QStringLiteral("Move one corner of RATE (0-1) of the units at the defect level 2-8 m, as data "
                       "made elsewhere: gaps, overlaps, children outside their parent."),
        QStringLiteral("RATE"));
    static const QCommandLineOption defectLevelOption(
        QStringLiteral("defect-level"), QStringLiteral("The level --defects changes (default: the lowest)."),
        QStringLiteral("KEY"));
    return {QStringLiteral("generate"),
            QStringLiteral("Write a synthetic district of about N zones, deterministic for a seed"),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("OUT.gpkg"),
                                             QStringLiteral("The project file to write."));
                parser.addOptions({zonesOption, seedOption, templateOption, childrenOption, defectsOption,
                                   defectLevelOption, OverwriteOption});
            },
            [](const QCommandLineParser& parser) {
                const QString out = positionalArguments(parser, 1).first();
                bool ok = false;
                const int zones = parser.value(zonesOption).toInt(&ok);
                if (!parser.isSet(zonesOption) || !ok || zones < 1 || zones > 200000)
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("--zones must be a whole number from 1 to 200000"));
                const quint64 seed = parser.value(seedOption).toULongLong(&ok);
                if (!ok)
                    throw Error(Error::Kind::InvalidInput, QStringLiteral("--seed must be a whole number"));
                DistrictGenerator::Options options = DistrictGenerator::syntheticOptions(zones, seed);
                options.templateKey = parser.value(templateOption);
                const int levelCount = HierarchyTemplate::builtin(options.templateKey).levelCount();
                if (parser.isSet(childrenOption)) {
                    const int children = parser.value(childrenOption).toInt(&ok);
                    if (!ok || children < 1 || children > 5000)
                        throw Error(Error::Kind::InvalidInput,
                                    QStringLiteral("--children must be a whole number from 1 to 5000"));
                    options.leavesPerUnit = DistrictGenerator::leavesForFamiliesOf(children, levelCount);
                }
                double rate = 0;
                if (parser.isSet(defectsOption)) {
                    rate = parser.value(defectsOption).toDouble(&ok);
                    if (!ok || rate < 0 || rate > 1)
                        throw Error(Error::Kind::InvalidInput,
                                    QStringLiteral("--defects must be a rate from 0 to 1, such as 0.02"));
                }
                ProjectData data = DistrictGenerator::generate(options);
                if (rate > 0) {
                    const int level = parser.isSet(defectLevelOption)
                                          ? levelFromKey(data, parser.value(defectLevelOption))
                                          : levelCount - 1;
                    const int changed = DistrictGenerator::addDefects(data, level, rate, seed);
                    printError(QStringLiteral("%1 units at level %2 given a defect\n")
                                   .arg(changed)
                                   .arg(data.hierarchy.level(level).key));
                }
                writeAndSummarise(out, data, parser.isSet(OverwriteOption));
                return Success;
            }};
}

Command infoCommand()
{
    static const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    return {
        QStringLiteral("info"), QStringLiteral("Print the template, the units of each level and the totals"),
        [](QCommandLineParser& parser) {
            addProjectArgument(parser);
            parser.addOption(jsonOption);
        },
        [](const QCommandLineParser& parser) {
            const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
            const ProjectSummary summary = ProjectSummary::of(project->data());
            if (parser.isSet(jsonOption))
                printOut(QString::fromUtf8(QJsonDocument(summary.toJson()).toJson(QJsonDocument::Indented)));
            else
                printOut(summary.toText());
            return Success;
        }};
}

} // namespace

std::vector<Command> projectCommands()
{
    return {demoCommand(), newCommand(), generateCommand(), infoCommand()};
}

} // namespace gridatlas::cli
