// gridatlas-cli export: boundaries of a level for other GIS programs.

#include "command.h"

#include "boundaryexport.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"

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
        QStringLiteral("geojson, shp, kml, dxf or gpkg (GeoJSON and KML in WGS "
                       "84, the others in the project's CRS)."),
        QStringLiteral("FORMAT"));
    static const QCommandLineOption personal(
        QStringLiteral("with-personal"), QStringLiteral("Include the units' notes, which may name people."));
    static const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                           QStringLiteral("The file to write."), QStringLiteral("OUT"));
    return {{QStringLiteral("export"),
             QStringLiteral("Write a level's boundaries and counts for other GIS programs"),
             [](QCommandLineParser& parser) {
                 addProjectArgument(parser);
                 parser.addOptions({level, within, format, personal, output});
             },
             [](const QCommandLineParser& parser) {
                 const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
                 if (!parser.isSet(level) || !parser.isSet(format) || !parser.isSet(output))
                     throw Error(Error::Kind::InvalidInput,
                                 QStringLiteral("--level, --format and -o are required (see --help)"));
                 const ProjectData& data = project->data();
                 const int levelIndex = data.hierarchy.levelIndex(parser.value(level));
                 if (levelIndex < 0)
                     throw Error(Error::Kind::InvalidInput,
                                 QStringLiteral("the project has no level \"%1\"").arg(parser.value(level)));
                 const auto chosen = BoundaryExport::formatByName(parser.value(format));
                 if (!chosen)
                     throw Error(Error::Kind::InvalidInput,
                                 QStringLiteral("unknown format \"%1\" (one of %2)")
                                     .arg(parser.value(format), BoundaryExport::formatNames().join(", ")));
                 UnitId inside = 0;
                 if (parser.isSet(within)) {
                     const Unit* unit = project->index().unitByCode(parser.value(within));
                     if (!unit)
                         throw Error(Error::Kind::InvalidInput,
                                     QStringLiteral("no unit has the code \"%1\"").arg(parser.value(within)));
                     inside = unit->id;
                 }
                 const int written =
                     BoundaryExport::write(data, project->index(), levelIndex, inside, *chosen,
                                           parser.value(output), parser.isSet(personal));
                 printOut(QStringLiteral("%1: %2 units\n").arg(parser.value(output)).arg(written));
                 return int(Success);
             }}};
}

} // namespace gridatlas::cli
