#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>

struct sqlite3;
struct sqlite3_stmt;

namespace gridmodel {

class SqliteStatement;

/**
 * One SQLite connection, owned. Errors are thrown as gridmodel::Error (Kind::Io or Corrupt)
 * with SQLite's message. Registers the ST_* functions that GeoPackage R-tree triggers call.
 */
class SqliteDatabase
{
public:
    enum class OpenMode
    {
        ReadOnly,
        ReadWrite,
        Create
    };

    SqliteDatabase(const QString& path, OpenMode mode);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    void execute(const QString& sql);
    SqliteStatement prepare(const QString& sql);
    qint64 lastInsertRowId() const;
    bool tableExists(const QString& name);
    //! PRAGMA application_id (0x47504B47 "GPKG" for a GeoPackage)
    std::int32_t applicationId();
    //! PRAGMA quick_check == "ok", on the pages as the disk holds them
    bool integrityOk();

    sqlite3* handle() const { return mDb; }

    /**
     * Whether `journal` is the rollback journal of a change that was cut off after it began to
     * write the database (its header is whole), which the next reader must roll back first.
     */
    static bool isHotJournal(const QString& journal);
    QString path() const { return mPath; }

private:
    sqlite3* mDb = nullptr;
    QString mPath;
};

/** A prepared statement; bind with 1-based indexes, step, read columns 0-based. */
class SqliteStatement
{
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement);
    SqliteStatement(SqliteStatement&& other) noexcept;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, const QString& value); //!< a null QString binds NULL
    SqliteStatement& bindBlob(int index, const QByteArray& value);
    SqliteStatement& bindNull(int index);

    //! true while a row is available
    bool step();
    //! steps once, expecting no row (INSERT, UPDATE ...)
    void run();
    void reset();

    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QString text(int column) const;
    //! view on the blob; valid until the next step
    const unsigned char* blob(int column, int* size) const;

private:
    void check(int rc);
    sqlite3* mDb;
    sqlite3_stmt* mStatement;
};

/** Begins a transaction; rolls back unless commit() is called. */
class SqliteTransaction
{
public:
    enum class Purpose
    {
        Write, //!< takes the write lock at once (BEGIN IMMEDIATE)
        Read,  //!< several reads that see one state: no writer commits in between (BEGIN DEFERRED)
    };
    explicit SqliteTransaction(SqliteDatabase& db, Purpose purpose = Purpose::Write);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteDatabase& mDb;
    bool mOpen = true;
};

} // namespace gridmodel
