#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

class QIODevice;

namespace gridmodel {

/**
 * A file the program writes for the user (an export, a report, a print), written beside its
 * target and renamed into place only when whole, so that a failure, a full disk or a killed
 * process leaves the old file as it was.
 *
 * The writer writes partialPath(), a name of its own in the target's folder (a rename there is
 * atomic, and no file of the user's can be taken for it), then calls commit(). A format that
 * is several files (a shapefile's .shp, .shx, .dbf …) writes each under the partial name with
 * its own suffix, and commit() renames them all. Destroyed without a commit, the OutputFile
 * removes whatever was written.
 */
class OutputFile
{
public:
    explicit OutputFile(const QString& target);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const QString& target() const { return mTarget; }
    //! where to write; keeps the target's suffix, for writers that go by it
    const QString& partialPath() const { return mPartial; }

    /**
     * Flushes what was written to the disk and renames it over the target. Throws the
     * failure() when nothing whole is there; the target is untouched then.
     */
    void commit();

    /**
     * The partial file open for writing, for writers that take a device (PDF, images). Unlike a
     * plain QFile it keeps a failed write in mind (QFile forgets it at the next write, and when
     * it closes), so that commit() refuses what it cut short. Throws failure() when it cannot
     * be opened.
     */
    QIODevice& device();

    /**
     * The Error(Io) for a write of this output that failed, naming why in words a user can act
     * on ("磁盘已满", the file size limit, no permission); `detail` is the writer's own account,
     * said when nothing better is known.
     */
    Error failure(const QString& detail = QString()) const;

    //! writes `bytes` to `target` whole, or throws failure() leaving the target as it was
    static void write(const QString& target, const QByteArray& bytes);

private:
    class CheckedFile;
    QStringList writtenParts() const; //!< the files written under the partial name
    QString partName(const QString& part, const QString& base) const;

    QString mTarget;
    QString mPartialBase; //!< the partial's name without the target's suffix
    QString mPartial;
    std::unique_ptr<CheckedFile> mDevice;
    bool mCommitted = false;
};

/**
 * Why a write into `folder` failed, as a user is told it: the disk is full, the file grew past
 * the limit set for this process, the folder may not be written. Asks the system (free space,
 * limits, permissions) rather than trusting a writer's errno, which libraries lose. Empty when
 * none of these is so.
 */
QString diskFailureReason(const QString& folder, const QString& writtenFile = QString());

/**
 * Flushes a file's (or a folder's) data to the disk, so that a power cut after a rename cannot
 * leave a renamed but empty file; false when the system says it could not.
 */
bool syncToDisk(const QString& path);

//! "the disk is full (磁盘已满)", for a writer that was told so
QString diskFullReason();

} // namespace gridmodel
