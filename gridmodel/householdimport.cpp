#include "householdimport.h"

#include "error.h"
#include "geosengine.h"
#include "hierarchyindex.h"
#include "nearbyunits.h"
#include "tablesource.h"
#include "translation.h"
#include "vectorsource.h"

#include <QFileInfo>
#include <QHash>
#include <map>
#include <memory>

namespace gridmodel {

namespace {

void requireHouseholdsField(const FieldMapping& mapping)
{
    if (mapping.field(QStringLiteral("households")).isEmpty())
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("The source has no households column (户数); name it with --map households=FIELD"));
}

} // namespace

ImportPlan HouseholdImport::fromTable(const ProjectData& data, const HierarchyIndex& index,
                                      const TableSource& table, const Options& options)
{
    requireHouseholdsField(options.mapping);
    const auto column = [&](const QString& target) {
        const QString field = options.mapping.field(target);
        return field.isEmpty() ? -1 : static_cast<int>(table.header.indexOf(field));
    };
    const int code = column(QStringLiteral("code")), households = column(QStringLiteral("households")),
              residents = column(QStringLiteral("residents"));
    if (code < 0)
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("The table has no unit code column (单元编码); name it with --map code=COLUMN"));
    std::vector<Record> records;
    for (const TableRow& row : table.rows)
        records.push_back(Record{row.line, row.cells.value(code).trimmed(), std::nullopt,
                                 row.cells.value(households),
                                 residents < 0 ? QString() : row.cells.value(residents)});
    Options used = options;
    if (residents < 0)
        used.mapping.set(QStringLiteral("residents"), QString());
    return fromRecords(data, index, records, used, false, table.path, table.encoding);
}

ImportPlan HouseholdImport::fromFeatures(const ProjectData& data, const HierarchyIndex& index,
                                         const VectorSource& source, const Options& options)
{
    requireHouseholdsField(options.mapping);
    const int code = source.fieldIndex(options.mapping.field(QStringLiteral("code")));
    const int households = source.fieldIndex(options.mapping.field(QStringLiteral("households")));
    const int residents = source.fieldIndex(options.mapping.field(QStringLiteral("residents")));
    const GeosEngine geos;
    std::vector<Record> records;
    for (const SourceFeature& feature : source.features) {
        Record record{feature.number, code < 0 ? QString() : feature.values.value(code).trimmed(),
                      feature.point, feature.values.value(households),
                      residents < 0 ? QString() : feature.values.value(residents)};
        if (!record.location && !feature.polygon.isEmpty())
            record.location = geos.pointOnSurface(feature.polygon); // a footprint counts where it stands
        records.push_back(record);
    }
    return fromRecords(data, index, records, options, true, source.path, source.encoding);
}

ImportPlan HouseholdImport::fromRecords(const ProjectData& data, const HierarchyIndex& index,
                                        const std::vector<Record>& records, const Options& options,
                                        bool ofFeatures, const QString& source, const QString& encoding)
{
    const int level = options.level >= 0 ? options.level : data.hierarchy.levelCount() - 1;
    const QString levelName = data.hierarchy.level(level).name.text();
    const bool withResidents = !options.mapping.field(QStringLiteral("residents")).isEmpty();
    ImportPlan plan;
    plan.source = source;
    plan.encoding = encoding;
    plan.rows = static_cast<int>(records.size());
    plan.ofFeatures = ofFeatures;
    if (records.empty()) {
        plan.problems.push_back({0, Tr::tr("%1 holds no rows below its header").arg(source)});
        return plan;
    }

    struct Total
    {
        qint64 households = 0;
        qint64 residents = 0;
        int namedOn = 0; //!< the line that named the unit by its code (0: only points)
    };
    std::map<UnitId, Total> totals;
    std::unique_ptr<NearbyUnits> unitsByPlace; // made for the first point
    for (const Record& record : records) {
        const auto refuse = [&](const QString& reason) { plan.problems.push_back({record.line, reason}); };
        const std::optional<qint64> households = importedCount(record.households);
        const std::optional<qint64> residents = importedCount(record.residents);
        if (!households) {
            refuse(Tr::tr("the households \"%1\" are not a whole number from 0 to %2")
                       .arg(record.households)
                       .arg(Counts::Max));
            continue;
        }
        if (withResidents && !residents) {
            refuse(Tr::tr("the residents \"%1\" are not a whole number from 0 to %2")
                       .arg(record.residents)
                       .arg(Counts::Max));
            continue;
        }
        const Unit* unit = nullptr;
        if (!record.code.isEmpty()) {
            bool ambiguous = false; // our code, or the unit's code in another system
            unit = index.unitNamedBy(record.code, level, &ambiguous);
            if (!unit && !ambiguous)
                unit = index.unitByCode(record.code); // of another level, said below
            if (!unit) {
                refuse(ambiguous ? Tr::tr("several %1 have the external code %2: give our code")
                                       .arg(levelName, record.code)
                                 : Tr::tr("no unit has the code %1").arg(record.code));
                continue;
            }
            if (unit->level != level) {
                refuse(Tr::tr("%1 is a %2, not a %3")
                           .arg(record.code, data.hierarchy.level(unit->level).name.text(), levelName));
                continue;
            }
            if (const int earlier = totals[unit->id].namedOn) {
                refuse((ofFeatures ? Tr::tr("%1 is given twice (also by feature %2)")
                                   : Tr::tr("%1 is given twice (also on line %2)"))
                           .arg(record.code)
                           .arg(earlier));
                continue;
            }
            totals[unit->id].namedOn = record.line;
        } else if (record.location) {
            if (!unitsByPlace)
                unitsByPlace = std::make_unique<NearbyUnits>(NearbyUnits::ofLevel(data, level));
            unit = unitsByPlace->holding(*record.location);
            if (!unit) {
                refuse(Tr::tr("lies in no %1 (%2, %3)")
                           .arg(levelName)
                           .arg(record.location->x, 0, 'f', 1)
                           .arg(record.location->y, 0, 'f', 1));
                continue;
            }
        } else {
            refuse(Tr::tr("names no unit: neither a unit code nor a location"));
            continue;
        }
        Total& total = totals[unit->id];
        total.households += *households;
        total.residents += residents.value_or(0);
    }
    if (!plan.problems.empty())
        return plan;

    // the new counts, carried up to every ancestor
    CountRollup rollup(index);
    int counted = 0, withChildren = 0;
    for (const auto& [id, total] : totals) {
        const Unit& unit = *index.unit(id);
        const qint64 householdsDelta = total.households - unit.households;
        const qint64 residentsDelta = withResidents ? total.residents - unit.residents : 0;
        if (!householdsDelta && !residentsDelta)
            continue;
        ++counted;
        if (!index.children(id).empty())
            ++withChildren;
        rollup.add(unit, householdsDelta, residentsDelta);
    }
    rollup.addTo(plan);
    if (!plan.problems.empty()) {
        plan.changes = ChangeSet();
        return plan;
    }

    int untouched = 0;
    for (const Unit& unit : data.units)
        if (unit.level == level && !totals.count(unit.id))
            ++untouched;
    if (untouched)
        plan.notes.push_back(
            {0, Tr::tr("%1 %2 got no counts from the source and keep theirs").arg(untouched).arg(levelName)});
    if (withChildren)
        plan.notes.push_back(
            {0, Tr::tr("%1 %2 have units below them whose counts no longer add up to the new ones; the "
                       "checker names them")
                    .arg(withChildren)
                    .arg(levelName)});
    plan.description = Tr::tr("Import the households of %1 %2 from %3")
                           .arg(counted)
                           .arg(levelName, QFileInfo(source).fileName());
    return plan;
}

} // namespace gridmodel
