#include "command.h"
#include "qgismodule.h"

#include "error.h"

#include <QCoreApplication>
#include <algorithm>
#include <csignal>
#include <cstring>
#include <memory>

using namespace gridatlas::cli;

namespace {

QString overview(const std::vector<Command>& commands)
{
    QString text = QStringLiteral("GridAtlas command line — 网格化管理地图工具\n\n"
                                  "Usage: gridatlas-cli COMMAND [options] [arguments]\n\nCommands:\n");
    for (const Command& command : commands)
        text += QStringLiteral("  %1 %2\n").arg(command.name, -10).arg(command.synopsis);
    text += QStringLiteral("\n`gridatlas-cli COMMAND --help` describes a command. Exit status: 0 done, "
                           "1 problems found, 2 error.\n");
    return text;
}

} // namespace

int runCommand();

/**
 * Whether the command needs the painting application (QGIS, fonts): print always, report and
 * diff only for a PDF, layer when it changes the references (the project stored for stock QGIS
 * follows them). The others start without it, and without loading QGIS at all.
 */
bool needsQgis(int argc, char* argv[])
{
    if (argc < 2)
        return false;
    if (std::strcmp(argv[1], "print") == 0)
        return true;
    if (std::strcmp(argv[1], "layer") == 0) {
#ifdef GRIDATLAS_WITH_PRINT
        return argc > 2 && std::strcmp(argv[2], "list") != 0 && std::strcmp(argv[2], "--help") != 0;
#else
        return false; // no stock QGIS project to keep current
#endif
    }
    if (std::strcmp(argv[1], "report") != 0 && std::strcmp(argv[1], "diff") != 0)
        return false;
    for (int i = 2; i < argc; ++i)
        if (std::strcmp(argv[i], "--format=pdf") == 0 ||
            (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0))
            return true;
    return false;
}

int main(int argc, char* argv[])
{
    std::signal(SIGXFSZ, SIG_IGN); // a file over the size limit is a write that fails, said as such
    std::unique_ptr<QCoreApplication> application;
    const QgisModule* qgis = nullptr;
    if (needsQgis(argc, argv)) {
        try {
            qgis = &qgisModule();
        } catch (const gridmodel::Error& error) {
            printError(QStringLiteral("gridatlas-cli %1: %2\n")
                           .arg(QString::fromLocal8Bit(argv[1]), error.message()));
            return Failure;
        }
        application = qgis->startApplication(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    const int result = runCommand();
    if (qgis)
        qgis->stopApplication();
    return result;
}

int runCommand()
{
    QCoreApplication::setApplicationName(QStringLiteral("gridatlas-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("GridAtlas"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRIDATLAS_VERSION));

    std::vector<Command> commands = projectCommands();
    for (auto* group : {&checkCommands, &boundaryCommands, &editCommands, &exportCommands, &importCommands,
                        &reportCommands, &diffCommands, &layerCommands, &divideCommands})
        for (Command& command : (*group)())
            commands.push_back(std::move(command));
    QStringList arguments = QCoreApplication::arguments();
    // the QGIS module's commands (print): loaded for them, and to list them
    const QString name = arguments.value(1);
    const bool plain = std::any_of(commands.begin(), commands.end(),
                                   [&](const Command& command) { return command.name == name; });
    if ((!plain && name != QLatin1String("--version")) || loadedQgisModule()) {
        try {
            for (Command& command : qgisModule().commands())
                commands.push_back(std::move(command));
        } catch (const gridmodel::Error&) {
            // built without QGIS, or its module is missing: the plain commands still work
        }
    }
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") ||
        arguments.at(1) == QLatin1String("-h")) {
        printOut(overview(commands));
        return arguments.size() < 2 ? Failure : Success;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        printOut(QStringLiteral("gridatlas-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return Success;
    }
    const auto command =
        std::find_if(commands.begin(), commands.end(), [&](const Command& c) { return c.name == name; });
    if (command == commands.end()) {
        printError(QStringLiteral("gridatlas-cli: unknown command \"%1\"\n\n").arg(name) +
                   overview(commands));
        return Failure;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->synopsis);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    command->declare(parser);
    arguments.removeAt(1);
    // QCommandLineParser names the executable by its path; name the subcommand instead.
    const QString helpText = parser.helpText().replace(QCoreApplication::arguments().constFirst(),
                                                       QStringLiteral("gridatlas-cli %1").arg(name));
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("gridatlas-cli %1: %2\n\n%3").arg(name, parser.errorText(), helpText));
        return Failure;
    }
    if (parser.isSet(help)) {
        printOut(helpText);
        return Success;
    }
    try {
        return command->run(parser);
    } catch (const gridmodel::Error& error) {
        printError(QStringLiteral("gridatlas-cli %1: %2\n").arg(name, error.message()));
        return Failure;
    } catch (const std::exception& error) {
        printError(QStringLiteral("gridatlas-cli %1: unexpected error: %2\n")
                       .arg(name, QString::fromUtf8(error.what())));
        return Failure;
    }
}
