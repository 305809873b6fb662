#pragma once

#include "geometry.h"

#include <QString>
#include <qgsmapcanvasitem.h>
#include <vector>

namespace mapcore {

/**
 * A proposed division drawn over the map before anything changes: each proposed unit filled in
 * a colour of its own (neighbours differ), outlined, and labelled with its number and tally.
 * A unit outside the band is outlined in red, a locked one dashed.
 */
class DivisionDraftItem : public QgsMapCanvasItem
{
public:
    struct Part
    {
        gridmodel::MultiPolygon outline; //!< in the canvas's CRS
        QString label;                   //!< e.g. "3\n450 户"
        bool withinBand = true;
        bool locked = false;
    };

    explicit DivisionDraftItem(QgsMapCanvas* canvas);

    //! what to draw (nothing: hidden)
    void setParts(std::vector<Part> parts);
    const std::vector<Part>& parts() const { return mParts; }
    //! the fill colour of each part, in order: no two parts whose outlines meet share one
    const std::vector<QColor>& colours() const { return mColours; }

    void paint(QPainter* painter) override;
    void updatePosition() override;

private:
    std::vector<Part> mParts;
    std::vector<QColor> mColours;
};

} // namespace mapcore
