#pragma once

#include "hierarchyindex.h"
#include "projectdata.h"

#include <QString>

namespace gridmodel {

/**
 * What a planner weighs while redrawing: a unit's households and residents against the
 * template's band, and how many people serve in it and below it. Shown live while
 * painting children into parents, as redistricting tools show population per district.
 */
struct UnitTally
{
    qint64 households = 0;
    qint64 residents = 0;
    int children = 0;
    int members = 0; //!< distinct people holding a role in the unit or below it
    bool householdsInBand = true;
    bool residentsInBand = true;

    static UnitTally of(const ProjectData& data, const HierarchyIndex& index, UnitId unit);
    //! e.g. "第3网格：465 户（目标 300–800），1,233 人，6 个下级，5 名人员"
    QString describe(const ProjectData& data, const Unit& unit) const;
};

} // namespace gridmodel
