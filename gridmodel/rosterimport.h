#pragma once

#include "importplan.h"
#include "projectdata.h"

namespace gridmodel {

class HierarchyIndex;
class TableSource;

/**
 * Brings people and their roles in from a table, one row per person in a role (as
 * RosterExport writes it, or an office's own sheet). Columns are found by their headers,
 * in Chinese or English: 姓名 name, 电话 phone, 性别 gender, 身份 status, 职务 role, 单元编码
 * unit code, 单元名称 unit name, 联系户数 linked households, 联系户 which households, 人员编号
 * member number (rows with the same number are one person; without one, the same name and
 * phone are). A person already in the project with that name and phone is not added again.
 * The unit is found by code, or by a name only one unit has; the role must be one of the
 * unit's level (by key, Chinese or English name).
 */
class RosterImport
{
public:
    static ImportPlan plan(const ProjectData& data, const HierarchyIndex& index, const TableSource& table);
};

} // namespace gridmodel
