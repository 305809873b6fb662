#pragma once

#include "reference/referencelayer.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QPushButton;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace mapcore {
class ProjectSession;
}

/**
 * The project's reference layers (imagery, tiles, roads …) under the levels: shown or hidden
 * by their tick, ordered (the top one is drawn over the others), their opacity set, added from
 * files or tile services, removed, and relinked when their file moved. Every change is kept
 * with the project through the session; a refusal is told by failed().
 */
class LayersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LayersPanel(QWidget* parent = nullptr);

    void setSession(mapcore::ProjectSession* session);

    /**
     * Adds files as reference layers, on top. A source that names no CRS is asked about
     * (`crsForUnknown` answers instead when non-zero, as a test does); a large raster without
     * overviews is offered them. Returns false when any could not be added (told by failed()).
     */
    bool addFiles(const QStringList& paths, int crsForUnknown = 0);
    //! whether vector files are copied into the project file as they are added (the tick under the list)
    QCheckBox* embedBox() const { return mEmbed; }
    //! adds a tile service: a URL with {x} {y} {z}, or a 天地图 preset ("tianditu:img")
    bool addTileService(const QString& source);
    //! gives the layer at `row` the file's new place
    bool relink(int row, const QString& path);

    QTreeWidget* list() const { return mList; }
    QSlider* opacitySlider() const { return mOpacity; }
    QPushButton* relinkButton() const { return mRelink; }
    QPushButton* removeButton() const { return mRemove; }
    QCheckBox* snappingBox() const { return mSnapping; }

signals:
    void failed(const QString& title, const QString& reason);

private:
    void fill();
    bool store(const std::vector<gridmodel::ReferenceLayer>& layers);
    void chooseFiles();
    void chooseTileService();
    void chooseRelink();
    void moveCurrent(int by);
    void removeCurrent();
    void itemChanged(QTreeWidgetItem* item);
    void currentChanged();
    int currentRow() const;

    mapcore::ProjectSession* mSession = nullptr;
    QTreeWidget* mList = nullptr;
    QSlider* mOpacity = nullptr;
    QCheckBox* mSnapping = nullptr;
    QCheckBox* mEmbed = nullptr;
    QPushButton* mAdd = nullptr;
    QPushButton* mAddService = nullptr;
    QPushButton* mUp = nullptr;
    QPushButton* mDown = nullptr;
    QPushButton* mRemove = nullptr;
    QPushButton* mRelink = nullptr;
    bool mFilling = false;
};
