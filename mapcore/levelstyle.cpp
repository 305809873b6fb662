#include "levelstyle.h"

#include "hierarchytemplate.h"

#include <QCoreApplication>

#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgsrulebasedrenderer.h>
#include <qgstextbackgroundsettings.h>
#include <qgstextbuffersettings.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>
#include <qgsvectorsimplifymethod.h>

namespace mapcore {

namespace {
constexpr double HaloFromPt = 12;
constexpr double MmPerPt = 25.4 / 72;
/**
 * How wide a unit must be on screen for its label, in characters of the label's size: a name
 * and a count on two lines ("第12网格", "465户") need room inside the unit to read as its own,
 * a name alone with a halo (a street's) may reach over the unit's edges.
 */
double labelRoomInCharacters(bool nameOnly)
{
    return nameOnly ? 3 : 4.5;
}
//! the scale at which a unit `sideMetres` across appears `mm` across on screen
double scaleShowing(double sideMetres, double mm)
{
    return sideMetres * 1000 / mm;
}
} // namespace

LevelScales LevelStyle::scalesFor(double unitSideMetres, bool alwaysDrawn) const
{
    LevelScales scales;
    if (unitSideMetres <= 0) // an empty level: drawn and labelled as soon as something is in it
        return scales;
    scales.hiddenAbove = alwaysDrawn ? 0 : scaleShowing(unitSideMetres, LevelScales::DrawnFromMm);
    // A wide outline needs room: a community's 0.8 mm line on units 6 mm across buries them
    // (and takes Qt's stroker a third of a frame); the top level keeps its frame at any size.
    const double detailFromMm =
        alwaysDrawn ? LevelScales::DetailFromMm
                    : std::max(LevelScales::DetailFromMm, strokeWidthMm * LevelScales::DetailPerStrokeWidth);
    scales.hairlinesAbove = scaleShowing(unitSideMetres, detailFromMm);
    if (labelled) {
        scales.labelledFromMm = labelRoomInCharacters(!labelHouseholds) * labelSizePt * MmPerPt;
        // from where a unit of twice the mean size fits its label: in real data a few large
        // units (rural towns around a dense centre) read first; each label still needs its room
        scales.labelledBelow = scaleShowing(unitSideMetres, scales.labelledFromMm / 2);
    }
    return scales;
}

LevelStyle LevelStyle::forLevel(const QString& levelKey)
{
    // In the order of gridmodel::HierarchyTemplate::knownLevelKeys(): street … zone.
    static const LevelStyle styles[] = {
        {QColor(0x8e, 0x1b, 0x1b), 1.3, Qt::SolidLine, 14, true, false},
        {QColor(0xc2, 0x41, 0x0c), 0.8, Qt::SolidLine, 11, true, true},
        {QColor(0x1f, 0x4e, 0x8c), 0.45, Qt::SolidLine, 9, true, true},
        {QColor(0x5f, 0x6b, 0x73), 0.22, Qt::SolidLine, 7.5, true, true},
        {QColor(0x9a, 0xa5, 0xab), 0.12, Qt::DashLine, 6.5, false, false},
    };
    const int index = static_cast<int>(gridmodel::HierarchyTemplate::knownLevelKeys().indexOf(levelKey));
    return styles[std::clamp(index, 0, 4)];
}

QgsFillSymbol* LevelStyle::symbol(bool hairlines, bool filled, const gridmodel::TargetBand& band,
                                  int fillAlpha) const
{
    auto* fill = new QgsSimpleFillSymbolLayer();
    QColor outline = stroke;
    if (hairlines) {
        // Width 0 is Qt's cosmetic pen: one pixel, drawn without the stroker, ten times faster
        // than a stroke of a millimetre; lighter, so thousands of them do not turn the map dark.
        outline.setAlpha(150);
        fill->setStrokeWidth(0);
        fill->setStrokeStyle(Qt::SolidLine);
    } else {
        fill->setStrokeWidth(strokeWidthMm);
        fill->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
        fill->setStrokeStyle(penStyle);
    }
    fill->setStrokeColor(outline);
    // Bevelled joins look the same at these widths; round joins cost a third of a redraw.
    fill->setPenJoinStyle(Qt::BevelJoin);
    if (filled) {
        // A pastel per unit, stable for its id, so neighbours read apart.
        fill->setColor(QColor(255, 255, 255));
        fill->setDataDefinedProperty(
            QgsSymbolLayer::PropertyFillColor,
            QgsProperty::fromExpression(
                QStringLiteral("color_hsla((\"fid\" * 67) % 360, 55, 88, %1)").arg(fillAlpha)));
    } else {
        fill->setBrushStyle(Qt::NoBrush);
    }
    QgsSymbolLayerList layers{fill};
    if (band.isSet()) {
        QStringList outside;
        if (band.min)
            outside << QStringLiteral("\"households\" < %1").arg(*band.min);
        if (band.max)
            outside << QStringLiteral("\"households\" > %1").arg(*band.max);
        auto* warning = new QgsSimpleFillSymbolLayer();
        if (hairlines) {
            // Small units out of band read as a red tint, which the outlines still show through:
            // 20,000 of them in thick red lines would bury the map.
            warning->setColor(QColor(215, 25, 28, 60));
            warning->setStrokeStyle(Qt::NoPen);
        } else {
            warning->setBrushStyle(Qt::NoBrush);
            warning->setStrokeColor(QColor(215, 25, 28, 200));
            warning->setStrokeWidth(0.5);
            warning->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
            warning->setPenJoinStyle(Qt::BevelJoin);
        }
        // A count still 0 is not entered yet, not out of band: a freshly imported district
        // would otherwise be red all over.
        warning->setDataDefinedProperty(
            QgsSymbolLayer::PropertyLayerEnabled,
            QgsProperty::fromExpression(
                QStringLiteral("\"households\" > 0 AND (%1)").arg(outside.join(QStringLiteral(" OR ")))));
        layers << warning;
    }
    return new QgsFillSymbol(layers);
}

void LevelStyle::applyTo(QgsVectorLayer& layer, const LevelScales& scales, bool filled,
                         const gridmodel::TargetBand& band, int fillAlpha) const
{
    // Two rules by scale, chosen once per frame: in detail where the units are large on
    // screen, as hairlines where they are small.
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    auto* detail = new QgsRuleBasedRenderer::Rule(symbol(false, filled, band, fillAlpha));
    detail->setMinimumScale(scales.hairlinesAbove);
    root->appendChild(detail);
    if (scales.hairlinesAbove > 0) { // not for an empty level: its first units are drawn in detail
        auto* dense = new QgsRuleBasedRenderer::Rule(symbol(true, filled, band, fillAlpha));
        dense->setMaximumScale(scales.hairlinesAbove);
        dense->setMinimumScale(scales.hiddenAbove);
        root->appendChild(dense);
    }
    layer.setRenderer(new QgsRuleBasedRenderer(root));
    // Boundaries of whole streets have tens of thousands of vertices: drawn simplified to a
    // pixel, as QGIS does by default, they look the same and draw many times faster.
    QgsVectorSimplifyMethod simplify;
    simplify.setSimplifyHints(QgsVectorSimplifyMethod::GeometrySimplification);
    simplify.setSimplifyAlgorithm(QgsVectorSimplifyMethod::Distance);
    simplify.setThreshold(1.0f);
    simplify.setForceLocalOptimization(true);
    layer.setSimplifyMethod(simplify);
    layer.setScaleBasedVisibility(scales.hiddenAbove > 0);
    layer.setMinimumScale(scales.hiddenAbove);
    layer.setMaximumScale(0);
    applyLabelling(layer, scales);
}

void LevelStyle::applyLabelling(QgsVectorLayer& layer, const LevelScales& scales) const
{
    if (!labelled || scales.labelledBelow <= 0) {
        layer.setLabelsEnabled(false);
        return;
    }
    QgsPalLayerSettings settings;
    settings.isExpression = true;
    // "465户" in Chinese, "465 hh" in English: a short unit, so neighbouring labels do not crowd
    QString suffix = QCoreApplication::translate("mapcore", " hh");
    suffix.replace(QLatin1Char('\''), QStringLiteral("''"));
    settings.fieldName = labelHouseholds
                             ? QStringLiteral("\"name\" || '\\n' || \"households\" || '%1'").arg(suffix)
                             : QStringLiteral("\"name\"");
    // One candidate per unit, inside it: a free placement searches the whole polygon for
    // spots and costs ten times more on big units.
    settings.placement = QgsPalLayerSettings::OverPoint;
    settings.centroidInside = true;
    settings.centroidWhole = true;
    settings.scaleVisibility = true;
    settings.minimumScale = scales.labelledBelow;
    settings.maximumScale = 0;
    // Only units large enough on screen for their label, and never more than the budget:
    // a dense part of a district gets its labels where they fit and no label soup.
    QgsLabelThinningSettings thinning;
    thinning.setMinimumFeatureSize(scales.labelledFromMm);
    thinning.setLimitNumberLabelsEnabled(true);
    thinning.setMaximumNumberLabels(LabelBudget);
    settings.setThinningSettings(thinning);
    settings.priority = std::clamp(static_cast<int>(labelSizePt / 1.4), 0, 10);
    QgsTextFormat format;
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    format.setFont(font);
    format.setSize(labelSizePt);
    format.setColor(stroke.darker(130));
    // A halo for the few large labels of streets and communities, which sit on boundaries;
    // the many small ones sit inside their units, and their halos cost a third of a redraw.
    QgsTextBufferSettings buffer;
    buffer.setEnabled(labelSizePt >= HaloFromPt);
    buffer.setSize(0.8);
    buffer.setColor(QColor(255, 255, 255, 220));
    format.setBuffer(buffer);
    if (!buffer.enabled()) {
        QgsTextBackgroundSettings background;
        background.setEnabled(true);
        background.setType(QgsTextBackgroundSettings::ShapeRectangle);
        background.setSizeType(QgsTextBackgroundSettings::SizeBuffer);
        background.setSize(QSizeF(0.4, 0.1));
        background.setSizeUnit(QgsUnitTypes::RenderMillimeters);
        background.setFillColor(QColor(255, 255, 255, 140));
        background.setStrokeWidth(0);
        background.setStrokeColor(Qt::transparent);
        format.setBackground(background);
    }
    settings.setFormat(format);
    layer.setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    layer.setLabelsEnabled(true);
}

} // namespace mapcore
