#pragma once

#include "hierarchytemplate.h"

#include <QColor>
#include <QString>

class QgsVectorLayer;

namespace mapcore {

/**
 * How one level of the hierarchy is drawn: higher levels get heavier, darker boundaries;
 * the level being edited is filled so its units read as areas. Labels show the name and
 * the households and appear only at scales where they can fit.
 */
struct LevelStyle
{
    QColor stroke;
    double strokeWidthMm = 0.2;
    Qt::PenStyle penStyle = Qt::SolidLine;
    double labelSizePt = 9;
    //! labels are drawn when the map scale denominator is below this (0: never)
    double labelMinimumScale = 0;
    bool labelHouseholds = true;
    //! the level is drawn when the map scale denominator is below this (0: always), so that a
    //! whole city does not draw its 200,000 zones as a grey smear
    double visibleMinimumScale = 0;

    //! the style for a level by its stable key (street, community, grid, building, zone)
    static LevelStyle forLevel(const QString& levelKey);
    /**
     * Applies symbology and labelling; the editing level is filled. Units whose households
     * fall outside `band` get a red inner outline, so a planner sees where to rebalance.
     */
    void applyTo(QgsVectorLayer& layer, bool filled, const gridmodel::TargetBand& band = {},
                 int fillAlpha = OpaqueFill) const;
    //! the pastel fill's alpha on a blank map, and over a base map or imagery (which shows through)
    static constexpr int OpaqueFill = 170;
    static constexpr int FillOverReferences = 70;
};

} // namespace mapcore
