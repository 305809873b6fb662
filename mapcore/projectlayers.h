#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "hierarchytemplate.h"
#include "levelstyle.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsrectangle.h>

class QgsMapLayer;
class QgsVectorLayer;

namespace gridmodel {
class HierarchyTemplate;
}

namespace mapcore {

/**
 * One QGIS vector layer per level of a project file, styled by level (LevelStyle) at the
 * scales its units' size calls for (LevelScales). Owns the layers. The layers read the
 * GeoPackage directly through GDAL, as stock QGIS does.
 */
class ProjectLayers
{
public:
    ProjectLayers(const QString& projectPath, const gridmodel::HierarchyTemplate& hierarchy,
                  int editingLevel);
    ~ProjectLayers();
    ProjectLayers(const ProjectLayers&) = delete;
    ProjectLayers& operator=(const ProjectLayers&) = delete;

    int levelCount() const { return static_cast<int>(mLayers.size()); }
    QgsVectorLayer* layer(int level) const { return mLayers.at(static_cast<size_t>(level)).get(); }
    //! in drawing order for QgsMapSettings: the top level first (drawn last, on top)
    QList<QgsMapLayer*> layersTopFirst() const;
    QgsRectangle fullExtent() const;
    //! styles a level again, filled when it is the level being edited
    void restyle(int level, bool filled);
    //! fills `level`, the one being edited, and no other
    void fillLevel(int level);
    /**
     * Whether reference layers are drawn under the levels: the filled level is then filled more
     * lightly, so that imagery and roads show through.
     */
    void setOverReferences(bool over);
    QgsCoordinateReferenceSystem crs() const;
    //! the scales a level is drawn at now
    const LevelScales& scales(int level) const { return mScales.at(static_cast<size_t>(level)); }
    /**
     * After units were added to or removed from a level: styles it again when its units' size
     * changed enough to move its scales (an import into an empty level, a split of many).
     */
    void followUnitCount(int level);

private:
    LevelScales scalesNow(int level) const;
    void applyStyle(int level);

    std::vector<std::unique_ptr<QgsVectorLayer>> mLayers;
    QStringList mLevelKeys;
    std::vector<gridmodel::TargetBand> mBands; //!< households band per level
    std::vector<LevelScales> mScales;
    int mFilledLevel = -1;
    bool mOverReferences = false;
};

} // namespace mapcore
