#include "printrecord.h"

#include "hierarchyindex.h"
#include "outputfile.h"
#include "responsibilitysheet.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace gridmodel {

namespace {

//! what a unit's page shows, hashed: the sheet, the unit, its children and its neighbours
QByteArray fingerprint(const ProjectData& data, const HierarchyIndex& index, UnitId id,
                       const std::vector<Problem>& problems, bool showPhones)
{
    const ResponsibilitySheet sheet = ResponsibilitySheet::of(data, index, id, problems, showPhones);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const auto add = [&hash](const QString& text) {
        hash.addData(text.toUtf8());
        hash.addData("\x1f", 1);
    };
    add(sheet.title);
    add(sheet.office);
    for (const auto& row : sheet.roster) {
        add(row.role);
        add(row.name);
        add(row.phone);
        add(QString::number(row.linkedHouseholds));
    }
    add(sheet.missingRoles.join(QLatin1Char(',')));
    for (qint64 count : {sheet.households, sheet.residents, sheet.members, sheet.children})
        add(QString::number(count));
    add(sheet.problems.join(QLatin1Char('\n')));
    // What the map shows: the unit, its children, its neighbours (the parent's other children).
    const Unit* unit = index.unit(id);
    const auto addUnit = [&add](const Unit& shown) {
        add(shown.code);
        add(shown.name);
        add(QString::number(shown.households));
        add(shown.boundary.toWkt(2));
    };
    addUnit(*unit);
    for (const Unit* child : index.children(id))
        addUnit(*child);
    if (unit->parentId)
        for (const Unit* sibling : index.children(unit->parentId))
            if (sibling->id != id) {
                add(sibling->name);
                add(sibling->boundary.toWkt(2));
            }
    return hash.result().toHex();
}

} // namespace

QString PrintRecord::pathFor(const QString& output)
{
    const QFileInfo info(output);
    if (info.isDir())
        return QDir(output).filePath(QStringLiteral(".gridatlas-print.json"));
    return info.absoluteDir().filePath(QStringLiteral(".%1.gridatlas-print.json").arg(info.fileName()));
}

PrintRecord PrintRecord::load(const QString& path)
{
    PrintRecord record;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return record;
    const QJsonObject pages =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("pages")).toObject();
    for (auto it = pages.begin(); it != pages.end(); ++it)
        record.mPrinted.insert(it.key(), it.value().toString().toLatin1());
    return record;
}

void PrintRecord::save(const QString& path) const
{
    QJsonObject pages;
    for (auto it = mPrinted.begin(); it != mPrinted.end(); ++it)
        pages.insert(it.key(), QString::fromLatin1(it.value()));
    // written beside and renamed into place: the record is whole or as it was
    OutputFile::write(path, QJsonDocument(QJsonObject{{QStringLiteral("pages"), pages}}).toJson());
}

PrintRecord::Pages PrintRecord::fingerprints(const ProjectData& data, const HierarchyIndex& index,
                                             const std::vector<UnitId>& units,
                                             const std::vector<Problem>& problems, bool showPhones)
{
    Pages pages;
    for (UnitId id : units)
        if (const Unit* unit = index.unit(id))
            pages.insert(unit->code, fingerprint(data, index, id, problems, showPhones));
    return pages;
}

std::vector<UnitId> PrintRecord::changed(const HierarchyIndex& index, const std::vector<UnitId>& units,
                                         const Pages& now) const
{
    std::vector<UnitId> result;
    for (UnitId id : units) {
        const Unit* unit = index.unit(id);
        if (unit && mPrinted.value(unit->code) != now.value(unit->code))
            result.push_back(id);
    }
    return result;
}

void PrintRecord::remember(const HierarchyIndex& index, const std::vector<UnitId>& printed, const Pages& now)
{
    for (UnitId id : printed)
        if (const Unit* unit = index.unit(id); unit && now.contains(unit->code))
            mPrinted.insert(unit->code, now.value(unit->code));
}

} // namespace gridmodel
