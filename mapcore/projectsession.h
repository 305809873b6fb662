#pragma once

#include "changeset.h"
#include "reference/referencelayer.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace gridmodel {
class ProjectFile;
struct ProjectData;
} // namespace gridmodel

namespace mapcore {

class ProjectLayers;
class ReferenceMapLayers;

/**
 * An open project as the desktop program holds it: the file (open for editing, or for
 * viewing when it is read-only or another program edits it), a map layer per level, and
 * the edit history. Every change goes through edit(), undo() or redo(), which refresh the
 * layers of the levels that changed and announce the change, so views update only that.
 */
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    /**
     * Opens a project and waits for it (ProjectOpening opens without waiting); throws
     * gridmodel::Error with the reason when it cannot be read at all.
     */
    static std::unique_ptr<ProjectSession> open(const QString& path);
    ~ProjectSession() override;

    gridmodel::ProjectFile& project() const { return *mProject; }
    const gridmodel::ProjectData& data() const;
    ProjectLayers& layers() const { return *mLayers; }
    //! the map layers of the project's reference layers (drawn under the levels)
    ReferenceMapLayers& references() const { return *mReferences; }
    /**
     * Keeps new reference layers with the project and redraws them; on refusal (a viewing-only
     * project, a layer the rules refuse) `error` receives the reason and nothing changed.
     */
    bool setReferenceLayers(const std::vector<gridmodel::ReferenceLayer>& layers, QString* error = nullptr);
    //! the user's 天地图 key (kept in their settings, never in the project), for the 天地图 layers
    void setTiandituKey(const QString& key);
    QString path() const;

    bool isEditable() const;
    //! why the project is open for viewing only (empty when editable)
    QString readOnlyReason() const { return mReadOnlyReason; }

    /**
     * Runs one edit (a gridmodel operation on the project). On success the map follows
     * and edited() is emitted; on refusal `error` receives the reason, `place` where on
     * the map it lies when it has a place (a boundary crossing itself), and nothing changed.
     */
    bool edit(const std::function<gridmodel::ChangeSet(gridmodel::ProjectFile&)>& operation,
              QString* error = nullptr, std::optional<gridmodel::Point>* place = nullptr);
    bool undo(QString* error = nullptr);
    bool redo(QString* error = nullptr);
    //! descriptions of the edit undo() would undo and redo() would redo (empty: none)
    QString undoDescription() const;
    QString redoDescription() const;

signals:
    /**
     * Right before an edit, an undo or a redo changes the data: whoever reads data() in
     * another thread must be done with it when this returns (connect directly).
     */
    void aboutToEdit();
    //! after an edit, an undo or a redo: what changed
    void edited(const gridmodel::ChangeSet& changes);
    //! the reference layers changed (added, removed, shown, hidden, restyled)
    void referencesChanged();

private:
    friend class ProjectOpening;
    ProjectSession(std::unique_ptr<gridmodel::ProjectFile> project, std::unique_ptr<ProjectLayers> layers,
                   const QString& readOnlyReason);
    void afterChange(const gridmodel::ChangeSet& changes);
    //! writes them (a failure only leaves what stock QGIS shows behind, and is logged)
    void keepStockQgisProjectCurrent();

    std::unique_ptr<gridmodel::ProjectFile> mProject;
    std::unique_ptr<ProjectLayers> mLayers;
    std::unique_ptr<ReferenceMapLayers> mReferences;
    bool mStockQgisProjectBehind = false; //!< StockQgisProject to write when the session ends
    QString mTiandituKey;
    QString mReadOnlyReason;
};

} // namespace mapcore

Q_DECLARE_METATYPE(gridmodel::ChangeSet)
