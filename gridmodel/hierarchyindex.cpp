#include "hierarchyindex.h"

#include <algorithm>
#include <functional>

namespace gridmodel {

namespace {

//! the order the file holds units in: level by level, by id
bool inFileOrder(const Unit* a, const Unit* b)
{
    return a->level != b->level ? a->level < b->level : a->id < b->id;
}

bool byId(const Assignment* a, const Assignment* b)
{
    return a->id < b->id;
}

} // namespace

HierarchyIndex::HierarchyIndex(const ProjectData& data) : mData(data)
{
    mById.reserve(static_cast<qsizetype>(data.units.size()));
    mByCode.reserve(static_cast<qsizetype>(data.units.size()));
    for (const Unit& unit : data.units) {
        mById.insert(unit.id, &unit);
        mNextFreeId = std::max(mNextFreeId, unit.id + 1);
        auto found = mByCode.find(unit.code);
        if (found == mByCode.end())
            mByCode.insert(unit.code, &unit);
        else if (!mDuplicateCodes.contains(unit.code))
            mDuplicateCodes << unit.code;
        mChildren[unit.parentId].push_back(&unit);
        if (!unit.externalCode.isEmpty())
            mByExternalCode.insert(unit.externalCode, &unit);
    }
    // Read from the file, the units lie in file order; after edits they may not.
    for (std::vector<const Unit*>& children : mChildren)
        if (!std::is_sorted(children.begin(), children.end(), inFileOrder))
            std::sort(children.begin(), children.end(), inFileOrder);
    reindexAssignments();
}

void HierarchyIndex::reindexAssignments()
{
    mAssignments.clear();
    for (const Assignment& assignment : mData.assignments)
        mAssignments[assignment.unitId].push_back(&assignment);
    for (std::vector<const Assignment*>& assignments : mAssignments)
        if (!std::is_sorted(assignments.begin(), assignments.end(), byId))
            std::sort(assignments.begin(), assignments.end(), byId);
    mMembers.clear();
    mMembers.reserve(static_cast<qsizetype>(mData.members.size()));
    for (const Member& member : mData.members)
        mMembers.insert(member.id, &member);
}

bool HierarchyIndex::followChangesInPlace(const std::vector<Before>& changed)
{
    for (const Before& before : changed) {
        const Unit* unit = before.unit;
        if (before.code != unit->code) {
            if (mDuplicateCodes.contains(before.code) || mByCode.value(before.code) != unit ||
                mByCode.contains(unit->code))
                return false; // who holds a code twice is the rebuild's to say
            mByCode.remove(before.code);
            mByCode.insert(unit->code, unit);
        }
        if (before.externalCode != unit->externalCode) {
            if (!before.externalCode.isEmpty())
                mByExternalCode.remove(before.externalCode, unit);
            if (!unit->externalCode.isEmpty())
                mByExternalCode.insert(unit->externalCode, unit);
        }
        if (before.boundaryChanged && !mPlaces.empty())
            mPlaces[size_t(unit->level)].insert(unit->id, unit->boundary.envelope());
        if (before.parentId != unit->parentId) {
            unfileChild(unit, before.parentId);
            fileChild(unit);
        }
    }
    return true;
}

void HierarchyIndex::fileChild(const Unit* unit)
{
    std::vector<const Unit*>& siblings = mChildren[unit->parentId];
    siblings.insert(std::lower_bound(siblings.begin(), siblings.end(), unit, inFileOrder), unit);
}

void HierarchyIndex::unfileChild(const Unit* unit, UnitId parentId)
{
    const auto found = mChildren.find(parentId);
    if (found == mChildren.end())
        return;
    found->erase(std::remove(found->begin(), found->end(), unit), found->end());
    if (found->empty())
        mChildren.erase(found);
}

bool HierarchyIndex::followAdded(const Unit* unit)
{
    if (mByCode.contains(unit->code) || mById.contains(unit->id))
        return false; // who holds a code twice is the rebuild's to say
    mById.insert(unit->id, unit);
    mByCode.insert(unit->code, unit);
    if (!unit->externalCode.isEmpty())
        mByExternalCode.insert(unit->externalCode, unit);
    fileChild(unit);
    mNextFreeId = std::max(mNextFreeId, unit->id + 1);
    if (!mPlaces.empty()) {
        if (size_t(unit->level) >= mPlaces.size())
            return false; // a level the grids were not made for
        mPlaces[size_t(unit->level)].insert(unit->id, unit->boundary.envelope());
    }
    return true;
}

bool HierarchyIndex::followRemoved(const Unit* unit)
{
    if (mDuplicateCodes.contains(unit->code) || mById.value(unit->id) != unit)
        return false;
    mById.remove(unit->id);
    mByCode.remove(unit->code);
    if (!unit->externalCode.isEmpty())
        mByExternalCode.remove(unit->externalCode, unit);
    unfileChild(unit, unit->parentId);
    if (!mPlaces.empty() && size_t(unit->level) < mPlaces.size())
        mPlaces[size_t(unit->level)].remove(unit->id);
    return true; // the next free id stays: ids are not handed out twice in one session
}

void HierarchyIndex::followMoved(const Unit* from, const Unit* to)
{
    mById.insert(to->id, to);
    if (mByCode.value(to->code) == from)
        mByCode.insert(to->code, to);
    if (!to->externalCode.isEmpty()) {
        mByExternalCode.remove(to->externalCode, from);
        mByExternalCode.insert(to->externalCode, to);
    }
    const auto siblings = mChildren.find(to->parentId);
    if (siblings != mChildren.end())
        std::replace(siblings->begin(), siblings->end(), from, to);
}

void HierarchyIndex::followAssignmentAdded(const Assignment* assignment)
{
    std::vector<const Assignment*>& ofUnit = mAssignments[assignment->unitId];
    ofUnit.insert(std::lower_bound(ofUnit.begin(), ofUnit.end(), assignment, byId), assignment);
}

void HierarchyIndex::followAssignmentRemoved(const Assignment* assignment)
{
    const auto found = mAssignments.find(assignment->unitId);
    if (found == mAssignments.end())
        return;
    found->erase(std::remove(found->begin(), found->end(), assignment), found->end());
    if (found->empty())
        mAssignments.erase(found);
}

void HierarchyIndex::followAssignmentMoved(const Assignment* from, const Assignment* to)
{
    const auto found = mAssignments.find(to->unitId);
    if (found != mAssignments.end())
        std::replace(found->begin(), found->end(), from, to);
}

void HierarchyIndex::followAssignmentChanged(const Assignment* assignment, UnitId unitBefore)
{
    if (unitBefore == assignment->unitId)
        return;
    const auto found = mAssignments.find(unitBefore);
    if (found != mAssignments.end()) {
        found->erase(std::remove(found->begin(), found->end(), assignment), found->end());
        if (found->empty())
            mAssignments.erase(found);
    }
    followAssignmentAdded(assignment);
}

const Member* HierarchyIndex::member(MemberId id) const
{
    return mMembers.value(id, nullptr);
}

const std::vector<const Assignment*>& HierarchyIndex::assignments(UnitId unit) const
{
    const auto found = mAssignments.constFind(unit);
    return found == mAssignments.constEnd() ? mNoAssignments : *found;
}

const Unit* HierarchyIndex::unit(UnitId id) const
{
    return mById.value(id, nullptr);
}

namespace {

bool holds(const Unit& unit, const Point& point)
{
    const Envelope box = unit.boundary.envelope();
    return point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY &&
           unit.boundary.contains(point);
}

} // namespace

const Unit* HierarchyIndex::unitAt(int level, const Point& point) const
{
    // down the hierarchy first: only the children of the unit holding the point are looked at
    const Unit* parent = nullptr;
    for (int depth = 0; depth <= level; ++depth) {
        const Unit* found = nullptr;
        for (const Unit* child : children(parent ? parent->id : 0))
            if (child->level == depth && holds(*child, point)) {
                found = child;
                break;
            }
        if (!found)
            break;
        if (depth == level)
            return found;
        parent = found;
    }
    // a unit outside its parent, or one whose parent is missing: every unit of the level
    for (const Unit& unit : mData.units)
        if (unit.level == level && holds(unit, point))
            return &unit;
    return nullptr;
}

std::vector<UnitId> HierarchyIndex::unitsMeeting(const Envelope& envelope) const
{
    if (mPlaces.empty()) {
        int levels = std::max(1, mData.hierarchy.levelCount()); // at least one: made once
        for (const Unit& unit : mData.units)
            levels = std::max(levels, unit.level + 1);
        std::vector<Envelope> extents(static_cast<size_t>(levels));
        std::vector<size_t> counts(size_t(levels), 0);
        std::vector<Envelope> envelopes;
        envelopes.reserve(mData.units.size());
        for (const Unit& unit : mData.units) {
            envelopes.push_back(unit.boundary.envelope());
            extents[size_t(unit.level)].include(envelopes.back());
            ++counts[size_t(unit.level)];
        }
        mPlaces.reserve(size_t(levels) + 1);
        for (int level = 0; level < levels; ++level)
            mPlaces.emplace_back(extents[size_t(level)], counts[size_t(level)]);
        for (size_t i = 0; i < mData.units.size(); ++i)
            mPlaces[size_t(mData.units[i].level)].insert(mData.units[i].id, envelopes[i]);
    }
    std::vector<UnitId> ids;
    for (const EnvelopeGrid& level : mPlaces) {
        const std::vector<qint64> found = level.meeting(envelope);
        ids.insert(ids.end(), found.begin(), found.end());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

const Unit* HierarchyIndex::unitByCode(const QString& code) const
{
    return mByCode.value(code, nullptr);
}

std::vector<const Unit*> HierarchyIndex::unitsByExternalCode(const QString& externalCode, int level) const
{
    std::vector<const Unit*> units;
    for (auto found = mByExternalCode.constFind(externalCode);
         found != mByExternalCode.constEnd() && found.key() == externalCode; ++found)
        if (level < 0 || (*found)->level == level)
            units.push_back(*found);
    std::sort(units.begin(), units.end(), [](const Unit* a, const Unit* b) { return a->id < b->id; });
    return units;
}

const Unit* HierarchyIndex::unitNamedBy(const QString& code, int level, bool* ambiguous) const
{
    if (ambiguous)
        *ambiguous = false;
    if (const Unit* byCode = unitByCode(code); byCode && (level < 0 || byCode->level == level))
        return byCode;
    const std::vector<const Unit*> byExternalCode = unitsByExternalCode(code, level);
    if (byExternalCode.size() == 1)
        return byExternalCode.front();
    if (ambiguous)
        *ambiguous = byExternalCode.size() > 1;
    return nullptr;
}

const std::vector<const Unit*>& HierarchyIndex::children(UnitId parent) const
{
    const auto found = mChildren.constFind(parent);
    return found == mChildren.constEnd() ? mNone : *found;
}

std::vector<const Unit*> HierarchyIndex::subtree(UnitId root) const
{
    std::vector<const Unit*> result;
    const Unit* top = unit(root);
    if (!top)
        return result;
    result.push_back(top);
    for (size_t i = 0; i < result.size(); ++i)
        for (const Unit* child : children(result[i]->id))
            if (child->level > result[i]->level) // never follow a cycle
                result.push_back(child);
    return result;
}

bool HierarchyIndex::isWithin(const Unit& unit, UnitId ancestor) const
{
    // A hierarchy has at most five levels; a longer chain of parents is a cycle.
    constexpr int MaximumDepth = 16;
    const Unit* current = &unit;
    for (int depth = 0; current && depth < MaximumDepth; ++depth) {
        if (current->id == ancestor)
            return true;
        current = current->parentId ? this->unit(current->parentId) : nullptr;
    }
    return false;
}

} // namespace gridmodel
