#pragma once

#include "geometry.h"
#include "projectdata.h"

#include <QString>
#include <optional>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/** One thing wrong in a project, with where it is. */
struct Problem
{
    enum class Kind
    {
        Gap,             //!< part of a parent covered by none of its children
        Overlap,         //!< two siblings share area
        OutsideParent,   //!< a child's area outside its parent
        InvalidGeometry, //!< self-intersection, bad ring ...
        EmptyGeometry,
        DuplicateCode,
        Orphan,          //!< the parent is missing or at the wrong level
        Cycle,           //!< a unit is its own ancestor
        CountMismatch,   //!< households/residents differ from the sum of the children
        CountOutOfRange, //!< a count below 0 or above Counts::Max (a damaged or foreign file)
        MissingRole,     //!< a required role is not filled
        RoleOverfilled,  //!< more people in a role than the template allows (two 网格长)
        OutOfBand,       //!< a count outside the template's target band
        Ratio,           //!< linked households break the template's ratio rule
        NotContiguous,   //!< a unit in pieces where the template wants one piece
    };

    Kind kind;
    int level = -1;            //!< the level the problem is about (children's level for coverage)
    std::vector<UnitId> units; //!< the units involved, the most specific first
    double areaM2 = 0;         //!< for gaps, overlaps and parts outside
    Point location;            //!< a point to zoom to
    MultiPolygon geometry;     //!< the problem area, when it has one
    QString detail;            //!< e.g. "80 households, target 30–50", in the display language
    QString detailZh;          //!< the same in Chinese, for reports, which go upward in Chinese
    /**
     * Data not entered yet rather than a fault: a count still 0 outside its band, a role
     * missing at a unit where nobody holds any role, a member's linked households not given.
     * A freshly imported district has thousands; the window sets them apart. While the
     * project says its counts are not entered yet (ProjectData::countsNotEnteredYet), every
     * finding about counts (bands, children adding up, linked households) is so.
     */
    bool notYetEntered = false;
    //! the planner's note when they accept the problem as it is (ProjectData::acceptedProblems)
    std::optional<QString> acceptedNote;

    /**
     * Whether `validate` fails on it: nobody accepted it, and it is not data the project says
     * is not entered yet (ProjectData::countsNotEnteredYet).
     */
    bool isOpenFault(const ProjectData& data) const
    {
        return !acceptedNote && !(data.countsNotEnteredYet && notYetEntered);
    }

    //! stable key used in JSON and reports: gap, overlap, outside_parent ...
    static QString kindKey(Kind kind);
    //! the kind with that key (empty for none)
    static std::optional<Kind> kindFromKey(const QString& key);
    //! the name a person reads, in both languages: 缺口 / Gap. Printed pages and reports take the Chinese.
    static LocalizedText kindText(Kind kind);
    //! the name in the display language, for the window
    static QString kindName(Kind kind);
    static std::vector<Kind> allKinds();
};

/**
 * Checks a project against its template: coverage (gaps, overlaps, children outside
 * their parent), geometry, codes, the hierarchy itself, counts, roles and ratios.
 * Coverage is first checked cheaply by matching the children's edges against each other
 * and against the parent's; exact geometry (GEOS) runs only around the edges that do not
 * match (Coverage::WhereEdgesDisagree), with the same findings as over the whole family.
 * Gaps and overlaps below the template's sliver tolerance are not problems.
 */
class Checker
{
public:
    struct Scope
    {
        int level = -1;    //!< only problems at this level (-1: all)
        UnitId within = 0; //!< only problems involving this unit or units below it (0: all)
    };

    /** How coverage is checked where the children's edges do not simply tile the parent. */
    enum class Coverage
    {
        //! exact geometry only around the edges children and parent disagree on (the default)
        WhereEdgesDisagree,
        //! exact geometry over the whole family: the reference the first is tested against
        WholeFamily,
    };

    explicit Checker(const ProjectData& data, Coverage coverage = Coverage::WhereEdgesDisagree);
    //! with the project's own index of `data` instead of building one (ProjectFile::index)
    Checker(const ProjectData& data, const HierarchyIndex& index,
            Coverage coverage = Coverage::WhereEdgesDisagree);
    std::vector<Problem> check(const Scope& scope) const;
    std::vector<Problem> check() const { return check(Scope{}); }

    /**
     * Whether children tile their parent exactly as drawn: every child edge is walked back
     * by a sibling or is an edge of the parent, and the areas add up. True for data edited
     * with shared boundaries; anything else needs the exact check.
     */
    static bool tilesExactly(const Unit& parent, const std::vector<const Unit*>& children, double tolerance);

private:
    const ProjectData& mData;
    const HierarchyIndex* mIndex = nullptr;
    Coverage mCoverage;
};

} // namespace gridmodel
