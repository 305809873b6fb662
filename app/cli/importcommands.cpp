// gridatlas-cli import and roster import: boundaries and people from other programs' files.

#include "command.h"

#include "boundaryimport.h"
#include "error.h"
#include "hierarchyindex.h"
#include "householdimport.h"
#include "importplan.h"
#include "projectfile.h"
#include "rosterimport.h"
#include "tablesource.h"
#include "vectorsource.h"

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

const QCommandLineOption DryRunOption(QStringLiteral("dry-run"),
                                      QStringLiteral("Show what would be imported and change nothing."));

/** Prints the preview, applies the plan unless it is a dry run; all or nothing. */
int report(ProjectFile& project, ImportPlan plan, const QString& what, bool dryRun)
{
    printOut(QStringLiteral("%1: %2 %3, text read as %4\n")
                 .arg(plan.source)
                 .arg(plan.rows)
                 .arg(plan.ofFeatures ? QStringLiteral("features") : QStringLiteral("rows"), plan.encoding));
    if (!what.isEmpty())
        printOut(what + QLatin1Char('\n'));
    if (!plan.notes.empty())
        printOut(plan.noteText(200) + QLatin1Char('\n'));
    if (!plan.problems.empty()) {
        printError(QStringLiteral("Nothing imported: %1 row(s) cannot be imported\n%2\n")
                       .arg(plan.problems.size())
                       .arg(plan.problemText(200)));
        return Failure;
    }
    if (plan.changes.isEmpty()) {
        printOut(QStringLiteral("Nothing to import: the project already has it all\n"));
        return Success;
    }
    if (dryRun) {
        printOut(QStringLiteral("Would do: %1 (dry run: nothing changed)\n").arg(plan.description));
        return Success;
    }
    std::move(plan).apply(project); // its units go into the project, not copied
    printOut(QStringLiteral("Done: %1\n").arg(plan.description));
    return Success;
}

Command importCommand()
{
    static const QCommandLineOption level(QStringLiteral("level"),
                                          QStringLiteral("The level the boundaries are (e.g. grid)."),
                                          QStringLiteral("KEY"));
    static const QCommandLineOption map(
        QStringLiteral("map"),
        QStringLiteral("Which source field holds what, e.g. name=MC,code=BM,parent=SJBM,households=HS,"
                       "residents=RK,org=ZZ. Unnamed ones are guessed from the field names."),
        QStringLiteral("TARGET=FIELD,..."));
    static const QCommandLineOption layer(
        QStringLiteral("layer"), QStringLiteral("The layer of the source to read (default: the first)."),
        QStringLiteral("NAME"));
    static const QCommandLineOption repair(
        QStringLiteral("repair"),
        QStringLiteral("Repair invalid geometries (self-intersections ...) instead of "
                       "refusing them; each repair is listed."));
    static const QCommandLineOption mergeSameCode(
        QStringLiteral("merge-same-code"),
        QStringLiteral("Make the features that share a code one unit in pieces, instead of refusing them."));
    return {
        QStringLiteral("import"),
        QStringLiteral("Bring a level's boundaries in from Shapefile, GeoJSON, KML, DXF or GeoPackage"),
        [](QCommandLineParser& parser) {
            addProjectArgument(parser);
            parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("The GIS file to read."));
            parser.addOptions({level, map, layer, repair, mergeSameCode, DryRunOption});
        },
        [](const QCommandLineParser& parser) {
            const QStringList arguments = positionalArguments(parser, 2);
            if (!parser.isSet(level))
                throw Error(Error::Kind::InvalidInput, QStringLiteral("--level is required (see --help)"));
            const auto project = ProjectFile::open(arguments.at(0), parser.isSet(DryRunOption)
                                                                        ? ProjectFile::Access::ReadOnly
                                                                        : ProjectFile::Access::ReadWrite);
            const ProjectData& data = project->data();
            BoundaryImport::Options options;
            options.level = levelFromKey(data, parser.value(level));
            options.repairInvalid = parser.isSet(repair);
            options.mergeSameCode = parser.isSet(mergeSameCode);
            VectorSource source = VectorSource::read(arguments.at(1), data.crsEpsg, parser.value(layer));
            options.mapping = FieldMapping::guess(source.fields);
            options.mapping.set(parser.value(map), source.fields);
            const QString what =
                QStringLiteral("Layer %1 (%2), coordinates from %3 to EPSG:%4\nFields: %5")
                    .arg(source.layerName, source.driver,
                         source.crs.isEmpty() ? QStringLiteral("the project's CRS (none named)") : source.crs)
                    .arg(data.crsEpsg)
                    .arg(options.mapping.describe());
            ImportPlan plan = BoundaryImport::plan(data, project->index(), std::move(source), options);
            return report(*project, std::move(plan), what, parser.isSet(DryRunOption));
        }};
}

Command rosterCommand()
{
    return {QStringLiteral("roster"),
            QStringLiteral("roster import FILE SOURCE: bring people and their roles in from CSV or XLSX"),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("import"),
                                             QStringLiteral("What to do (import)."));
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                             QStringLiteral("A table: .csv (UTF-8 or GBK) or .xlsx."));
                parser.addOption(DryRunOption);
            },
            [](const QCommandLineParser& parser) {
                const QStringList arguments = positionalArguments(parser, 3);
                if (arguments.at(0) != QLatin1String("import"))
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("unknown roster action \"%1\" (import)").arg(arguments.at(0)));
                const auto project = ProjectFile::open(arguments.at(1), parser.isSet(DryRunOption)
                                                                            ? ProjectFile::Access::ReadOnly
                                                                            : ProjectFile::Access::ReadWrite);
                const TableSource table = TableSource::read(arguments.at(2));
                return report(*project, RosterImport::plan(project->data(), project->index(), table),
                              QStringLiteral("Columns: %1").arg(table.header.join(", ")),
                              parser.isSet(DryRunOption));
            }};
}

Command householdsCommand()
{
    static const QCommandLineOption level(
        QStringLiteral("level"), QStringLiteral("The level the counts belong to (default: the lowest)."),
        QStringLiteral("KEY"));
    static const QCommandLineOption map(
        QStringLiteral("map"),
        QStringLiteral("Which column or field holds what: code=单元编码,households=户数,residents=人口. "
                       "Unnamed ones are guessed from the names."),
        QStringLiteral("TARGET=FIELD,..."));
    static const QCommandLineOption layer(
        QStringLiteral("layer"), QStringLiteral("The layer of a GIS source to read (default: the first)."),
        QStringLiteral("NAME"));
    return {
        QStringLiteral("households"),
        QStringLiteral("households import FILE SOURCE: counts by unit code (CSV/XLSX) or from building "
                       "points summed by location"),
        [](QCommandLineParser& parser) {
            parser.addPositionalArgument(QStringLiteral("import"), QStringLiteral("What to do (import)."));
            addProjectArgument(parser);
            parser.addPositionalArgument(
                QStringLiteral("SOURCE"),
                QStringLiteral("A table (.csv, .xlsx) by unit code (ours or its external code), or a GIS "
                               "file of points or footprints."));
            parser.addOptions({level, map, layer, DryRunOption});
        },
        [](const QCommandLineParser& parser) {
            const QStringList arguments = positionalArguments(parser, 3);
            if (arguments.at(0) != QLatin1String("import"))
                throw Error(Error::Kind::InvalidInput,
                            QStringLiteral("unknown households action \"%1\" (import)").arg(arguments.at(0)));
            const auto project = ProjectFile::open(arguments.at(1), parser.isSet(DryRunOption)
                                                                        ? ProjectFile::Access::ReadOnly
                                                                        : ProjectFile::Access::ReadWrite);
            const ProjectData& data = project->data();
            HouseholdImport::Options options;
            options.level = parser.isSet(level) ? levelFromKey(data, parser.value(level)) : -1;
            ImportPlan plan;
            QStringList fields;
            if (TableSource::isTableFile(arguments.at(2))) {
                const TableSource source = TableSource::read(arguments.at(2));
                fields = source.header;
                options.mapping = FieldMapping::guess(fields);
                options.mapping.set(parser.value(map), fields);
                plan = HouseholdImport::fromTable(data, project->index(), source, options);
            } else {
                const VectorSource source =
                    VectorSource::read(arguments.at(2), data.crsEpsg, parser.value(layer));
                fields = source.fields;
                options.mapping = FieldMapping::guess(fields);
                options.mapping.set(parser.value(map), fields);
                plan = HouseholdImport::fromFeatures(data, project->index(), source, options);
            }
            return report(*project, std::move(plan),
                          QStringLiteral("Fields: %1").arg(options.mapping.describe()),
                          parser.isSet(DryRunOption));
        }};
}

} // namespace

std::vector<Command> importCommands()
{
    return {importCommand(), rosterCommand(), householdsCommand()};
}

} // namespace gridatlas::cli
