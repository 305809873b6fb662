#pragma once

#include "changeset.h"
#include "hierarchyindex.h"
#include "projectdata.h"

#include <QSet>
#include <unordered_map>
#include <vector>

namespace gridmodel {

/**
 * The units an edit is changing, copied on first write, over the unchanged project. An
 * operation works on the draft and turns it into one ChangeSet at the end, so it either
 * applies whole or not at all.
 */
class EditDraft
{
public:
    EditDraft(const ProjectData& data, const HierarchyIndex& index);

    //! the unit as the edit has it so far (throws nothing: the id must exist)
    const Unit& unit(UnitId id) const;
    bool exists(UnitId id) const;
    //! the unit, copied into the draft for changing
    Unit& modify(UnitId id);
    //! a new unit with a fresh id; returns it
    Unit& create(Unit unit);
    void remove(UnitId id);

    //! moves, drops or re-points assignments; `after` empty deletes
    void changeAssignment(const Assignment& before, const std::optional<Assignment>& after);

    /**
     * Nodes the boundaries of `ids` with every unit around the parts of them that changed
     * (see TopologyNoder), so shared edges stay shared vertex for vertex; neighbours that
     * gain a vertex join the draft.
     */
    void nodeBoundaries(const std::vector<UnitId>& ids);

    //! the rows that differ from the project, before and after
    ChangeSet changes() const;

    const ProjectData& data() const { return mData; }
    const HierarchyIndex& index() const { return mIndex; }

private:
    const ProjectData& mData;
    const HierarchyIndex& mIndex;
    std::unordered_map<UnitId, Unit> mChanged; //!< references stay valid as it grows
    QSet<UnitId> mRemoved;
    std::vector<UnitId> mOrder; //!< changed ids in the order first touched
    std::vector<ChangeSet::Change<Assignment>> mAssignments;
    UnitId mNextId = 1;
};

} // namespace gridmodel
