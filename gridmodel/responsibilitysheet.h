#pragma once

#include "check/checker.h"
#include "geometry.h"
#include "projectdata.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/** The printed sheets of paper GridAtlas knows, in millimetres, portrait. */
struct PaperSize
{
    QString key; //!< A4, A3, 8K (正8开), A1, A0
    double widthMm = 0;
    double heightMm = 0;

    static std::optional<PaperSize> byKey(const QString& key);
    static QStringList keys();
};

/**
 * What a unit's responsibility map (网格责任图) says, decided here so every way of
 * printing says the same, in Chinese (the template's zh names) whatever the UI speaks: the title from the
 * names above it, the office, the roster (phones masked unless asked), the counts and the checker's open
 * problems; and how the page is laid out: orientation by the unit's shape, a scale from the standard series.
 */
struct ResponsibilitySheet
{
    struct RosterRow
    {
        QString role;
        QString name;
        QString phone; //!< masked (138****5678) unless phones are shown
        qint64 linkedHouseholds = 0;
    };

    //! a line of a wall map's table: a unit below and who leads it
    struct ChildRow
    {
        QString code;
        QString name;
        qint64 households = 0;
        QString leaderRole; //!< the first required role of the level below (e.g. 网格长)
        QString leader;     //!< who holds it (names joined; empty when nobody)
        QString phone;      //!< masked unless phones are shown
    };

    UnitId unit = 0;
    QString code;
    QString title;  //!< "文化路街道 锦绣社区 第1网格 责任图"
    QString office; //!< the unit's organisation, else its parent's
    QString levelName;
    QString childLevelName;        //!< empty at the lowest level
    std::vector<RosterRow> roster; //!< by the template's role order, then name
    QStringList missingRoles;      //!< required roles nobody holds
    qint64 households = 0;
    qint64 residents = 0;
    qint64 members = 0;               //!< people assigned to the unit or below it
    qint64 children = 0;              //!< units directly below
    QStringList problems;             //!< the checker's, about the unit or below it, one line each
    std::vector<ChildRow> childTable; //!< for a wall map only (see withChildTable())

    //! adds the table of the units below with their leaders, in code order (for wall maps)
    ResponsibilitySheet& withChildTable(const ProjectData& data, const HierarchyIndex& index,
                                        bool showPhones);

    static ResponsibilitySheet of(const ProjectData& data, const HierarchyIndex& index, UnitId unit,
                                  const std::vector<Problem>& problems, bool showPhones);

    enum class Orientation
    {
        Portrait,
        Landscape
    };
    //! landscape for a unit wider than it is tall
    static Orientation orientationFor(const Envelope& extent);
    //! the standard scales, largest first: 1:500, 1:1,000, 1:2,000, 1:2,500, 1:5,000 ...
    static const std::vector<int>& standardScales();
    /**
     * The largest standard scale (the smallest denominator) at which `extent` (metres) fits a
     * map frame of the given size (millimetres) with a margin around it.
     */
    static int scaleToFit(const Envelope& extent, double frameWidthMm, double frameHeightMm);
    /**
     * The units to print: those of `level` inside the unit `withinCode` (all when empty), in
     * code order. Throws Error(InvalidInput) naming an unknown code.
     */
    static std::vector<UnitId> unitsToPrint(const ProjectData& data, const HierarchyIndex& index, int level,
                                            const QString& withinCode);
    //! units grouped by their parent (a file per community, say), in the order given
    static std::vector<std::pair<UnitId, std::vector<UnitId>>> byParent(const HierarchyIndex& index,
                                                                        const std::vector<UnitId>& units);
};

} // namespace gridmodel
