#include "rosterimport.h"

#include "hierarchyindex.h"
#include "personaldata.h"
#include "tablesource.h"
#include "translation.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <optional>

namespace gridmodel {

namespace {

struct Columns
{
    int name, phone, gender, status, role, unitCode, unitName, linked, linkedNote, number;

    explicit Columns(const TableSource& table)
        : name(table.column({QStringLiteral("姓名"), QStringLiteral("name")})),
          phone(table.column({QStringLiteral("电话"), QStringLiteral("手机"), QStringLiteral("联系电话"),
                              QStringLiteral("phone")})),
          gender(table.column({QStringLiteral("性别"), QStringLiteral("gender")})),
          status(table.column({QStringLiteral("身份"), QStringLiteral("状态"), QStringLiteral("status")})),
          role(table.column({QStringLiteral("职务"), QStringLiteral("角色"), QStringLiteral("role")})),
          unitCode(table.column({QStringLiteral("单元编码"), QStringLiteral("编码"),
                                 QStringLiteral("unit_code"), QStringLiteral("code")})),
          unitName(table.column({QStringLiteral("单元名称"), QStringLiteral("单元"),
                                 QStringLiteral("unit_name"), QStringLiteral("unit")})),
          linked(table.column({QStringLiteral("联系户数"), QStringLiteral("linked_households")})),
          linkedNote(table.column({QStringLiteral("联系户"), QStringLiteral("linked_note")})),
          number(
              table.column({QStringLiteral("人员编号"), QStringLiteral("member_id"), QStringLiteral("编号")}))
    {
    }
};

std::optional<QString> normalisedGender(const QString& text)
{
    const QString lower = text.trimmed().toLower();
    if (lower.isEmpty())
        return QString();
    if (lower == QStringLiteral("男") || lower == QLatin1String("m") || lower == QLatin1String("male"))
        return QStringLiteral("男");
    if (lower == QStringLiteral("女") || lower == QLatin1String("f") || lower == QLatin1String("female"))
        return QStringLiteral("女");
    return std::nullopt;
}

const RoleDefinition* roleNamed(const LevelDefinition& level, const QString& text)
{
    for (const RoleDefinition& role : level.roles)
        if (role.key == text || role.name.zh == text || role.name.en.compare(text, Qt::CaseInsensitive) == 0)
            return &role;
    return nullptr;
}

} // namespace

ImportPlan RosterImport::plan(const ProjectData& data, const HierarchyIndex& index, const TableSource& table)
{
    ImportPlan plan;
    plan.source = table.path;
    plan.encoding = table.encoding;
    plan.rows = static_cast<int>(table.rows.size());
    if (table.rows.empty()) {
        plan.problems.push_back({0, Tr::tr("%1 holds no rows below its header").arg(table.path)});
        return plan;
    }
    const Columns columns(table);
    if (columns.name < 0)
        plan.problems.push_back({0, Tr::tr("The table has no 姓名 (name) column; its columns: %1")
                                        .arg(table.header.join(QStringLiteral(", ")))});
    if ((columns.role < 0) != (columns.unitCode < 0 && columns.unitName < 0))
        plan.problems.push_back(
            {0,
             Tr::tr("The table names roles without units or units without roles: it needs both 职务 (role) "
                    "and 单元编码 or 单元名称 (unit), or neither")});
    if (!plan.problems.empty())
        return plan;

    QHash<QString, std::vector<const Unit*>> unitsByName;
    for (const Unit& unit : data.units)
        unitsByName[unit.name].push_back(&unit);
    QHash<QString, MemberId> existingMembers; // name + phone
    for (const Member& member : data.members)
        if (!member.name.isEmpty() && !member.phone.isEmpty())
            existingMembers.insert(member.name + QLatin1Char('\n') + member.phone, member.id);
    QSet<QString> existingAssignments;
    const auto assignmentKey = [](MemberId member, UnitId unit, const QString& role) {
        return QStringLiteral("%1/%2/%3").arg(member).arg(unit).arg(role);
    };
    for (const Assignment& assignment : data.assignments)
        existingAssignments.insert(assignmentKey(assignment.memberId, assignment.unitId, assignment.role));
    MemberId nextMember = nextFreeId(data.members);
    qint64 nextAssignment = nextFreeId(data.assignments);

    QHash<QString, MemberId> memberOfKey;            // number or name + phone -> member
    QHash<MemberId, QPair<QString, int>> firstNamed; // a new member's name and the line naming them
    QHash<QString, int> lineOfAssignment;            // assignments made by this table
    int skipped = 0;
    for (const TableRow& row : table.rows) {
        const auto cell = [&](int column) {
            return column >= 0 ? row.cells.value(column).trimmed() : QString();
        };
        const auto refuse = [&](const QString& reason) { plan.problems.push_back({row.line, reason}); };
        Member member;
        member.name = cell(columns.name);
        member.phone = cell(columns.phone);
        member.status = cell(columns.status);
        if (member.name.isEmpty()) {
            refuse(Tr::tr("the name is empty"));
            continue;
        }
        if (!member.phone.isEmpty() && !isPhoneNumber(member.phone)) {
            refuse(Tr::tr("\"%1\" is not a phone number").arg(member.phone));
            continue;
        }
        const std::optional<QString> gender = normalisedGender(cell(columns.gender));
        if (!gender) {
            refuse(Tr::tr("the gender is 男 or 女, not \"%1\"").arg(cell(columns.gender)));
            continue;
        }
        member.gender = *gender;

        // the unit and the role
        const Unit* unit = nullptr;
        const RoleDefinition* role = nullptr;
        const QString code = cell(columns.unitCode);
        const QString unitName = cell(columns.unitName);
        const QString roleText = cell(columns.role);
        if (!code.isEmpty() || !unitName.isEmpty() || !roleText.isEmpty()) {
            if (!code.isEmpty()) {
                bool ambiguous = false; // our code, or the unit's code in another system
                unit = index.unitNamedBy(code, -1, &ambiguous);
                if (!unit) {
                    refuse(ambiguous
                               ? Tr::tr("several units have the external code %1: give our code").arg(code)
                               : Tr::tr("no unit has the code %1").arg(code));
                    continue;
                }
            } else if (!unitName.isEmpty()) {
                const std::vector<const Unit*>& named = unitsByName.value(unitName);
                if (named.size() != 1) {
                    refuse(named.empty() ? Tr::tr("no unit is named %1").arg(unitName)
                                         : Tr::tr("%1 units are named %2: give the unit code")
                                               .arg(named.size())
                                               .arg(unitName));
                    continue;
                }
                unit = named.front();
            } else {
                refuse(Tr::tr("the role %1 is given without a unit").arg(roleText));
                continue;
            }
            const LevelDefinition& level = data.hierarchy.level(unit->level);
            role = roleNamed(level, roleText);
            if (!role) {
                QStringList roles;
                for (const RoleDefinition& known : level.roles)
                    roles << known.name.text();
                refuse(roleText.isEmpty()
                           ? Tr::tr("no role is given for %1").arg(unit->name)
                           : Tr::tr("\"%1\" is not a role of a %2 (its roles: %3)")
                                 .arg(roleText, level.name.text(), roles.join(QStringLiteral(", "))));
                continue;
            }
        }
        const std::optional<qint64> linked = importedCount(cell(columns.linked));
        if (!linked) {
            refuse(Tr::tr("the linked households are not a whole number from 0 to %1: \"%2\"")
                       .arg(Counts::Max)
                       .arg(cell(columns.linked)));
            continue;
        }

        // the person: by number in this table, else by name and phone
        const QString number = cell(columns.number);
        const QString personKey = member.name + QLatin1Char('\n') + member.phone;
        const QString key = number.isEmpty() ? personKey : QStringLiteral("#") + number;
        MemberId memberId = memberOfKey.value(key, 0);
        if (memberId) {
            const auto earlier = firstNamed.constFind(memberId);
            if (earlier != firstNamed.constEnd() && earlier->first != member.name) {
                refuse(Tr::tr("number %1 is %2 on line %3, not %4")
                           .arg(number, earlier->first)
                           .arg(earlier->second)
                           .arg(member.name));
                continue;
            }
        } else if (!member.phone.isEmpty() && existingMembers.contains(personKey)) {
            memberId = existingMembers.value(personKey);
        } else {
            member.id = memberId = nextMember++;
            plan.changes.members.push_back({std::nullopt, member});
            firstNamed.insert(memberId, {member.name, row.line});
        }
        memberOfKey.insert(key, memberId);

        if (!unit)
            continue;
        const QString assignment = assignmentKey(memberId, unit->id, role->key);
        if (lineOfAssignment.contains(assignment)) {
            refuse(Tr::tr("%1 is already %2 of %3 on line %4")
                       .arg(member.name, role->name.text(), unit->name)
                       .arg(lineOfAssignment.value(assignment)));
            continue;
        }
        if (existingAssignments.contains(assignment)) {
            ++skipped;
            continue;
        }
        lineOfAssignment.insert(assignment, row.line);
        plan.changes.assignments.push_back(
            {std::nullopt,
             Assignment{nextAssignment++, memberId, unit->id, role->key, *linked, cell(columns.linkedNote)}});
    }
    if (skipped > 0)
        plan.notes.push_back(
            {0, Tr::tr("%n role(s) already held as the table says: left as they are", nullptr, skipped)});
    plan.description = Tr::tr("Import %1 people and %2 roles from %3")
                           .arg(plan.changes.members.size())
                           .arg(plan.changes.assignments.size())
                           .arg(QFileInfo(table.path).fileName());
    return plan;
}

} // namespace gridmodel
