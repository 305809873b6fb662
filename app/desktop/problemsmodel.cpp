#include "problemsmodel.h"

#include "hierarchyindex.h"
#include "projectdata.h"
#include "projectfile.h"

#include <QCoreApplication>
#include <QStringList>
#include <QtConcurrent>
#include <algorithm>
#include <tuple>

using namespace gridmodel;

ProblemsModel::ProblemsModel(QObject* parent) : QAbstractTableModel(parent)
{
    connect(&mWatcher, &QFutureWatcher<CheckResults>::finished, this, [this] {
        mChecking = false;
        mResults = mWatcher.result();
        mHaveResults = true;
        if (mPending != Pending::Nothing) { // asked for while it ran: checked before anything is shown
            startCheck();
            return;
        }
        show(mResults.problems());
    });
}

void ProblemsModel::recheck(const ProjectFile& project)
{
    if (mProject != &project)
        mHaveResults = false;
    mProject = &project;
    mPending = Pending::Whole;
    mPendingChanges = ChangeSet();
    if (!mChecking)
        startCheck();
}

void ProblemsModel::recheck(const ProjectFile& project, const ChangeSet& changes)
{
    if (mProject != &project || (!mHaveResults && !mChecking)) {
        recheck(project);
        return;
    }
    if (mPending != Pending::Whole) {
        mPending = Pending::Changes;
        const auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
        append(mPendingChanges.units, changes.units);
        append(mPendingChanges.assignments, changes.assignments);
    }
    if (!mChecking)
        startCheck();
}

void ProblemsModel::startCheck()
{
    const ProjectData& data = mProject->data();
    const HierarchyIndex& index = mProject->index(); // built here: the check only reads it
    mChecking = true;
    emit checkStarted();
    if (mPending == Pending::Changes && mHaveResults) {
        mWatcher.setFuture(QtConcurrent::run([&data, &index, results = mResults, changes = mPendingChanges] {
            CheckResults updated = results;
            updated.update(data, index, changes);
            return updated;
        }));
    } else {
        mWatcher.setFuture(QtConcurrent::run([&data, &index] { return CheckResults::of(data, index); }));
    }
    mPending = Pending::Nothing;
    mPendingChanges = ChangeSet();
}

void ProblemsModel::waitForCheck()
{
    while (mChecking) {
        mWatcher.waitForFinished();
        // deliver finished() now: it shows the results, or starts the pending check
        QCoreApplication::sendPostedEvents(&mWatcher);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
}

void ProblemsModel::show(std::vector<Problem> problems)
{
    // Grouped: faults before data not entered yet, then by kind and level.
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::tuple(a.notYetEntered, static_cast<int>(a.kind), a.level) <
               std::tuple(b.notYetEntered, static_cast<int>(b.kind), b.level);
    });
    beginResetModel();
    mProblems = std::move(problems);
    mLevelNames.clear();
    mUnitCodes.clear();
    const ProjectData& data = mProject->data();
    const HierarchyIndex& index = mProject->index(); // the project's own, not another build
    for (const Problem& problem : mProblems) {
        mLevelNames.push_back(problem.level >= 0 && problem.level < data.hierarchy.levelCount()
                                  ? data.hierarchy.level(problem.level).name.text()
                                  : QString());
        QStringList codes;
        for (UnitId id : problem.units)
            if (const Unit* unit = index.unit(id))
                codes << QStringLiteral("%1 %2").arg(unit->code, unit->name);
        mUnitCodes.push_back(codes.join(QStringLiteral("；")));
    }
    endResetModel();
    emit checked();
}

void ProblemsModel::clear()
{
    waitForCheck();
    beginResetModel();
    mProblems.clear();
    mLevelNames.clear();
    mUnitCodes.clear();
    endResetModel();
}

int ProblemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : problemCount();
}

int ProblemsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= problemCount())
        return QVariant();
    const size_t row = static_cast<size_t>(index.row());
    const Problem& problem = mProblems[row];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KindColumn:
            return Problem::kindName(problem.kind);
        case LevelColumn:
            return mLevelNames[row];
        case UnitsColumn:
            return mUnitCodes[row];
        case AreaColumn:
            return problem.areaM2 > 0 ? QStringLiteral("%1 m²").arg(problem.areaM2, 0, 'f', 1) : QString();
        case DetailColumn:
            return problem.acceptedNote ? tr("%1（已接受：%2）").arg(problem.detail, *problem.acceptedNote)
                                        : problem.detail;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("双击定位到 %1, %2").arg(problem.location.x, 0, 'f', 1).arg(problem.location.y, 0, 'f', 1);
    } else if (role == Qt::TextAlignmentRole && index.column() == AreaColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return QVariant();
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case KindColumn:
        return tr("问题");
    case LevelColumn:
        return tr("层级");
    case UnitsColumn:
        return tr("单元");
    case AreaColumn:
        return tr("面积");
    case DetailColumn:
        return tr("说明");
    }
    return QVariant();
}

std::optional<std::vector<Problem>> ProblemsModel::currentFindings(const ProjectFile& project) const
{
    if (mProject != &project || !mHaveResults || mChecking || mPending != Pending::Nothing)
        return std::nullopt;
    return mResults.problems();
}
