#include "projectfile.h"

#include "error.h"
#include "geopackage.h"
#include "outputfile.h"
#include "personaldata.h"
#include "projectschema.h"
#include "sqlitedatabase.h"
#include "translation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <algorithm>
#include <cstdio>
#include <future>
#include <sys/stat.h>
#include <type_traits>

namespace gridmodel {

namespace {

QString lockPathFor(const QString& path)
{
    const QFileInfo info(path);
    return info.absoluteDir().filePath(QStringLiteral(".%1.lock").arg(info.fileName()));
}

bool hasWritePermission(const QFileInfo& info)
{
    // Checks the permission bits too: a superuser may write anything, but a file that
    // nobody may write was marked read-only by someone who meant it.
    const QFile::Permissions permissions = info.permissions();
    return info.isWritable() && (permissions & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther));
}

/**
 * Takes the lock of a project, or the lock of a dead owner. QLockFile takes over a lock whose
 * process is gone, but never one it cannot read: a lock file left empty by a crash or a full
 * disk while it was being written. Such a file older than a moment belongs to nobody.
 */
bool takeLock(QLockFile& lock, const QString& lockPath)
{
    lock.setStaleLockTime(0); // only a dead owner's lock is stale, never a slow one
    if (lock.tryLock(0))
        return true;
    qint64 pid = 0;
    QString host, application;
    if (lock.error() != QLockFile::LockFailedError || lock.getLockInfo(&pid, &host, &application))
        return false;
    const QFileInfo file(lockPath);
    if (file.lastModified().msecsTo(QDateTime::currentDateTime()) < 2000)
        return false; // its owner may be writing it this instant
    return lock.removeStaleLockFile() && lock.tryLock(0);
}

//! refuses, naming the reason, what is not a readable GeoPackage
void requireGeoPackage(const QString& path)
{
    const QFileInfo info(path);
    switch (GeoPackage::probe(path)) {
    case GeoPackage::FileKind::Missing:
        throw Error(Error::Kind::FileNotFound, Tr::tr("%1 does not exist").arg(path));
    case GeoPackage::FileKind::NotSqlite:
        if (!info.isReadable())
            throw Error(Error::Kind::Io, Tr::tr("%1 cannot be read (permission denied)").arg(path));
        throw Error(Error::Kind::NotGeoPackage, Tr::tr("%1 is not a GeoPackage (.gpkg) file").arg(path));
    case GeoPackage::FileKind::SqliteNotGeoPackage:
        throw Error(Error::Kind::NotGeoPackage,
                    Tr::tr("%1 is an SQLite database but not a GeoPackage").arg(path));
    case GeoPackage::FileKind::GeoPackage:
        break;
    }
}

//! refuses a file that is no GridAtlas project or one written by a newer GridAtlas
int requireKnownVersion(SqliteDatabase& db, const QString& path)
{
    const int version = ProjectSchema::storedVersion(db);
    if (version <= 0 && db.tableExists(QStringLiteral("ga_project")))
        throw Error(Error::Kind::Corrupt,
                    Tr::tr("%1 is damaged: it records the project schema version %2, which no GridAtlas "
                           "writes; restore it from a copy")
                        .arg(path)
                        .arg(version));
    if (version == 0)
        throw Error(Error::Kind::NotProject, Tr::tr("%1 is a GeoPackage but not a GridAtlas project; "
                                                    "import its layers into a project instead")
                                                 .arg(path));
    if (version > ProjectSchema::CurrentVersion)
        throw Error(Error::Kind::NewerSchema,
                    Tr::tr("%1 was written by a newer GridAtlas (project schema %2; this "
                           "version reads up to %3); update GridAtlas to open it")
                        .arg(path)
                        .arg(version)
                        .arg(ProjectSchema::CurrentVersion));
    return version;
}

/**
 * Opens a project's database. A read-only open that meets the journal of an edit a killed
 * process left behind (a hot journal) would fail with "attempt to write a readonly database"
 * until somebody edits: the journal is first rolled back, as SQLite does for any writer, where
 * the file may be written. Where it may not (a read-only file or folder), the file and its
 * journal are copied into `recovered` and the copy is rolled back, so the last committed state
 * is read without touching the user's file.
 */
std::unique_ptr<SqliteDatabase> openDatabase(const QString& path, ProjectFile::Access access,
                                             std::unique_ptr<QTemporaryDir>& recovered)
{
    if (access == ProjectFile::Access::ReadWrite)
        return std::make_unique<SqliteDatabase>(path, SqliteDatabase::OpenMode::ReadWrite);
    const QString journal = path + QStringLiteral("-journal");
    if (!SqliteDatabase::isHotJournal(journal))
        return std::make_unique<SqliteDatabase>(path, SqliteDatabase::OpenMode::ReadOnly);
    const auto rollBack = [](const QString& file) {
        SqliteDatabase db(file, SqliteDatabase::OpenMode::ReadWrite);
        db.execute(QStringLiteral("SELECT count(*) FROM sqlite_master")); // a first read rolls it back
    };
    const QFileInfo info(path);
    if (hasWritePermission(info) && QFileInfo(info.absolutePath()).isWritable()) {
        try {
            rollBack(path);
            return std::make_unique<SqliteDatabase>(path, SqliteDatabase::OpenMode::ReadOnly);
        } catch (const Error&) {
            // read it from a copy, below
        }
    }
    recovered = std::make_unique<QTemporaryDir>();
    const QString copy = recovered->filePath(QStringLiteral("recovered.gpkg"));
    if (!recovered->isValid() || !QFile::copy(path, copy) ||
        !QFile::copy(journal, copy + QStringLiteral("-journal")))
        throw Error(Error::Kind::Io, Tr::tr("%1 holds an unfinished edit of a program that stopped, and no "
                                            "copy could be made to read it without that edit")
                                         .arg(path));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    rollBack(copy);
    return std::make_unique<SqliteDatabase>(copy, SqliteDatabase::OpenMode::ReadOnly);
}

//! refuses a file whose pages SQLite finds damaged, before anything is written to it
void requireIntact(SqliteDatabase& db, const QString& path)
{
    if (!db.integrityOk())
        throw Error(Error::Kind::Corrupt, Tr::tr("%1 is damaged: SQLite's check of the file fails; nothing "
                                                 "was changed; restore it from a copy")
                                              .arg(path));
}

//! Error::Kind::Corrupt naming the file, for what reading its content ran into
Error damaged(const QString& path, const Error& error)
{
    if (error.kind() == Error::Kind::Io || error.kind() == Error::Kind::InvalidInput ||
        error.kind() == Error::Kind::Corrupt)
        return Error(Error::Kind::Corrupt, Tr::tr("%1 is damaged: %2").arg(path, error.message()));
    return error;
}

} // namespace

HierarchyTemplate ProjectFile::readHierarchy(const QString& path)
{
    requireGeoPackage(path);
    std::unique_ptr<QTemporaryDir> recovered;
    const std::unique_ptr<SqliteDatabase> db = openDatabase(path, Access::ReadOnly, recovered);
    try {
        requireKnownVersion(*db, path);
        return ProjectSchema::readHierarchy(*db);
    } catch (const Error& error) {
        throw damaged(path, error);
    }
}

std::unique_ptr<ProjectFile> ProjectFile::open(const QString& path, Access access,
                                               const ReadProgress& progress)
{
    requireGeoPackage(path);
    const QFileInfo info(path);
    std::unique_ptr<ProjectFile> project(new ProjectFile);
    project->mPath = info.absoluteFilePath();
    project->mAccess = access;
    if (access == Access::ReadWrite) {
        if (!hasWritePermission(info))
            throw Error(Error::Kind::ReadOnly,
                        Tr::tr("%1 is read-only; it can be opened for viewing only").arg(path));
        project->mLock = std::make_unique<QLockFile>(lockPathFor(project->mPath));
        if (!takeLock(*project->mLock, lockPathFor(project->mPath))) {
            if (project->mLock->error() == QLockFile::LockFailedError) {
                qint64 pid = 0;
                QString host, application;
                if (!project->mLock->getLockInfo(&pid, &host, &application))
                    throw Error(Error::Kind::Locked,
                                Tr::tr("%1 is being opened for editing by another program; try again "
                                       "in a moment")
                                    .arg(path));
                throw Error(Error::Kind::Locked, Tr::tr("%1 is already open for editing by another program "
                                                        "(%2, process %3 on %4)")
                                                     .arg(path, application)
                                                     .arg(pid)
                                                     .arg(host));
            }
            const QString reason = diskFailureReason(info.absolutePath());
            if (!reason.isEmpty())
                throw Error(Error::Kind::Io, Tr::tr("%1 cannot be edited: %2").arg(path, reason));
            throw Error(Error::Kind::ReadOnly,
                        Tr::tr("%1 cannot be edited: its folder is not writable").arg(path));
        }
    }

    project->mDb = openDatabase(project->mPath, access, project->mRecoveredCopy);
    SqliteDatabase& db = *project->mDb;
    try {
        if (access == Access::ReadWrite)
            requireIntact(db, path);
        const int version = requireKnownVersion(db, path);
        if (version < ProjectSchema::CurrentVersion && access == Access::ReadWrite) {
            // viewing reads an older schema as it is; editing upgrades it first
            SqliteTransaction transaction(db);
            ProjectSchema::migrate(db, version);
            transaction.commit();
        }
        SqliteTransaction oneState(db, SqliteTransaction::Purpose::Read); // no edit of another lands halfway
        project->mData = ProjectSchema::read(db, progress);
        oneState.commit();
        // room for the units edits add, so that adding one moves no other in memory
        project->mData.units.reserve(project->mData.units.size() * 9 / 8 + 64);
        project->mData.assignments.reserve(project->mData.assignments.size() * 9 / 8 + 64);
        project->rebuildUnitIndex();
        if (access == Access::ReadWrite)
            project->mIntactAsOf = project->stamp(); // checked above, migrated by us
    } catch (const Error& error) {
        throw damaged(path, error);
    }
    return project;
}

void ProjectFile::create(const QString& path, const ProjectData& data, bool overwrite)
{
    const QFileInfo info(path);
    if (info.exists() && !overwrite)
        throw Error(Error::Kind::FileExists,
                    Tr::tr("%1 already exists; choose another name or allow overwriting").arg(path));
    if (info.exists() && !hasWritePermission(info))
        throw Error(Error::Kind::ReadOnly, Tr::tr("%1 is read-only and cannot be replaced").arg(path));
    QDir directory = info.absoluteDir();
    if (!directory.exists())
        throw Error(Error::Kind::Io, Tr::tr("The folder %1 does not exist").arg(directory.path()));

    // Never replace a project someone is editing, nor race another writer of the same file.
    QLockFile lock(lockPathFor(info.absoluteFilePath()));
    if (!takeLock(lock, lockPathFor(info.absoluteFilePath())))
        throw Error(Error::Kind::Locked, Tr::tr("%1 is open for editing by another program").arg(path));
    // Half-written files of an earlier attempt that was killed are of no use to anyone.
    const QString temporaryPattern = QStringLiteral(".%1.*.tmp").arg(info.fileName());
    for (const QString& leftover : directory.entryList({temporaryPattern}, QDir::Files | QDir::Hidden))
        directory.remove(leftover);

    QTemporaryFile temporary(directory.filePath(QStringLiteral(".%1.XXXXXX.tmp").arg(info.fileName())));
    temporary.setAutoRemove(true);
    if (!temporary.open())
        throw Error(Error::Kind::Io,
                    Tr::tr("Cannot write in %1: %2").arg(directory.path(), temporary.errorString()));
    temporary.close();
    {
        SqliteDatabase db(temporary.fileName(), SqliteDatabase::OpenMode::ReadWrite);
        db.execute(QStringLiteral("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF"));
        SqliteTransaction transaction(db);
        ProjectSchema::writeNewProject(db, data);
        ProjectSchema::recordHistory(db, QStringLiteral("create"), Tr::tr("Project created"));
        transaction.commit();
        db.execute(QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    syncToDisk(temporary.fileName());
    if (std::rename(QFile::encodeName(temporary.fileName()).constData(),
                    QFile::encodeName(info.absoluteFilePath()).constData()) != 0)
        throw Error(Error::Kind::Io, Tr::tr("Cannot move the new project into place at %1").arg(path));
    temporary.setAutoRemove(false);
    syncToDisk(directory.path()); // the rename itself
    QFile::setPermissions(info.absoluteFilePath(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

void ProjectFile::saveCopy(const QString& path) const
{
    writeCopy(path, {});
}

void ProjectFile::saveCopyWithoutPersonalData(const QString& path) const
{
    const PersonalDataRemoval removal(mData);
    writeCopy(path, [&](SqliteDatabase& copy) { removal.applyTo(copy, mData.hierarchy); });
}

void ProjectFile::writeCopy(const QString& path, const std::function<void(SqliteDatabase&)>& adjust) const
{
    const QFileInfo info(path);
    if (info.absoluteFilePath() == QFileInfo(mPath).absoluteFilePath())
        throw Error(Error::Kind::InvalidInput, Tr::tr("%1 is this project's own file").arg(path));
    if (info.exists() && !hasWritePermission(info))
        throw Error(Error::Kind::ReadOnly, Tr::tr("%1 is read-only and cannot be replaced").arg(path));
    QLockFile lock(lockPathFor(info.absoluteFilePath()));
    if (!takeLock(lock, lockPathFor(info.absoluteFilePath())))
        throw Error(Error::Kind::Locked, Tr::tr("%1 is open for editing by another program").arg(path));
    OutputFile output(path);
    {
        SqliteStatement copy = mDb->prepare(QStringLiteral("VACUUM INTO ?"));
        copy.bind(1, output.partialPath());
        try {
            copy.run();
        } catch (const Error& error) {
            throw output.failure(error.message());
        }
    }
    if (adjust) {
        SqliteDatabase copy(output.partialPath(), SqliteDatabase::OpenMode::ReadWrite);
        {
            SqliteTransaction transaction(copy);
            adjust(copy);
            transaction.commit();
        }
        try {
            copy.execute(QStringLiteral("VACUUM")); // no freed page keeps what was taken out
        } catch (const Error& error) {
            throw output.failure(error.message());
        }
    }
    output.commit();
}

ProjectFile::~ProjectFile() = default;

QString HistoryEntry::createdText() const
{
    const QDateTime when = QDateTime::fromString(created, Qt::ISODateWithMs);
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : created;
}

ProjectData ProjectFile::dataAfter(qint64 historyId)
{
    SqliteStatement known = mDb->prepare(QStringLiteral("SELECT undone FROM ga_history WHERE id = ?"));
    known.bind(1, historyId);
    if (!known.step())
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("The history of %1 has no step %2 (`history` lists them)").arg(mPath).arg(historyId));
    if (known.integer(0) != 0)
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("Step %1 of the history was undone; compare with a step that is in force").arg(historyId));
    ProjectData data = mData;
    SqliteStatement later = mDb->prepare(QStringLiteral("SELECT payload FROM ga_history WHERE id > ? AND NOT "
                                                        "undone AND payload IS NOT NULL ORDER BY id DESC"));
    later.bind(1, historyId);
    while (later.step()) {
        int size = 0;
        const unsigned char* blob = later.blob(0, &size);
        ChangeSet::deserialize(QByteArray(reinterpret_cast<const char*>(blob), size))
            .inverted()
            .applyTo(data);
    }
    return data;
}

std::vector<HistoryEntry> ProjectFile::history()
{
    std::vector<HistoryEntry> entries;
    SqliteStatement query = mDb->prepare(QStringLiteral("SELECT id, created, operation, description, payload "
                                                        "IS NOT NULL, undone FROM ga_history ORDER BY id"));
    while (query.step())
        entries.push_back(HistoryEntry{query.integer(0), query.text(1), query.text(2), query.text(3),
                                       query.integer(4) != 0, query.integer(5) != 0});
    return entries;
}

void ProjectFile::requireWritable() const
{
    if (mAccess != Access::ReadWrite)
        throw Error(Error::Kind::ReadOnly, Tr::tr("%1 is open for viewing only").arg(mPath));
}

const HierarchyIndex& ProjectFile::index() const
{
    if (!mHierarchyIndex)
        mHierarchyIndex = std::make_unique<HierarchyIndex>(mData);
    return *mHierarchyIndex;
}

void ProjectFile::rebuildUnitIndex()
{
    mHierarchyIndex.reset();
    mUnitIndex.clear();
    mUnitIndex.reserve(static_cast<qsizetype>(mData.units.size()));
    for (size_t i = 0; i < mData.units.size(); ++i)
        mUnitIndex.insert(mData.units[i].id, i);
    mAssignmentIndex.clear();
    mAssignmentIndex.reserve(static_cast<qsizetype>(mData.assignments.size()));
    for (size_t i = 0; i < mData.assignments.size(); ++i)
        mAssignmentIndex.insert(mData.assignments[i].id, i);
}

void ProjectFile::updateUnits(const std::vector<Unit>& units, const QString& operation,
                              const QString& description)
{
    ChangeSet changes;
    for (const Unit& unit : units) {
        const auto found = mUnitIndex.constFind(unit.id);
        if (found == mUnitIndex.constEnd())
            throw Error(Error::Kind::InvalidInput, Tr::tr("No unit with id %1").arg(unit.id));
        if (mData.units[*found].level != unit.level)
            throw Error(Error::Kind::InvalidInput, Tr::tr("Unit %1 cannot change level").arg(unit.code));
        changes.units.push_back({mData.units[*found], unit});
    }
    apply(changes, operation, description);
}

void ProjectFile::apply(const ChangeSet& changes, const QString& operation, const QString& description)
{
    record(changes, operation, description, nullptr);
}

void ProjectFile::apply(ChangeSet&& changes, const QString& operation, const QString& description)
{
    writeStep(changes, operation, description, nullptr);
    applyToMemory(std::move(changes));
}

void ProjectFile::applyForgetting(const ChangeSet& changes, const QString& operation,
                                  const QString& description, const PersonalDataRemoval& forget)
{
    record(changes, operation, description, &forget);
}

void ProjectFile::record(const ChangeSet& changes, const QString& operation, const QString& description,
                         const PersonalDataRemoval* forget)
{
    writeStep(changes, operation, description, forget);
    applyToMemory(changes);
}

void ProjectFile::writeStep(const ChangeSet& changes, const QString& operation, const QString& description,
                            const PersonalDataRemoval* forget)
{
    requireWritable();
    // what is forgotten is overwritten, not left in the file's free pages (Debian's SQLite does so
    // anyway; others need asking)
    struct SecureDelete
    {
        SqliteDatabase* db;
        explicit SecureDelete(SqliteDatabase* on) : db(on)
        {
            if (db)
                db->execute(QStringLiteral("PRAGMA secure_delete = ON"));
        }
        ~SecureDelete()
        {
            try {
                if (db)
                    db->execute(QStringLiteral("PRAGMA secure_delete = OFF"));
            } catch (const Error&) { // only slower writes, and a destructor may not throw
            }
        }
    } secureDelete(forget ? mDb.get() : nullptr);
    const bool asLeft = mIntactAsOf && stamp() == mIntactAsOf;
    // A large change (an import) is written down for the history on the other core while its
    // rows go into the tables: both only read it. A single edit is not worth a thread.
    constexpr size_t SerializedAlongsideFrom = 5000;
    std::future<QByteArray> payload;
    if (changes.units.size() + changes.assignments.size() >= SerializedAlongsideFrom)
        payload = std::async(std::launch::async, [&changes] { return changes.serialize(); });
    SqliteTransaction transaction(*mDb);
    ProjectSchema::applyChanges(*mDb, mData.hierarchy, changes, mData.crsEpsg);
    mDb->execute(QStringLiteral("DELETE FROM ga_history WHERE undone"));
    ProjectSchema::recordHistory(*mDb, operation, description,
                                 payload.valid() ? payload.get() : changes.serialize());
    if (forget)
        forget->rewriteHistory(*mDb);
    transaction.commit();
    mIntactAsOf = asLeft ? stamp() : std::nullopt; // our own write leaves it as intact as it was
}

void ProjectFile::setAcceptedProblems(const std::vector<AcceptedProblem>& accepted)
{
    requireWritable();
    SqliteTransaction transaction(*mDb);
    ProjectSchema::writeAcceptedProblems(*mDb, accepted);
    transaction.commit();
    mData.acceptedProblems = accepted;
}

void ProjectFile::setCountsNotEnteredYet(bool notYet)
{
    requireWritable();
    SqliteTransaction transaction(*mDb);
    ProjectSchema::writeCountsNotEnteredYet(*mDb, notYet);
    transaction.commit();
    mData.countsNotEnteredYet = notYet;
}

void ProjectFile::setReferenceLayers(const std::vector<ReferenceLayer>& layers)
{
    requireWritable();
    for (const ReferenceLayer& layer : layers)
        ReferenceLayers::check(layer);
    SqliteTransaction transaction(*mDb);
    ProjectSchema::writeReferenceLayers(*mDb, layers);
    transaction.commit();
    mData.referenceLayers = layers;
}

std::optional<ChangeSet> ProjectFile::undo(HistoryEntry* entry)
{
    return step(true, entry);
}

std::optional<ChangeSet> ProjectFile::redo(HistoryEntry* entry)
{
    return step(false, entry);
}

SqliteStatement ProjectFile::nextStepQuery(bool undoing)
{
    return mDb->prepare(
        undoing ? QStringLiteral("SELECT id, created, operation, description, payload FROM ga_history "
                                 "WHERE NOT undone AND payload IS NOT NULL ORDER BY id DESC LIMIT 1")
                : QStringLiteral("SELECT id, created, operation, description, payload FROM ga_history "
                                 "WHERE undone ORDER BY id LIMIT 1"));
}

std::optional<HistoryEntry> ProjectFile::nextStep(bool undoing)
{
    SqliteStatement query = nextStepQuery(undoing);
    if (!query.step())
        return std::nullopt;
    return HistoryEntry{query.integer(0), query.text(1), query.text(2), query.text(3), true, !undoing};
}

std::optional<ChangeSet> ProjectFile::step(bool undoing, HistoryEntry* entry)
{
    requireWritable();
    requireIntactSinceLastLook(); // a step replayed onto damaged pages would spread the damage
    SqliteTransaction transaction(*mDb);
    SqliteStatement query = nextStepQuery(undoing);
    if (!query.step())
        return std::nullopt;
    const HistoryEntry found{query.integer(0), query.text(1), query.text(2), query.text(3), true, undoing};
    int size = 0;
    const unsigned char* blob = query.blob(4, &size);
    const ChangeSet recorded = ChangeSet::deserialize(QByteArray(reinterpret_cast<const char*>(blob), size));
    const ChangeSet changes = undoing ? recorded.inverted() : recorded;
    ProjectSchema::applyChanges(*mDb, mData.hierarchy, changes, mData.crsEpsg);
    SqliteStatement mark = mDb->prepare(QStringLiteral("UPDATE ga_history SET undone = ? WHERE id = ?"));
    mark.bind(1, undoing ? 1 : 0).bind(2, found.id);
    mark.run();
    transaction.commit();
    mIntactAsOf = stamp();
    applyToMemory(changes);
    if (entry)
        *entry = found;
    return changes;
}

std::optional<ProjectFile::FileStamp> ProjectFile::stamp() const
{
    struct stat status;
    if (::stat(QFile::encodeName(mPath).constData(), &status) != 0)
        return std::nullopt;
    constexpr qint64 NsPerSecond = 1000000000;
    return FileStamp{static_cast<qint64>(status.st_size),
                     static_cast<qint64>(status.st_mtim.tv_sec) * NsPerSecond + status.st_mtim.tv_nsec,
                     static_cast<qint64>(status.st_ctim.tv_sec) * NsPerSecond + status.st_ctim.tv_nsec,
                     static_cast<qint64>(status.st_ino)};
}

void ProjectFile::requireIntactSinceLastLook()
{
    // The whole-file check reads every page (about 0.4 s at 200,000 zones). A file nobody else
    // wrote since it was found intact, or since this project's own transaction, needs none.
    const std::optional<FileStamp> now = stamp();
    if (now && mIntactAsOf && *now == *mIntactAsOf)
        return;
    requireIntact(*mDb, mPath);
    mIntactAsOf = now;
}

namespace {

/**
 * Takes the row at `position` out of `rows`, the last row taking its place so that no other
 * moves in memory; `positions` (id -> position) follows, and `moved(from, to)` is told where
 * the last row went.
 */
template <typename Row, typename Moved>
void removeByMovingLast(std::vector<Row>& rows, QHash<qint64, size_t>& positions, size_t position,
                        Moved moved)
{
    positions.remove(rows[position].id);
    const size_t last = rows.size() - 1;
    if (position != last) {
        rows[position] = std::move(rows[last]);
        positions.insert(rows[position].id, position);
        moved(&rows[last], &rows[position]);
    }
    rows.pop_back();
}

} // namespace

template <typename Changes> void ProjectFile::applyToMemoryFrom(Changes& changes)
{
    // the rows of a ChangeSet given to keep are moved, not copied
    const auto take = [](auto& row) -> decltype(auto) {
        if constexpr (std::is_const_v<Changes>)
            return static_cast<const std::remove_reference_t<decltype(row)>&>(row);
        else
            return std::move(row);
    };
    // The index follows each change in time proportional to the family it touches; where it
    // cannot (a code held twice, the units' storage grown), it is built again when next asked.
    bool indexFollows = mHierarchyIndex != nullptr;
    size_t additions = 0;
    // removals first: a unit may take the code of one that goes
    for (const auto& change : changes.units) {
        const auto found = mUnitIndex.constFind(change.after ? change.after->id : change.before->id);
        if (change.after)
            additions += found == mUnitIndex.constEnd() ? 1 : 0;
        else if (found != mUnitIndex.constEnd())
            removeUnitInMemory(*found, indexFollows);
    }
    std::vector<HierarchyIndex::Before>
        lookedUpBy; // units whose code, parent, external code or boundary changed
    for (const auto& change : changes.units) {
        if (!change.after)
            continue;
        const auto found = mUnitIndex.constFind(change.after->id);
        if (found == mUnitIndex.constEnd())
            continue;
        Unit& unit = mData.units[*found];
        const bool boundaryChanged = !(unit.boundary == change.after->boundary);
        if (unit.code != change.after->code || unit.parentId != change.after->parentId ||
            unit.externalCode != change.after->externalCode || boundaryChanged)
            lookedUpBy.push_back({&unit, unit.parentId, unit.code, unit.externalCode, boundaryChanged});
        unit = take(*change.after); // in place: the common case stays O(1)
    }
    if (indexFollows && !lookedUpBy.empty())
        indexFollows = mHierarchyIndex->followChangesInPlace(lookedUpBy);
    if (additions && mData.units.size() + additions > mData.units.capacity()) {
        // growing moves every unit in memory: room for many more, and the index built again
        mData.units.reserve(mData.units.size() + std::max(additions, mData.units.size() / 8 + 64));
        indexFollows = false;
    }
    for (const auto& change : changes.units)
        if (change.after && !mUnitIndex.contains(change.after->id)) {
            mUnitIndex.insert(change.after->id, mData.units.size());
            mData.units.push_back(take(*change.after));
            if (indexFollows)
                indexFollows = mHierarchyIndex->followAdded(&mData.units.back());
        }
    bool assignmentsFollow = indexFollows && changes.members.empty();
    applyAssignmentsInMemory(changes.assignments, assignmentsFollow);
    ChangeSet people;
    people.members = changes.members;
    people.applyTo(mData);
    if (!indexFollows)
        mHierarchyIndex.reset();
    else if (!assignmentsFollow)
        mHierarchyIndex->reindexAssignments();
}

void ProjectFile::applyAssignmentsInMemory(const std::vector<ChangeSet::Change<Assignment>>& changes,
                                           bool& indexFollows)
{
    // as with units: the last row takes a removed one's place, new rows go into room kept free
    std::vector<Assignment>& rows = mData.assignments;
    size_t additions = 0;
    for (const auto& change : changes) {
        const auto found = mAssignmentIndex.constFind(change.after ? change.after->id : change.before->id);
        if (change.after) {
            additions += found == mAssignmentIndex.constEnd() ? 1 : 0;
            continue;
        }
        if (found == mAssignmentIndex.constEnd())
            continue;
        if (indexFollows)
            mHierarchyIndex->followAssignmentRemoved(&rows[*found]);
        removeByMovingLast(rows, mAssignmentIndex, *found, [&](const Assignment* from, const Assignment* to) {
            if (indexFollows)
                mHierarchyIndex->followAssignmentMoved(from, to);
        });
    }
    for (const auto& change : changes) {
        if (!change.after)
            continue;
        const auto found = mAssignmentIndex.constFind(change.after->id);
        if (found == mAssignmentIndex.constEnd())
            continue;
        Assignment& row = rows[*found];
        const UnitId unitBefore = row.unitId;
        row = *change.after;
        if (indexFollows)
            mHierarchyIndex->followAssignmentChanged(&row, unitBefore);
    }
    if (additions && rows.size() + additions > rows.capacity()) {
        rows.reserve(rows.size() + std::max(additions, rows.size() / 8 + 64));
        indexFollows = false; // every row moved in memory
    }
    for (const auto& change : changes)
        if (change.after && !mAssignmentIndex.contains(change.after->id)) {
            mAssignmentIndex.insert(change.after->id, rows.size());
            rows.push_back(*change.after);
            if (indexFollows)
                mHierarchyIndex->followAssignmentAdded(&rows.back());
        }
}

void ProjectFile::removeUnitInMemory(size_t position, bool& indexFollows)
{
    if (indexFollows)
        indexFollows = mHierarchyIndex->followRemoved(&mData.units[position]);
    removeByMovingLast(mData.units, mUnitIndex, position, [&](const Unit* from, const Unit* to) {
        if (indexFollows)
            mHierarchyIndex->followMoved(from, to);
    });
}

} // namespace gridmodel
