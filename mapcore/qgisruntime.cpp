#include "qgisruntime.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <qgsapplication.h>
#include <qgsproviderregistry.h>

namespace mapcore::QgisRuntime {

QString profileFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString folder = QDir(base).filePath(QStringLiteral("GridAtlas/qgis-profile"));
    QDir().mkpath(folder);
    return folder;
}

void start()
{
    QCoreApplication::setOrganizationName(QStringLiteral("GridAtlas"));
    QCoreApplication::setApplicationName(QStringLiteral("GridAtlas"));
    // Without the prefix only the providers built into core load (no spatialite, no postgres).
    const QByteArray prefix = qgetenv("QGIS_PREFIX_PATH");
    QgsApplication::setPrefixPath(prefix.isEmpty() ? QStringLiteral("/usr") : QString::fromLocal8Bit(prefix),
                                  true);
    QgsApplication::initQgis();
}

void stop()
{
    QgsApplication::exitQgis();
}

} // namespace mapcore::QgisRuntime
