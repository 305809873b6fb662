// gridatlas-cli report: the coverage report for analysts.

#include "command.h"

#include "checker.h"
#include "coveragereport.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "tablewriter.h"

#ifdef GRIDATLAS_WITH_PRINT
#include "reportpdf.h"
#endif

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
        QStringLiteral("xlsx (a sheet per level), csv (one table), html (one page with charts) or pdf."),
        QStringLiteral("FORMAT"));
    static const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                           QStringLiteral("The file to write."), QStringLiteral("OUT"));
    return {
        {QStringLiteral("report"),
         QStringLiteral("The coverage report: units, people, counts, gaps and missing roles per level"),
         [](QCommandLineParser& parser) {
             addProjectArgument(parser);
             parser.addOptions({level, within, format, csvEncodingOption(), output});
         },
         [](const QCommandLineParser& parser) {
             const QString chosen = reportFormat(parser, format, output,
                                                 {QStringLiteral("xlsx"), QStringLiteral("csv"),
                                                  QStringLiteral("html"), QStringLiteral("pdf")});
             const TableWriter::Encoding encoding = csvEncoding(parser); // refused before any work
             const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
             const ProjectData& data = project->data();
             const int levelIndex = parser.isSet(level) ? levelFromKey(data, parser.value(level)) : -1;
             const UnitId inside =
                 parser.isSet(within) ? unitFromCode(project->index(), parser.value(within)).id : 0;
             const std::vector<Problem> problems = Checker(data).check(Checker::Scope{levelIndex, inside});
             const CoverageReport report =
                 CoverageReport::of(data, project->index(), problems, levelIndex, inside);
             const QString out = parser.value(output);
             if (chosen != QLatin1String("pdf"))
                 report.write(chosen, out, encoding);
#ifdef GRIDATLAS_WITH_PRINT
             else
                 mapcore::ReportPdf::write(report, out);
#endif
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
