// gridatlas-cli subcommands that redraw the hierarchy: add, reshape, split, merge, move,
// assign and recode. Each prints the codes it made or kept on stdout, one per line, and
// what it did on stderr.

#include "command.h"

#include "error.h"
#include "geosengine.h"
#include "hierarchyeditor.h"
#include "projectfile.h"
#include "spatialreference.h"

#include <QRegularExpression>
#include <cmath>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

const QCommandLineOption& wktCrsOption()
{
    static const QCommandLineOption option(
        QStringLiteral("wkt-crs"),
        QStringLiteral("The CRS of the WKT, e.g. EPSG:4490 (longitude, latitude); default: the project's."),
        QStringLiteral("EPSG:N"));
    return option;
}

//! the CRS the WKT is in, when it is not the project's
std::optional<int> wktEpsg(const QCommandLineParser& parser, const ProjectFile& project)
{
    if (!parser.isSet(wktCrsOption()))
        return std::nullopt;
    const int epsg = SpatialReference::epsgFromString(parser.value(wktCrsOption()));
    if (epsg == project.data().crsEpsg)
        return std::nullopt;
    return epsg;
}

MultiPolygon polygonArgument(const QCommandLineParser& parser, const QCommandLineOption& wkt,
                             const ProjectFile& project)
{
    if (!parser.isSet(wkt))
        throw Error(Error::Kind::InvalidInput, QStringLiteral("--wkt is required"));
    MultiPolygon geometry = GeosEngine().fromWkt(parser.value(wkt));
    if (const auto epsg = wktEpsg(parser, project))
        CoordinateTransform(*epsg, project.data().crsEpsg).transform(geometry);
    return geometry;
}

LineString lineArgument(const QCommandLineParser& parser, const QCommandLineOption& line,
                        const ProjectFile& project)
{
    if (!parser.isSet(line))
        throw Error(Error::Kind::InvalidInput, QStringLiteral("--line is required"));
    LineString geometry = GeosEngine().lineFromWkt(parser.value(line));
    if (const auto epsg = wktEpsg(parser, project))
        CoordinateTransform(*epsg, project.data().crsEpsg).transform(geometry);
    return geometry;
}

std::vector<qint64> countList(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    std::vector<qint64> counts;
    for (const QString& item : parser.value(option).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        counts.push_back(item.trimmed().toLongLong(&ok));
        if (!ok)
            throw Error(Error::Kind::InvalidInput, QStringLiteral("--%1 expects whole numbers separated by "
                                                                  "commas, got \"%2\"")
                                                       .arg(option.names().first(), parser.value(option)));
    }
    return counts;
}

int report(ProjectFile& project, const HierarchyEditor::Result& result)
{
    for (const QString& code : result.codes)
        printOut(code + QLatin1Char('\n'));
    printError(QStringLiteral("%1 (%2 units changed)\n")
                   .arg(project.history().back().description)
                   .arg(result.changes.units.size()));
    for (const QString& note : result.notes)
        printError(QStringLiteral("  %1\n").arg(note));
    return Success;
}

QCommandLineOption wktOption(const QString& what)
{
    return QCommandLineOption(QStringLiteral("wkt"), what, QStringLiteral("WKT"));
}

Command addCommand()
{
    static const QCommandLineOption level(
        QStringLiteral("level"), QStringLiteral("Level key (grid, building ...)."), QStringLiteral("KEY"));
    static const QCommandLineOption parent(QStringLiteral("parent"),
                                           QStringLiteral("The parent's code (not at the top level)."),
                                           QStringLiteral("CODE"));
    static const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The new unit's name."),
                                         QStringLiteral("NAME"));
    static const QCommandLineOption code(
        QStringLiteral("code"), QStringLiteral("Its code (default: the next free one under the parent)."),
        QStringLiteral("CODE"));
    static const QCommandLineOption fill(
        QStringLiteral("fill"),
        QStringLiteral("Take whole every uncovered part of the parent the outline reaches."));
    static const QCommandLineOption wkt = wktOption(QStringLiteral("The outline: POLYGON or MULTIPOLYGON."));
    return {QStringLiteral("add"),
            QStringLiteral("Add a unit inside a parent, clipped to it and off its siblings"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addOptions({level, parent, name, wkt, wktCrsOption(), code, fill});
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 1, ProjectFile::Access::ReadWrite);
                if (!parser.isSet(level) || !parser.isSet(name))
                    throw Error(Error::Kind::InvalidInput, QStringLiteral("add needs --level and --name"));
                const auto result = HierarchyEditor(*project).add(
                    parser.value(level), parser.value(parent), parser.value(name),
                    polygonArgument(parser, wkt, *project), parser.value(code), parser.isSet(fill));
                return report(*project, result);
            }};
}

Command reshapeCommand()
{
    static const QCommandLineOption wkt =
        wktOption(QStringLiteral("The new boundary: POLYGON or MULTIPOLYGON."));
    return {QStringLiteral("reshape"),
            QStringLiteral("Give a unit a new boundary; shared edges move for its neighbours too"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
                parser.addOptions({wkt, wktCrsOption()});
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 2, ProjectFile::Access::ReadWrite);
                const auto result = HierarchyEditor(*project).reshape(parser.positionalArguments().at(1),
                                                                      polygonArgument(parser, wkt, *project));
                return report(*project, result);
            }};
}

Command splitCommand()
{
    static const QCommandLineOption line(QStringLiteral("line"), QStringLiteral("The cut: a LINESTRING."),
                                         QStringLiteral("WKT"));
    static const QCommandLineOption counts(
        QStringLiteral("counts"),
        QStringLiteral("For a unit without children: area (share by area, the default) or manual."),
        QStringLiteral("RULE"), QStringLiteral("area"));
    static const QCommandLineOption households(
        QStringLiteral("households"), QStringLiteral("manual: households per part, largest first (30,20)."),
        QStringLiteral("N,N"));
    static const QCommandLineOption residents(QStringLiteral("residents"),
                                              QStringLiteral("manual: residents per part, largest first."),
                                              QStringLiteral("N,N"));
    return {QStringLiteral("split"),
            QStringLiteral("Cut a unit along a line; children, members and counts follow"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
                parser.addOptions({line, wktCrsOption(), counts, households, residents});
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 2, ProjectFile::Access::ReadWrite);
                SplitCounts split;
                if (parser.value(counts) == QLatin1String("manual")) {
                    split.rule = SplitCounts::Rule::Manual;
                    split.households = countList(parser, households);
                    split.residents = countList(parser, residents);
                } else if (parser.value(counts) != QLatin1String("area")) {
                    throw Error(
                        Error::Kind::InvalidInput,
                        QStringLiteral("--counts is area or manual, got \"%1\"").arg(parser.value(counts)));
                }
                const auto result = HierarchyEditor(*project).split(
                    parser.positionalArguments().at(1), lineArgument(parser, line, *project), split);
                return report(*project, result);
            }};
}

Command mergeCommand()
{
    static const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The merged unit's name."),
                                         QStringLiteral("NAME"));
    static const QCommandLineOption code(
        QStringLiteral("code"), QStringLiteral("The merged unit's code (default: the first unit's)."),
        QStringLiteral("CODE"));
    return {QStringLiteral("merge"), QStringLiteral("Merge siblings into the first; it keeps its code"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE CODE..."),
                                             QStringLiteral("The units; the first keeps its code."));
                parser.addOptions({name, code});
            },
            [](const QCommandLineParser& parser) {
                QStringList arguments = parser.positionalArguments();
                if (arguments.size() < 3)
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("merge needs FILE and two or more codes"));
                const auto project = ProjectFile::open(arguments.takeFirst(), ProjectFile::Access::ReadWrite);
                const auto result = HierarchyEditor(*project).merge(
                    arguments, parser.isSet(name) ? parser.value(name) : QString(), parser.value(code));
                return report(*project, result);
            }};
}

Command moveCommand()
{
    static const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The new parent's code."),
                                       QStringLiteral("PARENT_CODE"));
    return {QStringLiteral("move"),
            QStringLiteral("Move a unit, with everything below it, to another parent"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
                parser.addOption(to);
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 2, ProjectFile::Access::ReadWrite);
                if (!parser.isSet(to))
                    throw Error(Error::Kind::InvalidInput, QStringLiteral("move needs --to PARENT_CODE"));
                const auto result =
                    HierarchyEditor(*project).move(parser.positionalArguments().at(1), parser.value(to));
                return report(*project, result);
            }};
}

Command assignCommand()
{
    return {QStringLiteral("assign"),
            QStringLiteral("Give units to a parent, whose boundary follows as the union of its children"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("PARENT_CODE"), QStringLiteral("The parent."));
                parser.addPositionalArgument(QStringLiteral("CHILD_CODE..."),
                                             QStringLiteral("The units to give it."));
            },
            [](const QCommandLineParser& parser) {
                QStringList arguments = parser.positionalArguments();
                if (arguments.size() < 3)
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("assign needs FILE, PARENT_CODE and one or more CHILD_CODEs"));
                const auto project = ProjectFile::open(arguments.takeFirst(), ProjectFile::Access::ReadWrite);
                const QString parent = arguments.takeFirst();
                return report(*project, HierarchyEditor(*project).assign(parent, arguments));
            }};
}

//! "X,Y" (or "X Y") in the WKT's CRS, in the project's
Point pointArgument(const QCommandLineParser& parser, const QCommandLineOption& option,
                    const ProjectFile& project)
{
    const QStringList parts =
        parser.value(option).split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    bool xOk = false, yOk = false;
    const double x = parts.value(0).toDouble(&xOk), y = parts.value(1).toDouble(&yOk);
    if (parts.size() != 2 || !xOk || !yOk || !std::isfinite(x) || !std::isfinite(y))
        throw Error(Error::Kind::InvalidInput, QStringLiteral("--%1 expects a point as X,Y, got \"%2\"")
                                                   .arg(option.names().first(), parser.value(option)));
    std::vector<Point> point{{x, y}};
    if (const auto epsg = wktEpsg(parser, project))
        CoordinateTransform(*epsg, project.data().crsEpsg).transform(point);
    return point.front();
}

Command cornerCommand()
{
    static const QCommandLineOption from(QStringLiteral("from"),
                                         QStringLiteral("The corner to move (a point on an edge gains one)."),
                                         QStringLiteral("X,Y"));
    static const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Where it goes."),
                                       QStringLiteral("X,Y"));
    static const QCommandLineOption remove(QStringLiteral("remove"), QStringLiteral("The corner to remove."),
                                           QStringLiteral("X,Y"));
    return {QStringLiteral("corner"),
            QStringLiteral("Move or remove a corner in every unit and level that shares it, as the vertex "
                           "tool does"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE"),
                                             QStringLiteral("A unit whose boundary has the corner."));
                parser.addOptions({from, to, remove, wktCrsOption()});
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 2, ProjectFile::Access::ReadWrite);
                const QString code = parser.positionalArguments().at(1);
                if (parser.isSet(remove) == (parser.isSet(from) || parser.isSet(to)) ||
                    parser.isSet(from) != parser.isSet(to))
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("corner needs --from and --to, or --remove"));
                HierarchyEditor editor(*project);
                const auto result = parser.isSet(remove)
                                        ? editor.removeCorner(code, pointArgument(parser, remove, *project))
                                        : editor.moveCorner(code, pointArgument(parser, from, *project),
                                                            pointArgument(parser, to, *project));
                return report(*project, result);
            }};
}

Command recodeCommand()
{
    return {QStringLiteral("recode"), QStringLiteral("Give a unit a new code; the codes below it follow"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
                parser.addPositionalArgument(QStringLiteral("NEW_CODE"), QStringLiteral("Its new code."));
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 3, ProjectFile::Access::ReadWrite);
                const QStringList arguments = parser.positionalArguments();
                return report(*project, HierarchyEditor(*project).recode(arguments.at(1), arguments.at(2)));
            }};
}

} // namespace

std::vector<Command> boundaryCommands()
{
    return {addCommand(),   reshapeCommand(), cornerCommand(), splitCommand(),
            mergeCommand(), moveCommand(),    assignCommand(), recodeCommand()};
}

} // namespace gridatlas::cli
