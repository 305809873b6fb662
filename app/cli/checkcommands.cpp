// gridatlas-cli subcommands that read a project: validate, units.

#include "command.h"

#include "check/checker.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

const QCommandLineOption JsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
const QCommandLineOption
    LevelOption(QStringLiteral("level"),
                QStringLiteral("Only this level (street, community, grid, building, zone)."),
                QStringLiteral("KEY"));
const QCommandLineOption WithinOption(QStringLiteral("within"),
                                      QStringLiteral("Only the unit with this code and what lies below it."),
                                      QStringLiteral("CODE"));

void declareReadOptions(QCommandLineParser& parser)
{
    addProjectArgument(parser);
    parser.addOptions({JsonOption, LevelOption, WithinOption});
}

Checker::Scope scopeFrom(const QCommandLineParser& parser, const ProjectData& data,
                         const HierarchyIndex& index)
{
    Checker::Scope scope;
    if (parser.isSet(LevelOption))
        scope.level = levelFromKey(data, parser.value(LevelOption));
    if (parser.isSet(WithinOption))
        scope.within = unitFromCode(index, parser.value(WithinOption)).id;
    return scope;
}

QJsonArray codesOf(const std::vector<UnitId>& ids, const HierarchyIndex& index)
{
    QJsonArray codes;
    for (UnitId id : ids)
        if (const Unit* unit = index.unit(id))
            codes.append(unit->code);
    return codes;
}

Command validateCommand()
{
    return {
        QStringLiteral("validate"),
        QStringLiteral(
            "Check coverage, geometry, codes, counts, roles and ratios (exit 1 when problems are found)"),
        declareReadOptions, [](const QCommandLineParser& parser) {
            auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
            const ProjectData& data = project->data();
            const HierarchyIndex& index = project->index();
            const std::vector<Problem> problems = Checker(data, index).check(scopeFrom(parser, data, index));
            std::map<QString, int> summary;
            for (Problem::Kind kind : Problem::allKinds())
                summary[Problem::kindKey(kind)] = 0;
            int open = 0, accepted = 0, notEntered = 0; // the open faults decide the exit status
            for (const Problem& problem : problems)
                if (problem.acceptedNote) {
                    ++accepted;
                } else if (!problem.isOpenFault(data)) {
                    ++notEntered;
                } else {
                    ++summary[Problem::kindKey(problem.kind)];
                    ++open;
                }
            if (parser.isSet(JsonOption)) {
                QJsonArray list;
                for (const Problem& problem : problems) {
                    QJsonObject row{{QStringLiteral("kind"), Problem::kindKey(problem.kind)},
                                    {QStringLiteral("level"), problem.level >= 0
                                                                  ? data.hierarchy.level(problem.level).key
                                                                  : QString()},
                                    {QStringLiteral("units"), codesOf(problem.units, index)},
                                    {QStringLiteral("area_m2"), problem.areaM2},
                                    {QStringLiteral("x"), problem.location.x},
                                    {QStringLiteral("y"), problem.location.y},
                                    {QStringLiteral("detail"), problem.detail}};
                    if (problem.acceptedNote)
                        row.insert(QStringLiteral("accepted"), *problem.acceptedNote);
                    if (problem.notYetEntered)
                        row.insert(QStringLiteral("not_entered_yet"), true);
                    list.append(row);
                }
                QJsonObject counts;
                for (const auto& [kind, count] : summary)
                    counts.insert(kind, count);
                printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("problems"), list},
                                                                     {QStringLiteral("summary"), counts}})
                                               .toJson(QJsonDocument::Indented)));
            } else {
                for (const Problem& problem : problems) {
                    QStringList codes;
                    for (const QJsonValue& code : codesOf(problem.units, index))
                        codes << code.toString();
                    printOut(
                        QStringLiteral("%1\t%2\t%3\t%4\t(%5, %6)%7\n")
                            .arg(Problem::kindKey(problem.kind),
                                 problem.level >= 0 ? data.hierarchy.level(problem.level).key : QString(),
                                 codes.join(QLatin1Char(',')), problem.detail)
                            .arg(problem.location.x, 0, 'f', 1)
                            .arg(problem.location.y, 0, 'f', 1)
                            .arg(problem.acceptedNote
                                     ? QStringLiteral("\taccepted: %1").arg(*problem.acceptedNote)
                                 : !problem.isOpenFault(data) ? QStringLiteral("\tnot entered yet")
                                                              : QString()));
                }
                QString said = open == 0 && accepted + notEntered == 0
                                   ? QStringLiteral("No problems found")
                                   : QStringLiteral("%1 problems found").arg(open);
                if (accepted)
                    said += QStringLiteral(", %1 more accepted").arg(accepted);
                if (notEntered)
                    said +=
                        QStringLiteral(", %1 more about data not entered yet (see `counts`)").arg(notEntered);
                printOut(said + QStringLiteral(".\n"));
            }
            // Read only, and the process ends here: the system takes the memory back at once,
            // where freeing 200,000 units one by one takes a tenth of the whole run. Held by a
            // static pointer, so a leak checker sees it kept, not lost.
            [[maybe_unused]] static ProjectFile* keptUntilExit = nullptr;
            keptUntilExit = project.release();
            return open == 0 ? Success : ProblemsFound;
        }};
}

Command unitsCommand()
{
    return {QStringLiteral("units"), QStringLiteral("List units with their parent, counts and area"),
            declareReadOptions, [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
                const ProjectData& data = project->data();
                const HierarchyIndex& index = project->index();
                const Checker::Scope scope = scopeFrom(parser, data, index);
                QJsonArray list;
                QString text;
                for (const Unit& unit : data.units) {
                    if ((scope.level >= 0 && unit.level != scope.level) ||
                        (scope.within && !index.isWithin(unit, scope.within)))
                        continue;
                    const Unit* parent = index.unit(unit.parentId);
                    const double area = unit.boundary.area();
                    list.append(QJsonObject{
                        {QStringLiteral("code"), unit.code},
                        {QStringLiteral("name"), unit.name},
                        {QStringLiteral("level"), data.hierarchy.level(unit.level).key},
                        {QStringLiteral("parent"), parent ? QJsonValue(parent->code) : QJsonValue()},
                        {QStringLiteral("households"), unit.households},
                        {QStringLiteral("residents"), unit.residents},
                        {QStringLiteral("area_m2"), area},
                        {QStringLiteral("external_code"),
                         unit.externalCode.isEmpty() ? QJsonValue() : QJsonValue(unit.externalCode)}});
                    text += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8\n")
                                .arg(unit.code, unit.name, data.hierarchy.level(unit.level).key,
                                     parent ? parent->code : QStringLiteral("-"))
                                .arg(unit.households)
                                .arg(unit.residents)
                                .arg(area, 0, 'f', 1)
                                .arg(unit.externalCode.isEmpty() ? QStringLiteral("-") : unit.externalCode);
                }
                if (parser.isSet(JsonOption))
                    printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("units"), list}})
                                                   .toJson(QJsonDocument::Indented)));
                else
                    printOut(
                        QStringLiteral(
                            "code\tname\tlevel\tparent\thouseholds\tresidents\tarea_m2\texternal_code\n") +
                        text);
                return Success;
            }};
}

Command acceptCommand()
{
    static const QCommandLineOption noteOption(QStringLiteral("note"),
                                               QStringLiteral("Why the problem is accepted as it is."),
                                               QStringLiteral("TEXT"));
    static const QCommandLineOption withdrawOption(QStringLiteral("withdraw"),
                                                   QStringLiteral("Take the acceptance back."));
    return {QStringLiteral("accept"),
            QStringLiteral(
                "Accept a problem as it is, with a note (validate then lists it but no longer fails on it)"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("KIND"),
                                             QStringLiteral("The problem's kind, as validate prints it."));
                parser.addPositionalArgument(QStringLiteral("CODE"),
                                             QStringLiteral("The code of the unit validate names first."));
                parser.addOptions({noteOption, withdrawOption});
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 3, ProjectFile::Access::ReadWrite);
                const QStringList arguments = positionalArguments(parser, 3);
                const QString kind = arguments.at(1), code = arguments.at(2);
                if (!Problem::kindFromKey(kind)) {
                    QStringList kinds;
                    for (Problem::Kind each : Problem::allKinds())
                        kinds << Problem::kindKey(each);
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("No problem kind \"%1\"; the kinds are: %2")
                                    .arg(kind, kinds.join(QStringLiteral(", "))));
                }
                unitFromCode(project->index(), code);
                const bool withdraw = parser.isSet(withdrawOption);
                if (!withdraw && parser.value(noteOption).trimmed().isEmpty())
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("Say why the problem is accepted: --note TEXT"));
                project->setAcceptedProblems(
                    withAcceptedProblem(project->data().acceptedProblems, kind, code,
                                        withdraw ? QString() : parser.value(noteOption)));
                printError(withdraw ? QStringLiteral("%1 at %2 is no longer accepted\n").arg(kind, code)
                                    : QStringLiteral("%1 at %2 accepted\n").arg(kind, code));
                return Success;
            }};
}

Command countsCommand()
{
    static const QCommandLineOption notYet(
        QStringLiteral("not-entered-yet"),
        QStringLiteral("The counts are still to be entered: validate lists what is not entered yet apart, "
                       "and does not fail on it."));
    static const QCommandLineOption entered(QStringLiteral("entered"),
                                            QStringLiteral("The counts are entered: every finding counts."));
    return {QStringLiteral("counts"),
            QStringLiteral("Say whether the project's counts are entered yet (prints it without an option)"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addOptions({notYet, entered});
            },
            [](const QCommandLineParser& parser) {
                if (parser.isSet(notYet) && parser.isSet(entered))
                    throw Error(Error::Kind::InvalidInput,
                                QStringLiteral("counts takes --not-entered-yet or --entered, not both"));
                const bool changing = parser.isSet(notYet) || parser.isSet(entered);
                const auto project = openProject(
                    parser, 1, changing ? ProjectFile::Access::ReadWrite : ProjectFile::Access::ReadOnly);
                if (changing)
                    project->setCountsNotEnteredYet(parser.isSet(notYet));
                printOut(project->data().countsNotEnteredYet ? QStringLiteral("counts not entered yet\n")
                                                             : QStringLiteral("counts entered\n"));
                return Success;
            }};
}

} // namespace

std::vector<Command> checkCommands()
{
    return {validateCommand(), unitsCommand(), acceptCommand(), countsCommand()};
}

} // namespace gridatlas::cli
