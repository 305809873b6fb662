#include "projecteditor.h"

#include "codescheme.h"
#include "error.h"
#include "hierarchyindex.h"
#include "importplan.h"
#include "personaldata.h"
#include "projectfile.h"
#include "rolevacancies.h"
#include "translation.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>
#include <algorithm>

namespace gridmodel {

ProjectEditor::ProjectEditor(ProjectFile& project) : mProject(project) {}

ChangeSet ProjectEditor::setAttributes(const QString& code, const Attributes& attributes)
{
    const HierarchyIndex& index = mProject.index();
    const Unit* unit = index.unitByCode(code);
    if (!unit)
        throw Error(Error::Kind::InvalidInput, Tr::tr("No unit has the code \"%1\"").arg(code));
    if (attributes.isEmpty())
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("Nothing to set: give households, residents, a name or an external code"));
    if ((attributes.households && !Counts::inRange(*attributes.households)) ||
        (attributes.residents && !Counts::inRange(*attributes.residents)))
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("Households and residents are counted from 0 to %1").arg(Counts::Max));
    if (attributes.name && attributes.name->trimmed().isEmpty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("A unit needs a name"));

    Unit changed = *unit;
    QStringList what;
    if (attributes.name && *attributes.name != unit->name) {
        changed.name = attributes.name->trimmed();
        what << Tr::tr("name %1→%2").arg(unit->name, changed.name);
    }
    if (attributes.organisation && attributes.organisation->trimmed() != unit->organisation) {
        changed.organisation = attributes.organisation->trimmed();
        what << Tr::tr("organisation %1").arg(changed.organisation);
    }
    if (attributes.notes && *attributes.notes != unit->notes) {
        changed.notes = *attributes.notes;
        what << Tr::tr("notes");
    }
    if (attributes.externalCode && attributes.externalCode->trimmed() != unit->externalCode) {
        changed.externalCode = attributes.externalCode->trimmed();
        if (const QString why = CodeScheme(mProject.data(), index)
                                    .whyNotExternal(changed.externalCode, unit->level, unit->id);
            !changed.externalCode.isEmpty() && !why.isEmpty())
            throw Error(Error::Kind::InvalidInput, Tr::tr("%1 cannot be given: %2").arg(unit->code, why));
        what << (changed.externalCode.isEmpty() ? Tr::tr("external code %1 removed").arg(unit->externalCode)
                                                : Tr::tr("external code %1").arg(changed.externalCode));
    }
    const qint64 householdsDelta = attributes.households ? *attributes.households - unit->households : 0;
    const qint64 residentsDelta = attributes.residents ? *attributes.residents - unit->residents : 0;
    changed.households += householdsDelta;
    changed.residents += residentsDelta;
    if (householdsDelta)
        what << Tr::tr("households %1→%2").arg(unit->households).arg(changed.households);
    if (residentsDelta)
        what << Tr::tr("residents %1→%2").arg(unit->residents).arg(changed.residents);
    if (what.isEmpty())
        return ChangeSet();

    ChangeSet changes;
    changes.units.push_back({*unit, changed});
    if (householdsDelta || residentsDelta)
        for (const Unit* ancestor = index.unit(unit->parentId); ancestor;
             ancestor = index.unit(ancestor->parentId)) {
            if (ancestor->level >= unit->level)
                break; // a cycle; the checker reports it
            Unit total = *ancestor;
            total.households = Counts::add(total.households, householdsDelta);
            total.residents = Counts::add(total.residents, residentsDelta);
            if (const QString beyond = countsBeyondWhatAUnitHolds(total); !beyond.isEmpty())
                throw Error(Error::Kind::InvalidInput, beyond);
            changes.units.push_back({*ancestor, total});
        }
    mProject.apply(changes, QStringLiteral("set"),
                   Tr::tr("Set %1 %2: %3").arg(unit->code, unit->name, what.join(Tr::tr(", "))));
    return changes;
}

ChangeSet ProjectEditor::deleteUnit(const QString& code, bool withChildren)
{
    const ProjectData& data = mProject.data();
    const HierarchyIndex& index = mProject.index();
    const Unit* unit = index.unitByCode(code);
    if (!unit)
        throw Error(Error::Kind::InvalidInput, Tr::tr("No unit has the code \"%1\"").arg(code));
    const std::vector<const Unit*> doomed = index.subtree(unit->id);
    if (doomed.size() > 1 && !withChildren)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("%1 %2 has %3 units below it; delete them too, or move them first")
                        .arg(unit->code, unit->name)
                        .arg(doomed.size() - 1));
    QSet<UnitId> ids;
    ChangeSet changes;
    for (const Unit* gone : doomed) {
        ids.insert(gone->id);
        changes.units.push_back({*gone, std::nullopt});
    }
    for (const Assignment& assignment : data.assignments)
        if (ids.contains(assignment.unitId))
            changes.assignments.push_back({assignment, std::nullopt});
    for (const Unit* ancestor = index.unit(unit->parentId); ancestor && ancestor->level < unit->level;
         ancestor = index.unit(ancestor->parentId)) {
        Unit total = *ancestor;
        total.households -= unit->households;
        total.residents -= unit->residents;
        changes.units.push_back({*ancestor, total});
    }
    mProject.apply(changes, QStringLiteral("delete"),
                   Tr::tr("Delete %1 %2 (%3 units)").arg(unit->code, unit->name).arg(doomed.size()));
    return changes;
}

ChangeSet ProjectEditor::addMember(const Member& member, MemberId* id)
{
    if (member.name.trimmed().isEmpty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("A member needs a name"));
    if (!member.phone.trimmed().isEmpty() && !isPhoneNumber(member.phone.trimmed()))
        throw Error(Error::Kind::InvalidInput, Tr::tr("\"%1\" is not a phone number").arg(member.phone));
    Member added = member;
    added.name = member.name.trimmed();
    added.id = nextFreeId(mProject.data().members);
    ChangeSet changes;
    changes.members.push_back({std::nullopt, added});
    mProject.apply(changes, QStringLiteral("member_add"), Tr::tr("Add member %1").arg(added.name));
    if (id)
        *id = added.id;
    return changes;
}

ChangeSet ProjectEditor::assignMember(MemberId memberId, const QString& code, const QString& role,
                                      qint64 linkedHouseholds, const QString& linkedNote)
{
    const ProjectData& data = mProject.data();
    const HierarchyIndex& index = mProject.index();
    const Unit* unit = index.unitByCode(code);
    if (!unit)
        throw Error(Error::Kind::InvalidInput, Tr::tr("No unit has the code \"%1\"").arg(code));
    const auto member = std::find_if(data.members.begin(), data.members.end(),
                                     [memberId](const Member& m) { return m.id == memberId; });
    if (member == data.members.end())
        throw Error(Error::Kind::InvalidInput, Tr::tr("No member has the id %1").arg(memberId));
    const LevelDefinition& level = data.hierarchy.level(unit->level);
    const RoleDefinition* definition = level.role(role);
    if (!definition) {
        QStringList roles;
        for (const RoleDefinition& r : level.roles)
            roles << QStringLiteral("%1 (%2)").arg(r.key, r.name.text());
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("A %1 has no role \"%2\"; its roles are: %3")
                        .arg(level.name.text(), role, roles.join(QStringLiteral(", "))));
    }
    if (linkedHouseholds < 0)
        throw Error(Error::Kind::InvalidInput, Tr::tr("Linked households cannot be negative"));
    for (const Assignment& assignment : data.assignments)
        if (assignment.memberId == memberId && assignment.unitId == unit->id && assignment.role == role)
            throw Error(
                Error::Kind::InvalidInput,
                Tr::tr("%1 is already %2 of %3").arg(member->name, definition->name.text(), unit->name));
    const RoleVacancies vacancies(data, *unit);
    if (const RoleVacancies::Role* vacancy = vacancies.role(role); vacancy && vacancy->full()) {
        QStringList holders;
        for (MemberId holder : vacancy->holders)
            for (const Member& m : data.members)
                if (m.id == holder)
                    holders << m.name;
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("%1 %2 already has its %3 (%4); a %5 has at most %6. Take them out of the role first")
                .arg(unit->code, unit->name, definition->name.text(), holders.join(QStringLiteral("、")),
                     level.name.text())
                .arg(definition->maxPeople));
    }
    ChangeSet changes;
    changes.assignments.push_back({std::nullopt, Assignment{nextFreeId(data.assignments), memberId, unit->id,
                                                            role, linkedHouseholds, linkedNote}});
    mProject.apply(
        changes, QStringLiteral("member_assign"),
        Tr::tr("%1 becomes %2 of %3 %4").arg(member->name, definition->name.text(), unit->code, unit->name));
    return changes;
}

ChangeSet ProjectEditor::unassignMember(MemberId memberId, const QString& code, const QString& role)
{
    const ProjectData& data = mProject.data();
    const HierarchyIndex& index = mProject.index();
    const Unit* unit = index.unitByCode(code);
    if (!unit)
        throw Error(Error::Kind::InvalidInput, Tr::tr("No unit has the code \"%1\"").arg(code));
    ChangeSet changes;
    for (const Assignment& assignment : data.assignments)
        if (assignment.memberId == memberId && assignment.unitId == unit->id &&
            (role.isEmpty() || assignment.role == role))
            changes.assignments.push_back({assignment, std::nullopt});
    if (changes.isEmpty())
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("Member %1 holds no such role at %2").arg(memberId).arg(code));
    mProject.apply(changes, QStringLiteral("member_unassign"),
                   Tr::tr("Member %1 leaves %2 %3").arg(memberId).arg(unit->code, unit->name));
    return changes;
}

ChangeSet ProjectEditor::removeMember(MemberId memberId, QString* said)
{
    const ProjectData& data = mProject.data();
    const auto member = std::find_if(data.members.begin(), data.members.end(),
                                     [&](const Member& m) { return m.id == memberId; });
    if (member == data.members.end())
        throw Error(Error::Kind::InvalidInput, Tr::tr("No member has the id %1").arg(memberId));
    ChangeSet changes;
    changes.members.push_back({*member, std::nullopt});
    for (const Assignment& assignment : data.assignments)
        if (assignment.memberId == memberId)
            changes.assignments.push_back({assignment, std::nullopt});
    const PersonalDataRemoval forget = PersonalDataRemoval::ofMember(*member);
    const QString placeholder = PersonalDataRemoval::placeholderName(memberId);
    const QString name = member->name;
    mProject.applyForgetting(changes, QStringLiteral("member_remove"),
                             Tr::tr("%1 leaves the roster").arg(placeholder), forget);
    if (said)
        *said = Tr::tr("Removed %1 (%2) and the %3 role(s) they held. Their name, phone and notes are "
                       "gone from the history too: undo brings back %2 in those roles, without them.")
                    .arg(name, placeholder)
                    .arg(changes.assignments.size());
    return changes;
}

} // namespace gridmodel
