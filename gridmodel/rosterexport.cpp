#include "rosterexport.h"

#include "error.h"
#include "hierarchyindex.h"
#include "textencoding.h"
#include "translation.h"

#include <QFile>
#include <QHash>
#include <algorithm>
#include <gdal.h>
#include <ogr_api.h>

namespace gridmodel {

namespace {

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

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

void RosterExport::writeCsv(const std::vector<QStringList>& table, const QString& path, Encoding encoding)
{
    QString text;
    for (const QStringList& row : table) {
        QStringList fields;
        for (const QString& field : row)
            fields << csvField(field);
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    const QByteArray bytes =
        encoding == Encoding::Gbk ? TextEncoding::toGbk(text) : QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw Error(Error::Kind::Io, Tr::tr("Cannot write %1").arg(path));
}

void RosterExport::writeXlsx(const std::vector<QStringList>& table, const QString& path)
{
    if (table.empty())
        return;
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("XLSX");
    if (!driver)
        throw Error(Error::Kind::Io, Tr::tr("GDAL has no %1 driver").arg(QStringLiteral("XLSX")));
    QFile::remove(path);
    GDALDatasetH dataset =
        GDALCreate(driver, QFile::encodeName(path).constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!dataset)
        throw Error(Error::Kind::Io,
                    Tr::tr("Cannot write %1: %2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg())));
    OGRLayerH layer = GDALDatasetCreateLayer(dataset, "roster", nullptr, wkbNone, nullptr);
    // a column whose every value is a whole number is written as numbers
    const QStringList& header = table.front();
    std::vector<bool> numeric(static_cast<size_t>(header.size()), true);
    for (size_t row = 1; row < table.size(); ++row)
        for (int column = 0; column < header.size(); ++column) {
            bool ok = false;
            table[row].value(column).toLongLong(&ok);
            numeric[static_cast<size_t>(column)] = numeric[static_cast<size_t>(column)] && ok;
        }
    for (int column = 0; layer && column < header.size(); ++column) {
        OGRFieldDefnH field = OGR_Fld_Create(header.at(column).toUtf8().constData(),
                                             numeric[static_cast<size_t>(column)] ? OFTInteger64 : OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
    }
    bool written = layer != nullptr;
    for (size_t row = 1; written && row < table.size(); ++row) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (int column = 0; column < header.size(); ++column) {
            if (numeric[static_cast<size_t>(column)])
                OGR_F_SetFieldInteger64(feature, column, table[row].value(column).toLongLong());
            else
                OGR_F_SetFieldString(feature, column, table[row].value(column).toUtf8().constData());
        }
        written = OGR_L_CreateFeature(layer, feature) == OGRERR_NONE;
        OGR_F_Destroy(feature);
    }
    const QString reason = QString::fromUtf8(CPLGetLastErrorMsg());
    GDALClose(dataset);
    if (!written) {
        QFile::remove(path);
        throw Error(Error::Kind::Io, Tr::tr("Cannot write %1: %2").arg(path, reason));
    }
}

} // namespace gridmodel
