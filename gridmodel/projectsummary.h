#pragma once

#include "projectdata.h"

#include <QJsonObject>

namespace gridmodel {

/** What `gridatlas-cli info` prints: the template, units per level and totals. */
struct ProjectSummary
{
    struct LevelSummary
    {
        QString key;
        QString name;
        qint64 units = 0;
        qint64 households = 0;
        qint64 residents = 0;
        double areaM2 = 0;
    };

    QString projectName;
    QString templateKey;
    QString templateName;
    int crsEpsg = 0;
    std::vector<LevelSummary> levels;
    qint64 households = 0; //!< of the top level: the district's total
    qint64 residents = 0;
    qint64 members = 0;
    qint64 assignments = 0;

    static ProjectSummary of(const ProjectData& data);
    QJsonObject toJson() const;
    QString toText() const;
};

} // namespace gridmodel
