#include "checker.h"

#include "geosengine.h"
#include "hierarchyindex.h"

#include <QCoreApplication>
#include <QSet>
#include <cstring>
#include <unordered_map>

namespace gridmodel {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("gridmodel", text);
}

struct Edge
{
    Point a, b;
    bool operator==(const Edge& o) const { return a == o.a && b == o.b; }
};

struct EdgeHash
{
    size_t operator()(const Edge& e) const
    {
        std::uint64_t h = 1469598103934665603ULL;
        for (double v : {e.a.x, e.a.y, e.b.x, e.b.y}) {
            std::uint64_t bits;
            std::memcpy(&bits, &v, sizeof bits);
            h = (h ^ bits) * 1099511628211ULL;
            h ^= h >> 29;
        }
        return static_cast<size_t>(h);
    }
};

} // namespace

bool Checker::tilesExactly(const Unit& parent, const std::vector<const Unit*>& children, double tolerance)
{
    std::unordered_map<Edge, int, EdgeHash> open;
    double childArea = 0;
    for (const Unit* child : children) {
        childArea += child->boundary.area();
        for (const Polygon& polygon : child->boundary.polygons)
            for (const Ring& ring : polygon.rings)
                for (size_t i = 0; i + 1 < ring.size(); ++i) {
                    const auto reverse = open.find(Edge{ring[i + 1], ring[i]});
                    if (reverse != open.end() && reverse->second > 0)
                        --reverse->second;
                    else
                        ++open[Edge{ring[i], ring[i + 1]}];
                }
    }
    if (std::abs(childArea - parent.boundary.area()) > tolerance)
        return false;
    for (const Polygon& polygon : parent.boundary.polygons)
        for (const Ring& ring : polygon.rings)
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                const auto found = open.find(Edge{ring[i], ring[i + 1]});
                if (found == open.end() || found->second == 0)
                    return false;
                --found->second;
            }
    for (const auto& [edge, count] : open)
        if (count != 0)
            return false;
    return true;
}

namespace {

class CheckRun
{
public:
    CheckRun(const ProjectData& data, const Checker::Scope& scope)
        : mData(data), mScope(scope), mIndex(data), mTolerance(data.hierarchy.sliverToleranceM2())
    {
    }

    std::vector<Problem> run()
    {
        checkCodesAndHierarchy();
        checkGeometry();
        checkCoverage();
        checkCounts();
        checkRoles();
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

    void add(Problem problem)
    {
        if (!levelInScope(problem.level) || !unitsInScope(problem.units))
            return;
        if (problem.location.x == 0 && problem.location.y == 0 && !problem.units.empty())
            if (const Unit* unit = mIndex.unit(problem.units.front()))
                problem.location = unit->boundary.envelope().center();
        mProblems.push_back(std::move(problem));
    }

    static Problem make(Problem::Kind kind, int level, std::vector<UnitId> units, QString detail = QString())
    {
        Problem problem{kind, level, std::move(units), 0, Point{}, MultiPolygon(), std::move(detail)};
        return problem;
    }

    void checkCodesAndHierarchy()
    {
        QHash<QString, std::vector<UnitId>> byCode;
        for (const Unit& unit : mData.units)
            byCode[unit.code].push_back(unit.id);
        for (const Unit& unit : mData.units) {
            const std::vector<UnitId>& same = byCode.value(unit.code);
            if (same.size() > 1 && same.front() == unit.id)
                add(make(Problem::Kind::DuplicateCode, unit.level, same,
                         tr("code %1 is used %2 times").arg(unit.code).arg(same.size())));

            if (unit.level > 0 || unit.parentId) {
                const Unit* parent = unit.parentId ? mIndex.unit(unit.parentId) : nullptr;
                if (!parent || parent->level != unit.level - 1)
                    add(make(Problem::Kind::Orphan, unit.level, {unit.id},
                             parent ? tr("its parent %1 is not one level up").arg(parent->code)
                                    : tr("its parent (id %1) does not exist").arg(unit.parentId)));
            }
            // A chain of parents longer than the hierarchy, or one that comes back, is a cycle.
            QSet<UnitId> seen{unit.id};
            for (const Unit* current = mIndex.unit(unit.parentId); current;
                 current = mIndex.unit(current->parentId)) {
                if (seen.contains(current->id)) {
                    if (current->id == unit.id)
                        add(make(Problem::Kind::Cycle, unit.level, {unit.id},
                                 tr("%1 is its own ancestor").arg(unit.code)));
                    break;
                }
                seen.insert(current->id);
            }
        }
    }

    void checkGeometry()
    {
        for (const Unit& unit : mData.units) {
            // With a level in scope, only that level and its parents' matter: the parents
            // decide whether the level's coverage can be checked against them.
            if (mScope.level >= 0 && unit.level != mScope.level && unit.level != mScope.level - 1)
                continue;
            const QString reason = unit.boundary.isEmpty() || isClearlyValidSimplePolygon(unit.boundary)
                                       ? QString()
                                       : mGeos.invalidityReason(unit.boundary);
            if (reason.isEmpty() && unit.boundary.area() <= 0) {
                add(make(Problem::Kind::EmptyGeometry, unit.level, {unit.id},
                         tr("%1 has no boundary").arg(unit.code)));
                mUnusable.insert(unit.id);
            } else if (!reason.isEmpty()) {
                Problem problem = make(Problem::Kind::InvalidGeometry, unit.level, {unit.id}, reason);
                problem.location = unit.boundary.envelope().center();
                add(std::move(problem));
                mUnusable.insert(unit.id);
            }
            if (reason.isEmpty() && unit.boundary.polygons.size() > 1 &&
                mData.hierarchy.level(unit.level).contiguous)
                add(make(Problem::Kind::NotContiguous, unit.level, {unit.id},
                         tr("%1 is in %2 pieces").arg(unit.code).arg(unit.boundary.polygons.size())));
        }
    }

    void checkCoverage()
    {
        // Families: the children of each unit, and the top level as one family without a parent.
        checkFamily(nullptr, mIndex.children(0));
        for (const Unit& unit : mData.units)
            if (!mIndex.children(unit.id).empty())
                checkFamily(&unit, mIndex.children(unit.id));
    }

    void checkFamily(const Unit* parent, const std::vector<const Unit*>& allChildren)
    {
        std::vector<const Unit*> children;
        for (const Unit* child : allChildren)
            if (!mUnusable.contains(child->id) && (!parent || child->level == parent->level + 1))
                children.push_back(child);
        if (children.empty())
            return;
        const int level = children.front()->level;
        if (!levelInScope(level))
            return;
        const bool parentUsable = parent && !mUnusable.contains(parent->id);
        if (parentUsable && Checker::tilesExactly(*parent, children, mTolerance))
            return;

        // Overlaps between siblings whose envelopes meet.
        std::vector<Envelope> envelopes;
        for (const Unit* child : children)
            envelopes.push_back(child->boundary.envelope());
        for (size_t i = 0; i < children.size(); ++i)
            for (size_t j = i + 1; j < children.size(); ++j) {
                const Envelope& a = envelopes[i];
                const Envelope& b = envelopes[j];
                if (a.maxX <= b.minX || b.maxX <= a.minX || a.maxY <= b.minY || b.maxY <= a.minY)
                    continue;
                addAreaProblems(Problem::Kind::Overlap, level, {children[i]->id, children[j]->id},
                                mGeos.intersection(children[i]->boundary, children[j]->boundary));
            }
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
            Problem problem = make(kind, level, units, tr("%1 m²").arg(size, 0, 'f', 1));
            problem.areaM2 = size;
            problem.location = mGeos.pointOnSurface(piece);
            problem.geometry = std::move(piece);
            add(std::move(problem));
        }
    }

    void checkCounts()
    {
        for (const Unit& unit : mData.units) {
            const auto& children = mIndex.children(unit.id);
            if (!children.empty()) {
                qint64 households = 0, residents = 0;
                for (const Unit* child : children) {
                    households += child->households;
                    residents += child->residents;
                }
                if (households != unit.households || residents != unit.residents)
                    add(make(Problem::Kind::CountMismatch, unit.level, {unit.id},
                             tr("%1 households and %2 residents, its children add up to %3 and %4")
                                 .arg(unit.households)
                                 .arg(unit.residents)
                                 .arg(households)
                                 .arg(residents)));
            }
            const LevelDefinition& level = mData.hierarchy.level(unit.level);
            if (!level.households.contains(unit.households))
                add(make(
                    Problem::Kind::OutOfBand, unit.level, {unit.id},
                    tr("%1 households, target %2").arg(unit.households).arg(bandText(level.households))));
            if (!level.residents.contains(unit.residents))
                add(make(Problem::Kind::OutOfBand, unit.level, {unit.id},
                         tr("%1 residents, target %2").arg(unit.residents).arg(bandText(level.residents))));
        }
    }

    static QString bandText(const TargetBand& band)
    {
        return QStringLiteral("%1–%2").arg(band.min ? QString::number(*band.min) : QString(),
                                           band.max ? QString::number(*band.max) : QString());
    }

    void checkRoles()
    {
        QHash<UnitId, QSet<QString>> filled;
        for (const Assignment& assignment : mData.assignments)
            filled[assignment.unitId].insert(assignment.role);
        for (const Unit& unit : mData.units)
            for (const RoleDefinition& role : mData.hierarchy.level(unit.level).roles)
                if (role.required && !filled.value(unit.id).contains(role.key))
                    add(make(Problem::Kind::MissingRole, unit.level, {unit.id},
                             tr("no %1").arg(role.name.text())));
        for (const RatioRule& rule : mData.hierarchy.ratioRules()) {
            const int level = mData.hierarchy.levelIndex(rule.levelKey);
            for (const Assignment& assignment : mData.assignments) {
                const Unit* unit = mIndex.unit(assignment.unitId);
                if (!unit || unit->level != level || assignment.role != rule.roleKey)
                    continue;
                if (!rule.householdsPerMember.contains(assignment.linkedHouseholds))
                    add(make(Problem::Kind::Ratio, level, {unit->id},
                             tr("member %1 keeps in touch with %2 households, rule %3: %4")
                                 .arg(assignment.memberId)
                                 .arg(assignment.linkedHouseholds)
                                 .arg(rule.description.text(), bandText(rule.householdsPerMember))));
            }
        }
    }

    const ProjectData& mData;
    Checker::Scope mScope;
    HierarchyIndex mIndex;
    GeosEngine mGeos;
    double mTolerance;
    QSet<UnitId> mUnusable; //!< empty or invalid: left out of coverage checks
    std::vector<Problem> mProblems;
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
    case Kind::MissingRole:
        return QStringLiteral("missing_role");
    case Kind::OutOfBand:
        return QStringLiteral("out_of_band");
    case Kind::Ratio:
        return QStringLiteral("ratio");
    case Kind::NotContiguous:
        return QStringLiteral("not_contiguous");
    }
    return QString();
}

std::vector<Problem::Kind> Problem::allKinds()
{
    return {Kind::Gap,           Kind::Overlap,       Kind::OutsideParent, Kind::InvalidGeometry,
            Kind::EmptyGeometry, Kind::DuplicateCode, Kind::Orphan,        Kind::Cycle,
            Kind::CountMismatch, Kind::MissingRole,   Kind::OutOfBand,     Kind::Ratio,
            Kind::NotContiguous};
}

Checker::Checker(const ProjectData& data) : mData(data) {}

std::vector<Problem> Checker::check(const Scope& scope) const
{
    return CheckRun(mData, scope).run();
}

} // namespace gridmodel
