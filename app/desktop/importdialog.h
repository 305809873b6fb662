#pragma once

#include "boundaryimport.h"
#include "importplan.h"

#include <QDialog>
#include <QMap>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace gridmodel {
class HierarchyIndex;
struct ProjectData;
class TableSource;
class VectorSource;
} // namespace gridmodel
namespace mapcore {
class ProjectSession;
}

/**
 * Importing from the window, as `gridatlas-cli import`, `roster import` and `households
 * import` do: a level's boundaries from a GIS file, the roster from CSV or XLSX, household
 * counts by unit code or from building points. The fields are guessed and can be chosen;
 * the preview says what was read and what would be done, names every refused row, and the
 * import runs only when nothing is refused: all or nothing, one step of undo.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Boundaries,
        Roster,
        Households
    };

    ImportDialog(mapcore::ProjectSession& session, Kind kind, int level, QWidget* parent = nullptr);
    ~ImportDialog() override;

    QComboBox* kindBox() const { return mKind; }
    QLineEdit* sourceEdit() const { return mSource; }
    QComboBox* levelBox() const { return mLevel; }
    //! the layer of a GIS source (hidden when it has only one)
    QComboBox* layerBox() const { return mLayer; }
    //! the field chosen for a target (name, code, parent, households, residents, org)
    QComboBox* fieldBox(const QString& target) const { return mFields.value(target); }
    QCheckBox* repairBox() const { return mRepair; }
    QPlainTextEdit* previewText() const { return mPreview; }
    QPushButton* importButton() const { return mImport; }
    const gridmodel::ImportPlan* plan() const { return mPlan.get(); }

    //! reads the source again (after its path or layer changed) and makes the preview
    void readSource();
    //! the preview for the current choices, from the source already read
    void updatePreview();
    //! imports as the preview says; false (with the reason shown) when nothing was imported
    bool importNow();

private:
    Kind kind() const;
    //! what the dialog's widgets say, taken before the plan is made in another thread
    struct Choices
    {
        Kind kind;
        int level;
        bool repair;
        bool mergeSameCode;
        gridmodel::FieldMapping mapping;
    };
    //! what importing the source read would do
    gridmodel::ImportPlan planFor(const Choices& choices, const gridmodel::ProjectData& data,
                                  const gridmodel::HierarchyIndex& index) const;
    QStringList targets() const;
    void fillFields(const QStringList& fields);
    //! asks for the source and reads it
    QString chooseSource();

    mapcore::ProjectSession& mSession;
    QComboBox* mKind = nullptr;
    QLineEdit* mSource = nullptr;
    QComboBox* mLevel = nullptr;
    QComboBox* mLayer = nullptr;
    QWidget* mLayerLabel = nullptr;
    QFormLayout* mFieldForm = nullptr;
    QMap<QString, QComboBox*> mFields;
    QCheckBox* mRepair = nullptr;
    QCheckBox* mMergeSameCode = nullptr;
    QPlainTextEdit* mPreview = nullptr;
    QPushButton* mImport = nullptr;
    std::unique_ptr<gridmodel::VectorSource> mVector;
    std::unique_ptr<gridmodel::TableSource> mTable;
    QString mReadError;
    std::unique_ptr<gridmodel::ImportPlan> mPlan;
};
