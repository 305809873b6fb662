#include "mainwindow.h"

#include "capturetool.h"
#include "divisionpanel.h"
#include "editingtools.h"
#include "elidedlabel.h"
#include "error.h"
#include "exportdialog.h"
#include "hierarchyindex.h"
#include "hierarchytreemodel.h"
#include "importdialog.h"
#include "language.h"
#include "layerspanel.h"
#include "newprojectdialog.h"
#include "peoplepanel.h"
#include "printdialog.h"
#include "problemsmodel.h"
#include "problemspanel.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectopening.h"
#include "projectsession.h"
#include "referencemaplayers.h"
#include "reportdialog.h"
#include "settingsmenu.h"
#include "taskprogress.h"
#include "treeplacekeeper.h"
#include "unitpropertiespanel.h"
#include "vertextool.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QVariant>
#include <cmath>
#include <qgsgeometry.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsrubberband.h>
#include <qgssnappingconfig.h>
#include <qgssnappingutils.h>
#include <qgsvectorlayer.h>

using namespace gridmodel;

namespace {
const char* RecentKey = "recentProjects";
constexpr int RecentCount = 8;
} // namespace

//! the icons are compiled into this static library: make sure they are linked
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

MainWindow::MainWindow()
{
    initIconResources();
    setWindowTitle(tr("GridAtlas 网格图"));
    setAcceptDrops(true);
    auto* central = new QWidget(this);
    auto* layout = new QGridLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    mMessageBar = new QgsMessageBar(central);
    mCanvas = new QgsMapCanvas(central);
    mCanvas->setCanvasColor(Qt::white);
    mCanvas->setSelectionColor(QColor(30, 110, 230, 70)); // translucent: the children stay readable
    // One thread draws all levels: the other core stays free to read a project while its
    // map draws (each level is simplified to the pixel, so one thread draws it quickly).
    mCanvas->setParallelRenderingEnabled(false);
    // The message bar lies over the top of the map, as QGIS's does: a message never
    // pushes the map down under the cursor.
    layout->addWidget(mCanvas, 0, 0);
    layout->addWidget(mMessageBar, 0, 0, Qt::AlignTop);
    mMessageBar->raise();
    setCentralWidget(central);

    mTools = new EditingTools(mCanvas, mMessageBar, this);
    mTools->setSnapTolerance(SettingsMenu::snapTolerancePx());
    connect(mTools->selectTool(), &mapcore::PickTool::picked, this, &MainWindow::unitPicked);
    connect(mTools, &EditingTools::unitAdded, this, [this] {
        mProperties->nameEdit()->setFocus();
        mProperties->nameEdit()->selectAll();
    });
    connect(mTools, &EditingTools::paintPending, this, [this](const QString& summary) {
        if (!summary.isEmpty())
            mSelectionLabel->setFullText(summary);
    });
    connect(mTools, &EditingTools::painted, this, [this](UnitId parent, const QString& tallies) {
        selectUnit(parent, false);
        mSelectionLabel->setFullText(tallies);
    });

    createDocks();
    createActions();

    mCoordinates = new QLabel(this);
    mScale = new QLabel(this);
    mCrs = new QLabel(this);
    mSelectionLabel = new ElidedLabel(this);
    mSelectionLabel->setObjectName(QStringLiteral("selectionSummary"));
    mProgress = new TaskProgress(this);
    connect(mProgress, &TaskProgress::cancelRequested, this, [this] {
        if (mOpening)
            mOpening->cancel();
    });
    mToolHint = new ElidedLabel(this);
    mToolHint->setObjectName(QStringLiteral("toolHint"));
    mToolHint->setStyleSheet(QStringLiteral("color: #1f5fa8;"));
    connect(mTools, &EditingTools::hintChanged, mToolHint, &ElidedLabel::setFullText);
    statusBar()->addWidget(mSelectionLabel, 1);
    statusBar()->addWidget(mToolHint, 2);
    statusBar()->addPermanentWidget(mProgress);
    statusBar()->addPermanentWidget(mCoordinates);
    statusBar()->addPermanentWidget(mScale);
    statusBar()->addPermanentWidget(mCrs);
    connect(mCanvas, &QgsMapCanvas::xyCoordinates, this, [this](const QgsPointXY& point) {
        mCoordinates->setText(tr("坐标 %1, %2").arg(point.x(), 0, 'f', 1).arg(point.y(), 0, 'f', 1));
    });
    connect(mCanvas, &QgsMapCanvas::scaleChanged, this, &MainWindow::updateScale);
    mCanvas->setMapTool(mTools->selectTool());
    updateActions();
    updateSelectionLabel();
}

MainWindow::~MainWindow()
{
    mProblems->waitForCheck();
    mHighlight.reset();
    delete mDivision; // its draft and brush are the canvas's: they go before it does
    mDivision = nullptr;
    mCanvas->setLayers({});
    mCanvas->stopRendering();
}

void MainWindow::keepJudgement(const std::function<void(ProjectFile&)>& store)
{
    mProblems->waitForCheck(); // it reads the project's data
    try {
        store(mSession->project());
    } catch (const gridmodel::Error& error) {
        mMessageBar->pushWarning(tr("未执行"), error.message());
    }
    mProblems->recheck(mSession->project());
}

void MainWindow::createDocks()
{
    mTreeModel = new HierarchyTreeModel(this);
    mTreeFilter = new QSortFilterProxyModel(this);
    mTreeFilter->setSourceModel(mTreeModel);
    mTreeFilter->setRecursiveFilteringEnabled(true);
    mTreeFilter->setFilterKeyColumn(-1);
    mTreeFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    mSearch = new QLineEdit(this);
    mSearch->setPlaceholderText(tr("按名称或编码查找…"));
    mSearch->setClearButtonEnabled(true);
    mTree = new QTreeView(this);
    mTree->setModel(mTreeFilter);
    new TreePlaceKeeper(mTree, mTreeFilter, mTreeModel, mSearch);
    mTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mTree->setUniformRowHeights(true);
    mTree->setDragDropMode(QAbstractItemView::DragDrop);
    mTree->setDefaultDropAction(Qt::MoveAction);
    connect(mTreeModel, &HierarchyTreeModel::moveRequested, this,
            [this](const std::vector<UnitId>& units, UnitId parent) { mTools->moveUnits(units, parent); });
    // The names get a fixed room (the user can widen it) and a longer one is shortened in it,
    // the whole name in the tooltip: a long name never pushes the codes out of sight.
    mTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mTree->header()->setSectionResizeMode(HierarchyTreeModel::NameColumn, QHeaderView::Interactive);
    mTree->header()->resizeSection(HierarchyTreeModel::NameColumn, 200);
    mTree->setTextElideMode(Qt::ElideMiddle);
    connect(mSearch, &QLineEdit::textChanged, this, [this](const QString& text) {
        mTreeFilter->setFilterFixedString(text.trimmed());
        if (!text.trimmed().isEmpty())
            mTree->expandAll();
    });
    connect(mTree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (mSyncingSelection)
            return;
        mSelection.clear();
        for (const QModelIndex& index : mTree->selectionModel()->selectedRows())
            mSelection.push_back(HierarchyTreeModel::unitId(mTreeFilter->mapToSource(index)));
        showOnMap();
        if (const Unit* unit = selectedUnit())
            panToIfOffScreen(unit->boundary.envelope());
    });
    connect(mTree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        selectUnit(HierarchyTreeModel::unitId(mTreeFilter->mapToSource(index)), true);
    });
    auto* treePanel = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(treePanel);
    treeLayout->setContentsMargins(2, 2, 2, 2);
    treeLayout->addWidget(mSearch);
    treeLayout->addWidget(mTree);
    auto* treeDock = new QDockWidget(tr("层级树"), this);
    treeDock->setObjectName(QStringLiteral("hierarchyDock"));
    treeDock->setWidget(treePanel);
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);

    mLayersPanel = new LayersPanel(this);
    connect(mLayersPanel, &LayersPanel::failed, this,
            [this](const QString& title, const QString& reason) { mMessageBar->pushWarning(title, reason); });
    auto* layersDock = new QDockWidget(tr("图层"), this);
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(mLayersPanel);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);
    tabifyDockWidget(treeDock, layersDock);
    treeDock->raise();

    mProperties = new UnitPropertiesPanel(this);
    connect(mProperties, &UnitPropertiesPanel::applyRequested, this,
            [this](UnitId id, const ProjectEditor::Attributes& attributes) {
                mTools->setAttributes(id, attributes);
            });
    auto* propertiesDock = new QDockWidget(tr("属性"), this);
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(mProperties);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    mPeople = new PeoplePanel(this);
    connect(mPeople, &PeoplePanel::assignRequested, this,
            [this](MemberId member, const QString& role, qint64 linked) {
                mTools->assignMember(member, role, linked);
            });
    connect(mPeople, &PeoplePanel::unassignRequested, this,
            [this](MemberId member, const QString& role) { mTools->unassignMember(member, role); });
    connect(mPeople, &PeoplePanel::addMemberRequested, this,
            [this](const Member& member) { mTools->addMember(member); });
    connect(mPeople, &PeoplePanel::removeMemberRequested, this,
            [this](MemberId member) { mTools->removeMember(member); });
    auto* peopleDock = new QDockWidget(tr("人员"), this);
    peopleDock->setObjectName(QStringLiteral("peopleDock"));
    peopleDock->setWidget(mPeople);
    addDockWidget(Qt::RightDockWidgetArea, peopleDock);
    tabifyDockWidget(propertiesDock, peopleDock);

    mDivision = new DivisionPanel(mCanvas, this);
    connect(mDivision, &DivisionPanel::applyRequested, this, [this](const DivisionProposal& proposal) {
        mTools->editBoundaries(tr("自动划格"),
                               [&](HierarchyEditor& editor) { return editor.divide(proposal); });
    });
    auto* divisionDock = new QDockWidget(tr("自动划格"), this);
    divisionDock->setObjectName(QStringLiteral("divisionDock"));
    divisionDock->setWidget(mDivision);
    addDockWidget(Qt::RightDockWidgetArea, divisionDock);
    tabifyDockWidget(peopleDock, divisionDock);
    propertiesDock->raise();

    mProblems = new ProblemsModel(this);
    mProblemsPanel = new ProblemsPanel(mProblems, this);
    connect(mProblemsPanel, &ProblemsPanel::problemActivated, this, [this](const Problem& problem) {
        if (!problem.units.empty())
            selectUnit(problem.units.front(), false);
        Envelope around = problem.geometry.isEmpty() ? Envelope() : problem.geometry.envelope();
        if (around.isEmpty()) {
            around.include(problem.location);
            around.include(Point{problem.location.x - 30, problem.location.y - 30});
            around.include(Point{problem.location.x + 30, problem.location.y + 30});
        }
        zoomTo(around);
        highlight(problem.geometry);
    });
    connect(mProblemsPanel, &ProblemsPanel::acceptRequested, this,
            [this](const Problem& problem, const QString& note) {
                const Unit* unit =
                    mSession ? mSession->project().index().unit(problem.units.front()) : nullptr;
                if (!unit)
                    return;
                const auto accepted = withAcceptedProblem(mSession->data().acceptedProblems,
                                                          Problem::kindKey(problem.kind), unit->code, note);
                keepJudgement([&](ProjectFile& project) { project.setAcceptedProblems(accepted); });
            });
    connect(mProblemsPanel, &ProblemsPanel::countsNotEnteredYetRequested, this, [this](bool notYet) {
        if (mSession)
            keepJudgement([&](ProjectFile& project) { project.setCountsNotEnteredYet(notYet); });
    });
    auto* problemsDock = new QDockWidget(tr("问题"), this);
    connect(mProblems, &ProblemsModel::checkStarted, problemsDock,
            [problemsDock] { problemsDock->setWindowTitle(tr("问题：检查中…")); });
    connect(mProblems, &QAbstractItemModel::modelReset, problemsDock, [this, problemsDock] {
        mProblemsPanel->showCountsNotEnteredYet(mSession && mSession->data().countsNotEnteredYet);
        mProblemsPanel->countsNotEnteredYetBox()->setEnabled(mSession && mSession->isEditable());
        if (!mProblems->problemCount())
            problemsDock->setWindowTitle(tr("问题：未发现问题"));
        else
            problemsDock->setWindowTitle(tr("问题：差错 %1，未录入 %2")
                                             .arg(mProblemsPanel->faultCount())
                                             .arg(mProblemsPanel->notYetEnteredCount()));
        highlight(MultiPolygon());
    });
    problemsDock->setObjectName(QStringLiteral("problemsDock"));
    problemsDock->setWidget(mProblemsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    resizeDocks({treeDock, propertiesDock}, {360, 280}, Qt::Horizontal);
    resizeDocks({problemsDock}, {150}, Qt::Vertical);
}

void MainWindow::createActions()
{
    const auto make = [this](const QString& name, const QString& text, const QKeySequence& shortcut,
                             const QString& tip) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        const QString icon = QStringLiteral(":/gridatlas/icons/%1.svg").arg(name.toLower());
        if (QFile::exists(icon))
            action->setIcon(QIcon(icon));
        action->setShortcut(shortcut);
        action->setToolTip(
            shortcut.isEmpty() ? tip : tr("%1（%2）").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        return action;
    };
    QAction* open =
        make(QStringLiteral("open"), tr("打开项目…"), QKeySequence::Open, tr("打开 GridAtlas 项目"));
    connect(open, &QAction::triggered, this, &MainWindow::chooseProject);
    QAction* create =
        make(QStringLiteral("new"), tr("新建项目…"), QKeySequence::New, tr("按层级模板新建空项目"));
    connect(create, &QAction::triggered, this, [this] {
        NewProjectDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            openProject(dialog.createdPath());
    });
    QAction* saveAs = make(QStringLiteral("saveAs"), tr("另存为…"), QKeySequence::SaveAs,
                           tr("把项目（含编辑历史）复制为新文件并打开它"));
    connect(saveAs, &QAction::triggered, this, [this] {
        if (!mSession)
            return;
        const QString path =
            QFileDialog::getSaveFileName(this, tr("另存为"), mSession->path(), tr("GridAtlas 项目 (*.gpkg)"));
        if (!path.isEmpty())
            saveProjectAs(path);
    });
    QAction* printMaps = make(QStringLiteral("print"), tr("打印责任图…"), QKeySequence::Print,
                              tr("把单元的责任图打印为 PDF：每个单元一页"));
    connect(printMaps, &QAction::triggered, this, [this] {
        if (!mSession)
            return;
        const Unit* unit = selectedUnit();
        mProblems->waitForCheck(); // the pages list what the problems panel lists
        PrintDialog dialog(mSession->project(), unit ? unit->level : editingLevel(), unit ? unit->id : 0,
                           mProblems->currentFindings(mSession->project()), this);
        if (dialog.exec() == QDialog::Accepted)
            mMessageBar->pushSuccess(tr("已打印"), dialog.pathEdit()->text());
    });
    QAction* exportData = make(QStringLiteral("export"), tr("导出…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                               tr("导出一个层级的边界（给其他 GIS 软件）或人员名册"));
    connect(exportData, &QAction::triggered, this, [this] {
        if (!mSession)
            return;
        const Unit* unit = selectedUnit();
        ExportDialog dialog(mSession->project(), unit ? unit->level : editingLevel(), unit ? unit->id : 0,
                            this);
        if (dialog.exec() == QDialog::Accepted)
            mMessageBar->pushSuccess(tr("已导出"), dialog.pathEdit()->text());
    });
    const auto importAction = [&](const QString& name, const QString& text, const QKeySequence& shortcut,
                                  const QString& tip, ImportDialog::Kind kind) {
        QAction* action = make(name, text, shortcut, tip);
        connect(action, &QAction::triggered, this, [this, kind] {
            if (!mSession || !mSession->isEditable())
                return;
            ImportDialog dialog(*mSession, kind, editingLevel(), this);
            if (dialog.exec() == QDialog::Accepted && dialog.plan())
                mMessageBar->pushSuccess(tr("已导入"), dialog.plan()->description);
        });
        return action;
    };
    QAction* importBoundaries =
        importAction(QStringLiteral("importBoundaries"), tr("导入边界…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                     tr("从 Shapefile、GeoJSON、KML、DXF 或 GeoPackage 导入一个层级的边界"),
                     ImportDialog::Kind::Boundaries);
    QAction* importRoster = importAction(QStringLiteral("importRoster"), tr("导入人员名册…"), QKeySequence(),
                                         tr("从 CSV 或 XLSX 导入人员及其职务"), ImportDialog::Kind::Roster);
    QAction* importHouseholds =
        importAction(QStringLiteral("importHouseholds"), tr("导入户数…"), QKeySequence(),
                     tr("按单元编码的表格或楼栋点位导入户数和人口"), ImportDialog::Kind::Households);
    const auto reportAction = [&](const QString& name, const QString& text, const QKeySequence& shortcut,
                                  const QString& tip, ReportDialog::Kind kind) {
        QAction* action = make(name, text, shortcut, tip);
        connect(action, &QAction::triggered, this, [this, kind] {
            if (!mSession)
                return;
            const Unit* unit = selectedUnit();
            ReportDialog dialog(mSession->project(), kind, unit ? unit->id : 0, this);
            if (dialog.exec() == QDialog::Accepted)
                mMessageBar->pushSuccess(tr("报告已生成"), dialog.pathEdit()->text());
        });
        return action;
    };
    QAction* coverageReport = reportAction(
        QStringLiteral("coverageReport"), tr("覆盖情况报告…"), QKeySequence(Qt::CTRL | Qt::Key_R),
        tr("各层级的单元、户数、人员、缺口与空缺职务，供上报"), ReportDialog::Kind::Coverage);
    QAction* changeReport = reportAction(
        QStringLiteral("changeReport"), tr("调整说明…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        tr("这次调整改了什么：新增、拆分、合并、移交的单元，转移的户数与人员"), ReportDialog::Kind::Changes);
    QAction* quit = make(QStringLiteral("quit"), tr("退出"), QKeySequence::Quit, tr("退出 GridAtlas"));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QAction* undo = make(QStringLiteral("undo"), tr("撤销"), QKeySequence::Undo, tr("撤销上一步编辑"));
    QAction* redo = make(QStringLiteral("redo"), tr("重做"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                         tr("重做撤销的编辑"));
    connect(undo, &QAction::triggered, this, [this] {
        QString error;
        if (mSession && !mSession->undo(&error))
            mMessageBar->pushWarning(tr("无法撤销"), error);
    });
    connect(redo, &QAction::triggered, this, [this] {
        QString error;
        if (mSession && !mSession->redo(&error))
            mMessageBar->pushWarning(tr("无法重做"), error);
    });

    auto* tools = new QActionGroup(this);
    const auto tool = [&](const QString& name, const QString& text, const QKeySequence& shortcut,
                          const QString& tip, QgsMapTool* mapTool) {
        QAction* action = make(name, text, shortcut, tip);
        action->setCheckable(true);
        tools->addAction(action);
        mapTool->setAction(action);
        connect(action, &QAction::triggered, this, [this, mapTool] { mCanvas->setMapTool(mapTool); });
        return action;
    };
    QAction* pan = tool(QStringLiteral("pan"), tr("平移"), QKeySequence(Qt::Key_P),
                        tr("拖动平移地图，滚轮缩放"), mTools->panTool());
    QAction* select = tool(QStringLiteral("select"), tr("选择"), QKeySequence(Qt::Key_S),
                           tr("点击选择当前层级的单元，Ctrl+点击多选"), mTools->selectTool());
    select->setChecked(true);
    QAction* draw =
        tool(QStringLiteral("draw"), tr("绘制单元"), QKeySequence(Qt::Key_D),
             tr("绘制新单元：单击加点，右键或回车完成；自动裁剪到上级并避开相邻单元"), mTools->drawTool());
    QAction* reshape = tool(QStringLiteral("reshape"), tr("重绘边界"), QKeySequence(Qt::Key_R),
                            tr("为选中单元绘制新边界；共用边界随之移动"), mTools->reshapeTool());
    QAction* vertex = tool(QStringLiteral("vertex"), tr("编辑节点"), QKeySequence(Qt::Key_V),
                           tr("拖动选中单元的节点移动它，从边上拖出新节点，点击节点后按 Delete 删除；"
                              "相邻单元随之改变"),
                           mTools->vertexTool());
    QAction* split = tool(QStringLiteral("split"), tr("拆分"), QKeySequence(Qt::Key_X),
                          tr("沿绘制的线拆分选中单元；下级单元、人员、户数随之分配"), mTools->splitTool());
    QAction* paint =
        tool(QStringLiteral("paint"), tr("划入上级"), QKeySequence(Qt::Key_A),
             tr("先选中一个上级单元，再点击或拖过要划入它的单元（一笔为一步，可撤销）"), mTools->paintTool());
    QAction* trace = make(QStringLiteral("trace"), tr("追踪"), QKeySequence(Qt::SHIFT | Qt::Key_T),
                          tr("绘制、重画、拆分时，先后点击同一道路（参考矢量图层）上的两点，线沿道路走"));
    trace->setCheckable(true);
    connect(trace, &QAction::toggled, mTools, &EditingTools::setTracing);
    QAction* merge =
        make(QStringLiteral("merge"), tr("合并"), QKeySequence(Qt::Key_M), tr("合并选中的同级单元"));
    connect(merge, &QAction::triggered, mTools, &EditingTools::mergeSelected);
    QAction* move = make(QStringLiteral("move"), tr("移至上级…"), QKeySequence(Qt::Key_T),
                         tr("把选中单元连同下级移到另一个上级"));
    connect(move, &QAction::triggered, mTools, &EditingTools::moveSelected);
    QAction* remove =
        make(QStringLiteral("delete"), tr("删除"), QKeySequence::Delete, tr("删除选中单元及其下级"));
    connect(remove, &QAction::triggered, mTools, &EditingTools::deleteSelected);
    QAction* divide =
        make(QStringLiteral("divide"), tr("自动划格…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
             tr("为选中单元提出均衡、连片的下级划分方案"));
    connect(divide, &QAction::triggered, this, [this] {
        if (auto* dock = qobject_cast<QDockWidget*>(mDivision->parentWidget())) {
            dock->show();
            dock->raise();
        }
        mDivision->propose();
    });
    QAction* zoomFull = make(QStringLiteral("zoomFull"), tr("全图"), QKeySequence(Qt::CTRL | Qt::Key_0),
                             tr("缩放到整个项目"));
    connect(zoomFull, &QAction::triggered, this, [this] {
        if (mSession)
            mCanvas->setExtent(mSession->layers().fullExtent());
        mCanvas->refresh();
    });

    mLevelBox = new QComboBox(this);
    mLevelBox->setToolTip(tr("编辑层级：工具作用于该层级的单元"));
    mLevelBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(mLevelBox, qOverload<int>(&QComboBox::activated), this, &MainWindow::setEditingLevel);

    QMenu* fileMenu = menuBar()->addMenu(tr("文件(&F)"));
    fileMenu->addActions({create, open, saveAs});
    fileMenu->addSeparator();
    fileMenu->addAction(printMaps);
    QMenu* importMenu = fileMenu->addMenu(tr("导入"));
    importMenu->addActions({importBoundaries, importRoster, importHouseholds});
    fileMenu->addAction(exportData);
    mRecentMenu = fileMenu->addMenu(tr("最近的项目"));
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    QMenu* editMenu = menuBar()->addMenu(tr("编辑(&E)"));
    editMenu->addActions({undo, redo});
    editMenu->addSeparator();
    editMenu->addActions({draw, reshape, vertex, split, trace, merge, move, paint, remove});
    editMenu->addSeparator();
    editMenu->addAction(divide);
    QMenu* viewMenu = menuBar()->addMenu(tr("视图(&V)"));
    viewMenu->addActions({pan, select, zoomFull});
    mLevelsMenu = viewMenu->addMenu(tr("显示层级"));
    viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu->addAction(dock->toggleViewAction());

    QMenu* reportMenu = menuBar()->addMenu(tr("报告(&R)"));
    reportMenu->addActions({coverageReport, changeReport});
    auto* settings = new SettingsMenu(this);
    menuBar()->addMenu(settings);
    connect(settings, &SettingsMenu::tiandituKeyChanged, this, [this](const QString& key) {
        if (mSession)
            mSession->setTiandituKey(key);
    });
    connect(settings, &SettingsMenu::snapToleranceChanged, mTools, &EditingTools::setSnapTolerance);
    connect(settings, &SettingsMenu::notice, mMessageBar,
            [this](const QString& title, const QString& text) { mMessageBar->pushInfo(title, text); });

    QToolBar* toolbar = addToolBar(tr("工具"));
    toolbar->setObjectName(QStringLiteral("tools"));
    toolbar->setToolButtonStyle(Qt::ToolButtonIconOnly); // names in the tooltips and menus
    toolbar->setIconSize(QSize(24, 24));
    toolbar->addActions({open, printMaps, undo, redo});
    toolbar->addSeparator();
    toolbar->addActions({pan, select, zoomFull});
    toolbar->addSeparator();
    toolbar->addWidget(mLevelBox);
    toolbar->addActions({draw, reshape, vertex, split, trace, merge, move, paint, remove});
    fillRecentMenu();
}

QAction* MainWindow::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

bool MainWindow::openProject(const QString& path)
{
    std::unique_ptr<mapcore::ProjectOpening> opening;
    try {
        opening = std::make_unique<mapcore::ProjectOpening>(path);
    } catch (const gridmodel::Error& error) {
        mMessageBar->pushCritical(tr("无法打开项目"), error.message());
        return false;
    }
    if (!settleUnappliedChanges())
        return false;
    closeProject();
    mOpening = std::move(opening);
    connect(mOpening.get(), &mapcore::ProjectOpening::progressChanged, mProgress, &TaskProgress::setPercent);
    connect(mOpening.get(), &mapcore::ProjectOpening::finished, this, &MainWindow::finishOpening,
            Qt::QueuedConnection);
    mProgress->start(tr("正在读取 %1").arg(QFileInfo(path).fileName()));
    // The map draws while the units are read.
    const mapcore::ProjectLayers& layers = mOpening->layers();
    mCanvas->setLayers(layers.layersTopFirst());
    mCanvas->setDestinationCrs(layers.crs());
    QgsRectangle extent = layers.fullExtent();
    if (!extent.isEmpty()) {
        extent.scale(1.05);
        mCanvas->setExtent(extent);
    }
    mCrs->setText(layers.crs().authid());
    mCanvas->refresh();
    updateActions();
    updateSelectionLabel();
    return true;
}

bool MainWindow::settleUnappliedChanges()
{
    if (!mProperties->hasUnappliedChanges())
        return true;
    QMessageBox ask(QMessageBox::Question, tr("未应用的修改"),
                    tr("属性面板中对 %1 的修改尚未应用。").arg(mProperties->nameEdit()->text()),
                    QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.setInformativeText(tr("应用这些修改吗？"));
    ask.setDefaultButton(QMessageBox::Apply);
    ask.setObjectName(QStringLiteral("unappliedChanges"));
    switch (ask.exec()) {
    case QMessageBox::Apply:
        if (!mProperties->applyChanges()) {
            mMessageBar->pushWarning(tr("未应用"), mProperties->inputProblem());
            return false;
        }
        return !mProperties->hasUnappliedChanges(); // still there when the edit was refused
    case QMessageBox::Discard:
        mProperties->discardChanges();
        return true;
    default:
        return false;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!settleUnappliedChanges()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::closeProject()
{
    mProblems->waitForCheck(); // it reads the project about to be closed
    mCanvas->setLayers({});
    mTreeModel->setSession(nullptr);
    mLayersPanel->setSession(nullptr);
    mTools->setSession(nullptr);
    mDivision->setSession(nullptr);
    mProblems->clear();
    mProblemsPanel->setSelectedUnit(0, nullptr);
    mProperties->showUnit(nullptr, QString(), false);
    mSelection.clear();
    highlight(MultiPolygon());
    mOpening.reset();
    mSession.reset();
    setWindowTitle(tr("GridAtlas 网格图"));
}

void MainWindow::finishOpening()
{
    if (!mOpening)
        return;
    mProgress->finish();
    std::unique_ptr<mapcore::ProjectSession> session;
    try {
        session = mOpening->takeSession();
    } catch (const gridmodel::Error& error) {
        if (error.kind() == gridmodel::Error::Kind::Cancelled)
            mMessageBar->pushInfo(tr("已取消"), error.message());
        else
            mMessageBar->pushCritical(tr("无法打开项目"), error.message());
        closeProject();
        updateActions();
        updateSelectionLabel();
        emit projectOpened(false);
        return;
    }
    mOpening.reset();
    installSession(std::move(session));
    emit projectOpened(true);
}

void MainWindow::installSession(std::unique_ptr<mapcore::ProjectSession> session)
{
    mSession = std::move(session);
    mTools->setSession(mSession.get());
    connect(mSession.get(), &mapcore::ProjectSession::edited, this, &MainWindow::followEdit);
    // The checker reads the data in the background: an edit waits for it first.
    connect(mSession.get(), &mapcore::ProjectSession::aboutToEdit, mProblems, &ProblemsModel::waitForCheck,
            Qt::DirectConnection);
    fillLevelsMenu();
    QgsSnappingConfig snapping = mCanvas->snappingUtils()->config();
    snapping.setEnabled(true); // to what: EditingTools::updateSnapping, on setSession
    mCanvas->snappingUtils()->setConfig(snapping);

    const HierarchyTemplate& hierarchy = mSession->data().hierarchy;
    mLevelBox->clear();
    for (int level = 0; level < hierarchy.levelCount(); ++level)
        mLevelBox->addItem(hierarchy.level(level).name.text());
    mLevelBox->setCurrentIndex(hierarchy.defaultEditingLevel());
    mTools->setEditingLevel(hierarchy.defaultEditingLevel());
    mTreeModel->setSession(mSession.get());
    mDivision->setSession(mSession.get());
    mSession->setTiandituKey(SettingsMenu::tiandituKey());
    connect(mSession.get(), &mapcore::ProjectSession::referencesChanged, this,
            &MainWindow::showVisibleLevels);
    mLayersPanel->setSession(mSession.get());
    connect(&mSession->references(), &mapcore::ReferenceMapLayers::serviceUnreachable, this,
            [this](const QString& name, const QString& reason) {
                mMessageBar->pushWarning(tr("瓦片服务无法访问：%1（地图照常显示其余内容）").arg(name),
                                         reason);
            });
    showVisibleLevels();
    if (const QStringList unavailable = mSession->references().unavailable(); !unavailable.isEmpty())
        mMessageBar->pushWarning(tr("参考图层无法显示（可在“图层”中重新链接）"), unavailable.join(tr("；")));
    mProblems->recheck(mSession->project());
    setWindowTitle(tr("%1 — GridAtlas 网格图").arg(mSession->data().name));
    if (!mSession->isEditable())
        mMessageBar->pushInfo(tr("只读打开"), mSession->readOnlyReason());
    rememberRecent(mSession->path());
    updateActions();
    updateSelectionLabel();
}

bool MainWindow::saveProjectAs(const QString& path)
{
    if (!mSession)
        return false;
    mProblems->waitForCheck();
    try {
        mSession->project().saveCopy(path);
    } catch (const gridmodel::Error& error) {
        mMessageBar->pushCritical(tr("无法另存"), error.message());
        return false;
    }
    return openProject(path);
}

void MainWindow::chooseProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("打开项目"), QString(), tr("GridAtlas 项目 (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) {
            openProject(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::fillLevelsMenu()
{
    mLevelsMenu->clear();
    const HierarchyTemplate& hierarchy = mSession->data().hierarchy;
    for (int level = 0; level < hierarchy.levelCount(); ++level) {
        QAction* shown = mLevelsMenu->addAction(hierarchy.level(level).name.text());
        shown->setObjectName(QStringLiteral("showLevel_%1").arg(hierarchy.level(level).key));
        shown->setCheckable(true);
        shown->setChecked(true);
        connect(shown, &QAction::toggled, this, &MainWindow::showVisibleLevels);
    }
}

void MainWindow::showVisibleLevels()
{
    if (!mSession)
        return;
    QList<QgsMapLayer*> visible;
    const QList<QAction*> levels = mLevelsMenu->actions();
    for (int level = 0; level < levels.size() && level < mSession->layers().levelCount(); ++level)
        if (levels.at(level)->isChecked())
            visible << mSession->layers().layer(level);
    visible << mSession->references().visibleLayersTopFirst(); // under the levels
    mCanvas->setLayers(visible);
    mCanvas->refresh();
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(RecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QLatin1String(RecentKey), QVariant(recent.mid(0, RecentCount)));
    fillRecentMenu();
}

void MainWindow::fillRecentMenu()
{
    mRecentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(RecentKey)).toStringList();
    for (const QString& path : recent)
        mRecentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); })
            ->setToolTip(path);
    mRecentMenu->setEnabled(!recent.isEmpty());
}

int MainWindow::editingLevel() const
{
    return mLevelBox->currentIndex();
}

void MainWindow::setEditingLevel(int level)
{
    if (!mSession || level < 0 || level >= mSession->data().hierarchy.levelCount())
        return;
    mLevelBox->setCurrentIndex(level);
    mTools->setEditingLevel(level);
    mSession->layers().fillLevel(level);
    mCanvas->refresh();
}

void MainWindow::updateActions()
{
    const bool editable = mSession && mSession->isEditable();
    action(QStringLiteral("saveAs"))->setEnabled(mSession != nullptr);
    action(QStringLiteral("print"))->setEnabled(mSession != nullptr);
    for (const char* name : {"export", "coverageReport", "changeReport"})
        action(QLatin1String(name))->setEnabled(mSession != nullptr);
    for (const char* name : {"importBoundaries", "importRoster", "importHouseholds"})
        action(QLatin1String(name))->setEnabled(editable);
    for (const char* name :
         {"draw", "reshape", "vertex", "split", "merge", "move", "paint", "delete", "divide"})
        action(QLatin1String(name))->setEnabled(editable);
    const QString undo = mSession ? mSession->undoDescription() : QString();
    const QString redo = mSession ? mSession->redoDescription() : QString();
    action(QStringLiteral("undo"))->setEnabled(editable && !undo.isEmpty());
    action(QStringLiteral("undo"))->setText(undo.isEmpty() ? tr("撤销") : tr("撤销 %1").arg(undo));
    action(QStringLiteral("redo"))->setEnabled(editable && !redo.isEmpty());
    action(QStringLiteral("redo"))->setText(redo.isEmpty() ? tr("重做") : tr("重做 %1").arg(redo));
    action(QStringLiteral("zoomFull"))->setEnabled(mSession != nullptr);
}

void MainWindow::updateScale(double scale)
{
    mScale->setText(tr("比例尺 1:%1").arg(QLocale().toString(std::round(scale), 'f', 0)));
}

void MainWindow::updateSelectionLabel()
{
    if (!mSession || mSelection.empty()) {
        mSelectionLabel->setFullText(mSession   ? tr("未选择")
                                     : mOpening ? QString()
                                                : tr("请打开项目（Ctrl+O）或把 .gpkg 文件拖到窗口上"));
        return;
    }
    const HierarchyIndex& index = mSession->project().index();
    qint64 households = 0, residents = 0;
    for (UnitId id : mSelection)
        if (const Unit* unit = index.unit(id)) {
            households += unit->households;
            residents += unit->residents;
        }
    const Unit* first = index.unit(mSelection.front());
    mSelectionLabel->setFullText(
        mSelection.size() == 1 && first
            ? tr("已选 %1 %2：%3 户，%4 人").arg(first->code, first->name).arg(households).arg(residents)
            : tr("已选 %1 个单元：%2 户，%3 人").arg(mSelection.size()).arg(households).arg(residents));
}

const Unit* MainWindow::selectedUnit() const
{
    return mSession && mSelection.size() == 1 ? mSession->project().index().unit(mSelection.front())
                                              : nullptr;
}

void MainWindow::selectUnit(UnitId id, bool zoom, bool addToSelection)
{
    if (!mSession || !mSession->project().index().unit(id))
        return;
    if (!addToSelection)
        mSelection.clear();
    if (std::find(mSelection.begin(), mSelection.end(), id) == mSelection.end())
        mSelection.push_back(id);
    {
        mSyncingSelection = true;
        QItemSelection rows;
        for (UnitId selected : mSelection) {
            const QModelIndex index = mTreeFilter->mapFromSource(mTreeModel->indexOf(selected));
            if (index.isValid())
                rows.select(index, index);
        }
        mTree->selectionModel()->select(rows,
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QModelIndex current = mTreeFilter->mapFromSource(mTreeModel->indexOf(id));
        if (current.isValid()) {
            mTree->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
            mTree->scrollTo(current);
        }
        mSyncingSelection = false;
    }
    showOnMap();
    if (zoom)
        zoomTo(mSession->project().index().unit(id)->boundary.envelope());
}

void MainWindow::showOnMap()
{
    mTools->setSelection(mSelection);
    if (!mSession)
        return;
    mapcore::ProjectLayers& layers = mSession->layers();
    std::vector<QgsFeatureIds> perLevel(static_cast<size_t>(layers.levelCount()));
    const HierarchyIndex& index = mSession->project().index();
    for (UnitId id : mSelection)
        if (const Unit* unit = index.unit(id))
            perLevel[static_cast<size_t>(unit->level)].insert(id);
    for (int level = 0; level < layers.levelCount(); ++level)
        layers.layer(level)->selectByIds(perLevel[static_cast<size_t>(level)]);
    const Unit* unit = selectedUnit();
    mProperties->showUnit(unit, unit ? mSession->data().hierarchy.level(unit->level).name.text() : QString(),
                          mSession->isEditable());
    mPeople->showUnit(mSession->data(), unit, mSession->isEditable());
    mProblemsPanel->setSelectedUnit(unit ? unit->id : 0, &mSession->project().index());
    mDivision->setUnit(unit ? unit->id : 0);
    updateSelectionLabel();
}

void MainWindow::highlight(const MultiPolygon& area)
{
    if (!mHighlight) {
        mHighlight = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::PolygonGeometry);
        mHighlight->setStrokeColor(QColor(215, 25, 28));
        mHighlight->setFillColor(QColor(215, 25, 28, 90));
        mHighlight->setWidth(3);
    }
    mHighlight->reset(QgsWkbTypes::PolygonGeometry);
    if (!area.isEmpty())
        mHighlight->setToGeometry(QgsGeometry::fromWkt(area.toWkt(3)), nullptr);
}

QTableView* MainWindow::problemsView() const
{
    return mProblemsPanel->view();
}

void MainWindow::panToIfOffScreen(const Envelope& envelope)
{
    const Point centre = envelope.center();
    if (envelope.isEmpty() || mCanvas->extent().contains(QgsPointXY(centre.x, centre.y)))
        return;
    mCanvas->setCenter(QgsPointXY(centre.x, centre.y)); // the scale stays; a double-click zooms
    mCanvas->refresh();
}

void MainWindow::zoomTo(const Envelope& envelope)
{
    if (envelope.isEmpty())
        return;
    QgsRectangle extent(envelope.minX, envelope.minY, envelope.maxX, envelope.maxY);
    extent.scale(1.3);
    mCanvas->setExtent(extent);
    mCanvas->refresh();
}

void MainWindow::followEdit(const ChangeSet& changes)
{
    mDivision->projectChanged();
    // Units that are gone leave the selection; a created unit becomes the selection.
    const HierarchyIndex& index = mSession->project().index();
    mSelection.erase(
        std::remove_if(mSelection.begin(), mSelection.end(), [&index](UnitId id) { return !index.unit(id); }),
        mSelection.end());
    for (const auto& change : changes.units)
        if (!change.before && change.after && change.after->level == editingLevel()) {
            mSelection = {change.after->id};
            break;
        }
    if (!mSelection.empty())
        selectUnit(mSelection.front(), false, false);
    else
        showOnMap();
    mProblems->recheck(mSession->project(), changes);
    updateActions();
}

void MainWindow::unitPicked(const Point& point, Qt::KeyboardModifiers modifiers)
{
    if (!mSession)
        return;
    if (const Unit* unit = mSession->project().index().unitAt(editingLevel(), point))
        selectUnit(unit->id, false, modifiers & Qt::ControlModifier);
    else if (!(modifiers & Qt::ControlModifier)) {
        mSelection.clear();
        mTree->clearSelection();
        showOnMap();
    }
}

double MainWindow::previewArea() const
{
    return mTools->previewArea();
}
