#pragma once

#include <QString>

class QgsVectorLayer;
class QFont;

namespace mapcore {

/**
 * How the levels look on a printed responsibility map. The unit being printed is named by
 * the layout variable @ga_unit (its fid), so one style serves every page: the unit outlined,
 * its neighbours greyed and named, its children filled and labelled with their households,
 * the parent's boundary dashed.
 */
namespace PrintStyle {

//! the layout variable that holds the printed unit's id
inline const char* UnitVariable = "ga_unit";

//! a font for printed text that has Chinese glyphs (embedded in the PDF)
QFont font(double pointSize, bool bold = false);

//! the parent's boundary, dashed
void applyAsParent(QgsVectorLayer& layer, const QString& levelName);
//! the printed unit's outline only (drawn on top of everything)
void applyAsUnit(QgsVectorLayer& layer, const QString& levelName);
//! the other units of its level, greyed and named (labels grow by `textScale` on big paper)
void applyAsNeighbours(QgsVectorLayer& layer, const QString& levelName, double textScale = 1,
                       int fillAlpha = 255);
//! its children, filled and labelled with their households
void applyAsChildren(QgsVectorLayer& layer, const QString& levelName, double textScale = 1,
                     int fillAlpha = 255);
//! the fills' alpha over reference layers (imagery, footprints), which show through
constexpr int FillOverReferences = 90;

} // namespace PrintStyle

} // namespace mapcore
