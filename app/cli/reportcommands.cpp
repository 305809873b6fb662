// gridatlas-cli report: the coverage report for analysts.

#include "command.h"
#include "qgismodule.h"

#include "check/checker.h"
#include "coveragereport.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "tablewriter.h"

using namespace gridmodel;

namespace gridatlas::cli {

std::vector<Command> reportCommands()
{
    static const QCommandLineOption level(
        QStringLiteral("level"), QStringLiteral("Only this level (e.g. grid); default: every level."),
        QStringLiteral("KEY"));
    static const QCommandLineOption within(
        QStringLiteral("within"), QStringLiteral("Only the unit with this code and what lies in it."),
        QStringLiteral("CODE"));
    static const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral(
            "xlsx (every table), csv (one table, see --table), html (one page with charts) or pdf."),
        QStringLiteral("FORMAT"));
    static const QCommandLineOption table(
        QStringLiteral("table"),
        QStringLiteral("For csv, which table: summary (per level and parent, the default), units (every "
                       "unit with its counts, people by role and problems) or problems (the problem list)."),
        QStringLiteral("TABLE"));
    static const QCommandLineOption personal(
        QStringLiteral("with-personal"),
        QStringLiteral("Name the people in each role in the unit lists (personal data); else count them."));
    static const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                           QStringLiteral("The file to write."), QStringLiteral("OUT"));
    return {
        {QStringLiteral("report"),
         QStringLiteral("The coverage report: units, people, counts, gaps and missing roles per level"),
         [](QCommandLineParser& parser) {
             addProjectArgument(parser);
             parser.addOptions({level, within, format, table, csvEncodingOption(), personal, output});
         },
         [](const QCommandLineParser& parser) {
             const QString chosen = reportFormat(parser, format, output,
                                                 {QStringLiteral("xlsx"), QStringLiteral("csv"),
                                                  QStringLiteral("html"), QStringLiteral("pdf")});
             const TableWriter::Encoding encoding = csvEncoding(parser); // refused before any work
             const std::optional<CoverageReport::Table> chosenTable = CoverageReport::tableFromKey(
                 parser.value(table).isEmpty() ? QStringLiteral("summary") : parser.value(table));
             if (!chosenTable)
                 throw Error(Error::Kind::InvalidInput,
                             QStringLiteral("--table is summary, units or problems, not \"%1\"")
                                 .arg(parser.value(table)));
             if (parser.isSet(table) && chosen != QLatin1String("csv"))
                 throw Error(Error::Kind::InvalidInput,
                             QStringLiteral("--table is for csv, which holds one table; %1 holds them all")
                                 .arg(chosen));
             const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
             const ProjectData& data = project->data();
             const int levelIndex = parser.isSet(level) ? levelFromKey(data, parser.value(level)) : -1;
             const UnitId inside =
                 parser.isSet(within) ? unitFromCode(project->index(), parser.value(within)).id : 0;
             const std::vector<Problem> problems = Checker(data).check(Checker::Scope{levelIndex, inside});
             CoverageReport report = CoverageReport::of(data, project->index(), problems, levelIndex, inside);
             report.namesPeople = parser.isSet(personal);
             const QString out = parser.value(output);
             if (chosen != QLatin1String("pdf"))
                 report.write(chosen, out, encoding, *chosenTable);
             else
                 qgisModule().writeCoverageReportPdf(report, out);
             qint64 problemCount = 0;
             for (const auto& [kind, count] : report.problemsByKind)
                 problemCount += count;
             printOut(QStringLiteral("%1: %2 level(s), %3 problem(s), %4 people with no role\n")
                          .arg(out)
                          .arg(report.sections.size())
                          .arg(problemCount)
                          .arg(report.unassignedMembers));
             return int(Success);
         }}};
}

} // namespace gridatlas::cli
