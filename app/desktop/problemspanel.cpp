#include "problemspanel.h"

#include "hierarchyindex.h"
#include "problemsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace gridmodel;

/** Which of the checker's findings the panel lists. */
class ProblemsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    std::optional<Problem::Kind> kind;
    int level = -1;
    UnitId within = 0;
    const HierarchyIndex* hierarchy = nullptr;
    bool notYetEntered = false;
    bool accepted = false;

    const Problem& problem(int sourceRow) const
    {
        return static_cast<const ProblemsModel*>(sourceModel())->problem(sourceRow);
    }

    void changed() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex&) const override
    {
        const Problem& found = problem(sourceRow);
        if (found.notYetEntered != notYetEntered || (found.acceptedNote.has_value() && !accepted))
            return false;
        if ((kind && found.kind != *kind) || (level >= 0 && found.level != level))
            return false;
        if (!within || !hierarchy)
            return true;
        for (UnitId id : found.units)
            if (const Unit* unit = hierarchy->unit(id); unit && hierarchy->isWithin(*unit, within))
                return true;
        return false;
    }
};

ProblemsPanel::ProblemsPanel(ProblemsModel* model, QWidget* parent)
    : QWidget(parent), mModel(model), mFilter(new ProblemsFilter(this))
{
    mFilter->setSourceModel(mModel);
    mKind = new QComboBox(this);
    mKind->setObjectName(QStringLiteral("problemKind"));
    mKind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    mLevel = new QComboBox(this);
    mLevel->setObjectName(QStringLiteral("problemLevel"));
    mLevel->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    mWithin = new QCheckBox(tr("只看所选单元及其下级"), this);
    mNotYetEntered = new QCheckBox(tr("只看未录入的数据"), this);
    mNotYetEntered->setToolTip(tr("户数、人数仍为 0，或单元尚无任何人员：这是尚未录入，不是差错"));
    mAccepted = new QCheckBox(tr("显示已接受的"), this);
    mCountsNotEntered = new QCheckBox(tr("本项目户数尚未录入"), this);
    mCountsNotEntered->setToolTip(
        tr("随项目保存：户数、人数和联系户数的问题都算作尚未录入，不计为差错，检查也不因此失败"));
    mAccept = new QPushButton(tr("接受…"), this);
    mAccept->setToolTip(tr("接受所选问题的现状（如有意保留的飞地），写明原因；它不再计为问题"));
    mView = new QTableView(this);
    mView->setModel(mFilter);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->horizontalHeader()->setStretchLastSection(true);
    mView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mView->horizontalHeader()->setSectionResizeMode(ProblemsModel::DetailColumn, QHeaderView::Stretch);
    mView->verticalHeader()->hide();

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(mKind);
    filters->addWidget(mLevel);
    filters->addWidget(mWithin);
    filters->addWidget(mNotYetEntered);
    filters->addWidget(mAccepted);
    filters->addStretch();
    filters->addWidget(mCountsNotEntered);
    filters->addWidget(mAccept);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(filters);
    layout->addWidget(mView);

    connect(mModel, &QAbstractItemModel::modelReset, this, &ProblemsPanel::refreshChoices);
    connect(mKind, qOverload<int>(&QComboBox::activated), this, &ProblemsPanel::applyFilter);
    connect(mLevel, qOverload<int>(&QComboBox::activated), this, &ProblemsPanel::applyFilter);
    connect(mWithin, &QCheckBox::toggled, this, &ProblemsPanel::applyFilter);
    connect(mNotYetEntered, &QCheckBox::toggled, this, &ProblemsPanel::refreshChoices);
    connect(mAccepted, &QCheckBox::toggled, this, &ProblemsPanel::refreshChoices);
    connect(mAccept, &QPushButton::clicked, this, &ProblemsPanel::acceptOrWithdraw);
    connect(mCountsNotEntered, &QCheckBox::toggled, this, &ProblemsPanel::countsNotEnteredYetRequested);
    connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProblemsPanel::updateAcceptButton);
    connect(mView, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit problemActivated(mFilter->problem(mFilter->mapToSource(index).row()));
    });
    refreshChoices();
}

void ProblemsPanel::showCountsNotEnteredYet(bool notYet)
{
    const QSignalBlocker blocker(mCountsNotEntered);
    mCountsNotEntered->setChecked(notYet);
}

void ProblemsPanel::setSelectedUnit(UnitId unit, const HierarchyIndex* index)
{
    mSelected = unit;
    mIndex = index;
    if (mWithin->isChecked())
        applyFilter();
}

int ProblemsPanel::shownCount() const
{
    return mFilter->rowCount();
}

const Problem& ProblemsPanel::shownProblem(int row) const
{
    return mFilter->problem(mFilter->mapToSource(mFilter->index(row, 0)).row());
}

void ProblemsPanel::refreshChoices()
{
    // Counts per kind and per level of what the "not entered" switch lets through.
    QMap<int, int> perKind, perLevel;
    mFaults = mNotEntered = 0;
    int accepted = 0;
    QMap<int, QString> levelNames;
    for (int row = 0; row < mModel->problemCount(); ++row) {
        const Problem& problem = mModel->problem(row);
        if (problem.acceptedNote) {
            ++accepted;
            if (!mAccepted->isChecked())
                continue;
        } else {
            (problem.notYetEntered ? mNotEntered : mFaults)++;
        }
        if (problem.notYetEntered != mNotYetEntered->isChecked())
            continue;
        ++perKind[static_cast<int>(problem.kind)];
        ++perLevel[problem.level];
        levelNames[problem.level] = mModel->data(mModel->index(row, ProblemsModel::LevelColumn)).toString();
    }
    const QVariant kind = mKind->currentData(), level = mLevel->currentData();
    mKind->clear();
    int total = 0;
    for (int count : std::as_const(perKind))
        total += count;
    mKind->addItem(tr("全部问题（%1）").arg(total));
    for (Problem::Kind each : Problem::allKinds())
        if (const int count = perKind.value(static_cast<int>(each)))
            mKind->addItem(tr("%1（%2）").arg(Problem::kindName(each)).arg(count), static_cast<int>(each));
    mLevel->clear();
    mLevel->addItem(tr("全部层级"));
    for (auto it = perLevel.cbegin(); it != perLevel.cend(); ++it)
        mLevel->addItem(tr("%1（%2）").arg(levelNames.value(it.key())).arg(it.value()), it.key());
    mKind->setCurrentIndex(std::max(0, mKind->findData(kind)));
    mLevel->setCurrentIndex(std::max(0, mLevel->findData(level)));
    mNotYetEntered->setText(tr("只看未录入的数据（%1）").arg(mNotEntered));
    mAccepted->setText(tr("显示已接受的（%1）").arg(accepted));
    applyFilter();
}

const Problem* ProblemsPanel::selectedProblem() const
{
    const QModelIndexList rows = mView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : &mFilter->problem(mFilter->mapToSource(rows.front()).row());
}

void ProblemsPanel::updateAcceptButton()
{
    const Problem* problem = selectedProblem();
    mAccept->setEnabled(problem && !problem->units.empty());
    mAccept->setText(problem && problem->acceptedNote ? tr("取消接受") : tr("接受…"));
}

void ProblemsPanel::acceptOrWithdraw()
{
    const Problem* problem = selectedProblem();
    if (!problem || problem->units.empty())
        return;
    if (problem->acceptedNote) {
        emit acceptRequested(*problem, QString());
        return;
    }
    bool ok = false;
    const QString note = QInputDialog::getText(
        this, tr("接受问题"),
        tr("%1：%2\n为什么接受现状？").arg(Problem::kindName(problem->kind), problem->detail),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !note.trimmed().isEmpty())
        emit acceptRequested(*problem, note.trimmed());
}

void ProblemsPanel::applyFilter()
{
    const QVariant kind = mKind->currentData(), level = mLevel->currentData();
    mFilter->kind = kind.isValid() ? std::optional(static_cast<Problem::Kind>(kind.toInt())) : std::nullopt;
    mFilter->level = level.isValid() ? level.toInt() : -1;
    mFilter->within = mWithin->isChecked() ? mSelected : 0;
    mFilter->hierarchy = mIndex;
    mFilter->notYetEntered = mNotYetEntered->isChecked();
    mFilter->accepted = mAccepted->isChecked();
    mFilter->changed();
    updateAcceptButton();
}
