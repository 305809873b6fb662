#include "error.h"
#include "language.h"
#include "mainwindow.h"
#include "mapimage.h"
#include "qgisruntime.h"

#include <QCommandLineParser>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <qgsapplication.h>
#include <qgsmapcanvas.h>

int main(int argc, char* argv[])
{
    std::signal(SIGXFSZ, SIG_IGN); // a file over the size limit is a write that fails, said as such
    QgsApplication application(argc, argv, true, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("GridAtlas — 网格化管理地图"));
    parser.addHelpOption();
    const QCommandLineOption snapshot(
        QStringLiteral("snapshot"),
        QStringLiteral("Write a screenshot of the window once the map has drawn, then exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption width(QStringLiteral("width"), QStringLiteral("Window width for --snapshot."),
                                   QStringLiteral("W"), QStringLiteral("1280"));
    const QCommandLineOption height(QStringLiteral("height"), QStringLiteral("Window height for --snapshot."),
                                    QStringLiteral("H"), QStringLiteral("860"));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("zh_CN or en (default: the settings, else the system's)."),
        QStringLiteral("LANG"));
    parser.addOptions({snapshot, width, height, language});
    parser.addPositionalArgument(QStringLiteral("PROJECT.gpkg"), QStringLiteral("The project to open."));
    parser.process(application);
    Language::install(application, parser.value(language));

    int result = 0;
    {
        MainWindow window;
        window.resize(parser.value(width).toInt(), parser.value(height).toInt());
        window.show();
        const QStringList projects = parser.positionalArguments();
        const bool opened = projects.isEmpty() || window.openProject(projects.first());
        if (parser.isSet(snapshot)) {
            if (!opened) {
                std::fprintf(stderr, "gridatlas: cannot open %s\n", qPrintable(projects.first()));
                result = 2;
            } else {
                const QString out = parser.value(snapshot);
                const auto takeSnapshot = [&window, out, &result] {
                    QObject::connect(
                        window.canvas(), &QgsMapCanvas::mapCanvasRefreshed, &window, [&window, out, &result] {
                            try {
                                mapcore::writeImage(window.grab().toImage(), out);
                            } catch (const gridmodel::Error& error) {
                                std::fprintf(stderr, "gridatlas: %s\n", qPrintable(error.message()));
                                result = 2;
                            }
                            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
                        });
                    window.canvas()->refresh();
                };
                // Once the project is read, the map draws again and the picture is taken.
                QObject::connect(&window, &MainWindow::projectOpened, &window,
                                 [takeSnapshot, &result](bool ok) {
                                     if (ok)
                                         return takeSnapshot();
                                     result = 2;
                                     QTimer::singleShot(0, qApp, &QCoreApplication::quit);
                                 });
                if (projects.isEmpty())
                    takeSnapshot();
                result = application.exec() || result;
            }
        } else {
            result = application.exec();
        }
    }
    mapcore::QgisRuntime::stop();
    return result;
}
