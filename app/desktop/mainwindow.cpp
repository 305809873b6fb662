#include "mainwindow.h"

#include "error.h"
#include "projectfile.h"
#include "projectlayers.h"

#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <qgsmapcanvas.h>
#include <qgsmaptoolpan.h>

MainWindow::MainWindow()
{
    setWindowTitle(tr("GridAtlas 网格图"));
    mCanvas = new QgsMapCanvas(this);
    mCanvas->setCanvasColor(Qt::white);
    mCanvas->setMapTool(new QgsMapToolPan(mCanvas));
    setCentralWidget(mCanvas);

    QMenu* fileMenu = menuBar()->addMenu(tr("文件(&F)"));
    QAction* open = fileMenu->addAction(tr("打开项目…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("退出"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    mCoordinates = new QLabel(this);
    mScale = new QLabel(this);
    mCrs = new QLabel(this);
    statusBar()->addPermanentWidget(mCoordinates);
    statusBar()->addPermanentWidget(mScale);
    statusBar()->addPermanentWidget(mCrs);
    connect(mCanvas, &QgsMapCanvas::xyCoordinates, this, [this](const QgsPointXY& point) {
        mCoordinates->setText(tr("坐标 %1, %2").arg(point.x(), 0, 'f', 1).arg(point.y(), 0, 'f', 1));
    });
    connect(mCanvas, &QgsMapCanvas::scaleChanged, this, &MainWindow::updateScale);
}

MainWindow::~MainWindow()
{
    mCanvas->setLayers({});
}

bool MainWindow::openProject(const QString& path)
{
    try {
        auto project = gridmodel::ProjectFile::open(path, gridmodel::ProjectFile::Access::ReadOnly);
        const int editingLevel = project->data().hierarchy.defaultEditingLevel();
        auto layers = std::make_unique<mapcore::ProjectLayers>(project->path(), project->data().hierarchy,
                                                               editingLevel);
        mCanvas->setLayers(layers->layersTopFirst());
        mCanvas->setDestinationCrs(layers->crs());
        QgsRectangle extent = layers->fullExtent();
        if (!extent.isEmpty()) {
            extent.scale(1.05);
            mCanvas->setExtent(extent);
        }
        mLayers = std::move(layers);
        mProject = std::move(project);
        mCrs->setText(mLayers->crs().authid());
        setWindowTitle(tr("%1 — GridAtlas 网格图").arg(mProject->data().name));
        mCanvas->refresh();
        return true;
    } catch (const gridmodel::Error& error) {
        QMessageBox::warning(this, tr("无法打开项目"), error.message());
        return false;
    }
}

void MainWindow::chooseProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("打开项目"), QString(), tr("GridAtlas 项目 (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::updateScale(double scale)
{
    mScale->setText(tr("比例尺 1:%1").arg(QLocale().toString(std::round(scale), 'f', 0)));
}
