#pragma once

#include "projectfile.h"
#include "tablewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace gridatlas::cli {

/** Exit codes shared by every subcommand. */
enum ExitCode
{
    Success = 0,
    ProblemsFound = 1, //!< the command ran and found problems (validate, ...)
    Failure = 2,       //!< the command could not do its job: bad arguments, unreadable file ...
};

/** One subcommand: `gridatlas-cli NAME ...`. */
struct Command
{
    QString name;
    QString synopsis; //!< one line for the overview
    //! adds options and positional arguments to the parser
    std::function<void(QCommandLineParser&)> declare;
    //! runs with the parsed arguments; may throw gridmodel::Error
    std::function<int(const QCommandLineParser&)> run;
};

std::vector<Command> projectCommands();
std::vector<Command> checkCommands();
std::vector<Command> editCommands();
std::vector<Command> boundaryCommands();
std::vector<Command> exportCommands();
std::vector<Command> importCommands();
std::vector<Command> reportCommands();
std::vector<Command> diffCommands();
std::vector<Command> layerCommands();
std::vector<Command> divideCommands();

/**
 * After the levels or the reference layers of a project changed: the styles and the QGIS project
 * stored in the file for stock QGIS (mapcore::StockQgisProject) are written again, when the file
 * has them and the command has loaded QGIS (qgisModule). A failure is a warning: GridAtlas's own
 * tables are whole, only what stock QGIS shows is behind.
 */
void keepStockQgisProjectCurrent(const gridmodel::ProjectFile& project);

/** `COMMAND ACTION ARGUMENTS…` (member add …, layer list …): the action and what follows it. */
struct ActionArguments
{
    ActionArguments(const QCommandLineParser& parser, const QString& command);
    //! throws Error(InvalidInput) unless exactly `count` arguments follow the action
    void expect(int count) const;

    QString command;
    QString action;
    QStringList arguments; //!< after the action
};

//! declares the FILE argument that most commands take first
void addProjectArgument(QCommandLineParser& parser);
//! the positional arguments, which must be exactly `count`; throws Error(InvalidInput) otherwise
QStringList positionalArguments(const QCommandLineParser& parser, int count);
//! the index of the level with this key; throws Error(InvalidInput) naming an unknown one
int levelFromKey(const gridmodel::ProjectData& data, const QString& key);
//! the unit with this code; throws Error(InvalidInput) naming an unknown one
const gridmodel::Unit& unitFromCode(const gridmodel::HierarchyIndex& index, const QString& code);
//! opens the project named by the first of exactly `count` positional arguments
std::unique_ptr<gridmodel::ProjectFile> openProject(const QCommandLineParser& parser, int count,
                                                    gridmodel::ProjectFile::Access access);

//! --encoding for CSV: utf8 (with a byte order mark, the default) or gbk
const QCommandLineOption& csvEncodingOption();
//! the encoding --encoding names; throws Error(InvalidInput) for any other
gridmodel::TableWriter::Encoding csvEncoding(const QCommandLineParser& parser);

/**
 * The --format of a command writing a report to -o, one of `formats`; throws Error(InvalidInput)
 * when either is missing, for another format, and for pdf where this build cannot lay out pages.
 */
QString reportFormat(const QCommandLineParser& parser, const QCommandLineOption& format,
                     const QCommandLineOption& output, const QStringList& formats);

//! writes to standard output (error) in UTF-8, control characters shown as \xNN rather than obeyed
void printOut(const QString& text);
void printError(const QString& text);

} // namespace gridatlas::cli
