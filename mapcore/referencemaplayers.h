#pragma once

#include "reference/referencelayer.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QgsMapLayer;
class QgsNetworkReplyContent;

namespace mapcore {

/**
 * The QGIS map layers of a project's reference layers: GDAL rasters and tile files, XYZ tile
 * services (天地图 with the user's key), and OGR vectors with their simple style and labels. Owns
 * the layers. A source that cannot be opened (a missing file) has no map layer and is listed in
 * unavailable(), so that the rest draws and the layer can be relinked. A tile service that
 * cannot be reached is said once (serviceUnreachable), and the map goes on without it.
 */
class ReferenceMapLayers : public QObject
{
    Q_OBJECT

public:
    ReferenceMapLayers();
    ~ReferenceMapLayers() override;
    ReferenceMapLayers(const ReferenceMapLayers&) = delete;
    ReferenceMapLayers& operator=(const ReferenceMapLayers&) = delete;

    /**
     * Makes the map layers for `layers` (top first) of the project at `projectPath`. A layer whose
     * source is unchanged keeps its map layer and takes the new opacity, visibility and style.
     */
    void update(const std::vector<gridmodel::ReferenceLayer>& layers, const QString& projectPath,
                const QString& tiandituKey = QString());
    //! the shown layers that could be opened, top first, for QgsMapSettings / the canvas
    QList<QgsMapLayer*> visibleLayersTopFirst() const;
    //! the map layer of a reference layer by its name (nullptr when none could be opened)
    QgsMapLayer* layer(const QString& name) const;
    //! "NAME: why" for every layer that could not be opened (a missing file ...)
    QStringList unavailable() const { return mUnavailable; }

    //! the map layer for one reference layer; nullptr with `why` set when it cannot be opened
    static std::unique_ptr<QgsMapLayer> create(const gridmodel::ReferenceLayer& layer,
                                               const QString& projectPath, const QString& tiandituKey,
                                               QString* why);
    //! gives a map layer the reference layer's opacity and (for vectors) style and labels
    static void applyStyle(const gridmodel::ReferenceLayer& layer, QgsMapLayer& mapLayer);

signals:
    //! a tile service's request failed; told once per layer (until its source changes)
    void serviceUnreachable(const QString& name, const QString& reason);

private:
    void replyFinished(const QgsNetworkReplyContent& reply);

    struct Entry
    {
        gridmodel::ReferenceLayer layer;
        QString resolved; //!< the source as opened
        std::unique_ptr<QgsMapLayer> mapLayer;
    };
    std::vector<Entry> mEntries;
    QStringList mUnavailable;
    QSet<QString> mToldUnreachable; //!< the resolved URLs of services said to be unreachable
};

} // namespace mapcore
