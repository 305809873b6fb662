#include "scopebox.h"

#include "hierarchyindex.h"
#include "projectfile.h"

#include <QList>
#include <QSignalBlocker>

using namespace gridmodel;

ScopeBox::ScopeBox(const ProjectFile& project, UnitId selected, QWidget* parent)
    : QComboBox(parent), mProject(project), mSelected(selected)
{
}

void ScopeBox::fill(int level)
{
    const QSignalBlocker blocker(this);
    clear();
    addItem(tr("整个辖区"), QString());
    const HierarchyIndex& index = mProject.index();
    QList<const Unit*> chain;
    for (const Unit* unit = index.unit(mSelected); unit && chain.size() < 8;
         unit = unit->parentId ? index.unit(unit->parentId) : nullptr)
        if (unit->level <= level)
            chain.prepend(unit);
    int closest = 0;
    for (const Unit* unit : chain) {
        addItem(QStringLiteral("%1 %2").arg(unit->code, unit->name), unit->code);
        if (unit->level < level)
            closest = count() - 1;
    }
    setCurrentIndex(closest);
}

UnitId ScopeBox::unitId() const
{
    const Unit* unit = code().isEmpty() ? nullptr : mProject.index().unitByCode(code());
    return unit ? unit->id : 0;
}
