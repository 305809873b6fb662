#pragma once

#include "hierarchytemplate.h"

#include <QColor>
#include <QString>

class QgsFillSymbol;
class QgsVectorLayer;

namespace mapcore {

/**
 * The map scales at which one level is drawn, decided by how large its units appear on
 * screen rather than by which level it is: a district with 20,000 communities hides them at
 * full extent as one with 2,000 hides its 200,000 zones. Scales are denominators (1:N).
 */
struct LevelScales
{
    //! the level is not drawn at scales above this (0: at every scale)
    double hiddenAbove = 0;
    //! above this, the units are drawn as hairlines (warnings as a red tint): many small
    //! units stay readable and cheap to draw; below it, in the level's own width and dash
    double hairlinesAbove = 0;
    //! labels are placed at scales below this (0: never)
    double labelledBelow = 0;
    //! each label only on a unit at least this large on screen, so that it fits inside
    double labelledFromMm = 0;

    //! a unit is hidden below this size on screen, drawn as a hairline up to DetailFromMm,
    //! or up to DetailPerStrokeWidth times its level's outline width where that is more
    static constexpr double DrawnFromMm = 2.5;
    static constexpr double DetailFromMm = 6;
    static constexpr double DetailPerStrokeWidth = 20;
};

/**
 * How one level of the hierarchy is drawn: higher levels get heavier, darker boundaries;
 * the level being edited is filled so its units read as areas. Labels show the name and
 * the households and appear only where they fit (LevelScales).
 */
struct LevelStyle
{
    QColor stroke;
    double strokeWidthMm = 0.2;
    Qt::PenStyle penStyle = Qt::SolidLine;
    double labelSizePt = 9;
    bool labelled = true;
    bool labelHouseholds = true;

    //! the style for a level by its stable key (street, community, grid, building, zone)
    static LevelStyle forLevel(const QString& levelKey);
    /**
     * The scales for units of about `unitSideMetres` across (the square root of their mean
     * area), with room for this style's labels; `alwaysDrawn` for the top level, which frames
     * the map at any scale.
     */
    LevelScales scalesFor(double unitSideMetres, bool alwaysDrawn) const;
    /**
     * Applies symbology and labelling at `scales`; the editing level is filled. Units whose
     * households fall outside `band` get a red inner outline (a red tint where they are drawn
     * as hairlines), so a planner sees where to rebalance without the warnings burying the map.
     */
    void applyTo(QgsVectorLayer& layer, const LevelScales& scales, bool filled,
                 const gridmodel::TargetBand& band = {}, int fillAlpha = OpaqueFill) const;
    //! the pastel fill's alpha on a blank map, and over a base map or imagery (which shows through)
    static constexpr int OpaqueFill = 170;
    static constexpr int FillOverReferences = 70;
    //! the most labels one level places in a frame, whatever the data: a budget, not a target
    static constexpr int LabelBudget = 600;

private:
    QgsFillSymbol* symbol(bool hairlines, bool filled, const gridmodel::TargetBand& band,
                          int fillAlpha) const;
    void applyLabelling(QgsVectorLayer& layer, const LevelScales& scales) const;
};

} // namespace mapcore
