// gridatlas-cli subcommands that change a project: set, undo, redo, and history.

#include "command.h"

#include "error.h"
#include "projecteditor.h"
#include "projectfile.h"

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

std::optional<qint64> countOption(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    if (!parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok)
        throw Error(Error::Kind::InvalidInput, QStringLiteral("--%1 must be a whole number, got \"%2\"")
                                                   .arg(option.names().first(), parser.value(option)));
    return value;
}

Command setCommand()
{
    static const QCommandLineOption households(QStringLiteral("households"), QStringLiteral("Households."),
                                               QStringLiteral("N"));
    static const QCommandLineOption residents(QStringLiteral("residents"), QStringLiteral("Residents."),
                                              QStringLiteral("N"));
    static const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("New name."),
                                         QStringLiteral("NAME"));
    static const QCommandLineOption externalCode(
        QStringLiteral("external-code"),
        QStringLiteral("The unit's code in another system (a statistical code, say); \"\" removes it."),
        QStringLiteral("CODE"));
    return {
        QStringLiteral("set"),
        QStringLiteral("Set a unit's counts, name or external code (counts are carried up to its parents)"),
        [](QCommandLineParser& parser) {
            addProjectArgument(parser);
            parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
            parser.addOptions({households, residents, name, externalCode});
        },
        [](const QCommandLineParser& parser) {
            const auto project = openProject(parser, 2, ProjectFile::Access::ReadWrite);
            ProjectEditor::Attributes attributes;
            attributes.households = countOption(parser, households);
            attributes.residents = countOption(parser, residents);
            if (parser.isSet(name))
                attributes.name = parser.value(name);
            if (parser.isSet(externalCode))
                attributes.externalCode = parser.value(externalCode);
            const ChangeSet changes =
                ProjectEditor(*project).setAttributes(parser.positionalArguments().at(1), attributes);
            printOut(changes.isEmpty() ? QStringLiteral("Nothing changed.\n")
                                       : QStringLiteral("%1\n").arg(project->history().back().description));
            return Success;
        }};
}

Command stepCommand(bool undoing)
{
    return {undoing ? QStringLiteral("undo") : QStringLiteral("redo"),
            undoing ? QStringLiteral("Undo the latest edit (also after the file was closed)")
                    : QStringLiteral("Redo the edit undone last"),
            [](QCommandLineParser& parser) { addProjectArgument(parser); },
            [undoing](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 1, ProjectFile::Access::ReadWrite);
                HistoryEntry entry;
                const auto changes = undoing ? project->undo(&entry) : project->redo(&entry);
                if (!changes)
                    throw Error(Error::Kind::InvalidInput, undoing
                                                               ? QStringLiteral("there is nothing to undo")
                                                               : QStringLiteral("there is nothing to redo"));
                printOut(QStringLiteral("%1 #%2: %3\n")
                             .arg(undoing ? QStringLiteral("Undone") : QStringLiteral("Redone"))
                             .arg(entry.id)
                             .arg(entry.description));
                return Success;
            }};
}

Command historyCommand()
{
    return {QStringLiteral("history"), QStringLiteral("List the project's edits, oldest first"),
            [](QCommandLineParser& parser) { addProjectArgument(parser); },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 1, ProjectFile::Access::ReadOnly);
                for (const HistoryEntry& entry : project->history())
                    printOut(QStringLiteral("%1\t%2\t%3\t%4%5\n")
                                 .arg(entry.id)
                                 .arg(entry.created, entry.operation, entry.description,
                                      entry.undone ? QStringLiteral("\t(undone)") : QString()));
                return Success;
            }};
}

Command deleteCommand()
{
    static const QCommandLineOption withChildren(QStringLiteral("with-children"),
                                                 QStringLiteral("Also delete everything below the unit."));
    return {QStringLiteral("delete"),
            QStringLiteral("Delete a unit (and with --with-children what lies below it)"),
            [](QCommandLineParser& parser) {
                addProjectArgument(parser);
                parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
                parser.addOption(withChildren);
            },
            [](const QCommandLineParser& parser) {
                const auto project = openProject(parser, 2, ProjectFile::Access::ReadWrite);
                ProjectEditor(*project).deleteUnit(parser.positionalArguments().at(1),
                                                   parser.isSet(withChildren));
                printOut(QStringLiteral("%1\n").arg(project->history().back().description));
                return Success;
            }};
}

/** `member add|assign|unassign|list FILE ...`: the roster and who holds which role where. */
Command memberCommand()
{
    static const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("add: the member's name."),
                                         QStringLiteral("NAME"));
    static const QCommandLineOption phone(QStringLiteral("phone"), QStringLiteral("add: phone number."),
                                          QStringLiteral("PHONE"));
    static const QCommandLineOption gender(QStringLiteral("gender"), QStringLiteral("add: 男 or 女."),
                                           QStringLiteral("G"));
    static const QCommandLineOption status(
        QStringLiteral("status"), QStringLiteral("add: 在职, 离退休, 流动 ..."), QStringLiteral("S"));
    static const QCommandLineOption role(QStringLiteral("role"),
                                         QStringLiteral("assign/unassign: role key (grid_leader ...)."),
                                         QStringLiteral("ROLE"));
    static const QCommandLineOption linked(
        QStringLiteral("linked"), QStringLiteral("assign: households the member keeps in touch with."),
        QStringLiteral("N"), QStringLiteral("0"));
    static const QCommandLineOption linkedNote(
        QStringLiteral("linked-note"), QStringLiteral("assign: which households."), QStringLiteral("TEXT"));
    static const QCommandLineOption personal(QStringLiteral("with-personal"),
                                             QStringLiteral("list: include phone numbers."));
    return {
        QStringLiteral("member"),
        QStringLiteral("Members: add FILE --name N | assign FILE ID CODE --role R | unassign FILE ID CODE | "
                       "remove FILE ID | list FILE"),
        [](QCommandLineParser& parser) {
            parser.addPositionalArgument(QStringLiteral("ACTION"),
                                         QStringLiteral("add, assign, unassign, remove or list."));
            addProjectArgument(parser);
            parser.addPositionalArgument(
                QStringLiteral("[ID CODE]"),
                QStringLiteral("assign/unassign: member id and unit code; remove: member id."));
            parser.addOptions({name, phone, gender, status, role, linked, linkedNote, personal});
        },
        [](const QCommandLineParser& parser) {
            const ActionArguments given(parser, QStringLiteral("member"));
            const QString& action = given.action;
            const QStringList& arguments = given.arguments;
            const auto expect = [&](int count) { given.expect(count); };
            if (action == QLatin1String("list")) {
                expect(1);
                const auto project = ProjectFile::open(arguments.first(), ProjectFile::Access::ReadOnly);
                // Phone numbers are personal data: printed only when asked for.
                const bool withPersonal = parser.isSet(personal);
                printOut(withPersonal ? QStringLiteral("id\tname\tgender\tstatus\tphone\n")
                                      : QStringLiteral("id\tname\tgender\tstatus\n"));
                for (const Member& member : project->data().members)
                    printOut(QStringLiteral("%1\t%2\t%3\t%4%5\n")
                                 .arg(member.id)
                                 .arg(member.name, member.gender, member.status,
                                      withPersonal ? QStringLiteral("\t") + member.phone : QString()));
                return Success;
            }
            if (action != QLatin1String("add") && action != QLatin1String("assign") &&
                action != QLatin1String("unassign") && action != QLatin1String("remove"))
                throw Error(Error::Kind::InvalidInput,
                            QStringLiteral("unknown action \"%1\": add, assign, unassign, remove or list")
                                .arg(action));
            expect(action == QLatin1String("add") ? 1 : action == QLatin1String("remove") ? 2 : 3);
            const auto project = ProjectFile::open(arguments.first(), ProjectFile::Access::ReadWrite);
            ProjectEditor editor(*project);
            if (action == QLatin1String("add")) {
                MemberId id = 0;
                editor.addMember(Member{0, parser.value(name), parser.value(phone), parser.value(gender),
                                        parser.value(status), QString()},
                                 &id);
                printOut(QStringLiteral("%1\n").arg(id));
                return Success;
            }
            bool ok = false;
            const MemberId member = arguments.at(1).toLongLong(&ok);
            if (!ok)
                throw Error(Error::Kind::InvalidInput,
                            QStringLiteral("a member id is a number, got \"%1\"").arg(arguments.at(1)));
            if (action == QLatin1String("remove")) {
                QString said;
                editor.removeMember(member, &said);
                printOut(said + QLatin1Char('\n'));
                return Success;
            }
            if (action == QLatin1String("assign")) {
                if (!parser.isSet(role))
                    throw Error(Error::Kind::InvalidInput, QStringLiteral("member assign needs --role"));
                const auto households = countOption(parser, linked);
                editor.assignMember(member, arguments.at(2), parser.value(role), households.value_or(0),
                                    parser.value(linkedNote));
            } else {
                editor.unassignMember(member, arguments.at(2), parser.value(role));
            }
            printOut(QStringLiteral("%1\n").arg(project->history().back().description));
            return Success;
        }};
}

} // namespace

std::vector<Command> editCommands()
{
    return {setCommand(),      deleteCommand(),    memberCommand(),
            stepCommand(true), stepCommand(false), historyCommand()};
}

} // namespace gridatlas::cli
