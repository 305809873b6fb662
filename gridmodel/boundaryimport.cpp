#include "boundaryimport.h"

#include "codescheme.h"
#include "error.h"
#include "geosengine.h"
#include "hierarchyindex.h"
#include "translation.h"
#include "vectorsource.h"

#include <QFileInfo>
#include <QSet>
#include <optional>

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
    };
    return names;
}

} // namespace

QStringList FieldMapping::targets()
{
    return {QStringLiteral("name"),       QStringLiteral("code"),      QStringLiteral("parent"),
            QStringLiteral("households"), QStringLiteral("residents"), QStringLiteral("org")};
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

ImportPlan BoundaryImport::plan(const ProjectData& data, const HierarchyIndex& index,
                                const VectorSource& source, const Options& options)
{
    ImportPlan plan;
    plan.source = source.path;
    plan.encoding = source.encoding;
    plan.ofFeatures = true;
    plan.rows = static_cast<int>(source.features.size());
    if (options.level < 0 || options.level >= data.hierarchy.levelCount())
        throw Error(Error::Kind::InvalidInput, Tr::tr("No level to import into"));
    const LevelDefinition& level = data.hierarchy.level(options.level);
    const int nameField = source.fieldIndex(options.mapping.field(QStringLiteral("name")));
    if (nameField < 0) {
        plan.problems.push_back(
            {0, Tr::tr("No field holds the units' names: choose one (name=FIELD; the source has %1)")
                    .arg(source.fields.isEmpty() ? Tr::tr("no fields")
                                                 : source.fields.join(QStringLiteral(", ")))});
        return plan;
    }
    if (source.features.empty()) {
        plan.problems.push_back({0, Tr::tr("%1 holds no features").arg(source.path)});
        return plan;
    }
    const auto fieldOf = [&](const char* target) {
        return source.fieldIndex(options.mapping.field(QLatin1String(target)));
    };
    const int codeField = fieldOf("code");
    const int parentField = fieldOf("parent");
    const int householdsField = fieldOf("households");
    const int residentsField = fieldOf("residents");
    const int orgField = fieldOf("org");

    const GeosEngine geos;
    const CodeScheme scheme(data, index);
    QSet<QString> taken;
    UnitId nextId = 1;
    for (const Unit& unit : data.units)
        nextId = std::max(nextId, unit.id + 1);

    for (const SourceFeature& feature : source.features) {
        const auto refuse = [&](const QString& reason) { plan.problems.push_back({feature.number, reason}); };
        const auto value = [&](int field) {
            return field >= 0 ? feature.values.value(field).trimmed() : QString();
        };
        Unit unit;
        unit.level = options.level;
        unit.name = value(nameField);
        unit.organisation = value(orgField);
        if (unit.name.isEmpty()) {
            refuse(Tr::tr("the name is empty"));
            continue;
        }

        // the area
        if (feature.polygon.isEmpty()) {
            refuse(feature.point ? Tr::tr("%1 is a point, not an area").arg(unit.name)
                   : !feature.otherGeometry.isEmpty()
                       ? Tr::tr("%1 is %2, not an area").arg(unit.name, feature.otherGeometry)
                       : Tr::tr("%1 has no geometry").arg(unit.name));
            continue;
        }
        unit.boundary = feature.polygon;
        if (const QString invalid = geos.invalidityReason(unit.boundary); !invalid.isEmpty()) {
            if (!options.repairInvalid) {
                refuse(Tr::tr("the boundary of %1 is invalid (%2); it can be repaired on import")
                           .arg(unit.name, invalid));
                continue;
            }
            try {
                unit.boundary = geos.repaired(unit.boundary);
                plan.notes.push_back(
                    {feature.number, Tr::tr("the boundary of %1 was repaired (%2)").arg(unit.name, invalid)});
            } catch (const Error& error) {
                refuse(Tr::tr("the boundary of %1 cannot be repaired: %2").arg(unit.name, error.message()));
                continue;
            }
        }

        // the counts
        bool countsOk = true;
        for (const auto& [field, target, what] :
             {std::tuple{householdsField, &unit.households, Tr::tr("households")},
              std::tuple{residentsField, &unit.residents, Tr::tr("residents")}}) {
            const std::optional<qint64> number = importedCount(value(field));
            if (!number) {
                refuse(Tr::tr("%1 of %2 is not a whole number: \"%3\"").arg(what, unit.name, value(field)));
                countsOk = false;
                break;
            }
            *target = *number;
        }
        if (!countsOk)
            continue;

        // the parent: by its code, by the unit's code, or by location
        const QString code = value(codeField);
        const Unit* parent = nullptr;
        if (options.level > 0) {
            const QString parentCode = value(parentField);
            if (!parentCode.isEmpty()) {
                parent = index.unitByCode(parentCode);
                if (!parent || parent->level != options.level - 1) {
                    refuse(
                        Tr::tr("the project has no %1 with the code %2 to hold %3")
                            .arg(data.hierarchy.level(options.level - 1).name.text(), parentCode, unit.name));
                    continue;
                }
            } else if (code.size() > level.codeDigits) {
                const Unit* byCode = index.unitByCode(code.left(code.size() - level.codeDigits));
                if (byCode && byCode->level == options.level - 1)
                    parent = byCode;
            }
            if (!parent) {
                parent = index.unitAt(options.level - 1, geos.pointOnSurface(unit.boundary));
                if (!parent) {
                    refuse(Tr::tr("%1 lies in no %2 of the project")
                               .arg(unit.name, data.hierarchy.level(options.level - 1).name.text()));
                    continue;
                }
            }
            unit.parentId = parent->id;
        }

        // the code
        if (code.isEmpty()) {
            try {
                unit.code = scheme.nextCode(options.level, parent, taken);
            } catch (const Error& error) {
                refuse(error.message());
                continue;
            }
        } else if (const QString why = scheme.whyNot(code, options.level, parent, 0, taken); !why.isEmpty()) {
            refuse(why);
            continue;
        } else {
            unit.code = code;
        }
        taken.insert(unit.code);
        unit.id = nextId++;
        plan.changes.units.push_back({std::nullopt, unit});
    }
    plan.description = Tr::tr("Import %1 %2 from %3")
                           .arg(plan.changes.units.size())
                           .arg(level.name.text(), QFileInfo(source.path).fileName());
    return plan;
}

} // namespace gridmodel
