#pragma once

#include "check/checker.h"

#include <QSet>
#include <tuple>
#include <utility>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/**
 * What a finding is about, so that checking one part again replaces exactly the findings
 * that part gave: a unit's own (geometry, place in the hierarchy, counts, roles), a family's
 * coverage (the children of a unit; the top level is the family of 0), or the project's codes.
 */
struct FindingOwner
{
    enum class Kind
    {
        Codes,
        Unit,
        Family,
    };
    Kind kind = Kind::Codes;
    UnitId id = 0;

    static FindingOwner codes() { return {Kind::Codes, 0}; }
    static FindingOwner of(const Unit& unit) { return {Kind::Unit, unit.id}; }
    static FindingOwner familyOf(UnitId parent) { return {Kind::Family, parent}; }

    bool operator<(const FindingOwner& other) const
    {
        return std::tie(kind, id) < std::tie(other.kind, other.id);
    }
    bool operator==(const FindingOwner& other) const { return kind == other.kind && id == other.id; }
};

/** The part of a project one check looks at: all of it, or what an edit can have changed. */
struct CheckSubject
{
    bool everything = true;
    QSet<UnitId> units;    //!< whose own findings are checked
    QSet<UnitId> families; //!< whose coverage is checked (0: the top level)
    bool codes = false;    //!< whether codes are checked for duplicates
};

using OwnedProblems = std::vector<std::pair<FindingOwner, Problem>>;

//! checks the subject of a project over its whole scope; each finding with what it is about
OwnedProblems checkProject(const ProjectData& data, const HierarchyIndex& index, const CheckSubject& subject,
                           Checker::Coverage coverage = Checker::Coverage::WhereEdgesDisagree);

} // namespace gridmodel
