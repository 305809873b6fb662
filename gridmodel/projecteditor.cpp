#include "projecteditor.h"

#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"

#include <QCoreApplication>
#include <QStringList>

namespace gridmodel {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("gridmodel", text);
}
} // namespace

ProjectEditor::ProjectEditor(ProjectFile& project) : mProject(project) {}

ChangeSet ProjectEditor::setAttributes(const QString& code, const Attributes& attributes)
{
    const ProjectData& data = mProject.data();
    const HierarchyIndex index(data);
    const Unit* unit = index.unitByCode(code);
    if (!unit)
        throw Error(Error::Kind::InvalidInput, tr("No unit has the code \"%1\"").arg(code));
    if (!attributes.households && !attributes.residents && !attributes.name)
        throw Error(Error::Kind::InvalidInput, tr("Nothing to set: give households, residents or a name"));
    if ((attributes.households && *attributes.households < 0) ||
        (attributes.residents && *attributes.residents < 0))
        throw Error(Error::Kind::InvalidInput, tr("Households and residents cannot be negative"));
    if (attributes.name && attributes.name->trimmed().isEmpty())
        throw Error(Error::Kind::InvalidInput, tr("A unit needs a name"));

    Unit changed = *unit;
    QStringList what;
    if (attributes.name && *attributes.name != unit->name) {
        changed.name = attributes.name->trimmed();
        what << tr("name %1→%2").arg(unit->name, changed.name);
    }
    const qint64 householdsDelta = attributes.households ? *attributes.households - unit->households : 0;
    const qint64 residentsDelta = attributes.residents ? *attributes.residents - unit->residents : 0;
    changed.households += householdsDelta;
    changed.residents += residentsDelta;
    if (householdsDelta)
        what << tr("households %1→%2").arg(unit->households).arg(changed.households);
    if (residentsDelta)
        what << tr("residents %1→%2").arg(unit->residents).arg(changed.residents);
    if (what.isEmpty())
        return ChangeSet();

    ChangeSet changes;
    changes.units.push_back({*unit, changed});
    if (householdsDelta || residentsDelta)
        for (const Unit* ancestor = index.unit(unit->parentId); ancestor;
             ancestor = index.unit(ancestor->parentId)) {
            if (ancestor->level >= unit->level)
                break; // a cycle; the checker reports it
            Unit total = *ancestor;
            total.households += householdsDelta;
            total.residents += residentsDelta;
            changes.units.push_back({*ancestor, total});
        }
    mProject.apply(changes, QStringLiteral("set"),
                   tr("Set %1 %2: %3").arg(unit->code, unit->name, what.join(tr(", "))));
    return changes;
}

} // namespace gridmodel
