#include "printstyle.h"

#include <QFont>
#include <QFontDatabase>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgsrulebasedrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace mapcore::PrintStyle {

namespace {

QString unitIs()
{
    return QStringLiteral("$id = @%1").arg(QLatin1String(UnitVariable));
}

QString childOfUnit()
{
    return QStringLiteral("\"parent_fid\" = @%1").arg(QLatin1String(UnitVariable));
}

QgsSimpleFillSymbolLayer* outline(const QColor& color, double widthMm, Qt::PenStyle style = Qt::SolidLine)
{
    auto* fill = new QgsSimpleFillSymbolLayer();
    fill->setBrushStyle(Qt::NoBrush);
    fill->setStrokeColor(color);
    fill->setStrokeWidth(widthMm);
    fill->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
    fill->setStrokeStyle(style);
    fill->setPenJoinStyle(Qt::RoundJoin);
    return fill;
}

QgsSimpleFillSymbolLayer* filled(const QColor& color, const QColor& stroke, double strokeMm)
{
    auto* fill = outline(stroke, strokeMm);
    fill->setBrushStyle(Qt::SolidPattern);
    fill->setColor(color);
    return fill;
}

void setRules(QgsVectorLayer& layer, const QList<QPair<QString, QPair<QString, QgsSymbolLayerList>>>& rules)
{
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    for (const auto& [filter, labelled] : rules)
        root->appendChild(
            new QgsRuleBasedRenderer::Rule(new QgsFillSymbol(labelled.second), 0, 0, filter, labelled.first));
    layer.setRenderer(new QgsRuleBasedRenderer(root));
}

void setLabels(QgsVectorLayer& layer, const QString& text, const QString& showWhen, double sizePt,
               const QColor& color)
{
    QgsPalLayerSettings settings;
    settings.isExpression = true;
    settings.fieldName = text;
    settings.placement = QgsPalLayerSettings::OverPoint;
    settings.centroidInside = true;
    settings.centroidWhole = true;
    settings.dataDefinedProperties().setProperty(QgsPalLayerSettings::Show,
                                                 QgsProperty::fromExpression(showWhen));
    QgsTextFormat format;
    format.setFont(font(sizePt));
    format.setSize(sizePt);
    format.setColor(color);
    // No halo: on the pale fills a label reads without one, and drawing halos costs a third
    // of a page's time.
    settings.setFormat(format);
    layer.setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    layer.setLabelsEnabled(true);
}

void showEverywhere(QgsVectorLayer& layer)
{
    layer.setScaleBasedVisibility(false);
}

} // namespace

QFont font(double pointSize, bool bold)
{
    static const QString family = [] {
        const QStringList families = QFontDatabase().families();
        for (const QString& candidate :
             {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
              QStringLiteral("Noto Sans SC"), QStringLiteral("Source Han Sans SC")})
            if (families.contains(candidate))
                return candidate;
        return QString();
    }();
    QFont result(family);
    result.setPointSizeF(pointSize);
    result.setBold(bold);
    return result;
}

void applyAsParent(QgsVectorLayer& layer, const QString& levelName)
{
    setRules(layer,
             {{QStringLiteral("ELSE"),
               {levelName + QStringLiteral("界"), {outline(QColor(0xc2, 0x41, 0x0c), 0.9, Qt::DashLine)}}}});
    layer.setLabelsEnabled(false);
    showEverywhere(layer);
}

void applyAsUnit(QgsVectorLayer& layer, const QString& levelName)
{
    setRules(layer,
             {{unitIs(), {QStringLiteral("本") + levelName, {outline(QColor(0x8e, 0x1b, 0x1b), 1.2)}}}});
    layer.setLabelsEnabled(false);
    showEverywhere(layer);
}

void applyAsNeighbours(QgsVectorLayer& layer, const QString& levelName, double textScale, int fillAlpha)
{
    const QString others = QStringLiteral("NOT (%1)").arg(unitIs());
    setRules(layer, {{others,
                      {QStringLiteral("相邻") + levelName,
                       {filled(QColor(0xee, 0xee, 0xee, fillAlpha), QColor(0xb0, 0xb0, 0xb0), 0.3)}}}});
    // The neighbours are named, greyed, where they show at the edges of the map.
    setLabels(layer, QStringLiteral("\"name\""), others, 9 * textScale, QColor(0x70, 0x70, 0x70));
    showEverywhere(layer);
}

void applyAsChildren(QgsVectorLayer& layer, const QString& levelName, double textScale, int fillAlpha)
{
    auto* fill = filled(Qt::white, QColor(0x5f, 0x6b, 0x73), 0.25);
    fill->setDataDefinedProperty(
        QgsSymbolLayer::PropertyFillColor,
        QgsProperty::fromExpression(
            QStringLiteral("color_hsla((\"fid\" * 67) % 360, 55, 90, %1)").arg(fillAlpha)));
    setRules(layer, {{childOfUnit(), {levelName, {fill}}}});
    setLabels(layer, QStringLiteral("\"name\" || '\\n' || \"households\" || '户'"), childOfUnit(),
              10 * textScale, QColor(0x20, 0x30, 0x40));
    showEverywhere(layer);
}

} // namespace mapcore::PrintStyle
