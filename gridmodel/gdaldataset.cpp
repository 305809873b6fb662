#include "gdaldataset.h"

#include "error.h"
#include "translation.h"

#include <QFile>
#include <QUuid>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>

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

Contents readBack(const QString& path)
{
    ErrorTrap trap;
    Owned dataset = openForReading(path);
    Contents contents;
    if (!dataset)
        return contents;
    contents.layers = GDALDatasetGetLayerCount(dataset.get());
    for (int i = 0; i < contents.layers; ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), i);
        OGR_L_ResetReading(layer);
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            OGR_F_Destroy(feature);
            ++contents.features;
        }
    }
    contents.readable = !trap.failed();
    return contents;
}

MemoryFile::MemoryFile(const QString& suffix)
    : mPath(QStringLiteral("/vsimem/gridatlas-%1%2")
                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), suffix))
{
}

MemoryFile::~MemoryFile()
{
    const QByteArray folder = QFile::encodeName(mPath).left(QFile::encodeName(mPath).lastIndexOf('/'));
    const QByteArray name = QFile::encodeName(mPath).mid(folder.size() + 1);
    char** entries = VSIReadDir(folder.constData());
    for (char** entry = entries; entry && *entry; ++entry)
        if (QByteArray(*entry).startsWith(name))
            VSIUnlink((folder + '/' + QByteArray(*entry)).constData());
    CSLDestroy(entries);
}

QByteArray MemoryFile::bytes() const
{
    vsi_l_offset length = 0;
    const GByte* data = VSIGetMemFileBuffer(QFile::encodeName(mPath).constData(), &length, FALSE);
    return data ? QByteArray(reinterpret_cast<const char*>(data), static_cast<int>(length)) : QByteArray();
}

ErrorTrap::ErrorTrap()
{
    CPLErrorReset();
    CPLPushErrorHandlerEx(
        [](CPLErr errorClass, CPLErrorNum number, const char* message) {
            ErrorTrap::handle(static_cast<int>(errorClass), number, message);
        },
        this);
}

ErrorTrap::~ErrorTrap()
{
    CPLPopErrorHandler();
}

void ErrorTrap::handle(int errorClass, int, const char* message)
{
    auto* trap = static_cast<ErrorTrap*>(CPLGetErrorHandlerUserData());
    if (trap && errorClass >= CE_Failure && trap->mFailure.isEmpty())
        trap->mFailure = QString::fromUtf8(message);
}

} // namespace gridmodel::GdalDataset
