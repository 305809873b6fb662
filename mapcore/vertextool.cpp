#include "vertextool.h"

#include "error.h"

#include <QKeyEvent>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsrubberband.h>
#include <qgssnapindicator.h>

namespace mapcore {

namespace {
constexpr int GrabPixels = 8;
constexpr int DragStartPixels = 3; //!< less than this between press and release is a click
const QColor EditColor(220, 60, 30);
} // namespace

VertexTool::VertexTool(QgsMapCanvas* canvas)
    : QgsMapTool(canvas), mSnapIndicator(std::make_unique<QgsSnapIndicator>(canvas))
{
    setCursor(Qt::CrossCursor);
    // While the mouse button is down the canvas only announces key presses: Esc lets go.
    connect(canvas, &QgsMapCanvas::keyPressed, this, [this](QKeyEvent* event) {
        if (isActive() && mDragged && event->key() == Qt::Key_Escape) {
            mDragged.reset();
            show(mOutline);
        }
    });
}

VertexTool::~VertexTool() = default;

void VertexTool::setOutline(const gridmodel::MultiPolygon& outline)
{
    mOutline = outline;
    mDragged.reset();
    mChosen.reset();
    if (isActive())
        show(mOutline);
}

double VertexTool::grabDistance() const
{
    return GrabPixels * mCanvas->mapUnitsPerPixel();
}

gridmodel::Point VertexTool::snapped(QgsMapMouseEvent* event) const
{
    event->snapPoint();
    return {event->mapPoint().x(), event->mapPoint().y()};
}

void VertexTool::canvasPressEvent(QgsMapMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || mOutline.isEmpty())
        return;
    const gridmodel::Point at{event->mapPoint().x(), event->mapPoint().y()};
    const gridmodel::OutlineVertices corners(mOutline);
    mPressedAt = event->pos();
    if (const auto corner = corners.vertexNear(at, grabDistance())) {
        mDragBase = mOutline;
        mDragged = corner;
        mDraggedFrom = corners.at(*corner);
        return;
    }
    gridmodel::Point onEdge;
    if (const auto edge = corners.edgeNear(at, grabDistance(), &onEdge)) {
        mDragBase = corners.inserted(*edge, onEdge);
        mDragged = gridmodel::OutlineVertices::Vertex{edge->polygon, edge->ring, edge->vertex + 1};
        mDraggedFrom = onEdge;
    }
}

void VertexTool::canvasMoveEvent(QgsMapMouseEvent* event)
{
    if (!mDragged)
        return;
    const gridmodel::Point to = snapped(event);
    mSnapIndicator->setMatch(event->mapPointMatch());
    show(gridmodel::OutlineVertices(mDragBase).moved(*mDragged, to));
}

void VertexTool::canvasReleaseEvent(QgsMapMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !mDragged)
        return;
    const auto dragged = *mDragged;
    mDragged.reset();
    mSnapIndicator->setMatch(QgsPointLocator::Match());
    const QPoint travel = event->pos() - mPressedAt;
    if (travel.manhattanLength() < DragStartPixels) {
        // A click: a corner becomes the one Delete removes; a click on an edge adds nothing.
        mChosen = mDragBase == mOutline ? std::optional(dragged) : std::nullopt;
        show(mOutline);
        return;
    }
    mChosen.reset();
    show(mOutline); // until the caller gives the edited unit's outline back
    emit cornerMoved(mDraggedFrom, snapped(event));
}

void VertexTool::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!removeChosenCorner()) {
            event->ignore();
            return;
        }
        break;
    case Qt::Key_Escape:
        mDragged.reset();
        mChosen.reset();
        show(mOutline);
        break;
    default:
        event->ignore();
        return;
    }
    event->accept();
}

bool VertexTool::removeChosenCorner()
{
    if (!mChosen)
        return false;
    try {
        const gridmodel::Point corner = gridmodel::OutlineVertices(mOutline).at(*mChosen);
        mChosen.reset();
        emit cornerRemoved(corner);
    } catch (const gridmodel::Error& error) {
        emit refused(error.message());
    }
    return true;
}

void VertexTool::activate()
{
    QgsMapTool::activate();
    show(mOutline);
}

void VertexTool::deactivate()
{
    mSnapIndicator->setMatch(QgsPointLocator::Match());
    mDragged.reset();
    mChosen.reset();
    clearBands();
    QgsMapTool::deactivate();
}

void VertexTool::clearBands()
{
    mEdges.reset();
    mCorners.reset();
    mChosenMarker.reset();
}

void VertexTool::show(const gridmodel::MultiPolygon& outline)
{
    if (!mEdges) {
        mEdges = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::LineGeometry);
        mEdges->setColor(EditColor);
        mEdges->setWidth(2);
        mCorners = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::PointGeometry);
        mCorners->setIcon(QgsRubberBand::ICON_BOX);
        mCorners->setIconSize(7);
        mCorners->setColor(EditColor);
        mCorners->setFillColor(Qt::white);
        mCorners->setWidth(2);
        mChosenMarker = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::PointGeometry);
        mChosenMarker->setIcon(QgsRubberBand::ICON_FULL_BOX);
        mChosenMarker->setIconSize(11);
        mChosenMarker->setColor(QColor(30, 110, 230));
    }
    mEdges->reset(QgsWkbTypes::LineGeometry);
    mCorners->reset(QgsWkbTypes::PointGeometry);
    mChosenMarker->reset(QgsWkbTypes::PointGeometry);
    int part = 0;
    for (const gridmodel::Polygon& polygon : outline.polygons)
        for (const gridmodel::Ring& ring : polygon.rings) {
            for (const gridmodel::Point& point : ring) {
                mEdges->addPoint(QgsPointXY(point.x, point.y), false, part);
                mCorners->addPoint(QgsPointXY(point.x, point.y), false);
            }
            ++part;
        }
    if (mChosen)
        try {
            const gridmodel::Point corner = gridmodel::OutlineVertices(outline).at(*mChosen);
            mChosenMarker->addPoint(QgsPointXY(corner.x, corner.y), false);
        } catch (const gridmodel::Error&) {
            mChosen.reset();
        }
    for (QgsRubberBand* band : {mEdges.get(), mCorners.get(), mChosenMarker.get()}) {
        band->setVisible(band->numberOfVertices() > 0); // points added without updating stay hidden
        band->updatePosition();
        band->update();
    }
}

} // namespace mapcore
