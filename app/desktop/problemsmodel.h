#pragma once

#include "changeset.h"
#include "check/checker.h"
#include "check/checkresults.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <optional>
#include <vector>

namespace gridmodel {
class ProjectFile;
}

/** The checker's findings as a table: kind, level, units, area, detail. */
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        LevelColumn,
        UnitsColumn,
        AreaColumn,
        DetailColumn,
        ColumnCount
    };

    explicit ProblemsModel(QObject* parent = nullptr);

    /**
     * Checks the project again in the background and then shows what the checker found
     * (checked() tells when). A request while a check runs starts another when it ends.
     * The data must not change until the check ends: edits call waitForCheck() first.
     */
    void recheck(const gridmodel::ProjectFile& project);
    /**
     * After an edit: checks again, in the background too, only what `changes` (applied to the
     * project) can have changed, and keeps the other findings. The first check is a whole one.
     */
    void recheck(const gridmodel::ProjectFile& project, const gridmodel::ChangeSet& changes);
    bool isChecking() const { return mChecking; }
    //! blocks until a running check has ended (its results are shown)
    void waitForCheck();
    void clear();
    const gridmodel::Problem& problem(int row) const { return mProblems.at(static_cast<size_t>(row)); }
    int problemCount() const { return static_cast<int>(mProblems.size()); }
    //! the findings kept between checks, with how much the last check looked at
    const gridmodel::CheckResults& checkResults() const { return mResults; }
    //! the findings on the project as it is, when a check of it has ended and nothing is pending
    std::optional<std::vector<gridmodel::Problem>>
    currentFindings(const gridmodel::ProjectFile& project) const;

signals:
    void checkStarted();
    void checked();

public:
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum class Pending
    {
        Nothing,
        Changes, //!< mPendingChanges
        Whole,
    };

    void startCheck();
    void show(std::vector<gridmodel::Problem> problems);

    const gridmodel::ProjectFile* mProject = nullptr;
    QFutureWatcher<gridmodel::CheckResults> mWatcher;
    gridmodel::CheckResults mResults;
    bool mHaveResults = false;           //!< mResults are the project's (a whole check has ended)
    Pending mPending = Pending::Nothing; //!< what to check next
    gridmodel::ChangeSet mPendingChanges;
    bool mChecking = false; //!< from the start of a check until its results are shown
    std::vector<gridmodel::Problem> mProblems;
    std::vector<QString> mLevelNames;
    std::vector<QString> mUnitCodes; //!< per problem, the codes of its units
};
