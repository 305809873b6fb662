// What every gridatlas-cli subcommand shares: arguments, opening the project, output.

#include "command.h"

#include "hierarchyindex.h"

#include "error.h"

#include <cstdio>

namespace gridatlas::cli {

ActionArguments::ActionArguments(const QCommandLineParser& parser, const QString& commandName)
    : command(commandName), arguments(parser.positionalArguments())
{
    action = arguments.value(0);
    if (!arguments.isEmpty())
        arguments.removeFirst();
}

void ActionArguments::expect(int count) const
{
    if (arguments.size() != count)
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("%1 %2 expects %3 arguments after the action").arg(command, action).arg(count));
}

void addProjectArgument(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A GridAtlas project (.gpkg)."));
}

QStringList positionalArguments(const QCommandLineParser& parser, int count)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != count)
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("expected %1 argument(s), got %2 (see --help)").arg(count).arg(positional.size()));
    return positional;
}

int levelFromKey(const gridmodel::ProjectData& data, const QString& key)
{
    const int level = data.hierarchy.levelIndex(key);
    if (level < 0)
        throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                               QStringLiteral("the project has no level \"%1\"").arg(key));
    return level;
}

const gridmodel::Unit& unitFromCode(const gridmodel::HierarchyIndex& index, const QString& code)
{
    const gridmodel::Unit* unit = index.unitByCode(code);
    if (!unit)
        throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                               QStringLiteral("no unit has the code \"%1\"").arg(code));
    return *unit;
}

std::unique_ptr<gridmodel::ProjectFile> openProject(const QCommandLineParser& parser, int count,
                                                    gridmodel::ProjectFile::Access access)
{
    return gridmodel::ProjectFile::open(positionalArguments(parser, count).first(), access);
}

const QCommandLineOption& csvEncodingOption()
{
    static const QCommandLineOption option(
        QStringLiteral("encoding"), QStringLiteral("For csv: utf8 (with a byte order mark, default) or gbk."),
        QStringLiteral("ENCODING"), QStringLiteral("utf8"));
    return option;
}

gridmodel::TableWriter::Encoding csvEncoding(const QCommandLineParser& parser)
{
    const QString chosen = parser.value(csvEncodingOption());
    if (chosen == QLatin1String("utf8"))
        return gridmodel::TableWriter::Encoding::Utf8WithBom;
    if (chosen == QLatin1String("gbk"))
        return gridmodel::TableWriter::Encoding::Gbk;
    throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                           QStringLiteral("--encoding must be utf8 or gbk, not \"%1\"").arg(chosen));
}

QString reportFormat(const QCommandLineParser& parser, const QCommandLineOption& format,
                     const QCommandLineOption& output, const QStringList& formats)
{
    if (!parser.isSet(format) || !parser.isSet(output))
        throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                               QStringLiteral("--format and -o are required (see --help)"));
    const QString chosen = parser.value(format);
    if (!formats.contains(chosen))
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("unknown format \"%1\" (one of %2)").arg(chosen, formats.join(", ")));
#ifndef GRIDATLAS_WITH_PRINT
    if (chosen == QLatin1String("pdf"))
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("this gridatlas-cli was built without QGIS and cannot write PDF"));
#endif
    return chosen;
}

namespace {

/**
 * The text with its control characters shown, not obeyed: a name holding ESC [ 2 J would
 * otherwise clear the user's terminal, or colour what follows. Line breaks and tabs stay.
 */
QString terminalSafe(const QString& text)
{
    QString safe;
    safe.reserve(text.size());
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        const bool control =
            (code < 0x20 && code != u'\n' && code != u'\t') || (code >= 0x7F && code <= 0x9F);
        if (control)
            safe += QStringLiteral("\\x%1").arg(static_cast<int>(code), 2, 16, QLatin1Char('0'));
        else
            safe += c;
    }
    return safe;
}

} // namespace

void printOut(const QString& text)
{
    const QByteArray utf8 = terminalSafe(text).toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString& text)
{
    const QByteArray utf8 = terminalSafe(text).toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
}

} // namespace gridatlas::cli
