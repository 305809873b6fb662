#pragma once

#include "projectdata.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class ScopeBox;

namespace gridmodel {
class ProjectFile;
}

/**
 * The reports from the window, as `gridatlas-cli report` and `diff` write them: the coverage
 * report (a level or all, the whole district or a unit; XLSX, CSV, HTML, PDF) or the change
 * report (since a step of the project's history, or against another project file; XLSX, PDF,
 * HTML), people named only when ticked.
 */
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Coverage,
        Changes
    };

    ReportDialog(gridmodel::ProjectFile& project, Kind kind, gridmodel::UnitId selected,
                 QWidget* parent = nullptr);

    QComboBox* kindBox() const { return mKind; }
    QComboBox* levelBox() const { return mLevel; }
    ScopeBox* withinBox() const { return mWithin; }
    QRadioButton* sinceChoice() const { return mSince; }
    QComboBox* stepBox() const { return mStep; }
    QRadioButton* otherFileChoice() const { return mOther; }
    QLineEdit* otherFileEdit() const { return mOtherPath; }
    QComboBox* formatBox() const { return mFormat; }
    //! which table a CSV holds (a coverage report only)
    QComboBox* tableBox() const { return mTable; }
    QCheckBox* personalBox() const { return mPersonal; }
    QLineEdit* pathEdit() const { return mPath; }
    QLabel* messageLabel() const { return mMessage; }

    //! writes the report; false (with the reason shown) when it did not
    bool write();

private:
    Kind kind() const;
    void kindChanged();
    //! a CSV holds the one table chosen; the path follows the format
    void formatChanged();
    void suggestPath();
    //! false when the user cancelled
    bool writeCoverage(const QString& format, const QString& path);
    bool writeChanges(const QString& format, const QString& path);

    gridmodel::ProjectFile& mProject;
    QComboBox* mKind = nullptr;
    QComboBox* mLevel = nullptr;
    ScopeBox* mWithin = nullptr;
    QRadioButton* mSince = nullptr;
    QComboBox* mStep = nullptr;
    QRadioButton* mOther = nullptr;
    QLineEdit* mOtherPath = nullptr;
    QComboBox* mFormat = nullptr;
    QComboBox* mTable = nullptr;
    QCheckBox* mPersonal = nullptr;
    QLineEdit* mPath = nullptr;
    QLabel* mMessage = nullptr;
    QList<QWidget*> mCoverageRows, mChangeRows;
};
