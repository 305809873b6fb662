#include "responsibilitysheet.h"

#include "error.h"
#include "hierarchyindex.h"
#include "personaldata.h"
#include "translation.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace gridmodel {

namespace {
//! pages go on the walls of Chinese offices: they are printed in Chinese whatever the UI speaks
const QString PrintLanguage = QStringLiteral("zh");
constexpr double FrameMargin = 1.05; //!< a little of the frame around the unit
} // namespace

std::optional<PaperSize> PaperSize::byKey(const QString& key)
{
    static const std::vector<PaperSize> sizes{{QStringLiteral("A4"), 210, 297},
                                              {QStringLiteral("A3"), 297, 420},
                                              {QStringLiteral("8K"), 260, 368},
                                              {QStringLiteral("A1"), 594, 841},
                                              {QStringLiteral("A0"), 841, 1189}};
    for (const PaperSize& size : sizes)
        if (size.key.compare(key, Qt::CaseInsensitive) == 0)
            return size;
    return std::nullopt;
}

QStringList PaperSize::keys()
{
    return {QStringLiteral("A4"), QStringLiteral("A3"), QStringLiteral("8K"), QStringLiteral("A1"),
            QStringLiteral("A0")};
}

ResponsibilitySheet ResponsibilitySheet::of(const ProjectData& data, const HierarchyIndex& index, UnitId id,
                                            const std::vector<Problem>& problems, bool showPhones)
{
    const Unit* unit = index.unit(id);
    if (!unit)
        throw Error(Error::Kind::InvalidInput, Tr::tr("No unit with id %1").arg(id));
    const HierarchyTemplate& hierarchy = data.hierarchy;
    const LevelDefinition& level = hierarchy.level(unit->level);
    ResponsibilitySheet sheet;
    sheet.unit = id;
    sheet.code = unit->code;
    sheet.levelName = level.name.text(PrintLanguage);
    if (unit->level + 1 < hierarchy.levelCount())
        sheet.childLevelName = hierarchy.level(unit->level + 1).name.text(PrintLanguage);

    QStringList names;
    for (const Unit* step = unit; step; step = step->parentId ? index.unit(step->parentId) : nullptr) {
        names.prepend(step->name);
        if (names.size() > hierarchy.levelCount())
            break; // a cycle: the checker reports it
    }
    sheet.title = names.join(QLatin1Char(' ')) + QStringLiteral(" 责任图");
    sheet.office = unit->organisation;
    if (sheet.office.isEmpty() && unit->parentId)
        if (const Unit* parent = index.unit(unit->parentId))
            sheet.office = parent->organisation;

    QSet<QString> heldRoles;
    for (const Assignment* assignment : index.assignments(id)) {
        const Member* member = index.member(assignment->memberId);
        const RoleDefinition* role = level.role(assignment->role);
        heldRoles.insert(assignment->role);
        sheet.roster.push_back(RosterRow{
            role ? role->name.text(PrintLanguage) : assignment->role, member ? member->name : QString(),
            member ? (showPhones ? member->phone : maskedPhone(member->phone)) : QString(),
            assignment->linkedHouseholds});
    }
    const auto roleOrder = [&level](const QString& roleName) {
        for (size_t i = 0; i < level.roles.size(); ++i)
            if (level.roles[i].name.text(PrintLanguage) == roleName)
                return static_cast<int>(i);
        return static_cast<int>(level.roles.size());
    };
    std::stable_sort(sheet.roster.begin(), sheet.roster.end(), [&](const RosterRow& a, const RosterRow& b) {
        const int ra = roleOrder(a.role), rb = roleOrder(b.role);
        return ra != rb ? ra < rb : a.name < b.name;
    });
    for (const RoleDefinition& role : level.roles)
        if (role.required && !heldRoles.contains(role.key))
            sheet.missingRoles << role.name.text(PrintLanguage);

    sheet.households = unit->households;
    sheet.residents = unit->residents;
    sheet.children = static_cast<qint64>(index.children(id).size());
    QSet<MemberId> people;
    for (const Unit* within : index.subtree(id))
        for (const Assignment* assignment : index.assignments(within->id))
            people.insert(assignment->memberId);
    sheet.members = people.size();

    for (const Problem& problem : problems) {
        const bool concerns = std::any_of(problem.units.begin(), problem.units.end(), [&](UnitId involved) {
            const Unit* other = index.unit(involved);
            return other && index.isWithin(*other, id);
        });
        if (concerns)
            sheet.problems << QStringLiteral("%1：%2").arg(Problem::kindText(problem.kind).zh,
                                                           problem.detail);
    }
    return sheet;
}

ResponsibilitySheet& ResponsibilitySheet::withChildTable(const ProjectData& data, const HierarchyIndex& index,
                                                         bool showPhones)
{
    childTable.clear();
    const Unit* self = index.unit(unit);
    if (!self || self->level + 1 >= data.hierarchy.levelCount())
        return *this;
    const LevelDefinition& childLevel = data.hierarchy.level(self->level + 1);
    const RoleDefinition* leading = nullptr;
    for (const RoleDefinition& role : childLevel.roles)
        if (role.required) {
            leading = &role;
            break;
        }
    std::vector<const Unit*> children = index.children(unit);
    std::sort(children.begin(), children.end(),
              [](const Unit* a, const Unit* b) { return a->code < b->code; });
    for (const Unit* child : children) {
        ChildRow row{child->code,
                     child->name,
                     child->households,
                     leading ? leading->name.text(PrintLanguage) : QString(),
                     {},
                     {}};
        QStringList names, phones;
        if (leading)
            for (const Assignment* assignment : index.assignments(child->id))
                if (assignment->role == leading->key)
                    if (const Member* member = index.member(assignment->memberId)) {
                        names << member->name;
                        phones << (showPhones ? member->phone : maskedPhone(member->phone));
                    }
        row.leader = names.join(QStringLiteral("、"));
        row.phone = phones.join(QStringLiteral("、"));
        childTable.push_back(row);
    }
    return *this;
}

ResponsibilitySheet::Orientation ResponsibilitySheet::orientationFor(const Envelope& extent)
{
    return extent.width() > extent.height() ? Orientation::Landscape : Orientation::Portrait;
}

const std::vector<int>& ResponsibilitySheet::standardScales()
{
    static const std::vector<int> scales{500,   1000,  2000,   2500,   5000,   10000,  20000,
                                         25000, 50000, 100000, 200000, 250000, 500000, 1000000};
    return scales;
}

int ResponsibilitySheet::scaleToFit(const Envelope& extent, double frameWidthMm, double frameHeightMm)
{
    if (extent.isEmpty() || frameWidthMm <= 0 || frameHeightMm <= 0)
        return standardScales().front();
    // metres on the ground per metre of paper, so that the unit and its margin fit both ways
    const double needed = std::max(extent.width() * FrameMargin / (frameWidthMm / 1000.0),
                                   extent.height() * FrameMargin / (frameHeightMm / 1000.0));
    for (int scale : standardScales())
        if (scale >= needed)
            return scale;
    return static_cast<int>(std::ceil(needed));
}

std::vector<UnitId> ResponsibilitySheet::unitsToPrint(const ProjectData& data, const HierarchyIndex& index,
                                                      int level, const QString& withinCode)
{
    const Unit* within = nullptr;
    if (!withinCode.isEmpty()) {
        within = index.unitByCode(withinCode);
        if (!within)
            throw Error(Error::Kind::InvalidInput, Tr::tr("No unit has the code \"%1\"").arg(withinCode));
    }
    std::vector<const Unit*> units;
    for (const Unit& unit : data.units)
        if (unit.level == level && (!within || index.isWithin(unit, within->id)))
            units.push_back(&unit);
    std::sort(units.begin(), units.end(), [](const Unit* a, const Unit* b) { return a->code < b->code; });
    std::vector<UnitId> ids;
    ids.reserve(units.size());
    for (const Unit* unit : units)
        ids.push_back(unit->id);
    return ids;
}

std::vector<std::pair<UnitId, std::vector<UnitId>>>
ResponsibilitySheet::byParent(const HierarchyIndex& index, const std::vector<UnitId>& units)
{
    std::vector<std::pair<UnitId, std::vector<UnitId>>> groups;
    for (UnitId id : units) {
        const Unit* unit = index.unit(id);
        const UnitId parent = unit ? unit->parentId : 0;
        auto group =
            std::find_if(groups.begin(), groups.end(), [parent](const auto& g) { return g.first == parent; });
        if (group == groups.end())
            groups.emplace_back(parent, std::vector<UnitId>{id});
        else
            group->second.push_back(id);
    }
    return groups;
}

} // namespace gridmodel
