#include "divisiondraftitem.h"

#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <qgsmapcanvas.h>

namespace mapcore {

namespace {

//! soft colours that tell neighbours apart and keep the map beneath readable
const QColor Palette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                          QColor(0xb0, 0x7a, 0xa1), QColor(0xed, 0xc9, 0x48), QColor(0x76, 0xb7, 0xb2),
                          QColor(0x9c, 0x75, 0x5f), QColor(0xff, 0x9d, 0xa7)};
constexpr int PaletteSize = sizeof(Palette) / sizeof(Palette[0]);

} // namespace

DivisionDraftItem::DivisionDraftItem(QgsMapCanvas* canvas) : QgsMapCanvasItem(canvas)
{
    setZValue(900); // over the levels and the selection, under the editing tools' bands
}

void DivisionDraftItem::setParts(std::vector<Part> parts)
{
    mParts = std::move(parts);
    // neighbours (outlines whose envelopes meet) take different colours where the palette allows
    std::vector<gridmodel::Envelope> envelopes;
    gridmodel::Envelope all;
    for (const Part& part : mParts) {
        envelopes.push_back(part.outline.envelope());
        all.include(envelopes.back());
    }
    mColours.assign(mParts.size(), QColor());
    std::vector<int> colourOf(mParts.size(), -1);
    for (size_t i = 0; i < mParts.size(); ++i) {
        std::vector<int> used(PaletteSize, 0);
        for (size_t j = 0; j < i; ++j)
            if (envelopes[i].meets(envelopes[j]))
                ++used[static_cast<size_t>(colourOf[j])];
        colourOf[i] = static_cast<int>(std::min_element(used.begin(), used.end()) - used.begin());
        mColours[i] = Palette[colourOf[i]];
    }
    if (all.isEmpty())
        setRect(QgsRectangle());
    else
        setRect(QgsRectangle(all.minX, all.minY, all.maxX, all.maxY));
    setVisible(!mParts.empty());
    update();
}

void DivisionDraftItem::updatePosition()
{
    if (!mRect.isEmpty())
        setRect(mRect);
}

void DivisionDraftItem::paint(QPainter* painter)
{
    if (mParts.empty())
        return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPointF origin = pos();
    std::vector<QPainterPath> paths;
    for (const Part& part : mParts) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const gridmodel::Polygon& polygon : part.outline.polygons)
            for (const gridmodel::Ring& ring : polygon.rings) {
                QPolygonF points;
                points.reserve(static_cast<int>(ring.size()));
                for (const gridmodel::Point& point : ring)
                    points << toCanvasCoordinates(QgsPointXY(point.x, point.y)) - origin;
                path.addPolygon(points);
                path.closeSubpath();
            }
        paths.push_back(std::move(path));
    }
    for (size_t i = 0; i < mParts.size(); ++i) {
        QColor fill = mColours[i];
        fill.setAlpha(110);
        painter->setBrush(fill);
        painter->setPen(Qt::NoPen);
        painter->drawPath(paths[i]);
    }
    for (size_t i = 0; i < mParts.size(); ++i) {
        QPen pen(mParts[i].withinBand ? QColor(40, 40, 40) : QColor(210, 30, 30),
                 mParts[i].withinBand ? 1.6 : 2.6);
        if (mParts[i].locked)
            pen.setStyle(Qt::DashLine);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(pen);
        painter->drawPath(paths[i]);
    }
    // labels where they fit: inside the part's screen box, larger parts first
    QFont font = painter->font();
    font.setPointSizeF(9);
    font.setBold(true);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    std::vector<QRectF> taken;
    for (size_t i = 0; i < mParts.size(); ++i) {
        const QRectF box = paths[i].boundingRect();
        const QRectF text = metrics.boundingRect(QRectF(0, 0, 400, 100), Qt::AlignCenter, mParts[i].label);
        if (text.width() > box.width() * 1.2 || text.height() > box.height() * 1.2)
            continue;
        QRectF place(QPointF(), text.size());
        place.moveCenter(box.center());
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const QRectF& other) { return other.intersects(place); }))
            continue;
        taken.push_back(place);
        QPainterPath textPath;
        const QStringList lines = mParts[i].label.split(QLatin1Char('\n'));
        for (int line = 0; line < lines.size(); ++line) {
            const double width = metrics.horizontalAdvance(lines[line]);
            textPath.addText(place.center().x() - width / 2,
                             place.top() + metrics.ascent() + line * metrics.lineSpacing(), font,
                             lines[line]);
        }
        painter->setPen(QPen(QColor(255, 255, 255, 230), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(textPath);
        painter->setPen(Qt::NoPen);
        painter->setBrush(mParts[i].withinBand ? QColor(20, 20, 20) : QColor(190, 20, 20));
        painter->drawPath(textPath);
    }
}

} // namespace mapcore
