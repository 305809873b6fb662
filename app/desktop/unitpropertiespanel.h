#pragma once

#include "projectdata.h"
#include "projecteditor.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

/**
 * The selected unit's name, code, external code, organisation, counts and notes, editable with
 * validation as you type. Apply hands the changes on as one edit (applyRequested). Typed
 * changes are never dropped unasked: selecting another unit applies them (as QGIS's
 * attribute form does), a refresh of the same unit keeps them, and the window asks
 * before closing while there are some.
 */
class UnitPropertiesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UnitPropertiesPanel(QWidget* parent = nullptr);

    //! shows a unit (nullptr: nothing selected); `levelName` e.g. 网格; `editable` false when viewing
    void showUnit(const gridmodel::Unit* unit, const QString& levelName, bool editable);
    gridmodel::UnitId unitId() const { return mUnitId; }

    //! the fields the user changed (empty when none or when the input is not valid)
    gridmodel::ProjectEditor::Attributes changedAttributes() const;
    //! why the input cannot be applied (empty when it can)
    QString inputProblem() const;
    //! whether the user typed changes not yet applied
    bool hasUnappliedChanges() const;
    //! applies the typed changes (applyRequested); false when the input cannot be applied
    bool applyChanges();
    //! puts the fields back as the unit has them
    void discardChanges();

    QLineEdit* nameEdit() const { return mName; }
    QLineEdit* externalCodeEdit() const { return mExternalCode; }
    QSpinBox* householdsEdit() const { return mHouseholds; }
    QPushButton* applyButton() const { return mApply; }

signals:
    void applyRequested(gridmodel::UnitId unit, const gridmodel::ProjectEditor::Attributes& attributes);

private:
    void updateState();
    //! fills the fields from the unit as shown (mShown)
    void fillFields();

    gridmodel::UnitId mUnitId = 0;
    gridmodel::Unit mShown;
    bool mEditable = false;
    QLabel* mLevel = nullptr;
    QLabel* mCode = nullptr;
    QLineEdit* mName = nullptr;
    QLineEdit* mOrganisation = nullptr;
    QLineEdit* mExternalCode = nullptr;
    QSpinBox* mHouseholds = nullptr;
    QSpinBox* mResidents = nullptr;
    QPlainTextEdit* mNotes = nullptr;
    QLabel* mMessage = nullptr;
    QPushButton* mApply = nullptr;
    QPushButton* mRevert = nullptr;
};
