#include "layerspanel.h"

#include "error.h"
#include "projectfile.h"
#include "projectsession.h"
#include "reference/referencesource.h"
#include "referencemaplayers.h"
#include "spatialreference.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

using gridmodel::ReferenceLayer;
namespace ReferenceLayers = gridmodel::ReferenceLayers;
namespace ReferenceSource = gridmodel::ReferenceSource;

LayersPanel::LayersPanel(QWidget* parent) : QWidget(parent)
{
    mList = new QTreeWidget(this);
    mList->setColumnCount(2);
    mList->setHeaderLabels({tr("参考图层"), tr("类型")});
    mList->setRootIsDecorated(false);
    mList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    mList->setToolTip(tr("勾选显示；上面的图层压在下面的图层之上，全部在网格单元之下"));
    mOpacity = new QSlider(Qt::Horizontal, this);
    mOpacity->setRange(0, 100);
    mOpacity->setToolTip(tr("不透明度"));
    mSnapping = new QCheckBox(tr("吸附"), this);
    mSnapping->setToolTip(tr("绘制时吸附到这一矢量图层的节点、边线和交点（8 像素内）"));
    mEmbed = new QCheckBox(tr("矢量图层复制进项目文件"), this);
    mEmbed->setToolTip(tr("道路、建筑等矢量图层存入项目文件本身，一个文件就是整个项目，原文件可以不再保留"));
    mAdd = new QPushButton(tr("添加文件…"), this);
    mAdd->setToolTip(tr(
        "影像（GeoTIFF 等）、MBTiles、道路、河流、建筑等矢量（Shapefile、GeoJSON、KML、DXF、GeoPackage）"));
    mAddService = new QPushButton(tr("添加瓦片服务…"), this);
    mAddService->setToolTip(tr("天地图，或 {z}/{x}/{y} 形式的瓦片地址"));
    mUp = new QPushButton(tr("上移"), this);
    mDown = new QPushButton(tr("下移"), this);
    mRemove = new QPushButton(tr("移除"), this);
    mRelink = new QPushButton(tr("重新链接…"), this);
    mRelink->setToolTip(tr("文件移动后，指出它的新位置"));

    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(new QLabel(tr("不透明度"), this));
    opacityRow->addWidget(mOpacity);
    opacityRow->addWidget(mSnapping);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(mAdd);
    addRow->addWidget(mAddService);
    auto* editRow = new QHBoxLayout;
    for (QPushButton* button : {mUp, mDown, mRemove, mRelink})
        editRow->addWidget(button);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(mList);
    layout->addLayout(opacityRow);
    layout->addWidget(mEmbed);
    layout->addLayout(addRow);
    layout->addLayout(editRow);

    connect(mList, &QTreeWidget::itemChanged, this, &LayersPanel::itemChanged);
    connect(mList, &QTreeWidget::currentItemChanged, this, &LayersPanel::currentChanged);
    connect(mOpacity, &QSlider::sliderReleased, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
        layers[static_cast<size_t>(row)].opacity = mOpacity->value() / 100.0;
        store(layers);
    });
    connect(mSnapping, &QCheckBox::toggled, this, [this](bool on) {
        const int row = currentRow();
        if (row < 0 || mFilling)
            return;
        std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
        layers[static_cast<size_t>(row)].snapping = on;
        store(layers);
    });
    connect(mAdd, &QPushButton::clicked, this, &LayersPanel::chooseFiles);
    connect(mAddService, &QPushButton::clicked, this, &LayersPanel::chooseTileService);
    connect(mUp, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(mDown, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(mRemove, &QPushButton::clicked, this, &LayersPanel::removeCurrent);
    connect(mRelink, &QPushButton::clicked, this, &LayersPanel::chooseRelink);
    fill();
}

void LayersPanel::setSession(mapcore::ProjectSession* session)
{
    mSession = session;
    if (mSession)
        connect(mSession, &mapcore::ProjectSession::referencesChanged, this, &LayersPanel::fill);
    fill();
}

int LayersPanel::currentRow() const
{
    return mSession && mList->currentItem() ? mList->indexOfTopLevelItem(mList->currentItem()) : -1;
}

void LayersPanel::fill()
{
    mFilling = true;
    const int row = std::max(0, mList->currentItem() ? mList->indexOfTopLevelItem(mList->currentItem()) : 0);
    mList->clear();
    if (mSession) {
        for (const ReferenceLayer& layer : mSession->data().referenceLayers) {
            const bool missing = !mSession->references().layer(layer.name);
            auto* item = new QTreeWidgetItem(mList, {layer.name, ReferenceLayer::kindText(layer.kind)});
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, layer.visible ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(0, layer.isFile() ? layer.resolvedSource(mSession->path()) : layer.source);
            if (missing) {
                item->setText(1, tr("无法显示"));
                item->setForeground(0, QColor(176, 0, 32));
                item->setForeground(1, QColor(176, 0, 32));
                for (const QString& why : mSession->references().unavailable())
                    if (why.startsWith(layer.name + QLatin1Char(':')))
                        item->setToolTip(0, why);
            }
        }
        if (mList->topLevelItemCount())
            mList->setCurrentItem(mList->topLevelItem(std::min(row, mList->topLevelItemCount() - 1)));
    }
    mFilling = false;
    currentChanged();
}

void LayersPanel::currentChanged()
{
    const bool editable = mSession && mSession->isEditable();
    const int row = currentRow();
    mAdd->setEnabled(editable);
    mEmbed->setEnabled(editable);
    mAddService->setEnabled(editable);
    mUp->setEnabled(editable && row > 0);
    mDown->setEnabled(editable && row >= 0 && row + 1 < mList->topLevelItemCount());
    mRemove->setEnabled(editable && row >= 0);
    const ReferenceLayer* layer =
        row >= 0 ? &mSession->data().referenceLayers[static_cast<size_t>(row)] : nullptr;
    mRelink->setEnabled(editable && layer && layer->isFile());
    mOpacity->setEnabled(editable && layer);
    const QSignalBlocker blocker(mOpacity);
    mOpacity->setValue(layer ? qRound(layer->opacity * 100) : 100);
    const bool isVector = layer && layer->kind == ReferenceLayer::Kind::Vector;
    const QSignalBlocker snappingBlocker(mSnapping);
    mSnapping->setEnabled(editable && isVector);
    mSnapping->setChecked(isVector && layer->snapping);
}

bool LayersPanel::store(const std::vector<ReferenceLayer>& layers)
{
    if (!mSession)
        return false;
    QString error;
    if (!mSession->setReferenceLayers(layers, &error)) {
        emit failed(tr("参考图层未改变"), error);
        fill();
        return false;
    }
    return true;
}

void LayersPanel::itemChanged(QTreeWidgetItem* item)
{
    if (mFilling || !mSession)
        return;
    const int row = mList->indexOfTopLevelItem(item);
    std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
    if (row < 0 || row >= static_cast<int>(layers.size()))
        return;
    layers[static_cast<size_t>(row)].visible = item->checkState(0) == Qt::Checked;
    store(layers);
}

void LayersPanel::moveCurrent(int by)
{
    const int row = currentRow();
    std::vector<ReferenceLayer> layers =
        mSession ? mSession->data().referenceLayers : std::vector<ReferenceLayer>();
    if (row < 0 || row + by < 0 || row + by >= static_cast<int>(layers.size()))
        return;
    std::swap(layers[static_cast<size_t>(row)], layers[static_cast<size_t>(row + by)]);
    if (store(layers))
        mList->setCurrentItem(mList->topLevelItem(row + by));
}

void LayersPanel::removeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
    const ReferenceLayer removed = layers[static_cast<size_t>(row)];
    layers.erase(layers.begin() + row);
    if (!store(layers))
        return;
    try {
        ReferenceSource::dropEmbedded(removed, mSession->path()); // a copy in the file goes with it
    } catch (const gridmodel::Error& error) {
        emit failed(tr("参考图层的副本未能删除"), error.message());
    }
}

bool LayersPanel::addFiles(const QStringList& paths, int crsForUnknown)
{
    if (!mSession)
        return false;
    std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
    std::vector<ReferenceLayer> copied; //!< taken out of the file again if the list is not kept
    bool allAdded = true;
    for (const QString& path : paths) {
        try {
            const gridmodel::ReferenceSourceInfo info = ReferenceSource::probe(path);
            int crs = 0;
            if (info.crs.isEmpty()) {
                crs = crsForUnknown;
                if (!crs) {
                    bool ok = false;
                    const QString given = QInputDialog::getText(
                        this, tr("坐标系"),
                        tr("%1 没有说明坐标系。它用的是哪个？（如 EPSG:4490 为经纬度，EPSG:4547 为 114°E "
                           "高斯-克吕格）")
                            .arg(QFileInfo(path).fileName()),
                        QLineEdit::Normal, QStringLiteral("EPSG:%1").arg(mSession->data().crsEpsg), &ok);
                    if (!ok)
                        continue;
                    crs = gridmodel::SpatialReference::epsgFromString(given);
                }
            }
            if (info.wantsOverviews() && !crsForUnknown &&
                QMessageBox::question(
                    this, tr("建立金字塔"),
                    tr("%1 有 %2 × %3 像素，没有金字塔（概视图），缩小时会很慢。现在建立吗？"
                       "（在它旁边生成 .ovr 文件，原文件不变）")
                        .arg(QFileInfo(path).fileName())
                        .arg(info.width)
                        .arg(info.height)) == QMessageBox::Yes) {
                QProgressDialog progress(tr("正在建立金字塔…"), tr("取消"), 0, 1000, this);
                progress.setWindowModality(Qt::WindowModal);
                ReferenceSource::buildOverviews(path, [&](int permille) {
                    progress.setValue(permille);
                    return !progress.wasCanceled();
                });
            }
            ReferenceLayer layer = ReferenceSource::layerFor(path, mSession->path(), info, crs);
            ReferenceLayers::check(layer); // before anything is copied
            if (mEmbed->isChecked() && layer.kind == ReferenceLayer::Kind::Vector) {
                layer = ReferenceSource::embed(layer, mSession->path());
                copied.push_back(layer);
            }
            ReferenceLayers::add(layers, layer);
        } catch (const gridmodel::Error& error) {
            emit failed(tr("无法添加参考图层"), error.message());
            allAdded = false;
        }
    }
    if (store(layers))
        return allAdded;
    for (const ReferenceLayer& layer : copied)
        ReferenceSource::dropEmbedded(layer, mSession->path());
    return false;
}

bool LayersPanel::addTileService(const QString& source)
{
    if (!mSession)
        return false;
    std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
    try {
        ReferenceLayers::add(layers, ReferenceSource::layerFor(source.trimmed(), mSession->path()));
    } catch (const gridmodel::Error& error) {
        emit failed(tr("无法添加瓦片服务"), error.message());
        return false;
    }
    return store(layers);
}

bool LayersPanel::relink(int row, const QString& path)
{
    if (!mSession || row < 0 || row >= static_cast<int>(mSession->data().referenceLayers.size()))
        return false;
    std::vector<ReferenceLayer> layers = mSession->data().referenceLayers;
    ReferenceLayer& layer = layers[static_cast<size_t>(row)];
    try {
        const ReferenceLayer found =
            ReferenceSource::layerFor(path, mSession->path(), layer.sourceLayer, layer.crsEpsg);
        if (found.kind != layer.kind) {
            emit failed(
                tr("无法重新链接"),
                tr("%1 不是%2").arg(QFileInfo(path).fileName(), ReferenceLayer::kindText(layer.kind)));
            return false;
        }
        layer.source = found.source;
        layer.encoding = found.encoding;
    } catch (const gridmodel::Error& error) {
        emit failed(tr("无法重新链接"), error.message());
        return false;
    }
    return store(layers);
}

void LayersPanel::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("添加参考图层"), QFileInfo(mSession ? mSession->path() : QString()).absolutePath(),
        tr("地图文件 (*.tif *.tiff *.img *.jp2 *.ecw *.png *.jpg *.mbtiles *.gpkg *.shp *.geojson *.json "
           "*.kml "
           "*.dxf);;所有文件 (*)"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void LayersPanel::chooseTileService()
{
    QStringList choices{tr("天地图矢量 (tianditu:vec)"), tr("天地图矢量注记 (tianditu:cva)"),
                        tr("天地图影像 (tianditu:img)"), tr("天地图影像注记 (tianditu:cia)")};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("添加瓦片服务"),
                                                 tr("选择天地图图层，或输入 {z}/{x}/{y} 形式的瓦片地址："),
                                                 choices, 0, true, &ok);
    if (!ok || chosen.trimmed().isEmpty())
        return;
    static const QRegularExpression preset(QStringLiteral("\\((tianditu:[a-z]+)\\)$"));
    const QRegularExpressionMatch match = preset.match(chosen.trimmed());
    addTileService(match.hasMatch() ? match.captured(1) : chosen);
}

void LayersPanel::chooseRelink()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("重新链接 %1").arg(mList->topLevelItem(row)->text(0)),
                                     QFileInfo(mSession->path()).absolutePath());
    if (!path.isEmpty())
        relink(row, path);
}
