// gridatlas-cli subcommands that change a project: set, undo, redo, and history.

#include "command.h"

#include "error.h"
#include "projecteditor.h"
#include "projectfile.h"

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

std::unique_ptr<ProjectFile> openForEditing(const QCommandLineParser& parser, int arguments)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != arguments)
        throw Error(Error::Kind::InvalidInput,
                    QStringLiteral("expected %1 arguments, got %2").arg(arguments).arg(positional.size()));
    return ProjectFile::open(positional.first(), ProjectFile::Access::ReadWrite);
}

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
    return {QStringLiteral("set"),
            QStringLiteral("Set a unit's counts or name (counts are carried up to its parents)"),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("FILE"),
                                             QStringLiteral("A GridAtlas project (.gpkg)."));
                parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit's code."));
                parser.addOptions({households, residents, name});
            },
            [](const QCommandLineParser& parser) {
                const auto project = openForEditing(parser, 2);
                ProjectEditor::Attributes attributes;
                attributes.households = countOption(parser, households);
                attributes.residents = countOption(parser, residents);
                if (parser.isSet(name))
                    attributes.name = parser.value(name);
                const ChangeSet changes =
                    ProjectEditor(*project).setAttributes(parser.positionalArguments().at(1), attributes);
                printOut(changes.isEmpty()
                             ? QStringLiteral("Nothing changed.\n")
                             : QStringLiteral("%1\n").arg(project->history().back().description));
                return Success;
            }};
}

Command stepCommand(bool undoing)
{
    return {undoing ? QStringLiteral("undo") : QStringLiteral("redo"),
            undoing ? QStringLiteral("Undo the latest edit (also after the file was closed)")
                    : QStringLiteral("Redo the edit undone last"),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("FILE"),
                                             QStringLiteral("A GridAtlas project (.gpkg)."));
            },
            [undoing](const QCommandLineParser& parser) {
                const auto project = openForEditing(parser, 1);
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
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("FILE"),
                                             QStringLiteral("A GridAtlas project (.gpkg)."));
            },
            [](const QCommandLineParser& parser) {
                const QStringList positional = parser.positionalArguments();
                if (positional.size() != 1)
                    throw Error(Error::Kind::InvalidInput, QStringLiteral("expected one project file"));
                const auto project = ProjectFile::open(positional.first(), ProjectFile::Access::ReadOnly);
                for (const HistoryEntry& entry : project->history())
                    printOut(QStringLiteral("%1\t%2\t%3\t%4%5\n")
                                 .arg(entry.id)
                                 .arg(entry.created, entry.operation, entry.description,
                                      entry.undone ? QStringLiteral("\t(undone)") : QString()));
                return Success;
            }};
}

} // namespace

std::vector<Command> editCommands()
{
    return {setCommand(), stepCommand(true), stepCommand(false), historyCommand()};
}

} // namespace gridatlas::cli
