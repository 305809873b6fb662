#pragma once

#include "geometry.h"
#include "projectdata.h"

#include <QMainWindow>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
class QgsMapCanvas;
class QgsMessageBar;
class QgsRubberBand;
class DivisionPanel;
class EditingTools;
class HierarchyTreeModel;
class LayersPanel;
class PeoplePanel;
class ElidedLabel;
class ProblemsModel;
class ProblemsPanel;
class TaskProgress;
class UnitPropertiesPanel;

namespace gridmodel {
struct ChangeSet;
class ProjectFile;
} // namespace gridmodel
namespace mapcore {
class ProjectOpening;
class ProjectSession;
} // namespace mapcore

/**
 * The GridAtlas window: the map of the open project with the hierarchy tree, the selected
 * unit's properties, its people and the checker's problems beside it. Wiring only: the
 * edits are EditingTools', rules are gridmodel's operations, map tools only capture.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow();
    ~MainWindow() override;

    /**
     * Starts opening a project (for editing when it can): the map draws at once, the rest
     * is read in the background with progress and cancel; projectOpened() tells the end.
     * Returns false, showing the reason, when the file is no project it can open.
     */
    bool openProject(const QString& path);
    //! true while a project is being read
    bool isOpening() const { return mOpening != nullptr; }
    //! copies the open project, history included, to `path` and opens the copy
    bool saveProjectAs(const QString& path);

    QgsMapCanvas* canvas() const { return mCanvas; }
    mapcore::ProjectSession* session() const { return mSession.get(); }
    QTreeView* hierarchyView() const { return mTree; }
    QLineEdit* searchBox() const { return mSearch; }
    QTableView* problemsView() const;
    //! 自动划格: the proposed division of the selected unit, drawn as a draft
    DivisionPanel* divisionPanel() const { return mDivision; }
    ProblemsPanel* problemsPanel() const { return mProblemsPanel; }
    ProblemsModel* problems() const { return mProblems; }
    UnitPropertiesPanel* propertiesPanel() const { return mProperties; }
    PeoplePanel* peoplePanel() const { return mPeople; }
    LayersPanel* layersPanel() const { return mLayersPanel; }
    QgsMessageBar* messageBar() const { return mMessageBar; }
    EditingTools* tools() const { return mTools; }
    QAction* action(const QString& name) const;
    //! the level the editing tools work on
    int editingLevel() const;
    void setEditingLevel(int level);
    const std::vector<gridmodel::UnitId>& selection() const { return mSelection; }
    //! the area of the live preview while drawing a unit (0: none shown)
    double previewArea() const;
    //! selects a unit in the tree and on the map, zooming to it when asked
    void selectUnit(gridmodel::UnitId id, bool zoom, bool addToSelection = false);

signals:
    //! the project being opened is ready (`opened`), or could not be read or was cancelled
    void projectOpened(bool opened);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createDocks();
    /**
     * Keeps a judgement on the checker's findings with the project (`store`: the accepted
     * problems, or that counts are not entered yet) and checks again; a refusal goes to the
     * message bar.
     */
    void keepJudgement(const std::function<void(gridmodel::ProjectFile&)>& store);
    void chooseProject();
    void closeProject();
    /**
     * Before the project closes: asks what to do with changes typed in the properties panel
     * and not applied (apply / discard / cancel); false when the user cancels, or when they
     * cannot be applied.
     */
    bool settleUnappliedChanges();
    //! the project has been read: panels, tools and checker take it
    void finishOpening();
    void installSession(std::unique_ptr<mapcore::ProjectSession> session);
    void updateActions();
    void updateScale(double scale);
    void updateSelectionLabel();
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    void fillLevelsMenu();
    //! the canvas shows the levels checked in the View menu
    void showVisibleLevels();
    //! centres the map on an area whose middle is off-screen, keeping the scale
    void panToIfOffScreen(const gridmodel::Envelope& envelope);
    void zoomTo(const gridmodel::Envelope& envelope);
    //! outlines a problem's area on the map (empty: clears it)
    void highlight(const gridmodel::MultiPolygon& area);
    void showOnMap();
    void followEdit(const gridmodel::ChangeSet& changes);

    void unitPicked(const gridmodel::Point& point, Qt::KeyboardModifiers modifiers);
    const gridmodel::Unit* selectedUnit() const;

    QgsMapCanvas* mCanvas = nullptr;
    QgsMessageBar* mMessageBar = nullptr;
    QLabel* mCoordinates = nullptr;
    QLabel* mScale = nullptr;
    QLabel* mCrs = nullptr;
    ElidedLabel* mSelectionLabel = nullptr;
    ElidedLabel* mToolHint = nullptr; //!< what the active tool expects next
    TaskProgress* mProgress = nullptr;
    QComboBox* mLevelBox = nullptr;
    QTreeView* mTree = nullptr;
    QLineEdit* mSearch = nullptr;
    ProblemsPanel* mProblemsPanel = nullptr;
    HierarchyTreeModel* mTreeModel = nullptr;
    QSortFilterProxyModel* mTreeFilter = nullptr;
    ProblemsModel* mProblems = nullptr;
    UnitPropertiesPanel* mProperties = nullptr;
    EditingTools* mTools = nullptr;
    PeoplePanel* mPeople = nullptr;
    DivisionPanel* mDivision = nullptr;
    LayersPanel* mLayersPanel = nullptr;
    QMenu* mRecentMenu = nullptr;
    QMenu* mLevelsMenu = nullptr;
    std::unique_ptr<QgsRubberBand> mHighlight;
    std::unique_ptr<mapcore::ProjectOpening> mOpening;
    std::unique_ptr<mapcore::ProjectSession> mSession;
    std::vector<gridmodel::UnitId> mSelection;
    bool mSyncingSelection = false;
};
