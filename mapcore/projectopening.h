#pragma once

#include "error.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace gridmodel {
class ProjectFile;
}

namespace mapcore {

class ProjectLayers;
class ProjectSession;

/**
 * Opening a project without making anyone wait for all of it: the map layers are set up
 * at once, so the map can draw while the units, people and history are read in a thread
 * of their own, with progress and cancel. finished() tells when the session is ready
 * (or why there is none); a project that cannot be edited opens for viewing.
 */
class ProjectOpening : public QObject
{
    Q_OBJECT

public:
    //! starts reading; throws gridmodel::Error at once for a file that is no readable project
    explicit ProjectOpening(const QString& path, QObject* parent = nullptr);
    //! stops the reading when it is still going
    ~ProjectOpening() override;

    QString path() const { return mPath; }
    //! the map of the project, to draw while it is read
    ProjectLayers& layers() const { return *mLayers; }
    //! stops the reading; finished() follows, and takeSession() gives nothing
    void cancel();
    bool isCancelled() const { return mCancelled; }

    /**
     * After finished() (or waiting for it): the open project, the layers moved into it.
     * Throws gridmodel::Error with the reason when it could not be read or was cancelled.
     */
    std::unique_ptr<ProjectSession> takeSession();
    //! blocks until the reading is done, then takeSession()
    std::unique_ptr<ProjectSession> waitForSession();

signals:
    //! how much of the project has been read, 0 to 100
    void progressChanged(int percent);
    //! the reading is over: takeSession() has the session or the reason
    void finished();

private:
    void read();

    QString mPath;
    std::unique_ptr<ProjectLayers> mLayers;
    std::unique_ptr<QThread> mThread;
    std::atomic<bool> mCancelled{false};
    std::atomic<int> mPercent{-1};
    // written by the reading thread, read after it has finished
    std::unique_ptr<gridmodel::ProjectFile> mProject;
    QString mReadOnlyReason;
    std::optional<gridmodel::Error> mError;
};

} // namespace mapcore
