#pragma once

#include "geometry.h"

#include <memory>
#include <qgsmaptool.h>

class QgsRubberBand;
class QgsSnapIndicator;
class QgsTracer;
class QgsVectorLayer;

namespace mapcore {

/**
 * Captures a polygon or a line on the canvas, as QGIS's digitising does: a click adds a
 * vertex (snapped to the vertices and edges of the visible layers when near), Backspace
 * takes the last one back, Esc cancels, a right click or Enter finishes. With tracing on
 * (as QGIS's tracing tool), a click on a line of the tracing layers after one on the same
 * network follows the lines between them: a boundary along three streets takes a handful of
 * clicks. Holds no rule: it hands the geometry on (captured) and the caller runs the operation.
 */
class CaptureTool : public QgsMapTool
{
    Q_OBJECT

public:
    enum class Shape
    {
        Polygon,
        Line
    };

    CaptureTool(QgsMapCanvas* canvas, Shape shape);
    ~CaptureTool() override;

    Shape shape() const { return mShape; }
    //! the lines traced along (roads, rivers: the reference vector layers)
    void setTracingLayers(const QList<QgsVectorLayer*>& layers);
    void setTracing(bool on) { mTracing = on; }
    bool isTracing() const { return mTracing; }
    const std::vector<gridmodel::Point>& points() const { return mPoints; }

    void canvasMoveEvent(QgsMapMouseEvent* event) override;
    void canvasReleaseEvent(QgsMapMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void deactivate() override;

signals:
    //! a finished polygon (closed ring) or line, in the canvas CRS
    void captured(const std::vector<gridmodel::Point>& points);
    //! the shape so far, the point under the mouse included (empty when cancelled or done)
    void shapeChanged(const std::vector<gridmodel::Point>& points);

public:
    //! the outline or line shown while capturing (nullptr before the first click), for tests
    const QgsRubberBand* band() const { return mBand.get(); }

private:
    void finish();
    void reset();
    void updateBand(const QgsPointXY* hover);
    QgsPointXY snapped(QgsMapMouseEvent* event) const;
    //! the path along the tracing layers from the last point to `to` (empty when none leads there)
    QVector<QgsPointXY> traced(const QgsPointXY& to);

    Shape mShape;
    std::vector<gridmodel::Point> mPoints;
    std::unique_ptr<QgsRubberBand> mBand;
    std::unique_ptr<QgsSnapIndicator> mSnapIndicator; //!< the vertex or edge the next click snaps to
    std::unique_ptr<QgsTracer> mTracer;
    bool mTracing = false;
};

/** A click on the canvas, handed on as a map point with the keys held (for picking units). */
class PickTool : public QgsMapTool
{
    Q_OBJECT

public:
    explicit PickTool(QgsMapCanvas* canvas);
    void canvasReleaseEvent(QgsMapMouseEvent* event) override;

signals:
    void picked(const gridmodel::Point& point, Qt::KeyboardModifiers modifiers);
};

/**
 * A brush: pressing and dragging hands on each map point passed over (brushed), letting
 * go ends the stroke (strokeEnded); a click is a stroke of one point. Esc abandons the
 * stroke (strokeCancelled). For painting units into a parent, as redistricting tools do.
 */
class BrushTool : public QgsMapTool
{
    Q_OBJECT

public:
    explicit BrushTool(QgsMapCanvas* canvas);
    void canvasPressEvent(QgsMapMouseEvent* event) override;
    void canvasMoveEvent(QgsMapMouseEvent* event) override;
    void canvasReleaseEvent(QgsMapMouseEvent* event) override;
    void deactivate() override;

signals:
    void brushed(const gridmodel::Point& point);
    void strokeEnded();
    void strokeCancelled();

private:
    void cancelStroke();

    bool mStroking = false;
};

} // namespace mapcore
