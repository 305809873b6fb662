#include "qgismodule.h"

#include "error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

namespace gridatlas::cli {

namespace {

const QgisModule* loaded = nullptr;

} // namespace

const QgisModule& qgisModule()
{
    if (loaded)
        return *loaded;
#ifndef GRIDATLAS_WITH_PRINT
    throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                           QStringLiteral("this gridatlas-cli was built without QGIS and cannot print"));
#else
    // before the application exists, which the module makes: the program's folder from the system
    const QString here = QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
    QString reasons;
    for (const QString& folder : {here, here + QStringLiteral("/../lib/gridatlas")}) {
        QLibrary library(QDir(folder).filePath(QStringLiteral(GRIDATLAS_QGIS_MODULE)));
        if (!library.load()) {
            reasons += QStringLiteral("\n  ") + library.errorString();
            continue;
        }
        using Entry = const QgisModule* (*)();
        if (const auto entry = reinterpret_cast<Entry>(library.resolve("gridatlasCliQgisModule"))) {
            loaded = entry();
            return *loaded;
        }
        reasons += QStringLiteral("\n  ") + library.errorString();
    }
    throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                           QStringLiteral("the printing module %1 of gridatlas-cli does not load:%2")
                               .arg(QStringLiteral(GRIDATLAS_QGIS_MODULE), reasons));
#endif
}

const QgisModule* loadedQgisModule()
{
    return loaded;
}

void keepStockQgisProjectCurrent(const gridmodel::ProjectFile& project)
{
    // without QGIS there is nothing to write it with; the window writes it when it next edits
    if (loaded)
        loaded->keepStockQgisProjectCurrent(project);
}

} // namespace gridatlas::cli
