#include "qgisruntime.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <qgsapplication.h>
#include <qgsproviderregistry.h>
#include <unistd.h>

namespace mapcore::QgisRuntime {

QString profileFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString folder = QDir(base).filePath(QStringLiteral("GridAtlas/qgis-profile"));
    if (!base.isEmpty() && QDir().mkpath(folder) && QFileInfo(folder).isWritable())
        return folder;
    // a user without a home directory (a service account, nobody): a profile of their own in the temp folder
    const QString temporary =
        QDir::temp().filePath(QStringLiteral("gridatlas-qgis-profile-%1").arg(QString::number(getuid())));
    QDir().mkpath(temporary);
    return temporary;
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
