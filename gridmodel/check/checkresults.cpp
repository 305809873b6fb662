#include "check/checkresults.h"

#include "changeset.h"
#include "hierarchyindex.h"

namespace gridmodel {

namespace {

/**
 * What an edit can have changed: each unit it touched, as it was and as it is, with the
 * findings that depend on it. Its parent adds up its counts and has it in its family; its
 * children may have lost their parent; its ancestors may now close, or no longer close, a cycle
 * through it; its own family and its parent's cover the boundary it had and has.
 */
CheckSubject subjectOf(const ProjectData& data, const HierarchyIndex& index, const ChangeSet& changes)
{
    CheckSubject subject;
    subject.everything = false;
    const int levels = data.hierarchy.levelCount();
    const auto touch = [&](const Unit& row) {
        subject.units.insert(row.id);
        subject.families.insert(row.id);
        subject.families.insert(row.parentId);
        for (const Unit* child : index.children(row.id))
            subject.units.insert(child->id);
        const Unit* above = index.unit(row.parentId);
        for (int step = 0; above && step <= levels; ++step, above = index.unit(above->parentId))
            subject.units.insert(above->id);
    };
    for (const auto& change : changes.units) {
        if (change.before)
            touch(*change.before);
        if (change.after)
            touch(*change.after);
        if (!change.before || !change.after || change.before->code != change.after->code)
            subject.codes = true;
    }
    for (const auto& change : changes.assignments) {
        if (change.before)
            subject.units.insert(change.before->unitId);
        if (change.after)
            subject.units.insert(change.after->unitId);
    }
    return subject;
}

} // namespace

CheckResults CheckResults::of(const ProjectData& data, const HierarchyIndex& index)
{
    CheckResults results;
    const CheckSubject everything;
    results.replace(everything, checkProject(data, index, everything));
    size_t families = 1; // the top level
    for (const Unit& unit : data.units)
        families += index.children(unit.id).empty() ? 0 : 1;
    results.mReach = {true, data.units.size(), families};
    return results;
}

void CheckResults::update(const ProjectData& data, const HierarchyIndex& index, const ChangeSet& changes)
{
    const CheckSubject subject = subjectOf(data, index, changes);
    replace(subject, checkProject(data, index, subject));
    mReach = {false, static_cast<size_t>(subject.units.size()), static_cast<size_t>(subject.families.size())};
}

void CheckResults::replace(const CheckSubject& subject, OwnedProblems found)
{
    if (subject.everything) {
        mFindings.clear();
    } else {
        if (subject.codes)
            mFindings.erase(FindingOwner::codes());
        for (UnitId id : subject.units)
            mFindings.erase({FindingOwner::Kind::Unit, id});
        for (UnitId id : subject.families)
            mFindings.erase(FindingOwner::familyOf(id));
    }
    for (auto& [owner, problem] : found)
        mFindings[owner].push_back(std::move(problem));
}

std::vector<Problem> CheckResults::problems() const
{
    std::vector<Problem> problems;
    for (const auto& [owner, found] : mFindings)
        problems.insert(problems.end(), found.begin(), found.end());
    return problems;
}

} // namespace gridmodel
