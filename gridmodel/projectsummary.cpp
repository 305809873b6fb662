#include "projectsummary.h"

#include "translation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace gridmodel {

namespace {

//! pads to a width in terminal columns: CJK characters take two
QString padToColumns(const QString& text, int columns)
{
    int width = 0;
    for (const QChar c : text)
        width += (c.unicode() >= 0x1100 &&
                  (c.unicode() <= 0x115f || (c.unicode() >= 0x2e80 && c.unicode() <= 0xa4cf) ||
                   (c.unicode() >= 0xac00 && c.unicode() <= 0xd7a3) ||
                   (c.unicode() >= 0xf900 && c.unicode() <= 0xfaff) ||
                   (c.unicode() >= 0xff00 && c.unicode() <= 0xff60)))
                     ? 2
                     : 1;
    return text + QString(std::max(0, columns - width), QLatin1Char(' '));
}

} // namespace

ProjectSummary ProjectSummary::of(const ProjectData& data)
{
    ProjectSummary summary;
    summary.projectName = data.name;
    summary.templateKey = data.hierarchy.key();
    summary.templateName = data.hierarchy.name().zh;
    summary.crsEpsg = data.crsEpsg;
    for (const LevelDefinition& level : data.hierarchy.levels())
        summary.levels.push_back(LevelSummary{level.key, level.name.zh});
    for (const Unit& unit : data.units) {
        LevelSummary& level = summary.levels[static_cast<size_t>(unit.level)];
        ++level.units;
        level.households = Counts::add(level.households, unit.households);
        level.residents = Counts::add(level.residents, unit.residents);
        level.areaM2 += unit.boundary.area();
    }
    if (!summary.levels.empty()) {
        summary.households = summary.levels.front().households;
        summary.residents = summary.levels.front().residents;
    }
    summary.members = static_cast<qint64>(data.members.size());
    summary.assignments = static_cast<qint64>(data.assignments.size());
    return summary;
}

QJsonObject ProjectSummary::toJson() const
{
    QJsonArray levelArray;
    for (const LevelSummary& level : levels)
        levelArray.append(QJsonObject{{QStringLiteral("key"), level.key},
                                      {QStringLiteral("name"), level.name},
                                      {QStringLiteral("units"), level.units},
                                      {QStringLiteral("households"), level.households},
                                      {QStringLiteral("residents"), level.residents},
                                      {QStringLiteral("area_m2"), level.areaM2}});
    return QJsonObject{{QStringLiteral("name"), projectName},
                       {QStringLiteral("template"), QJsonObject{{QStringLiteral("key"), templateKey},
                                                                {QStringLiteral("name"), templateName}}},
                       {QStringLiteral("crs"), QStringLiteral("EPSG:%1").arg(crsEpsg)},
                       {QStringLiteral("levels"), levelArray},
                       {QStringLiteral("totals"), QJsonObject{{QStringLiteral("households"), households},
                                                              {QStringLiteral("residents"), residents},
                                                              {QStringLiteral("members"), members},
                                                              {QStringLiteral("assignments"), assignments}}}};
}

QString ProjectSummary::toText() const
{
    QString text;
    text += Tr::tr("Project:   %1\n").arg(projectName);
    text += Tr::tr("Template:  %1 (%2)\n").arg(templateName, templateKey);
    text += Tr::tr("CRS:       EPSG:%1\n").arg(crsEpsg);
    text += padToColumns(Tr::tr("Level"), 24) + Tr::tr("   Units   Households    Residents     Area km²\n");
    for (const LevelSummary& level : levels)
        text += padToColumns(QStringLiteral("%1 %2").arg(level.key, level.name), 24) +
                QStringLiteral("%1 %2 %3 %4\n")
                    .arg(level.units, 8)
                    .arg(level.households, 12)
                    .arg(level.residents, 12)
                    .arg(level.areaM2 / 1e6, 12, 'f', 3);
    text += Tr::tr("Totals: %1 households, %2 residents, %3 members in %4 assignments\n")
                .arg(households)
                .arg(residents)
                .arg(members)
                .arg(assignments);
    return text;
}

} // namespace gridmodel
