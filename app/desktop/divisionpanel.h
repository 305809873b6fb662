#pragma once

#include "divide/divisionplanner.h"
#include "projectdata.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QgsMapCanvas;

namespace mapcore {
class BrushTool;
class DivisionDraftItem;
class ProjectSession;
} // namespace mapcore

/**
 * 自动划格: proposes a new division of the selected unit's children (DivisionPlanner) and shows
 * it as a draft on the map, with each new unit's tally against the band, its compactness and its
 * barrier crossings, and what could not be met. The planner locks units they like and asks for
 * another proposal around them; applying is one step of undo. Nothing changes before that.
 */
class DivisionPanel : public QWidget
{
    Q_OBJECT

public:
    DivisionPanel(QgsMapCanvas* canvas, QWidget* parent = nullptr);
    ~DivisionPanel() override;

    void setSession(mapcore::ProjectSession* session);
    //! the unit to divide anew (0: none chosen); a draft of another unit goes
    void setUnit(gridmodel::UnitId unit);
    //! after any edit: the draft no longer fits the project and goes
    void projectChanged();

    //! proposes with the panel's settings (locked units kept); false, saying why, when refused
    bool propose();
    //! the same with the next seed: another proposal
    bool proposeAnother();
    const gridmodel::DivisionProposal& proposal() const { return mProposal; }
    const mapcore::DivisionDraftItem& draft() const { return *mDraft; }
    //! locks or unlocks proposed unit `part` (0-based) for the next proposal
    void setLocked(int part, bool locked);
    /**
     * Painting: with it on, the children brushed on the map go to the proposed unit chosen in
     * the table (`part`, 0-based), and the tallies follow.
     */
    void setPainting(bool on);
    void choosePart(int part);
    //! paints the child at `point` into the chosen proposed unit; false, saying why, when refused
    bool paintAt(const gridmodel::Point& point);

signals:
    //! the planner accepts the draft: apply it (HierarchyEditor::divide) as one edit
    void applyRequested(const gridmodel::DivisionProposal& proposal);

private:
    void clearDraft(const QString& why = QString());
    void showProposal();
    void updateControls();

    QPointer<QgsMapCanvas> mCanvas;
    mapcore::ProjectSession* mSession = nullptr;
    gridmodel::UnitId mUnit = 0;
    gridmodel::DivisionProposal mProposal;
    std::unique_ptr<mapcore::DivisionDraftItem> mDraft;
    std::unique_ptr<mapcore::BrushTool> mBrush;
    std::vector<gridmodel::LineString> mBarrierLines; //!< read from mBarrierLayer near mBarrierUnit
    QString mBarrierLayer;
    gridmodel::UnitId mBarrierUnit = 0;
    //! each proposed unit's outline, with the children it was united from (until the next edit)
    struct CachedOutline
    {
        std::vector<gridmodel::UnitId> members;
        gridmodel::MultiPolygon outline;
        bool valid = false;
    };
    std::vector<CachedOutline> mOutlines;
    //! the children of the proposal shown, with its barriers, for painting (until the next edit)
    std::unique_ptr<gridmodel::DivisionGraph> mGraph;

    QLabel* mTarget;
    QRadioButton* mByBand;
    QRadioButton* mByParts;
    QSpinBox* mBandMin;
    QSpinBox* mBandMax;
    QSpinBox* mParts;
    QComboBox* mBarriers;
    QSpinBox* mSeed;
    QPushButton* mProposeButton;
    QPushButton* mAnotherButton;
    QPushButton* mApplyButton;
    QPushButton* mDiscardButton;
    QPushButton* mPaintButton;
    QLabel* mSummary;
    QTableWidget* mTable;
    QLabel* mUnmet;
};
