#include "sqlitedatabase.h"

#include "error.h"
#include "gpkggeometry.h"
#include "outputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <sqlite3.h>

namespace gridmodel {

namespace {
//! SQLite's words, except for a full disk, which the user is told in theirs
QString sqliteMessage(sqlite3* db)
{
    if ((sqlite3_errcode(db) & 0xff) == SQLITE_FULL)
        return diskFullReason();
    return QString::fromUtf8(sqlite3_errmsg(db));
}

Error::Kind kindFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error::Kind::Corrupt;
    case SQLITE_READONLY:
        return Error::Kind::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::Kind::Locked;
    default:
        return Error::Kind::Io;
    }
}
} // namespace

SqliteDatabase::SqliteDatabase(const QString& path, OpenMode mode) : mPath(path)
{
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &mDb, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = mDb ? sqliteMessage(mDb) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(mDb);
        mDb = nullptr;
        throw Error(kindFor(rc),
                    QCoreApplication::translate("gridmodel", "Cannot open %1: %2").arg(path, message));
    }
    sqlite3_extended_result_codes(mDb, 1);
    sqlite3_busy_timeout(mDb, 5000);
    registerGeoPackageSqlFunctions(mDb);
    if (mode != OpenMode::ReadOnly) {
        // An edit of many units (an import) touches pages all over the indexes: up to 64 MB, not
        // 2 MB. And a transaction larger than that (an import's history step holds every unit)
        // stays in memory until its commit rather than spilling to the file, which syncs the
        // journal each time (1.3 s of a 200,000-unit import).
        execute(QStringLiteral("PRAGMA cache_size = -65536"));
        execute(QStringLiteral("PRAGMA cache_spill = OFF"));
    }
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close_v2(mDb);
}

void SqliteDatabase::execute(const QString& sql)
{
    char* errorText = nullptr;
    const int rc = sqlite3_exec(mDb, sql.toUtf8().constData(), nullptr, nullptr, &errorText);
    if (rc != SQLITE_OK) {
        const QString message = (rc & 0xff) == SQLITE_FULL
                                    ? diskFullReason()
                                    : QString::fromUtf8(errorText ? errorText : sqlite3_errstr(rc));
        sqlite3_free(errorText);
        throw Error(kindFor(rc),
                    QCoreApplication::translate("gridmodel", "Database error in %1: %2").arg(mPath, message));
    }
}

SqliteStatement SqliteDatabase::prepare(const QString& sql)
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(mDb, sql.toUtf8().constData(), -1, &statement, nullptr);
    if (rc != SQLITE_OK)
        throw Error(kindFor(rc), QCoreApplication::translate("gridmodel", "Database error in %1: %2")
                                     .arg(mPath, sqliteMessage(mDb)));
    return SqliteStatement(mDb, statement);
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(mDb);
}

bool SqliteDatabase::tableExists(const QString& name)
{
    SqliteStatement query =
        prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?"));
    query.bind(1, name);
    return query.step();
}

bool SqliteDatabase::isHotJournal(const QString& journal)
{
    QFile file(journal);
    static const QByteArray magic("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8); // SQLite's journal header
    return file.open(QIODevice::ReadOnly) && file.read(8) == magic;
}

std::int32_t SqliteDatabase::applicationId()
{
    SqliteStatement query = prepare(QStringLiteral("PRAGMA application_id"));
    return query.step() ? static_cast<std::int32_t>(query.integer(0)) : 0;
}

bool SqliteDatabase::integrityOk()
{
    sqlite3_db_release_memory(mDb); // check what the disk holds, not the pages cached from it
    SqliteStatement query = prepare(QStringLiteral("PRAGMA quick_check"));
    return query.step() && query.text(0) == QLatin1String("ok");
}

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : mDb(db), mStatement(statement) {}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : mDb(other.mDb), mStatement(other.mStatement)
{
    other.mStatement = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(mStatement);
}

void SqliteStatement::check(int rc)
{
    if (rc != SQLITE_OK)
        throw Error(kindFor(rc),
                    QCoreApplication::translate("gridmodel", "Database error in %1: %2")
                        .arg(QString::fromUtf8(sqlite3_db_filename(mDb, "main")), sqliteMessage(mDb)));
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(mStatement, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    check(sqlite3_bind_double(mStatement, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    check(sqlite3_bind_text(mStatement, index, utf8.constData(), utf8.size(), SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, const QByteArray& value)
{
    check(sqlite3_bind_blob(mStatement, index, value.constData(), value.size(), SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    check(sqlite3_bind_null(mStatement, index));
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(mStatement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw Error(kindFor(rc),
                QCoreApplication::translate("gridmodel", "Database error in %1: %2")
                    .arg(QString::fromUtf8(sqlite3_db_filename(mDb, "main")), sqliteMessage(mDb)));
}

void SqliteStatement::run()
{
    step();
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(mStatement);
    sqlite3_clear_bindings(mStatement);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(mStatement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(mStatement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(mStatement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(mStatement, column));
    if (!data)
        return QString();
    return QString::fromUtf8(data, sqlite3_column_bytes(mStatement, column));
}

const unsigned char* SqliteStatement::blob(int column, int* size) const
{
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(mStatement, column));
    *size = sqlite3_column_bytes(mStatement, column);
    return data;
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& db, Purpose purpose) : mDb(db)
{
    mDb.execute(purpose == Purpose::Write ? QStringLiteral("BEGIN IMMEDIATE")
                                          : QStringLiteral("BEGIN DEFERRED"));
}

SqliteTransaction::~SqliteTransaction()
{
    if (mOpen)
        sqlite3_exec(mDb.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit()
{
    mDb.execute(QStringLiteral("COMMIT"));
    mOpen = false;
}

} // namespace gridmodel
