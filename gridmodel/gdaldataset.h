#pragma once

#include <QString>
#include <QStringList>
#include <memory>

namespace gridmodel {

/**
 * Opening and creating GDAL datasets the way every reader and writer here does: drivers
 * registered, GDAL's own complaints kept off the console, the dataset closed with its owner.
 */
namespace GdalDataset {

struct Closer
{
    void operator()(void* dataset) const;
};
using Owned = std::unique_ptr<void, Closer>;

//! opens `path` to read vectors with GDAL open options ("KEY=VALUE"); null when GDAL cannot (see lastError())
Owned openForReading(const QString& path, const QStringList& openOptions = QStringList());

/**
 * A new dataset at `path` with the named GDAL driver; throws Error(Io) naming the path and
 * GDAL's reason when the driver is missing or cannot create it.
 */
Owned create(const char* driver, const QString& path);

//! GDAL's last error message
QString lastError();

} // namespace GdalDataset

} // namespace gridmodel
