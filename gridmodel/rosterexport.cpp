#include "rosterexport.h"

#include "error.h"
#include "hierarchyindex.h"
#include "translation.h"

#include <QHash>
#include <algorithm>

namespace gridmodel {

std::vector<QStringList> RosterExport::table(const ProjectData& data, const HierarchyIndex& index,
                                             bool withPersonal)
{
    std::vector<QStringList> rows;
    QStringList header{QStringLiteral("单元编码"), QStringLiteral("单元名称"), QStringLiteral("层级"),
                       QStringLiteral("职务"),     QStringLiteral("人员编号"), QStringLiteral("性别"),
                       QStringLiteral("身份"),     QStringLiteral("联系户数")};
    if (withPersonal)
        header << QStringLiteral("姓名") << QStringLiteral("电话");
    rows.push_back(header);
    QHash<MemberId, const Member*> members;
    for (const Member& member : data.members)
        members.insert(member.id, &member);
    std::vector<const Assignment*> assignments;
    for (const Assignment& assignment : data.assignments)
        if (index.unit(assignment.unitId))
            assignments.push_back(&assignment);
    std::stable_sort(assignments.begin(), assignments.end(),
                     [&index](const Assignment* a, const Assignment* b) {
                         return index.unit(a->unitId)->code < index.unit(b->unitId)->code;
                     });
    for (const Assignment* assignment : assignments) {
        const Unit* unit = index.unit(assignment->unitId);
        const LevelDefinition& level = data.hierarchy.level(unit->level);
        const RoleDefinition* role = level.role(assignment->role);
        const Member* member = members.value(assignment->memberId);
        QStringList row{unit->code,
                        unit->name,
                        level.name.text(QStringLiteral("zh")), // as the Chinese headers
                        role ? role->name.text(QStringLiteral("zh")) : assignment->role,
                        QString::number(assignment->memberId),
                        member ? member->gender : QString(),
                        member ? member->status : QString(),
                        QString::number(assignment->linkedHouseholds)};
        if (withPersonal)
            row << (member ? member->name : QString()) << (member ? member->phone : QString());
        rows.push_back(row);
    }
    return rows;
}

int RosterExport::write(const ProjectData& data, const HierarchyIndex& index, bool withPersonal,
                        const QString& format, const QString& path, TableWriter::Encoding encoding)
{
    if (format != QLatin1String("xlsx") && format != QLatin1String("csv"))
        throw Error(Error::Kind::InvalidInput, Tr::tr("The roster cannot be written as %1").arg(format));
    const std::vector<QStringList> rows = table(data, index, withPersonal);
    if (format == QLatin1String("xlsx"))
        TableWriter::writeXlsx({{QStringLiteral("roster"), rows}}, path);
    else
        TableWriter::writeCsv(rows, path, encoding);
    return static_cast<int>(rows.size()) - 1;
}

} // namespace gridmodel
