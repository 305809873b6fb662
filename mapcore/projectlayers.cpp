#include "projectlayers.h"

#include "hierarchytemplate.h"
#include "levelstyle.h"

#include <qgsvectorlayer.h>

#include <cmath>

namespace mapcore {

namespace {
//! about how far across a unit of the layer is: the square root of the mean area it covers,
//! known from the file's extent and feature count without reading a feature
double meanUnitSide(const QgsVectorLayer& layer)
{
    const long long count = layer.isValid() ? layer.featureCount() : 0;
    if (count <= 0)
        return 0;
    const QgsRectangle extent = layer.extent();
    return std::sqrt(extent.width() * extent.height() / static_cast<double>(count));
}
} // namespace

ProjectLayers::ProjectLayers(const QString& projectPath, const gridmodel::HierarchyTemplate& hierarchy,
                             int editingLevel)
{
    for (int level = 0; level < hierarchy.levelCount(); ++level) {
        const gridmodel::LevelDefinition& definition = hierarchy.level(level);
        QgsVectorLayer::LayerOptions options;
        options.loadDefaultStyle = false;
        auto layer = std::make_unique<QgsVectorLayer>(
            QStringLiteral("%1|layername=%2").arg(projectPath, definition.key), definition.name.zh,
            QStringLiteral("ogr"), options);
        mLevelKeys << definition.key;
        mBands.push_back(definition.households);
        mLayers.push_back(std::move(layer));
    }
    mFilledLevel = editingLevel;
    for (int level = 0; level < levelCount(); ++level) {
        mScales.push_back(scalesNow(level));
        applyStyle(level);
    }
}

ProjectLayers::~ProjectLayers() = default;

QList<QgsMapLayer*> ProjectLayers::layersTopFirst() const
{
    QList<QgsMapLayer*> layers;
    for (const auto& layer : mLayers)
        layers.append(layer.get());
    return layers;
}

QgsRectangle ProjectLayers::fullExtent() const
{
    QgsRectangle extent;
    extent.setMinimal();
    for (const auto& layer : mLayers)
        if (layer->isValid() && layer->featureCount() > 0)
            extent.combineExtentWith(layer->extent());
    return extent;
}

void ProjectLayers::fillLevel(int level)
{
    const int before = mFilledLevel;
    if (before == level)
        return;
    restyle(level, true);
    if (before >= 0)
        restyle(before, false);
}

LevelScales ProjectLayers::scalesNow(int level) const
{
    return LevelStyle::forLevel(mLevelKeys.at(level)).scalesFor(meanUnitSide(*layer(level)), level == 0);
}

void ProjectLayers::applyStyle(int level)
{
    LevelStyle::forLevel(mLevelKeys.at(level))
        .applyTo(*layer(level), scales(level), level == mFilledLevel, mBands.at(static_cast<size_t>(level)),
                 mOverReferences ? LevelStyle::FillOverReferences : LevelStyle::OpaqueFill);
}

void ProjectLayers::restyle(int level, bool filled)
{
    if (filled)
        mFilledLevel = level;
    else if (mFilledLevel == level)
        mFilledLevel = -1;
    applyStyle(level);
    layer(level)->triggerRepaint();
}

void ProjectLayers::followUnitCount(int level)
{
    const LevelScales now = scalesNow(level);
    const double before = scales(level).hairlinesAbove;
    // a quarter more or fewer units moves the scales by about a tenth: not worth a restyle
    if (before > 0 && now.hairlinesAbove > 0 && std::abs(now.hairlinesAbove / before - 1) < 0.1)
        return;
    mScales.at(static_cast<size_t>(level)) = now;
    applyStyle(level);
}

void ProjectLayers::setOverReferences(bool over)
{
    if (over == mOverReferences)
        return;
    mOverReferences = over;
    if (mFilledLevel >= 0)
        restyle(mFilledLevel, true);
}

QgsCoordinateReferenceSystem ProjectLayers::crs() const
{
    return mLayers.empty() ? QgsCoordinateReferenceSystem() : mLayers.front()->crs();
}

} // namespace mapcore
