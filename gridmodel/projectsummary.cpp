#include "projectsummary.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gridmodel {

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
        level.households += unit.households;
        level.residents += unit.residents;
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
    const auto tr = [](const char* text) { return QCoreApplication::translate("gridmodel", text); };
    QString text;
    text += tr("Project:   %1\n").arg(projectName);
    text += tr("Template:  %1 (%2)\n").arg(templateName, templateKey);
    text += tr("CRS:       EPSG:%1\n").arg(crsEpsg);
    text += tr("Level            Units   Households    Residents     Area km²\n");
    for (const LevelSummary& level : levels)
        text += QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(QStringLiteral("%1 %2").arg(level.key, level.name), -14)
                    .arg(level.units, 8)
                    .arg(level.households, 12)
                    .arg(level.residents, 12)
                    .arg(level.areaM2 / 1e6, 12, 'f', 3);
    text += tr("Totals: %1 households, %2 residents, %3 members in %4 assignments\n")
                .arg(households)
                .arg(residents)
                .arg(members)
                .arg(assignments);
    return text;
}

} // namespace gridmodel
