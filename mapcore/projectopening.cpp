#include "projectopening.h"

#include "projectfile.h"
#include "projectlayers.h"
#include "projectsession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

namespace mapcore {

ProjectOpening::ProjectOpening(const QString& path, QObject* parent)
    : QObject(parent), mPath(QFileInfo(path).absoluteFilePath())
{
    const gridmodel::HierarchyTemplate hierarchy = gridmodel::ProjectFile::readHierarchy(mPath);
    mLayers = std::make_unique<ProjectLayers>(mPath, hierarchy, hierarchy.defaultEditingLevel());
    // A thread of its own rather than the shared pool, which the map's renderer uses.
    mThread.reset(QThread::create([this] { read(); }));
    connect(mThread.get(), &QThread::finished, this, &ProjectOpening::finished);
    mThread->start();
}

ProjectOpening::~ProjectOpening()
{
    cancel();
    mThread->wait();
}

void ProjectOpening::cancel()
{
    mCancelled = true;
}

void ProjectOpening::read()
{
    const gridmodel::ProjectFile::ReadProgress progress = [this](int permille) {
        const int percent = permille / 10;
        if (mPercent.exchange(percent) != percent)
            QMetaObject::invokeMethod(
                this, [this, percent] { emit progressChanged(percent); }, Qt::QueuedConnection);
        return !mCancelled;
    };
    try {
        try {
            mProject =
                gridmodel::ProjectFile::open(mPath, gridmodel::ProjectFile::Access::ReadWrite, progress);
        } catch (const gridmodel::Error& error) {
            if (error.kind() != gridmodel::Error::Kind::ReadOnly &&
                error.kind() != gridmodel::Error::Kind::Locked)
                throw;
            mReadOnlyReason = error.message();
            mProject =
                gridmodel::ProjectFile::open(mPath, gridmodel::ProjectFile::Access::ReadOnly, progress);
        }
    } catch (const gridmodel::Error& error) {
        mError = error;
    }
}

std::unique_ptr<ProjectSession> ProjectOpening::takeSession()
{
    if (mCancelled)
        throw gridmodel::Error(gridmodel::Error::Kind::Cancelled,
                               QCoreApplication::translate("mapcore", "Opening %1 was cancelled").arg(mPath));
    if (mError)
        throw *mError;
    if (!mProject)
        throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                               QCoreApplication::translate("mapcore", "%1 is already open").arg(mPath));
    return std::unique_ptr<ProjectSession>(
        new ProjectSession(std::move(mProject), std::move(mLayers), mReadOnlyReason));
}

std::unique_ptr<ProjectSession> ProjectOpening::waitForSession()
{
    mThread->wait();
    return takeSession();
}

} // namespace mapcore
