#include "outputfile.h"

#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace gridmodel {

namespace {

//! a disk with less free than this is full for anything we write
constexpr qint64 FullDiskSlack = 1 << 20;

} // namespace

bool syncToDisk(const QString& path)
{
    const int descriptor = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0)
        return false;
    const bool synced = ::fsync(descriptor) == 0;
    return ::close(descriptor) == 0 && synced;
}

QString diskFullReason()
{
    return Tr::tr("the disk is full (磁盘已满)");
}

QString diskFailureReason(const QString& folder, const QString& writtenFile)
{
    struct statvfs disk
    {
    };
    if (::statvfs(QFile::encodeName(folder).constData(), &disk) == 0) {
        const qint64 available = static_cast<qint64>(disk.f_bavail) * static_cast<qint64>(disk.f_frsize);
        if (available < FullDiskSlack || disk.f_favail == 0)
            return diskFullReason();
    }
    struct rlimit limit
    {
    };
    if (!writtenFile.isEmpty() && ::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const qint64 size = QFileInfo(writtenFile).size();
        if (size + FullDiskSlack / 16 >= static_cast<qint64>(limit.rlim_cur))
            return Tr::tr("the file reached the size limit of this process (%1 KiB, ulimit -f)")
                .arg(static_cast<qint64>(limit.rlim_cur) / 1024);
    }
    if (::access(QFile::encodeName(folder).constData(), W_OK) != 0)
        return Tr::tr("the folder %1 may not be written").arg(QDir::toNativeSeparators(folder));
    return QString();
}

/** A file that remembers whether any write to it failed, and why. */
class OutputFile::CheckedFile : public QFile
{
public:
    using QFile::QFile;

    bool failed() const { return mFailed; }
    const QString& failure() const { return mFailure; }

    //! flushes and closes, remembering a failure of either
    void finish()
    {
        if (!isOpen())
            return;
        if (!flush())
            remember();
        close();
        if (error() != QFileDevice::NoError)
            remember();
    }

protected:
    qint64 writeData(const char* data, qint64 length) override
    {
        const qint64 written = QFile::writeData(data, length);
        if (written != length)
            remember();
        return written;
    }

private:
    void remember()
    {
        if (!mFailed)
            mFailure = errorString();
        mFailed = true;
    }

    bool mFailed = false;
    QString mFailure;
};

OutputFile::OutputFile(const QString& target) : mTarget(QFileInfo(target).absoluteFilePath())
{
    const QFileInfo info(mTarget);
    mPartialBase = QStringLiteral("%1.partial-%2-%3")
                       .arg(info.completeBaseName())
                       .arg(QCoreApplication::applicationPid())
                       .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    mPartial = info.absoluteDir().filePath(
        info.suffix().isEmpty() ? mPartialBase : mPartialBase + QLatin1Char('.') + info.suffix());
}

OutputFile::~OutputFile()
{
    mDevice.reset();
    if (!mCommitted)
        for (const QString& part : writtenParts())
            QFile::remove(part);
}

QStringList OutputFile::writtenParts() const
{
    const QDir folder = QFileInfo(mPartial).absoluteDir();
    QStringList parts;
    if (QFileInfo::exists(mPartial))
        parts << mPartial;
    // by name, not by a wildcard: a target may be called "报告[1].shp"
    const QString start = mPartialBase + QLatin1Char('.');
    for (const QString& name : folder.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        const QString path = folder.filePath(name);
        if (name.startsWith(start) && path != mPartial)
            parts << path;
    }
    return parts;
}

QString OutputFile::partName(const QString& part, const QString& base) const
{
    const QString suffix = QFileInfo(part).fileName().mid(mPartialBase.size());
    return QFileInfo(mTarget).absoluteDir().filePath(base + suffix);
}

Error OutputFile::failure(const QString& detail) const
{
    QString reason = diskFailureReason(QFileInfo(mTarget).absolutePath(), mPartial);
    if (reason.isEmpty())
        reason = detail.isEmpty() ? Tr::tr("the file could not be written whole") : detail;
    return Error(Error::Kind::Io,
                 Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(mTarget), reason));
}

QIODevice& OutputFile::device()
{
    if (!mDevice) {
        mDevice = std::make_unique<CheckedFile>(mPartial);
        if (!mDevice->open(QIODevice::WriteOnly))
            throw failure(mDevice->errorString());
    }
    return *mDevice;
}

void OutputFile::commit()
{
    if (mDevice) {
        mDevice->finish();
        if (mDevice->failed())
            throw failure(mDevice->failure());
    }
    const QStringList parts = writtenParts();
    if (!QFileInfo(mPartial).isFile())
        throw failure();
    for (const QString& part : parts)
        if (!syncToDisk(part))
            throw failure(QString::fromLocal8Bit(std::strerror(errno)));
    const QString targetBase = QFileInfo(mTarget).completeBaseName();
    // the main file last: until it is in place the old one stands
    for (const QString& part : parts) {
        if (part == mPartial)
            continue;
        if (std::rename(QFile::encodeName(part).constData(),
                        QFile::encodeName(partName(part, targetBase)).constData()) != 0)
            throw failure(QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (std::rename(QFile::encodeName(mPartial).constData(), QFile::encodeName(mTarget).constData()) != 0)
        throw failure(QString::fromLocal8Bit(std::strerror(errno)));
    mCommitted = true;
    syncToDisk(QFileInfo(mTarget).absolutePath()); // the rename itself
}

void OutputFile::write(const QString& target, const QByteArray& bytes)
{
    OutputFile output(target);
    output.device().write(bytes);
    output.commit();
}

} // namespace gridmodel
