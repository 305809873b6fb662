#pragma once

#include "../geometry.h"
#include "../hierarchytemplate.h"
#include "../projectdata.h"
#include "divisiongraph.h"

#include <QStringList>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/** What a planner asks for: the unit to divide anew, and how. */
struct DivisionRequest
{
    QString unitCode; //!< the unit whose children are made anew (a community: its grids)
    /**
     * Households per new unit; unset: the band the template gives the children's level. Either
     * end may be open: the number of units then follows from the other end.
     */
    TargetBand band;
    int parts = 0; //!< instead of a band: this many new units, as even as the children allow
    std::vector<LineString> barriers; //!< roads, rivers, railways a new unit should not cross
    quint64 seed = 1;
    /**
     * Groups of grandchildren (by unit id) kept together as they are: the planner's locked
     * units. The rest are divided around them.
     */
    std::vector<std::vector<UnitId>> locked;
};

/** A proposed division: new units for the children's level, as a draft. */
struct DivisionProposal
{
    struct Part
    {
        //! the grandchildren it groups (atoms), in file order; empty when it splits households
        std::vector<UnitId> members;
        qint64 households = 0;
        qint64 residents = 0;
        double area = 0;
        double polsbyPopper = 0;  //!< 4πA/P² of the group's outline
        int barrierCrossings = 0; //!< borders inside the group that a barrier runs between
        int pieces = 1;           //!< 1 when contiguous
        bool withinBand = true;
        bool locked = false;
        //! households split by count (the finest level): the part's strip of the unit
        MultiPolygon boundary;
    };

    QString unitCode;
    int level = -1; //!< the level of the new units (the unit's children)
    TargetBand band;
    bool byHouseholdCount = false; //!< the unit's households split among new units of the finest level
    std::vector<Part> parts;
    bool byArea = false; //!< no households entered: parts are balanced by area
    /**
     * What the children make impossible, in the display language: a child with more households
     * than the band's top, households no whole number of units fits.
     */
    QStringList limits;
    //! the limits, then each proposed unit's shortfalls: out of band, across a barrier, in pieces
    QStringList unmet;

    double meanPolsbyPopper() const;
    int partsWithinBand() const;
    int barrierCrossings() const;
};

/**
 * Proposes how to divide a unit's children anew (自动划格). Its grandchildren stay whole and
 * are grouped into contiguous, compact new units within a households band (a community's
 * building groups into grids of 300–500 households), away from barriers: METIS (k-way, with
 * contiguous parts, borders weighted by length and nearly free to cut where a barrier runs)
 * makes the first grouping, then moves of single atoms across borders bring parts into the
 * band, take barriers out of parts and make them more compact, as redistricting tools refine.
 * A unit of the finest level's parent without grandchildren (a building into 党员责任区)
 * has its households split by count into strips of its area. Deterministic for a seed.
 * Nothing changes: HierarchyEditor::divide() applies a proposal.
 */
class DivisionPlanner
{
public:
    DivisionPlanner(const ProjectData& data, const HierarchyIndex& index);

    /**
     * Whether a unit at `level` is divided by splitting its households by count (its children are
     * the finest level, with nothing below to group) rather than by grouping its grandchildren.
     */
    static bool splitsByCount(const HierarchyTemplate& hierarchy, int level)
    {
        return level + 1 == hierarchy.levelCount() - 1;
    }

    //! throws Error(InvalidInput) naming the problem (no such unit, no level below, a bad band)
    DivisionProposal propose(const DivisionRequest& request) const;

    /**
     * The graph of the children a proposal groups, with the barriers: what moved() counts with.
     * It points into the project's units, so it lasts only until the next edit.
     */
    DivisionGraph graphOf(const DivisionProposal& proposal, const std::vector<LineString>& barriers) const;

    /**
     * The proposal after the planner moved a grandchild to proposed unit `toPart` (painting it
     * there): tallies, compactness, crossings and shortfalls counted again over `graph`
     * (graphOf(proposal)). Throws Error(InvalidInput) for a child not in it, a locked unit, or a
     * unit the move would empty.
     */
    DivisionProposal moved(const DivisionProposal& proposal, UnitId child, int toPart,
                           const DivisionGraph& graph) const;

    //! proposed unit `part`'s outline: the union of its grandchildren (or its strip), as applying would make
    //! it
    MultiPolygon outlineOf(const DivisionProposal& proposal, size_t part) const;

private:
    //! the finest level: the unit's households split by count into strips of its area
    void splitByCount(const Unit& unit, const DivisionRequest& request, DivisionProposal& proposal) const;
    //! the unit's grandchildren grouped (locked groups kept, the rest by METIS, then refined)
    void groupChildren(const Unit& unit, const std::vector<const Unit*>& children,
                       const DivisionRequest& request, DivisionProposal& proposal) const;
    //! each part's sums and the shortfalls, from its members
    void recount(DivisionProposal& proposal, const DivisionGraph& graph) const;
    //! unmet: the limits, then each part's shortfalls
    void describeShortfalls(DivisionProposal& proposal) const;

    const ProjectData& mData;
    const HierarchyIndex& mIndex;
};

} // namespace gridmodel
