#pragma once

#include "projectdata.h"
#include "projectfile.h"
#include "reportpage.h"
#include "tablewriter.h"

#include <QDateTime>
#include <QFlags>
#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

/**
 * The change report (调整说明) planners hand in with a redrawing: what changed between two
 * states of a project (two files, or two points of one project's history). Units are matched
 * by id (the same project before and after), then by code, then by boundary (two files made
 * apart); what is left over is told apart by where it lies: a new unit mostly inside an old
 * one is a part split off it, an old unit mostly inside a new one was merged into it.
 *
 * For every level: the units added, removed, split, merged, moved to another parent,
 * reshaped (with the area gained and lost), recoded, renamed and recounted; the households
 * and residents that changed unit (the units that hold them, as the finest units tell);
 * the people whose units in a role changed. Always in Chinese, as reports go upward. People
 * are named only when asked (`withPersonal`); else by their roster number.
 */
class ChangeReport
{
public:
    enum class Change
    {
        Added = 1 << 0,
        Removed = 1 << 1,
        Split = 1 << 2,      //!< parts were cut off it (it may itself be gone)
        SplitPart = 1 << 3,  //!< new, cut off an old unit
        Merged = 1 << 4,     //!< other units were merged into it
        MergedAway = 1 << 5, //!< gone into another unit
        Moved = 1 << 6,      //!< now under another parent
        Reshaped = 1 << 7,
        Recoded = 1 << 8,
        Renamed = 1 << 9,
        Recounted = 1 << 10, //!< households or residents changed
    };
    Q_DECLARE_FLAGS(Changes, Change)

    //! a unit as one side has it
    struct UnitState
    {
        UnitId id = 0; //!< 0: the unit is not on this side (added, or removed)
        QString code;
        QString name;
        QString parentCode;
        double areaM2 = 0;
        qint64 households = 0;
        qint64 residents = 0;
    };

    //! one unit that changed: what it was, what it is
    struct UnitChange
    {
        int level = 0;
        Changes changes;
        UnitState before, after;
        double areaGainedM2 = 0, areaLostM2 = 0;
        QStringList splitInto;  //!< new codes of the parts cut off it
        QString splitFrom;      //!< old code of the unit it was cut off
        QStringList mergedFrom; //!< old codes of the units merged into it
        QString mergedInto;     //!< new code of the unit it went into

        //! its code after, or before when it is gone
        const QString& code() const { return after.id ? after.code : before.code; }
    };

    //! households and residents that left one unit of a level for another
    struct Transfer
    {
        int level = 0;
        QString fromCode, fromName; //!< as before
        QString toCode, toName;     //!< as after
        qint64 households = 0;
        qint64 residents = 0;
    };

    //! a person whose units (in a role) at a level are not what they were
    struct MemberMove
    {
        MemberId memberId = 0;
        QString name; //!< only with withPersonal
        int level = 0;
        QStringList before; //!< "0101 网格长", old codes
        QStringList after;
    };

    struct LevelTotals
    {
        int level = 0;
        QString key, name;
        qint64 unitsBefore = 0, unitsAfter = 0;
        qint64 householdsBefore = 0, householdsAfter = 0;
        qint64 residentsBefore = 0, residentsAfter = 0;
        qint64 added = 0, removed = 0, split = 0, merged = 0, moved = 0, reshaped = 0, recoded = 0,
               renamed = 0, recounted = 0;
        double areaGainedM2 = 0, areaLostM2 = 0;
        qint64 householdsTransferred = 0, residentsTransferred = 0;
        qint64 membersMoved = 0;
        qint64 changedUnits() const
        {
            return added + removed + split + merged + moved + reshaped + recoded + renamed + recounted;
        }
    };

    struct Options
    {
        QString oldLabel, newLabel; //!< how the two sides are named ("a.gpkg", "第12步之后")
        bool withPersonal = false;  //!< name the people who moved
        double areaToleranceM2 = 1; //!< boundaries differing by less are the same
    };

    QString projectName;
    QString oldLabel, newLabel;
    QDateTime created;
    std::vector<LevelTotals> levels; //!< every level of the new side's template
    std::vector<UnitChange> units;   //!< by level, then code
    std::vector<Transfer> transfers; //!< by level, then codes
    std::vector<MemberMove> memberMoves;
    //! a unit on the map of the changes, after them
    struct MapShape
    {
        MultiPolygon outline;
        Changes changes; //!< none for a neighbour shown for orientation
        QString label;   //!< the name of a changed unit
        Point labelAt;   //!< where the label goes (changed units only)
    };

    int mapLevel = -1;                //!< the level the map shows (-1: nothing changed)
    std::vector<MapShape> mapNew;     //!< that level's units after, around the changes
    std::vector<MultiPolygon> mapOld; //!< the changed units' boundaries before (where they differ)
    Envelope extent;

    /**
     * Throws Error(InvalidInput) when the two sides have different levels (another hierarchy
     * template) or coordinate systems, as they cannot be compared then.
     */
    static ChangeReport between(const ProjectData& before, const ProjectData& after, const Options& options);

    //! how a report names the project as a step of its history left it: "第12步之后（2026-12-01 20:10
    //! 拆分…）"
    static QString stepLabel(const HistoryEntry& entry);

    bool isEmpty() const { return units.empty() && transfers.empty() && memberMoves.empty(); }
    //! the Chinese words for a unit's changes, most telling first ("拆分、边界调整")
    static QString changesText(Changes changes);

    //! the sheets of the XLSX: 概况, 单元变化, 户数转移, 人员变动
    std::vector<Sheet> sheets() const;
    //! where the changes are: the map level's units after, the changed ones coloured by change
    std::vector<SvgChart> charts() const;
    //! one page: summary, map, the tables; charts as images at `chartUrls` when given (for PDF)
    QString toHtml(const QStringList& chartUrls = QStringList(), int chartWidth = 640) const;
    //! "金水区 调整说明": the page's and the PDF's title
    QString title() const;
    /**
     * Writes the report as `format`: xlsx (its sheets) or html (one page). PDF is laid out by
     * mapcore::ReportPdf. Throws Error (InvalidInput for another format, Io when it cannot be
     * written).
     */
    void write(const QString& format, const QString& path) const;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ChangeReport::Changes)

} // namespace gridmodel
