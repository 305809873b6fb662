#include "boundaryimport.h"

#include "codescheme.h"
#include "error.h"
#include "geosengine.h"
#include "hierarchyindex.h"
#include "nearbyunits.h"
#include "spatialreference.h"
#include "translation.h"
#include "vectorsource.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

namespace gridmodel {

namespace {

//! field names that usually hold each target, compared without case
const QMap<QString, QStringList>& knownNames()
{
    static const QMap<QString, QStringList> names{
        {QStringLiteral("name"),
         {QStringLiteral("name"), QStringLiteral("名称"), QStringLiteral("名字"), QStringLiteral("网格名称"),
          QStringLiteral("单元名称"), QStringLiteral("mc")}},
        {QStringLiteral("code"),
         {QStringLiteral("code"), QStringLiteral("编码"), QStringLiteral("代码"), QStringLiteral("网格编码"),
          QStringLiteral("单元编码"), QStringLiteral("bm"), QStringLiteral("Layer")}},
        {QStringLiteral("parent"),
         {QStringLiteral("parent"), QStringLiteral("parent_code"), QStringLiteral("上级编码"),
          QStringLiteral("上级代码"), QStringLiteral("所属编码")}},
        {QStringLiteral("households"),
         {QStringLiteral("households"), QStringLiteral("户数"), QStringLiteral("hh"), QStringLiteral("hs")}},
        {QStringLiteral("residents"),
         {QStringLiteral("residents"), QStringLiteral("人口"), QStringLiteral("人数"),
          QStringLiteral("常住人口"), QStringLiteral("population"), QStringLiteral("pop"),
          QStringLiteral("rk")}},
        {QStringLiteral("org"),
         {QStringLiteral("org"), QStringLiteral("organisation"), QStringLiteral("organization"),
          QStringLiteral("组织"), QStringLiteral("党组织")}},
        {QStringLiteral("external"),
         {QStringLiteral("ext_code"), QStringLiteral("external_code"), QStringLiteral("外部编码"),
          QStringLiteral("统计代码"), QStringLiteral("统计用区划代码"), QStringLiteral("区划代码"),
          QStringLiteral("tjdm"), QStringLiteral("qhdm")}},
    };
    return names;
}

} // namespace

QStringList FieldMapping::targets()
{
    return {QStringLiteral("name"),       QStringLiteral("code"),      QStringLiteral("parent"),
            QStringLiteral("households"), QStringLiteral("residents"), QStringLiteral("org"),
            QStringLiteral("external")};
}

FieldMapping FieldMapping::guess(const QStringList& fields)
{
    FieldMapping mapping;
    for (const QString& target : targets())
        for (const QString& candidate : knownNames().value(target)) {
            const auto found = std::find_if(fields.begin(), fields.end(), [&](const QString& field) {
                return field.compare(candidate, Qt::CaseInsensitive) == 0;
            });
            if (found != fields.end()) {
                mapping.mFields.insert(target, *found);
                break;
            }
        }
    return mapping;
}

void FieldMapping::set(const QString& spec, const QStringList& fields)
{
    for (const QString& pair : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int equals = pair.indexOf(QLatin1Char('='));
        const QString target = pair.left(equals).trimmed();
        const QString field = equals < 0 ? QString() : pair.mid(equals + 1).trimmed();
        if (equals < 0 || !targets().contains(target))
            throw Error(Error::Kind::InvalidInput, Tr::tr("\"%1\" is not TARGET=FIELD with TARGET one of %2")
                                                       .arg(pair, targets().join(QStringLiteral(", "))));
        if (!field.isEmpty() && !fields.contains(field))
            throw Error(Error::Kind::InvalidInput, Tr::tr("The source has no field \"%1\" (it has: %2)")
                                                       .arg(field, fields.join(QStringLiteral(", "))));
        mFields.insert(target, field);
    }
}

QString FieldMapping::describe() const
{
    QStringList parts;
    for (const QString& target : targets())
        if (!mFields.value(target).isEmpty())
            parts << QStringLiteral("%1 ← %2").arg(target, mFields.value(target));
    return parts.isEmpty() ? Tr::tr("no fields") : parts.join(QStringLiteral(", "));
}

namespace {

/** Why a feature cannot be imported: thrown while reading it, named in the plan. */
struct Refusal
{
    QString reason;
};

/**
 * What GEOS says of a feature's area, worked out for all features at once on every core before
 * they are read in order: why it is invalid, and a point inside it (to find its parent by).
 */
struct FeatureShape
{
    bool known = false; //!< false: work it out when reading (the area is empty, or GEOS threw)
    QString invalidity; //!< empty for a valid area
    std::optional<Point> inside;
};

std::vector<FeatureShape> shapesOf(const std::vector<SourceFeature>& features, bool withInsidePoints)
{
    std::vector<FeatureShape> shapes(features.size());
    constexpr size_t Batch = 256;
    std::atomic<size_t> next{0};
    const auto work = [&] {
        const GeosEngine geos; // one GEOS context for each thread
        for (size_t first = next.fetch_add(Batch); first < features.size(); first = next.fetch_add(Batch))
            for (size_t i = first; i < std::min(features.size(), first + Batch); ++i) {
                if (features[i].polygon.isEmpty())
                    continue;
                try {
                    FeatureShape& shape = shapes[i];
                    shape.invalidity = geos.invalidityReason(features[i].polygon);
                    if (withInsidePoints && shape.invalidity.isEmpty())
                        shape.inside = geos.pointOnSurface(features[i].polygon);
                    shape.known = true;
                } catch (const Error&) { // said when the feature is read
                }
            }
    };
    const unsigned helpers =
        features.size() < 2 * Batch ? 0 : std::min(7u, std::max(1u, std::thread::hardware_concurrency()) - 1);
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < helpers; ++i)
        threads.emplace_back(work);
    work();
    for (std::thread& thread : threads)
        thread.join();
    return shapes;
}

/** Makes a unit of each feature of the source in turn, or refuses it. */
class UnitReader
{
public:
    UnitReader(const ProjectData& data, const HierarchyIndex& index, const VectorSource& source,
               const BoundaryImport::Options& options, std::vector<ImportProblem>& notes)
        : mData(data), mIndex(index), mSource(source), mOptions(options), mNotes(notes), mScheme(data, index),
          mNextId(nextFreeId(data.units))
    {
        try {
            mAreaOfUse = SpatialReference::fromEpsg(data.crsEpsg).areaOfUse();
            mToLongitudeLatitude = std::make_unique<CoordinateTransform>(data.crsEpsg, 4326);
        } catch (const Error&) {
            mAreaOfUse = Envelope(); // no area to warn about
        }
    }

    //! throws Refusal; `shape` is what GEOS said of the feature beforehand
    //! `boundary`, when given, is the feature's own area to move into the unit rather than copy
    Unit read(const SourceFeature& feature, const FeatureShape& shape, MultiPolygon* boundary)
    {
        Unit unit;
        unit.level = mOptions.level;
        unit.name = value(feature, "name");
        unit.organisation = value(feature, "org");
        if (unit.name.isEmpty())
            throw Refusal{Tr::tr("the name is empty")};
        if (!feature.impossible.isEmpty())
            throw Refusal{Tr::tr("%1 can be no place: %2").arg(unit.name, feature.impossible)};
        unit.boundary = boundaryOf(feature, unit.name, shape, boundary);
        unit.households = countOf(feature, "households", Tr::tr("households"), unit.name);
        unit.residents = countOf(feature, "residents", Tr::tr("residents"), unit.name);
        const QString code = value(feature, "code");
        const bool asGiven = shape.known && shape.invalidity.isEmpty(); // not repaired
        const Parent parent = parentOf(feature, code, unit, asGiven ? shape.inside : std::nullopt);
        unit.parentId = parent.unit ? parent.unit->id : 0;
        unit.code = codeFor(code, parent.unit);
        unit.externalCode = externalCodeOf(feature);
        mTaken.insert(unit.code);
        if (!unit.externalCode.isEmpty())
            mExternalTaken.insert(unit.externalCode);
        if (!code.isEmpty())
            mFeatureOfCode.insert(code, feature.number);
        unit.id = mNextId++;
        warnWhereItLies(feature, unit, parent.namedByCode ? parent.unit : nullptr);
        return unit;
    }

private:
    QString value(const SourceFeature& feature, const char* target) const
    {
        const int field = mSource.fieldIndex(mOptions.mapping.field(QLatin1String(target)));
        return field >= 0 ? feature.values.value(field).trimmed() : QString();
    }

    //! the feature's area, repaired when it is invalid and the user agreed
    MultiPolygon boundaryOf(const SourceFeature& feature, const QString& name, const FeatureShape& shape,
                            MultiPolygon* movable)
    {
        if (feature.polygon.isEmpty())
            throw Refusal{feature.point ? Tr::tr("%1 is a point, not an area").arg(name)
                          : !feature.otherGeometry.isEmpty()
                              ? Tr::tr("%1 is %2, not an area").arg(name, feature.otherGeometry)
                              : Tr::tr("%1 has no geometry").arg(name)};
        const QString invalid = shape.known ? shape.invalidity : mGeos.invalidityReason(feature.polygon);
        if (invalid.isEmpty())
            return movable ? std::move(*movable) : feature.polygon;
        if (!mOptions.repairInvalid)
            throw Refusal{Tr::tr("the boundary of %1 is invalid (%2); it can be repaired on import")
                              .arg(name, invalid)};
        try {
            MultiPolygon repaired = mGeos.repaired(feature.polygon);
            mNotes.push_back(
                {feature.number, Tr::tr("the boundary of %1 was repaired (%2)").arg(name, invalid)});
            return repaired;
        } catch (const Error& error) {
            throw Refusal{Tr::tr("the boundary of %1 cannot be repaired: %2").arg(name, error.message())};
        }
    }

    qint64 countOf(const SourceFeature& feature, const char* target, const QString& what,
                   const QString& name) const
    {
        const QString text = value(feature, target);
        const std::optional<qint64> number = importedCount(text);
        if (!number)
            throw Refusal{Tr::tr("%1 of %2 is not a whole number from 0 to %3: \"%4\"")
                              .arg(what, name)
                              .arg(Counts::Max)
                              .arg(text)};
        return *number;
    }

    struct Parent
    {
        const Unit* unit = nullptr; //!< nullptr at the top level
        bool namedByCode = false;   //!< by its code or the unit's, not found by location
    };

    //! the parent: by its code, by the unit's own code, or by location (`inside` when known)
    Parent parentOf(const SourceFeature& feature, const QString& code, const Unit& unit,
                    const std::optional<Point>& inside)
    {
        if (mOptions.level == 0)
            return {};
        const LevelDefinition& parentLevel = mData.hierarchy.level(mOptions.level - 1);
        if (const QString parentCode = value(feature, "parent"); !parentCode.isEmpty()) {
            bool ambiguous = false; // the parent's code, or its code in another system
            const Unit* parent = mIndex.unitNamedBy(parentCode, mOptions.level - 1, &ambiguous);
            if (ambiguous)
                throw Refusal{Tr::tr("several %1 have the external code %2: give the parent's own code")
                                  .arg(parentLevel.name.text(), parentCode)};
            if (!parent)
                throw Refusal{Tr::tr("the project has no %1 with the code %2 to hold %3")
                                  .arg(parentLevel.name.text(), parentCode, unit.name)};
            return {parent, true};
        }
        if (const Unit* byCode = mIndex.unitByCode(mScheme.parentCodeOf(code, mOptions.level));
            byCode && byCode->level == mOptions.level - 1)
            return {byCode, true};
        if (!mParentsByPlace) // made once, for the first unit found by location
            mParentsByPlace = std::make_unique<NearbyUnits>(NearbyUnits::ofLevel(mData, mOptions.level - 1));
        if (const Unit* byLocation =
                mParentsByPlace->holding(inside ? *inside : mGeos.pointOnSurface(unit.boundary)))
            return {byLocation, false};
        throw Refusal{Tr::tr("%1 lies in no %2 of the project").arg(unit.name, parentLevel.name.text())};
    }

    /**
     * Notes a unit that lies mostly outside the parent its codes name (a square in Hangzhou under
     * a Zhengzhou community; `namingParent` is nullptr when the parent was found by location),
     * or outside the area the project's CRS is made for.
     */
    void warnWhereItLies(const SourceFeature& feature, const Unit& unit, const Unit* namingParent)
    {
        const double area = unit.boundary.area();
        const Envelope own = unit.boundary.envelope();
        if (const Unit* parent = namingParent; parent && area > 0) {
            const Envelope theirs = parent->boundary.envelope();
            const bool apart = own.maxX < theirs.minX || own.minX > theirs.maxX || own.maxY < theirs.minY ||
                               own.minY > theirs.maxY; // no GEOS for a square in another city
            const double inside =
                apart ? 0 : mGeos.intersection(unit.boundary, parent->boundary).area() / area;
            if (inside < 0.5)
                mNotes.push_back(
                    {feature.number, Tr::tr("%1 lies mostly outside %2 %3, which its codes name as "
                                            "its parent (%4% inside)")
                                         .arg(unit.name, parent->code, parent->name)
                                         .arg(inside * 100, 0, 'f', 0)});
        }
        if (mAreaOfUse.isEmpty() || !mToLongitudeLatitude)
            return;
        std::vector<Point> at{own.center()}; // a degree's margin makes any point of it do
        try {
            mToLongitudeLatitude->transform(at);
        } catch (const Error&) {
            at.front() = Point{1e9, 1e9};
        }
        constexpr double Margin = 1; // degrees: a district at a zone's edge is still drawn well
        if (at.front().x < mAreaOfUse.minX - Margin || at.front().x > mAreaOfUse.maxX + Margin ||
            at.front().y < mAreaOfUse.minY - Margin || at.front().y > mAreaOfUse.maxY + Margin)
            mNotes.push_back(
                {feature.number, Tr::tr("%1 lies at %2°, %3°, outside the area EPSG:%4 is made for "
                                        "(%5°–%6° E, %7°–%8° N)")
                                     .arg(unit.name)
                                     .arg(at.front().x, 0, 'f', 2)
                                     .arg(at.front().y, 0, 'f', 2)
                                     .arg(mData.crsEpsg)
                                     .arg(mAreaOfUse.minX, 0, 'f', 1)
                                     .arg(mAreaOfUse.maxX, 0, 'f', 1)
                                     .arg(mAreaOfUse.minY, 0, 'f', 1)
                                     .arg(mAreaOfUse.maxY, 0, 'f', 1)});
    }

    //! the code given, if it fits the scheme, or the next free one
    QString codeFor(const QString& code, const Unit* parent)
    {
        if (code.isEmpty()) {
            try {
                return mScheme.nextCode(mOptions.level, parent, mTaken,
                                        &mFirstUntried[parent ? parent->id : 0]);
            } catch (const Error& error) {
                throw Refusal{error.message()};
            }
        }
        if (const auto earlier = mFeatureOfCode.constFind(code); earlier != mFeatureOfCode.constEnd())
            throw Refusal{Tr::tr("the code %1 is given to feature %2 too: if they are one unit in pieces, "
                                 "make them one (--merge-same-code)")
                              .arg(code)
                              .arg(*earlier)};
        if (const QString why = mScheme.whyNot(code, mOptions.level, parent, 0, mTaken); !why.isEmpty())
            throw Refusal{mOptions.mapping.field(QStringLiteral("external")).isEmpty()
                              ? Tr::tr("%1 (if these are another system's codes, import them as external "
                                       "codes: external=%2)")
                                    .arg(why, mOptions.mapping.field(QStringLiteral("code")))
                              : why};
        return code;
    }

    //! the feature's code in another system, when it can be the unit's
    QString externalCodeOf(const SourceFeature& feature) const
    {
        const QString externalCode = value(feature, "external");
        if (externalCode.isEmpty())
            return externalCode;
        if (const QString why = mScheme.whyNotExternal(externalCode, mOptions.level, 0, mExternalTaken);
            !why.isEmpty())
            throw Refusal{why};
        return externalCode;
    }

    const ProjectData& mData;
    const HierarchyIndex& mIndex;
    const VectorSource& mSource;
    const BoundaryImport::Options& mOptions;
    std::vector<ImportProblem>& mNotes;
    const GeosEngine mGeos;
    const CodeScheme mScheme;
    QSet<QString> mTaken;                         //!< codes given to features read before
    QSet<QString> mExternalTaken;                 //!< external codes of features read before
    QHash<QString, int> mFeatureOfCode;           //!< the feature that gave a code of the source
    QHash<UnitId, qint64> mFirstUntried;          //!< parent -> the lowest code number not yet known taken
    std::unique_ptr<NearbyUnits> mParentsByPlace; //!< the parent level, to find parents by location
    UnitId mNextId;
    Envelope mAreaOfUse; //!< of the project's CRS, in longitude and latitude
    std::unique_ptr<CoordinateTransform> mToLongitudeLatitude;
};

/**
 * Carries the imported units' counts up to every unit above them, as editing a count does: a
 * parent that had no children takes its new children's total (what was entered for it by hand
 * is replaced, and the difference goes up); one that had some adds theirs. Says so in a note,
 * and refuses totals beyond what a unit can hold.
 */
void carryCountsUp(const HierarchyIndex& index, ImportPlan& plan)
{
    std::map<UnitId, std::pair<qint64, qint64>> fromNewChildren; // parent -> households, residents
    for (const ChangeSet::Change<Unit>& change : plan.changes.units)
        if (change.after && change.after->parentId) {
            auto& [households, residents] = fromNewChildren[change.after->parentId];
            households += change.after->households;
            residents += change.after->residents;
        }
    CountRollup rollup(index);
    for (const auto& [parentId, counts] : fromNewChildren) {
        const Unit* parent = index.unit(parentId);
        if (!parent || (!counts.first && !counts.second))
            continue;
        const bool hadChildren = !index.children(parentId).empty();
        rollup.add(*parent, hadChildren ? counts.first : counts.first - parent->households,
                   hadChildren ? counts.second : counts.second - parent->residents);
    }
    rollup.addTo(plan);
    if (rollup.size())
        plan.notes.push_back({0, Tr::tr("The imported counts are carried up to the %n unit(s) above them",
                                        nullptr, static_cast<int>(rollup.size()))});
}

/**
 * The features to read when `options.mergeSameCode` asks: one for each code that several
 * features share, its pieces together (the first feature's attributes, its number), noted.
 * (Without it the source's features are read as they are, and the reader names the second
 * feature of a code.)
 */
void sameCodeAsOne(const VectorSource& source, const BoundaryImport::Options& options,
                   std::vector<SourceFeature>& features, ImportPlan& plan)
{
    const int codeField = source.fieldIndex(options.mapping.field(QStringLiteral("code")));
    std::map<QString, std::vector<size_t>> byCode;
    if (codeField >= 0)
        for (size_t i = 0; i < source.features.size(); ++i)
            if (const QString code = source.features[i].values.value(codeField).trimmed(); !code.isEmpty())
                byCode[code].push_back(i);
    std::vector<std::pair<QString, std::vector<size_t>>> shared;
    for (const auto& [code, which] : byCode)
        if (which.size() > 1)
            shared.emplace_back(code, which);
    const auto numbers = [&](const std::vector<size_t>& which) {
        QStringList list;
        for (size_t i : which)
            list << QString::number(source.features[i].number);
        return list.join(QStringLiteral(", "));
    };
    std::set<size_t> absorbed;
    std::map<size_t, std::vector<size_t>> piecesOf; // the first feature of a code -> the others
    for (const auto& [code, which] : shared) {
        piecesOf[which.front()].assign(which.begin() + 1, which.end());
        absorbed.insert(which.begin() + 1, which.end());
        plan.notes.push_back({source.features[which.front()].number,
                              Tr::tr("%1: features %2 are made one unit").arg(code, numbers(which))});
    }
    for (size_t i = 0; i < source.features.size(); ++i) {
        if (absorbed.count(i))
            continue;
        SourceFeature feature = source.features[i];
        for (size_t piece : piecesOf[i]) {
            const SourceFeature& other = source.features[piece];
            feature.polygon.polygons.insert(feature.polygon.polygons.end(), other.polygon.polygons.begin(),
                                            other.polygon.polygons.end());
            if (feature.impossible.isEmpty())
                feature.impossible = other.impossible;
        }
        if (!piecesOf[i].empty() && feature.polygon.polygons.size() > 1) // pieces may touch or overlap
            feature.polygon = GeosEngine().unaryUnion({&feature.polygon});
        features.push_back(std::move(feature));
    }
}

} // namespace

namespace {

/**
 * The plan for `source`; the boundaries of `ownFeatures` (the source's own when it is handed
 * over, or null) move into the units, which saves copying and then freeing each of them.
 */
ImportPlan planOf(const ProjectData& data, const HierarchyIndex& index, const VectorSource& source,
                  std::vector<SourceFeature>* ownFeatures, const BoundaryImport::Options& options)
{
    ImportPlan plan;
    plan.source = source.path;
    plan.encoding = source.encoding;
    plan.ofFeatures = true;
    plan.rows = static_cast<int>(source.features.size());
    if (options.level < 0 || options.level >= data.hierarchy.levelCount())
        throw Error(Error::Kind::InvalidInput, Tr::tr("No level to import into"));
    if (source.features.empty()) {
        plan.problems.push_back({0, Tr::tr("%1 holds no features").arg(source.path)});
        return plan;
    }
    if (source.fieldIndex(options.mapping.field(QStringLiteral("name"))) < 0) {
        plan.problems.push_back(
            {0, Tr::tr("No field holds the units' names: choose one (name=FIELD; the source has %1)")
                    .arg(source.fields.isEmpty() ? Tr::tr("no fields")
                                                 : source.fields.join(QStringLiteral(", ")))});
        return plan;
    }
    // Real files carry one unit as several features with the same code: one unit, when asked.
    std::vector<SourceFeature> merged;
    if (options.mergeSameCode)
        sameCodeAsOne(source, options, merged, plan);
    UnitReader reader(data, index, source, options, plan.notes);
    std::vector<SourceFeature>* movable = options.mergeSameCode ? &merged : ownFeatures;
    const std::vector<SourceFeature>& features = options.mergeSameCode ? merged : source.features;
    const std::vector<FeatureShape> shapes = shapesOf(features, options.level > 0);
    for (size_t i = 0; i < features.size(); ++i) {
        const SourceFeature& feature = features[i];
        try {
            plan.changes.units.push_back(
                {std::nullopt, reader.read(feature, shapes[i], movable ? &(*movable)[i].polygon : nullptr)});
        } catch (const Refusal& refusal) {
            plan.problems.push_back({feature.number, refusal.reason});
        }
    }
    if (plan.problems.empty())
        carryCountsUp(index, plan);
    plan.description =
        Tr::tr("Import %1 %2 from %3")
            .arg(std::count_if(plan.changes.units.begin(), plan.changes.units.end(),
                               [](const ChangeSet::Change<Unit>& change) { return !change.before; }))
            .arg(data.hierarchy.level(options.level).name.text(), QFileInfo(source.path).fileName());
    return plan;
}

} // namespace

ImportPlan BoundaryImport::plan(const ProjectData& data, const HierarchyIndex& index,
                                const VectorSource& source, const Options& options)
{
    return planOf(data, index, source, nullptr, options);
}

ImportPlan BoundaryImport::plan(const ProjectData& data, const HierarchyIndex& index, VectorSource&& source,
                                const Options& options)
{
    return planOf(data, index, source, &source.features, options);
}

} // namespace gridmodel
