#pragma once

#include "check/checker.h"
#include "check/checksubject.h"

#include <map>
#include <vector>

namespace gridmodel {

class HierarchyIndex;
struct ChangeSet;

/**
 * The checker's findings for a whole project, kept so that after an edit only what the edit
 * can have changed is checked again: the units it touched with their parents, children and
 * ancestors, and the families they belong to. The problems panel shows these; the findings
 * are always the same as those of a whole check.
 */
class CheckResults
{
public:
    //! how much of the project the last check looked at
    struct Reach
    {
        bool whole = true;
        size_t units = 0;    //!< units whose own findings were checked
        size_t families = 0; //!< families whose coverage was checked
    };

    //! checks the whole project
    static CheckResults of(const ProjectData& data, const HierarchyIndex& index);
    /**
     * Checks again what `changes`, already applied to `data` (and `index` built on what they
     * left), can have changed, and keeps every other finding as it was.
     */
    void update(const ProjectData& data, const HierarchyIndex& index, const ChangeSet& changes);

    //! the findings, in the order of what they are about
    std::vector<Problem> problems() const;
    const Reach& lastReach() const { return mReach; }

private:
    void replace(const CheckSubject& subject, OwnedProblems found);

    std::map<FindingOwner, std::vector<Problem>> mFindings;
    Reach mReach;
};

} // namespace gridmodel
