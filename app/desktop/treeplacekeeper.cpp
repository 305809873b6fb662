#include "treeplacekeeper.h"

#include "hierarchytreemodel.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTreeView>

TreePlaceKeeper::TreePlaceKeeper(QTreeView* view, QSortFilterProxyModel* filter, HierarchyTreeModel* model,
                                 QLineEdit* search)
    : QObject(view), mView(view), mFilter(filter), mModel(model), mSearch(search)
{
    connect(mModel, &QAbstractItemModel::modelAboutToBeReset, this, &TreePlaceKeeper::remember);
    // The filter, connected first, has passed the reset on to the view by the time this runs.
    connect(mModel, &QAbstractItemModel::modelReset, this, &TreePlaceKeeper::restore);
}

void TreePlaceKeeper::remember()
{
    mExpanded.clear();
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < mFilter->rowCount(parent); ++row) {
            const QModelIndex child = mFilter->index(row, 0, parent);
            if (mView->isExpanded(child)) {
                mExpanded.insert(HierarchyTreeModel::unitId(mFilter->mapToSource(child)));
                pending.append(child);
            }
        }
    }
    mScroll = mView->verticalScrollBar()->value();
}

void TreePlaceKeeper::restore()
{
    if (!mSearch->text().trimmed().isEmpty()) {
        mView->expandAll(); // a search shows its matches open
    } else {
        for (gridmodel::UnitId id : std::as_const(mExpanded)) {
            const QModelIndex index = mFilter->mapFromSource(mModel->indexOf(id));
            if (index.isValid())
                mView->expand(index);
        }
    }
    mView->verticalScrollBar()->setValue(mScroll);
    const QModelIndex current = mView->currentIndex();
    if (current.isValid())
        mView->scrollTo(current);
}
