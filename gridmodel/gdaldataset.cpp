#include "gdaldataset.h"

#include "error.h"
#include "translation.h"

#include <QFile>
#include <cpl_string.h>
#include <gdal.h>

namespace gridmodel::GdalDataset {

void Closer::operator()(void* dataset) const
{
    GDALClose(dataset);
}

Owned openForReading(const QString& path, const QStringList& openOptions)
{
    GDALAllRegister();
    char** options = nullptr;
    for (const QString& option : openOptions)
        options = CSLAddString(options, option.toUtf8().constData());
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    Owned dataset(GDALOpenEx(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                             options, nullptr));
    CPLPopErrorHandler();
    CSLDestroy(options);
    return dataset;
}

Owned create(const char* driverName, const QString& path)
{
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName(driverName);
    if (!driver)
        throw Error(Error::Kind::Io, Tr::tr("GDAL has no %1 driver").arg(QLatin1String(driverName)));
    Owned dataset(GDALCreate(driver, QFile::encodeName(path).constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        throw Error(Error::Kind::Io, Tr::tr("Cannot write %1: %2").arg(path, lastError()));
    return dataset;
}

QString lastError()
{
    return QString::fromUtf8(CPLGetLastErrorMsg());
}

} // namespace gridmodel::GdalDataset
