// gridatlas-cli divide: proposes (and with --apply makes) a new division of a unit's children.
#include "command.h"
#include "divide/barriers.h"
#include "divide/divisionplanner.h"
#include "error.h"
#include "hierarchyeditor.h"
#include "hierarchyindex.h"
#include "projectfile.h"

#include <QRegularExpression>

using namespace gridmodel;

namespace gridatlas::cli {

namespace {

TargetBand bandArgument(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d*)\\s*[-–]\\s*(\\d*)\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || (match.captured(1).isEmpty() && match.captured(2).isEmpty()))
        throw Error(
            Error::Kind::InvalidInput,
            QStringLiteral("--band is MIN-MAX households (300-500, 300-, -500), got \"%1\"").arg(text));
    TargetBand band;
    if (!match.captured(1).isEmpty())
        band.min = match.captured(1).toLongLong();
    if (!match.captured(2).isEmpty())
        band.max = match.captured(2).toLongLong();
    return band;
}

int positiveNumber(const QString& text, const QString& option)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok || number <= 0)
        throw Error(Error::Kind::InvalidInput,
                    QStringLiteral("--%1 is a whole number above 0, got \"%2\"").arg(option, text));
    return number;
}

void printProposal(const DivisionProposal& proposal, const ProjectData& data, const HierarchyIndex& index)
{
    const QString levelName = data.hierarchy.level(proposal.level).name.text();
    printOut(QStringLiteral(
        "part\thouseholds\tresidents\twithin_band\tpolsby_popper\tbarrier_crossings\tmembers\n"));
    for (size_t i = 0; i < proposal.parts.size(); ++i) {
        const DivisionProposal::Part& part = proposal.parts[i];
        QStringList members;
        for (UnitId id : part.members)
            members << index.unit(id)->code;
        printOut(
            QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\n")
                .arg(i + 1)
                .arg(part.households)
                .arg(part.residents)
                .arg(part.withinBand ? QStringLiteral("yes") : QStringLiteral("no"))
                .arg(part.polsbyPopper, 0, 'f', 3)
                .arg(part.barrierCrossings)
                .arg(proposal.byHouseholdCount ? QStringLiteral("(split by count)") : members.join(',')));
    }
    const TargetBand& band = proposal.band;
    printError(QStringLiteral("%1 new %2 for %3: %4 within %5–%6 households, mean Polsby-Popper %7, %8 "
                              "barrier crossings\n")
                   .arg(proposal.parts.size())
                   .arg(levelName, proposal.unitCode)
                   .arg(proposal.partsWithinBand())
                   .arg(band.min ? QString::number(*band.min) : QString(),
                        band.max ? QString::number(*band.max) : QString())
                   .arg(proposal.meanPolsbyPopper(), 0, 'f', 3)
                   .arg(proposal.barrierCrossings()));
    for (const QString& unmet : proposal.unmet)
        printError(QStringLiteral("  %1\n").arg(unmet));
}

Command divideCommand()
{
    static const QCommandLineOption level(
        QStringLiteral("level"),
        QStringLiteral("The level of the new units: the unit's children (grid ...)."), QStringLiteral("KEY"));
    static const QCommandLineOption band(
        QStringLiteral("band"),
        QStringLiteral("Households per new unit (default: the level's band in the template)."),
        QStringLiteral("MIN-MAX"));
    static const QCommandLineOption parts(QStringLiteral("parts"),
                                          QStringLiteral("Instead of a band: this many new units."),
                                          QStringLiteral("N"));
    static const QCommandLineOption barriers(
        QStringLiteral("barriers"),
        QStringLiteral("Roads, rivers, railways not to cross: a reference layer's name or a GIS file."),
        QStringLiteral("LAYER"));
    static const QCommandLineOption seed(QStringLiteral("seed"),
                                         QStringLiteral("Another proposal for another seed."),
                                         QStringLiteral("S"), QStringLiteral("1"));
    static const QCommandLineOption apply(
        QStringLiteral("apply"),
        QStringLiteral("Make the proposal (one step of undo); without it nothing changes."));
    return {
        QStringLiteral("divide"),
        QStringLiteral("Propose a balanced, contiguous division of a unit's children (--apply makes it)"),
        [](QCommandLineParser& parser) {
            addProjectArgument(parser);
            parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The unit to divide anew."));
            parser.addOptions({level, band, parts, barriers, seed, apply});
        },
        [](const QCommandLineParser& parser) {
            const auto project = openProject(parser, 2,
                                             parser.isSet(apply) ? ProjectFile::Access::ReadWrite
                                                                 : ProjectFile::Access::ReadOnly);
            const ProjectData& data = project->data();
            const HierarchyIndex& index = project->index();
            const Unit& unit = unitFromCode(index, parser.positionalArguments().at(1));
            if (!parser.isSet(level))
                throw Error(Error::Kind::InvalidInput, QStringLiteral("divide needs --level"));
            const int newLevel = levelFromKey(data, parser.value(level));
            if (newLevel != unit.level + 1)
                throw Error(Error::Kind::InvalidInput,
                            QStringLiteral("%1 %2 is a %3: the units it is divided into are its children, "
                                           "--level %4")
                                .arg(unit.code, unit.name, data.hierarchy.level(unit.level).name.text(),
                                     unit.level + 1 < data.hierarchy.levelCount()
                                         ? data.hierarchy.level(unit.level + 1).key
                                         : QStringLiteral("(none: it is at the lowest level)")));
            if (parser.isSet(band) && parser.isSet(parts))
                throw Error(Error::Kind::InvalidInput, QStringLiteral("give --band or --parts, not both"));
            DivisionRequest request;
            request.unitCode = unit.code;
            if (parser.isSet(band))
                request.band = bandArgument(parser.value(band));
            if (parser.isSet(parts))
                request.parts = positiveNumber(parser.value(parts), QStringLiteral("parts"));
            request.seed = static_cast<quint64>(positiveNumber(parser.value(seed), QStringLiteral("seed")));
            if (parser.isSet(barriers)) {
                request.barriers =
                    Barriers::read(data, project->path(), parser.value(barriers), unit.boundary.envelope());
                printError(
                    QStringLiteral("%1 barrier lines near %2\n").arg(request.barriers.size()).arg(unit.code));
            }
            const DivisionProposal proposal = DivisionPlanner(data, index).propose(request);
            printProposal(proposal, data, index);
            if (parser.isSet(apply)) {
                const HierarchyEditor::Result result = HierarchyEditor(*project).divide(proposal);
                printError(QStringLiteral("%1 (%2 units changed): %3\n")
                               .arg(project->history().back().description)
                               .arg(result.changes.units.size())
                               .arg(result.codes.join(QStringLiteral(", "))));
            }
            return proposal.unmet.isEmpty() ? Success : ProblemsFound;
        }};
}

} // namespace

std::vector<Command> divideCommands()
{
    return {divideCommand()};
}

} // namespace gridatlas::cli
