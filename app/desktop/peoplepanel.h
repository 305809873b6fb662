#pragma once

#include "projectdata.h"

#include <QWidget>

class QCheckBox;
class ElidedLabel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

/**
 * The people of the selected unit by role, the required roles still empty, and the
 * roster of all members with a search box. Phones are masked unless "显示电话" is
 * ticked. Changes are requested (signals); the window runs them as edits.
 */
class PeoplePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PeoplePanel(QWidget* parent = nullptr);

    //! shows the project's members and the unit's roles (unit nullptr: roster only)
    void showUnit(const gridmodel::ProjectData& data, const gridmodel::Unit* unit, bool editable);

    QTableWidget* assignmentsTable() const { return mAssignments; }
    QTableWidget* rosterTable() const { return mRoster; }
    QLabel* missingRolesLabel() const { return mMissing; }
    QLineEdit* rosterSearch() const { return mSearch; }
    QCheckBox* showPhones() const { return mShowPhones; }
    QPushButton* assignButton() const { return mAssign; }
    QPushButton* removeMemberButton() const { return mRemoveMember; }

signals:
    void assignRequested(gridmodel::MemberId member, const QString& role, qint64 linkedHouseholds);
    void unassignRequested(gridmodel::MemberId member, const QString& role);
    void addMemberRequested(const gridmodel::Member& member);
    //! asked after the user confirmed: their roles go, and their data from the history
    void removeMemberRequested(gridmodel::MemberId member);

private:
    void fill();
    void filterRoster(const QString& text);
    void chooseAssignment();
    void chooseNewMember();
    void confirmMemberRemoval();

    const gridmodel::ProjectData* mData = nullptr;
    gridmodel::Unit mUnit;
    bool mHasUnit = false;
    bool mEditable = false;
    ElidedLabel* mTitle = nullptr;
    QLabel* mMissing = nullptr;
    QTableWidget* mAssignments = nullptr;
    QTableWidget* mRoster = nullptr;
    QLineEdit* mSearch = nullptr;
    QCheckBox* mShowPhones = nullptr;
    QPushButton* mAssign = nullptr;
    QPushButton* mUnassign = nullptr;
    QPushButton* mAddMember = nullptr;
    QPushButton* mRemoveMember = nullptr;
};
