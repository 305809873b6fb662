#include "hierarchytreemodel.h"

#include "changeset.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "projectsession.h"

#include <QLocale>
#include <QMimeData>
#include <algorithm>

using namespace gridmodel;

HierarchyTreeModel::HierarchyTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void HierarchyTreeModel::setSession(mapcore::ProjectSession* session)
{
    beginResetModel();
    if (mSession)
        disconnect(mSession, nullptr, this, nullptr);
    mSession = session;
    if (mSession)
        connect(mSession, &mapcore::ProjectSession::edited, this, &HierarchyTreeModel::followEdit);
    endResetModel();
}

UnitId HierarchyTreeModel::unitId(const QModelIndex& index)
{
    return index.isValid() ? static_cast<UnitId>(index.internalId()) : 0;
}

const Unit* HierarchyTreeModel::unit(const QModelIndex& index) const
{
    return mSession && index.isValid() ? mSession->project().index().unit(unitId(index)) : nullptr;
}

QModelIndex HierarchyTreeModel::indexOf(UnitId id, int column) const
{
    if (!mSession)
        return QModelIndex();
    const HierarchyIndex& hierarchy = mSession->project().index();
    const Unit* unit = hierarchy.unit(id);
    if (!unit)
        return QModelIndex();
    const auto& siblings = hierarchy.children(hierarchy.unit(unit->parentId) ? unit->parentId : 0);
    const auto found = std::find(siblings.begin(), siblings.end(), unit);
    if (found == siblings.end())
        return QModelIndex();
    return createIndex(static_cast<int>(found - siblings.begin()), column, quintptr(id));
}

QModelIndex HierarchyTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!mSession || row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    const auto& children = mSession->project().index().children(unitId(parent));
    if (row >= static_cast<int>(children.size()))
        return QModelIndex();
    return createIndex(row, column, quintptr(children[static_cast<size_t>(row)]->id));
}

QModelIndex HierarchyTreeModel::parent(const QModelIndex& child) const
{
    const Unit* unit = this->unit(child);
    if (!unit || !unit->parentId)
        return QModelIndex();
    return indexOf(unit->parentId);
}

int HierarchyTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!mSession || (parent.isValid() && parent.column() != NameColumn))
        return 0;
    return static_cast<int>(mSession->project().index().children(unitId(parent)).size());
}

int HierarchyTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant HierarchyTreeModel::data(const QModelIndex& index, int role) const
{
    const Unit* unit = this->unit(index);
    if (!unit)
        return QVariant();
    if (role == UnitIdRole)
        return QVariant::fromValue(unit->id);
    const QString levelName = mSession->data().hierarchy.level(unit->level).name.text();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return unit->name;
        case CodeColumn:
            return unit->code;
        case HouseholdsColumn:
            return QLocale().toString(unit->households);
        case ResidentsColumn:
            return QLocale().toString(unit->residents);
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1 %2\n编码 %3\n%4 户，%5 人")
            .arg(levelName, unit->name, unit->code)
            .arg(unit->households)
            .arg(unit->residents);
    case Qt::TextAlignmentRole:
        if (index.column() == HouseholdsColumn || index.column() == ResidentsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

QVariant HierarchyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("名称");
    case CodeColumn:
        return tr("编码");
    case HouseholdsColumn:
        return tr("户数");
    case ResidentsColumn:
        return tr("人数");
    }
    return QVariant();
}

namespace {
const char* UnitMimeType = "application/x-gridatlas-units";
}

Qt::ItemFlags HierarchyTreeModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (index.isValid() && mSession && mSession->isEditable())
        flags |= Qt::ItemIsDropEnabled |
                 (unit(index) && unit(index)->level > 0 ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
    return flags;
}

QStringList HierarchyTreeModel::mimeTypes() const
{
    return {QLatin1String(UnitMimeType)};
}

QMimeData* HierarchyTreeModel::mimeData(const QModelIndexList& indexes) const
{
    QStringList ids;
    for (const QModelIndex& index : indexes)
        if (index.column() == NameColumn)
            ids << QString::number(unitId(index));
    auto* data = new QMimeData;
    data->setData(QLatin1String(UnitMimeType), ids.join(QLatin1Char(',')).toLatin1());
    return data;
}

std::vector<UnitId> HierarchyTreeModel::draggedUnits(const QMimeData* data) const
{
    std::vector<UnitId> ids;
    if (!data || !data->hasFormat(QLatin1String(UnitMimeType)))
        return ids;
    for (const QByteArray& id : data->data(QLatin1String(UnitMimeType)).split(','))
        if (!id.isEmpty())
            ids.push_back(id.toLongLong());
    return ids;
}

bool HierarchyTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                         const QModelIndex& parent) const
{
    const Unit* target = unit(parent);
    const std::vector<UnitId> ids = draggedUnits(data);
    if (action != Qt::MoveAction || !target || ids.empty())
        return false;
    const HierarchyIndex& hierarchy = mSession->project().index();
    return std::all_of(ids.begin(), ids.end(), [&](UnitId id) {
        const Unit* dragged = hierarchy.unit(id);
        return dragged && dragged->level == target->level + 1 && dragged->parentId != target->id;
    });
}

bool HierarchyTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                      const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    emit moveRequested(draggedUnits(data), unitId(parent));
    return false; // the edit rebuilds the tree; the view must not remove rows itself
}

void HierarchyTreeModel::followEdit(const ChangeSet& changes)
{
    const bool structural = std::any_of(changes.units.begin(), changes.units.end(), [](const auto& change) {
        return !change.before || !change.after || change.before->parentId != change.after->parentId ||
               change.before->code != change.after->code;
    });
    if (structural) {
        beginResetModel();
        endResetModel();
        return;
    }
    for (const auto& change : changes.units) {
        const QModelIndex first = indexOf(change.after->id, NameColumn);
        if (first.isValid())
            emit dataChanged(first, indexOf(change.after->id, ResidentsColumn));
    }
}
