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

private:
    void followEdit(const gridmodel::ChangeSet& changes);
    const gridmodel::Unit* unit(const QModelIndex& index) const;

    QPointer<mapcore::ProjectSession> mSession;
};
