#pragma once

#include "changeset.h"
#include "divide/divisionplanner.h"
#include "geometry.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

class ProjectFile;

/** How a split shares out the counts of a unit without children. */
struct SplitCounts
{
    enum class Rule
    {
        AreaShare, //!< households and residents in proportion to area
        Manual     //!< the numbers given, one per part
    };
    Rule rule = Rule::AreaShare;
    std::vector<qint64> households; //!< Manual: one per part, largest part first
    std::vector<qint64> residents;
};

/**
 * The boundary and structure edits of grid planning: add, reshape, split, merge, move
 * (and assign by painting) and recode. Each keeps the hierarchy whole: a unit stays inside
 * its parent and off its siblings, shared edges move for both sides, children, members and
 * counts follow, and codes follow the template's scheme. Each is one transaction and one
 * step of history; on bad input it throws Error(InvalidInput) naming the problem, and
 * nothing changes.
 */
class HierarchyEditor
{
public:
    explicit HierarchyEditor(ProjectFile& project);

    struct Result
    {
        ChangeSet changes;
        QStringList codes; //!< the units made or kept (the new unit, the parts of a split ...)
        QStringList notes; //!< what the planner should know: a child cut by a line, a gap left ...
    };

    /**
     * A new unit at `levelKey` inside `parentCode` (empty at the top level). The drawn
     * polygon is clipped to the parent and loses what its siblings already cover. With
     * `fill`, the new unit instead takes whole every uncovered part of the parent the
     * outline reaches, so a rough outline fills a gap exactly. `code` empty: the next free
     * code under the parent.
     */
    Result add(const QString& levelKey, const QString& parentCode, const QString& name,
               const MultiPolygon& drawn, const QString& code = QString(), bool fill = false);

    /**
     * The code of the unit one level up that holds a drawn outline, where a unit drawn on
     * the map without naming its parent belongs (empty at the top level). Throws
     * Error(InvalidInput) when no unit there holds it.
     */
    QString parentCodeFor(const QString& levelKey, const MultiPolygon& drawn) const;

    /**
     * The boundary add() would give a unit drawn so, without adding it: the live preview
     * while drawing. Throws Error(InvalidInput) as add() would.
     */
    MultiPolygon outlineForNewUnit(const QString& levelKey, const QString& parentCode,
                                   const MultiPolygon& drawn, bool fill = false) const;

    /**
     * A new boundary for a unit, clipped to its parent. Siblings lose what it gains, and
     * what it gives up goes to the sibling sharing most of its border, so shared edges move
     * for both; children are clipped and extended the same way, level by level.
     */
    Result reshape(const QString& code, const MultiPolygon& boundary);

    /**
     * Moves the corner at `from` on a unit's boundary to `to`; a point on an edge gains a
     * corner there first. The corner moves in every unit whose boundary passes through it,
     * at every level: the neighbour across the edge, the parent whose edge it lies on and
     * the parent's neighbour, the children sharing it. So no gap or overlap opens. Refused,
     * saying why, when a moved edge would cross itself (Error::place() marks where), overlap
     * a unit that does not share the corner, leave a unit's parent, or open a gap.
     */
    Result moveCorner(const QString& code, const Point& from, const Point& to);

    /**
     * Removes the corner at `at` from every unit that has it there, at every level. Where
     * that would open a gap or an overlap (a corner where three units meet), only this unit
     * loses it, as a reshape: the neighbour it borders takes what it gives up. Refused when a
     * ring would keep fewer than three corners.
     */
    Result removeCorner(const QString& code, const Point& at);

    /**
     * Cuts a unit along a line into two or more parts; the largest keeps the code, name and
     * members. Children follow by location: one the line crosses goes whole to the part
     * holding most of it, and the parts' boundaries follow the children. The counts of a
     * unit without children are split by `counts`.
     */
    Result split(const QString& code, const LineString& line, const SplitCounts& counts = SplitCounts());

    /**
     * Merges siblings into the first: its code stays (or becomes `newCode`), boundaries
     * are united (non-adjacent ones make a multipolygon), counts summed, children and
     * members re-parented; `name` empty keeps the first one's name.
     */
    Result merge(const QStringList& codes, const QString& name = QString(),
                 const QString& newCode = QString());

    /**
     * Gives units to another parent one level up, with everything below them: the parents'
     * boundaries follow as the union of their children (as far up as the two sides differ),
     * counts move, and the moved units take codes under their new parent.
     */
    Result assign(const QString& parentCode, const QStringList& childCodes);
    Result move(const QString& code, const QString& parentCode) { return assign(parentCode, {code}); }

    /**
     * Applies a proposed division (DivisionPlanner): the unit's children are made anew, each
     * the union of the grandchildren grouped into it (or, at the finest level, a strip of the
     * unit holding its share of the households by count). An old child is kept, with its code,
     * name and members, for the new unit holding most of it; the others go, their members
     * moving to the new unit holding most of their old one. New units take codes under the
     * unit, and the grandchildren codes under their new parents. Refused when the project no
     * longer matches the proposal.
     */
    Result divide(const DivisionProposal& proposal);

    //! gives a unit a new code that fits the scheme; the codes below it follow
    Result recode(const QString& code, const QString& newCode);

private:
    ProjectFile& mProject;
};

} // namespace gridmodel
