#pragma once

#include "projectdata.h"

#include <vector>

namespace gridmodel {

/**
 * The roles of one unit as they stand: who holds each, which required ones nobody holds,
 * which are full (the template's maximum reached). The assign dialog offers them in this
 * order, and ProjectEditor refuses a role that is full, so both follow one rule.
 */
class RoleVacancies
{
public:
    struct Role
    {
        const RoleDefinition* definition = nullptr;
        std::vector<MemberId> holders; //!< each member once, in the order assigned

        //! required and held by nobody
        bool missing() const { return definition->required && holders.empty(); }
        //! the template's maximum is reached: nobody more may hold it here
        bool full() const { return definition->isFullWith(static_cast<qsizetype>(holders.size())); }
        //! more hold it than the template allows (an old file, an import)
        bool overfilled() const { return definition->isOverfilledBy(static_cast<qsizetype>(holders.size())); }
    };

    RoleVacancies(const ProjectData& data, const Unit& unit);

    /**
     * The level's roles in the order to offer them: required ones nobody holds first, then
     * those with room, then the full ones; the template's order within each.
     */
    const std::vector<Role>& inOfferOrder() const { return mRoles; }
    //! the role with that key (nullptr when the level has none)
    const Role* role(const QString& key) const;

private:
    std::vector<Role> mRoles;
};

} // namespace gridmodel
