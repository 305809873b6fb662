#pragma once

#include "projectdata.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class ScopeBox;

namespace gridmodel {
class ProjectFile;
}

/**
 * Exporting from the window, as `gridatlas-cli export` does: a level's boundaries (GeoJSON,
 * Shapefile, KML, DXF, GeoPackage) inside the whole district or a chosen unit, or the roster
 * (CSV in UTF-8 or GBK, XLSX); personal fields only when ticked; progress with cancel.
 */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const gridmodel::ProjectFile& project, int level, gridmodel::UnitId selected,
                 QWidget* parent = nullptr);

    QComboBox* contentBox() const { return mContent; }
    QComboBox* levelBox() const { return mLevel; }
    ScopeBox* withinBox() const { return mWithin; }
    QComboBox* formatBox() const { return mFormat; }
    QCheckBox* personalBox() const { return mPersonal; }
    QLineEdit* pathEdit() const { return mPath; }
    QLabel* messageLabel() const { return mMessage; }

    //! writes the chosen file; false (with the reason shown) when it did not
    bool exportNow();

private:
    bool exportsRoster() const;
    void fillFormats();
    void suggestPath();

    const gridmodel::ProjectFile& mProject;
    QComboBox* mContent = nullptr;
    QComboBox* mLevel = nullptr;
    ScopeBox* mWithin = nullptr;
    QComboBox* mFormat = nullptr;
    QCheckBox* mPersonal = nullptr;
    QLineEdit* mPath = nullptr;
    QLabel* mMessage = nullptr;
};
