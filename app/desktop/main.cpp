#include "error.h"
#include "language.h"
#include "mainwindow.h"
#include "mapimage.h"
#include "qgisruntime.h"

#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <qgsapplication.h>
#include <qgsmapcanvas.h>

namespace {

//! whether the arguments ask only for --help or --version, which need no display
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    std::signal(SIGXFSZ, SIG_IGN); // a file over the size limit is a write that fails, said as such
    QCoreApplication::setApplicationName(QStringLiteral("gridatlas"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRIDATLAS_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("GridAtlas — 网格化管理地图 (grid management maps)"));
    parser.addHelpOption();
    parser.addVersionOption();
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
    if (asksForHelpOrVersion(argc, argv)) {
        // answered before any window system is asked for: works without a display
        QCoreApplication console(argc, argv);
        parser.process(console);
        return 0;
    }
    QgsApplication application(argc, argv, true, mapcore::QgisRuntime::profileFolder());
    mapcore::QgisRuntime::start();
    application.setWindowIcon(QIcon(QStringLiteral(":/gridatlas/icons/gridatlas.svg")));
    QGuiApplication::setDesktopFileName(
        QStringLiteral("gridatlas")); // the window belongs to gridatlas.desktop
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
