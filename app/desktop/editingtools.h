#pragma once

#include "geometry.h"
#include "hierarchyeditor.h"
#include "projectdata.h"
#include "projecteditor.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QWidget;
class QgsMapCanvas;
class QgsMapTool;
class QgsMessageBar;
class QgsRubberBand;

namespace gridmodel {
class ProjectFile;
struct ChangeSet;
} // namespace gridmodel
namespace mapcore {
class BrushTool;
class CaptureTool;
class PickTool;
class ProjectSession;
class VertexTool;
} // namespace mapcore

/**
 * The planner's edits as the window offers them: the map tools (pan, select, draw,
 * reshape, vertex editing, split, paint into parent) and the edits asked for by actions and panels
 * (merge, move, delete, attributes, people). Each runs one gridmodel operation on the
 * session; a refusal is shown in the message bar, never in a modal box. The window
 * tells it the selection and the editing level.
 */
class EditingTools : public QObject
{
    Q_OBJECT

public:
    EditingTools(QgsMapCanvas* canvas, QgsMessageBar* messages, QWidget* dialogParent);
    ~EditingTools() override;

    void setSession(mapcore::ProjectSession* session);
    //! the selected units; the vertex tool edits the corners of a single one
    void setSelection(const std::vector<gridmodel::UnitId>& selection);
    void setEditingLevel(int level) { mEditingLevel = level; }
    /**
     * Tracing for the draw, reshape and split tools: a click after another on the same road
     * (or river, or any line of the reference vector layers) follows it between them.
     */
    void setTracing(bool on);
    //! how near the cursor a vertex, an edge or a crossing is snapped to, in screen pixels
    void setSnapTolerance(double pixels);
    double snapTolerance() const { return mSnapTolerancePx; }

    QgsMapTool* panTool() const;
    mapcore::PickTool* selectTool() const { return mSelectTool.get(); }
    mapcore::BrushTool* paintTool() const { return mPaintTool.get(); }
    mapcore::CaptureTool* drawTool() const { return mDrawTool.get(); }
    mapcore::CaptureTool* reshapeTool() const { return mReshapeTool.get(); }
    mapcore::VertexTool* vertexTool() const { return mVertexTool.get(); }
    mapcore::CaptureTool* splitTool() const { return mSplitTool.get(); }
    //! the area of the live preview while drawing a unit (0: none shown)
    double previewArea() const;
    //! what the active tool expects next, for the status bar
    QString hint() const;

    //! runs one edit on the session; a refusal goes to the message bar
    bool edit(const std::function<gridmodel::ChangeSet(gridmodel::ProjectFile&)>& operation);
    /**
     * Runs one boundary edit; what the planner should know of it (a child cut by a line,
     * counts taken from the children ...) goes to the message bar under `title`.
     */
    bool editBoundaries(
        const QString& title,
        const std::function<gridmodel::HierarchyEditor::Result(gridmodel::HierarchyEditor&)>& operation);

    void mergeSelected();
    void moveSelected();
    void deleteSelected();
    void moveUnits(const std::vector<gridmodel::UnitId>& units, gridmodel::UnitId newParent);
    void setAttributes(gridmodel::UnitId unit, const gridmodel::ProjectEditor::Attributes& attributes);
    void assignMember(gridmodel::MemberId member, const QString& role, qint64 linkedHouseholds);
    void unassignMember(gridmodel::MemberId member, const QString& role);
    void addMember(const gridmodel::Member& member);
    //! takes a person off the roster and out of the history's records; says what undo cannot bring back
    void removeMember(gridmodel::MemberId member);

signals:
    //! the active tool's hint changed (another tool, a selection, a vertex placed)
    void hintChanged(const QString& hint);
    //! a unit was drawn and added (the window selects it and offers its name for editing)
    void unitAdded();
    //! while a paint stroke goes on: what it would give the parent (empty when it ends)
    void paintPending(const QString& summary);
    //! painting changed a parent: select it; `tallies` describe the parents involved
    void painted(gridmodel::UnitId parent, const QString& tallies);

private:
    const gridmodel::Unit* selectedUnit() const;
    QString levelName(int level) const;
    void polygonDrawn(const std::vector<gridmodel::Point>& ring);
    void previewDrawing(const std::vector<gridmodel::Point>& shape);
    void reshapeDrawn(const std::vector<gridmodel::Point>& ring);
    void reshapeSelected(const gridmodel::MultiPolygon& outline);
    void moveSelectedCorner(const gridmodel::Point& from, const gridmodel::Point& to);
    void removeSelectedCorner(const gridmodel::Point& at);
    //! marks where a refused boundary crosses itself (or clears the mark)
    void markCrossing(const std::optional<gridmodel::Point>& place);
    void splitDrawn(const std::vector<gridmodel::Point>& line);
    void paintBrushed(const gridmodel::Point& point);
    void paintStrokeEnded();
    void clearPaintStroke();

    QgsMapCanvas* mCanvas;
    QgsMessageBar* mMessages;
    QWidget* mDialogParent;
    void updateTracingLayers();
    /**
     * Snapping to the levels and to the reference vectors whose snapping is on (vertices, edges
     * and crossings, within the snapping tolerance), as the references change; whether it is on at all stays
     * as it was.
     */
    void updateSnapping();

    mapcore::ProjectSession* mSession = nullptr;
    std::vector<gridmodel::UnitId> mSelection;
    int mEditingLevel = 0;
    double mSnapTolerancePx = 8;
    std::unique_ptr<QgsMapTool> mPanTool;
    std::unique_ptr<mapcore::PickTool> mSelectTool;
    std::unique_ptr<mapcore::BrushTool> mPaintTool;
    std::unique_ptr<mapcore::CaptureTool> mDrawTool, mReshapeTool, mSplitTool;
    std::unique_ptr<mapcore::VertexTool> mVertexTool;
    std::unique_ptr<QgsRubberBand> mPreview;
    std::unique_ptr<QgsRubberBand> mCrossing; //!< where the last refused boundary crossed itself
    std::vector<gridmodel::UnitId> mPainting; //!< units the current stroke passed over
    std::unique_ptr<QgsRubberBand> mPaintBand;
    bool mPaintHintShown = false;
};
