#include "importplan.h"

#include "hierarchyindex.h"

#include "error.h"
#include "projectfile.h"
#include "translation.h"

#include <cmath>

namespace gridmodel {

namespace {

//! a line per problem (or note), named by its line or feature
QString linesOf(const std::vector<ImportProblem>& list, bool ofFeatures, int limit)
{
    QStringList lines;
    for (const ImportProblem& problem : list) {
        if (lines.size() == limit) {
            lines << Tr::tr("… and %1 more").arg(list.size() - static_cast<size_t>(limit));
            break;
        }
        if (problem.line <= 0)
            lines << problem.reason;
        else if (ofFeatures)
            lines << Tr::tr("feature %1: %2").arg(problem.line).arg(problem.reason);
        else
            lines << Tr::tr("line %1: %2").arg(problem.line).arg(problem.reason);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::optional<qint64> importedCount(const QString& text)
{
    QString plain = text.trimmed();
    plain.remove(QLatin1Char(','));
    if (plain.isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 whole = plain.toLongLong(&ok);
    if (ok)
        return Counts::inRange(whole) ? std::optional<qint64>(whole) : std::nullopt;
    const double number = plain.toDouble(&ok);
    if (ok && number >= 0 && std::floor(number) == number && number <= double(Counts::Max))
        return static_cast<qint64>(number);
    return std::nullopt;
}

Unit& CountRollup::after(const Unit& unit)
{
    auto found = mChanged.find(unit.id);
    return found != mChanged.end() ? found->second : mChanged.emplace(unit.id, unit).first->second;
}

void CountRollup::add(const Unit& unit, qint64 households, qint64 residents)
{
    const Unit* up = &unit;
    for (int steps = 0; up && steps <= unit.level; ++steps) { // no deeper than the levels above
        Unit& total = after(*up);
        total.households = Counts::add(total.households, households);
        total.residents = Counts::add(total.residents, residents);
        const Unit* parent = up->parentId ? mIndex.unit(up->parentId) : nullptr;
        up = parent && parent->level < up->level ? parent : nullptr; // a cycle: the checker names it
    }
}

void CountRollup::addTo(ImportPlan& plan) const
{
    for (const auto& [id, unit] : mChanged) {
        if (const QString beyond = countsBeyondWhatAUnitHolds(unit); !beyond.isEmpty())
            plan.problems.push_back({0, beyond});
        plan.changes.units.push_back({*mIndex.unit(id), unit});
    }
}

QString countsBeyondWhatAUnitHolds(const Unit& unit)
{
    if (Counts::inRange(unit.households) && Counts::inRange(unit.residents))
        return QString();
    return Tr::tr("%1 %2 would count %3 households and %4 residents, beyond what a unit can hold (0 to %5)")
        .arg(unit.code, unit.name)
        .arg(unit.households)
        .arg(unit.residents)
        .arg(Counts::Max);
}

void ImportPlan::apply(ProjectFile& project) const&
{
    requireApplicable();
    project.apply(changes, QStringLiteral("import"), description);
}

void ImportPlan::apply(ProjectFile& project) &&
{
    requireApplicable();
    project.apply(std::move(changes), QStringLiteral("import"), description);
    changes = ChangeSet();
}

void ImportPlan::requireApplicable() const
{
    if (!problems.empty())
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("Nothing imported from %1: %n row(s) cannot be imported. %2", nullptr,
                           static_cast<int>(problems.size()))
                        .arg(source, problemText(5)));
    if (changes.isEmpty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("Nothing to import from %1").arg(source));
}

QString ImportPlan::problemText(int limit) const
{
    return linesOf(problems, ofFeatures, limit);
}

QString ImportPlan::noteText(int limit) const
{
    return linesOf(notes, ofFeatures, limit);
}

} // namespace gridmodel
