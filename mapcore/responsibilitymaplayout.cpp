#include "responsibilitymaplayout.h"

#include "error.h"
#include "printstyle.h"

#include <QDate>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <qgsexpressioncontextutils.h>
#include <qgslayertree.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmultiframe.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgslegendrenderer.h>
#include <qgslegendstyle.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

namespace mapcore {

namespace {

constexpr double Margin = 10; // mm

QgsLayoutItemLabel* addLabel(QgsLayout& layout, const QString& id, const QRectF& rectMm, double pointSize,
                             bool bold, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* label = new QgsLayoutItemLabel(&layout);
    label->setId(id);
    label->setFont(PrintStyle::font(pointSize, bold));
    label->setHAlign(static_cast<Qt::AlignmentFlag>(int(alignment & Qt::AlignHorizontal_Mask)));
    label->setVAlign(static_cast<Qt::AlignmentFlag>(int(alignment & Qt::AlignVertical_Mask)));
    label->setMargin(0);
    layout.addLayoutItem(label);
    label->attemptSetSceneRect(rectMm);
    return label;
}

QgsTextFormat textFormat(double pointSize, bool bold = false)
{
    QgsTextFormat format;
    format.setFont(PrintStyle::font(pointSize, bold));
    format.setSize(pointSize);
    return format;
}

} // namespace

ResponsibilityMapLayout::ResponsibilityMapLayout(QgsProject* project, const gridmodel::PaperSize& paper,
                                                 Orientation orientation)
    : mLayout(std::make_unique<QgsPrintLayout>(project))
{
    buildDefault(paper, orientation);
    findItems();
}

ResponsibilityMapLayout::ResponsibilityMapLayout(QgsProject* project, const QString& templatePath)
    : mLayout(std::make_unique<QgsPrintLayout>(project))
{
    QFile file(templatePath);
    if (!file.open(QIODevice::ReadOnly))
        throw gridmodel::Error(
            gridmodel::Error::Kind::FileNotFound,
            QStringLiteral("无法读取版式模板 %1 / cannot read the layout template").arg(templatePath));
    QDomDocument document;
    QString parseError;
    int line = 0;
    if (!document.setContent(&file, &parseError, &line))
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("%1 不是有效的 QGIS 版式模板（第 %2 行：%3）/ not a QGIS layout template")
                .arg(templatePath)
                .arg(line)
                .arg(parseError));
    mLayout->initializeDefaults();
    bool ok = false;
    mLayout->loadFromTemplate(document, QgsReadWriteContext(), true, &ok);
    if (!ok || document.documentElement().tagName() != QLatin1String("Layout"))
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("%1 不是 QGIS 版式模板 / not a QGIS layout template (.qpt)").arg(templatePath));
    findItems();
    if (!mMap)
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("版式模板 %1 中没有 id 为 \"map\" 的地图项 / the template has no map item "
                           "with the id \"map\"")
                .arg(QFileInfo(templatePath).fileName()));
}

ResponsibilityMapLayout::~ResponsibilityMapLayout() = default;

void ResponsibilityMapLayout::buildDefault(const gridmodel::PaperSize& paper, Orientation orientation)
{
    QgsLayout& layout = *mLayout;
    layout.initializeDefaults();
    const bool landscape = orientation == Orientation::Landscape;
    const double width = landscape ? paper.heightMm : paper.widthMm;
    const double height = landscape ? paper.widthMm : paper.heightMm;
    layout.pageCollection()->page(0)->setPageSize(
        QgsLayoutSize(width, height, QgsUnitTypes::LayoutMillimeters));
    const double contentWidth = width - 2 * Margin;
    const double scale = std::sqrt(width * height / (210.0 * 297.0)); // text grows with the paper

    addLabel(layout, QStringLiteral("title"), QRectF(Margin, Margin, contentWidth, 11 * scale), 18 * scale,
             true, Qt::AlignHCenter | Qt::AlignVCenter);
    const double subtitleTop = Margin + 12 * scale;
    addLabel(layout, QStringLiteral("office"), QRectF(Margin, subtitleTop, contentWidth * 0.6, 6 * scale),
             10 * scale, false);
    addLabel(layout, QStringLiteral("date"),
             QRectF(Margin + contentWidth * 0.6, subtitleTop, contentWidth * 0.4, 6 * scale), 9 * scale,
             false, Qt::AlignRight | Qt::AlignVCenter);
    const double top = subtitleTop + 8 * scale;
    const double footer = 6 * scale;
    const double bottom = height - Margin - footer;

    // The map takes the larger part: the top of a portrait page, the left of a landscape one;
    // the legend, counts, roster and problems take the rest.
    QRectF mapRect, panel;
    if (landscape) {
        mapRect = QRectF(Margin, top, contentWidth * 0.64, bottom - top);
        panel = QRectF(mapRect.right() + 5, top, contentWidth - mapRect.width() - 5, bottom - top);
    } else {
        mapRect = QRectF(Margin, top, contentWidth, (bottom - top) * 0.64);
        panel = QRectF(Margin, mapRect.bottom() + 4, contentWidth, bottom - mapRect.bottom() - 4);
    }
    auto* map = new QgsLayoutItemMap(&layout);
    map->setId(QStringLiteral("map"));
    map->setFrameEnabled(true);
    map->setFrameStrokeWidth(QgsLayoutMeasurement(0.4, QgsUnitTypes::LayoutMillimeters));
    map->setBackgroundColor(Qt::white);
    layout.addLayoutItem(map);
    map->attemptSetSceneRect(mapRect);

    auto* north = new QgsLayoutItemPicture(&layout);
    north->setId(QStringLiteral("north"));
    north->setPicturePath(QStringLiteral("/usr/share/qgis/svg/arrows/NorthArrow_02.svg"));
    north->setSvgFillColor(QColor(40, 40, 40)); // its N is drawn in the fill: white by default, on white
    north->setSvgStrokeColor(Qt::black);
    north->setLinkedMap(map);
    north->setNorthMode(QgsLayoutItemPicture::GridNorth);
    layout.addLayoutItem(north);
    north->attemptSetSceneRect(
        QRectF(mapRect.right() - 16 * scale, mapRect.top() + 3, 12 * scale, 16 * scale));

    auto* scaleBar = new QgsLayoutItemScaleBar(&layout);
    scaleBar->setId(QStringLiteral("scalebar"));
    scaleBar->setStyle(QStringLiteral("Single Box"));
    scaleBar->setLinkedMap(map);
    scaleBar->setUnits(QgsUnitTypes::DistanceMeters);
    scaleBar->setNumberOfSegments(2);
    scaleBar->setNumberOfSegmentsLeft(0);
    scaleBar->setSegmentSizeMode(QgsScaleBarSettings::SegmentSizeFitWidth);
    scaleBar->setMinimumBarWidth(25 * scale);
    scaleBar->setMaximumBarWidth(45 * scale);
    scaleBar->setUnitsPerSegment(50);
    scaleBar->setHeight(2.5 * scale);
    scaleBar->setUnitLabel(QStringLiteral("米"));
    scaleBar->setTextFormat(textFormat(8 * scale));
    scaleBar->setBackgroundEnabled(true);
    scaleBar->setBackgroundColor(QColor(255, 255, 255, 220));
    layout.addLayoutItem(scaleBar);
    scaleBar->attemptMove(QgsLayoutPoint(mapRect.left() + 3, mapRect.bottom() - 14 * scale));

    // The side (or lower) panel: legend and counts, then the roster, then open problems.
    const double legendHeight = 20 * scale;
    auto* legend = new QgsLayoutItemLegend(&layout);
    legend->setId(QStringLiteral("legend"));
    legend->setTitle(QStringLiteral("图例"));
    legend->setLinkedMap(map);
    legend->setAutoUpdateModel(false);
    legend->setResizeToContents(false);
    legend->setColumnCount(2);
    legend->setSplitLayer(true);
    legend->setSymbolWidth(6 * scale);
    legend->setSymbolHeight(3.5 * scale);
    for (QgsLegendStyle::Style style : {QgsLegendStyle::Title, QgsLegendStyle::Group,
                                        QgsLegendStyle::Subgroup, QgsLegendStyle::SymbolLabel})
        legend->setStyleFont(style, PrintStyle::font((style == QgsLegendStyle::Title ? 10 : 8) * scale,
                                                     style == QgsLegendStyle::Title));
    layout.addLayoutItem(legend);
    const double legendWidth = landscape ? panel.width() : panel.width() * 0.38;
    legend->attemptSetSceneRect(QRectF(panel.left(), panel.top(), legendWidth, legendHeight));

    // five lines of 10 pt (households, residents, people, children, scale): 22 mm, not clipped
    const double countsHeight = 23 * scale;
    const QRectF countsRect =
        landscape ? QRectF(panel.left(), panel.top() + legendHeight + 2, panel.width(), countsHeight)
                  : QRectF(panel.left() + legendWidth + 4, panel.top(), panel.width() - legendWidth - 4,
                           countsHeight);
    addLabel(layout, QStringLiteral("counts"), countsRect, 10 * scale, false, Qt::AlignLeft | Qt::AlignTop);

    const double rosterTop = std::max(countsRect.bottom(), panel.top() + legendHeight) + 3;
    const double problemsHeight = 16 * scale;
    auto* roster = new QgsLayoutItemManualTable(&layout);
    roster->setHeaderTextFormat(textFormat(9 * scale, true));
    roster->setContentTextFormat(textFormat(9 * scale));
    roster->setCellMargin(1.2);
    roster->setGridStrokeWidth(0.2);
    roster->setEmptyTableBehavior(QgsLayoutTable::ShowMessage);
    roster->setEmptyTableMessage(QStringLiteral("尚未指派人员"));
    layout.addMultiFrame(roster);
    auto* rosterFrame = new QgsLayoutFrame(&layout, roster);
    rosterFrame->setId(QStringLiteral("roster"));
    rosterFrame->attemptSetSceneRect(
        QRectF(panel.left(), rosterTop, panel.width(), panel.bottom() - rosterTop - problemsHeight - 2));
    roster->addFrame(rosterFrame);
    mTableWidthMm = panel.width();

    addLabel(layout, QStringLiteral("problems"),
             QRectF(panel.left(), panel.bottom() - problemsHeight, panel.width(), problemsHeight),
             8.5 * scale, false, Qt::AlignLeft | Qt::AlignTop);
    addLabel(layout, QStringLiteral("page"),
             QRectF(Margin, height - Margin - footer + 1, contentWidth, footer - 1), 8 * scale, false,
             Qt::AlignRight | Qt::AlignVCenter);
}

void ResponsibilityMapLayout::findItems()
{
    mMap = qobject_cast<QgsLayoutItemMap*>(mLayout->itemById(QStringLiteral("map")));
    if (auto* frame = qobject_cast<QgsLayoutFrame*>(mLayout->itemById(QStringLiteral("roster")))) {
        mRoster = qobject_cast<QgsLayoutItemManualTable*>(frame->multiFrame());
        if (mTableWidthMm <= 0) // a template: as it drew the frame (a table shrinks its frame to fit)
            mTableWidthMm = frame->rect().width();
    }
}

QSizeF ResponsibilityMapLayout::mapFrameMm() const
{
    return mMap ? mMap->rect().size() : QSizeF();
}

void ResponsibilityMapLayout::setText(const QString& id, const QString& text)
{
    if (auto* label = qobject_cast<QgsLayoutItemLabel*>(mLayout->itemById(id)))
        label->setText(text);
}

void ResponsibilityMapLayout::fillTable(const QStringList& headings, const QList<double>& shares,
                                        const QgsTableContents& rows)
{
    if (!mRoster)
        return;
    // the columns share the frame's width
    const double width = mTableWidthMm - headings.size() * 2 * mRoster->cellMargin() - 1;
    QList<double> widths;
    QgsLayoutTableColumns headers;
    for (int column = 0; column < headings.size(); ++column) {
        widths << width * shares.value(column);
        QgsLayoutTableColumn header(headings.at(column));
        header.setWidth(widths.back());
        headers << header;
    }
    mRoster->setHeaders(headers);
    mRoster->setColumnWidths(widths);
    mRoster->setIncludeTableHeader(true);
    mRoster->setTableContents(rows);
}

void ResponsibilityMapLayout::fill(const gridmodel::ResponsibilitySheet& sheet,
                                   const QList<QgsMapLayer*>& layers, const QgsRectangle& extent, int scale,
                                   const QDate& date, int pageNumber, int pageCount)
{
    QgsExpressionContextUtils::setLayoutVariable(mLayout.get(), QLatin1String(PrintStyle::UnitVariable),
                                                 QVariant::fromValue(sheet.unit));
    mMap->setLayers(layers);
    mMap->setKeepLayerSet(true);
    mMap->zoomToExtent(extent);
    mMap->setScale(scale);

    auto* legend = qobject_cast<QgsLayoutItemLegend*>(mLayout->itemById(QStringLiteral("legend")));
    if (legend && layers != mLegendLayers) { // rebuilding it costs a fifth of a page
        QgsLayerTree* root = legend->model()->rootGroup();
        root->clear();
        for (QgsMapLayer* layer : layers) { // the rules name what is drawn; the layer names would repeat it
            auto* vector = qobject_cast<QgsVectorLayer*>(layer);
            if (!vector)
                continue; // imagery and tiles explain themselves
            const bool isReference =
                !vector->renderer() || vector->renderer()->type() != QLatin1String("RuleRenderer");
            QgsLegendRenderer::setNodeLegendStyle(
                root->addLayer(layer), isReference ? QgsLegendStyle::Subgroup : QgsLegendStyle::Hidden);
        }
        legend->updateLegend();
        mLegendLayers = layers;
    }

    setText(QStringLiteral("title"), sheet.title);
    setText(QStringLiteral("office"), sheet.office.isEmpty()
                                          ? sheet.code
                                          : QStringLiteral("%1　编码 %2").arg(sheet.office, sheet.code));
    setText(QStringLiteral("date"), QStringLiteral("打印日期 %1").arg(date.toString(Qt::ISODate)));
    QString counts = QStringLiteral("户数 %1 户\n人口 %2 人\n人员 %3 人")
                         .arg(sheet.households)
                         .arg(sheet.residents)
                         .arg(sheet.members);
    if (!sheet.childLevelName.isEmpty())
        counts += QStringLiteral("\n%1 %2 个").arg(sheet.childLevelName).arg(sheet.children);
    counts += QStringLiteral("\n比例尺 1:%1").arg(scale);
    setText(QStringLiteral("counts"), counts);

    if (sheet.childTable.empty()) {
        QgsTableContents rows;
        for (const auto& row : sheet.roster)
            rows << QgsTableRow{
                QgsTableCell(row.role), QgsTableCell(row.name), QgsTableCell(row.phone),
                QgsTableCell(row.linkedHouseholds > 0 ? QString::number(row.linkedHouseholds) : QString())};
        for (const QString& missing : sheet.missingRoles)
            rows << QgsTableRow{QgsTableCell(missing), QgsTableCell(QStringLiteral("（空缺）")),
                                QgsTableCell(), QgsTableCell()};
        fillTable({QStringLiteral("职务"), QStringLiteral("姓名"), QStringLiteral("电话"),
                   QStringLiteral("联系户数")},
                  {0.3, 0.22, 0.3, 0.18}, rows);
    } else { // a wall map: the units below and who leads them
        QgsTableContents rows;
        for (const auto& row : sheet.childTable)
            rows << QgsTableRow{QgsTableCell(row.code), QgsTableCell(row.name),
                                QgsTableCell(QString::number(row.households)),
                                QgsTableCell(row.leader.isEmpty() ? QStringLiteral("（空缺）") : row.leader),
                                QgsTableCell(row.phone)};
        const QString leader = sheet.childTable.front().leaderRole.isEmpty()
                                   ? QStringLiteral("负责人")
                                   : sheet.childTable.front().leaderRole;
        fillTable({QStringLiteral("编码"), sheet.childLevelName, QStringLiteral("户数"), leader,
                   QStringLiteral("电话")},
                  {0.26, 0.22, 0.12, 0.18, 0.22}, rows);
    }

    QStringList problems = sheet.problems;
    const int shown = 3;
    if (problems.size() > shown) {
        const int more = static_cast<int>(problems.size()) - shown;
        problems = problems.mid(0, shown);
        problems << QStringLiteral("……另有 %1 项").arg(more);
    }
    setText(QStringLiteral("problems"),
            problems.isEmpty() ? QStringLiteral("检查：未发现问题")
                               : QStringLiteral("待处理问题：\n") + problems.join(QLatin1Char('\n')));
    setText(QStringLiteral("page"),
            QStringLiteral("第 %1 页 / 共 %2 页　GridAtlas 网格图").arg(pageNumber).arg(pageCount));
}

} // namespace mapcore
