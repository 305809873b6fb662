#include "stockqgisproject.h"

#include "error.h"
#include "hierarchytemplate.h"
#include "projectlayers.h"
#include "referencemaplayers.h"
#include "sqlitedatabase.h"

#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

#include <qgslayertree.h>
#include <qgsmaplayer.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace mapcore::StockQgisProject {

bool isWritten(const QString& path)
{
    try {
        gridmodel::SqliteDatabase db(path, gridmodel::SqliteDatabase::OpenMode::ReadOnly);
        return db.tableExists(QStringLiteral("qgis_projects")) &&
               db.tableExists(QStringLiteral("layer_styles"));
    } catch (const gridmodel::Error&) {
        return false;
    }
}

QString projectUri(const QString& path)
{
    QUrl url;
    url.setScheme(QStringLiteral("geopackage"));
    url.setPath(QFileInfo(path).absoluteFilePath());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("projectName"), QLatin1String(ProjectName));
    url.setQuery(query);
    return url.toString();
}

void write(const QString& path, const gridmodel::HierarchyTemplate& hierarchy,
           const std::vector<gridmodel::ReferenceLayer>& references)
{
    const auto fail = [&](const QString& what) {
        throw gridmodel::Error(gridmodel::Error::Kind::Io,
                               QStringLiteral("QGIS 无法写入 %1 的%2 / QGIS could not write its %2: %3")
                                   .arg(QFileInfo(path).fileName(), QStringLiteral("样式与工程"), what));
    };
    {
        // QGIS asks before replacing a style of the same name (a dialog, in 3.22): ours go first
        gridmodel::SqliteDatabase db(path, gridmodel::SqliteDatabase::OpenMode::ReadWrite);
        if (db.tableExists(QStringLiteral("layer_styles")))
            db.execute(QStringLiteral("DELETE FROM layer_styles WHERE styleName = 'GridAtlas'"));
    }
    QgsProject project;
    project.setFilePathStorage(Qgis::FilePathType::Relative);
    project.setTitle(QFileInfo(path).completeBaseName());
    // the levels as the window draws them (ProjectLayers styles them), copied for the project to own
    const ProjectLayers levels(path, hierarchy, hierarchy.defaultEditingLevel());
    for (int level = 0; level < levels.levelCount(); ++level) {
        if (!levels.layer(level)->isValid())
            fail(hierarchy.level(level).key);
        std::unique_ptr<QgsVectorLayer> layer(levels.layer(level)->clone());
        QString error;
        layer->saveStyleToDatabase(QStringLiteral("GridAtlas"), QStringLiteral("GridAtlas 网格图"), true,
                                   QString(), error);
        if (!error.isEmpty())
            fail(error);
        // the tree lists the street first, drawn on top, as GridAtlas draws it
        project.layerTreeRoot()->addLayer(project.addMapLayer(layer.release(), false));
    }
    for (const gridmodel::ReferenceLayer& reference : references) {
        QString why;
        std::unique_ptr<QgsMapLayer> layer = ReferenceMapLayers::create(reference, path, QString(), &why);
        if (!layer)
            continue; // a missing file or 天地图 without a key: GridAtlas names it when it opens
        QgsLayerTreeLayer* node =
            project.layerTreeRoot()->addLayer(project.addMapLayer(layer.release(), false));
        node->setItemVisibilityChecked(reference.visible); // under the levels
    }
    if (!project.crs().isValid() && !project.mapLayers().isEmpty())
        project.setCrs(project.mapLayers().first()->crs());
    if (!project.write(projectUri(path)))
        fail(project.error());
}

} // namespace mapcore::StockQgisProject
