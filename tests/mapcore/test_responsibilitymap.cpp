#include "check/checker.h"
#include "districtgenerator.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "qgisruntime.h"
#include "rendercheck.h"
#include "responsibilitymaplayout.h"
#include "responsibilitymapprinter.h"

#include <QTemporaryDir>
#include <QtTest>
#include <qgsapplication.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>

using namespace gridmodel;

/** Responsibility map pages: how they look, and templates of one's own. */
class TestResponsibilityMap : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString mDemo;

    std::unique_ptr<ProjectFile> open() const
    {
        return ProjectFile::open(mDemo, ProjectFile::Access::ReadOnly);
    }

    static mapcore::ResponsibilityMapPrinter::Options options()
    {
        mapcore::ResponsibilityMapPrinter::Options options;
        options.date = QDate(2026, 11, 22); // the control image's day
        return options;
    }

    static UnitId firstGrid(const ProjectFile& project)
    {
        const int level = project.data().hierarchy.levelIndex(QStringLiteral("grid"));
        return ResponsibilitySheet::unitsToPrint(project.data(), project.index(), level, QString()).front();
    }

private slots:
    void initTestCase()
    {
        mDemo = mDir.filePath(QStringLiteral("demo.gpkg"));
        ProjectFile::create(mDemo, DistrictGenerator::generate(DistrictGenerator::demoOptions()));
    }

    void aGridPageLooksAsItShould()
    {
        const auto project = open();
        mapcore::ResponsibilityMapPrinter printer(*project, options());
        const QImage page = printer.renderPage(firstGrid(*project), 60);
        // A4 portrait at 60 dpi
        QCOMPARE(page.size(), QSize(496, 701));
        const QString out = QStringLiteral(GRIDATLAS_BINARY_DIR "/test-output");
        QDir().mkpath(out);
        page.save(out + QStringLiteral("/grid-page.png"));
        // Against the control image (replace it, after looking, when a change is meant).
        const QImage control(QStringLiteral(GRIDATLAS_SOURCE_DIR "/tests/mapcore/data/grid-page.png"));
        QVERIFY2(!control.isNull(), "the control image is missing");
        const double share = testsupport::differingShare(page, control);
        QVERIFY2(share < 0.005, qPrintable(QStringLiteral("%1% of the pixels differ from the control image")
                                               .arg(100 * share, 0, 'f', 2)));
    }

    void theCountsFitAndTheNorthArrowShowsItsN()
    {
        const auto project = open();
        const UnitId grid = firstGrid(*project);
        for (const auto orientation : {mapcore::ResponsibilityMapPrinter::Orientation::Portrait,
                                       mapcore::ResponsibilityMapPrinter::Orientation::Landscape}) {
            auto chosen = options();
            chosen.orientation = orientation;
            mapcore::ResponsibilityMapPrinter printer(*project, chosen);
            QgsPrintLayout& layout = printer.layoutOf(grid).layout();
            auto* counts = qobject_cast<QgsLayoutItemLabel*>(layout.itemById(QStringLiteral("counts")));
            QVERIFY(counts);
            QCOMPARE(counts->text().count(QLatin1Char('\n')), 4); // five lines: the landscape page cut two
            QVERIFY2(counts->sizeForText().height() <= counts->rect().height() + 0.01,
                     qPrintable(QStringLiteral("the counts need %1 mm, have %2 mm")
                                    .arg(counts->sizeForText().height())
                                    .arg(counts->rect().height())));
            auto* north = qobject_cast<QgsLayoutItemPicture*>(layout.itemById(QStringLiteral("north")));
            QVERIFY(north);
            QVERIFY2(north->svgFillColor().lightness() < 100, "the N of the north arrow is drawn in white");
        }
    }

    void thePageListsTheFindingsItIsGiven()
    {
        // the window hands over what its problems panel holds; the printer does not check again
        const auto project = open();
        const UnitId grid = firstGrid(*project);
        Problem given{Problem::Kind::Gap, project->index().unit(grid)->level + 1, {grid}};
        given.detail = QStringLiteral("窗口里查出的缺口");
        const std::vector<Problem> findings{given};
        mapcore::ResponsibilityMapPrinter printer(*project, options(), &findings);
        QCOMPARE(printer.problems().size(), size_t(1));
        auto* problems = qobject_cast<QgsLayoutItemLabel*>(
            printer.layoutOf(grid).layout().itemById(QStringLiteral("problems")));
        QVERIFY(problems);
        QVERIFY2(problems->text().contains(given.detail), qPrintable(problems->text()));
    }

    void aPageLooksTheSameAfterOtherPages()
    {
        // pages of one level share their legend; a page of another level restyles the layers
        const auto project = open();
        const int gridLevel = project->data().hierarchy.levelIndex(QStringLiteral("grid"));
        const std::vector<UnitId> grids =
            ResponsibilitySheet::unitsToPrint(project->data(), project->index(), gridLevel, QString());
        QVERIFY(grids.size() >= 2);
        const UnitId community = project->index().unit(grids[1])->parentId;
        mapcore::ResponsibilityMapPrinter alone(*project, options());
        const QImage expected = alone.renderPage(grids[1], 40, 2, 2);
        mapcore::ResponsibilityMapPrinter printer(*project, options());
        printer.renderPage(grids[0], 40, 1, 2);
        printer.renderPage(community, 40, 1, 2);
        const QImage second = printer.renderPage(grids[1], 40, 2, 2);
        const double share = testsupport::differingShare(second, expected);
        QVERIFY2(share < 0.002,
                 qPrintable(QStringLiteral("%1% of the pixels differ from the page printed alone")
                                .arg(100 * share, 0, 'f', 2)));
        // and the legend names what the map draws
        QgsPrintLayout& layout = printer.layoutOf(community).layout();
        auto* legend = qobject_cast<QgsLayoutItemLegend*>(layout.itemById(QStringLiteral("legend")));
        auto* map = qobject_cast<QgsLayoutItemMap*>(layout.itemById(QStringLiteral("map")));
        QVERIFY(legend && map);
        QList<QgsMapLayer*> shown;
        for (QgsLayerTreeLayer* node : legend->model()->rootGroup()->findLayers())
            shown << node->layer();
        QCOMPARE(shown, map->layers());
    }

    void onePrinterFollowsChangedChoices()
    {
        const auto project = open();
        mapcore::ResponsibilityMapPrinter printer(*project, options());
        const UnitId grid = firstGrid(*project);
        QCOMPARE(printer.renderPage(grid, 30).size(), QSize(248, 350)); // A4 portrait at 30 dpi
        auto a3 = options();
        a3.paper = QStringLiteral("A3");
        a3.orientation = mapcore::ResponsibilityMapPrinter::Orientation::Landscape;
        printer.setOptions(a3);
        QCOMPARE(printer.renderPage(grid, 30).size(), QSize(496, 350)); // A3 landscape
        a3.paper = QStringLiteral("B5");
        try {
            printer.setOptions(a3);
            QFAIL("an unknown paper was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
        }
        QCOMPARE(printer.renderPage(grid, 30).size(), QSize(496, 350)); // still as before
    }

    void printsThroughATemplateOfOnesOwn()
    {
        const auto project = open();
        const UnitId grid = firstGrid(*project);
        // The default page saved as a template, its title made larger (as one would in QGIS).
        const QString qpt = mDir.filePath(QStringLiteral("mine.qpt"));
        {
            mapcore::ResponsibilityMapPrinter printer(*project, options());
            QgsPrintLayout& layout = printer.layoutOf(grid).layout();
            auto* title = qobject_cast<QgsLayoutItemLabel*>(layout.itemById(QStringLiteral("title")));
            QVERIFY(title);
            QFont font = title->font();
            font.setPointSizeF(30);
            title->setFont(font);
            QVERIFY(layout.saveAsTemplate(qpt, QgsReadWriteContext()));
        }
        auto withTemplate = options();
        withTemplate.templatePath = qpt;
        mapcore::ResponsibilityMapPrinter printer(*project, withTemplate);
        auto* title = qobject_cast<QgsLayoutItemLabel*>(
            printer.layoutOf(grid).layout().itemById(QStringLiteral("title")));
        QVERIFY(title);
        QCOMPARE(title->font().pointSizeF(), 30.0);
        QVERIFY2(title->text().endsWith(QStringLiteral("责任图")), qPrintable(title->text()));
        const QString pdf = mDir.filePath(QStringLiteral("mine.pdf"));
        printer.writePdf({grid}, pdf);
        QVERIFY(QFileInfo(pdf).size() > 1000);

        // A template without a map item is refused, naming what is missing.
        const QString noMap = mDir.filePath(QStringLiteral("nomap.qpt"));
        {
            QgsProject scratch;
            QgsPrintLayout layout(&scratch);
            layout.initializeDefaults();
            auto* label = new QgsLayoutItemLabel(&layout);
            label->setId(QStringLiteral("title"));
            layout.addLayoutItem(label);
            QVERIFY(layout.saveAsTemplate(noMap, QgsReadWriteContext()));
        }
        auto broken = options();
        broken.templatePath = noMap;
        try {
            mapcore::ResponsibilityMapPrinter refused(*project, broken);
            QFAIL("a template without a map was accepted");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
            QVERIFY2(error.message().contains(QStringLiteral("\"map\"")) &&
                         error.message().contains(QStringLiteral("nomap.qpt")),
                     qPrintable(error.message()));
        }
    }

    void cancellingLeavesNoFile()
    {
        const auto project = open();
        mapcore::ResponsibilityMapPrinter printer(*project, options());
        const int level = project->data().hierarchy.levelIndex(QStringLiteral("grid"));
        const auto grids =
            ResponsibilitySheet::unitsToPrint(project->data(), project->index(), level, QString());
        const QString pdf = mDir.filePath(QStringLiteral("cancelled.pdf"));
        try {
            printer.writePdf(grids, pdf, [](int done, int) { return done < 2; });
            QFAIL("printing went on after it was cancelled");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Cancelled);
        }
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(!QFile::exists(pdf + QStringLiteral(".partial")));
    }
};

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QgsApplication application(argc, argv, false, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    int result = 0;
    {
        TestResponsibilityMap test;
        result = QTest::qExec(&test, argc, argv);
    }
    mapcore::QgisRuntime::stop();
    return result;
}

#include "test_responsibilitymap.moc"
