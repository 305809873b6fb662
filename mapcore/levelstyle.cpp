#include "levelstyle.h"

#include "hierarchytemplate.h"

#include <QCoreApplication>

#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextbackgroundsettings.h>
#include <qgstextbuffersettings.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>
#include <qgsvectorsimplifymethod.h>

namespace mapcore {

namespace {
constexpr double HaloFromPt = 12;
}

LevelStyle LevelStyle::forLevel(const QString& levelKey)
{
    // In the order of gridmodel::HierarchyTemplate::knownLevelKeys(): street … zone.
    static const LevelStyle styles[] = {
        {QColor(0x8e, 0x1b, 0x1b), 1.3, Qt::SolidLine, 14, 200000, false, 0},
        {QColor(0xc2, 0x41, 0x0c), 0.8, Qt::SolidLine, 11, 40000, true, 200000},
        {QColor(0x1f, 0x4e, 0x8c), 0.45, Qt::SolidLine, 9, 12000, true, 150000},
        {QColor(0x5f, 0x6b, 0x73), 0.22, Qt::SolidLine, 7.5, 4000, true, 50000},
        {QColor(0x9a, 0xa5, 0xab), 0.12, Qt::DashLine, 6.5, 1500, false, 20000},
    };
    const int index = static_cast<int>(gridmodel::HierarchyTemplate::knownLevelKeys().indexOf(levelKey));
    return styles[std::clamp(index, 0, 4)];
}

void LevelStyle::applyTo(QgsVectorLayer& layer, bool filled, const gridmodel::TargetBand& band,
                         int fillAlpha) const
{
    auto* fill = new QgsSimpleFillSymbolLayer();
    fill->setStrokeColor(stroke);
    fill->setStrokeWidth(strokeWidthMm);
    fill->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
    fill->setStrokeStyle(penStyle);
    fill->setPenJoinStyle(Qt::RoundJoin);
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
        warning->setBrushStyle(Qt::NoBrush);
        warning->setStrokeColor(QColor(215, 25, 28, 200));
        warning->setStrokeWidth(0.7);
        warning->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
        warning->setOffset(QPointF(0, 0));
        // A count still 0 is not entered yet, not out of band: a freshly imported district
        // would otherwise be red all over.
        warning->setDataDefinedProperty(
            QgsSymbolLayer::PropertyLayerEnabled,
            QgsProperty::fromExpression(
                QStringLiteral("\"households\" > 0 AND (%1)").arg(outside.join(QStringLiteral(" OR ")))));
        layers << warning;
    }
    layer.setRenderer(new QgsSingleSymbolRenderer(new QgsFillSymbol(layers)));
    // Boundaries of whole streets have tens of thousands of vertices: drawn simplified to a
    // pixel, as QGIS does by default, they look the same and draw many times faster.
    QgsVectorSimplifyMethod simplify;
    simplify.setSimplifyHints(QgsVectorSimplifyMethod::GeometrySimplification);
    simplify.setSimplifyAlgorithm(QgsVectorSimplifyMethod::Distance);
    simplify.setThreshold(1.0f);
    simplify.setForceLocalOptimization(true);
    layer.setSimplifyMethod(simplify);
    layer.setScaleBasedVisibility(visibleMinimumScale > 0);
    layer.setMinimumScale(visibleMinimumScale);
    layer.setMaximumScale(0);

    if (labelMinimumScale <= 0) {
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
    settings.minimumScale = labelMinimumScale;
    settings.maximumScale = 0;
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
