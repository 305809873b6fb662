#include "changereport.h"

#include "error.h"
#include "geosengine.h"
#include "hierarchyindex.h"
#include "nearbyunits.h"
#include "translation.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

namespace gridmodel {

namespace {

//! a unit more than this share inside another counts as coming from it (split) or going into it (merge)
constexpr double MostlyInside = 0.5;
//! the unit changes the HTML lists per level; the XLSX has them all
constexpr int ListedPerLevel = 300;

/** One state of the project, with what the comparison asks of it. */
struct Side
{
    explicit Side(const ProjectData& data) : data(data), index(data)
    {
        byLevel.resize(size_t(std::max(0, data.hierarchy.levelCount())));
        for (const Unit& unit : data.units) {
            if (index.children(unit.id).empty())
                leaves.push_back(&unit);
            if (unit.level >= 0 && unit.level < data.hierarchy.levelCount())
                byLevel[size_t(unit.level)].push_back(&unit);
        }
    }

    //! the unit itself or its ancestor at `level`; null when there is none (or on a cycle)
    const Unit* ancestorAt(const Unit* unit, int level) const
    {
        for (int steps = 0; unit && steps <= data.hierarchy.levelCount(); ++steps) {
            if (unit->level == level)
                return unit;
            if (unit->level < level)
                return nullptr;
            unit = index.unit(unit->parentId);
        }
        return nullptr;
    }

    QString codeOf(UnitId id) const
    {
        const Unit* unit = index.unit(id);
        return unit ? unit->code : QString();
    }

    const std::vector<const Unit*>& unitsAt(int level) const { return byLevel.at(size_t(level)); }

    const ProjectData& data;
    HierarchyIndex index;
    std::vector<const Unit*> leaves;
    std::vector<std::vector<const Unit*>> byLevel;
};

/** Pairs the units of the two sides: the same unit before and after. */
class UnitMatching
{
public:
    UnitMatching(const Side& before, const Side& after, const GeosEngine& geos, double tolerance)
    {
        // 1. by id, where it is the same unit: same level, and the same code or overlapping
        for (const Unit& old : before.data.units) {
            const Unit* now = after.index.unit(old.id);
            if (now && now->level == old.level &&
                (now->code == old.code || overlap(geos, old, *now) > tolerance))
                pair(old, *now);
        }
        // 2. by code where they overlap; 3. by boundary, each mostly the other
        for (int pass = 0; pass < 2; ++pass) {
            for (int level = 0; level < before.data.hierarchy.levelCount(); ++level) {
                std::vector<const Unit*> unpaired;
                for (const Unit* now : after.unitsAt(level))
                    if (!mOldOf.contains(now->id))
                        unpaired.push_back(now);
                if (unpaired.empty())
                    continue;
                const NearbyUnits nearby(unpaired);
                for (const Unit* old : before.unitsAt(level)) {
                    if (mNewOf.contains(old->id))
                        continue;
                    for (const Unit* now : nearby.near(old->boundary.envelope())) {
                        if (mOldOf.contains(now->id))
                            continue;
                        const double shared = overlap(geos, *old, *now);
                        const bool same = pass == 0 ? now->code == old->code && shared > tolerance
                                                    : shared > MostlyInside * old->boundary.area() &&
                                                          shared > MostlyInside * now->boundary.area();
                        if (same) {
                            pair(*old, *now);
                            break;
                        }
                    }
                }
            }
        }
    }

    static double overlap(const GeosEngine& geos, const Unit& a, const Unit& b)
    {
        if (a.boundary == b.boundary)
            return a.boundary.area();
        if (!a.boundary.envelope().meets(b.boundary.envelope()))
            return 0;
        return geos.intersection(a.boundary, b.boundary).area();
    }

    //! the unit after that an old one became (null: gone)
    const Unit* newOf(UnitId oldId) const { return mNewOf.value(oldId, nullptr); }
    //! the unit before that a new one was (null: new)
    const Unit* oldOf(UnitId newId) const { return mOldOf.value(newId, nullptr); }
    //! the id after of an old unit, 0 when it is gone (so it never equals a unit's)
    UnitId newIdOf(const Unit* old) const
    {
        const Unit* now = old ? newOf(old->id) : nullptr;
        return now ? now->id : 0;
    }

private:
    void pair(const Unit& old, const Unit& now)
    {
        mNewOf.insert(old.id, &now);
        mOldOf.insert(now.id, &old);
    }

    QHash<UnitId, const Unit*> mNewOf;
    QHash<UnitId, const Unit*> mOldOf;
};

//! the unit of the other side that holds most of `unit`, if that is more than half of it
const Unit* mostlyIn(const Unit& unit, const NearbyUnits& otherSide, const GeosEngine& geos)
{
    const Unit* holder = nullptr;
    double most = MostlyInside * unit.boundary.area();
    for (const Unit* candidate : otherSide.near(unit.boundary.envelope())) {
        const double shared = UnitMatching::overlap(geos, unit, *candidate);
        if (shared > most) {
            most = shared;
            holder = candidate;
        }
    }
    return holder;
}

//! the Chinese name of a role of the unit's level (its key when the level has no such role)
QString roleName(const ProjectData& data, const Unit& unit, const QString& roleKey)
{
    if (unit.level < 0 || unit.level >= data.hierarchy.levelCount())
        return roleKey;
    const RoleDefinition* role = data.hierarchy.level(unit.level).role(roleKey);
    return role ? role->name.zh : roleKey;
}

QString area(double m2)
{
    return QString::number(m2, 'f', 1);
}

/** A kind of change: its word, and where a level counts it (null: not counted). */
struct ChangeWord
{
    ChangeReport::Change change;
    const char* word;
    qint64 ChangeReport::LevelTotals::*count;
};

//! the words for the changes, most telling first, as the tables and the summary name them
//! (not "重新编码": a column named "…编码" would hold codes)
const ChangeWord ChangeWords[] = {
    {ChangeReport::Change::Added, "新增", &ChangeReport::LevelTotals::added},
    {ChangeReport::Change::Removed, "撤销", &ChangeReport::LevelTotals::removed},
    {ChangeReport::Change::Split, "拆分", &ChangeReport::LevelTotals::split},
    {ChangeReport::Change::SplitPart, "拆分新增", nullptr},
    {ChangeReport::Change::Merged, "合并", &ChangeReport::LevelTotals::merged},
    {ChangeReport::Change::MergedAway, "并入", nullptr},
    {ChangeReport::Change::Moved, "移交", &ChangeReport::LevelTotals::moved},
    {ChangeReport::Change::Reshaped, "边界调整", &ChangeReport::LevelTotals::reshaped},
    {ChangeReport::Change::Recoded, "编码调整", &ChangeReport::LevelTotals::recoded},
    {ChangeReport::Change::Renamed, "更名", &ChangeReport::LevelTotals::renamed},
    {ChangeReport::Change::Recounted, "户数人口变化", &ChangeReport::LevelTotals::recounted},
};

struct MapClass
{
    const char* fill;
    const char* legend;
};

//! how the map colours a unit: by its most telling change
MapClass mapClass(ChangeReport::Changes changes)
{
    using Change = ChangeReport::Change;
    if (changes & (Change::Added | Change::SplitPart))
        return {"#8fd18a", "新增 / 拆分新增"};
    if (changes & Change::Split)
        return {"#f7b267", "拆分"};
    if (changes & Change::Merged)
        return {"#b9a3dd", "合并"};
    if (changes & Change::Moved)
        return {"#8dbde6", "移交"};
    if (changes & Change::Reshaped)
        return {"#f3dc74", "边界调整"};
    if (changes)
        return {"#d9dfe8", "编码 / 名称 / 户数变化"};
    return {"#f4f1ea", nullptr};
}

} // namespace

QString ChangeReport::stepLabel(const HistoryEntry& entry)
{
    return QStringLiteral("第%1步之后（%2 %3）").arg(entry.id).arg(entry.createdText(), entry.description);
}

QString ChangeReport::changesText(Changes changes)
{
    QStringList text;
    for (const ChangeWord& word : ChangeWords)
        if (changes.testFlag(word.change))
            text << QString::fromUtf8(word.word);
    return text.join(QStringLiteral("、"));
}

namespace {

/** Finds what changed between two states of a project, step by step, into a report. */
class ChangeFinder
{
public:
    using Change = ChangeReport::Change;
    using Changes = ChangeReport::Changes;
    using UnitChange = ChangeReport::UnitChange;

    ChangeFinder(const ProjectData& before, const ProjectData& after, const ChangeReport::Options& options)
        : mOptions(options), mOld(before), mNow(after), mMatching(mOld, mNow, mGeos, options.areaToleranceM2)
    {
    }

    //! the units' own changes: moved, recoded, renamed, recounted, reshaped
    void findOwnChanges()
    {
        for (const Unit& now : mNow.data.units) {
            const Unit* old = mMatching.oldOf(now.id);
            if (!old)
                continue;
            Changes changes;
            if (mMatching.newIdOf(mOld.index.unit(old->parentId)) != now.parentId)
                changes |= Change::Moved;
            if (old->code != now.code)
                changes |= Change::Recoded;
            if (old->name != now.name)
                changes |= Change::Renamed;
            if (old->households != now.households || old->residents != now.residents)
                changes |= Change::Recounted;
            double gained = 0, lost = 0;
            if (!(old->boundary == now.boundary)) {
                gained = mGeos.difference(now.boundary, old->boundary).area();
                lost = mGeos.difference(old->boundary, now.boundary).area();
                if (gained + lost > mOptions.areaToleranceM2)
                    changes |= Change::Reshaped;
            }
            if (!changes)
                continue;
            UnitChange& change = entry(old, &now);
            change.changes |= changes;
            if (changes.testFlag(Change::Reshaped)) {
                change.areaGainedM2 = gained;
                change.areaLostM2 = lost;
            }
        }
    }

    //! what is left over: a new unit mostly inside an old one was cut off it, an old unit
    //! mostly inside a new one went into it; the rest are new, or gone
    void findSplitsAndMerges()
    {
        for (int level = 0; level < mNow.data.hierarchy.levelCount(); ++level) {
            const auto isNew = [&](const Unit& unit) { return !mMatching.oldOf(unit.id); };
            forEachLeftOver(mNow, mOld, level, isNew, [&](const Unit& part, const Unit* source) {
                UnitChange& change = entry(nullptr, &part);
                if (!source) {
                    change.changes |= Change::Added;
                    return;
                }
                mSplitSource.insert(part.id, source);
                change.changes |= Change::SplitPart;
                change.splitFrom = source->code;
                UnitChange& whole = entry(source, mMatching.newOf(source->id));
                whole.changes |= Change::Split;
                whole.splitInto << part.code;
            });
            const auto isGone = [&](const Unit& unit) { return !mMatching.newOf(unit.id); };
            forEachLeftOver(mOld, mNow, level, isGone, [&](const Unit& gone, const Unit* target) {
                UnitChange& change = entry(&gone, nullptr);
                if (!target) {
                    if (!change.changes.testFlag(Change::Split))
                        change.changes |= Change::Removed;
                    return;
                }
                mMergeTarget.insert(gone.id, target);
                change.changes |= Change::MergedAway;
                change.mergedInto = target->code;
                UnitChange& into = entry(mMatching.oldOf(target->id), target);
                into.changes |= Change::Merged;
                into.mergedFrom << gone.code;
            });
        }
    }

    /**
     * Households and residents that changed unit, as the finest units tell: a leaf whose unit
     * at a level is not the one it was in (or that went into another unit) took its counts along.
     */
    void findTransfers()
    {
        for (const Unit* leaf : mNow.leaves) {
            const Unit* origin = mMatching.oldOf(leaf->id);
            if (origin && sameLineage(origin, leaf))
                continue; // the same units above it, level by level: nothing moved
            if (!origin)
                origin = mSplitSource.value(leaf->id, nullptr);
            if (origin)
                transfer(*origin, *leaf, leaf->households, leaf->residents);
        }
        for (const Unit* leaf : mOld.leaves)
            if (const Unit* target = mMergeTarget.value(leaf->id, nullptr))
                transfer(*leaf, *target, leaf->households, leaf->residents);
        for (auto& [key, t] : mTransfers)
            if (t.households || t.residents)
                mReport.transfers.push_back(t);
    }

    //! the people whose units (in a role) at a level are not what they were
    void findMemberMoves()
    {
        QHash<MemberId, QString> names;
        if (mOptions.withPersonal)
            for (const ProjectData* data : {&mOld.data, &mNow.data})
                for (const Member& member : data->members)
                    names.insert(member.id, member.name);
        struct Held
        {
            QSet<UnitId> units; //!< ids after (an old unit that is gone: minus its old id)
            std::vector<std::pair<const Unit*, QString>> roles;
        };
        QHash<QPair<MemberId, int>, std::pair<Held, Held>> held; // (member, level) -> before, after
        for (const Assignment& a : mOld.data.assignments)
            if (const Unit* unit = mOld.index.unit(a.unitId)) {
                Held& h = held[qMakePair(a.memberId, unit->level)].first;
                const UnitId id = mMatching.newIdOf(unit);
                h.units.insert(id ? id : -unit->id);
                h.roles.emplace_back(unit, a.role);
            }
        for (const Assignment& a : mNow.data.assignments)
            if (const Unit* unit = mNow.index.unit(a.unitId)) {
                Held& h = held[qMakePair(a.memberId, unit->level)].second;
                h.units.insert(unit->id);
                h.roles.emplace_back(unit, a.role);
            }
        const auto text = [](const ProjectData& data, const Held& h) { // "0101 网格长", sorted
            QStringList lines;
            for (const auto& [unit, role] : h.roles)
                lines << QStringLiteral("%1 %2").arg(unit->code, roleName(data, *unit, role));
            lines.sort();
            return lines;
        };
        for (auto it = held.cbegin(); it != held.cend(); ++it)
            if (it->first.units != it->second.units)
                mReport.memberMoves.push_back(
                    ChangeReport::MemberMove{it.key().first, names.value(it.key().first), it.key().second,
                                             text(mOld.data, it->first), text(mNow.data, it->second)});
        std::sort(mReport.memberMoves.begin(), mReport.memberMoves.end(),
                  [](const ChangeReport::MemberMove& a, const ChangeReport::MemberMove& b) {
                      return std::tie(a.memberId, a.level) < std::tie(b.memberId, b.level);
                  });
    }

    //! the units in code order, and the totals of each level
    void addUpLevels()
    {
        for (int level = 0; level < mNow.data.hierarchy.levelCount(); ++level) {
            const LevelDefinition& definition = mNow.data.hierarchy.level(level);
            ChangeReport::LevelTotals totals;
            totals.level = level;
            totals.key = definition.key;
            totals.name = definition.name.zh;
            for (const Unit* unit : mOld.unitsAt(level)) {
                ++totals.unitsBefore;
                totals.householdsBefore = Counts::add(totals.householdsBefore, unit->households);
                totals.residentsBefore = Counts::add(totals.residentsBefore, unit->residents);
            }
            for (const Unit* unit : mNow.unitsAt(level)) {
                ++totals.unitsAfter;
                totals.householdsAfter = Counts::add(totals.householdsAfter, unit->households);
                totals.residentsAfter = Counts::add(totals.residentsAfter, unit->residents);
            }
            mReport.levels.push_back(totals);
        }
        for (auto& [key, change] : mByKey) {
            ChangeReport::LevelTotals& totals = mReport.levels[size_t(change.level)];
            const Changes c = change.changes;
            for (const ChangeWord& word : ChangeWords)
                if (word.count && c.testFlag(word.change))
                    ++(totals.*word.count);
            totals.areaGainedM2 += change.areaGainedM2;
            totals.areaLostM2 += change.areaLostM2;
            change.splitInto.sort();
            change.mergedFrom.sort();
            mReport.units.push_back(change);
        }
        for (const ChangeReport::Transfer& t : mReport.transfers) {
            mReport.levels[size_t(t.level)].householdsTransferred += t.households;
            mReport.levels[size_t(t.level)].residentsTransferred += t.residents;
        }
        for (const ChangeReport::MemberMove& move : mReport.memberMoves)
            ++mReport.levels[size_t(move.level)].membersMoved;
        std::sort(mReport.units.begin(), mReport.units.end(), [](const UnitChange& a, const UnitChange& b) {
            // a code the units after and before share: the unit after first
            return std::make_tuple(a.level, a.code(), a.after.id == 0) <
                   std::make_tuple(b.level, b.code(), b.after.id == 0);
        });
    }

    /**
     * The map: the highest level whose units were added, removed, split, merged or moved (the
     * levels above only follow), else the highest whose boundaries changed, around what changed.
     */
    void drawMap()
    {
        const Changes structural = Change::Added | Change::Removed | Change::Split | Change::SplitPart |
                                   Change::Merged | Change::MergedAway | Change::Moved;
        for (const Changes wanted : {structural, Changes(Change::Reshaped), ~Changes()})
            for (const UnitChange& change : mReport.units)
                if (mReport.mapLevel < 0 && change.changes & wanted)
                    mReport.mapLevel = change.level;
        if (mReport.mapLevel < 0)
            return;
        QHash<UnitId, const UnitChange*> changedNew;
        for (const UnitChange& change : mReport.units) {
            if (change.level != mReport.mapLevel)
                continue;
            if (change.after.id)
                changedNew.insert(change.after.id, &change);
            const Unit* old = change.before.id ? mOld.index.unit(change.before.id) : nullptr;
            const Unit* now = change.after.id ? mNow.index.unit(change.after.id) : nullptr;
            if (old && (!now || change.changes & (Change::Reshaped | Change::Split))) {
                mReport.mapOld.push_back(old->boundary);
                mReport.extent.include(old->boundary.envelope());
            }
            if (now)
                mReport.extent.include(now->boundary.envelope());
        }
        // the neighbours around it, so the reader knows where it is
        Envelope around = mReport.extent;
        const double margin = std::max(around.width(), around.height()) * 0.25;
        around.minX -= margin;
        around.minY -= margin;
        around.maxX += margin;
        around.maxY += margin;
        for (const Unit* unit : mNow.unitsAt(mReport.mapLevel)) {
            const Envelope e = unit->boundary.envelope();
            if (!e.meets(around))
                continue;
            const UnitChange* change = changedNew.value(unit->id, nullptr);
            mReport.mapNew.push_back(ChangeReport::MapShape{
                unit->boundary, change ? change->changes : Changes(), change ? unit->name : QString(),
                change ? mGeos.pointOnSurface(unit->boundary) : Point()}); // neighbours go unlabelled
            mReport.extent.include(e);
        }
    }

    ChangeReport& report() { return mReport; }

private:
    //! the change of a unit, described on first asking; known by its id after, else before
    UnitChange& entry(const Unit* old, const Unit* now)
    {
        const Unit& either = now ? *now : *old;
        const auto [found, added] = mByKey.try_emplace({either.level, now != nullptr, either.id});
        UnitChange& change = found->second;
        if (added) {
            change.level = either.level;
            if (old)
                change.before = stateOf(*old, mOld);
            if (now)
                change.after = stateOf(*now, mNow);
        }
        return change;
    }

    static ChangeReport::UnitState stateOf(const Unit& unit, const Side& side)
    {
        return {unit.id,         unit.code,     unit.name, side.codeOf(unit.parentId), unit.boundary.area(),
                unit.households, unit.residents};
    }

    /**
     * Calls `visit` for each unit of `side` at `level` that `leftOver` says is left over, with
     * the unit of `other` that holds most of it (null when none holds more than half).
     */
    template <typename LeftOver, typename Visit>
    void forEachLeftOver(const Side& side, const Side& other, int level, LeftOver leftOver, Visit visit) const
    {
        std::unique_ptr<NearbyUnits> nearby; // made when something is left over
        for (const Unit* unit : side.unitsAt(level)) {
            if (!leftOver(*unit))
                continue;
            if (!nearby)
                nearby = std::make_unique<NearbyUnits>(other.unitsAt(level));
            visit(*unit, mostlyIn(*unit, *nearby, mGeos));
        }
    }

    //! whether `now` is `old` and so is every unit above it, level by level (remembered per unit)
    bool sameLineage(const Unit* old, const Unit* now)
    {
        if (!old || !now)
            return !old && !now;
        if (mMatching.newIdOf(old) != now->id)
            return false;
        const auto known = mSameLineage.constFind(old->id);
        if (known != mSameLineage.constEnd())
            return *known;
        mSameLineage.insert(old->id, false); // a cycle ends here
        const bool same = sameLineage(mOld.index.unit(old->parentId), mNow.index.unit(now->parentId));
        mSameLineage.insert(old->id, same);
        return same;
    }

    //! counts that went from `from` (before) to `to` (after), at every level the two differ
    void transfer(const Unit& from, const Unit& to, qint64 households, qint64 residents)
    {
        for (int level = 0; level <= to.level && level <= from.level; ++level) {
            const Unit* was = mOld.ancestorAt(&from, level);
            const Unit* is = mNow.ancestorAt(&to, level);
            if (!was || !is || mMatching.newIdOf(was) == is->id)
                continue;
            ChangeReport::Transfer& t = mTransfers[{level, was->id, is->id}];
            t.level = level;
            t.fromCode = was->code;
            t.fromName = was->name;
            t.toCode = is->code;
            t.toName = is->name;
            t.households += households;
            t.residents += residents;
        }
    }

    const ChangeReport::Options& mOptions;
    const GeosEngine mGeos;
    const Side mOld, mNow;
    const UnitMatching mMatching;
    ChangeReport mReport;
    std::map<std::tuple<int, bool, UnitId>, UnitChange> mByKey; //!< (level, known after, id)
    QHash<UnitId, const Unit*> mSplitSource;                    //!< new id -> the old unit it was cut off
    QHash<UnitId, const Unit*> mMergeTarget;                    //!< old id -> the new unit it went into
    QHash<UnitId, bool> mSameLineage;                           //!< old id -> sameLineage()
    std::map<std::tuple<int, UnitId, UnitId>, ChangeReport::Transfer> mTransfers; //!< (level, old, new)
};

} // namespace

ChangeReport ChangeReport::between(const ProjectData& before, const ProjectData& after,
                                   const Options& options)
{
    const int levelCount = after.hierarchy.levelCount();
    bool sameLevels = before.hierarchy.levelCount() == levelCount;
    for (int level = 0; sameLevels && level < levelCount; ++level)
        sameLevels = before.hierarchy.level(level).key == after.hierarchy.level(level).key;
    if (!sameLevels)
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("The two projects have different levels (another hierarchy template) and cannot be "
                   "compared level by level"));
    if (before.crsEpsg != after.crsEpsg)
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("The two projects are in different coordinate systems (EPSG:%1 and EPSG:%2), so their "
                   "boundaries cannot be compared")
                .arg(before.crsEpsg)
                .arg(after.crsEpsg));
    ChangeFinder finder(before, after, options);
    finder.findOwnChanges();
    finder.findSplitsAndMerges();
    finder.findTransfers();
    finder.findMemberMoves();
    finder.addUpLevels();
    finder.drawMap();
    ChangeReport& report = finder.report();
    report.projectName = after.name;
    report.oldLabel = options.oldLabel;
    report.newLabel = options.newLabel;
    report.created = QDateTime::currentDateTime();
    return std::move(report);
}

std::vector<Sheet> ChangeReport::sheets() const
{
    std::vector<Sheet> result;
    QStringList summaryHeader{QStringLiteral("层级"), QStringLiteral("调整前单元数"),
                              QStringLiteral("调整后单元数")};
    for (const ChangeWord& word : ChangeWords)
        if (word.count)
            summaryHeader << QString::fromUtf8(word.word);
    summaryHeader << QStringLiteral("增加面积(平方米)") << QStringLiteral("减少面积(平方米)")
                  << QStringLiteral("转移户数") << QStringLiteral("转移人口") << QStringLiteral("调整前户数")
                  << QStringLiteral("调整后户数") << QStringLiteral("调整前人口")
                  << QStringLiteral("调整后人口") << QStringLiteral("人员变动");
    Sheet summary{QStringLiteral("概况"), {summaryHeader}};
    for (const LevelTotals& t : levels) {
        QStringList row{t.name, QString::number(t.unitsBefore), QString::number(t.unitsAfter)};
        for (const ChangeWord& word : ChangeWords)
            if (word.count)
                row << QString::number(t.*word.count);
        row << area(t.areaGainedM2) << area(t.areaLostM2) << QString::number(t.householdsTransferred)
            << QString::number(t.residentsTransferred) << QString::number(t.householdsBefore)
            << QString::number(t.householdsAfter) << QString::number(t.residentsBefore)
            << QString::number(t.residentsAfter) << QString::number(t.membersMoved);
        summary.rows.push_back(row);
    }
    result.push_back(summary);

    Sheet changes{
        QStringLiteral("单元变化"),
        {{QStringLiteral("层级"), QStringLiteral("变化"), QStringLiteral("原编码"), QStringLiteral("原名称"),
          QStringLiteral("新编码"), QStringLiteral("新名称"), QStringLiteral("原上级编码"),
          QStringLiteral("新上级编码"), QStringLiteral("原面积(平方米)"), QStringLiteral("新面积(平方米)"),
          QStringLiteral("增加面积(平方米)"), QStringLiteral("减少面积(平方米)"), QStringLiteral("原户数"),
          QStringLiteral("新户数"), QStringLiteral("原人口"), QStringLiteral("新人口"),
          QStringLiteral("说明")}}};
    for (const UnitChange& c : units) {
        QStringList notes;
        if (!c.splitInto.isEmpty())
            notes << QStringLiteral("拆分出 %1").arg(c.splitInto.join(QStringLiteral("、")));
        if (!c.splitFrom.isEmpty())
            notes << QStringLiteral("拆自 %1").arg(c.splitFrom);
        if (!c.mergedFrom.isEmpty())
            notes << QStringLiteral("并入了 %1").arg(c.mergedFrom.join(QStringLiteral("、")));
        if (!c.mergedInto.isEmpty())
            notes << QStringLiteral("并入 %1").arg(c.mergedInto);
        changes.rows.push_back({levels.at(size_t(c.level)).name, changesText(c.changes), c.before.code,
                                c.before.name, c.after.code, c.after.name, c.before.parentCode,
                                c.after.parentCode, area(c.before.areaM2), area(c.after.areaM2),
                                area(c.areaGainedM2), area(c.areaLostM2),
                                QString::number(c.before.households), QString::number(c.after.households),
                                QString::number(c.before.residents), QString::number(c.after.residents),
                                notes.join(QStringLiteral("；"))});
    }
    result.push_back(changes);

    Sheet moved{QStringLiteral("户数转移"),
                {{QStringLiteral("层级"), QStringLiteral("原单元编码"), QStringLiteral("原单元名称"),
                  QStringLiteral("新单元编码"), QStringLiteral("新单元名称"), QStringLiteral("户数"),
                  QStringLiteral("人口")}}};
    for (const Transfer& t : transfers)
        moved.rows.push_back({levels.at(size_t(t.level)).name, t.fromCode, t.fromName, t.toCode, t.toName,
                              QString::number(t.households), QString::number(t.residents)});
    result.push_back(moved);

    const bool named = std::any_of(memberMoves.begin(), memberMoves.end(),
                                   [](const MemberMove& m) { return !m.name.isEmpty(); });
    QStringList header{QStringLiteral("人员编号")};
    if (named)
        header << QStringLiteral("姓名");
    header << QStringLiteral("层级") << QStringLiteral("调整前") << QStringLiteral("调整后");
    Sheet people{QStringLiteral("人员变动"), {header}};
    for (const MemberMove& m : memberMoves) {
        QStringList row{QString::number(m.memberId)};
        if (named)
            row << m.name;
        row << levels.at(size_t(m.level)).name << m.before.join(QStringLiteral("、"))
            << m.after.join(QStringLiteral("、"));
        people.rows.push_back(row);
    }
    result.push_back(people);
    return result;
}

std::vector<SvgChart> ChangeReport::charts() const
{
    std::vector<SvgChart> charts;
    if (mapLevel < 0 || extent.isEmpty())
        return charts;
    const int width = 900, height = 600, margin = 16, top = 34, legendH = 34;
    const reportpage::MapFrame frame(extent, margin, top, width - 2 * margin,
                                     height - top - legendH - margin);
    QString svg = reportpage::svgStart(width, height);
    svg += QStringLiteral("<text x='10' y='22' font-size='15' font-weight='bold'>%1调整示意图</text>")
               .arg(levels.at(size_t(mapLevel)).name.toHtmlEscaped());
    std::vector<const char*> legend;
    for (const MapShape& shape : mapNew) {
        const MapClass cls = mapClass(shape.changes);
        if (cls.legend && std::find(legend.begin(), legend.end(), cls.legend) == legend.end())
            legend.push_back(cls.legend);
        svg += QStringLiteral("<path d='%1' fill='%2' stroke='%3' stroke-width='%4' fill-rule='evenodd'/>")
                   .arg(frame.path(shape.outline), QLatin1String(cls.fill),
                        shape.changes ? QStringLiteral("#333333") : QStringLiteral("#9a9a9a"),
                        shape.changes ? QStringLiteral("1.4") : QStringLiteral("0.8"));
    }
    for (const MultiPolygon& outline : mapOld)
        svg += QStringLiteral("<path d='%1' fill='none' stroke='#c62828' stroke-width='1.6' "
                              "stroke-dasharray='6,4'/>")
                   .arg(frame.path(outline));
    for (const MapShape& shape : mapNew) {
        if (shape.label.isEmpty())
            continue;
        const QString text = shape.label.toHtmlEscaped();
        const double x = frame.x(shape.labelAt.x), y = frame.y(shape.labelAt.y);
        svg += QStringLiteral("<text x='%1' y='%2' text-anchor='middle' font-size='12' stroke='white' "
                              "stroke-width='3'>%3</text><text x='%1' y='%2' text-anchor='middle' "
                              "font-size='12' fill='#111111'>%3</text>")
                   .arg(x, 0, 'f', 1)
                   .arg(y, 0, 'f', 1)
                   .arg(text);
    }
    int x = margin;
    const int y = height - margin - 14;
    for (const char* name : legend) {
        const MapClass cls = [&] {
            for (ChangeReport::Change change : {Change::Added, Change::Split, Change::Merged, Change::Moved,
                                                Change::Reshaped, Change::Recoded})
                if (QLatin1String(mapClass(change).legend) == QLatin1String(name))
                    return mapClass(change);
            return mapClass(Changes());
        }();
        svg += QStringLiteral("<rect x='%1' y='%2' width='18' height='12' fill='%3' stroke='#333333'/>"
                              "<text x='%4' y='%5'>%6</text>")
                   .arg(x)
                   .arg(y)
                   .arg(QLatin1String(cls.fill))
                   .arg(x + 24)
                   .arg(y + 11)
                   .arg(QString::fromUtf8(name));
        x += 40 + 14 * QString::fromUtf8(name).size();
    }
    if (!mapOld.empty())
        svg += QStringLiteral("<line x1='%1' y1='%2' x2='%3' y2='%2' stroke='#c62828' stroke-width='1.6' "
                              "stroke-dasharray='6,4'/><text x='%4' y='%5'>调整前边界</text>")
                   .arg(x)
                   .arg(y + 6)
                   .arg(x + 26)
                   .arg(x + 32)
                   .arg(y + 11);
    svg += QStringLiteral("</svg>");
    charts.push_back({svg, width, height});
    return charts;
}

QString ChangeReport::title() const
{
    return QStringLiteral("%1 调整说明").arg(projectName);
}

void ChangeReport::write(const QString& format, const QString& path) const
{
    if (format == QLatin1String("xlsx"))
        TableWriter::writeXlsx(sheets(), path);
    else if (format == QLatin1String("html"))
        reportpage::writeHtml(toHtml(), path);
    else
        throw Error(Error::Kind::InvalidInput, Tr::tr("A change report cannot be written as %1").arg(format));
}

QString ChangeReport::toHtml(const QStringList& chartUrls, int chartWidth) const
{
    const std::vector<Sheet> tables = sheets();
    QString html = reportpage::htmlStart(title());
    html += QStringLiteral("<h1>%1 网格调整说明</h1>\n").arg(projectName.toHtmlEscaped());
    html += QStringLiteral("<p class='meta'>调整前：%1　调整后：%2　生成时间：%3</p>\n")
                .arg(oldLabel.toHtmlEscaped(), newLabel.toHtmlEscaped(),
                     created.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (isEmpty()) {
        html += QStringLiteral("<p>两者相同，没有调整。</p>\n</body></html>\n");
        return html;
    }
    QStringList sentences;
    for (const LevelTotals& t : levels) {
        QStringList parts;
        for (const ChangeWord& word : ChangeWords) // recounts are said as households moved
            if (word.count && word.change != Change::Recounted && t.*word.count)
                parts << QStringLiteral("%1 %2 个").arg(QString::fromUtf8(word.word)).arg(t.*word.count);
        if (t.householdsTransferred)
            parts << QStringLiteral("%1 户、%2 人转移")
                         .arg(t.householdsTransferred)
                         .arg(t.residentsTransferred);
        if (!parts.isEmpty())
            sentences << QStringLiteral("%1：%2").arg(t.name, parts.join(QStringLiteral("，")));
    }
    if (!sentences.isEmpty())
        html += QStringLiteral("<p>%1。</p>\n").arg(sentences.join(QStringLiteral("；")).toHtmlEscaped());

    // the summary with a column per level, so it fits the page
    const std::vector<QStringList>& summary = tables[0].rows;
    std::vector<QStringList> transposed(size_t(summary.front().size()));
    for (const QStringList& row : summary)
        for (int c = 0; c < row.size(); ++c)
            transposed[size_t(c)] << row.at(c);
    transposed.front().front() = QString();
    html += QStringLiteral("<h2>概况</h2>\n") + reportpage::htmlTable(transposed, {}, false, 1);
    const std::vector<SvgChart> maps = chartUrls.isEmpty() ? charts() : std::vector<SvgChart>();
    if (!maps.empty() || !chartUrls.isEmpty())
        html += QStringLiteral("<h2>调整示意图</h2>\n") + reportpage::htmlCharts(maps, chartUrls, chartWidth);

    // the unit changes level by level, each value as "before → after", as many as a page takes
    const auto beforeAfter = [](const QString& before, const QString& after) {
        if (before == after || after.isEmpty())
            return before;
        return before.isEmpty() ? after : QStringLiteral("%1 → %2").arg(before, after);
    };
    for (const LevelTotals& t : levels) {
        std::vector<QStringList> rows{{QStringLiteral("变化"), QStringLiteral("编码"), QStringLiteral("名称"),
                                       QStringLiteral("上级编码"), QStringLiteral("面积(平方米)"),
                                       QStringLiteral("增加/减少面积"), QStringLiteral("户数"),
                                       QStringLiteral("人口"), QStringLiteral("说明")}};
        qint64 more = 0;
        for (size_t r = 1; r < tables[1].rows.size(); ++r) {
            const UnitChange& c = units[r - 1];
            if (c.level != t.level)
                continue;
            if (rows.size() > size_t(ListedPerLevel)) {
                ++more;
                continue;
            }
            const QStringList& cells = tables[1].rows[r];
            const QString gainedLost =
                c.changes.testFlag(Change::Reshaped)
                    ? QStringLiteral("+%1 / −%2").arg(area(c.areaGainedM2), area(c.areaLostM2))
                    : QString();
            rows.push_back({cells.at(1), beforeAfter(c.before.code, c.after.code),
                            beforeAfter(c.before.name, c.after.name),
                            beforeAfter(c.before.parentCode, c.after.parentCode),
                            beforeAfter(c.before.id ? area(c.before.areaM2) : QString(),
                                        c.after.id ? area(c.after.areaM2) : QString()),
                            gainedLost,
                            beforeAfter(c.before.id ? QString::number(c.before.households) : QString(),
                                        c.after.id ? QString::number(c.after.households) : QString()),
                            beforeAfter(c.before.id ? QString::number(c.before.residents) : QString(),
                                        c.after.id ? QString::number(c.after.residents) : QString()),
                            cells.at(16)});
        }
        if (rows.size() == 1)
            continue;
        html += QStringLiteral("<h2>%1单元变化（%2 个）</h2>\n")
                    .arg(t.name.toHtmlEscaped())
                    .arg(rows.size() - 1 + more);
        html += reportpage::htmlTable(rows, {}, false, 4);
        if (more)
            html += QStringLiteral("<p class='meta'>另有 %1 个未列出，见 XLSX。</p>\n").arg(more);
    }
    if (tables[2].rows.size() > 1)
        html += QStringLiteral("<h2>户数转移</h2>\n") + reportpage::htmlTable(tables[2].rows, {}, false, 5);
    if (tables[3].rows.size() > 1)
        html += QStringLiteral("<h2>人员变动（%1 人次）</h2>\n").arg(tables[3].rows.size() - 1) +
                reportpage::htmlTable(tables[3].rows, {}, false, 99);
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace gridmodel
