#pragma once

#include "check/checker.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QPushButton;
class QLabel;
class QModelIndex;
class QTableView;
class ProblemsModel;
class ProblemsFilter;
namespace gridmodel {
class HierarchyIndex;
}

/**
 * The checker's findings as a planner can work through them: grouped by kind and level
 * with counts (faults first), filtered by kind, level and the selected unit's subtree.
 * Data not entered yet (counts still 0, nobody in any role) is set apart and hidden
 * unless asked for, so thousands of "0 households" do not bury a gap; so are the problems
 * the planner accepted as they are (with a note).
 */
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    ProblemsPanel(ProblemsModel* model, QWidget* parent = nullptr);

    //! the unit whose subtree "only the selection" limits the list to (0: none)
    void setSelectedUnit(gridmodel::UnitId unit, const gridmodel::HierarchyIndex* index);

    QTableView* view() const { return mView; }
    QComboBox* kindFilter() const { return mKind; }
    QComboBox* levelFilter() const { return mLevel; }
    QCheckBox* withinSelection() const { return mWithin; }
    QCheckBox* notYetEnteredShown() const { return mNotYetEntered; }
    QCheckBox* acceptedShown() const { return mAccepted; }
    QPushButton* acceptButton() const { return mAccept; }
    //! the project's saying that its counts are not entered yet
    QCheckBox* countsNotEnteredYetBox() const { return mCountsNotEntered; }
    //! shows what the project says, without asking to change it
    void showCountsNotEnteredYet(bool notYet);
    //! the problems listed, after filtering
    int shownCount() const;
    const gridmodel::Problem& shownProblem(int row) const;
    //! the faults and the not-entered findings of the whole check, for the dock's title
    int faultCount() const { return mFaults; }
    int notYetEnteredCount() const { return mNotEntered; }

signals:
    //! a listed problem chosen with a double-click or Return
    void problemActivated(const gridmodel::Problem& problem);
    /**
     * The planner accepts the selected problem as it is, with why (`note`), or takes an
     * acceptance back (`note` empty).
     */
    void acceptRequested(const gridmodel::Problem& problem, const QString& note);
    //! the planner says the project's counts are (not) entered yet
    void countsNotEnteredYetRequested(bool notYet);

private:
    void refreshChoices();
    void applyFilter();
    //! the problem selected in the list (nullptr: none)
    const gridmodel::Problem* selectedProblem() const;
    void acceptOrWithdraw();
    void updateAcceptButton();

    ProblemsModel* mModel;
    ProblemsFilter* mFilter;
    QTableView* mView = nullptr;
    QComboBox* mKind = nullptr;
    QComboBox* mLevel = nullptr;
    QCheckBox* mWithin = nullptr;
    QCheckBox* mNotYetEntered = nullptr;
    QCheckBox* mAccepted = nullptr;
    QCheckBox* mCountsNotEntered = nullptr;
    QPushButton* mAccept = nullptr;
    gridmodel::UnitId mSelected = 0;
    const gridmodel::HierarchyIndex* mIndex = nullptr;
    int mFaults = 0;
    int mNotEntered = 0;
};
