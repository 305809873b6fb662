#pragma once

#include "geometry.h"
#include "outlinevertices.h"

#include <memory>
#include <optional>
#include <qgsmaptool.h>

class QgsRubberBand;
class QgsSnapIndicator;

namespace mapcore {

/**
 * Edits the corners of one outline, as QGIS's vertex tool does: drag a corner to move it,
 * drag from an edge to add a corner there, click a corner and press Delete to remove it;
 * Esc lets go. Positions snap to the vertices and edges of the visible units. Holds no
 * rule: each finished change is handed on as the point moved or removed, for the caller to
 * move in every unit sharing it (HierarchyEditor::moveCorner).
 */
class VertexTool : public QgsMapTool
{
    Q_OBJECT

public:
    explicit VertexTool(QgsMapCanvas* canvas);
    ~VertexTool() override;

    //! the outline whose corners are edited (the selected unit's); empty for none
    void setOutline(const gridmodel::MultiPolygon& outline);
    const gridmodel::MultiPolygon& outline() const { return mOutline; }
    /**
     * Removes the corner last clicked (cornerRemoved); false when no corner is chosen. Backspace does it too;
     * the window's Delete shortcut calls it while this tool is active.
     */
    bool removeChosenCorner();

    void canvasPressEvent(QgsMapMouseEvent* event) override;
    void canvasMoveEvent(QgsMapMouseEvent* event) override;
    void canvasReleaseEvent(QgsMapMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void activate() override;
    void deactivate() override;

signals:
    //! a corner dragged from `from` to `to`; `from` on an edge (not a corner) adds one there
    void cornerMoved(const gridmodel::Point& from, const gridmodel::Point& to);
    //! the chosen corner, to be removed
    void cornerRemoved(const gridmodel::Point& at);
    //! a change that cannot be made, with the reason (e.g. a triangle losing a corner)
    void refused(const QString& reason);

private:
    //! how near (in map units) a press must be to grab a corner or an edge
    double grabDistance() const;
    gridmodel::Point snapped(QgsMapMouseEvent* event) const;
    void show(const gridmodel::MultiPolygon& outline);
    void clearBands();

    gridmodel::MultiPolygon mOutline;
    //! while dragging: the outline the dragged corner belongs to (with it added, when
    //! dragged from an edge) and which corner it is
    gridmodel::MultiPolygon mDragBase;
    std::optional<gridmodel::OutlineVertices::Vertex> mDragged;
    gridmodel::Point mDraggedFrom; //!< where the dragged corner was (a point on an edge when added)
    QPoint mPressedAt;
    std::optional<gridmodel::OutlineVertices::Vertex> mChosen;
    std::unique_ptr<QgsRubberBand> mEdges, mCorners, mChosenMarker;
    std::unique_ptr<QgsSnapIndicator> mSnapIndicator; //!< where a dragged corner would snap to
};

} // namespace mapcore
