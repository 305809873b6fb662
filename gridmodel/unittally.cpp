#include "unittally.h"

#include "translation.h"

#include <QLocale>
#include <QSet>

namespace gridmodel {

UnitTally UnitTally::of(const ProjectData& data, const HierarchyIndex& index, UnitId id)
{
    UnitTally tally;
    const Unit* unit = index.unit(id);
    if (!unit)
        return tally;
    tally.households = unit->households;
    tally.residents = unit->residents;
    tally.children = static_cast<int>(index.children(id).size());
    const LevelDefinition& level = data.hierarchy.level(unit->level);
    tally.householdsInBand = level.households.contains(unit->households);
    tally.residentsInBand = level.residents.contains(unit->residents);
    QSet<UnitId> within;
    for (const Unit* below : index.subtree(id))
        within.insert(below->id);
    QSet<MemberId> members;
    for (const Assignment& assignment : data.assignments)
        if (within.contains(assignment.unitId))
            members.insert(assignment.memberId);
    tally.members = static_cast<int>(members.size());
    return tally;
}

QString UnitTally::describe(const ProjectData& data, const Unit& unit) const
{
    const LevelDefinition& level = data.hierarchy.level(unit.level);
    const QLocale locale;
    QString households = Tr::tr("%1 households").arg(locale.toString(this->households));
    if (level.households.isSet())
        households += Tr::tr(" (target %1–%2%3)")
                          .arg(level.households.min ? locale.toString(*level.households.min) : QString())
                          .arg(level.households.max ? locale.toString(*level.households.max) : QString())
                          .arg(householdsInBand ? QString() : Tr::tr(", outside"));
    return Tr::tr("%1: %2, %3 residents, %4 units below, %5 people")
        .arg(unit.name, households, locale.toString(residents))
        .arg(children)
        .arg(members);
}

} // namespace gridmodel
