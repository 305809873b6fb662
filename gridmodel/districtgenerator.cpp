#include "districtgenerator.h"

#include "chinesenames.h"
#include "districtlayout.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace gridmodel {

namespace {

//! children per parent, counted from the lowest level up: zones per building, buildings
//! per grid, grids per community, communities per street
constexpr double FanoutFromBottom[] = {4, 4, 6.5, 8};

std::vector<double> defaultLeavesPerUnit(int levelCount)
{
    std::vector<double> leaves(static_cast<size_t>(levelCount), 1.0);
    for (int level = levelCount - 2; level >= 0; --level)
        leaves[static_cast<size_t>(level)] =
            leaves[static_cast<size_t>(level + 1)] * FanoutFromBottom[std::min(levelCount - 2 - level, 3)];
    return leaves;
}

qint64 randomIn(QRandomGenerator& random, qint64 low, qint64 high)
{
    return high <= low ? low : low + random.bounded(static_cast<int>(high - low + 1));
}

/** Household counts at the leaves, nudged until every level lies within its band. */
class CountPlanner
{
public:
    CountPlanner(const HierarchyTemplate& hierarchy, std::vector<Unit>& units, QRandomGenerator& random)
        : mHierarchy(hierarchy), mUnits(units), mRandom(random)
    {
        for (size_t i = 0; i < mUnits.size(); ++i)
            mIndex.insert(mUnits[i].id, i);
    }

    void plan()
    {
        const int leafLevel = mHierarchy.levelCount() - 1;
        const TargetBand leafBand = mHierarchy.level(leafLevel).households;
        mLeafMin = leafBand.min.value_or(20);
        mLeafMax = leafBand.max.value_or(60);
        const qint64 margin = (mLeafMax - mLeafMin) / 8;
        for (Unit& unit : mUnits)
            if (unit.level == leafLevel)
                unit.households = randomIn(mRandom, mLeafMin + margin, mLeafMax - margin);
        collectLeaves();
        for (int pass = 0; pass < 8 && repairBands(); ++pass) {
        }
        for (Unit& unit : mUnits)
            if (unit.level == leafLevel)
                unit.residents = std::llround(static_cast<double>(unit.households) *
                                              (2.4 + 0.6 * mRandom.generateDouble()));
        rollUp();
    }

private:
    void collectLeaves()
    {
        const int leafLevel = mHierarchy.levelCount() - 1;
        for (size_t i = 0; i < mUnits.size(); ++i) {
            if (mUnits[i].level != leafLevel)
                continue;
            for (UnitId ancestor = mUnits[i].parentId; ancestor;
                 ancestor = mUnits[mIndex.value(ancestor)].parentId)
                mLeaves[ancestor].push_back(i);
        }
    }

    bool repairBands()
    {
        bool changed = false;
        for (int level = mHierarchy.levelCount() - 2; level >= 0; --level) {
            const TargetBand band = mHierarchy.level(level).households;
            if (!band.isSet())
                continue;
            for (const Unit& unit : mUnits) {
                if (unit.level != level)
                    continue;
                const std::vector<size_t>& leaves = mLeaves[unit.id];
                qint64 sum = 0;
                for (size_t leaf : leaves)
                    sum += mUnits[leaf].households;
                if (band.contains(sum) || sum == 0)
                    continue;
                const double target = band.min && sum < *band.min ? *band.min * 1.08 : *band.max * 0.92;
                const double factor = target / static_cast<double>(sum);
                for (size_t leaf : leaves)
                    mUnits[leaf].households = std::clamp<qint64>(
                        std::llround(static_cast<double>(mUnits[leaf].households) * factor), mLeafMin,
                        mLeafMax);
                changed = true;
            }
        }
        return changed;
    }

    void rollUp()
    {
        for (int level = mHierarchy.levelCount() - 2; level >= 0; --level)
            for (Unit& unit : mUnits)
                if (unit.level == level) {
                    unit.households = unit.residents = 0;
                }
        for (int level = mHierarchy.levelCount() - 1; level > 0; --level)
            for (const Unit& unit : mUnits)
                if (unit.level == level && unit.parentId) {
                    Unit& parent = mUnits[mIndex.value(unit.parentId)];
                    parent.households += unit.households;
                    parent.residents += unit.residents;
                }
    }

    const HierarchyTemplate& mHierarchy;
    std::vector<Unit>& mUnits;
    QRandomGenerator& mRandom;
    QHash<UnitId, size_t> mIndex;
    QHash<UnitId, std::vector<size_t>> mLeaves;
    qint64 mLeafMin = 20, mLeafMax = 60;
};

/** People in every required role (and some optional ones), with household links. */
class RosterPlanner
{
public:
    RosterPlanner(ProjectData& data, QRandomGenerator& random) : mData(data), mRandom(random) {}

    void plan()
    {
        QHash<UnitId, std::vector<const Unit*>> children;
        for (const Unit& unit : mData.units)
            if (unit.parentId)
                children[unit.parentId].push_back(&unit);
        const int leafLevel = mData.hierarchy.levelCount() - 1;
        for (const Unit& unit : mData.units) {
            const LevelDefinition& level = mData.hierarchy.level(unit.level);
            if (unit.level == leafLevel)
                continue; // leaves are staffed with their parent, below
            MemberId leader = 0;
            for (const RoleDefinition& role : level.roles) {
                if (role.key == QLatin1String("branch_secretary") && leader && mRandom.bounded(10) < 6) {
                    assign(leader, unit, role.key); // the grid leader often also leads the Party branch
                    continue;
                }
                const int people =
                    role.required
                        ? (role.key == QLatin1String("grid_worker") && mRandom.bounded(10) < 3 ? 2 : 1)
                        : (mRandom.bounded(10) < 2 ? 1 : 0);
                for (int i = 0; i < people; ++i) {
                    // Grid staff often also lead a building of their own grid (网格员兼楼栋长).
                    std::vector<MemberId>& parentStaff = mFreeStaff[unit.parentId];
                    const bool fromParent =
                        role.required && unit.level == leafLevel - 1 && !parentStaff.empty();
                    const MemberId member = fromParent ? parentStaff.back() : newMember();
                    if (fromParent)
                        parentStaff.pop_back();
                    assign(member, unit, role.key);
                    if (role.required && !fromParent)
                        mFreeStaff[unit.id].push_back(member);
                    if (!leader)
                        leader = member;
                }
            }
            if (unit.level == leafLevel - 1)
                staffLeaves(leader, children.value(unit.id));
        }
    }

private:
    void staffLeaves(MemberId parentLeader, const std::vector<const Unit*>& leaves)
    {
        const LevelDefinition& leafLevel = mData.hierarchy.level(mData.hierarchy.levelCount() - 1);
        for (const RoleDefinition& role : leafLevel.roles) {
            if (!role.required)
                continue;
            const RatioRule* rule = ratioFor(leafLevel.key, role.key);
            // A central household is one Party member's own home; a responsibility zone
            // member may look after two neighbouring zones, the building leader among them.
            const bool onePerLeaf =
                rule && rule->householdsPerMember.min && *rule->householdsPerMember.min >= 20;
            MemberId current = parentLeader;
            for (size_t i = 0; i < leaves.size(); ++i) {
                if (onePerLeaf || !current || (i > 0 && i % 2 == 0))
                    current = (onePerLeaf || i > 0 || !parentLeader) ? newMember() : parentLeader;
                const Unit& leaf = *leaves[i];
                qint64 linked = 0;
                if (rule) {
                    const qint64 low = rule->householdsPerMember.min.value_or(5);
                    const qint64 high = rule->householdsPerMember.max.value_or(15);
                    linked = onePerLeaf ? std::clamp(leaf.households, low, high)
                                        : randomIn(mRandom, low + 3, high - 3);
                }
                assign(current, leaf, role.key, linked,
                       QStringLiteral("%1 %2—%3室")
                           .arg(leaf.name)
                           .arg(101 + mRandom.bounded(3))
                           .arg(501 + mRandom.bounded(102)));
            }
        }
    }

    const RatioRule* ratioFor(const QString& levelKey, const QString& roleKey) const
    {
        for (const RatioRule& rule : mData.hierarchy.ratioRules())
            if (rule.levelKey == levelKey && rule.roleKey == roleKey)
                return &rule;
        return nullptr;
    }

    MemberId newMember()
    {
        Member member;
        member.id = static_cast<MemberId>(mData.members.size()) + 1;
        const bool female = mRandom.bounded(2) == 1;
        member.name = ChineseNames::personName(mRandom, female);
        member.gender = female ? QStringLiteral("女") : QStringLiteral("男");
        member.phone = ChineseNames::mobilePhone(mRandom);
        const int status = mRandom.bounded(20);
        member.status = status < 11   ? QStringLiteral("在职")
                        : status < 18 ? QStringLiteral("离退休")
                                      : QStringLiteral("流动");
        mData.members.push_back(member);
        return member.id;
    }

    void assign(MemberId member, const Unit& unit, const QString& role, qint64 linked = 0,
                const QString& note = QString())
    {
        Assignment assignment;
        assignment.id = static_cast<qint64>(mData.assignments.size()) + 1;
        assignment.memberId = member;
        assignment.unitId = unit.id;
        assignment.role = role;
        assignment.linkedHouseholds = linked;
        assignment.linkedHouseholdsNote = note;
        mData.assignments.push_back(assignment);
    }

    ProjectData& mData;
    QRandomGenerator& mRandom;
    //! members in a required role at a unit who do not yet also lead one of its children
    QHash<UnitId, std::vector<MemberId>> mFreeStaff;
};

/** Names, codes and organisations of generated units. */
class UnitNamer
{
public:
    explicit UnitNamer(const HierarchyTemplate& hierarchy) : mHierarchy(hierarchy) {}

    void name(Unit& unit, const Unit* parent, int indexInParent)
    {
        const LevelDefinition& level = mHierarchy.level(unit.level);
        const QString& key = level.key;
        unit.code = (parent ? parent->code : mCodePrefix) +
                    QStringLiteral("%1").arg(indexInParent + 1, level.codeDigits, 10, QLatin1Char('0'));
        if (key == QLatin1String("street")) {
            unit.name = ChineseNames::streetName(mStreets++);
            unit.organisation = unit.name + QStringLiteral("党工委");
        } else if (key == QLatin1String("community")) {
            unit.name = ChineseNames::communityName(mCommunities++);
            unit.organisation = unit.name + QStringLiteral("党委");
        } else if (key == QLatin1String("grid")) {
            unit.name = QStringLiteral("第%1网格").arg(indexInParent + 1);
            unit.organisation =
                (parent ? parent->name : QString()) +
                QStringLiteral("第%1网格党支部").arg(ChineseNames::ordinal(indexInParent + 1));
        } else if (key == QLatin1String("building")) {
            // Buildings are numbered through the community, as street addresses are.
            unit.name = QStringLiteral("%1号楼").arg(++mBuildingsInCommunity[parent ? parent->parentId : 0]);
            unit.organisation = unit.name + QStringLiteral("党小组");
        } else { // zone
            unit.name =
                QStringLiteral("%1%2单元").arg(parent ? parent->name : QString()).arg(indexInParent + 1);
            unit.organisation = unit.name + level.name.zh;
        }
    }

    void setCodePrefix(const QString& prefix) { mCodePrefix = prefix; }

private:
    const HierarchyTemplate& mHierarchy;
    QString mCodePrefix;
    int mStreets = 0;
    int mCommunities = 0;
    QHash<UnitId, int> mBuildingsInCommunity;
};

} // namespace

DistrictGenerator::Options DistrictGenerator::demoOptions()
{
    Options options;
    options.leafUnits = 800;
    options.seed = 20261122;
    options.name = QStringLiteral("金水区网格化管理演示辖区");
    options.leavesPerUnit = {400, 100, 16, 4, 1};
    return options;
}

std::vector<double> DistrictGenerator::leavesForFamiliesOf(double children, int levelCount)
{
    std::vector<double> leaves = defaultLeavesPerUnit(levelCount);
    if (levelCount < 2)
        return leaves;
    const double scale = std::max(1.0, children) / leaves[static_cast<size_t>(levelCount - 2)];
    for (int level = 0; level < levelCount - 1; ++level)
        leaves[static_cast<size_t>(level)] *= scale;
    return leaves;
}

int DistrictGenerator::addDefects(ProjectData& data, int level, double rate, quint64 seed)
{
    QRandomGenerator random(seed ^ 0x6465666563747321ULL);
    int changed = 0;
    for (Unit& unit : data.units) {
        if (unit.level != level || unit.boundary.polygons.empty() || random.generateDouble() >= rate)
            continue;
        Ring& ring = unit.boundary.polygons.front().rings.front();
        const size_t corners = ring.size() - 1; // closed: the last repeats the first
        if (corners < 3)
            continue;
        for (int attempt = 0; attempt < 8; ++attempt) {
            const size_t at = static_cast<size_t>(random.bounded(static_cast<int>(corners)));
            const Point& before = ring[(at + corners - 1) % corners];
            const Point& after = ring[(at + 1) % corners];
            // the normal of the chord around the corner, scaled to 2–8 m, in or out
            const double dx = after.x - before.x, dy = after.y - before.y;
            const double length = std::hypot(dx, dy);
            if (length <= 0)
                continue;
            const double by = (2 + 6 * random.generateDouble()) * (random.bounded(2) ? 1 : -1);
            const Point old = ring[at];
            const Point moved{old.x + dy / length * by, old.y - dx / length * by};
            ring[at] = moved;
            if (at == 0)
                ring.back() = moved;
            if (isClearlyValidSimplePolygon(unit.boundary)) {
                ++changed;
                break;
            }
            ring[at] = old;
            if (at == 0)
                ring.back() = old;
        }
    }
    return changed;
}

DistrictGenerator::Options DistrictGenerator::syntheticOptions(int zones, quint64 seed)
{
    Options options;
    options.leafUnits = std::max(1, zones);
    options.seed = seed;
    options.name = QStringLiteral("合成辖区（%1个责任区，种子%2）").arg(zones).arg(seed);
    return options;
}

ProjectData DistrictGenerator::generate(const Options& options)
{
    ProjectData data;
    data.hierarchy = HierarchyTemplate::builtin(options.templateKey);
    data.crsEpsg = options.crsEpsg;
    data.name = options.name;
    const int levelCount = data.hierarchy.levelCount();

    DistrictLayout::Options layoutOptions;
    layoutOptions.seed = options.seed;
    layoutOptions.targetLeaves = options.leafUnits;
    layoutOptions.leavesPerBlock = options.leavesPerUnit.size() == static_cast<size_t>(levelCount)
                                       ? options.leavesPerUnit
                                       : defaultLeavesPerUnit(levelCount);
    layoutOptions.edgeIrregularity = {0, 0, 0.5, 1, 1};
    layoutOptions.edgeIrregularity.resize(static_cast<size_t>(levelCount));
    const DistrictLayout layout(layoutOptions);

    // Units top-down, level by level, so ids and codes read in hierarchy order.
    const auto& blocks = layout.blocks();
    std::vector<UnitId> unitOfBlock(blocks.size(), 0);
    std::vector<std::vector<int>> blocksAtLevel(static_cast<size_t>(levelCount));
    std::vector<int> frontier{0};
    while (!frontier.empty()) {
        std::vector<int> next;
        for (int block : frontier)
            for (int child : blocks[static_cast<size_t>(block)].children) {
                blocksAtLevel[static_cast<size_t>(blocks[static_cast<size_t>(child)].level)].push_back(child);
                next.push_back(child);
            }
        frontier = std::move(next);
    }
    UnitNamer namer(data.hierarchy);
    namer.setCodePrefix(options.codePrefix);
    QHash<UnitId, size_t> indexOf;
    UnitId nextId = 1;
    for (const std::vector<int>& level : blocksAtLevel) {
        for (int blockIndex : level) {
            const DistrictLayout::Block& block = blocks[static_cast<size_t>(blockIndex)];
            Unit unit;
            unit.id = nextId++;
            unit.level = block.level;
            unit.parentId = block.parent > 0 ? unitOfBlock[static_cast<size_t>(block.parent)] : 0;
            const auto& siblings = blocks[static_cast<size_t>(block.parent)].children;
            const int indexInParent =
                static_cast<int>(std::find(siblings.begin(), siblings.end(), blockIndex) - siblings.begin());
            const Unit* parent = unit.parentId ? &data.units[indexOf.value(unit.parentId)] : nullptr;
            namer.name(unit, parent, parent ? indexInParent : static_cast<int>(indexOf.size()));
            unit.boundary = layout.boundary(blockIndex);
            unitOfBlock[static_cast<size_t>(blockIndex)] = unit.id;
            indexOf.insert(unit.id, data.units.size());
            data.units.push_back(std::move(unit));
        }
    }

    QRandomGenerator random(options.seed ^ 0x9e3779b97f4a7c15ULL);
    CountPlanner(data.hierarchy, data.units, random).plan();
    RosterPlanner(data, random).plan();
    return data;
}

} // namespace gridmodel
