#pragma once

#include "projectdata.h"
#include "responsibilitymapprinter.h"

#include <QDialog>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;
class ScopeBox;

namespace gridmodel {
class ProjectFile;
}

/**
 * Printing responsibility maps from the window: which level and which part of the
 * district, paper, orientation, whether phones show; a live preview of the first page;
 * printing into one PDF with progress and cancel. What a page holds and how it looks is
 * mapcore::ResponsibilityMapPrinter's, as for `gridatlas-cli print`.
 */
class PrintDialog : public QDialog
{
    Q_OBJECT

public:
    /**
     * `selected`: the unit selected in the window (printing within it is offered); `findings`:
     * the window's, when it has them for the project as it is (else the printer checks).
     */
    PrintDialog(const gridmodel::ProjectFile& project, int level, gridmodel::UnitId selected,
                std::optional<std::vector<gridmodel::Problem>> findings, QWidget* parent = nullptr);
    ~PrintDialog() override;

    QComboBox* levelBox() const { return mLevel; }
    ScopeBox* withinBox() const { return mWithin; }
    QComboBox* paperBox() const { return mPaper; }
    QComboBox* orientationBox() const { return mOrientation; }
    QCheckBox* phonesBox() const { return mPhones; }
    QCheckBox* wallBox() const { return mWall; }
    //! the project's reference layers, ticked to print under the units (hidden when it has none)
    QListWidget* referencesList() const { return mReferences; }
    QLineEdit* pathEdit() const { return mPath; }
    QLabel* previewLabel() const { return mPreview; }
    QLabel* messageLabel() const { return mMessage; }

    //! the units the choices print, in page order
    std::vector<gridmodel::UnitId> units() const;
    //! draws the preview now (otherwise it follows the choices a moment later)
    void updatePreview();
    //! prints into the chosen file; false (with the reason shown) when it did not
    bool print();

private:
    mapcore::ResponsibilityMapPrinter::Options options() const;
    //! the printer for the current choices, made once (it reads the layers and runs the checker)
    mapcore::ResponsibilityMapPrinter& printer();
    void schedulePreview();

    const gridmodel::ProjectFile& mProject;
    QComboBox* mLevel = nullptr;
    ScopeBox* mWithin = nullptr;
    QComboBox* mPaper = nullptr;
    QComboBox* mOrientation = nullptr;
    QCheckBox* mPhones = nullptr;
    QCheckBox* mWall = nullptr;
    QListWidget* mReferences = nullptr;
    QLineEdit* mPath = nullptr;
    QLabel* mPreview = nullptr;
    QLabel* mCount = nullptr;
    QLabel* mMessage = nullptr;
    QTimer* mPreviewTimer = nullptr;
    std::unique_ptr<mapcore::ResponsibilityMapPrinter> mPrinter;
    std::optional<std::vector<gridmodel::Problem>> mFindings; //!< the window's, for the printer
};
