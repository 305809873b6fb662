#pragma once

#include "projectdata.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace gridmodel {
struct ChangeSet;
}
namespace mapcore {
class ProjectSession;
}

/**
 * The hierarchy of the open project as a tree (街道 > 社区 > 网格 > 楼栋 > 责任区), with
 * code and counts per unit. Items carry unit ids, never pointers, and follow the
 * session's edits: a change of names or counts updates those rows, a change of structure
 * rebuilds the tree.
 */
class HierarchyTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        CodeColumn,
        HouseholdsColumn,
        ResidentsColumn,
        ColumnCount
    };
    static constexpr int UnitIdRole = Qt::UserRole + 1;

    explicit HierarchyTreeModel(QObject* parent = nullptr);
    void setSession(mapcore::ProjectSession* session);

    QModelIndex indexOf(gridmodel::UnitId id, int column = NameColumn) const;
    static gridmodel::UnitId unitId(const QModelIndex& index);

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Dragging units onto another parent one level up asks for a move (moveRequested);
    // the model itself changes nothing.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    void moveRequested(const std::vector<gridmodel::UnitId>& units, gridmodel::UnitId newParent);

private:
    std::vector<gridmodel::UnitId> draggedUnits(const QMimeData* data) const;
    void followEdit(const gridmodel::ChangeSet& changes);
    const gridmodel::Unit* unit(const QModelIndex& index) const;

    QPointer<mapcore::ProjectSession> mSession;
};
