// gridatlas-cli export: boundaries of a level for other GIS programs.

#include "command.h"

#include "boundaryexport.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "rosterexport.h"
#include "tablewriter.h"

using namespace gridmodel;

namespace gridatlas::cli {

std::vector<Command> exportCommands()
{
    static const QCommandLineOption level(
        QStringLiteral("level"), QStringLiteral("The level to export (e.g. grid)."), QStringLiteral("KEY"));
    static const QCommandLineOption within(QStringLiteral("within"),
                                           QStringLiteral("Only the units inside the unit with this code."),
                                           QStringLiteral("CODE"));
    static const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral(
            "geojson, shp, kml, dxf or gpkg for a level's boundaries (GeoJSON and KML in WGS 84, "
            "the others in the project's CRS); csv or xlsx for the roster: who holds which role where."),
        QStringLiteral("FORMAT"));
    static const QCommandLineOption personal(
        QStringLiteral("with-personal"), QStringLiteral("Include personal fields: names and phones in the "
                                                        "roster, the units' notes in boundaries."));
    static const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                           QStringLiteral("The file to write."), QStringLiteral("OUT"));
    return {{QStringLiteral("export"),
             QStringLiteral("Write a level's boundaries for other GIS programs, or the roster as CSV"),
             [](QCommandLineParser& parser) {
                 addProjectArgument(parser);
                 parser.addOptions({level, within, format, personal, csvEncodingOption(), output});
             },
             [](const QCommandLineParser& parser) {
                 const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
                 const QString chosenFormat = parser.value(format);
                 if ((chosenFormat == QLatin1String("csv") || chosenFormat == QLatin1String("xlsx")) &&
                     parser.isSet(output)) {
                     const TableWriter::Encoding encoding = chosenFormat == QLatin1String("csv")
                                                                ? csvEncoding(parser)
                                                                : TableWriter::Encoding::Utf8WithBom;
                     const int rows =
                         RosterExport::write(project->data(), project->index(), parser.isSet(personal),
                                             chosenFormat, parser.value(output), encoding);
                     printOut(QStringLiteral("%1: %2 assignments\n").arg(parser.value(output)).arg(rows));
                     return int(Success);
                 }
                 if (!parser.isSet(level) || !parser.isSet(format) || !parser.isSet(output))
                     throw Error(Error::Kind::InvalidInput,
                                 QStringLiteral("--level, --format and -o are required (see --help)"));
                 const ProjectData& data = project->data();
                 const int levelIndex = levelFromKey(data, parser.value(level));
                 const auto chosen = BoundaryExport::formatByName(parser.value(format));
                 if (!chosen)
                     throw Error(Error::Kind::InvalidInput,
                                 QStringLiteral("unknown format \"%1\" (one of %2)")
                                     .arg(parser.value(format), (BoundaryExport::formatNames() << "csv"
                                                                                               << "xlsx")
                                                                    .join(", ")));
                 const UnitId inside =
                     parser.isSet(within) ? unitFromCode(project->index(), parser.value(within)).id : 0;
                 const int written =
                     BoundaryExport::write(data, project->index(), levelIndex, inside, *chosen,
                                           parser.value(output), parser.isSet(personal));
                 printOut(QStringLiteral("%1: %2 units\n").arg(parser.value(output)).arg(written));
                 return int(Success);
             }},
            {QStringLiteral("share"),
             QStringLiteral("Write a copy to hand on, without names, phones and notes (its history too)"),
             [](QCommandLineParser& parser) {
                 static const QCommandLineOption keepPersonal(
                     QStringLiteral("keep-personal"),
                     QStringLiteral("Keep the personal data: a plain copy, for someone who may see it."));
                 addProjectArgument(parser);
                 parser.addOptions({keepPersonal, output});
             },
             [](const QCommandLineParser& parser) {
                 if (!parser.isSet(output))
                     throw Error(Error::Kind::InvalidInput, QStringLiteral("-o is required (see --help)"));
                 const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
                 const bool keep = parser.isSet(QStringLiteral("keep-personal"));
                 if (keep)
                     project->saveCopy(parser.value(output));
                 else
                     project->saveCopyWithoutPersonalData(parser.value(output));
                 printOut(QStringLiteral("%1: %2 members%3\n")
                              .arg(parser.value(output))
                              .arg(project->data().members.size())
                              .arg(keep ? QStringLiteral(", personal data kept")
                                        : QStringLiteral(" as 成员 N, without names, phones or notes")));
                 return int(Success);
             }}};
}

} // namespace gridatlas::cli
