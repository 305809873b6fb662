#include "projectschema.h"

#include "error.h"
#include "geopackage.h"
#include "gpkggeometry.h"
#include "spatialreference.h"
#include "sqlitedatabase.h"
#include "translation.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <sqlite3.h>

namespace gridmodel::ProjectSchema {

namespace {

const QString UnitColumns =
    QStringLiteral("code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, organisation TEXT, parent_fid INTEGER, "
                   "households INTEGER NOT NULL DEFAULT 0, residents INTEGER NOT NULL DEFAULT 0, notes TEXT, "
                   "external_code TEXT");

//! Chinese column titles, shown by QGIS as field aliases
const std::vector<std::pair<QString, QString>> UnitColumnTitles = {
    {QStringLiteral("code"), QStringLiteral("编码")},
    {QStringLiteral("name"), QStringLiteral("名称")},
    {QStringLiteral("organisation"), QStringLiteral("组织")},
    {QStringLiteral("parent_fid"), QStringLiteral("上级")},
    {QStringLiteral("households"), QStringLiteral("户数")},
    {QStringLiteral("residents"), QStringLiteral("人口")},
    {QStringLiteral("notes"), QStringLiteral("备注")},
    {QStringLiteral("external_code"), QStringLiteral("外部编码")}};

void setProjectValue(SqliteDatabase& db, const QString& key, const QString& value)
{
    SqliteStatement statement =
        db.prepare(QStringLiteral("INSERT OR REPLACE INTO ga_project (key, value) VALUES (?, ?)"));
    statement.bind(1, key).bind(2, value);
    statement.run();
}

QString projectValue(SqliteDatabase& db, const QString& key)
{
    SqliteStatement statement = db.prepare(QStringLiteral("SELECT value FROM ga_project WHERE key = ?"));
    statement.bind(1, key);
    return statement.step() ? statement.text(0) : QString();
}

/**
 * Writes and deletes whole rows of units, members and assignments with statements
 * prepared once, for a new project and for every edit alike.
 */
class RowWriter
{
public:
    RowWriter(SqliteDatabase& db, const HierarchyTemplate& hierarchy, int srsId)
        : mDb(db), mHierarchy(hierarchy), mSrsId(srsId),
          mWriteMember(
              db.prepare(QStringLiteral("INSERT OR REPLACE INTO ga_members (fid, name, phone, gender, "
                                        "status, notes) VALUES (?, ?, ?, ?, ?, ?)"))),
          mWriteAssignment(
              db.prepare(QStringLiteral("INSERT OR REPLACE INTO ga_assignments (fid, member_fid, "
                                        "unit_fid, role, linked_households, linked_note) "
                                        "VALUES (?, ?, ?, ?, ?, ?)"))),
          mDeleteMember(db.prepare(QStringLiteral("DELETE FROM ga_members WHERE fid = ?"))),
          mDeleteAssignment(db.prepare(QStringLiteral("DELETE FROM ga_assignments WHERE fid = ?")))
    {
    }

    //! `isNew`: the unit is not in the file yet (inserted without trying an update first)
    void writeUnit(const Unit& unit, bool isNew = false)
    {
        if (unit.level < 0 || unit.level >= mHierarchy.levelCount())
            throw Error(Error::Kind::InvalidInput,
                        Tr::tr("Unit %1 has no level in the template").arg(unit.code));
        if (isNew) {
            insertUnit(unit);
            return;
        }
        // UPDATE, else INSERT; never INSERT OR REPLACE, which would silently delete another
        // row holding the same code. (An upsert cannot be used: its conflict clause would
        // override the OR REPLACE of the R-tree triggers.)
        SqliteStatement& update = levelStatement(mUpdateUnit, unit.level, [](const QString& table) {
            return QStringLiteral(
                       "UPDATE \"%1\" SET geom = ?2, code = ?3, name = ?4, organisation = ?5, "
                       "parent_fid = ?6, households = ?7, residents = ?8, notes = ?9, external_code = ?10 "
                       "WHERE fid = ?1")
                .arg(table);
        });
        bindUnit(update, unit).run();
        if (sqlite3_changes(mDb.handle()) == 0)
            insertUnit(unit);
    }

    void insertUnit(const Unit& unit)
    {
        SqliteStatement& insert = levelStatement(mInsertUnit, unit.level, [](const QString& table) {
            return QStringLiteral("INSERT INTO \"%1\" (fid, geom, code, name, organisation, parent_fid, "
                                  "households, residents, notes, external_code) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .arg(table);
        });
        bindUnit(insert, unit).run();
    }

    //! gives a unit a placeholder code, so that codes can be swapped within one edit
    void releaseCode(const Unit& unit)
    {
        SqliteStatement& statement = levelStatement(mReleaseCode, unit.level, [](const QString& table) {
            return QStringLiteral("UPDATE \"%1\" SET code = '~' || fid WHERE fid = ?").arg(table);
        });
        statement.bind(1, unit.id);
        statement.run();
    }

    void deleteUnit(const Unit& unit)
    {
        SqliteStatement& statement = levelStatement(mDeleteUnit, unit.level, [](const QString& table) {
            return QStringLiteral("DELETE FROM \"%1\" WHERE fid = ?").arg(table);
        });
        statement.bind(1, unit.id);
        statement.run();
    }

    void writeMember(const Member& m)
    {
        mWriteMember.bind(1, m.id)
            .bind(2, m.name)
            .bind(3, m.phone)
            .bind(4, m.gender)
            .bind(5, m.status)
            .bind(6, m.notes);
        mWriteMember.run();
    }

    void deleteMember(const Member& member)
    {
        mDeleteMember.bind(1, member.id);
        mDeleteMember.run();
    }

    void writeAssignment(const Assignment& a)
    {
        mWriteAssignment.bind(1, a.id).bind(2, a.memberId).bind(3, a.unitId).bind(4, a.role);
        mWriteAssignment.bind(5, a.linkedHouseholds).bind(6, a.linkedHouseholdsNote);
        mWriteAssignment.run();
    }

    void deleteAssignment(const Assignment& assignment)
    {
        mDeleteAssignment.bind(1, assignment.id);
        mDeleteAssignment.run();
    }

private:
    template <typename MakeSql>
    SqliteStatement& levelStatement(std::vector<std::unique_ptr<SqliteStatement>>& statements, int level,
                                    MakeSql makeSql)
    {
        statements.resize(static_cast<size_t>(mHierarchy.levelCount()));
        auto& statement = statements[static_cast<size_t>(level)];
        if (!statement)
            statement = std::make_unique<SqliteStatement>(mDb.prepare(makeSql(mHierarchy.level(level).key)));
        return *statement;
    }

    SqliteStatement& bindUnit(SqliteStatement& statement, const Unit& unit)
    {
        statement.bind(1, unit.id);
        statement.bindBlob(2, GpkgGeometry::encode(unit.boundary, mSrsId));
        statement.bind(3, unit.code).bind(4, unit.name).bind(5, unit.organisation);
        if (unit.parentId)
            statement.bind(6, unit.parentId);
        else
            statement.bindNull(6);
        statement.bind(7, unit.households).bind(8, unit.residents).bind(9, unit.notes);
        if (unit.externalCode.isEmpty())
            statement.bindNull(10);
        else
            statement.bind(10, unit.externalCode);
        return statement;
    }

    SqliteDatabase& mDb;
    const HierarchyTemplate& mHierarchy;
    int mSrsId;
    std::vector<std::unique_ptr<SqliteStatement>> mUpdateUnit, mInsertUnit, mDeleteUnit, mReleaseCode;
    SqliteStatement mWriteMember, mWriteAssignment, mDeleteMember, mDeleteAssignment;
};

//! rows are written with INSERT OR REPLACE: a repeated id would silently drop a row
template <typename Row> void requireUniqueIds(const std::vector<Row>& rows, const QString& what)
{
    QSet<qint64> seen;
    for (const Row& row : rows)
        if (seen.contains(row.id))
            throw Error(Error::Kind::InvalidInput,
                        Tr::tr("Two of the new project's rows have %1 id %2").arg(what).arg(row.id));
        else
            seen.insert(row.id);
}

void createRosterTables(SqliteDatabase& db)
{
    GeoPackage::createAttributesTable(
        db, QStringLiteral("ga_members"), QStringLiteral("成员"), QStringLiteral("成员 / Members"),
        QStringLiteral("name TEXT NOT NULL, phone TEXT, gender TEXT, status TEXT, notes TEXT"));
    GeoPackage::createAttributesTable(
        db, QStringLiteral("ga_assignments"), QStringLiteral("任职"),
        QStringLiteral("任职与联系户 / Assignments and linked households"),
        QStringLiteral("member_fid INTEGER NOT NULL REFERENCES ga_members(fid), "
                       "unit_fid INTEGER NOT NULL, role TEXT NOT NULL, "
                       "linked_households INTEGER NOT NULL DEFAULT 0, linked_note TEXT"));
    GeoPackage::setColumnTitles(db, QStringLiteral("ga_members"),
                                {{QStringLiteral("name"), QStringLiteral("姓名")},
                                 {QStringLiteral("phone"), QStringLiteral("电话")},
                                 {QStringLiteral("gender"), QStringLiteral("性别")},
                                 {QStringLiteral("status"), QStringLiteral("状态")},
                                 {QStringLiteral("notes"), QStringLiteral("备注")}});
    GeoPackage::setColumnTitles(db, QStringLiteral("ga_assignments"),
                                {{QStringLiteral("member_fid"), QStringLiteral("成员")},
                                 {QStringLiteral("unit_fid"), QStringLiteral("单元")},
                                 {QStringLiteral("role"), QStringLiteral("角色")},
                                 {QStringLiteral("linked_households"), QStringLiteral("联系户数")},
                                 {QStringLiteral("linked_note"), QStringLiteral("联系户")}});
    db.execute(QStringLiteral("CREATE INDEX ga_assignments_unit ON ga_assignments(unit_fid)"));
    db.execute(QStringLiteral("CREATE INDEX ga_assignments_member ON ga_assignments(member_fid)"));
}

//! schema 2: each level's table holds the units' codes in another system
void addExternalCodes(SqliteDatabase& db)
{
    const HierarchyTemplate hierarchy = readHierarchy(db);
    for (int level = 0; level < hierarchy.levelCount(); ++level) {
        const QString table = hierarchy.level(level).key;
        db.execute(QStringLiteral("ALTER TABLE \"%1\" ADD COLUMN external_code TEXT").arg(table));
        GeoPackage::setColumnTitles(db, table, {UnitColumnTitles.back()});
    }
}

/** The upgrades of this GridAtlas: step i takes a project from version i + 1 to i + 2. */
const std::vector<MigrationStep>& migrationSteps()
{
    static const std::vector<MigrationStep> steps{addExternalCodes};
    return steps;
}

} // namespace

void writeNewProject(SqliteDatabase& db, const ProjectData& data)
{
    const SpatialReference srs = SpatialReference::fromEpsg(data.crsEpsg);
    GeoPackage::createCoreTables(db);
    GeoPackage::addSpatialReferenceSystem(db, srs);

    db.execute(QStringLiteral("CREATE TABLE ga_project (key TEXT PRIMARY KEY NOT NULL, value TEXT)"));
    setProjectValue(db, QStringLiteral("schema_version"), QString::number(CurrentVersion));
    setProjectValue(db, QStringLiteral("name"), data.name);
    setProjectValue(db, QStringLiteral("crs"), srs.authId());
    setProjectValue(db, QStringLiteral("template"), QString::fromUtf8(data.hierarchy.toJson()));
    if (!data.acceptedProblems.empty())
        writeAcceptedProblems(db, data.acceptedProblems);
    if (data.countsNotEnteredYet)
        writeCountsNotEnteredYet(db, true);
    if (!data.referenceLayers.empty())
        writeReferenceLayers(db, data.referenceLayers);
    setProjectValue(db, QStringLiteral("created"), GeoPackage::timestamp());
    setProjectValue(db, QStringLiteral("application"),
                    QStringLiteral("GridAtlas %1").arg(QStringLiteral(GRIDATLAS_VERSION)));

    const HierarchyTemplate& hierarchy = data.hierarchy;
    std::vector<Envelope> extents(static_cast<size_t>(hierarchy.levelCount()));
    for (int level = 0; level < hierarchy.levelCount(); ++level) {
        const LevelDefinition& definition = hierarchy.level(level);
        GeoPackage::createFeatureTable(db, definition.key, definition.name.zh,
                                       QStringLiteral("%1 / %2").arg(definition.name.zh, definition.name.en),
                                       srs.epsg(), UnitColumns);
        GeoPackage::setColumnTitles(db, definition.key, UnitColumnTitles);
    }
    // The members and assignments tables exist before any row is written.
    createRosterTables(db);
    requireUniqueIds(data.units, Tr::tr("unit"));
    requireUniqueIds(data.members, Tr::tr("member"));
    requireUniqueIds(data.assignments, Tr::tr("assignment"));
    {
        RowWriter rows(db, hierarchy, srs.epsg());
        for (const Unit& unit : data.units) {
            rows.writeUnit(unit);
            extents[static_cast<size_t>(unit.level)].include(unit.boundary.envelope());
        }
        for (const Member& member : data.members)
            rows.writeMember(member);
        for (const Assignment& assignment : data.assignments)
            rows.writeAssignment(assignment);
    } // its statements are finished before the schema changes again
    for (int level = 0; level < hierarchy.levelCount(); ++level) {
        const QString table = hierarchy.level(level).key;
        GeoPackage::createSpatialIndex(db, table);
        GeoPackage::updateContents(db, table, extents[static_cast<size_t>(level)]);
    }

    db.execute(
        QStringLiteral("CREATE TABLE ga_history (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                       "created DATETIME NOT NULL, operation TEXT NOT NULL, description TEXT, payload BLOB, "
                       "undone BOOLEAN NOT NULL DEFAULT 0)"));
}

int storedVersion(SqliteDatabase& db)
{
    if (!db.tableExists(QStringLiteral("ga_project")))
        return 0;
    return projectValue(db, QStringLiteral("schema_version")).toInt();
}

void migrate(SqliteDatabase& db, int fromVersion)
{
    if (migrationSteps().size() != static_cast<size_t>(CurrentVersion - 1))
        throw Error(Error::Kind::Corrupt,
                    Tr::tr("This GridAtlas lacks the upgrade steps to schema %1").arg(CurrentVersion));
    migrate(db, fromVersion, migrationSteps());
}

void migrate(SqliteDatabase& db, int fromVersion, const std::vector<MigrationStep>& steps)
{
    const int targetVersion = static_cast<int>(steps.size()) + 1;
    for (int version = fromVersion; version < targetVersion; ++version) {
        const size_t step = static_cast<size_t>(version - 1);
        if (step >= steps.size())
            throw Error(Error::Kind::Corrupt,
                        Tr::tr("No upgrade from project schema version %1").arg(version));
        steps[step](db);
        setProjectValue(db, QStringLiteral("schema_version"), QString::number(version + 1));
    }
}

HierarchyTemplate readHierarchy(SqliteDatabase& db)
{
    return HierarchyTemplate::fromJson(projectValue(db, QStringLiteral("template")).toUtf8());
}

namespace {

//! the rows of a table, counted (its fids may lie far apart: 1 and 4,000,000,000)
qint64 rowCount(SqliteDatabase& db, const QString& table)
{
    SqliteStatement count = db.prepare(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table));
    return count.step() ? count.integer(0) : 0;
}

//! tells the progress every few thousand rows read, against the rows expected
class ReadCounter
{
public:
    ReadCounter(qint64 expectedRows, const ReadProgress& progress)
        : mProgress(progress), mExpected(std::max<qint64>(1, expectedRows))
    {
    }

    void rowRead()
    {
        if (!mProgress || (++mRead & 4095) != 0)
            return;
        if (!mProgress(static_cast<int>(std::min<qint64>(1000, mRead * 1000 / mExpected))))
            throw Error(Error::Kind::Cancelled, Tr::tr("Opening was cancelled"));
    }

private:
    const ReadProgress& mProgress;
    qint64 mRead = 0;
    qint64 mExpected;
};

} // namespace

void writeAcceptedProblems(SqliteDatabase& db, const std::vector<AcceptedProblem>& accepted)
{
    QJsonArray rows;
    for (const AcceptedProblem& problem : accepted)
        rows.append(QJsonObject{{QStringLiteral("kind"), problem.kindKey},
                                {QStringLiteral("unit"), problem.unitCode},
                                {QStringLiteral("note"), problem.note}});
    setProjectValue(db, QStringLiteral("accepted_problems"),
                    QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
}

void writeCountsNotEnteredYet(SqliteDatabase& db, bool notYet)
{
    setProjectValue(db, QStringLiteral("counts_entered"),
                    notYet ? QStringLiteral("no") : QStringLiteral("yes"));
}

std::vector<AcceptedProblem> readAcceptedProblems(SqliteDatabase& db)
{
    const QString stored = projectValue(db, QStringLiteral("accepted_problems"));
    if (stored.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(stored.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        throw Error(Error::Kind::Corrupt,
                    Tr::tr("The list of accepted problems is damaged: %1").arg(error.errorString()));
    std::vector<AcceptedProblem> accepted;
    for (const QJsonValue& row : document.array()) {
        const QJsonObject object = row.toObject();
        accepted.push_back({object.value(QLatin1String("kind")).toString(),
                            object.value(QLatin1String("unit")).toString(),
                            object.value(QLatin1String("note")).toString()});
    }
    return accepted;
}

ProjectData read(SqliteDatabase& db, const ReadProgress& progress)
{
    ProjectData data;
    data.name = projectValue(db, QStringLiteral("name"));
    data.acceptedProblems = readAcceptedProblems(db);
    data.countsNotEnteredYet = projectValue(db, QStringLiteral("counts_entered")) == QLatin1String("no");
    data.referenceLayers =
        ReferenceLayers::fromJson(projectValue(db, QStringLiteral("reference_layers")).toUtf8());
    data.hierarchy = readHierarchy(db);
    const QString crs = projectValue(db, QStringLiteral("crs"));
    data.crsEpsg = crs.mid(crs.indexOf(QLatin1Char(':')) + 1).toInt();
    const bool hasExternalCodes = storedVersion(db) >= 2;

    QStringList tables;
    for (int level = 0; level < data.hierarchy.levelCount(); ++level) {
        tables << data.hierarchy.level(level).key;
        if (!db.tableExists(tables.back()))
            throw Error(Error::Kind::Corrupt,
                        Tr::tr("The project has no table for level \"%1\"").arg(tables.back()));
    }
    // Reserving what the tables hold saves copying 200,000 units while the vectors grow.
    qint64 unitRows = 0;
    for (const QString& table : tables)
        unitRows += rowCount(db, table);
    const qint64 memberRows = rowCount(db, QStringLiteral("ga_members"));
    const qint64 assignmentRows = rowCount(db, QStringLiteral("ga_assignments"));
    ReadCounter counter(unitRows + memberRows + assignmentRows, progress);
    data.units.reserve(static_cast<size_t>(unitRows));

    QHash<UnitId, int> levelOfUnit;
    levelOfUnit.reserve(static_cast<int>(unitRows));
    for (int level = 0; level < data.hierarchy.levelCount(); ++level) {
        const QString& table = tables.at(level);
        // a project of schema 1, read without upgrading it, has no external codes
        const QString externalCode =
            hasExternalCodes ? QStringLiteral("external_code") : QStringLiteral("NULL");
        SqliteStatement query = db.prepare(
            QStringLiteral("SELECT fid, geom, code, name, organisation, parent_fid, households, residents, "
                           "notes, %2 FROM \"%1\" ORDER BY fid")
                .arg(table, externalCode));
        while (query.step()) {
            Unit unit;
            unit.id = query.integer(0);
            unit.level = level;
            if (!query.isNull(1)) {
                int size = 0;
                const unsigned char* blob = query.blob(1, &size);
                unit.boundary = GpkgGeometry::decode(blob, size);
            }
            unit.code = query.text(2);
            unit.name = query.text(3);
            unit.organisation = query.text(4);
            unit.parentId = query.isNull(5) ? 0 : query.integer(5);
            unit.households = query.integer(6);
            unit.residents = query.integer(7);
            unit.notes = query.text(8);
            unit.externalCode = query.text(9);
            if (levelOfUnit.contains(unit.id))
                throw Error(Error::Kind::Corrupt,
                            Tr::tr("Unit id %1 is used in two levels (%2 and %3)")
                                .arg(unit.id)
                                .arg(data.hierarchy.level(levelOfUnit.value(unit.id)).key, table));
            levelOfUnit.insert(unit.id, level);
            data.units.push_back(std::move(unit));
            counter.rowRead();
        }
    }

    SqliteStatement members = db.prepare(
        QStringLiteral("SELECT fid, name, phone, gender, status, notes FROM ga_members ORDER BY fid"));
    data.members.reserve(static_cast<size_t>(memberRows));
    while (members.step()) {
        data.members.push_back(Member{members.integer(0), members.text(1), members.text(2), members.text(3),
                                      members.text(4), members.text(5)});
        counter.rowRead();
    }
    SqliteStatement assignments =
        db.prepare(QStringLiteral("SELECT fid, member_fid, unit_fid, role, linked_households, linked_note "
                                  "FROM ga_assignments ORDER BY fid"));
    data.assignments.reserve(static_cast<size_t>(assignmentRows));
    while (assignments.step()) {
        data.assignments.push_back(Assignment{assignments.integer(0), assignments.integer(1),
                                              assignments.integer(2), assignments.text(3),
                                              assignments.integer(4), assignments.text(5)});
        counter.rowRead();
    }
    return data;
}

namespace {

/**
 * The level tables a change rewrites so much of that their R-tree is filled again at once
 * rather than kept current row by row (about 15 µs a row): a few thousand rows, and more
 * than a tenth of the table.
 */
QStringList tablesChangedInBulk(SqliteDatabase& db, const HierarchyTemplate& hierarchy,
                                const ChangeSet& changes)
{
    constexpr size_t BulkRows = 2000;
    std::map<int, size_t> placed; // level -> rows whose geometry is written or deleted
    for (const auto& change : changes.units)
        if (!change.before || !change.after || !(change.before->boundary == change.after->boundary))
            ++placed[(change.after ? *change.after : *change.before).level];
    QStringList tables;
    for (const auto& [level, count] : placed) {
        if (count < BulkRows || level < 0 || level >= hierarchy.levelCount())
            continue;
        const QString table = hierarchy.level(level).key;
        if (count * 10 >= size_t(rowCount(db, table)))
            tables << table;
    }
    return tables;
}

} // namespace

void applyChanges(SqliteDatabase& db, const HierarchyTemplate& hierarchy, const ChangeSet& changes, int srsId)
{
    const QStringList inBulk = tablesChangedInBulk(db, hierarchy, changes);
    for (const QString& table : inBulk)
        GeoPackage::suspendSpatialIndex(db, table);
    RowWriter rows(db, hierarchy, srsId);
    // Deletions first, from the rows that depend on others up; then writes, the other way.
    for (const auto& change : changes.assignments)
        if (!change.after && change.before)
            rows.deleteAssignment(*change.before);
    for (const auto& change : changes.units)
        if (!change.after && change.before)
            rows.deleteUnit(*change.before);
        else if (change.after && change.before && change.after->code != change.before->code)
            rows.releaseCode(*change.before);
    for (const auto& change : changes.members)
        if (!change.after && change.before)
            rows.deleteMember(*change.before);
    for (const auto& change : changes.members)
        if (change.after)
            rows.writeMember(*change.after);
    for (const auto& change : changes.units)
        if (change.after)
            rows.writeUnit(*change.after, !change.before);
    for (const auto& change : changes.assignments)
        if (change.after)
            rows.writeAssignment(*change.after);
    for (const QString& table : inBulk)
        GeoPackage::resumeSpatialIndex(db, table);

    std::map<int, Envelope> touched; // level -> the area the change covers
    for (const auto& change : changes.units) {
        const Unit& unit = change.after ? *change.after : *change.before;
        Envelope& envelope = touched[unit.level];
        if (change.after)
            envelope.include(change.after->boundary.envelope());
    }
    for (const auto& [level, envelope] : touched)
        GeoPackage::touchContents(db, hierarchy.level(level).key, envelope);
}

void writeReferenceLayers(SqliteDatabase& db, const std::vector<ReferenceLayer>& layers)
{
    setProjectValue(db, QStringLiteral("reference_layers"),
                    QString::fromUtf8(ReferenceLayers::toJson(layers)));
}

void recordHistory(SqliteDatabase& db, const QString& operation, const QString& description,
                   const QByteArray& payload)
{
    SqliteStatement statement = db.prepare(QStringLiteral(
        "INSERT INTO ga_history (created, operation, description, payload) VALUES (?, ?, ?, ?)"));
    statement.bind(1, GeoPackage::timestamp()).bind(2, operation).bind(3, description);
    if (payload.isEmpty())
        statement.bindNull(4);
    else
        statement.bindBlob(4, payload);
    statement.run();
}

} // namespace gridmodel::ProjectSchema
