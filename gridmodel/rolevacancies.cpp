#include "rolevacancies.h"

#include <algorithm>

namespace gridmodel {

RoleVacancies::RoleVacancies(const ProjectData& data, const Unit& unit)
{
    for (const RoleDefinition& definition : data.hierarchy.level(unit.level).roles) {
        Role role;
        role.definition = &definition;
        for (const Assignment& assignment : data.assignments)
            if (assignment.unitId == unit.id && assignment.role == definition.key &&
                std::find(role.holders.begin(), role.holders.end(), assignment.memberId) ==
                    role.holders.end())
                role.holders.push_back(assignment.memberId);
        mRoles.push_back(std::move(role));
    }
    const auto rank = [](const Role& role) { return role.missing() ? 0 : role.full() ? 2 : 1; };
    std::stable_sort(mRoles.begin(), mRoles.end(),
                     [&](const Role& a, const Role& b) { return rank(a) < rank(b); });
}

const RoleVacancies::Role* RoleVacancies::role(const QString& key) const
{
    const auto found = std::find_if(mRoles.begin(), mRoles.end(),
                                    [&](const Role& role) { return role.definition->key == key; });
    return found == mRoles.end() ? nullptr : &*found;
}

} // namespace gridmodel
