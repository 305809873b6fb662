#include "check/checker.h"

#include "check/checksubject.h"
#include "check/familytally.h"
#include "geosengine.h"
#include "hierarchyindex.h"
#include "translation.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <optional>

namespace gridmodel {

bool Checker::tilesExactly(const Unit& parent, const std::vector<const Unit*>& children, double tolerance)
{
    // Walked back by a sibling, a child's edge cancels out; what is left of the children's
    // edges must be exactly the parent's, in the same direction; and the areas add up.
    return FamilyTally(parent, children, tolerance).tilesExactly();
}

namespace {

class CheckRun
{
public:
    CheckRun(const ProjectData& data, const HierarchyIndex& index, const Checker::Scope& scope,
             Checker::Coverage coverage, const CheckSubject& subject)
        : mData(data), mScope(scope), mCoverage(coverage), mSubject(subject), mIndex(index),
          mTolerance(data.hierarchy.sliverToleranceM2())
    {
    }

    OwnedProblems run()
    {
        const std::vector<const Unit*> units = unitsToCheck();
        if (mSubject.everything || mSubject.codes)
            checkCodes();
        for (const Unit* unit : units)
            checkPlaceInHierarchy(*unit);
        checkGeometry(units);
        checkCoverage();
        checkCounts(units);
        checkRoles(units);
        markAccepted();
        return std::move(mProblems);
    }

private:
    bool levelInScope(int level) const { return mScope.level < 0 || mScope.level == level; }

    bool unitsInScope(const std::vector<UnitId>& units) const
    {
        if (!mScope.within)
            return true;
        for (UnitId id : units)
            if (const Unit* unit = mIndex.unit(id); unit && mIndex.isWithin(*unit, mScope.within))
                return true;
        return false;
    }

    //! the units whose own findings (everything but coverage and codes) are checked
    std::vector<const Unit*> unitsToCheck() const
    {
        std::vector<const Unit*> units;
        if (mSubject.everything) {
            units.reserve(mData.units.size());
            for (const Unit& unit : mData.units)
                units.push_back(&unit);
        } else {
            for (UnitId id : mSubject.units)
                if (const Unit* unit = mIndex.unit(id))
                    units.push_back(unit);
        }
        return units;
    }

    void add(FindingOwner owner, Problem problem)
    {
        if (!levelInScope(problem.level) || !unitsInScope(problem.units))
            return;
        // where to zoom: the unit, or for a damaged boundary the nearest unit above that is whole
        if (problem.location.x == 0 && problem.location.y == 0 && !problem.units.empty()) {
            const Unit* unit = mIndex.unit(problem.units.front());
            for (int up = 0; unit && up < mData.hierarchy.levelCount(); ++up) { // a cycle ends too
                if (!hasImpossiblePoints(unit->boundary)) {
                    problem.location = unit->boundary.envelope().center();
                    break;
                }
                unit = mIndex.unit(unit->parentId);
            }
        }
        mProblems.push_back({owner, std::move(problem)});
    }

    void add(const Unit& unit, Problem problem) { add(FindingOwner::of(unit), std::move(problem)); }

    static Problem make(Problem::Kind kind, int level, std::vector<UnitId> units,
                        TwoLanguages detail = TwoLanguages(), bool notYetEntered = false)
    {
        Problem problem{kind,          level,          std::move(units),       0,
                        Point{},       MultiPolygon(), std::move(detail.text), std::move(detail.zh),
                        notYetEntered, std::nullopt};
        return problem;
    }

    void checkCodes()
    {
        for (const QString& code : mIndex.duplicateCodes()) {
            std::vector<UnitId> same;
            for (const Unit& unit : mData.units)
                if (unit.code == code)
                    same.push_back(unit.id);
            add(FindingOwner::codes(),
                make(Problem::Kind::DuplicateCode, mIndex.unitByCode(code)->level, same,
                     inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "code %1 is used %2 times"), code,
                                     same.size())));
        }
    }

    void checkPlaceInHierarchy(const Unit& unit)
    {
        if (unit.level > 0 || unit.parentId) {
            const Unit* parent = unit.parentId ? mIndex.unit(unit.parentId) : nullptr;
            if (!parent || parent->level != unit.level - 1)
                add(unit, make(Problem::Kind::Orphan, unit.level, {unit.id},
                               parent ? inBothLanguages(QT_TRANSLATE_NOOP(
                                                            "gridmodel", "its parent %1 is not one level up"),
                                                        parent->code)
                                      : inBothLanguages(QT_TRANSLATE_NOOP(
                                                            "gridmodel", "its parent (id %1) does not exist"),
                                                        unit.parentId)));
        }
        // A chain of parents longer than the hierarchy, or one that comes back, is a cycle;
        // only such a chain needs the exact walk.
        const size_t levels = mData.hierarchy.levels().size();
        size_t steps = 0;
        const Unit* current = mIndex.unit(unit.parentId);
        for (; current && steps <= levels; current = mIndex.unit(current->parentId), ++steps)
            if (current->id == unit.id)
                break;
        if (current && isOnCycle(unit))
            add(unit,
                make(Problem::Kind::Cycle, unit.level, {unit.id},
                     inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 is its own ancestor"), unit.code)));
    }

    bool isOnCycle(const Unit& unit) const
    {
        QSet<UnitId> seen{unit.id};
        for (const Unit* current = mIndex.unit(unit.parentId); current;
             current = mIndex.unit(current->parentId)) {
            if (current->id == unit.id)
                return true;
            if (seen.contains(current->id))
                return false; // a cycle above it, not through it
            seen.insert(current->id);
        }
        return false;
    }

    void checkGeometry(const std::vector<const Unit*>& units)
    {
        for (const Unit* unit : units) {
            // With a level in scope, only that level and its parents' matter: the parents
            // decide whether the level's coverage can be checked against them.
            if (mScope.level >= 0 && unit->level != mScope.level && unit->level != mScope.level - 1)
                continue;
            std::optional<Problem> unusable = whyUnusable(*unit);
            mUnusable.insert(unit->id, unusable.has_value());
            const bool damaged = unusable && unusable->kind == Problem::Kind::InvalidGeometry;
            if (unusable)
                add(*unit, std::move(*unusable));
            if (!damaged && unit->boundary.polygons.size() > 1 &&
                mData.hierarchy.level(unit->level).contiguous)
                add(*unit, make(Problem::Kind::NotContiguous, unit->level, {unit->id},
                                inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 is in %2 pieces"),
                                                unit->code, unit->boundary.polygons.size())));
        }
    }

    //! what makes a boundary unusable for coverage: damaged, invalid or empty; nothing when it is fine
    std::optional<Problem> whyUnusable(const Unit& unit) const
    {
        if (hasImpossiblePoints(unit.boundary)) // damaged: said so, not printed in 300 digits
            return make(Problem::Kind::InvalidGeometry, unit.level, {unit.id},
                        inBothLanguages(
                            QT_TRANSLATE_NOOP(
                                "gridmodel",
                                "%1 has coordinates that can be no place on Earth: its boundary is damaged"),
                            unit.code));
        const TwoLanguages invalidity = unit.boundary.isEmpty() || isClearlyValidSimplePolygon(unit.boundary)
                                            ? TwoLanguages()
                                            : mGeos.invalidity(unit.boundary);
        if (!invalidity.text.isEmpty()) {
            Problem problem = make(Problem::Kind::InvalidGeometry, unit.level, {unit.id}, invalidity);
            problem.location = unit.boundary.envelope().center();
            return problem;
        }
        if (unit.boundary.area() <= 0)
            return make(Problem::Kind::EmptyGeometry, unit.level, {unit.id},
                        inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 has no boundary"), unit.code));
        return std::nullopt;
    }

    //! left out of coverage checks: found so by checkGeometry, or now for a unit it did not look at
    bool isUnusable(const Unit& unit)
    {
        const auto found = mUnusable.constFind(unit.id);
        if (found != mUnusable.constEnd())
            return *found;
        const bool unusable = whyUnusable(unit).has_value();
        mUnusable.insert(unit.id, unusable);
        return unusable;
    }

    void checkCoverage()
    {
        // Families: the children of each unit, and the top level as one family without a parent.
        if (mSubject.everything) {
            checkFamily(nullptr, mIndex.children(0));
            for (const Unit& unit : mData.units)
                if (!mIndex.children(unit.id).empty())
                    checkFamily(&unit, mIndex.children(unit.id));
            return;
        }
        for (UnitId family : mSubject.families) {
            const Unit* parent = family ? mIndex.unit(family) : nullptr;
            if ((parent || !family) && !mIndex.children(family).empty())
                checkFamily(parent, mIndex.children(family));
        }
    }

    void checkFamily(const Unit* parent, const std::vector<const Unit*>& allChildren)
    {
        std::vector<const Unit*> children;
        for (const Unit* child : allChildren)
            if ((!parent || child->level == parent->level + 1) && !isUnusable(*child))
                children.push_back(child);
        if (children.empty())
            return;
        const int level = children.front()->level;
        if (!levelInScope(level))
            return;
        mFamily = FindingOwner::familyOf(parent ? parent->id : 0);
        const bool parentUsable = parent && !isUnusable(*parent);
        if (parentUsable) {
            const FamilyTally family(*parent, children, mTolerance);
            if (family.tilesExactly())
                return;
            if (mCoverage == Checker::Coverage::WhereEdgesDisagree &&
                checkFamilyWhereEdgesDisagree(family, *parent, children, level))
                return;
        }

        // Overlaps between siblings whose envelopes meet.
        std::vector<Envelope> envelopes;
        for (const Unit* child : children)
            envelopes.push_back(child->boundary.envelope());
        for (size_t i = 0; i < children.size(); ++i)
            for (size_t j = i + 1; j < children.size(); ++j)
                checkOverlap(*children[i], envelopes[i], *children[j], envelopes[j], level);
        if (!parent)
            checkHolesAmong(children, envelopes);
        if (!parentUsable)
            return;
        for (const Unit* child : children)
            addAreaProblems(Problem::Kind::OutsideParent, level, {child->id, parent->id},
                            mGeos.difference(child->boundary, parent->boundary));
        if (mData.hierarchy.level(parent->level).coveredByChildren) {
            std::vector<const MultiPolygon*> parts;
            for (const Unit* child : children)
                parts.push_back(&child->boundary);
            addAreaProblems(Problem::Kind::Gap, level, {parent->id},
                            mGeos.difference(parent->boundary, mGeos.unaryUnion(parts)));
        }
    }

    /**
     * Their overlap lies inside both envelopes: each is clipped to (about) the envelopes' common
     * box first, so neighbours, which share only a strip of it, are intersected on that strip.
     */
    void checkOverlap(const Unit& a, const Envelope& aBox, const Unit& b, const Envelope& bBox, int level)
    {
        if (!aBox.overlaps(bBox))
            return;
        // m: a little more than the common box, so that its sides do not run through the corners
        // that bound it (GEOS clips such a polygon into one that touches itself); not a round
        // figure, which drawn coordinates often are
        constexpr double BeyondTheCorners = 0.37;
        const Envelope common = aBox.intersected(bBox).grownBy(BeyondTheCorners);
        const auto inCommon = [&](const MultiPolygon& boundary, const Envelope& box) {
            return common.contains(box) ? boundary : mGeos.clippedTo(boundary, common);
        };
        addAreaProblems(Problem::Kind::Overlap, level, {a.id, b.id},
                        mGeos.intersection(inCommon(a.boundary, aBox), inCommon(b.boundary, bBox)));
    }

    /**
     * The same findings as the whole family's exact check, with exact geometry only around the
     * edges the children and the parent disagree on (disagreeingAreas). Each gap, overlap or part
     * outside the parent lies inside one area, and the areas lie more than the margin apart, so
     * the children and the parent are clipped to each area's window (the area and the margin
     * around it) and the window's own findings come from those small pieces: the siblings against
     * each other and against the parent, and the parent's gaps. A piece reaching out of the area
     * is one the window cut, not a finding. False, having found nothing, when the edges disagree
     * nearly everywhere.
     */
    bool checkFamilyWhereEdgesDisagree(const FamilyTally& family, const Unit& parent,
                                       const std::vector<const Unit*>& children, int level)
    {
        constexpr double Margin = 1.0; // m: a window's cut edges stay this far outside its area
        const std::optional<std::vector<Envelope>> areas = disagreeingAreas(family, parent, children, Margin);
        if (!areas)
            return false;
        std::vector<Envelope> windows;
        for (const Envelope& area : *areas)
            windows.push_back(area.grownBy(Margin));
        const std::vector<MultiPolygon> parentInWindows = mGeos.clippedTo(parent.boundary, windows);
        std::vector<Envelope> envelopes;
        for (const Unit* child : children)
            envelopes.push_back(child->boundary.envelope());
        const bool covered = mData.hierarchy.level(parent.level).coveredByChildren;
        for (size_t w = 0; w < windows.size(); ++w) {
            const Envelope& window = windows[w];
            std::vector<const Unit*> near;
            std::vector<MultiPolygon> clipped; // each near child's part in the window
            for (size_t i = 0; i < children.size(); ++i) {
                if (!envelopes[i].meets(window))
                    continue;
                near.push_back(children[i]);
                clipped.push_back(window.contains(envelopes[i])
                                      ? children[i]->boundary
                                      : mGeos.clippedTo(children[i]->boundary, window));
            }
            const Envelope inside = (*areas)[w].grownBy(Margin / 4);
            const auto add = [&](Problem::Kind kind, const std::vector<UnitId>& units, MultiPolygon found) {
                keepInside(found, inside);
                addAreaProblems(kind, level, units, found);
            };
            std::vector<Envelope> clippedEnvelopes;
            for (const MultiPolygon& part : clipped)
                clippedEnvelopes.push_back(part.envelope());
            for (size_t a = 0; a < near.size(); ++a)
                for (size_t b = a + 1; b < near.size(); ++b)
                    if (clippedEnvelopes[a].overlaps(clippedEnvelopes[b]))
                        add(Problem::Kind::Overlap, {near[a]->id, near[b]->id},
                            mGeos.intersection(clipped[a], clipped[b]));
            for (size_t i = 0; i < near.size(); ++i)
                if (!clipped[i].isEmpty())
                    add(Problem::Kind::OutsideParent, {near[i]->id, parent.id},
                        mGeos.difference(clipped[i], parentInWindows[w]));
            if (!covered)
                continue;
            std::vector<const MultiPolygon*> parts;
            for (const MultiPolygon& part : clipped)
                parts.push_back(&part);
            add(Problem::Kind::Gap, {parent.id},
                mGeos.difference(parentInWindows[w], mGeos.unaryUnion(parts)));
        }
        return true;
    }

    //! leaves out the pieces that reach out of the box
    static void keepInside(MultiPolygon& found, const Envelope& box)
    {
        found.polygons.erase(std::remove_if(found.polygons.begin(), found.polygons.end(),
                                            [&](const Polygon& polygon) {
                                                return !box.contains(MultiPolygon{{polygon}}.envelope());
                                            }),
                             found.polygons.end());
    }

    /**
     * The top level has no parent, but a hole inside the union of its units is still land no
     * unit covers (real street sets have them): each is a gap, named after a unit around it.
     */
    void checkHolesAmong(const std::vector<const Unit*>& topLevel, const std::vector<Envelope>& envelopes)
    {
        const std::vector<MultiPolygon> holes = mCoverage == Checker::Coverage::WholeFamily
                                                    ? holesInTheUnionOf(topLevel)
                                                    : holesWhereEdgesDisagree(topLevel, envelopes);
        constexpr double SharedEdge = 0.001; // m: more than the touch of a rounded corner
        for (const MultiPolygon& area : holes) {
            const Envelope reach = area.envelope();
            std::vector<UnitId> around;
            for (size_t i = 0; i < topLevel.size() && around.size() < 2; ++i)
                if (envelopes[i].meets(reach) &&
                    mGeos.sharedBoundaryLength(area, topLevel[i]->boundary) > SharedEdge)
                    around.push_back(topLevel[i]->id);
            if (around.empty())
                around.push_back(topLevel.front()->id);
            addAreaProblems(Problem::Kind::Gap, topLevel.front()->level, around, area);
        }
    }

    //! the holes of the units' union, less any unit lying inside one as an island
    std::vector<MultiPolygon> holesInTheUnionOf(const std::vector<const Unit*>& topLevel)
    {
        std::vector<const MultiPolygon*> parts;
        for (const Unit* unit : topLevel)
            parts.push_back(&unit->boundary);
        const MultiPolygon all = parts.size() == 1 ? *parts.front() : mGeos.unaryUnion(parts);
        std::vector<MultiPolygon> holes;
        for (const Polygon& polygon : all.polygons)
            for (size_t ring = 1; ring < polygon.rings.size(); ++ring) {
                Ring hole = polygon.rings[ring];
                std::reverse(hole.begin(), hole.end()); // a hole's ring runs clockwise
                MultiPolygon area{{Polygon{{hole}}}};
                const Envelope reach = area.envelope();
                const bool island =
                    std::any_of(all.polygons.begin(), all.polygons.end(), [&](const Polygon& p) {
                        return &p != &polygon && reach.contains(MultiPolygon{{p}}.envelope());
                    });
                holes.push_back(island ? mGeos.difference(area, all) : std::move(area));
            }
        return holes;
    }

    /**
     * The same holes without the union: only where the units' edges disagree (unbalancedEdges) can
     * a point go from covered to not, so the faces those edges enclose are each covered all over
     * or not at all, and a face whose inner point no unit covers is a hole.
     */
    std::vector<MultiPolygon> holesWhereEdgesDisagree(const std::vector<const Unit*>& topLevel,
                                                      const std::vector<Envelope>& envelopes)
    {
        std::vector<MultiPolygon> holes;
        for (Polygon& face : mGeos.facesEnclosedBy(unbalancedEdges(topLevel)).polygons) {
            MultiPolygon area{{std::move(face)}};
            const Point inside = mGeos.pointOnSurface(area);
            bool covered = false;
            for (size_t i = 0; i < topLevel.size() && !covered; ++i)
                covered = envelopes[i].contains(inside) && topLevel[i]->boundary.contains(inside);
            if (!covered)
                holes.push_back(std::move(area));
        }
        return holes;
    }

    //! one problem per separate piece of the area that is above the sliver tolerance
    void addAreaProblems(Problem::Kind kind, int level, const std::vector<UnitId>& units,
                         const MultiPolygon& area)
    {
        for (const Polygon& polygon : area.polygons) {
            MultiPolygon piece;
            piece.polygons.push_back(polygon);
            const double size = piece.area();
            if (size < mTolerance || size <= 0)
                continue;
            Problem problem =
                make(kind, level, units,
                     inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 m²"), QString::number(size, 'f', 1)));
            problem.areaM2 = size;
            problem.location = mGeos.pointOnSurface(piece);
            problem.geometry = std::move(piece);
            add(mFamily, std::move(problem));
        }
    }

    void checkCounts(const std::vector<const Unit*>& units)
    {
        const bool countsNotEntered = mData.countsNotEnteredYet;
        for (const Unit* unitToCheck : units) {
            const Unit& unit = *unitToCheck;
            if (!Counts::inRange(unit.households) || !Counts::inRange(unit.residents))
                add(unit, make(Problem::Kind::CountOutOfRange, unit.level, {unit.id},
                               inBothLanguages(
                                   QT_TRANSLATE_NOOP("gridmodel",
                                                     "%1 households and %2 residents; a unit counts 0 to %3"),
                                   unit.households, unit.residents, Counts::Max)));
            const auto& children = mIndex.children(unit.id);
            if (!children.empty()) {
                qint64 households = 0, residents = 0;
                for (const Unit* child : children) {
                    households = Counts::add(households, child->households);
                    residents = Counts::add(residents, child->residents);
                }
                if (households != unit.households || residents != unit.residents)
                    add(unit,
                        make(Problem::Kind::CountMismatch, unit.level, {unit.id},
                             inBothLanguages(
                                 QT_TRANSLATE_NOOP(
                                     "gridmodel",
                                     "%1 households and %2 residents, its children add up to %3 and %4"),
                                 unit.households, unit.residents, households, residents),
                             countsNotEntered));
            }
            const LevelDefinition& level = mData.hierarchy.level(unit.level);
            if (!level.households.contains(unit.households))
                add(unit, make(Problem::Kind::OutOfBand, unit.level, {unit.id},
                               inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 households, target %2"),
                                               unit.households, bandText(level.households)),
                               countsNotEntered || unit.households == 0));
            if (!level.residents.contains(unit.residents))
                add(unit, make(Problem::Kind::OutOfBand, unit.level, {unit.id},
                               inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 residents, target %2"),
                                               unit.residents, bandText(level.residents)),
                               countsNotEntered || unit.residents == 0));
        }
    }

    static QString bandText(const TargetBand& band)
    {
        return QStringLiteral("%1–%2").arg(band.min ? QString::number(*band.min) : QString(),
                                           band.max ? QString::number(*band.max) : QString());
    }

    //! problems the planner accepts carry their note (matched by kind and first unit)
    void markAccepted()
    {
        if (mData.acceptedProblems.empty())
            return;
        QHash<QPair<QString, QString>, QString> notes;
        for (const AcceptedProblem& accepted : mData.acceptedProblems)
            notes.insert({accepted.kindKey, accepted.unitCode}, accepted.note);
        for (auto& [owner, problem] : mProblems) {
            const Unit* unit = problem.units.empty() ? nullptr : mIndex.unit(problem.units.front());
            const auto found =
                unit ? notes.constFind({Problem::kindKey(problem.kind), unit->code}) : notes.cend();
            if (found != notes.cend())
                problem.acceptedNote = *found;
        }
    }

    void checkRoles(const std::vector<const Unit*>& units)
    {
        for (const Unit* unit : units) {
            const std::vector<const Assignment*>& assigned = mIndex.assignments(unit->id);
            for (const RoleDefinition& role : mData.hierarchy.level(unit->level).roles) {
                QSet<MemberId> holders;
                for (const Assignment* assignment : assigned)
                    if (assignment->role == role.key)
                        holders.insert(assignment->memberId);
                const qsizetype people = holders.size();
                if (role.required && people == 0)
                    add(*unit, make(Problem::Kind::MissingRole, unit->level, {unit->id},
                                    inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "no %1"), role.name),
                                    assigned.empty()));
                if (role.isOverfilledBy(people))
                    add(*unit, make(Problem::Kind::RoleOverfilled, unit->level, {unit->id},
                                    inBothLanguages(
                                        QT_TRANSLATE_NOOP("gridmodel", "%1 people are %2, at most %3 may be"),
                                        people, role.name, role.maxPeople)));
            }
        }
        for (const Unit* unit : units) // after every role, as a report lists them
            for (const RatioRule& rule : mData.hierarchy.ratioRules()) {
                if (mData.hierarchy.levelIndex(rule.levelKey) != unit->level)
                    continue;
                for (const Assignment* assignment : mIndex.assignments(unit->id)) {
                    if (assignment->role != rule.roleKey ||
                        rule.householdsPerMember.contains(assignment->linkedHouseholds))
                        continue;
                    add(*unit,
                        make(Problem::Kind::Ratio, unit->level, {unit->id},
                             inBothLanguages(
                                 QT_TRANSLATE_NOOP(
                                     "gridmodel", "member %1 keeps in touch with %2 households, rule %3: %4"),
                                 assignment->memberId, assignment->linkedHouseholds, rule.description,
                                 bandText(rule.householdsPerMember)),
                             mData.countsNotEnteredYet || assignment->linkedHouseholds == 0));
                }
            }
    }

    const ProjectData& mData;
    Checker::Scope mScope;
    Checker::Coverage mCoverage;
    const CheckSubject& mSubject;
    const HierarchyIndex& mIndex;
    GeosEngine mGeos;
    double mTolerance;
    QHash<UnitId, bool> mUnusable; //!< empty or invalid: left out of coverage checks
    FindingOwner mFamily;          //!< the family whose coverage is being checked
    OwnedProblems mProblems;
};

} // namespace

QString Problem::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Gap:
        return QStringLiteral("gap");
    case Kind::Overlap:
        return QStringLiteral("overlap");
    case Kind::OutsideParent:
        return QStringLiteral("outside_parent");
    case Kind::InvalidGeometry:
        return QStringLiteral("invalid_geometry");
    case Kind::EmptyGeometry:
        return QStringLiteral("empty_geometry");
    case Kind::DuplicateCode:
        return QStringLiteral("duplicate_code");
    case Kind::Orphan:
        return QStringLiteral("orphan");
    case Kind::Cycle:
        return QStringLiteral("cycle");
    case Kind::CountMismatch:
        return QStringLiteral("count_mismatch");
    case Kind::CountOutOfRange:
        return QStringLiteral("count_out_of_range");
    case Kind::MissingRole:
        return QStringLiteral("missing_role");
    case Kind::RoleOverfilled:
        return QStringLiteral("role_overfilled");
    case Kind::OutOfBand:
        return QStringLiteral("out_of_band");
    case Kind::Ratio:
        return QStringLiteral("ratio");
    case Kind::NotContiguous:
        return QStringLiteral("not_contiguous");
    }
    return QString();
}

std::optional<Problem::Kind> Problem::kindFromKey(const QString& key)
{
    for (Kind kind : allKinds())
        if (kindKey(kind) == key)
            return kind;
    return std::nullopt;
}

LocalizedText Problem::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Gap:
        return {QStringLiteral("缺口"), QStringLiteral("Gap")};
    case Kind::Overlap:
        return {QStringLiteral("重叠"), QStringLiteral("Overlap")};
    case Kind::OutsideParent:
        return {QStringLiteral("超出上级"), QStringLiteral("Outside parent")};
    case Kind::InvalidGeometry:
        return {QStringLiteral("边界无效"), QStringLiteral("Invalid boundary")};
    case Kind::EmptyGeometry:
        return {QStringLiteral("边界为空"), QStringLiteral("Empty boundary")};
    case Kind::DuplicateCode:
        return {QStringLiteral("编码重复"), QStringLiteral("Duplicate code")};
    case Kind::Orphan:
        return {QStringLiteral("上级缺失"), QStringLiteral("Parent missing")};
    case Kind::Cycle:
        return {QStringLiteral("层级成环"), QStringLiteral("Cycle")};
    case Kind::CountMismatch:
        return {QStringLiteral("数量不符"), QStringLiteral("Count mismatch")};
    case Kind::CountOutOfRange:
        return {QStringLiteral("数量超出范围"), QStringLiteral("Count out of range")};
    case Kind::MissingRole:
        return {QStringLiteral("职务空缺"), QStringLiteral("Missing role")};
    case Kind::RoleOverfilled:
        return {QStringLiteral("职务超员"), QStringLiteral("Role over-filled")};
    case Kind::OutOfBand:
        return {QStringLiteral("超出目标范围"), QStringLiteral("Out of band")};
    case Kind::Ratio:
        return {QStringLiteral("联系户数不符"), QStringLiteral("Ratio")};
    case Kind::NotContiguous:
        return {QStringLiteral("不连片"), QStringLiteral("Not contiguous")};
    }
    return {};
}

QString Problem::kindName(Kind kind)
{
    return kindText(kind).text();
}

std::vector<Problem::Kind> Problem::allKinds()
{
    return {Kind::Gap,           Kind::Overlap,         Kind::OutsideParent, Kind::InvalidGeometry,
            Kind::EmptyGeometry, Kind::DuplicateCode,   Kind::Orphan,        Kind::Cycle,
            Kind::CountMismatch, Kind::CountOutOfRange, Kind::MissingRole,   Kind::RoleOverfilled,
            Kind::OutOfBand,     Kind::Ratio,           Kind::NotContiguous};
}

OwnedProblems checkProject(const ProjectData& data, const HierarchyIndex& index, const CheckSubject& subject,
                           Checker::Coverage coverage)
{
    return CheckRun(data, index, Checker::Scope{}, coverage, subject).run();
}

Checker::Checker(const ProjectData& data, Coverage coverage) : mData(data), mCoverage(coverage) {}

Checker::Checker(const ProjectData& data, const HierarchyIndex& index, Coverage coverage)
    : mData(data), mIndex(&index), mCoverage(coverage)
{
}

std::vector<Problem> Checker::check(const Scope& scope) const
{
    std::optional<HierarchyIndex> ownIndex;
    if (!mIndex)
        ownIndex.emplace(mData);
    const CheckSubject everything;
    OwnedProblems owned = CheckRun(mData, mIndex ? *mIndex : *ownIndex, scope, mCoverage, everything).run();
    std::vector<Problem> problems;
    problems.reserve(owned.size());
    for (auto& [owner, problem] : owned)
        problems.push_back(std::move(problem));
    return problems;
}

} // namespace gridmodel
