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

/** What a dataset holds, read as another program would read it. */
struct Contents
{
    bool readable = false; //!< false when GDAL cannot open it or fails while reading
    int layers = 0;        //!< layers (the sheets of a spreadsheet)
    qint64 features = 0;   //!< features of every layer
};

//! reads the dataset at `path` through; writers check with it that what they wrote is all there
Contents readBack(const QString& path);

/**
 * A file in GDAL's memory (/vsimem/), for a driver that must not meet a disk refusing its
 * writes (GDAL 3.6's DXF writer crashes then); removed, with what the driver made beside it,
 * when its owner goes.
 */
class MemoryFile
{
public:
    //! a fresh name ending in `suffix` (".dxf")
    explicit MemoryFile(const QString& suffix);
    ~MemoryFile();
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    const QString& path() const { return mPath; }
    //! what was written there
    QByteArray bytes() const;

private:
    QString mPath;
};

/**
 * Keeps GDAL's errors off the console while it lives, and remembers the first failure, for
 * writers whose drivers report a failed write only so (GDAL 3.6's GDALClose returns nothing).
 */
class ErrorTrap
{
public:
    ErrorTrap();
    ~ErrorTrap();
    ErrorTrap(const ErrorTrap&) = delete;
    ErrorTrap& operator=(const ErrorTrap&) = delete;

    bool failed() const { return !mFailure.isEmpty(); }
    //! GDAL's words for the first failure; empty when none
    const QString& failure() const { return mFailure; }

private:
    static void handle(int errorClass, int number, const char* message);
    QString mFailure;
};

} // namespace GdalDataset

} // namespace gridmodel
