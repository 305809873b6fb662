#include "capturetool.h"

#include <QKeyEvent>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsrubberband.h>
#include <qgssnapindicator.h>
#include <qgssnappingutils.h>
#include <qgstracer.h>
#include <qgsvectorlayer.h>

namespace mapcore {

CaptureTool::CaptureTool(QgsMapCanvas* canvas, Shape shape)
    : QgsMapTool(canvas), mShape(shape), mSnapIndicator(std::make_unique<QgsSnapIndicator>(canvas)),
      mTracer(std::make_unique<QgsTracer>())
{
    setCursor(Qt::CrossCursor);
}

void CaptureTool::setTracingLayers(const QList<QgsVectorLayer*>& layers)
{
    mTracer->setLayers(layers);
}

QVector<QgsPointXY> CaptureTool::traced(const QgsPointXY& to)
{
    if (!mTracing || mPoints.empty() || mTracer->layers().isEmpty())
        return {};
    // the network of what is on screen, in the map's CRS (rebuilt when either changes)
    mTracer->setDestinationCrs(mCanvas->mapSettings().destinationCrs(),
                               mCanvas->mapSettings().transformContext());
    mTracer->setExtent(mCanvas->extent());
    QgsTracer::PathError error = QgsTracer::ErrNone;
    const QVector<QgsPointXY> path =
        mTracer->findShortestPath(QgsPointXY(mPoints.back().x, mPoints.back().y), to, &error);
    return error == QgsTracer::ErrNone && path.size() >= 2 ? path : QVector<QgsPointXY>();
}

CaptureTool::~CaptureTool() = default;

QgsPointXY CaptureTool::snapped(QgsMapMouseEvent* event) const
{
    event->snapPoint();
    return event->mapPoint();
}

void CaptureTool::canvasMoveEvent(QgsMapMouseEvent* event)
{
    const QgsPointXY hover = snapped(event);
    mSnapIndicator->setMatch(event->mapPointMatch());
    if (!mPoints.empty())
        updateBand(&hover);
}

void CaptureTool::canvasReleaseEvent(QgsMapMouseEvent* event)
{
    if (event->button() == Qt::RightButton) {
        finish();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    const QgsPointXY point = snapped(event);
    const QVector<QgsPointXY> path = traced(point);
    for (int i = 1; i < path.size(); ++i) // the first is the last point already
        mPoints.push_back({path.at(i).x(), path.at(i).y()});
    if (path.isEmpty())
        mPoints.push_back({point.x(), point.y()});
    updateBand(nullptr);
}

void CaptureTool::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        break;
    case Qt::Key_Escape:
        reset();
        break;
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        if (!mPoints.empty()) {
            mPoints.pop_back();
            updateBand(nullptr);
        }
        break;
    default:
        event->ignore();
        return;
    }
    event->accept();
}

void CaptureTool::deactivate()
{
    mSnapIndicator->setMatch(QgsPointLocator::Match());
    reset();
    QgsMapTool::deactivate();
}

void CaptureTool::finish()
{
    const size_t needed = mShape == Shape::Polygon ? 3 : 2;
    if (mPoints.size() < needed) {
        reset();
        return;
    }
    std::vector<gridmodel::Point> points = mPoints;
    if (mShape == Shape::Polygon)
        points.push_back(points.front());
    reset();
    emit captured(points);
}

void CaptureTool::reset()
{
    const bool hadShape = !mPoints.empty();
    mPoints.clear();
    mBand.reset();
    if (hadShape)
        emit shapeChanged({});
}

void CaptureTool::updateBand(const QgsPointXY* hover)
{
    if (!mBand) {
        mBand = std::make_unique<QgsRubberBand>(
            mCanvas, mShape == Shape::Polygon ? QgsWkbTypes::PolygonGeometry : QgsWkbTypes::LineGeometry);
        mBand->setStrokeColor(QColor(220, 60, 30));
        mBand->setFillColor(QColor(220, 60, 30, 50));
        mBand->setWidth(2);
    }
    mBand->reset(mShape == Shape::Polygon ? QgsWkbTypes::PolygonGeometry : QgsWkbTypes::LineGeometry);
    for (const gridmodel::Point& p : mPoints)
        mBand->addPoint(QgsPointXY(p.x, p.y), false);
    if (hover)
        mBand->addPoint(*hover, false);
    mBand->setVisible(mBand->numberOfVertices() > 0); // points added without updating stay hidden
    mBand->updatePosition();
    mBand->update();
    std::vector<gridmodel::Point> shape = mPoints;
    if (hover)
        shape.push_back({hover->x(), hover->y()});
    emit shapeChanged(shape);
}

PickTool::PickTool(QgsMapCanvas* canvas) : QgsMapTool(canvas)
{
    setCursor(Qt::PointingHandCursor);
}

void PickTool::canvasReleaseEvent(QgsMapMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QgsPointXY point = event->mapPoint();
    emit picked({point.x(), point.y()}, event->modifiers());
}

BrushTool::BrushTool(QgsMapCanvas* canvas) : QgsMapTool(canvas)
{
    setCursor(Qt::PointingHandCursor);
    // While a mouse button is down the canvas keeps key presses from its tool and only
    // announces them: Esc must be heard there to abandon a stroke.
    connect(canvas, &QgsMapCanvas::keyPressed, this, [this](QKeyEvent* event) {
        if (isActive() && event->key() == Qt::Key_Escape)
            cancelStroke();
    });
}

void BrushTool::cancelStroke()
{
    if (!mStroking)
        return;
    mStroking = false;
    emit strokeCancelled();
}

void BrushTool::canvasPressEvent(QgsMapMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    mStroking = true;
    emit brushed({event->mapPoint().x(), event->mapPoint().y()});
}

void BrushTool::canvasMoveEvent(QgsMapMouseEvent* event)
{
    if (mStroking)
        emit brushed({event->mapPoint().x(), event->mapPoint().y()});
}

void BrushTool::canvasReleaseEvent(QgsMapMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !mStroking)
        return;
    mStroking = false;
    emit strokeEnded();
}

void BrushTool::deactivate()
{
    cancelStroke();
    QgsMapTool::deactivate();
}

} // namespace mapcore
