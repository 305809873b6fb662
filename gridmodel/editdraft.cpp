#include "editdraft.h"

#include "topologynoder.h"

#include <algorithm>

namespace gridmodel {

namespace {

bool sameUnit(const Unit& a, const Unit& b)
{
    return a.id == b.id && a.level == b.level && a.parentId == b.parentId && a.code == b.code &&
           a.name == b.name && a.organisation == b.organisation && a.households == b.households &&
           a.residents == b.residents && a.notes == b.notes && a.externalCode == b.externalCode &&
           a.boundary == b.boundary;
}

bool overlaps(const Envelope& a, const Envelope& b, double margin)
{
    return !(a.isEmpty() || b.isEmpty() || a.maxX + margin < b.minX || b.maxX + margin < a.minX ||
             a.maxY + margin < b.minY || b.maxY + margin < a.minY);
}

bool lessPoint(const Point& a, const Point& b)
{
    return a.x < b.x || (a.x == b.x && a.y < b.y);
}

using Edge = std::pair<Point, Point>; //!< its ends, the lesser first

std::vector<Edge> edgesOf(const MultiPolygon& boundary)
{
    std::vector<Edge> edges;
    for (const Polygon& polygon : boundary.polygons)
        for (const Ring& ring : polygon.rings)
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                edges.push_back(lessPoint(ring[i], ring[i + 1]) ? Edge{ring[i], ring[i + 1]}
                                                                : Edge{ring[i + 1], ring[i]});
    return edges;
}

bool lessEdge(const Edge& a, const Edge& b)
{
    return lessPoint(a.first, b.first) || (a.first == b.first && lessPoint(a.second, b.second));
}

/**
 * Where a boundary changed: the envelope of the edges it has and did not have before (all of it
 * for a new unit). Only there can it have gained a corner on another's edge, or another's
 * corner on its own; its old edges were noded before.
 */
Envelope changedPart(const Unit* before, const MultiPolygon& after)
{
    if (!before)
        return after.envelope();
    std::vector<Edge> old = edgesOf(before->boundary);
    std::sort(old.begin(), old.end(), lessEdge);
    Envelope part;
    for (const Edge& edge : edgesOf(after))
        if (!std::binary_search(old.begin(), old.end(), edge, lessEdge)) {
            part.include(edge.first);
            part.include(edge.second);
        }
    return part;
}

} // namespace

EditDraft::EditDraft(const ProjectData& data, const HierarchyIndex& index)
    : mData(data), mIndex(index), mNextId(index.nextFreeUnitId())
{
}

const Unit& EditDraft::unit(UnitId id) const
{
    const auto changed = mChanged.find(id);
    return changed != mChanged.end() ? changed->second : *mIndex.unit(id);
}

bool EditDraft::exists(UnitId id) const
{
    return !mRemoved.contains(id) && (mChanged.count(id) || mIndex.unit(id));
}

Unit& EditDraft::modify(UnitId id)
{
    auto changed = mChanged.find(id);
    if (changed == mChanged.end()) {
        changed = mChanged.emplace(id, *mIndex.unit(id)).first;
        mOrder.push_back(id);
    }
    return changed->second;
}

Unit& EditDraft::create(Unit unit)
{
    unit.id = mNextId++;
    mOrder.push_back(unit.id);
    const UnitId id = unit.id;
    return mChanged.emplace(id, std::move(unit)).first->second;
}

void EditDraft::remove(UnitId id)
{
    modify(id);
    mRemoved.insert(id);
}

void EditDraft::changeAssignment(const Assignment& before, const std::optional<Assignment>& after)
{
    mAssignments.push_back({before, after});
}

void EditDraft::nodeBoundaries(const std::vector<UnitId>& ids)
{
    std::vector<Unit*> changed;
    std::vector<Envelope> changedEnvelopes;
    Envelope reach;
    QSet<UnitId> involved;
    for (UnitId id : ids) {
        if (mRemoved.contains(id) || involved.contains(id))
            continue;
        involved.insert(id);
        Unit& unit = modify(id);
        changed.push_back(&unit);
        const Envelope part = changedPart(mIndex.unit(id), unit.boundary);
        if (!part.isEmpty()) {
            changedEnvelopes.push_back(part);
            reach.include(part);
        }
    }
    if (changed.empty())
        return;
    const double margin = TopologyNoder::Tolerance * 2;
    // The units of the project near the reach as they were, and those the draft changed (which
    // may have moved into it), as they are now.
    std::vector<UnitId> candidates = mIndex.unitsMeeting(reach.grownBy(margin));
    for (const auto& [id, changedUnit] : mChanged)
        if (mIndex.unit(id))
            candidates.push_back(id);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // Only the changed parts matter: keep the neighbours whose own envelope meets one of them.
    std::vector<Unit> around;
    for (UnitId id : candidates) {
        if (involved.contains(id) || mRemoved.contains(id))
            continue;
        const Unit& current = unit(id);
        const Envelope envelope = current.boundary.envelope();
        if (std::any_of(changedEnvelopes.begin(), changedEnvelopes.end(),
                        [&](const Envelope& of) { return overlaps(of, envelope, margin); }))
            around.push_back(current);
    }
    std::vector<Unit*> neighbours;
    neighbours.reserve(around.size());
    for (Unit& neighbour : around)
        neighbours.push_back(&neighbour);
    std::vector<size_t> gainedVertices;
    TopologyNoder::node(changed, neighbours, &gainedVertices);
    for (size_t i : gainedVertices)
        modify(neighbours[i]->id).boundary = neighbours[i]->boundary;
}

ChangeSet EditDraft::changes() const
{
    ChangeSet changes;
    for (UnitId id : mOrder) {
        const Unit* before = mIndex.unit(id);
        if (mRemoved.contains(id)) {
            if (before)
                changes.units.push_back({*before, std::nullopt});
            continue;
        }
        const Unit& after = mChanged.at(id);
        if (!before)
            changes.units.push_back({std::nullopt, after});
        else if (!sameUnit(*before, after))
            changes.units.push_back({*before, after});
    }
    changes.assignments = mAssignments;
    return changes;
}

} // namespace gridmodel
