#include "responsibilitymapprinter.h"

#include "error.h"
#include "outputfile.h"
#include "printstyle.h"
#include "projectfile.h"
#include "responsibilitymaplayout.h"

#include <QPainter>
#include <QPdfWriter>
#include <cmath>
#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutpagecollection.h>
#include <qgslegendrenderer.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>

#include "referencemaplayers.h"

namespace mapcore {

namespace {
constexpr double PdfDpi = 300;

//! a level's name as pages print it: in Chinese, as ResponsibilitySheet does
QString printedName(const gridmodel::HierarchyTemplate& hierarchy, int level)
{
    return hierarchy.level(level).name.text(QStringLiteral("zh"));
}
} // namespace

ResponsibilityMapPrinter::ResponsibilityMapPrinter(const gridmodel::ProjectFile& project,
                                                   const Options& options,
                                                   const std::vector<gridmodel::Problem>* findings)
    : mProject(project)
{
    mQgisProject = std::make_unique<QgsProject>();
    const gridmodel::HierarchyTemplate& hierarchy = project.data().hierarchy;
    for (int level = 0; level < hierarchy.levelCount(); ++level) {
        QgsVectorLayer::LayerOptions layerOptions;
        layerOptions.loadDefaultStyle = false;
        auto* layer = new QgsVectorLayer(
            QStringLiteral("%1|layername=%2").arg(project.path(), hierarchy.level(level).key),
            printedName(hierarchy, level), QStringLiteral("ogr"), layerOptions);
        mQgisProject->addMapLayer(layer, false);
        mLayers.push_back(layer);
    }
    if (!mLayers.empty())
        mQgisProject->setCrs(mLayers.front()->crs());
    setOptions(options);
    mProblems = findings ? *findings : gridmodel::Checker(project.data()).check();
}

void ResponsibilityMapPrinter::useReferenceLayers(const QStringList& names)
{
    const std::vector<gridmodel::ReferenceLayer>& layers = mProject.data().referenceLayers;
    std::vector<std::unique_ptr<QgsMapLayer>> made; // all of them, or the old ones stay
    for (const QString& name : names) {
        const int at = gridmodel::ReferenceLayers::find(layers, name);
        QString why;
        made.push_back(ReferenceMapLayers::create(layers[static_cast<size_t>(at)], mProject.path(),
                                                  qEnvironmentVariable("GRIDATLAS_TIANDITU_KEY"), &why));
        if (!made.back())
            throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                                   QStringLiteral("参考图层 %1 无法打印：%2").arg(name, why));
    }
    for (QgsMapLayer* layer : mReferences)
        mQgisProject->removeMapLayer(layer);
    mReferences.clear();
    for (std::unique_ptr<QgsMapLayer>& layer : made) {
        mReferences << layer.get();
        mQgisProject->addMapLayer(layer.release(), false);
    }
    mStyledLevel = -1; // the fills lighten over references
}

void ResponsibilityMapPrinter::setOptions(const Options& options)
{
    const auto paper = gridmodel::PaperSize::byKey(options.paper);
    if (!paper)
        throw gridmodel::Error(
            gridmodel::Error::Kind::InvalidInput,
            QStringLiteral("未知纸张 \"%1\"（可选 %2）/ unknown paper")
                .arg(options.paper, gridmodel::PaperSize::keys().join(QStringLiteral(", "))));
    std::unique_ptr<ResponsibilityMapLayout> userTemplate;
    if (!options.templatePath.isEmpty())
        userTemplate = std::make_unique<ResponsibilityMapLayout>(mQgisProject.get(), options.templatePath);
    // The pages are laid out again for the new paper; the layers and the checker's findings stay.
    if (paper->key != mPaper.key || options.templatePath != mOptions.templatePath) {
        mPortrait.reset();
        mLandscape.reset();
        mStyledLevel = -1; // labels grow with the paper
    }
    if (options.referenceLayers != mOptions.referenceLayers ||
        mReferences.size() != options.referenceLayers.size())
        useReferenceLayers(options.referenceLayers);
    mTemplate = std::move(userTemplate);
    mPaper = *paper;
    mOptions = options;
}

ResponsibilityMapPrinter::~ResponsibilityMapPrinter()
{
    // the layouts refer to the project's layers: they go first
    mTemplate.reset();
    mPortrait.reset();
    mLandscape.reset();
}

ResponsibilityMapLayout& ResponsibilityMapPrinter::layoutFor(Orientation orientation)
{
    if (mTemplate)
        return *mTemplate;
    std::unique_ptr<ResponsibilityMapLayout>& layout =
        orientation == Orientation::Landscape ? mLandscape : mPortrait;
    if (!layout) {
        layout = std::make_unique<ResponsibilityMapLayout>(mQgisProject.get(), mPaper, orientation);
        QgsLayoutRenderContext& context = layout->layout().renderContext();
        context.setDpi(PdfDpi);
        context.setFlag(QgsLayoutRenderContext::FlagForceVectorOutput, true);
        context.setFlag(QgsLayoutRenderContext::FlagAntialiasing, true);
        // Text stays text: searchable, small, its font embedded (QGIS's default draws outlines).
        context.setTextRenderFormat(Qgis::TextRenderFormat::AlwaysText);
    }
    return *layout;
}

void ResponsibilityMapPrinter::styleLevels(int level)
{
    if (level == mStyledLevel)
        return;
    const gridmodel::HierarchyTemplate& hierarchy = mProject.data().hierarchy;
    if (level > 0)
        PrintStyle::applyAsParent(*mLayers[static_cast<size_t>(level - 1)],
                                  printedName(hierarchy, level - 1));
    // labels grow with the paper, as the default page's text does
    const double textScale = mTemplate ? 1 : std::sqrt(mPaper.widthMm * mPaper.heightMm / (210.0 * 297.0));
    const int fillAlpha =
        mReferences.isEmpty() ? 255 : PrintStyle::FillOverReferences; // imagery shows through
    PrintStyle::applyAsNeighbours(*mLayers[static_cast<size_t>(level)], printedName(hierarchy, level),
                                  textScale, fillAlpha);
    if (mUnitLayer)
        mQgisProject->removeMapLayer(mUnitLayer);
    mUnitLayer = mLayers[static_cast<size_t>(level)]->clone();
    mQgisProject->addMapLayer(mUnitLayer, false);
    PrintStyle::applyAsUnit(*mUnitLayer, printedName(hierarchy, level));
    if (level + 1 < hierarchy.levelCount())
        PrintStyle::applyAsChildren(*mLayers[static_cast<size_t>(level + 1)],
                                    printedName(hierarchy, level + 1), textScale, fillAlpha);
    mStyledLevel = level;
    for (ResponsibilityMapLayout* layout : {mTemplate.get(), mPortrait.get(), mLandscape.get()})
        if (layout)
            layout->restyled();
}

ResponsibilityMapLayout& ResponsibilityMapPrinter::prepare(gridmodel::UnitId id, int pageNumber,
                                                           int pageCount)
{
    const gridmodel::HierarchyIndex& index = mProject.index();
    const gridmodel::Unit* unit = index.unit(id);
    if (!unit)
        throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                               QStringLiteral("No unit with id %1").arg(id));
    styleLevels(unit->level);
    const gridmodel::Envelope box = unit->boundary.envelope();
    ResponsibilityMapLayout& layout = layoutFor(
        mOptions.orientation ? *mOptions.orientation : gridmodel::ResponsibilitySheet::orientationFor(box));
    QList<QgsMapLayer*> layers{mUnitLayer};
    if (unit->level > 0)
        layers << mLayers[static_cast<size_t>(unit->level - 1)];
    layers << mLayers[static_cast<size_t>(unit->level)];
    if (unit->level + 1 < static_cast<int>(mLayers.size()))
        layers << mLayers[static_cast<size_t>(unit->level + 1)];
    layers << mReferences; // under the units
    const QSizeF frame = layout.mapFrameMm();
    const int scale = gridmodel::ResponsibilitySheet::scaleToFit(box, frame.width(), frame.height());
    auto sheet =
        gridmodel::ResponsibilitySheet::of(mProject.data(), index, id, mProblems, mOptions.showPhones);
    if (mOptions.wall)
        sheet.withChildTable(mProject.data(), index, mOptions.showPhones);
    layout.fill(sheet, layers, QgsRectangle(box.minX, box.minY, box.maxX, box.maxY), scale, mOptions.date,
                pageNumber, pageCount);
    return layout;
}

void ResponsibilityMapPrinter::writePdf(const std::vector<gridmodel::UnitId>& units, const QString& path,
                                        const Progress& progress)
{
    if (units.empty())
        throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                               QStringLiteral("没有要打印的单元 / nothing to print"));
    gridmodel::OutputFile output(path); // written beside and renamed into place when whole
    QIODevice& file = output.device();
    {
        QPdfWriter writer(&file);
        writer.setResolution(static_cast<int>(PdfDpi));
        writer.setCreator(QStringLiteral("GridAtlas"));
        writer.setTitle(QStringLiteral("%1 责任图").arg(mProject.data().name));
        QPainter painter;
        const int total = static_cast<int>(units.size());
        for (int page = 0; page < total; ++page) {
            if (progress && !progress(page, total)) {
                painter.end(); // the unfinished file is dropped with `file`
                throw gridmodel::Error(gridmodel::Error::Kind::Cancelled,
                                       QStringLiteral("已取消打印 / printing cancelled"));
            }
            ResponsibilityMapLayout& layout = prepare(units[static_cast<size_t>(page)], page + 1, total);
            const QSizeF size = layout.layout().pageCollection()->page(0)->pageSize().toQSizeF();
            QPageLayout pageLayout(QPageSize(size, QPageSize::Millimeter), QPageLayout::Portrait,
                                   QMarginsF());
            pageLayout.setMode(QPageLayout::FullPageMode);
            writer.setPageLayout(pageLayout);
            if (page == 0) {
                if (!painter.begin(&writer))
                    throw output.failure();
            } else {
                writer.newPage();
            }
            QgsLayoutExporter(&layout.layout()).renderPage(&painter, 0);
        }
        painter.end();
    }
    if (progress)
        progress(static_cast<int>(units.size()), static_cast<int>(units.size()));
    output.commit();
}

void ResponsibilityMapPrinter::saveTemplate(const QString& path, Orientation orientation)
{
    gridmodel::OutputFile output(path);
    if (!layoutFor(orientation).layout().saveAsTemplate(output.partialPath(), QgsReadWriteContext()))
        throw output.failure();
    output.commit();
}

QImage ResponsibilityMapPrinter::renderPage(gridmodel::UnitId unit, double dpi, int pageNumber, int pageCount)
{
    ResponsibilityMapLayout& layout = prepare(unit, pageNumber, pageCount);
    layout.layout().renderContext().setDpi(dpi);
    QImage image = QgsLayoutExporter(&layout.layout()).renderPageToImage(0, QSize(), dpi);
    layout.layout().renderContext().setDpi(PdfDpi);
    return image;
}

} // namespace mapcore
