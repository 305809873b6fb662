#include "boundaryexport.h"
#include "capturetool.h"
#include "check/checker.h"
#include "coveragereport.h"
#include "dialogparts.h"
#include "districtgenerator.h"
#include "divisiondraftitem.h"
#include "divisionpanel.h"
#include "editingtools.h"
#include "elidedlabel.h"
#include "error.h"
#include "exportdialog.h"
#include "geosengine.h"
#include "hierarchyeditor.h"
#include "hierarchyindex.h"
#include "hierarchytreemodel.h"
#include "importdialog.h"
#include "language.h"
#include "layerspanel.h"
#include "mainwindow.h"
#include "newprojectdialog.h"
#include "outlinevertices.h"
#include "peoplepanel.h"
#include "printdialog.h"
#include "problemsmodel.h"
#include "problemspanel.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectsession.h"
#include "qgisruntime.h"
#include "referencemaplayers.h"
#include "reportdialog.h"
#include "scopebox.h"
#include "settingsmenu.h"
#include "tablesource.h"
#include "taskprogress.h"
#include "testrasters.h"
#include "testsupport.h"
#include "tileserver.h"
#include "unitpropertiespanel.h"
#include "vectorsource.h"
#include "vertextool.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>
#include <atomic>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsmaptopixel.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgspallabeling.h>
#include <qgsrubberband.h>
#include <qgssnappingutils.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

using namespace gridmodel;

/** The real main window, driven offscreen as a planner would use it. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<MainWindow> mWindow;

    //! a new main window, shown at the size of a full-HD screen's window
    void showWindow()
    {
        mWindow = std::make_unique<MainWindow>();
        mWindow->resize(1280, 860);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }

    void openFreshDemo()
    {
        const QString file = testsupport::freshDemoFile(mDir);
        showWindow();
        openAndWait(file);
        QVERIFY(mWindow->session()->isEditable());
        // Clicks below land where they are aimed: no snapping to nearby vertices.
        QgsSnappingConfig snapping = mWindow->canvas()->snappingUtils()->config();
        snapping.setEnabled(false);
        mWindow->canvas()->snappingUtils()->setConfig(snapping);
    }

    //! opens a project in the window and waits until it has been read
    void openAndWait(const QString& path)
    {
        QSignalSpy opened(mWindow.get(), &MainWindow::projectOpened);
        QVERIFY(mWindow->openProject(path));
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.first().first().toBool(), true);
        QVERIFY(mWindow->session());
    }

    //! with GRIDATLAS_SNAPSHOTS=DIR set, saves the window as DIR/NAME.png to look at
    void snapshot(const QString& name)
    {
        const QString folder = qEnvironmentVariable("GRIDATLAS_SNAPSHOTS");
        if (folder.isEmpty())
            return;
        mWindow->canvas()->refresh();
        mWindow->canvas()->waitWhileRendering();
        QTest::qWait(50);
        mWindow->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
    }

    /**
     * A street-map tile service on 127.0.0.1 added in the layers panel (as 天地图's vector layer
     * would be): drawn under the units, its tiles fetched, its row in the panel.
     */
    void addStreetMapTiles(testsupport::TileServer& server)
    {
        const QString url = QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.port());
        QVERIFY(mWindow->layersPanel()->addTileService(url));
        QgsMapLayer* tiles =
            mWindow->session()->references().layer(mWindow->session()->data().referenceLayers.front().name);
        QVERIFY(tiles && tiles->isValid());
        const QList<QgsMapLayer*> shown = mWindow->canvas()->layers();
        for (int level = 0; level < mWindow->session()->layers().levelCount(); ++level) // under every level
            QVERIFY(shown.indexOf(mWindow->session()->layers().layer(level)) < shown.indexOf(tiles));
        mWindow->findChild<QDockWidget*>(QStringLiteral("layersDock"))->raise();
        mWindow->canvas()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(server.served() > 0, 20000);
        mWindow->canvas()->waitWhileRendering();
    }

    //! the same for a dialog or panel on its own
    static void snapshotOf(QWidget& widget, const QString& name)
    {
        const QString folder = qEnvironmentVariable("GRIDATLAS_SNAPSHOTS");
        if (!folder.isEmpty())
            widget.grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
    }

    //! the problems panel once its background check has ended
    ProblemsModel* problems() const
    {
        mWindow->problems()->waitForCheck();
        return mWindow->problems();
    }

    //! an edit straight through the session (which waits for a running check itself)
    template <typename Operation> bool edit(Operation operation)
    {
        return mWindow->session()->edit(operation);
    }

    const HierarchyIndex& index() const { return mWindow->session()->project().index(); }

    const Unit* firstAtLevel(const QString& key) const
    {
        const int level = mWindow->session()->data().hierarchy.levelIndex(key);
        for (const Unit& unit : mWindow->session()->data().units)
            if (unit.level == level)
                return &unit;
        return nullptr;
    }

    QPoint pixel(double x, double y) const
    {
        const QgsPointXY device = mWindow->canvas()->getCoordinateTransform()->transform(x, y);
        return QPoint(qRound(device.x()), qRound(device.y()));
    }

    void click(double x, double y, Qt::MouseButton button = Qt::LeftButton)
    {
        QTest::mouseClick(mWindow->canvas()->viewport(), button, Qt::NoModifier, pixel(x, y));
    }

    //! draws a polygon with the current tool: a click per corner, a right click to finish
    void drawBox(const Envelope& box)
    {
        for (const Point& corner : {Point{box.minX, box.minY}, Point{box.maxX, box.minY},
                                    Point{box.maxX, box.maxY}, Point{box.minX, box.maxY}})
            click(corner.x, corner.y);
        click(box.minX, box.minY, Qt::RightButton);
    }

    static Envelope grown(Envelope box, double by)
    {
        box.minX -= by;
        box.minY -= by;
        box.maxX += by;
        box.maxY += by;
        return box;
    }

    //! gaps, overlaps and parts outside a parent, with the units they name
    QStringList coverageFaults() const
    {
        QStringList faults;
        for (const Problem& problem : Checker(mWindow->session()->data()).check())
            if (problem.kind == Problem::Kind::Gap || problem.kind == Problem::Kind::Overlap ||
                problem.kind == Problem::Kind::OutsideParent ||
                problem.kind == Problem::Kind::InvalidGeometry)
                faults << QStringLiteral("%1 %2 %3 m²")
                              .arg(Problem::kindKey(problem.kind), index().unit(problem.units.front())->code)
                              .arg(problem.areaM2, 0, 'f', 1);
        return faults;
    }

    //! a corner of a unit at `levelKey` that is also a corner of its parent, with the unit
    std::pair<const Unit*, Point> cornerOnParentEdge(const QString& levelKey) const
    {
        const int level = mWindow->session()->data().hierarchy.levelIndex(levelKey);
        for (const Unit& candidate : mWindow->session()->data().units) {
            if (candidate.level != level || !candidate.parentId)
                continue;
            const MultiPolygon& parent = index().unit(candidate.parentId)->boundary;
            for (const Point& point : candidate.boundary.polygons.front().rings.front())
                if (OutlineVertices(parent).vertexNear(point, 1e-6))
                    return {&candidate, point};
        }
        return {nullptr, Point()};
    }

    //! drags with the vertex tool from one map point to another
    void dragCorner(const Point& from, const Point& to)
    {
        QWidget* viewport = mWindow->canvas()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pixel(from.x, from.y));
        QMouseEvent drag(QEvent::MouseMove, pixel(to.x, to.y), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drag);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pixel(to.x, to.y));
    }

    double childrenArea(UnitId parent) const
    {
        double area = 0;
        for (const Unit* child : index().children(parent))
            area += child->boundary.area();
        return area;
    }

private slots:
    void opensInTheBackgroundWithProgressAndCancel()
    {
        const QString file = testsupport::freshDemoFile(mDir);
        showWindow();
        auto* progress = mWindow->statusBar()->findChild<TaskProgress*>();
        QVERIFY(progress);

        // The map has its layers at once; the tree fills when the units have been read.
        QSignalSpy opened(mWindow.get(), &MainWindow::projectOpened);
        QVERIFY(mWindow->openProject(file));
        QVERIFY(mWindow->isOpening());
        QVERIFY(!mWindow->canvas()->layers().isEmpty());
        QVERIFY(progress->isVisible());
        QVERIFY(!mWindow->action(QStringLiteral("draw"))->isEnabled());
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.first().first().toBool(), true);
        QVERIFY(!progress->isVisible());
        QVERIFY(mWindow->hierarchyView()->model()->rowCount() > 0);
        QVERIFY(mWindow->action(QStringLiteral("draw"))->isEnabled());

        // Cancelled: no project, the map is empty, the reason is said.
        opened.clear();
        QVERIFY(mWindow->openProject(file));
        QVERIFY(QMetaObject::invokeMethod(progress, "cancelRequested"));
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.first().first().toBool(), false);
        QVERIFY(!mWindow->session());
        QVERIFY(!mWindow->isOpening());
        QVERIFY(mWindow->canvas()->layers().isEmpty());
        QCOMPARE(mWindow->hierarchyView()->model()->rowCount(), 0);
        QVERIFY(!progress->isVisible());

        // Not a project: refused at once, naming the file; nothing starts.
        const QString text = mDir.filePath(QStringLiteral("notes.gpkg"));
        QFile notes(text);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a database");
        notes.close();
        QVERIFY(!mWindow->openProject(text));
        QVERIFY(!mWindow->isOpening());
        QVERIFY(mWindow->messageBar()->currentItem());
        QVERIFY(mWindow->messageBar()->currentItem()->text().contains(QStringLiteral("notes.gpkg")));
    }

    void selectingInTheTreeZoomsTheMap()
    {
        openFreshDemo();
        const Unit* grid = firstAtLevel(QStringLiteral("grid"));
        const QgsRectangle full = mWindow->canvas()->extent();
        // Find it by its code through the search box, then activate it.
        mWindow->searchBox()->setText(grid->code);
        QTreeView* tree = mWindow->hierarchyView();
        auto* filter = qobject_cast<QSortFilterProxyModel*>(tree->model());
        auto* model = qobject_cast<HierarchyTreeModel*>(filter->sourceModel());
        const QModelIndex found = filter->mapFromSource(model->indexOf(grid->id));
        QVERIFY(found.isValid());
        tree->setCurrentIndex(found);
        QTest::keyClick(tree, Qt::Key_Return);

        const Envelope box = grid->boundary.envelope();
        const QgsRectangle extent = mWindow->canvas()->extent();
        QVERIFY(extent.contains(QgsRectangle(box.minX, box.minY, box.maxX, box.maxY)));
        QVERIFY(extent.width() < full.width() / 3);
        QgsVectorLayer* grids = mWindow->session()->layers().layer(grid->level);
        QCOMPARE(grids->selectedFeatureIds(), QgsFeatureIds({grid->id}));
        QCOMPARE(mWindow->propertiesPanel()->unitId(), grid->id);
        QCOMPARE(mWindow->propertiesPanel()->nameEdit()->text(), grid->name);
        snapshot(QStringLiteral("grid-selected"));
    }

    void thePeoplePanelShowsRolesAndKeepsPhonesPrivate()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        mWindow->selectUnit(grid.id, false);
        PeoplePanel* people = mWindow->peoplePanel();
        QTableWidget* roles = people->assignmentsTable();
        QVERIFY(roles->rowCount() >= 2); // 网格长 and 网格员 at least, as the demo fills every required role
        QVERIFY(people->missingRolesLabel()->text().isEmpty());
        const QString phone = roles->item(0, 2)->text();
        QVERIFY2(phone.contains(QStringLiteral("****")), qPrintable(phone)); // masked by default
        people->showPhones()->setChecked(true);
        QVERIFY(!roles->item(0, 2)->text().contains(QLatin1Char('*')));
        people->showPhones()->setChecked(false);

        // Take the grid leader away: the panel says the role is missing, and so does the checker.
        int leaderRow = -1;
        for (int row = 0; row < roles->rowCount(); ++row)
            if (roles->item(row, 0)->data(Qt::UserRole).toString() == QLatin1String("grid_leader"))
                leaderRow = row;
        QVERIFY(leaderRow >= 0);
        const qint64 leader = roles->item(leaderRow, 1)->data(Qt::UserRole).toLongLong();
        emit people->unassignRequested(leader, QStringLiteral("grid_leader"));
        QVERIFY2(people->missingRolesLabel()->text().contains(QStringLiteral("网格长")),
                 qPrintable(people->missingRolesLabel()->text()));
        bool reported = false;
        for (int row = 0; row < problems()->problemCount(); ++row)
            reported = reported || problems()->problem(row).kind == Problem::Kind::MissingRole;
        QVERIFY(reported);
        emit people->assignRequested(leader, QStringLiteral("grid_leader"), 0);
        QVERIFY(people->missingRolesLabel()->text().isEmpty());

        // A second 网格长 is refused, saying who holds it; the dialog offers it greyed out.
        const size_t assignments = mWindow->session()->data().assignments.size();
        MemberId other = 0;
        for (const Member& member : mWindow->session()->data().members)
            if (member.id != leader)
                other = member.id;
        emit people->assignRequested(other, QStringLiteral("grid_leader"), 0);
        QCOMPARE(mWindow->session()->data().assignments.size(), assignments);
        QVERIFY(mWindow->messageBar()->currentItem());
        QVERIFY2(mWindow->messageBar()->currentItem()->text().contains(QStringLiteral("网格长")),
                 qPrintable(mWindow->messageBar()->currentItem()->text()));
        QString offered;
        bool leaderSelectable = true;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* role = dialog->findChild<QComboBox*>(QStringLiteral("assignRole"));
            QVERIFY(role);
            offered = role->currentData().toString();
            auto* model = qobject_cast<QStandardItemModel*>(role->model());
            for (int row = 0; model && row < model->rowCount(); ++row)
                if (model->item(row)->data(Qt::UserRole).toString() == QLatin1String("grid_leader"))
                    leaderSelectable = model->item(row)->isEnabled();
            snapshotOf(*dialog, QStringLiteral("assign-dialog"));
            dialog->reject();
        });
        people->assignButton()->click();
        QVERIFY(!offered.isEmpty());
        QVERIFY(offered != QLatin1String("grid_leader"));
        QVERIFY(!leaderSelectable);

        // The roster search narrows the list.
        const QString someone = mWindow->session()->data().members.front().name;
        people->rosterSearch()->setText(someone);
        int shown = 0;
        for (int row = 0; row < people->rosterTable()->rowCount(); ++row)
            shown += !people->rosterTable()->isRowHidden(row);
        QVERIFY(shown >= 1 && shown < people->rosterTable()->rowCount());
        mWindow->findChild<QDockWidget*>(QStringLiteral("peopleDock"))->raise();
        snapshot(QStringLiteral("people"));

        // Removing a person from the roster asks first, saying what undo cannot bring back.
        people->rosterSearch()->clear();
        QTableWidget* roster = people->rosterTable();
        int row = 0;
        while (roster->item(row, 0)->text() != someone)
            ++row;
        roster->setCurrentCell(row, 0);
        QVERIFY(people->removeMemberButton()->isEnabled());
        const MemberId removed = roster->item(row, 0)->data(Qt::UserRole).toLongLong();
        const auto confirm = [this](bool remove, QString* asked) {
            QTimer::singleShot(0, this, [=] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box)
                    return;
                *asked = box->text() + box->informativeText();
                snapshotOf(*box, QStringLiteral("remove-member"));
                for (QAbstractButton* button : box->buttons())
                    if ((box->buttonRole(button) == QMessageBox::DestructiveRole) == remove)
                        return button->click();
            });
        };
        const size_t membersBefore = mWindow->session()->data().members.size();
        QString asked;
        confirm(false, &asked); // cancelled: nothing happens
        people->removeMemberButton()->click();
        QVERIFY2(asked.contains(someone) && asked.contains(QStringLiteral("撤销只能恢复为")),
                 qPrintable(asked));
        QCOMPARE(mWindow->session()->data().members.size(), membersBefore);
        confirm(true, &asked);
        people->removeMemberButton()->click();
        QCOMPARE(mWindow->session()->data().members.size(), membersBefore - 1);
        for (const Assignment& assignment : mWindow->session()->data().assignments)
            QVERIFY(assignment.memberId != removed);
        QVERIFY(mWindow->messageBar()->currentItem());
        QVERIFY2(mWindow->messageBar()->currentItem()->text().contains(someone),
                 qPrintable(mWindow->messageBar()->currentItem()->text()));
        const auto& left = mWindow->session()->data().members;
        if (std::none_of(left.begin(), left.end(), [&](const Member& m) { return m.name == someone; }))
            QVERIFY(!testsupport::fileBytes(mWindow->session()->project().path()).contains(someone.toUtf8()));
    }

    void speaksEnglishWhenAsked()
    {
        const QList<QTranslator*> chinese = qApp->findChildren<QTranslator*>(); // ours and Qt's
        for (QTranslator* translator : chinese)
            QCoreApplication::removeTranslator(translator);
        QTranslator* english = Language::install(*qApp, QStringLiteral("en"));
        QVERIFY(english);
        openFreshDemo();
        QCOMPARE(mWindow->action(QStringLiteral("split"))->text(), QStringLiteral("Split"));
        QCOMPARE(mWindow->findChild<QDockWidget*>(QStringLiteral("hierarchyDock"))->windowTitle(),
                 QStringLiteral("Hierarchy"));
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        QVERIFY(edit([&](ProjectFile& p) {
            return ProjectEditor(p).setAttributes(grid.code, {grid.households + 1});
        }));
        QVERIFY2(mWindow->action(QStringLiteral("undo"))->text().startsWith(QStringLiteral("Undo Set")),
                 qPrintable(mWindow->action(QStringLiteral("undo"))->text()));
        snapshot(QStringLiteral("english"));
        mWindow->selectUnit(firstAtLevel(QStringLiteral("community"))->id, true);
        mWindow->action(QStringLiteral("divide"))->trigger();
        snapshot(QStringLiteral("english-division"));
        mWindow->divisionPanel()->setUnit(0);
        {
            testsupport::TileServer tiles(testsupport::TileServer::Look::StreetMap);
            addStreetMapTiles(tiles);
            QCOMPARE(mWindow->findChild<QDockWidget*>(QStringLiteral("layersDock"))->windowTitle(),
                     QStringLiteral("Layers"));
            snapshot(QStringLiteral("english-tiles"));
        }
        // Map labels give households with a short unit ("3901 hh"), so they do not crowd.
        bool labelled = false;
        for (int level = 0; level < mWindow->session()->layers().levelCount(); ++level) {
            const QgsVectorLayer* layer = mWindow->session()->layers().layer(level);
            if (!layer->labelsEnabled() || !layer->labeling())
                continue;
            const QString expression = layer->labeling()->settings().fieldName;
            if (expression.contains(QLatin1String("households")))
                QVERIFY2(expression.contains(QLatin1String("' hh'")) &&
                             !expression.contains(QLatin1String("' households'")),
                         qPrintable(expression));
            labelled = labelled || expression.contains(QLatin1String("' hh'"));
        }
        QVERIFY(labelled);
        NewProjectDialog dialog;
        snapshotOf(dialog, QStringLiteral("new-project-english"));
        PrintDialog print(mWindow->session()->project(), grid.level, grid.id, std::nullopt);
        QCOMPARE(print.wallBox()->text(), QStringLiteral("Wall map: list the units below and their leaders"));
        print.updatePreview();
        print.resize(900, 620);
        snapshotOf(print, QStringLiteral("print-dialog-english"));
        // the data dialogs speak English too (what they write stays Chinese)
        ExportDialog exporting(mWindow->session()->project(), grid.level, grid.id);
        QCOMPARE(exporting.personalBox()->text(), QStringLiteral("Include personal data"));
        snapshotOf(exporting, QStringLiteral("export-dialog-english"));
        ImportDialog importing(*mWindow->session(), ImportDialog::Kind::Households, grid.level);
        QCOMPARE(importing.importButton()->text(), QStringLiteral("Import"));
        importing.resize(720, 520);
        snapshotOf(importing, QStringLiteral("import-dialog-english"));
        ReportDialog reporting(mWindow->session()->project(), ReportDialog::Kind::Changes, grid.id);
        QVERIFY(reporting.stepBox()->count() >= 2); // the project's creation and the edit above
        snapshotOf(reporting, QStringLiteral("report-dialog-english"));
        reporting.kindBox()->setCurrentIndex(int(ReportDialog::Kind::Coverage));
        reporting.formatBox()->setCurrentIndex(reporting.formatBox()->findData(QStringLiteral("csv")));
        snapshotOf(reporting, QStringLiteral("report-dialog-coverage-english"));
        mWindow.reset();
        QCoreApplication::removeTranslator(english);
        delete english;
        gridmodel::LocalizedText::setDisplayLanguage(QStringLiteral("zh"));
        for (QTranslator* translator : chinese)
            QCoreApplication::installTranslator(translator);
    }

    void newProjectRefusesBadInputThenCreates()
    {
        const QString path = mDir.filePath(QStringLiteral("new-district.gpkg"));
        NewProjectDialog dialog;
        dialog.pathEdit()->setText(path);
        dialog.accept(); // no name yet
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
        dialog.nameEdit()->setText(QStringLiteral("金水区"));
        dialog.crsEdit()->setText(QStringLiteral("EPSG:4326")); // degrees: areas would be wrong
        dialog.accept();
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("4326")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(!QFile::exists(path));
        snapshotOf(dialog, QStringLiteral("new-project-refused"));
        dialog.crsEdit()->setText(QStringLiteral("EPSG:4546"));
        dialog.templateBox()->setCurrentIndex(dialog.templateBox()->findData(QStringLiteral("four-level")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.createdPath(), path);

        mWindow = std::make_unique<MainWindow>();
        openAndWait(path);
        QCOMPARE(mWindow->session()->data().name, QStringLiteral("金水区"));
        QCOMPARE(mWindow->session()->data().crsEpsg, 4546);
        QCOMPARE(mWindow->session()->data().hierarchy.levelCount(), 4);
        QCOMPARE(mWindow->hierarchyView()->model()->rowCount(), 0);

        NewProjectDialog again; // the file exists now: refused, not replaced
        again.nameEdit()->setText(QStringLiteral("另一个"));
        again.pathEdit()->setText(path);
        again.accept();
        QVERIFY(again.messageLabel()->text().contains(QStringLiteral("new-district.gpkg")));
    }

    void saveAsCopiesTheProjectWithItsHistory()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        QVERIFY(edit([&](ProjectFile& p) {
            return ProjectEditor(p).setAttributes(grid.code, {grid.households + 9});
        }));
        const QString original = mWindow->session()->path();
        const QString copy = mDir.filePath(QStringLiteral("copy.gpkg"));
        QSignalSpy opened(mWindow.get(), &MainWindow::projectOpened);
        QVERIFY(mWindow->saveProjectAs(copy));
        QVERIFY(opened.wait(20000));
        QCOMPARE(QFileInfo(mWindow->session()->path()).fileName(), QStringLiteral("copy.gpkg"));
        QCOMPARE(index().unit(grid.id)->households, grid.households + 9);
        QVERIFY(mWindow->action(QStringLiteral("undo"))->isEnabled()); // the history came along
        mWindow->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(index().unit(grid.id)->households, grid.households);
        // the original keeps its edit
        const auto untouched = ProjectFile::open(original, ProjectFile::Access::ReadOnly);
        QCOMPARE(HierarchyIndex(untouched->data()).unit(grid.id)->households, grid.households + 9);
    }

    void paintingMovesChildrenAndShowsTallies()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit neighbour = *index().children(grid.parentId).at(1);
        const Unit building = *index().children(neighbour.id).front();
        mWindow->setEditingLevel(building.level);
        mWindow->selectUnit(grid.id, true);
        mWindow->action(QStringLiteral("paint"))->trigger();
        mWindow->action(QStringLiteral("zoomFull"))->trigger();
        const Point inside = GeosEngine().pointOnSurface(building.boundary);
        click(inside.x, inside.y);

        QCOMPARE(index().unit(building.id)->parentId, grid.id);
        QCOMPARE(index().unit(grid.id)->households, grid.households + building.households);
        QCOMPARE(index().unit(neighbour.id)->households, neighbour.households - building.households);
        const QString tallies =
            mWindow->statusBar()->findChild<ElidedLabel*>(QStringLiteral("selectionSummary"))->fullText();
        QVERIFY2(tallies.contains(grid.name) && tallies.contains(neighbour.name), qPrintable(tallies));
        QVERIFY2(tallies.contains(QLocale().toString(grid.households + building.households)),
                 qPrintable(tallies));
        snapshot(QStringLiteral("painted"));
        mWindow->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(index().unit(building.id)->parentId, neighbour.id);
    }

    void aProposedDivisionIsADraftUntilApplied()
    {
        openFreshDemo();
        const Unit community = *firstAtLevel(QStringLiteral("community"));
        const size_t gridsBefore = index().children(community.id).size();
        const qsizetype historyBefore = mWindow->session()->project().history().size();
        mWindow->selectUnit(community.id, true);
        mWindow->action(QStringLiteral("divide"))->trigger();
        DivisionPanel* panel = mWindow->divisionPanel();
        const DivisionProposal& proposal = panel->proposal();
        QVERIFY(!proposal.parts.empty());
        // the draft: one outlined, labelled part per proposed grid, and the table's tallies
        QCOMPARE(panel->draft().parts().size(), proposal.parts.size());
        QVERIFY(panel->draft().isVisible());
        QVERIFY(panel->draft().parts().front().label.contains(
            QString::number(proposal.parts.front().households)));
        auto* table = panel->findChild<QTableWidget*>();
        QCOMPARE(table->rowCount(), static_cast<int>(proposal.parts.size()));
        QCOMPARE(table->item(0, 1)->text(), QString::number(proposal.parts.front().households));
        // nothing has changed yet
        QCOMPARE(mWindow->session()->project().history().size(), historyBefore);
        QCOMPARE(index().children(community.id).size(), gridsBefore);
        snapshot(QStringLiteral("division-draft"));

        // a locked unit stays as it is in another proposal
        const std::vector<UnitId> lockedMembers = proposal.parts.front().members;
        panel->setLocked(0, true);
        QVERIFY(panel->proposeAnother());
        QVERIFY(std::any_of(panel->proposal().parts.begin(), panel->proposal().parts.end(),
                            [&](const DivisionProposal::Part& part) {
                                return part.locked && part.members == lockedMembers;
                            }));

        // painting a building group of one proposed grid into another moves it and recounts both
        int from = -1, to = -1;
        for (size_t p = 0; p < panel->proposal().parts.size() && (from < 0 || to < 0); ++p)
            if (!panel->proposal().parts[p].locked) {
                if (from < 0 && panel->proposal().parts[p].members.size() > 1)
                    from = static_cast<int>(p);
                else if (to < 0)
                    to = static_cast<int>(p);
            }
        QVERIFY(from >= 0 && to >= 0);
        const UnitId painted = panel->proposal().parts[static_cast<size_t>(from)].members.back();
        const qint64 toBefore = panel->proposal().parts[static_cast<size_t>(to)].households;
        panel->choosePart(to);
        QVERIFY(panel->paintAt(GeosEngine().pointOnSurface(index().unit(painted)->boundary)));
        const std::vector<UnitId>& nowIn = panel->proposal().parts[static_cast<size_t>(to)].members;
        QVERIFY(std::find(nowIn.begin(), nowIn.end(), painted) != nowIn.end());
        QCOMPARE(panel->proposal().parts[static_cast<size_t>(to)].households,
                 toBefore + index().unit(painted)->households);
        QCOMPARE(table->item(to, 1)->text(), QString::number(toBefore + index().unit(painted)->households));

        const size_t proposedParts = panel->proposal().parts.size();
        for (QPushButton* button : panel->findChildren<QPushButton*>())
            if (button->text() == QStringLiteral("应用方案"))
                button->click();
        QCOMPARE(mWindow->session()->project().history().size(), historyBefore + 1);
        QCOMPARE(index().children(community.id).size(), proposedParts);
        QVERIFY(panel->proposal().parts.empty()); // the draft is gone with the edit
        QVERIFY(!panel->draft().isVisible());
        mWindow->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(index().children(community.id).size(), gridsBefore);
    }

    void aBrushStrokePaintsEveryUnitItCrossesAsOneStep()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit neighbour = *index().children(grid.parentId).at(1);
        const std::vector<const Unit*> buildings = index().children(neighbour.id);
        QVERIFY(buildings.size() >= 3);
        const Unit first = *buildings.at(0), second = *buildings.at(1),
                   own = *index().children(grid.id).front();
        mWindow->setEditingLevel(first.level);
        mWindow->selectUnit(grid.id, true);
        mWindow->action(QStringLiteral("paint"))->trigger();
        mWindow->action(QStringLiteral("zoomFull"))->trigger();
        QWidget* viewport = mWindow->canvas()->viewport();
        const auto dragTo = [&](const Point& point) {
            QMouseEvent move(QEvent::MouseMove, pixel(point.x, point.y), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
        };
        const GeosEngine geos;
        const Point a = geos.pointOnSurface(first.boundary), b = geos.pointOnSurface(second.boundary),
                    mine = geos.pointOnSurface(own.boundary);

        // Esc abandons a stroke: nothing changes.
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pixel(a.x, a.y));
        QTest::keyClick(mWindow->canvas(), Qt::Key_Escape);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pixel(a.x, a.y));
        QCOMPARE(index().unit(first.id)->parentId, neighbour.id);
        QVERIFY(!mWindow->action(QStringLiteral("undo"))->isEnabled());

        // Over two of the neighbour's buildings and one of its own: the two are painted in.
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pixel(a.x, a.y));
        dragTo(mine);
        dragTo(b);
        const QString pending =
            mWindow->statusBar()->findChild<ElidedLabel*>(QStringLiteral("selectionSummary"))->fullText();
        QVERIFY2(pending.contains(QStringLiteral("2 个")) &&
                     pending.contains(QString::number(first.households + second.households)),
                 qPrintable(pending));
        QCOMPARE(index().unit(first.id)->parentId, neighbour.id); // not before the stroke ends
        snapshot(QStringLiteral("paint-stroke"));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pixel(b.x, b.y));
        for (const Unit& painted : {first, second})
            QCOMPARE(index().unit(painted.id)->parentId, grid.id);
        QCOMPARE(index().unit(own.id)->parentId, grid.id);
        QCOMPARE(index().unit(grid.id)->households, grid.households + first.households + second.households);
        const QString tallies =
            mWindow->statusBar()->findChild<ElidedLabel*>(QStringLiteral("selectionSummary"))->fullText();
        QVERIFY2(tallies.contains(grid.name) && tallies.contains(neighbour.name), qPrintable(tallies));

        // One step: one undo gives both back.
        mWindow->action(QStringLiteral("undo"))->trigger();
        for (const Unit& painted : {first, second})
            QCOMPARE(index().unit(painted.id)->parentId, neighbour.id);
        QCOMPARE(index().unit(grid.id)->households, grid.households);
    }

    void printsResponsibilityMapsWithAPreview()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit community = *index().unit(grid.parentId);
        QVERIFY(mWindow->action(QStringLiteral("print"))->isEnabled());
        // the pages list the window's findings, not a whole check run again for the print
        problems(); // the window's check has ended
        const auto findings = mWindow->problems()->currentFindings(mWindow->session()->project());
        QVERIFY(findings);
        QCOMPARE(findings->size(), Checker(mWindow->session()->data()).check().size());
        PrintDialog dialog(mWindow->session()->project(), grid.level, grid.id, findings, mWindow.get());
        // within the selected grid's community by default: its grids, in code order
        QCOMPARE(dialog.withinBox()->currentData().toString(), community.code);
        const std::vector<UnitId> pages = dialog.units();
        QCOMPARE(pages.size(), index().children(community.id).size());
        QCOMPARE(pages.front(), grid.id);
        dialog.updatePreview();
        QVERIFY(!dialog.previewLabel()->pixmap().isNull());
        dialog.resize(900, 620);
        snapshotOf(dialog, QStringLiteral("print-dialog"));

        const QString pdf = mDir.filePath(QStringLiteral("from-the-window.pdf"));
        dialog.pathEdit()->setText(pdf);
        QVERIFY2(dialog.print(), qPrintable(dialog.messageLabel()->text()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "),
                 int(pages.size()));

        // A level without units inside the choice: nothing to print, said so.
        dialog.levelBox()->setCurrentIndex(0);
        dialog.withinBox()->setCurrentIndex(0);
        QVERIFY(!dialog.units().empty()); // the streets of the whole district
        dialog.pathEdit()->clear();
        QVERIFY(!dialog.print());
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
    }

    void exportDialogWritesBoundariesAndTheRoster()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit community = *index().unit(grid.parentId);
        QVERIFY(mWindow->action(QStringLiteral("export"))->isEnabled());
        ExportDialog dialog(mWindow->session()->project(), grid.level, grid.id, mWindow.get());
        QCOMPARE(dialog.withinBox()->code(), community.code); // the grids of the selected grid's community
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("shp")));
        QVERIFY(dialog.pathEdit()->text().endsWith(QStringLiteral(".shp")));
        const QString shapefile = mDir.filePath(QStringLiteral("grids-of-one-community.shp"));
        dialog.pathEdit()->setText(shapefile);
        snapshotOf(dialog, QStringLiteral("export-dialog"));
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.messageLabel()->text()));
        const VectorSource written = VectorSource::read(shapefile, mWindow->session()->data().crsEpsg);
        QCOMPARE(written.features.size(), index().children(community.id).size());
        QVERIFY(!written.fields.contains(QStringLiteral("notes"))); // personal: not asked for

        dialog.contentBox()->setCurrentIndex(1); // the roster, without names and phones
        QVERIFY(!dialog.levelBox()->isEnabled());
        QCOMPARE(dialog.formatBox()->currentData().toString(), QStringLiteral("xlsx"));
        const QString roster = mDir.filePath(QStringLiteral("roster.xlsx"));
        dialog.pathEdit()->setText(roster);
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.messageLabel()->text()));
        const TableSource table = TableSource::read(roster);
        QCOMPARE(table.rows.size(), mWindow->session()->data().assignments.size());
        QVERIFY(!table.header.contains(QStringLiteral("姓名")));
        QVERIFY(!table.header.contains(QStringLiteral("电话")));

        dialog.pathEdit()->setText(mDir.filePath(QStringLiteral("no/such/folder/roster.xlsx")));
        QVERIFY(!dialog.exportNow());
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
    }

    void importDialogPreviewsAndImportsAllOrNothing()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit* building = index().children(grid.id).front();
        const qint64 gridBefore = grid.households;
        const auto write = [&](const QString& name, const QString& text) {
            const QString path = mDir.filePath(name);
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(text.toUtf8());
            return path;
        };
        const QString bad =
            write(QStringLiteral("households-bad.csv"),
                  QStringLiteral("单元编码,户数\n%1,77\n%2,多\n").arg(building->code, grid.code));
        const int buildingLevel = building->level;
        ImportDialog dialog(*mWindow->session(), ImportDialog::Kind::Households, buildingLevel,
                            mWindow.get());
        dialog.sourceEdit()->setText(bad);
        dialog.readSource();
        QCOMPARE(dialog.fieldBox(QStringLiteral("code"))->currentText(), QStringLiteral("单元编码"));
        QCOMPARE(dialog.fieldBox(QStringLiteral("households"))->currentText(), QStringLiteral("户数"));
        QVERIFY(dialog.fieldBox(QStringLiteral("name"))->isHidden()); // not asked of counts
        const QString refused = dialog.previewText()->toPlainText();
        QVERIFY2(refused.contains(QStringLiteral("第 3 行")), qPrintable(refused));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(!dialog.importNow());
        QCOMPARE(index().unitByCode(building->code)->households, building->households);
        dialog.resize(720, 560);
        snapshotOf(dialog, QStringLiteral("import-dialog-refused"));

        const qint64 buildingBefore = building->households;
        const QString code = building->code;
        dialog.sourceEdit()->setText(
            write(QStringLiteral("households.csv"), QStringLiteral("单元编码,户数\n%1,77\n").arg(code)));
        dialog.readSource();
        QVERIFY2(dialog.importButton()->isEnabled(), qPrintable(dialog.previewText()->toPlainText()));
        QVERIFY(dialog.previewText()->toPlainText().contains(QStringLiteral("将要")));
        snapshotOf(dialog, QStringLiteral("import-dialog"));
        QVERIFY(dialog.importNow());
        QCOMPARE(index().unitByCode(code)->households, 77);
        QCOMPARE(index().unitByCode(grid.code)->households, gridBefore - buildingBefore + 77);
        QVERIFY(mWindow->action(QStringLiteral("undo"))->isEnabled()); // one step of undo
        mWindow->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(index().unitByCode(code)->households, buildingBefore);

        // boundaries from a GeoPackage of two layers: the layer can be chosen
        dialog.kindBox()->setCurrentIndex(int(ImportDialog::Kind::Boundaries));
        const QString layers = mDir.filePath(QStringLiteral("two-layers.gpkg"));
        BoundaryExport::write(mWindow->session()->data(), index(), grid.level, grid.parentId,
                              BoundaryExport::Format::GeoPackage, layers);
        {
            GDALDatasetH dataset = GDALOpenEx(layers.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                              nullptr, nullptr, nullptr);
            QVERIFY(dataset);
            GDALDatasetCopyLayer(dataset, GDALDatasetGetLayerByName(dataset, "grid"), "planned", nullptr);
            GDALClose(dataset);
        }
        dialog.sourceEdit()->setText(layers);
        dialog.layerBox()->clear();
        dialog.readSource();
        QVERIFY(dialog.layerBox()->isVisibleTo(&dialog));
        QCOMPARE(dialog.layerBox()->count(), 2);
        QCOMPARE(dialog.fieldBox(QStringLiteral("code"))->currentText(), QStringLiteral("code"));
        dialog.layerBox()->setCurrentIndex(dialog.layerBox()->findText(QStringLiteral("planned")));
        dialog.readSource();
        QVERIFY2(dialog.previewText()->toPlainText().contains(QStringLiteral("planned")),
                 qPrintable(dialog.previewText()->toPlainText()));
        // the grids are there already: their codes are refused, nothing can be imported
        QVERIFY(!dialog.importButton()->isEnabled());
        snapshotOf(dialog, QStringLiteral("import-dialog-boundaries"));

        // a file GDAL cannot read is said so
        dialog.sourceEdit()->setText(write(QStringLiteral("broken.geojson"), QStringLiteral("{not json")));
        dialog.readSource();
        QVERIFY(dialog.previewText()->toPlainText().contains(QStringLiteral("broken.geojson")));
        QVERIFY(!dialog.importButton()->isEnabled());
    }

    void reportDialogWritesTheCoverageAndTheChangeReport()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Envelope box = grid.boundary.envelope();
        QVERIFY(edit([&](ProjectFile& project) {
            return HierarchyEditor(project)
                .split(grid.code, {{box.minX - 10, box.center().y}, {box.maxX + 10, box.center().y}})
                .changes;
        }));
        QVERIFY(mWindow->action(QStringLiteral("changeReport"))->isEnabled());
        ReportDialog dialog(mWindow->session()->project(), ReportDialog::Kind::Changes, grid.id,
                            mWindow.get());
        QVERIFY(dialog.sinceChoice()->isChecked());
        QVERIFY(!dialog.levelBox()->isEnabled()); // a coverage choice
        const QString html = mDir.filePath(QStringLiteral("changes.html"));
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("html")));
        dialog.pathEdit()->setText(html);
        snapshotOf(dialog, QStringLiteral("report-dialog"));
        QVERIFY2(dialog.write(), qPrintable(dialog.messageLabel()->text()));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString markup = QString::fromUtf8(page.readAll());
        QVERIFY(markup.contains(QStringLiteral("拆分新增"))); // by default: what the latest edit changed
        QVERIFY(markup.contains(QStringLiteral("拆自 %1").arg(grid.code)));

        // against another file: a missing one is named, nothing written
        dialog.otherFileChoice()->setChecked(true);
        dialog.otherFileEdit()->setText(mDir.filePath(QStringLiteral("no-such-project.gpkg")));
        const QString refused = mDir.filePath(QStringLiteral("refused.xlsx"));
        dialog.pathEdit()->setText(refused);
        QVERIFY(!dialog.write());
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("no-such-project.gpkg")));
        QVERIFY(!QFile::exists(refused));

        dialog.kindBox()->setCurrentIndex(int(ReportDialog::Kind::Coverage));
        QVERIFY(dialog.levelBox()->isEnabled());
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("pdf")));
        const QString pdf = mDir.filePath(QStringLiteral("coverage.pdf"));
        dialog.pathEdit()->setText(pdf);
        QVERIFY2(dialog.write(), qPrintable(dialog.messageLabel()->text()));
        QFile coverage(pdf);
        QVERIFY(coverage.open(QIODevice::ReadOnly));
        QVERIFY(coverage.read(4) == "%PDF");

        // a CSV holds one table, chosen: here every unit, people counted unless names are asked for
        QVERIFY(!dialog.tableBox()->isEnabled());
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("csv")));
        QVERIFY(dialog.tableBox()->isEnabled());
        QVERIFY(dialog.personalBox()->isEnabled());
        dialog.tableBox()->setCurrentIndex(
            dialog.tableBox()->findData(static_cast<int>(CoverageReport::Table::Units)));
        const QString csv = mDir.filePath(QStringLiteral("units.csv"));
        dialog.pathEdit()->setText(csv);
        QVERIFY2(dialog.write(), qPrintable(dialog.messageLabel()->text()));
        QFile units(csv);
        QVERIFY(units.open(QIODevice::ReadOnly));
        const QString table = QString::fromUtf8(units.readAll());
        QVERIFY(table.contains(QStringLiteral("层级,编码,名称,上级编码")));
        QCOMPARE(table.count(QLatin1Char('\n')), int(mWindow->session()->project().data().units.size()) + 1);
        const QString someone = mWindow->session()->project().data().members.front().name;
        QVERIFY(!table.contains(someone));
    }

    void longWorkShowsProgressAndCanBeCancelled()
    {
        showWindow();
        std::atomic<bool> release{false};
        bool shown = false;
        QTimer::singleShot(800, mWindow.get(), [&] {
            for (QProgressDialog* progress : mWindow->findChildren<QProgressDialog*>()) {
                shown = shown || progress->isVisible();
                progress->cancel();
            }
            release = true;
        });
        const std::optional<int> cancelled =
            dialogparts::runWithProgress<int>(mWindow.get(), QStringLiteral("正在等待…"), [&] {
                while (!release)
                    QThread::msleep(5);
                return 42;
            });
        QVERIFY(shown);      // long work shows its progress
        QVERIFY(!cancelled); // and its result is dropped when cancelled
        QCOMPARE(dialogparts::runWithProgress<int>(mWindow.get(), QStringLiteral("…"), [] { return 7; }), 7);
        const auto failing = []() -> int { throw Error(Error::Kind::Io, QStringLiteral("disk")); };
        QVERIFY_EXCEPTION_THROWN(
            dialogparts::runWithProgress<int>(mWindow.get(), QStringLiteral("…"), failing), Error);
    }

    void draggingInTheTreeMovesAUnit()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit otherCommunity = *index().children(index().unit(grid.parentId)->parentId).at(1);
        auto* filter = qobject_cast<QSortFilterProxyModel*>(mWindow->hierarchyView()->model());
        auto* model = qobject_cast<HierarchyTreeModel*>(filter->sourceModel());
        std::unique_ptr<QMimeData> dragged(model->mimeData({model->indexOf(grid.id)}));
        // a grid cannot go into a grid, nor into its own community
        QVERIFY(!model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, 0, model->indexOf(grid.id)));
        QVERIFY(!model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, 0, model->indexOf(grid.parentId)));
        QVERIFY(
            model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, 0, model->indexOf(otherCommunity.id)));
        model->dropMimeData(dragged.get(), Qt::MoveAction, -1, 0, model->indexOf(otherCommunity.id));
        QCOMPARE(index().unit(grid.id)->parentId, otherCommunity.id);
        QVERIFY(index().unit(grid.id)->code.startsWith(otherCommunity.code));
        QVERIFY(model->indexOf(grid.id).parent() == model->indexOf(otherCommunity.id));
    }

    void levelsCanBeHidden()
    {
        openFreshDemo();
        QCOMPARE(mWindow->canvas()->layers().size(), 5);
        QAction* zones = mWindow->findChild<QAction*>(QStringLiteral("showLevel_zone"));
        QVERIFY(zones && zones->isChecked());
        zones->setChecked(false);
        QCOMPARE(mWindow->canvas()->layers().size(), 4);
        QVERIFY(!mWindow->canvas()->layers().contains(mWindow->session()->layers().layer(4)));
        zones->setChecked(true);
        QCOMPARE(mWindow->canvas()->layers().size(), 5);
    }

    void drawingAUnitClipsItAndFillsTheGap()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit building = *index().children(grid.id).front();
        const size_t buildings = index().children(grid.id).size();
        // Make a gap: delete one building group (with its zones).
        QVERIFY(edit([&](ProjectFile& p) { return ProjectEditor(p).deleteUnit(building.code, true); }));
        QCOMPARE(index().children(grid.id).size(), buildings - 1);
        bool listsTheGap = false;
        for (int row = 0; row < problems()->problemCount(); ++row)
            listsTheGap =
                listsTheGap || (problems()->problem(row).kind == Problem::Kind::Gap &&
                                qAbs(problems()->problem(row).areaM2 - building.boundary.area()) < 1);
        QVERIFY(listsTheGap);
        // found by checking again only what the edit touched, not the whole district
        const CheckResults::Reach reach = problems()->checkResults().lastReach();
        QVERIFY(!reach.whole);
        QVERIFY2(reach.units < 40 && reach.families < 10,
                 qPrintable(QStringLiteral("%1 units, %2 families").arg(reach.units).arg(reach.families)));

        // Draw over the whole grid and beyond at the building level: only the gap is taken.
        mWindow->setEditingLevel(grid.level + 1);
        mWindow->selectUnit(grid.id, true);
        mWindow->action(QStringLiteral("draw"))->trigger();
        // While drawing, the preview shows what the unit would take: only the gap.
        const Envelope box = grown(grid.boundary.envelope(), 20);
        click(box.minX, box.minY);
        click(box.maxX, box.minY);
        click(box.maxX, box.maxY);
        QTest::mouseMove(mWindow->canvas()->viewport(), pixel(box.minX, box.maxY));
        QVERIFY2(qAbs(mWindow->previewArea() - building.boundary.area()) < 1,
                 qPrintable(QStringLiteral("preview %1").arg(mWindow->previewArea())));
        snapshot(QStringLiteral("drawing-preview"));
        QTest::keyClick(mWindow->canvas(), Qt::Key_Escape);
        QCOMPARE(mWindow->previewArea(), 0.0);
        drawBox(box);
        QCOMPARE(index().children(grid.id).size(), buildings);
        const Unit* added = nullptr;
        for (const Unit* child : index().children(grid.id))
            if (child->name.startsWith(QStringLiteral("新")))
                added = child;
        QVERIFY(added);
        QVERIFY2(
            qAbs(added->boundary.area() - building.boundary.area()) < 1,
            qPrintable(QStringLiteral("%1 vs %2").arg(added->boundary.area()).arg(building.boundary.area())));
        QVERIFY(qAbs(childrenArea(grid.id) - grid.boundary.area()) < 1);
        QCOMPARE(mWindow->selection(), std::vector<UnitId>{added->id}); // the new unit is selected
        for (int row = 0; row < problems()->problemCount(); ++row)
            QVERIFY(problems()->problem(row).kind != Problem::Kind::Gap);
        QVERIFY(!problems()->checkResults().lastReach().whole);

        // Name it in the properties panel.
        mWindow->propertiesPanel()->nameEdit()->setText(QStringLiteral("7号楼"));
        QVERIFY(mWindow->propertiesPanel()->applyButton()->isEnabled());
        mWindow->propertiesPanel()->applyButton()->click();
        QCOMPARE(index().unit(added->id)->name, QStringLiteral("7号楼"));
        mWindow->propertiesPanel()->nameEdit()->setText(QString());
        QVERIFY(!mWindow->propertiesPanel()->applyButton()->isEnabled()); // a unit needs a name
        snapshot(QStringLiteral("name-missing"));
    }

    //! an "orthophoto" over the demo district: a checkerboard of fields, in EPSG:4547
    static bool writeImagery(const QString& file)
    {
        return testsupport::writeGeoTiff(file, 449800, 3841750, 2.0, 1100, 900, [](int band, int x, int y) {
            const bool field = ((x / 60) + (y / 60)) % 2;
            return static_cast<unsigned char>(band == 2   ? (field ? 150 : 120)
                                              : band == 1 ? (field ? 110 : 140)
                                                          : (field ? 70 : 95));
        });
    }

    void referenceLayersAreDrawnUnderTheUnitsAndKeptWithTheProject()
    {
        openFreshDemo();
        const QString project = mWindow->session()->path();
        const QString imagery = QFileInfo(project).absoluteDir().filePath(QStringLiteral("ortho.tif"));
        QVERIFY(writeImagery(imagery));
        LayersPanel* panel = mWindow->layersPanel();
        QVERIFY(panel->addFiles({imagery}));
        QCOMPARE(panel->list()->topLevelItemCount(), 1);
        QgsMapLayer* shown = mWindow->session()->references().layer(QStringLiteral("ortho"));
        QVERIFY(shown);
        QVERIFY(mWindow->canvas()->layers().contains(shown));
        QCOMPARE(mWindow->canvas()->layers().back(), shown); // under every level
        mWindow->findChild<QDockWidget*>(QStringLiteral("layersDock"))->raise();
        snapshot(QStringLiteral("reference-imagery"));
        {
            testsupport::TileServer tiles(testsupport::TileServer::Look::StreetMap);
            addStreetMapTiles(tiles);
            QCOMPARE(panel->list()->topLevelItemCount(), 2);
            snapshot(QStringLiteral("reference-tiles"));
            QVERIFY(panel->list()->topLevelItem(0)->text(0).contains(QStringLiteral("127.0.0.1")));
            panel->list()->setCurrentItem(panel->list()->topLevelItem(0));
            panel->removeButton()->click();
            QCOMPARE(panel->list()->topLevelItemCount(), 1);
        }

        // hidden by its tick, kept with the project
        panel->list()->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        QVERIFY(!mWindow->canvas()->layers().contains(mWindow->session()->references().layer("ortho")));
        panel->list()->topLevelItem(0)->setCheckState(0, Qt::Checked);
        openAndWait(project);
        QCOMPARE(mWindow->session()->data().referenceLayers.size(), size_t(1));
        QCOMPARE(mWindow->session()->data().referenceLayers.front().source, QStringLiteral("ortho.tif"));
        QVERIFY(mWindow->canvas()->layers().contains(mWindow->session()->references().layer("ortho")));

        // the file moved: named on opening, the rest opens, and it is relinked
        const QString moved = QFileInfo(project).absoluteDir().filePath(QStringLiteral("ortho-moved.tif"));
        QVERIFY(QFile::rename(imagery, moved));
        openAndWait(project);
        QVERIFY(mWindow->messageBar()->currentItem());
        QVERIFY2(mWindow->messageBar()->currentItem()->text().contains(QStringLiteral("ortho.tif")),
                 qPrintable(mWindow->messageBar()->currentItem()->text()));
        QCOMPARE(panel->list()->topLevelItem(0)->text(1), QStringLiteral("无法显示"));
        QVERIFY(mWindow->session()->data().units.size() > 100); // the rest opened
        snapshot(QStringLiteral("reference-missing"));
        QVERIFY(panel->relink(0, moved));
        QVERIFY(mWindow->canvas()->layers().contains(mWindow->session()->references().layer("ortho")));
        QCOMPARE(mWindow->session()->data().referenceLayers.front().source,
                 QStringLiteral("ortho-moved.tif"));

        // the print dialog offers it, ticked as it is shown, and the preview has it under the units
        const Unit community = *firstAtLevel(QStringLiteral("community"));
        PrintDialog dialog(mWindow->session()->project(), community.level, community.id, std::nullopt,
                           mWindow.get());
        QCOMPARE(dialog.referencesList()->count(), 1);
        QCOMPARE(dialog.referencesList()->item(0)->checkState(), Qt::Checked);
        dialog.updatePreview();
        QVERIFY(!dialog.previewLabel()->pixmap(Qt::ReturnByValue).isNull());
        snapshotOf(dialog, QStringLiteral("print-dialog-references"));
    }

    void tracingFollowsARoadAndClicksSnapToItsVertices()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Envelope box = grid.boundary.envelope();
        const Point centre = box.center();
        // a road in an L through the grid: from the west, a bend inside it, out to the north
        const auto mm = [](double v) { return std::round(v * 1000) / 1000; }; // as the file holds them
        const Point west{mm(box.minX - 40), mm(centre.y)}, bend{mm(centre.x), mm(centre.y)},
            north{mm(centre.x), mm(box.maxY + 40)};
        const QString roads = QFileInfo(mWindow->session()->path()).absoluteDir().filePath("roads.geojson");
        QFile file(roads);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                           "{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":[{\"type\":\"Feature\","
                           "\"properties\":{\"name\":\"建设路\"},\"geometry\":{\"type\":\"LineString\","
                           "\"coordinates\":[[%1,%2],[%3,%4],[%5,%6]]}}]}")
                .arg(west.x, 0, 'f', 3)
                .arg(west.y, 0, 'f', 3)
                .arg(bend.x, 0, 'f', 3)
                .arg(bend.y, 0, 'f', 3)
                .arg(north.x, 0, 'f', 3)
                .arg(north.y, 0, 'f', 3)
                .toUtf8());
        file.close();
        mWindow->layersPanel()->embedBox()->setChecked(true); // kept in the project file itself
        QVERIFY(mWindow->layersPanel()->addFiles({roads}));
        mWindow->layersPanel()->embedBox()->setChecked(false);
        QVERIFY(mWindow->session()->data().referenceLayers.front().embedded);
        QVERIFY(QFile::remove(roads)); // the source is no longer needed
        QgsSnappingConfig snapping = mWindow->canvas()->snappingUtils()->config();
        snapping.setEnabled(true);
        mWindow->canvas()->snappingUtils()->setConfig(snapping);
        mWindow->selectUnit(grid.id, false);
        mWindow->action(QStringLiteral("split"))->trigger();
        mWindow->action(QStringLiteral("trace"))->setChecked(true);

        std::vector<std::vector<Point>> captured;
        const QMetaObject::Connection keep =
            connect(mWindow->tools()->splitTool(), &mapcore::CaptureTool::captured, this,
                    [&](const std::vector<Point>& points) { captured.push_back(points); });
        const double pixelSize = mWindow->canvas()->mapUnitsPerPixel();
        // QGIS indexes a new layer for snapping in the background: a first move starts it
        QTest::mouseMove(mWindow->canvas()->viewport(), pixel(west.x, west.y));
        QTRY_VERIFY(
            mWindow->canvas()->snappingUtils()->snapToMap(pixel(west.x + 2 * pixelSize, west.y)).isValid());
        click(west.x + 2 * pixelSize, west.y + 1.5 * pixelSize); // near the road's end: snapped onto it
        click(north.x - pixelSize, north.y + pixelSize);
        click(north.x, north.y, Qt::RightButton);
        QCOMPARE(captured.size(), 1);
        const std::vector<Point> points = captured.front();
        QCOMPARE(points.size(), size_t(3)); // the bend between the two clicks, followed
        for (size_t i = 0; i < 3; ++i) {
            const Point expected = std::vector<Point>{west, bend, north}[i];
            QVERIFY2(std::abs(points[i].x - expected.x) < 1e-6 && std::abs(points[i].y - expected.y) < 1e-6,
                     qPrintable(QStringLiteral("point %1: %2 %3")
                                    .arg(i)
                                    .arg(points[i].x, 0, 'f', 4)
                                    .arg(points[i].y, 0, 'f', 4)));
        }

        // without tracing, the two clicks make a straight line
        mWindow->action(QStringLiteral("trace"))->setChecked(false);
        mWindow->action(QStringLiteral("split"))->trigger();
        mWindow->selectUnit(grid.id, false);
        click(west.x, west.y);
        click(north.x, north.y);
        click(north.x, north.y, Qt::RightButton);
        QVERIFY(captured.size() >= 2);
        QCOMPARE(captured.back().size(), size_t(2));

        // the road's snapping turned off in the layers panel: a click near its end stays where it is
        QCOMPARE(mWindow->layersPanel()->list()->topLevelItemCount(), 1);
        QVERIFY(mWindow->layersPanel()->snappingBox()->isChecked());
        mWindow->layersPanel()->snappingBox()->setChecked(false);
        QVERIFY(!mWindow->session()->data().referenceLayers.front().snapping);
        mWindow->action(QStringLiteral("split"))->trigger();
        mWindow->selectUnit(grid.id, false);
        click(west.x + 2 * pixelSize, west.y + 1.5 * pixelSize);
        click(north.x, north.y);
        click(north.x, north.y, Qt::RightButton);
        const Point unsnapped = captured.back().front();
        QVERIFY2(std::abs(unsnapped.x - west.x) > pixelSize,
                 qPrintable(QString::number(unsnapped.x - west.x)));

        // the tolerance the user sets (设置 › 吸附容差): 12 px reaches the road's end 6 px away, 3 px not
        mWindow->layersPanel()->snappingBox()->setChecked(true);
        const auto splitFrom = [&](double tolerance) {
            mWindow->tools()->setSnapTolerance(tolerance);
            mWindow->action(QStringLiteral("split"))->trigger();
            mWindow->selectUnit(grid.id, false);
            QTest::mouseMove(mWindow->canvas()->viewport(), pixel(west.x - 6 * pixelSize, west.y));
            click(west.x - 6 * pixelSize, west.y);
            click(north.x, north.y);
            click(north.x, north.y, Qt::RightButton);
            return captured.back().front();
        };
        QVERIFY(mWindow->tools()->snapTolerance() == SettingsMenu::snapTolerancePx());
        const Point farSnapped = splitFrom(12);
        QVERIFY2(std::abs(farSnapped.x - west.x) < 1e-6 && std::abs(farSnapped.y - west.y) < 1e-6,
                 qPrintable(QString::number(farSnapped.x - west.x)));
        const Point nearOnly = splitFrom(3);
        QVERIFY2(std::abs(nearOnly.x - west.x) > 4 * pixelSize,
                 qPrintable(QString::number(nearOnly.x - west.x)));
        disconnect(keep);
    }

    void anExternalCodeIsTypedInThePropertiesPanel()
    {
        openFreshDemo();
        const Unit first = *firstAtLevel(QStringLiteral("grid"));
        const Unit second = *index().children(first.parentId).back();
        UnitPropertiesPanel* properties = mWindow->propertiesPanel();
        mWindow->selectUnit(first.id, false);
        properties->externalCodeEdit()->setText(QStringLiteral("410105001001001"));
        QVERIFY(properties->applyButton()->isEnabled());
        properties->applyButton()->click();
        QCOMPARE(index().unit(first.id)->externalCode, QStringLiteral("410105001001001"));
        QCOMPARE(properties->externalCodeEdit()->text(), QStringLiteral("410105001001001"));
        snapshot(QStringLiteral("external-code"));

        // the same code for its sibling is refused, naming the unit that has it
        mWindow->selectUnit(second.id, false);
        QVERIFY(properties->externalCodeEdit()->text().isEmpty());
        properties->externalCodeEdit()->setText(QStringLiteral("410105001001001"));
        properties->applyButton()->click();
        QVERIFY(index().unit(second.id)->externalCode.isEmpty());
        QVERIFY(mWindow->messageBar()->currentItem());
        QVERIFY2(mWindow->messageBar()->currentItem()->text().contains(first.code),
                 qPrintable(mWindow->messageBar()->currentItem()->text()));
        properties->discardChanges();
    }

    void reshapeMovesTheSharedEdgeAndUndoRestores()
    {
        openFreshDemo();
        // A Party-member zone (the leaf level, redrawn exactly as drawn) and its siblings.
        const Unit zone = *firstAtLevel(QStringLiteral("zone"));
        const Unit building = *index().unit(zone.parentId);
        std::map<UnitId, double> before;
        for (const Unit* child : index().children(building.id))
            before[child->id] = child->boundary.area();

        mWindow->setEditingLevel(zone.level);
        mWindow->selectUnit(zone.id, true);
        mWindow->action(QStringLiteral("reshape"))->trigger();
        drawBox(grown(zone.boundary.envelope(), 4));

        const double grownArea = index().unit(zone.id)->boundary.area();
        QVERIFY(grownArea > before[zone.id] + 10);
        double lostByNeighbours = 0;
        for (const Unit* child : index().children(building.id))
            if (child->id != zone.id)
                lostByNeighbours += before[child->id] - child->boundary.area();
        // a gain for one is a loss for the others, and the building is still covered
        QVERIFY(qAbs(lostByNeighbours - (grownArea - before[zone.id])) < 0.01);
        QVERIFY(qAbs(childrenArea(building.id) - building.boundary.area()) < 0.01);
        QVERIFY(mWindow->action(QStringLiteral("undo"))->text().contains(zone.code));
        // the step is named in the UI's language: "撤销 重绘党员责任区 …"
        QVERIFY2(mWindow->action(QStringLiteral("undo"))->text().startsWith(QStringLiteral("撤销 重绘")),
                 qPrintable(mWindow->action(QStringLiteral("undo"))->text()));
        snapshot(QStringLiteral("zone-reshaped"));

        mWindow->action(QStringLiteral("undo"))->trigger();
        for (const Unit* child : index().children(building.id))
            QVERIFY(qAbs(child->boundary.area() - before[child->id]) < 1e-6);
        QVERIFY(mWindow->action(QStringLiteral("redo"))->isEnabled());
    }

    void draggingACornerMovesItForTheNeighboursToo()
    {
        openFreshDemo();
        // A corner inside a building where three Party-member zones meet.
        const Unit* zone = nullptr;
        Point corner;
        for (const Unit& candidate : mWindow->session()->data().units) {
            if (candidate.level != firstAtLevel(QStringLiteral("zone"))->level)
                continue;
            for (const Point& point : candidate.boundary.polygons.front().rings.front()) {
                int siblingsSharing = 0;
                for (const Unit* sibling : index().children(candidate.parentId))
                    if (sibling->id != candidate.id &&
                        OutlineVertices(sibling->boundary).vertexNear(point, 1e-6))
                        ++siblingsSharing;
                if (siblingsSharing >= 2) {
                    zone = &candidate;
                    corner = point;
                    break;
                }
            }
            if (zone)
                break;
        }
        QVERIFY(zone);
        const Unit building = *index().unit(zone->parentId);
        const UnitId zoneId = zone->id;
        const double areaBefore = zone->boundary.area();

        mWindow->setEditingLevel(zone->level);
        mWindow->selectUnit(zoneId, true);
        mWindow->action(QStringLiteral("vertex"))->trigger();
        QCOMPARE(mWindow->canvas()->mapTool(), static_cast<QgsMapTool*>(mWindow->tools()->vertexTool()));
        QCOMPARE(mWindow->tools()->vertexTool()->outline(), zone->boundary);

        // Dragged a quarter of the way toward the zone's middle: the zone gives up area,
        // a neighbour takes it and has the corner where it was dropped.
        const Point middle = zone->boundary.envelope().center();
        const Point target{corner.x + (middle.x - corner.x) / 4, corner.y + (middle.y - corner.y) / 4};
        QWidget* viewport = mWindow->canvas()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pixel(corner.x, corner.y));
        QMouseEvent drag(QEvent::MouseMove, pixel(target.x, target.y), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier); // QTest::mouseMove only moves the cursor
        QApplication::sendEvent(viewport, &drag);
        QCOMPARE(mWindow->session()->project().index().unit(zoneId)->boundary.area(), areaBefore); // not yet
        snapshot(QStringLiteral("vertex-dragging"));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pixel(target.x, target.y));
        const Unit* after = index().unit(zoneId);
        QVERIFY2(after->boundary.area() < areaBefore - 1,
                 qPrintable(QString::number(after->boundary.area())));
        const double tolerance = 2 * mWindow->canvas()->mapUnitsPerPixel(); // the drop is to the pixel
        const auto moved = OutlineVertices(after->boundary).vertexNear(target, tolerance);
        QVERIFY(moved);
        const Point dropped = OutlineVertices(after->boundary).at(*moved);
        bool neighbourHasIt = false;
        for (const Unit* sibling : index().children(building.id))
            neighbourHasIt = neighbourHasIt || (sibling->id != zoneId &&
                                                OutlineVertices(sibling->boundary).vertexNear(dropped, 1e-6));
        QVERIFY(neighbourHasIt);
        QVERIFY(qAbs(childrenArea(building.id) - building.boundary.area()) < 0.01);
        QCOMPARE(mWindow->tools()->vertexTool()->outline(), after->boundary); // the tool follows the edit
        snapshot(QStringLiteral("vertex-moved"));

        // A click chooses the corner, Delete removes it (not the unit), undo puts it back.
        const double movedArea = after->boundary.area();
        click(dropped.x, dropped.y);
        mWindow->action(QStringLiteral("delete"))->trigger(); // the Delete shortcut
        QVERIFY(index().unit(zoneId));
        QVERIFY(!OutlineVertices(index().unit(zoneId)->boundary).vertexNear(dropped, 1e-6));
        QVERIFY(qAbs(index().unit(zoneId)->boundary.area() - movedArea) > 0.01);
        QVERIFY(qAbs(childrenArea(building.id) - building.boundary.area()) < 0.01);
        mWindow->action(QStringLiteral("undo"))->trigger();
        QVERIFY(OutlineVertices(index().unit(zoneId)->boundary).vertexNear(dropped, 1e-6));
        mWindow->action(QStringLiteral("undo"))->trigger();
        QVERIFY(qAbs(index().unit(zoneId)->boundary.area() - areaBefore) < 1e-6);
    }

    void draggingACornerOnAParentsEdgeMovesEveryLevelSharingIt()
    {
        openFreshDemo();
        const QStringList faultsBefore = coverageFaults();
        // A corner of a Party-member zone that lies on its building's edge, and one of a grid
        // that is also a corner of its buildings (it used to snap back).
        for (const QString& levelKey : {QStringLiteral("zone"), QStringLiteral("grid")}) {
            const auto [found, corner] = cornerOnParentEdge(levelKey);
            QVERIFY(found);
            const Unit unit = *found;
            const Unit parent = *index().unit(unit.parentId);
            mWindow->setEditingLevel(unit.level);
            mWindow->selectUnit(unit.id, true);
            mWindow->action(QStringLiteral("vertex"))->trigger();
            const Point middle = unit.boundary.envelope().center();
            const Point target{corner.x + (middle.x - corner.x) / 4, corner.y + (middle.y - corner.y) / 4};
            const size_t historyBefore = mWindow->session()->project().history().size();
            dragCorner(corner, target);
            const Unit* after = index().unit(unit.id);
            QVERIFY2(after->boundary.area() < unit.boundary.area() - 1,
                     qPrintable(levelKey + QStringLiteral(" kept its area")));
            const double tolerance = 2 * mWindow->canvas()->mapUnitsPerPixel();
            const auto moved = OutlineVertices(after->boundary).vertexNear(target, tolerance);
            QVERIFY(moved);
            // The parent's edge moved with it, and no gap or overlap opened anywhere.
            const Point dropped = OutlineVertices(after->boundary).at(*moved);
            QVERIFY(OutlineVertices(index().unit(parent.id)->boundary).vertexNear(dropped, 1e-6));
            QVERIFY(qAbs(index().unit(parent.id)->boundary.area() - parent.boundary.area()) > 1);
            QVERIFY(qAbs(childrenArea(parent.id) - index().unit(parent.id)->boundary.area()) < 0.01);
            QCOMPARE(coverageFaults(), faultsBefore);
            QCOMPARE(mWindow->session()->project().history().size(), historyBefore + 1);
            snapshot(QStringLiteral("vertex-parent-edge-") + levelKey);
        }
        // A drop that changes nothing records nothing.
        const size_t historyBefore = mWindow->session()->project().history().size();
        const Unit* grid = index().unit(mWindow->selection().front());
        const Point first = grid->boundary.polygons.front().rings.front().front();
        dragCorner(first, first);
        QCOMPARE(mWindow->session()->project().history().size(), historyBefore);
    }

    void typedChangesAreNeverDroppedUnasked()
    {
        openFreshDemo();
        const Unit first = *firstAtLevel(QStringLiteral("grid"));
        const Unit second = *index().children(first.parentId).back();
        QVERIFY(first.id != second.id);
        UnitPropertiesPanel* properties = mWindow->propertiesPanel();
        // Typed and another unit chosen: applied, as QGIS's attribute form does.
        mWindow->selectUnit(first.id, false);
        properties->householdsEdit()->setValue(555);
        mWindow->selectUnit(second.id, false);
        QCOMPARE(index().unit(first.id)->households, qint64(555));
        QCOMPARE(properties->unitId(), second.id);
        QVERIFY(!properties->hasUnappliedChanges());

        // Typed, then an edit elsewhere refreshes the panel: the typed value stays.
        properties->householdsEdit()->setValue(777);
        QVERIFY(edit([&](ProjectFile& p) {
            ProjectEditor::Attributes renamed;
            renamed.name = QStringLiteral("改名网格");
            return ProjectEditor(p).setAttributes(first.code, renamed);
        }));
        QCOMPARE(properties->householdsEdit()->value(), 777);
        QVERIFY(properties->hasUnappliedChanges());

        // Closing asks; Cancel keeps the window and the typed value, Apply applies it.
        auto answer = [this](QMessageBox::StandardButton button, bool* asked) {
            QTimer::singleShot(0, this, [=] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                *asked = box != nullptr;
                if (box) {
                    snapshotOf(*box, QStringLiteral("unapplied-changes"));
                    box->button(button)->click();
                }
            });
        };
        bool asked = false;
        answer(QMessageBox::Cancel, &asked);
        QVERIFY(!mWindow->close());
        QVERIFY(asked);
        QVERIFY(mWindow->isVisible());
        QCOMPARE(properties->householdsEdit()->value(), 777);
        answer(QMessageBox::Apply, &asked);
        QVERIFY(mWindow->close());
        QVERIFY(asked);
        QCOMPARE(index().unit(second.id)->households, qint64(777));
    }

    void theTreeKeepsItsPlaceAcrossEdits()
    {
        openFreshDemo();
        QTreeView* tree = mWindow->hierarchyView();
        auto* filter = qobject_cast<QSortFilterProxyModel*>(tree->model());
        QVERIFY(filter);
        auto* model = qobject_cast<HierarchyTreeModel*>(filter->sourceModel());
        auto viewIndex = [&](UnitId id) { return filter->mapFromSource(model->indexOf(id)); };
        // Open a grid (and its ancestors), then make a structural edit elsewhere: a merge of two zones.
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        for (UnitId id = grid.id; id; id = index().unit(id)->parentId)
            tree->expand(viewIndex(id));
        const Unit* lastGrid = nullptr;
        for (const Unit& unit : mWindow->session()->data().units)
            if (unit.level == grid.level)
                lastGrid = &unit;
        const Unit far = *lastGrid;
        QStringList zones;
        for (const Unit* zone : index().children(index().children(far.id).front()->id))
            zones << zone->code;
        QVERIFY(zones.size() >= 3);
        QVERIFY(edit([&](ProjectFile& p) { return HierarchyEditor(p).merge({zones[0], zones[1]}).changes; }));
        for (UnitId id = grid.id; id; id = index().unit(id)->parentId)
            QVERIFY2(tree->isExpanded(viewIndex(id)), qPrintable(index().unit(id)->code));

        // A search keeps filtering after an edit, its matches shown.
        mWindow->searchBox()->setText(far.code);
        const int matches = filter->rowCount();
        QVERIFY(edit([&](ProjectFile& p) { return HierarchyEditor(p).merge({zones[0], zones[2]}).changes; }));
        QCOMPARE(filter->rowCount(), matches);
        QVERIFY(viewIndex(far.id).isValid());
        QVERIFY(tree->isExpanded(filter->parent(viewIndex(far.id))));
        mWindow->searchBox()->clear();

        // A single click on a unit off the screen brings it into view, at the same scale.
        mWindow->selectUnit(grid.id, true);
        const double scale = mWindow->canvas()->scale();
        const Point centre = far.boundary.envelope().center();
        QVERIFY(!mWindow->canvas()->extent().contains(QgsPointXY(centre.x, centre.y)));
        const QModelIndex row = viewIndex(far.id);
        tree->scrollTo(row);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualRect(row).center());
        QCOMPARE(mWindow->selection(), std::vector<UnitId>{far.id});
        QVERIFY(mWindow->canvas()->extent().contains(QgsPointXY(centre.x, centre.y)));
        QVERIFY(qAbs(mWindow->canvas()->scale() - scale) < scale * 1e-6);
    }

    void theProblemsPanelSetsDataNotEnteredApartAndFilters()
    {
        // A district as it is right after importing boundaries: no counts, nobody in any role,
        // and one building missing (a real gap).
        ProjectData imported = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        imported.members.clear();
        imported.assignments.clear();
        for (Unit& unit : imported.units)
            unit.households = unit.residents = 0;
        const int buildingLevel = imported.hierarchy.levelIndex(QStringLiteral("building"));
        const auto building = std::find_if(imported.units.begin(), imported.units.end(),
                                           [&](const Unit& u) { return u.level == buildingLevel; });
        const UnitId removed = building->id;
        imported.units.erase(
            std::remove_if(imported.units.begin(), imported.units.end(),
                           [&](const Unit& u) { return u.id == removed || u.parentId == removed; }),
            imported.units.end());
        const QString file = mDir.filePath(QStringLiteral("imported.gpkg"));
        ProjectFile::create(file, imported);
        showWindow();
        openAndWait(file);
        problems();
        ProblemsPanel* panel = mWindow->problemsPanel();
        // By default only the faults: the gap, not the thousands of "0 households".
        QVERIFY(panel->notYetEnteredCount() > 1000);
        QVERIFY(panel->faultCount() >= 1);
        QCOMPARE(panel->shownCount(), panel->faultCount());
        bool gapShown = false;
        for (int row = 0; row < panel->shownCount(); ++row) {
            QVERIFY(!panel->shownProblem(row).notYetEntered);
            gapShown = gapShown || panel->shownProblem(row).kind == Problem::Kind::Gap;
        }
        QVERIFY(gapShown);
        snapshot(QStringLiteral("problems-imported-faults"));

        // The planner accepts the gap with a note: it leaves the faults, is kept in the file,
        // and comes back when asked for.
        const int faults = panel->faultCount();
        int gapRow = 0;
        while (panel->shownProblem(gapRow).kind != Problem::Kind::Gap)
            ++gapRow;
        mWindow->problemsView()->selectRow(gapRow);
        QVERIFY(panel->acceptButton()->isEnabled());
        QTimer::singleShot(0, this, [] {
            auto* input = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(input);
            input->setTextValue(QStringLiteral("拆除后的空地，暂不划分"));
            input->accept();
        });
        panel->acceptButton()->click();
        problems();
        QCOMPARE(panel->faultCount(), faults - 1);
        QCOMPARE(mWindow->session()->data().acceptedProblems.size(), size_t(1));
        panel->acceptedShown()->setChecked(true);
        bool acceptedShown = false;
        for (int row = 0; row < panel->shownCount(); ++row)
            acceptedShown = acceptedShown || panel->shownProblem(row).acceptedNote.value_or(QString()) ==
                                                 QStringLiteral("拆除后的空地，暂不划分");
        QVERIFY(acceptedShown);
        panel->acceptedShown()->setChecked(false);
        QCOMPARE(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().acceptedProblems.size(),
                 size_t(1));

        // One count entered, outside its band all the way up: faults, until the project says its
        // counts are not entered yet; the saying is kept with the file.
        const auto zoneUnit = std::find_if(imported.units.begin(), imported.units.end(), [&](const Unit& u) {
            return u.level == imported.hierarchy.levelCount() - 1;
        });
        ProjectEditor::Attributes one;
        one.households = 1;
        QVERIFY(edit([&](ProjectFile& p) { return ProjectEditor(p).setAttributes(zoneUnit->code, one); }));
        problems();
        QVERIFY(panel->faultCount() > faults - 1);
        QVERIFY(!panel->countsNotEnteredYetBox()->isChecked());
        panel->countsNotEnteredYetBox()->setChecked(true);
        problems();
        QCOMPARE(panel->faultCount(), faults - 1);
        QVERIFY(ProjectFile::open(file, ProjectFile::Access::ReadOnly)->data().countsNotEnteredYet);
        snapshot(QStringLiteral("problems-counts-not-entered"));

        // The data not entered, filtered by kind, then by level, then by subtree.
        panel->notYetEnteredShown()->setChecked(true);
        QCOMPARE(panel->shownCount(), panel->notYetEnteredCount());
        QComboBox* kinds = panel->kindFilter();
        const int missingRole = kinds->findData(static_cast<int>(Problem::Kind::MissingRole));
        QVERIFY(missingRole > 0);
        QVERIFY2(kinds->itemText(missingRole).contains(QStringLiteral("职务空缺")),
                 qPrintable(kinds->itemText(missingRole)));
        kinds->setCurrentIndex(missingRole);
        emit kinds->activated(missingRole);
        QVERIFY(panel->shownCount() > 0 && panel->shownCount() < panel->notYetEnteredCount());
        for (int row = 0; row < panel->shownCount(); ++row)
            QCOMPARE(panel->shownProblem(row).kind, Problem::Kind::MissingRole);
        const int gridLevel = mWindow->session()->data().hierarchy.levelIndex(QStringLiteral("grid"));
        QComboBox* levels = panel->levelFilter();
        const int grids = levels->findData(gridLevel);
        QVERIFY(grids > 0);
        levels->setCurrentIndex(grids);
        emit levels->activated(grids);
        const int gridProblems = panel->shownCount();
        QVERIFY(gridProblems > 0);
        for (int row = 0; row < gridProblems; ++row)
            QCOMPARE(panel->shownProblem(row).level, gridLevel);
        const Unit community = *firstAtLevel(QStringLiteral("community"));
        mWindow->selectUnit(community.id, false);
        panel->withinSelection()->setChecked(true);
        QVERIFY(panel->shownCount() > 0 && panel->shownCount() < gridProblems);
        for (int row = 0; row < panel->shownCount(); ++row)
            QVERIFY(index().isWithin(*index().unit(panel->shownProblem(row).units.front()), community.id));
        snapshot(QStringLiteral("problems-imported-filtered"));
    }

    void theStatusBarSaysWhatEachToolExpects()
    {
        openFreshDemo();
        auto* hint = mWindow->findChild<ElidedLabel*>(QStringLiteral("toolHint"));
        QVERIFY(hint);
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        mWindow->selectUnit(grid.id, true);
        const Envelope box = grid.boundary.envelope();
        const Point middle = box.center();
        auto hover = [&](const Point& at) {
            QMouseEvent move(QEvent::MouseMove, pixel(at.x, at.y), Qt::NoButton, Qt::NoButton,
                             Qt::NoModifier);
            QApplication::sendEvent(mWindow->canvas()->viewport(), &move);
        };

        // Drawing: the first corner, then the next, and the outline follows the mouse.
        mWindow->setEditingLevel(grid.level + 1);
        mWindow->action(QStringLiteral("draw"))->trigger();
        QVERIFY2(hint->fullText().contains(QStringLiteral("第一个节点")), qPrintable(hint->fullText()));
        click(middle.x, middle.y);
        QVERIFY2(hint->fullText().contains(QStringLiteral("下一个节点")), qPrintable(hint->fullText()));
        click(middle.x + box.width() / 5, middle.y);
        click(middle.x + box.width() / 5, middle.y + box.height() / 5);
        hover({middle.x, middle.y + box.height() / 4});
        QVERIFY2(hint->fullText().contains(QStringLiteral("右键")), qPrintable(hint->fullText()));
        QCOMPARE(mWindow->tools()->drawTool()->points().size(), size_t(3));
        const QgsRubberBand* band = mWindow->tools()->drawTool()->band();
        QVERIFY(band && band->isVisible()); // the outline is shown while it is drawn
        QCOMPARE(band->numberOfVertices(), 4);
        snapshot(QStringLiteral("draw-mid"));
        QTest::keyClick(mWindow->canvas(), Qt::Key_Escape);
        QVERIFY(mWindow->tools()->drawTool()->points().empty());

        // Splitting names the unit and asks for a line across it.
        mWindow->setEditingLevel(grid.level);
        mWindow->selectUnit(grid.id, false);
        mWindow->action(QStringLiteral("split"))->trigger();
        QVERIFY2(hint->fullText().contains(grid.name), qPrintable(hint->fullText()));
        click(box.minX - box.width() / 10, middle.y);
        hover({box.maxX + box.width() / 10, middle.y + 1});
        QVERIFY2(hint->fullText().contains(QStringLiteral("下一个节点")), qPrintable(hint->fullText()));
        QVERIFY(mWindow->tools()->splitTool()->band() && mWindow->tools()->splitTool()->band()->isVisible());
        snapshot(QStringLiteral("split-mid"));
        QTest::keyClick(mWindow->canvas(), Qt::Key_Escape);

        // The vertex tool says what a drag does; without a selection it asks for one.
        mWindow->action(QStringLiteral("vertex"))->trigger();
        QVERIFY2(hint->fullText().contains(QStringLiteral("Delete")), qPrintable(hint->fullText()));
        mWindow->action(QStringLiteral("select"))->trigger();
        click(box.maxX + 10 * box.width(), box.maxY + 10 * box.height()); // nothing there
        mWindow->action(QStringLiteral("vertex"))->trigger();
        QVERIFY2(hint->fullText().contains(QStringLiteral("先选中")), qPrintable(hint->fullText()));

        // A very long name is shortened where it is shown, not widening the panels.
        const int panelWidth = mWindow->peoplePanel()->width();
        const QString longName = QString(QStringLiteral("很长的名字")).repeated(40);
        QVERIFY(edit([&](ProjectFile& p) {
            ProjectEditor::Attributes renamed;
            renamed.name = longName;
            return ProjectEditor(p).setAttributes(grid.code, renamed);
        }));
        mWindow->action(QStringLiteral("select"))->trigger();
        mWindow->selectUnit(grid.id, false);
        QTest::qWait(20);
        QCOMPARE(mWindow->peoplePanel()->width(), panelWidth);
        auto* title = mWindow->peoplePanel()->findChild<ElidedLabel*>();
        QVERIFY(title);
        QVERIFY(title->fullText().contains(longName));
        QVERIFY(title->toolTip().contains(longName));
        QVERIFY(title->text().size() < title->fullText().size());
        snapshot(QStringLiteral("long-name"));
    }

    void theProblemsPanelZoomsToAGap()
    {
        openFreshDemo();
        const Unit grid = *firstAtLevel(QStringLiteral("grid"));
        const Unit building = *index().children(grid.id).back();
        QVERIFY(edit([&](ProjectFile& p) { return ProjectEditor(p).deleteUnit(building.code, true); }));
        mWindow->action(QStringLiteral("zoomFull"))->trigger();
        const QgsRectangle full = mWindow->canvas()->extent();
        ProblemsPanel* panel = mWindow->problemsPanel();
        problems();
        int gapRow = -1;
        for (int row = 0; row < panel->shownCount(); ++row)
            if (panel->shownProblem(row).kind == Problem::Kind::Gap)
                gapRow = row;
        QVERIFY(gapRow >= 0);
        QTableView* view = mWindow->problemsView();
        view->setCurrentIndex(view->model()->index(gapRow, 0));
        QTest::keyClick(view, Qt::Key_Return);
        const Point where = panel->shownProblem(gapRow).location;
        const QgsRectangle extent = mWindow->canvas()->extent();
        QVERIFY(extent.contains(QgsPointXY(where.x, where.y)));
        QVERIFY(extent.width() < full.width() / 3);
        QCOMPARE(mWindow->selection(), std::vector<UnitId>{grid.id}); // the parent with the gap
        snapshot(QStringLiteral("gap-located"));
    }
};

int main(int argc, char* argv[])
{
    QgsApplication application(argc, argv, true, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    Language::install(application, QStringLiteral("zh_CN"));
    int result = 0;
    {
        TestMainWindow test;
        result = QTest::qExec(&test, argc, argv);
    }
    mapcore::QgisRuntime::stop();
    return result;
}

#include "test_mainwindow.moc"
