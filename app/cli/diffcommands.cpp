// gridatlas-cli diff: the change report (调整说明) between two projects or two points of a history.

#include "command.h"
#include "qgismodule.h"

#include "changereport.h"
#include "error.h"
#include "projectfile.h"

#include <QFileInfo>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

qint64 historyStep(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    bool ok = false;
    const qint64 id = parser.value(option).toLongLong(&ok);
    if (!ok || id <= 0)
        throw Error(Error::Kind::InvalidInput,
                    QStringLiteral("--%1 takes the number of a history step (see `history`), not \"%2\"")
                        .arg(option.names().constFirst(), parser.value(option)));
    return id;
}

//! the report's name for the project as step `id` left it (dataAfter has refused unknown steps)
QString stepLabel(ProjectFile& project, qint64 id)
{
    for (const HistoryEntry& entry : project.history())
        if (entry.id == id)
            return ChangeReport::stepLabel(entry);
    return QString();
}

} // namespace

std::vector<Command> diffCommands()
{
    static const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("With one FILE: what changed after this history step (see `history`)."),
        QStringLiteral("HISTORY_ID"));
    static const QCommandLineOption until(QStringLiteral("until"),
                                          QStringLiteral("With --since: up to this step instead of now."),
                                          QStringLiteral("HISTORY_ID"));
    static const QCommandLineOption format(
        QStringLiteral("format"), QStringLiteral("xlsx (sheets), pdf or html (one page with a map)."),
        QStringLiteral("FORMAT"));
    static const QCommandLineOption personal(QStringLiteral("with-personal"),
                                             QStringLiteral("Name the people who changed unit."));
    static const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                           QStringLiteral("The file to write."), QStringLiteral("OUT"));
    return {{QStringLiteral("diff"),
             QStringLiteral(
                 "The change report: units added, split, merged, moved, reshaped; households and people "
                 "that changed unit"),
             [](QCommandLineParser& parser) {
                 parser.addPositionalArgument(QStringLiteral("OLD"),
                                              QStringLiteral("The project before (.gpkg)."));
                 parser.addPositionalArgument(QStringLiteral("NEW"),
                                              QStringLiteral("The project after (.gpkg); not with --since."));
                 parser.addOptions({since, until, format, personal, output});
             },
             [](const QCommandLineParser& parser) {
                 const QString chosen =
                     reportFormat(parser, format, output,
                                  {QStringLiteral("xlsx"), QStringLiteral("pdf"), QStringLiteral("html")});
                 if (parser.isSet(until) && !parser.isSet(since))
                     throw Error(Error::Kind::InvalidInput, QStringLiteral("--until needs --since"));

                 ChangeReport::Options options;
                 options.withPersonal = parser.isSet(personal);
                 ProjectData before, after;
                 if (parser.isSet(since)) {
                     const auto project = ProjectFile::open(positionalArguments(parser, 1).constFirst(),
                                                            ProjectFile::Access::ReadOnly);
                     const qint64 from = historyStep(parser, since);
                     before = project->dataAfter(from);
                     options.oldLabel = stepLabel(*project, from);
                     if (parser.isSet(until)) {
                         const qint64 to = historyStep(parser, until);
                         if (to < from)
                             throw Error(
                                 Error::Kind::InvalidInput,
                                 QStringLiteral("--until %1 comes before --since %2").arg(to).arg(from));
                         after = project->dataAfter(to);
                         options.newLabel = stepLabel(*project, to);
                     } else {
                         after = project->data();
                         options.newLabel = QStringLiteral("当前");
                     }
                 } else {
                     const QStringList files = positionalArguments(parser, 2);
                     before = ProjectFile::open(files.at(0), ProjectFile::Access::ReadOnly)->data();
                     after = ProjectFile::open(files.at(1), ProjectFile::Access::ReadOnly)->data();
                     options.oldLabel = QFileInfo(files.at(0)).fileName();
                     options.newLabel = QFileInfo(files.at(1)).fileName();
                 }

                 const ChangeReport report = ChangeReport::between(before, after, options);
                 const QString out = parser.value(output);
                 if (chosen != QLatin1String("pdf"))
                     report.write(chosen, out);
                 else
                     qgisModule().writeChangeReportPdf(report, out);
                 printOut(QStringLiteral("%1: %2 unit change(s), %3 transfer(s), %4 people changed unit\n")
                              .arg(out)
                              .arg(report.units.size())
                              .arg(report.transfers.size())
                              .arg(report.memberMoves.size()));
                 for (const ChangeReport::LevelTotals& t : report.levels)
                     if (t.changedUnits() || t.householdsTransferred || t.membersMoved)
                         printOut(QStringLiteral(
                                      "  %1 (%2): %3 → %4 units, %5 added, %6 removed, %7 split, %8 merged, "
                                      "%9 moved, %10 reshaped, %11 households moved\n")
                                      .arg(t.name, t.key)
                                      .arg(t.unitsBefore)
                                      .arg(t.unitsAfter)
                                      .arg(t.added)
                                      .arg(t.removed)
                                      .arg(t.split)
                                      .arg(t.merged)
                                      .arg(t.moved)
                                      .arg(t.reshaped)
                                      .arg(t.householdsTransferred));
                 return int(Success);
             }}};
}

} // namespace gridatlas::cli
