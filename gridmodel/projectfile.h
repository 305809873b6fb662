#pragma once

#include "changeset.h"
#include "hierarchyindex.h"
#include "projectdata.h"
#include "projectschema.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLockFile;
class QTemporaryDir;

namespace gridmodel {

class PersonalDataRemoval;
class SqliteDatabase;
class SqliteStatement;

struct HistoryEntry
{
    qint64 id = 0;
    QString created; //!< UTC, ISO 8601
    QString operation;
    QString description;
    bool undoable = false; //!< it carries its changes (creating the project does not)
    bool undone = false;   //!< undone, and so the next to redo

    //! when, in local time to the minute: "2026-12-01 20:10"
    QString createdText() const;
};

/**
 * An open GridAtlas project: one GeoPackage file is the whole document. Opening checks
 * that the file is what it claims and refuses, changing nothing, when it is not (see
 * Error::Kind). A project opened for writing holds a lock that other GridAtlas processes
 * respect; every change is one SQLite transaction, so a process killed at any moment
 * leaves the file at its last completed change.
 */
class ProjectFile
{
public:
    enum class Access
    {
        ReadOnly,
        ReadWrite
    };

    using ReadProgress = ProjectSchema::ReadProgress;

    /**
     * Throws Error; see Error::Kind for the refusals. `progress` hears how far the reading
     * has got and may stop it (Error::Kind::Cancelled; the file is left as it was).
     */
    static std::unique_ptr<ProjectFile> open(const QString& path, Access access,
                                             const ReadProgress& progress = {});
    /**
     * The hierarchy template of a project file, read without loading its units (to set up
     * the map while the rest is read); refuses what open() refuses as no readable project.
     */
    static HierarchyTemplate readHierarchy(const QString& path);

    /**
     * Writes a new project file. The file appears complete or not at all (it is built
     * beside the target and renamed into place). Refuses to replace an existing file
     * unless overwrite is set.
     */
    static void create(const QString& path, const ProjectData& data, bool overwrite = false);

    /**
     * Writes the project as it stands (its last committed change) to another file: whole or
     * not at all, the old file there left as it was on failure. Refuses the project's own file
     * and a file another GridAtlas has open for editing.
     */
    void saveCopy(const QString& path) const;

    /**
     * Writes a copy to hand on, without personal data (see PersonalDataRemoval): whole or not
     * at all, as saveCopy(). Nothing removed can be read from the copy's free pages either.
     */
    void saveCopyWithoutPersonalData(const QString& path) const;

    ~ProjectFile();
    ProjectFile(const ProjectFile&) = delete;
    ProjectFile& operator=(const ProjectFile&) = delete;

    QString path() const { return mPath; }
    Access access() const { return mAccess; }
    const ProjectData& data() const { return mData; }
    //! units by id, code and parent; rebuilt only after an edit that changes codes or parents
    const HierarchyIndex& index() const;
    std::vector<HistoryEntry> history();
    /**
     * The project as it was right after history step `historyId` (what an undo back to it
     * would leave), read from the steps' records without changing anything. Throws
     * Error(InvalidInput) for a step the history does not have.
     */
    ProjectData dataAfter(qint64 historyId);

    /**
     * Stores the problems the planner accepts (replacing the list). It is a judgement on the
     * checker's findings, not an edit of the district: it is kept at once, and undo leaves it.
     */
    void setAcceptedProblems(const std::vector<AcceptedProblem>& accepted);
    /**
     * Says whether the project's counts are still to be entered (ProjectData::countsNotEnteredYet).
     * Like the accepted problems, it is kept at once, outside the history.
     */
    void setCountsNotEnteredYet(bool notYet);
    /**
     * The project's reference layers (ProjectData::referenceLayers), kept at once and outside the
     * history, as QGIS keeps its layer tree out of the undo stack. Throws Error(InvalidInput)
     * naming a layer the rules refuse (ReferenceLayers::check), and then nothing changes.
     */
    void setReferenceLayers(const std::vector<ReferenceLayer>& layers);
    /**
     * Applies one edit and records it in the history, as one transaction; what was undone
     * can no longer be redone. On failure nothing changes, on disk or in data().
     */
    void apply(const ChangeSet& changes, const QString& operation, const QString& description);
    //! the same, taking the rows into data() rather than copying them (an import's many units)
    void apply(ChangeSet&& changes, const QString& operation, const QString& description);
    /**
     * apply(), and in the same transaction `forget` takes the person's data out of every step
     * of the history, this one included: removing a person from the roster. Undo then brings
     * back what is left of them.
     */
    void applyForgetting(const ChangeSet& changes, const QString& operation, const QString& description,
                         const PersonalDataRemoval& forget);

    //! rewrites the given units (matched by id) as one edit
    void updateUnits(const std::vector<Unit>& units, const QString& operation, const QString& description);

    /**
     * Undoes the latest edit that is not undone, or redoes the earliest undone one; works
     * across closing and reopening the file. Returns what changed, or nothing when there is
     * nothing to undo (redo); `entry` receives the history entry.
     */
    std::optional<ChangeSet> undo(HistoryEntry* entry = nullptr);
    std::optional<ChangeSet> redo(HistoryEntry* entry = nullptr);
    //! the entry undo() (redo()) would take, without reading the whole history
    std::optional<HistoryEntry> nextUndo() { return nextStep(true); }
    std::optional<HistoryEntry> nextRedo() { return nextStep(false); }

private:
    ProjectFile() = default;
    //! saveCopy(), with `adjust` run on the copy in one transaction before it is compacted
    void writeCopy(const QString& path, const std::function<void(SqliteDatabase&)>& adjust) const;
    void requireWritable() const;
    //! apply() and applyForgetting(): the edit, its history step and the forgetting, as one transaction
    void record(const ChangeSet& changes, const QString& operation, const QString& description,
                const PersonalDataRemoval* forget);
    //! the edit and its history step written, as one transaction (record() without data())
    void writeStep(const ChangeSet& changes, const QString& operation, const QString& description,
                   const PersonalDataRemoval* forget);
    std::optional<ChangeSet> step(bool undoing, HistoryEntry* entry);
    std::optional<HistoryEntry> nextStep(bool undoing);
    SqliteStatement nextStepQuery(bool undoing);
    void applyToMemory(const ChangeSet& changes) { applyToMemoryFrom(changes); }
    void applyToMemory(ChangeSet&& changes) { applyToMemoryFrom(changes); }
    //! `Changes` is ChangeSet (its rows are moved into data()) or const ChangeSet (copied)
    template <typename Changes> void applyToMemoryFrom(Changes& changes);
    //! takes the unit at `position` out of memory; `indexFollows` turns false where the index cannot follow
    void removeUnitInMemory(size_t position, bool& indexFollows);
    void applyAssignmentsInMemory(const std::vector<ChangeSet::Change<Assignment>>& changes,
                                  bool& indexFollows);
    void rebuildUnitIndex();
    //! SQLite's whole-file check, unless the file is as this project last found it intact or left it
    void requireIntactSinceLastLook();

    /** What the file system says of the file; another program writing to it changes it. */
    struct FileStamp
    {
        qint64 size = 0, modifiedNs = 0, changedNs = 0, inode = 0;
        bool operator==(const FileStamp& other) const
        {
            return size == other.size && modifiedNs == other.modifiedNs && changedNs == other.changedNs &&
                   inode == other.inode;
        }
        bool operator!=(const FileStamp& other) const { return !(*this == other); }
    };
    std::optional<FileStamp> stamp() const;

    QString mPath;
    Access mAccess = Access::ReadOnly;
    std::unique_ptr<QLockFile> mLock;
    std::unique_ptr<QTemporaryDir> mRecoveredCopy; //!< where a file with a stale journal is read
    std::unique_ptr<SqliteDatabase> mDb;
    ProjectData mData;
    QHash<UnitId, size_t> mUnitIndex;       //!< position of each unit in mData.units
    QHash<qint64, size_t> mAssignmentIndex; //!< position of each assignment in mData.assignments
    mutable std::unique_ptr<HierarchyIndex> mHierarchyIndex;
    //! the file as it was when last found intact, or when this project last wrote it after that
    std::optional<FileStamp> mIntactAsOf;
};

} // namespace gridmodel
