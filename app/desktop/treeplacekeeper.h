#pragma once

#include "projectdata.h"

#include <QObject>
#include <QSet>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class HierarchyTreeModel;

/**
 * Keeps the planner's place in the hierarchy tree when an edit rebuilds it: the units
 * that were expanded stay expanded, a search keeps filtering (its matches shown open), and
 * the view keeps its scroll position. Units are remembered by id, so a unit that moved
 * keeps its state under its new parent.
 */
class TreePlaceKeeper : public QObject
{
    Q_OBJECT

public:
    //! `search`: the box whose text filters the tree
    TreePlaceKeeper(QTreeView* view, QSortFilterProxyModel* filter, HierarchyTreeModel* model,
                    QLineEdit* search);

private:
    void remember();
    void restore();

    QTreeView* mView;
    QSortFilterProxyModel* mFilter;
    HierarchyTreeModel* mModel;
    QLineEdit* mSearch;
    QSet<gridmodel::UnitId> mExpanded;
    int mScroll = 0;
};
