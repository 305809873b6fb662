#pragma once

#include "envelopegrid.h"
#include "projectdata.h"

#include <QHash>
#include <QMultiHash>
#include <QStringList>
#include <vector>

namespace gridmodel {

/**
 * Looks units up by id, code and parent, their assignments by unit, and people by id. A view on
 * ProjectData: rebuild it after changes (reindexAssignments() when only people and assignments
 * changed).
 */
class HierarchyIndex
{
public:
    explicit HierarchyIndex(const ProjectData& data);

    const Unit* unit(UnitId id) const;
    //! the first unit with the code (codes should be unique; the checker says when not)
    const Unit* unitByCode(const QString& code) const;
    //! the units whose code in another system this is, at one level (or at all levels: -1)
    std::vector<const Unit*> unitsByExternalCode(const QString& externalCode, int level = -1) const;
    /**
     * The unit a code from outside names: the unit with this code, else the one unit (of the
     * level, when one is given) whose external code it is. Sets `ambiguous` when several
     * hold it as their external code, and returns nullptr then.
     */
    const Unit* unitNamedBy(const QString& code, int level = -1, bool* ambiguous = nullptr) const;
    //! children in file order (by level, then id); the top level is the children of 0
    const std::vector<const Unit*>& children(UnitId parent) const;
    //! the people assigned to the unit, in file order (by id)
    const std::vector<const Assignment*>& assignments(UnitId unit) const;
    //! the person with the id; nullptr for none
    const Member* member(MemberId id) const;
    //! the unit itself and everything below it
    std::vector<const Unit*> subtree(UnitId root) const;
    /**
     * The unit of a level whose boundary contains the point: looked for down the hierarchy
     * (the children of the unit holding it, level by level), then among all units of the level
     * for one outside its parent. Where several hold it, the first one found.
     */
    const Unit* unitAt(int level, const Point& point) const;
    /**
     * The ids of the units whose envelope meets `envelope` (touching counts), ascending. The
     * buckets it looks in are made on the first question, a grid per level.
     */
    std::vector<UnitId> unitsMeeting(const Envelope& envelope) const;
    //! the lowest id above every unit's: where new units start
    UnitId nextFreeUnitId() const { return mNextFreeId; }
    //! codes held by more than one unit, in file order
    const QStringList& duplicateCodes() const { return mDuplicateCodes; }
    //! after people and assignments alone changed: their lookup again, the units' as they are
    void reindexAssignments();

    /** What a unit the index looks up by was before it changed in place. */
    struct Before
    {
        const Unit* unit; //!< changed in place: the same row of the data, no unit added or removed
        UnitId parentId;
        QString code, externalCode;
        bool boundaryChanged = false;
    };
    /**
     * After units changed in place (a move, a recode, a new boundary): follows their new
     * parents, codes, external codes and envelopes, each in time proportional to its family, not the project.
     * False (the index is then unusable: build it again) where codes held twice are involved.
     */
    bool followChangesInPlace(const std::vector<Before>& changed);
    /**
     * After a unit was added to the data (without moving the others in memory): files it
     * under its id, code, parent and place. False (build it again) when its code is held.
     */
    bool followAdded(const Unit* unit);
    /**
     * Before a unit leaves the data: forgets it. False (build it again) when its code is
     * held twice.
     */
    bool followRemoved(const Unit* unit);
    //! after a unit moved in memory from `from` to `to`, unchanged: looks it up there
    void followMoved(const Unit* from, const Unit* to);
    //! the same for assignments: one added (others unmoved), about to go, moved, changed in place
    void followAssignmentAdded(const Assignment* assignment);
    void followAssignmentRemoved(const Assignment* assignment);
    void followAssignmentMoved(const Assignment* from, const Assignment* to);
    void followAssignmentChanged(const Assignment* assignment, UnitId unitBefore);
    //! whether `unit` is `ancestor` or lies below it (stops on a cycle)
    bool isWithin(const Unit& unit, UnitId ancestor) const;

private:
    //! files `unit` among its parent's children, in file order
    void fileChild(const Unit* unit);
    void unfileChild(const Unit* unit, UnitId parentId);

    QHash<UnitId, const Unit*> mById;
    QHash<QString, const Unit*> mByCode;
    QMultiHash<QString, const Unit*> mByExternalCode;
    QHash<UnitId, std::vector<const Unit*>> mChildren;
    QHash<UnitId, std::vector<const Assignment*>> mAssignments;
    QHash<MemberId, const Member*> mMembers;
    std::vector<const Unit*> mNone;
    std::vector<const Assignment*> mNoAssignments;
    QStringList mDuplicateCodes;
    UnitId mNextFreeId = 1;
    mutable std::vector<EnvelopeGrid> mPlaces; //!< by level; empty until asked
    const ProjectData& mData;
};

} // namespace gridmodel
