#include "projectlayers.h"

#include "hierarchytemplate.h"
#include "levelstyle.h"

#include <qgsvectorlayer.h>

namespace mapcore {

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
        LevelStyle::forLevel(definition.key).applyTo(*layer, level == editingLevel, definition.households);
        mLevelKeys << definition.key;
        mBands.push_back(definition.households);
        mLayers.push_back(std::move(layer));
    }
    mFilledLevel = editingLevel;
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

void ProjectLayers::restyle(int level, bool filled)
{
    if (filled)
        mFilledLevel = level;
    else if (mFilledLevel == level)
        mFilledLevel = -1;
    LevelStyle::forLevel(mLevelKeys.at(level))
        .applyTo(*layer(level), filled, mBands.at(static_cast<size_t>(level)),
                 mOverReferences ? LevelStyle::FillOverReferences : LevelStyle::OpaqueFill);
    layer(level)->triggerRepaint();
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
