#include "hierarchyeditor.h"

#include "codescheme.h"
#include "editdraft.h"
#include "error.h"
#include "geosengine.h"
#include "outlinevertices.h"
#include "projectfile.h"
#include "translation.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace gridmodel {

namespace {

[[noreturn]] void refuse(const QString& message)
{
    throw Error(Error::Kind::InvalidInput, message);
}

//! each polygon of a multipolygon on its own
std::vector<MultiPolygon> piecesOf(const MultiPolygon& geometry)
{
    std::vector<MultiPolygon> pieces;
    for (const Polygon& polygon : geometry.polygons)
        pieces.push_back(MultiPolygon{{polygon}});
    return pieces;
}

/**
 * One edit in the making: the draft of changed units, exact geometry, and the rules
 * every operation shares (validating input, handing area to neighbours, refitting
 * children, recoding).
 */
class Operation
{
public:
    explicit Operation(ProjectFile& project)
        : mProject(project), mData(project.data()), mIndex(project.index()), mDraft(mData, mIndex),
          mCodes(mData, mIndex), mTolerance(mData.hierarchy.sliverToleranceM2())
    {
    }

    const Unit& requireUnit(const QString& code) const
    {
        const Unit* unit = mIndex.unitByCode(code);
        if (!unit)
            refuse(Tr::tr("No unit has the code \"%1\"").arg(code));
        return *unit;
    }

    QString levelName(int level) const { return mData.hierarchy.level(level).name.text(); }
    QString label(const Unit& unit) const { return QStringLiteral("%1 %2").arg(unit.code, unit.name); }

    void requireValid(const MultiPolygon& geometry, const QString& what) const
    {
        if (geometry.isEmpty())
            refuse(Tr::tr("%1 is empty").arg(what));
        const QString reason = mGeos.invalidityReason(geometry);
        if (!reason.isEmpty()) {
            const std::optional<Point> place = mGeos.invalidityPlace(geometry);
            if (place && reason.contains(QLatin1String("Self-intersection"), Qt::CaseInsensitive))
                throw Error(Error::Kind::InvalidInput, Tr::tr("%1 crosses itself at (%2, %3)")
                                                           .arg(what)
                                                           .arg(place->x, 0, 'f', 2)
                                                           .arg(place->y, 0, 'f', 2))
                    .atPlace(*place);
            refuse(Tr::tr("%1 is not a valid polygon: %2").arg(what, reason));
        }
        if (geometry.area() <= 0)
            refuse(Tr::tr("%1 has no area").arg(what));
    }

    /**
     * A drawn outline snapped onto the boundaries around it (within a centimetre), so that
     * where it follows a parent's or sibling's edge it meets it exactly, leaving no slivers.
     */
    MultiPolygon snapped(const MultiPolygon& drawn, UnitId parentId) const
    {
        std::vector<const MultiPolygon*> reference;
        const Envelope reach = drawn.envelope();
        if (parentId)
            reference.push_back(&mDraft.unit(parentId).boundary);
        for (UnitId id : siblings(parentId))
            if (mDraft.unit(id).boundary.envelope().meets(reach))
                reference.push_back(&mDraft.unit(id).boundary);
        return mGeos.snappedTo(drawn, reference, SnapToleranceM);
    }
    static constexpr double SnapToleranceM = 0.01;

    //! the pieces of a geometry above the sliver tolerance
    MultiPolygon withoutSlivers(const MultiPolygon& geometry) const
    {
        MultiPolygon kept;
        for (const Polygon& polygon : geometry.polygons)
            if (MultiPolygon{{polygon}}.area() >= mTolerance)
                kept.polygons.push_back(polygon);
        return kept;
    }

    MultiPolygon unite(const std::vector<const MultiPolygon*>& parts) const
    {
        return parts.size() == 1 ? *parts.front() : mGeos.unaryUnion(parts);
    }

    //! the siblings of a unit (or the units of the top level), as they are in the draft
    std::vector<UnitId> siblings(UnitId parentId, UnitId self = 0) const
    {
        std::vector<UnitId> ids;
        for (const Unit* sibling : mIndex.children(parentId))
            if (sibling->id != self && mDraft.exists(sibling->id))
                ids.push_back(sibling->id);
        return ids;
    }

    /**
     * Gives a piece of area to the candidate sharing the longest border with it; returns
     * false when none touches it (the piece is left uncovered).
     */
    bool giveToNeighbour(const MultiPolygon& piece, const std::vector<UnitId>& candidates,
                         std::vector<UnitId>* changed = nullptr)
    {
        UnitId best = 0;
        double bestLength = 0;
        const Envelope reach = piece.envelope();
        for (UnitId id : candidates) {
            const Unit& candidate = mDraft.unit(id);
            if (!candidate.boundary.envelope().meets(reach))
                continue;
            const double length = mGeos.sharedBoundaryLength(piece, candidate.boundary);
            if (length > bestLength) {
                bestLength = length;
                best = id;
            }
        }
        if (!best)
            return false;
        Unit& winner = mDraft.modify(best);
        if (changed)
            changed->push_back(best);
        winner.boundary = mGeos.unaryUnion({&winner.boundary, &piece});
        return true;
    }

    /**
     * After the boundaries of some siblings changed, their children follow by location:
     * each child goes whole to the sibling holding most of it, and each sibling's boundary
     * then follows its children (without the others' children, with all of its own). So a
     * redrawn grid boundary never cuts a building group: it snaps to the groups' edges.
     */
    void followChildren(const std::vector<UnitId>& family)
    {
        QHash<UnitId, UnitId> holder; // child -> the family member it goes to
        for (UnitId member : family)
            for (UnitId childId : siblings(member)) {
                const Unit& child = mDraft.unit(childId);
                UnitId best = member;
                double bestShare = -1, total = 0;
                for (UnitId candidate : family) {
                    const MultiPolygon& boundary = mDraft.unit(candidate).boundary;
                    const double share = boundary.envelope().meets(child.boundary.envelope())
                                             ? mGeos.intersection(child.boundary, boundary).area()
                                             : 0.0;
                    total += share;
                    if (share > bestShare || (share == bestShare && candidate == member)) {
                        bestShare = share;
                        best = candidate;
                    }
                }
                holder.insert(childId, best);
                if (best != member)
                    mNotes << Tr::tr("%1 goes whole to %2 (%3% of its area)")
                                  .arg(label(child), label(mDraft.unit(best)))
                                  .arg(total > 0 ? 100 * bestShare / total : 0.0, 0, 'f', 0);
                else if (total - bestShare >= mTolerance)
                    mNotes << Tr::tr("%1 stays whole in %2 (%3% of its area)")
                                  .arg(label(child), label(mDraft.unit(best)))
                                  .arg(100 * bestShare / total, 0, 'f', 0);
            }
        for (UnitId member : family) {
            std::vector<const MultiPolygon*> own, others;
            const Envelope reach = mDraft.unit(member).boundary.envelope();
            for (auto it = holder.cbegin(); it != holder.cend(); ++it) {
                const MultiPolygon& boundary = mDraft.unit(it.key()).boundary;
                if (it.value() == member)
                    own.push_back(&boundary);
                else if (boundary.envelope().meets(reach))
                    others.push_back(&boundary);
            }
            MultiPolygon followed = mDraft.unit(member).boundary;
            if (!others.empty())
                followed = mGeos.difference(followed, unite(others));
            if (!own.empty()) {
                own.push_back(&followed);
                followed = mGeos.unaryUnion(own);
            }
            mDraft.modify(member).boundary = withoutSlivers(followed);
        }
        for (auto it = holder.cbegin(); it != holder.cend(); ++it) {
            const Unit& child = mDraft.unit(it.key());
            if (child.parentId == it.value())
                continue;
            Unit& from = mDraft.modify(child.parentId);
            from.households -= child.households;
            from.residents -= child.residents;
            Unit& to = mDraft.modify(it.value());
            to.households += child.households;
            to.residents += child.residents;
            mDraft.modify(child.id).parentId = it.value();
            recodeSubtree(child.id, nextCode(child.level, &mDraft.unit(it.value())));
        }
    }

    //! gives a unit a new code; the codes of everything below it follow
    void recodeSubtree(UnitId id, const QString& newCode)
    {
        const QString oldCode = mDraft.unit(id).code;
        for (const Unit* unit : mIndex.subtree(id)) {
            QString& code = mDraft.modify(unit->id).code;
            code = CodeScheme::recoded(code, oldCode, newCode);
            mTakenCodes.insert(code);
        }
    }

    QString nextCode(int level, const Unit* parent)
    {
        const QString code = mCodes.nextCode(level, parent, mTakenCodes);
        mTakenCodes.insert(code);
        return code;
    }

    //! carries a change in counts up the ancestors of `parentId`, stopping below `stopAt`
    void carryCounts(UnitId parentId, qint64 households, qint64 residents, UnitId stopAt = 0)
    {
        if (!households && !residents)
            return;
        int guard = static_cast<int>(mData.hierarchy.levels().size());
        for (UnitId id = parentId; id && id != stopAt && mDraft.exists(id) && guard-- > 0;
             id = mDraft.unit(id).parentId) {
            Unit& ancestor = mDraft.modify(id);
            ancestor.households += households;
            ancestor.residents += residents;
        }
    }

    //! nodes every unit whose boundary the edit changed with the units around it
    void nodeChangedBoundaries()
    {
        std::vector<UnitId> ids;
        for (const auto& change : mDraft.changes().units)
            if (change.after && (!change.before || !(change.before->boundary == change.after->boundary)))
                ids.push_back(change.after->id);
        mDraft.nodeBoundaries(ids);
    }

    HierarchyEditor::Result commit(const QString& operation, const QString& description, QStringList codes)
    {
        nodeChangedBoundaries();
        HierarchyEditor::Result result{mDraft.changes(), std::move(codes), mNotes};
        if (result.changes.isEmpty())
            refuse(Tr::tr("Nothing would change"));
        mProject.apply(result.changes, operation, description);
        return result;
    }

    ProjectFile& mProject;
    const ProjectData& mData;
    const HierarchyIndex& mIndex;
    EditDraft mDraft;
    CodeScheme mCodes;
    GeosEngine mGeos;
    double mTolerance;
    QSet<QString> mTakenCodes;
    QStringList mNotes;
};

//! a difference with its sign: +3, −100, ±0
QString signedDifference(qint64 difference)
{
    if (difference == 0)
        return QStringLiteral("±0");
    return difference > 0 ? QStringLiteral("+%1").arg(difference) : QStringLiteral("−%1").arg(-difference);
}

//! households and residents shared out in proportion to weights, adding up exactly
std::vector<qint64> shareOut(qint64 total, const std::vector<double>& weights)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<qint64> shares(weights.size(), 0);
    std::vector<std::pair<double, size_t>> remainders;
    qint64 given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const double exact = sum > 0 ? total * weights[i] / sum : 0;
        shares[i] = static_cast<qint64>(std::floor(exact));
        given += shares[i];
        remainders.emplace_back(exact - std::floor(exact), i);
    }
    std::sort(remainders.begin(), remainders.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; given < total && i < remainders.size(); ++i, ++given)
        ++shares[remainders[i].second];
    return shares;
}

} // namespace

HierarchyEditor::HierarchyEditor(ProjectFile& project) : mProject(project) {}

namespace {

/** Where a drawn unit goes: its level, its parent, and the boundary it takes there. */
struct Placement
{
    int level = -1;
    const Unit* parent = nullptr;
    MultiPolygon boundary;
};

Placement placeNewUnit(Operation& op, const QString& levelKey, const QString& parentCode,
                       const MultiPolygon& drawn, bool fill)
{
    Placement placement;
    const int level = op.mData.hierarchy.levelIndex(levelKey);
    if (level < 0)
        refuse(Tr::tr("The project has no level \"%1\"").arg(levelKey));
    placement.level = level;
    const Unit* parent = nullptr;
    if (level > 0) {
        if (parentCode.isEmpty())
            refuse(Tr::tr("A %1 needs a parent %2").arg(op.levelName(level), op.levelName(level - 1)));
        parent = &op.requireUnit(parentCode);
        if (parent->level != level - 1)
            refuse(Tr::tr("%1 is a %2; a %3 belongs in a %4")
                       .arg(op.label(*parent), op.levelName(parent->level), op.levelName(level),
                            op.levelName(level - 1)));
    } else if (!parentCode.isEmpty()) {
        refuse(Tr::tr("A %1 is at the top level and has no parent").arg(op.levelName(level)));
    }
    placement.parent = parent;
    op.requireValid(drawn, Tr::tr("The drawn outline"));

    const UnitId parentId = parent ? parent->id : 0;
    const MultiPolygon outline = op.snapped(drawn, parentId);
    std::vector<const MultiPolygon*> siblings;
    for (UnitId id : op.siblings(parentId))
        if (fill || op.mDraft.unit(id).boundary.envelope().meets(outline.envelope()))
            siblings.push_back(&op.mDraft.unit(id).boundary);
    const MultiPolygon covered = siblings.empty() ? MultiPolygon() : op.unite(siblings);

    MultiPolygon& boundary = placement.boundary;
    if (fill) {
        if (!parent)
            refuse(Tr::tr("Filling needs a parent whose uncovered part to fill"));
        for (const MultiPolygon& gap : piecesOf(op.mGeos.difference(parent->boundary, covered)))
            if (op.mGeos.intersection(gap, outline).area() >= op.mTolerance)
                boundary.polygons.push_back(gap.polygons.front());
        if (boundary.isEmpty())
            refuse(Tr::tr("The outline reaches no uncovered part of %1").arg(op.label(*parent)));
    } else {
        const MultiPolygon clipped = parent ? op.mGeos.intersection(outline, parent->boundary) : outline;
        if (op.withoutSlivers(clipped).isEmpty())
            refuse(Tr::tr("The outline lies outside %1").arg(op.label(*parent)));
        boundary = covered.isEmpty() ? clipped : op.mGeos.difference(clipped, covered);
    }
    boundary = op.withoutSlivers(boundary);
    if (boundary.isEmpty())
        refuse(Tr::tr("The outline is already covered by other units of the level"));
    return placement;
}

} // namespace

QString HierarchyEditor::parentCodeFor(const QString& levelKey, const MultiPolygon& drawn) const
{
    const HierarchyTemplate& hierarchy = mProject.data().hierarchy;
    const int level = hierarchy.levelIndex(levelKey);
    if (level < 0)
        refuse(Tr::tr("The project has no level \"%1\"").arg(levelKey));
    if (level == 0)
        return QString();
    const Unit* parent = mProject.index().unitAt(level - 1, GeosEngine().pointOnSurface(drawn));
    if (!parent)
        refuse(Tr::tr("The outline lies in no %1").arg(hierarchy.level(level - 1).name.text()));
    return parent->code;
}

MultiPolygon HierarchyEditor::outlineForNewUnit(const QString& levelKey, const QString& parentCode,
                                                const MultiPolygon& drawn, bool fill) const
{
    Operation op(mProject);
    return placeNewUnit(op, levelKey, parentCode, drawn, fill).boundary;
}

HierarchyEditor::Result HierarchyEditor::add(const QString& levelKey, const QString& parentCode,
                                             const QString& name, const MultiPolygon& drawn,
                                             const QString& code, bool fill)
{
    Operation op(mProject);
    if (name.trimmed().isEmpty())
        refuse(Tr::tr("A unit needs a name"));
    const Placement placement = placeNewUnit(op, levelKey, parentCode, drawn, fill);
    const int level = placement.level;
    const Unit* parent = placement.parent;
    QString newCode = code;
    if (newCode.isEmpty()) {
        newCode = op.nextCode(level, parent);
    } else if (const QString problem = op.mCodes.whyNot(newCode, level, parent); !problem.isEmpty()) {
        refuse(problem);
    }
    Unit unit;
    unit.level = level;
    unit.parentId = parent ? parent->id : 0;
    unit.code = newCode;
    unit.name = name.trimmed();
    unit.boundary = placement.boundary;
    op.mDraft.create(unit);
    if (std::abs(unit.boundary.area() - drawn.area()) >= op.mTolerance)
        op.mNotes << Tr::tr("The outline of %1 m² became %2 m²")
                         .arg(drawn.area(), 0, 'f', 1)
                         .arg(unit.boundary.area(), 0, 'f', 1);
    return op.commit(QStringLiteral("add"),
                     Tr::tr("Add %1 %2 %3").arg(op.levelName(level), newCode, unit.name), {newCode});
}

HierarchyEditor::Result HierarchyEditor::reshape(const QString& code, const MultiPolygon& drawn)
{
    Operation op(mProject);
    const Unit& unit = op.requireUnit(code);
    op.requireValid(drawn, Tr::tr("The new boundary"));
    const Unit* parent = unit.parentId ? op.mIndex.unit(unit.parentId) : nullptr;
    const MultiPolygon outline = op.snapped(drawn, unit.parentId);
    const MultiPolygon boundary =
        op.withoutSlivers(parent ? op.mGeos.intersection(outline, parent->boundary) : outline);
    if (boundary.isEmpty())
        refuse(Tr::tr("The new boundary lies outside %1").arg(op.label(*parent)));

    const MultiPolygon before = unit.boundary;
    if (op.mGeos.symmetricDifferenceArea(boundary, before) < op.mTolerance)
        refuse(Tr::tr("Nothing would change: the new boundary of %1, clipped to its parent, is the old one")
                   .arg(op.label(unit)));
    const MultiPolygon gained = op.mGeos.difference(boundary, before);
    const MultiPolygon lost = op.mGeos.difference(before, boundary);
    const std::vector<UnitId> siblings = op.siblings(unit.parentId, unit.id);
    std::vector<UnitId> changed{unit.id};
    op.mDraft.modify(unit.id).boundary = boundary;

    // What it gains, its siblings lose ...
    if (!gained.isEmpty())
        for (UnitId id : siblings) {
            const Unit& sibling = op.mDraft.unit(id);
            if (!sibling.boundary.envelope().meets(gained.envelope()))
                continue;
            const MultiPolygon rest = op.mGeos.difference(sibling.boundary, gained);
            if (std::abs(rest.area() - sibling.boundary.area()) <=
                1e-9 * std::max(1.0, sibling.boundary.area()))
                continue;
            changed.push_back(id);
            if (op.withoutSlivers(rest).isEmpty())
                refuse(Tr::tr("The new boundary would swallow %1 whole; merge the two instead")
                           .arg(op.label(sibling)));
            op.mDraft.modify(id).boundary = rest;
        }
    // ... and what it gives up goes to the sibling it borders most.
    for (const MultiPolygon& piece : piecesOf(lost)) {
        if (op.giveToNeighbour(piece, siblings, &changed) || piece.area() < op.mTolerance)
            continue;
        if (parent)
            refuse(Tr::tr("The new boundary of %1 gives up %2 m² that no other %3 borders, which would "
                          "leave a gap in %4. Draw it along the edge of %4, or move the shared corner "
                          "with the vertex tool so that %4 moves too")
                       .arg(op.label(unit))
                       .arg(piece.area(), 0, 'f', 1)
                       .arg(op.levelName(unit.level), op.label(*parent)));
        op.mNotes << Tr::tr("%1 m² given up by %2 borders no other %3 and is left uncovered")
                         .arg(piece.area(), 0, 'f', 1)
                         .arg(op.label(unit), op.levelName(unit.level));
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    op.followChildren(changed);
    if (!op.siblings(unit.id).empty() &&
        op.mGeos.symmetricDifferenceArea(op.mDraft.unit(unit.id).boundary, before) < op.mTolerance)
        refuse(Tr::tr("%1 keeps its boundary: it follows its %2, and the new boundary moves none of them. "
                      "Move the corner with the vertex tool, which moves the %2 too, or reshape them first")
                   .arg(op.label(unit), op.levelName(unit.level + 1)));
    return op.commit(QStringLiteral("reshape"),
                     Tr::tr("Reshape %1 %2 %3").arg(op.levelName(unit.level), unit.code, unit.name),
                     {unit.code});
}

namespace {

//! how near two points must be to be one corner shared by several boundaries
constexpr double CornerToleranceM = 0.001;

using CornerChange = std::function<std::optional<MultiPolygon>(const MultiPolygon&)>;

/**
 * Applies a change of one corner to every unit whose boundary passes through it, level by
 * level from the top (a unit's boundary can only pass through a point inside its parent's
 * envelope); returns the units changed.
 */
std::vector<UnitId> changeCornerEverywhere(Operation& op, const Point& at, const CornerChange& change)
{
    std::vector<UnitId> changed;
    std::vector<UnitId> pending = op.siblings(0);
    while (!pending.empty()) {
        const UnitId id = pending.back();
        pending.pop_back();
        const Envelope reach = op.mDraft.unit(id).boundary.envelope();
        if (reach.isEmpty() || at.x < reach.minX - CornerToleranceM || at.x > reach.maxX + CornerToleranceM ||
            at.y < reach.minY - CornerToleranceM || at.y > reach.maxY + CornerToleranceM)
            continue;
        if (std::optional<MultiPolygon> outline = change(op.mDraft.unit(id).boundary)) {
            op.mDraft.modify(id).boundary = std::move(*outline);
            changed.push_back(id);
        }
        const std::vector<UnitId> children = op.siblings(id);
        pending.insert(pending.end(), children.begin(), children.end());
    }
    return changed;
}

double overlapArea(const GeosEngine& geos, const MultiPolygon& a, const MultiPolygon& b)
{
    return a.envelope().meets(b.envelope()) ? geos.intersection(a, b).area() : 0.0;
}

/**
 * Why a corner edit leaves the hierarchy less whole than it was (empty when it does not): a
 * changed boundary that overlaps a sibling or leaves its parent more than before, or a family
 * whose parent gains (or keeps) area its children no longer cover. An invalid boundary is
 * refused outright.
 */
QString whyNotWhole(Operation& op, const std::vector<UnitId>& changed)
{
    const QSet<UnitId> changedSet(changed.begin(), changed.end());
    auto before = [&](UnitId id) -> const MultiPolygon& { return op.mIndex.unit(id)->boundary; };
    auto after = [&](UnitId id) -> const MultiPolygon& { return op.mDraft.unit(id).boundary; };
    for (UnitId id : changed) {
        const Unit& unit = op.mDraft.unit(id);
        op.requireValid(unit.boundary, Tr::tr("The boundary of %1").arg(op.label(unit)));
        if (unit.parentId && op.mDraft.exists(unit.parentId)) {
            const double outside = op.mGeos.difference(after(id), after(unit.parentId)).area();
            if (outside >= op.mTolerance &&
                outside - op.mGeos.difference(before(id), before(unit.parentId)).area() >= op.mTolerance)
                return Tr::tr("Moving the corner would take %1 m² of %2 outside %3")
                    .arg(outside, 0, 'f', 1)
                    .arg(op.label(unit), op.label(op.mDraft.unit(unit.parentId)));
        }
        for (UnitId siblingId : op.siblings(unit.parentId, id)) {
            if (changedSet.contains(siblingId) && siblingId < id)
                continue; // that pair was looked at from the other side
            const double overlap = overlapArea(op.mGeos, after(id), after(siblingId));
            if (overlap >= op.mTolerance &&
                overlap - overlapArea(op.mGeos, before(id), before(siblingId)) >= op.mTolerance)
                return Tr::tr("Moving the corner would make %1 overlap %2 by %3 m²")
                    .arg(op.label(unit), op.label(op.mDraft.unit(siblingId)))
                    .arg(overlap, 0, 'f', 1);
        }
    }
    // With no new overlaps and nothing outside, a family's uncovered area grows by what the
    // parent gains less what its changed children gain.
    QHash<UnitId, double> growth; // family (parent id) -> change in uncovered area
    for (UnitId id : changed) {
        const double gained = after(id).area() - before(id).area();
        if (!op.siblings(id).empty())
            growth[id] += gained;
        const UnitId parentId = op.mDraft.unit(id).parentId;
        if (parentId && op.mDraft.exists(parentId))
            growth[parentId] -= gained;
    }
    for (auto it = growth.cbegin(); it != growth.cend(); ++it)
        if (it.value() >= op.mTolerance)
            return Tr::tr("That would leave %1 m² of %2 uncovered by its %3: a unit inside it does not "
                          "share the corner")
                .arg(it.value(), 0, 'f', 1)
                .arg(op.label(op.mDraft.unit(it.key())), op.levelName(op.mDraft.unit(it.key()).level + 1));
    return QString();
}

} // namespace

HierarchyEditor::Result HierarchyEditor::moveCorner(const QString& code, const Point& from, const Point& to)
{
    Operation op(mProject);
    const Unit& unit = op.requireUnit(code);
    if (isImpossiblePoint(to))
        refuse(Tr::tr("The corner cannot go to (%1, %2)").arg(to.x).arg(to.y));
    if (std::hypot(to.x - from.x, to.y - from.y) < CornerToleranceM)
        refuse(Tr::tr("Nothing would change: the corner stays where it is"));
    const std::vector<UnitId> changed = changeCornerEverywhere(op, from, [&](const MultiPolygon& outline) {
        return OutlineVertices::withPointMoved(outline, from, to, CornerToleranceM);
    });
    if (std::find(changed.begin(), changed.end(), unit.id) == changed.end())
        refuse(Tr::tr("The boundary of %1 has no corner or edge at (%2, %3)")
                   .arg(op.label(unit))
                   .arg(from.x, 0, 'f', 2)
                   .arg(from.y, 0, 'f', 2));
    if (const QString problem = whyNotWhole(op, changed); !problem.isEmpty())
        refuse(problem);
    if (changed.size() > 1)
        op.mNotes << Tr::tr("The corner moved in %1 units that share it").arg(changed.size());
    return op.commit(QStringLiteral("corner"),
                     Tr::tr("Move a corner of %1 %2 %3").arg(op.levelName(unit.level), unit.code, unit.name),
                     {unit.code});
}

HierarchyEditor::Result HierarchyEditor::removeCorner(const QString& code, const Point& at)
{
    Operation op(mProject);
    const Unit& unit = op.requireUnit(code);
    const std::vector<UnitId> changed = changeCornerEverywhere(op, at, [&](const MultiPolygon& outline) {
        return OutlineVertices::withCornerRemoved(outline, at, CornerToleranceM);
    });
    if (std::find(changed.begin(), changed.end(), unit.id) == changed.end())
        refuse(Tr::tr("The boundary of %1 has no corner at (%2, %3)")
                   .arg(op.label(unit))
                   .arg(at.x, 0, 'f', 2)
                   .arg(at.y, 0, 'f', 2));
    // Where three units meet, the corner cannot go from all of them: the unit alone loses
    // it, and the neighbour it borders takes what it gives up (or it takes from them).
    if (!whyNotWhole(op, changed).isEmpty())
        return reshape(code, op.mDraft.unit(unit.id).boundary);
    return op.commit(
        QStringLiteral("corner"),
        Tr::tr("Remove a corner of %1 %2 %3").arg(op.levelName(unit.level), unit.code, unit.name),
        {unit.code});
}

HierarchyEditor::Result HierarchyEditor::split(const QString& code, const LineString& line,
                                               const SplitCounts& counts)
{
    Operation op(mProject);
    const Unit& unit = op.requireUnit(code);
    std::vector<MultiPolygon> parts = op.mGeos.splitByLine(unit.boundary, line);
    if (parts.size() < 2)
        refuse(Tr::tr("The line does not cut %1 into parts: it must cross it from edge to edge")
                   .arg(op.label(unit)));
    // Slivers the line cuts off stay with the part they border most.
    std::sort(parts.begin(), parts.end(),
              [](const MultiPolygon& a, const MultiPolygon& b) { return a.area() > b.area(); });
    while (parts.size() > 1 && parts.back().area() < op.mTolerance) {
        const MultiPolygon sliver = parts.back();
        parts.pop_back();
        size_t best = 0;
        double bestLength = -1;
        for (size_t i = 0; i < parts.size(); ++i)
            if (const double length = op.mGeos.sharedBoundaryLength(sliver, parts[i]); length > bestLength) {
                bestLength = length;
                best = i;
            }
        parts[best] = op.mGeos.unaryUnion({&parts[best], &sliver});
    }
    if (parts.size() < 2)
        refuse(Tr::tr("The line only cuts slivers off %1").arg(op.label(unit)));
    const size_t partCount = parts.size();
    if (counts.rule == SplitCounts::Rule::Manual &&
        (counts.households.size() != partCount || counts.residents.size() != partCount))
        refuse(Tr::tr("The line cuts %1 into %2 parts: give %2 household and %2 resident counts, largest "
                      "part first")
                   .arg(op.label(unit))
                   .arg(partCount));

    // Children follow by location: each goes whole to the part holding most of it.
    const std::vector<UnitId> children = op.siblings(unit.id);
    std::vector<std::vector<UnitId>> childrenOf(partCount);
    for (UnitId id : children) {
        const Unit& child = op.mDraft.unit(id);
        std::vector<double> shares;
        for (const MultiPolygon& part : parts)
            shares.push_back(part.envelope().meets(child.boundary.envelope())
                                 ? op.mGeos.intersection(child.boundary, part).area()
                                 : 0.0);
        const size_t best = std::max_element(shares.begin(), shares.end()) - shares.begin();
        childrenOf[best].push_back(id);
        const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
        if (total - shares[best] >= op.mTolerance)
            op.mNotes << Tr::tr("The line crosses %1; it goes whole to part %2 (%3% of its area)")
                             .arg(op.label(child))
                             .arg(best + 1)
                             .arg(100 * shares[best] / total, 0, 'f', 0);
    }
    if (!children.empty()) {
        for (size_t i = 0; i < partCount; ++i) {
            if (childrenOf[i].empty())
                refuse(Tr::tr("Part %1 of the split would keep none of the units below %2; draw the line "
                              "between them")
                           .arg(i + 1)
                           .arg(op.label(unit)));
            // The part's boundary follows its children: without the others' children, with its own.
            std::vector<const MultiPolygon*> others, own{&parts[i]};
            for (size_t j = 0; j < partCount; ++j)
                for (UnitId id : childrenOf[j])
                    (j == i ? own : others).push_back(&op.mDraft.unit(id).boundary);
            if (!others.empty())
                parts[i] = op.mGeos.difference(parts[i], op.unite(others));
            parts[i] = op.unite(own);
        }
    }

    std::vector<double> areas;
    for (const MultiPolygon& part : parts)
        areas.push_back(part.area());
    std::vector<qint64> households(partCount, 0), residents(partCount, 0);
    if (!children.empty()) {
        for (size_t i = 0; i < partCount; ++i)
            for (UnitId id : childrenOf[i]) {
                households[i] += op.mDraft.unit(id).households;
                residents[i] += op.mDraft.unit(id).residents;
            }
    } else if (counts.rule == SplitCounts::Rule::Manual) {
        for (qint64 n : counts.households)
            if (n < 0)
                refuse(Tr::tr("Households and residents cannot be negative"));
        for (qint64 n : counts.residents)
            if (n < 0)
                refuse(Tr::tr("Households and residents cannot be negative"));
        households = counts.households;
        residents = counts.residents;
    } else {
        households = shareOut(unit.households, areas);
        residents = shareOut(unit.residents, areas);
    }

    const Unit* parent = unit.parentId ? op.mIndex.unit(unit.parentId) : nullptr;
    QStringList codes{unit.code};
    qint64 householdsAfter = 0, residentsAfter = 0;
    for (size_t i = 0; i < partCount; ++i) {
        householdsAfter += households[i];
        residentsAfter += residents[i];
        UnitId partId = unit.id;
        if (i == 0) {
            Unit& kept = op.mDraft.modify(unit.id);
            kept.boundary = parts[0];
            kept.households = households[0];
            kept.residents = residents[0];
        } else {
            Unit part = unit;
            part.code = op.nextCode(unit.level, parent);
            part.name = Tr::tr("%1 (%2)").arg(unit.name).arg(i + 1);
            part.externalCode.clear(); // the other system knows the part that keeps the code
            part.boundary = parts[i];
            part.households = households[i];
            part.residents = residents[i];
            partId = op.mDraft.create(part).id;
            codes << part.code;
        }
        for (UnitId childId : childrenOf[i]) {
            if (partId == unit.id)
                continue;
            op.mDraft.modify(childId).parentId = partId;
            op.recodeSubtree(childId, CodeScheme::recoded(op.mDraft.unit(childId).code, unit.code,
                                                          op.mDraft.unit(partId).code));
        }
    }
    op.carryCounts(unit.parentId, householdsAfter - unit.households, residentsAfter - unit.residents);
    if (!children.empty() && (householdsAfter != unit.households || residentsAfter != unit.residents))
        op.mNotes << Tr::tr("The parts take their counts from their %1: %2 households instead of %3 (%4), "
                            "%5 residents instead of %6 (%7); the totals above change with them")
                         .arg(op.levelName(unit.level + 1))
                         .arg(householdsAfter)
                         .arg(unit.households)
                         .arg(signedDifference(householdsAfter - unit.households))
                         .arg(residentsAfter)
                         .arg(unit.residents)
                         .arg(signedDifference(residentsAfter - unit.residents));
    if (partCount > 1)
        op.mNotes << Tr::tr("%1 keeps the code, the name and the members").arg(unit.code);
    return op.commit(
        QStringLiteral("split"),
        Tr::tr("Split %1 %2 %3 into %4").arg(op.levelName(unit.level), unit.code, unit.name).arg(partCount),
        codes);
}

HierarchyEditor::Result HierarchyEditor::merge(const QStringList& codes, const QString& name,
                                               const QString& newCode)
{
    Operation op(mProject);
    if (codes.size() < 2)
        refuse(Tr::tr("Merging needs at least two units"));
    std::vector<const Unit*> units;
    QSet<QString> seen;
    for (const QString& code : codes) {
        if (seen.contains(code))
            refuse(Tr::tr("%1 is listed twice").arg(code));
        seen.insert(code);
        units.push_back(&op.requireUnit(code));
    }
    const Unit& survivor = *units.front();
    for (const Unit* other : units)
        if (other->parentId != survivor.parentId || other->level != survivor.level)
            refuse(Tr::tr("Only siblings can be merged: %1 and %2 have different parents")
                       .arg(op.label(survivor), op.label(*other)));
    if (!name.isNull() && name.trimmed().isEmpty())
        refuse(Tr::tr("A unit needs a name"));
    if (!newCode.isEmpty()) {
        const Unit* parent = survivor.parentId ? op.mIndex.unit(survivor.parentId) : nullptr;
        // the code of one of the merged units is free to take; any other must fit the scheme
        if (const QString problem = op.mCodes.whyNot(newCode, survivor.level, parent, survivor.id);
            !problem.isEmpty() && !codes.contains(newCode))
            refuse(problem);
        op.recodeSubtree(survivor.id, newCode);
    }

    std::vector<const MultiPolygon*> boundaries;
    qint64 households = 0, residents = 0;
    for (const Unit* unit : units) {
        boundaries.push_back(&unit->boundary);
        households += unit->households;
        residents += unit->residents;
    }
    Unit& merged = op.mDraft.modify(survivor.id);
    merged.boundary = op.mGeos.coverageUnion(boundaries);
    merged.households = households;
    merged.residents = residents;
    if (!name.isNull())
        merged.name = name.trimmed();
    if (merged.boundary.polygons.size() > 1)
        op.mNotes << Tr::tr("The merged units do not touch: %1 is now in %2 pieces")
                         .arg(survivor.code)
                         .arg(merged.boundary.polygons.size());

    QSet<QPair<MemberId, QString>> roles;
    for (const Assignment* assignment : op.mIndex.assignments(survivor.id))
        roles.insert({assignment->memberId, assignment->role});
    for (size_t i = 1; i < units.size(); ++i) {
        const Unit& absorbed = *units[i];
        for (UnitId childId : op.siblings(absorbed.id)) {
            op.mDraft.modify(childId).parentId = survivor.id;
            op.recodeSubtree(childId,
                             op.nextCode(op.mDraft.unit(childId).level, &op.mDraft.unit(survivor.id)));
        }
        for (const Assignment* assignment : op.mIndex.assignments(absorbed.id)) {
            if (roles.contains({assignment->memberId, assignment->role})) {
                op.mDraft.changeAssignment(*assignment, std::nullopt);
                continue;
            }
            roles.insert({assignment->memberId, assignment->role});
            Assignment moved = *assignment;
            moved.unitId = survivor.id;
            op.mDraft.changeAssignment(*assignment, moved);
        }
        op.mDraft.remove(absorbed.id);
    }
    const Unit& result = op.mDraft.unit(survivor.id);
    return op.commit(
        QStringLiteral("merge"),
        Tr::tr("Merge %1 into %2 %3").arg(codes.join(QStringLiteral(", ")), result.code, result.name),
        {result.code});
}

HierarchyEditor::Result HierarchyEditor::assign(const QString& parentCode, const QStringList& childCodes)
{
    Operation op(mProject);
    const Unit& parent = op.requireUnit(parentCode);
    if (childCodes.isEmpty())
        refuse(Tr::tr("Name the units to give to %1").arg(op.label(parent)));
    std::vector<const Unit*> moving;
    QSet<UnitId> seen;
    for (const QString& code : childCodes) {
        const Unit& child = op.requireUnit(code);
        if (child.level != parent.level + 1)
            refuse(Tr::tr("%1 is a %2; a %3 can only take a %4")
                       .arg(op.label(child), op.levelName(child.level), op.levelName(parent.level),
                            op.levelName(parent.level + 1)));
        if (child.parentId == parent.id || seen.contains(child.id))
            continue;
        seen.insert(child.id);
        moving.push_back(&child);
    }
    if (moving.empty())
        refuse(Tr::tr("Every unit named already belongs to %1").arg(op.label(parent)));

    // Every ancestor on the old side loses the moved area and counts, every ancestor on the
    // new side gains them, up to the ancestor both sides share.
    struct Shift
    {
        std::vector<const MultiPolygon*> lost, gained;
    };
    QHash<UnitId, Shift> shifts;
    std::vector<UnitId> order;
    auto chain = [&](UnitId from) {
        std::vector<UnitId> ids;
        for (const Unit* unit = op.mIndex.unit(from);
             unit && ids.size() <= op.mData.hierarchy.levels().size(); unit = op.mIndex.unit(unit->parentId))
            ids.push_back(unit->id);
        return ids;
    };
    const std::vector<UnitId> newSide = chain(parent.id);
    QStringList codes;
    for (const Unit* child : moving) {
        const std::vector<UnitId> oldSide = chain(child->parentId);
        for (UnitId id : oldSide)
            if (std::find(newSide.begin(), newSide.end(), id) == newSide.end()) {
                if (!shifts.contains(id))
                    order.push_back(id);
                shifts[id].lost.push_back(&child->boundary);
                Unit& ancestor = op.mDraft.modify(id);
                ancestor.households -= child->households;
                ancestor.residents -= child->residents;
            }
        for (UnitId id : newSide)
            if (std::find(oldSide.begin(), oldSide.end(), id) == oldSide.end()) {
                if (!shifts.contains(id))
                    order.push_back(id);
                shifts[id].gained.push_back(&child->boundary);
                Unit& ancestor = op.mDraft.modify(id);
                ancestor.households += child->households;
                ancestor.residents += child->residents;
            }
        op.mDraft.modify(child->id).parentId = parent.id;
        const QString code = op.nextCode(child->level, &parent);
        op.recodeSubtree(child->id, code);
        codes << code;
    }
    for (UnitId id : order) {
        const Shift& shift = shifts.value(id);
        Unit& ancestor = op.mDraft.modify(id);
        if (!shift.lost.empty())
            ancestor.boundary = op.mGeos.difference(ancestor.boundary, op.unite(shift.lost));
        if (!shift.gained.empty()) {
            std::vector<const MultiPolygon*> parts = shift.gained;
            parts.push_back(&ancestor.boundary);
            ancestor.boundary = op.mGeos.coverageUnion(parts);
        }
        if (op.withoutSlivers(ancestor.boundary).isEmpty())
            op.mNotes << Tr::tr("%1 has no area left").arg(op.label(ancestor));
    }
    return op.commit(QStringLiteral("assign"),
                     Tr::tr("Give %1 units to %2 %3").arg(moving.size()).arg(parent.code, parent.name),
                     codes);
}

HierarchyEditor::Result HierarchyEditor::divide(const DivisionProposal& proposal)
{
    Operation op(mProject);
    const Unit& unit = op.requireUnit(proposal.unitCode);
    if (proposal.level != unit.level + 1 || proposal.parts.empty())
        refuse(Tr::tr("The proposal does not divide %1").arg(op.label(unit)));
    const std::vector<UnitId> oldChildren = op.siblings(unit.id);
    const size_t partCount = proposal.parts.size();

    // How much of each old child each new unit holds.
    std::vector<std::vector<double>> overlap(partCount, std::vector<double>(oldChildren.size(), 0.0));
    auto oldIndex = [&](UnitId id) {
        return static_cast<size_t>(std::find(oldChildren.begin(), oldChildren.end(), id) -
                                   oldChildren.begin());
    };
    QSet<UnitId> grouped;
    if (proposal.byHouseholdCount) {
        qint64 households = 0;
        for (size_t p = 0; p < partCount; ++p) {
            households += proposal.parts[p].households;
            for (size_t o = 0; o < oldChildren.size(); ++o)
                overlap[p][o] =
                    op.mGeos.intersection(proposal.parts[p].boundary, op.mDraft.unit(oldChildren[o]).boundary)
                        .area();
        }
        if (households != unit.households)
            refuse(Tr::tr("The proposal no longer fits: %1 now has %2 households")
                       .arg(op.label(unit))
                       .arg(unit.households));
    } else {
        for (size_t p = 0; p < partCount; ++p)
            for (UnitId id : proposal.parts[p].members) {
                const Unit* child = op.mIndex.unit(id);
                const size_t o = child ? oldIndex(child->parentId) : oldChildren.size();
                if (o == oldChildren.size() || grouped.contains(id))
                    refuse(Tr::tr("The proposal no longer fits: %1 is not where it was proposed from")
                               .arg(child ? op.label(*child) : QString::number(id)));
                grouped.insert(id);
                overlap[p][o] += child->boundary.area();
            }
        for (UnitId oldId : oldChildren)
            for (UnitId id : op.siblings(oldId))
                if (!grouped.contains(id))
                    refuse(Tr::tr("The proposal no longer fits: it leaves out %1")
                               .arg(op.label(op.mDraft.unit(id))));
    }

    // Each old child is kept for the new unit holding most of it, greatest overlap first.
    struct Pairing
    {
        double area;
        size_t part, old;
    };
    std::vector<Pairing> pairings;
    for (size_t p = 0; p < partCount; ++p)
        for (size_t o = 0; o < oldChildren.size(); ++o)
            if (overlap[p][o] > 0)
                pairings.push_back({overlap[p][o], p, o});
    std::stable_sort(pairings.begin(), pairings.end(),
                     [](const Pairing& a, const Pairing& b) { return a.area > b.area; });
    std::vector<UnitId> unitOfPart(partCount, 0);
    std::vector<bool> oldKept(oldChildren.size(), false);
    for (const Pairing& pairing : pairings)
        if (!unitOfPart[pairing.part] && !oldKept[pairing.old]) {
            unitOfPart[pairing.part] = oldChildren[pairing.old];
            oldKept[pairing.old] = true;
        }
    const LevelDefinition& level = op.mData.hierarchy.level(proposal.level);
    QStringList codes;
    for (size_t p = 0; p < partCount; ++p) {
        if (!unitOfPart[p]) {
            Unit created;
            created.level = proposal.level;
            created.parentId = unit.id;
            created.code = op.nextCode(proposal.level, &unit);
            created.name =
                QStringLiteral("第%1%2").arg(created.code.right(level.codeDigits).toInt()).arg(level.name.zh);
            unitOfPart[p] = op.mDraft.create(created).id;
        }
        const DivisionProposal::Part& part = proposal.parts[p];
        Unit& target = op.mDraft.modify(unitOfPart[p]);
        if (proposal.byHouseholdCount) {
            target.boundary = part.boundary;
            target.households = part.households;
            target.residents = part.residents;
        } else {
            std::vector<const MultiPolygon*> boundaries;
            qint64 households = 0, residents = 0;
            for (UnitId id : part.members) {
                const Unit* child = op.mIndex.unit(id);
                boundaries.push_back(&child->boundary);
                households += child->households;
                residents += child->residents;
            }
            target.boundary = op.mGeos.coverageUnion(boundaries);
            target.households = households;
            target.residents = residents;
        }
        codes << target.code;
    }
    for (size_t p = 0; p < partCount && !proposal.byHouseholdCount; ++p)
        for (UnitId id : proposal.parts[p].members)
            if (op.mIndex.unit(id)->parentId != unitOfPart[p]) {
                op.mDraft.modify(id).parentId = unitOfPart[p];
                op.recodeSubtree(id, op.nextCode(op.mIndex.unit(id)->level, &op.mDraft.unit(unitOfPart[p])));
            }
    if (!proposal.byHouseholdCount) {
        // what the grandchildren leave uncovered of the unit goes to the new unit beside it
        std::vector<const MultiPolygon*> covered;
        for (UnitId id : unitOfPart)
            covered.push_back(&op.mDraft.unit(id).boundary);
        const MultiPolygon left =
            op.withoutSlivers(op.mGeos.difference(unit.boundary, op.mGeos.coverageUnion(covered)));
        for (const MultiPolygon& piece : piecesOf(left))
            op.giveToNeighbour(piece, unitOfPart);
    }

    // The old children not kept go; their members move to the new unit holding most of them.
    QHash<size_t, QSet<QPair<MemberId, QString>>> rolesAt;
    for (size_t o = 0; o < oldChildren.size(); ++o) {
        if (oldKept[o])
            continue;
        size_t holder = 0;
        for (size_t p = 1; p < partCount; ++p)
            if (overlap[p][o] > overlap[holder][o])
                holder = p;
        if (!rolesAt.contains(holder))
            for (const Assignment* assignment : op.mIndex.assignments(unitOfPart[holder]))
                rolesAt[holder].insert({assignment->memberId, assignment->role});
        QSet<QPair<MemberId, QString>>& roles = rolesAt[holder];
        for (const Assignment* assignment : op.mIndex.assignments(oldChildren[o])) {
            if (roles.contains({assignment->memberId, assignment->role})) {
                op.mDraft.changeAssignment(*assignment, std::nullopt);
                continue;
            }
            const RoleDefinition* role = level.role(assignment->role);
            const auto holding =
                std::count_if(roles.begin(), roles.end(), [&](const QPair<MemberId, QString>& r) {
                    return r.second == assignment->role;
                });
            if (role && role->isFullWith(holding))
                op.mNotes << Tr::tr("%1 of %2 moves to %3, which has its %1 already: choose one")
                                 .arg(role->name.text(), op.label(op.mDraft.unit(oldChildren[o])),
                                      op.label(op.mDraft.unit(unitOfPart[holder])));
            roles.insert({assignment->memberId, assignment->role});
            Assignment moved = *assignment;
            moved.unitId = unitOfPart[holder];
            op.mDraft.changeAssignment(*assignment, moved);
        }
        op.mDraft.remove(oldChildren[o]);
    }
    return op.commit(QStringLiteral("divide"),
                     Tr::tr("Divide %1 into %2 %3").arg(op.label(unit)).arg(partCount).arg(level.name.text()),
                     codes);
}

HierarchyEditor::Result HierarchyEditor::recode(const QString& code, const QString& newCode)
{
    Operation op(mProject);
    const Unit& unit = op.requireUnit(code);
    const Unit* parent = unit.parentId ? op.mIndex.unit(unit.parentId) : nullptr;
    if (newCode == code)
        refuse(Tr::tr("%1 already has that code").arg(op.label(unit)));
    if (const QString problem = op.mCodes.whyNot(newCode, unit.level, parent, unit.id); !problem.isEmpty())
        refuse(problem);
    op.recodeSubtree(unit.id, newCode);
    return op.commit(QStringLiteral("recode"), Tr::tr("Recode %1 %2 as %3").arg(code, unit.name, newCode),
                     {newCode});
}

} // namespace gridmodel
