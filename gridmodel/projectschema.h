#pragma once

#include "changeset.h"
#include "projectdata.h"

#include <functional>
#include <vector>

namespace gridmodel {

class SqliteDatabase;

/**
 * GridAtlas's tables inside the GeoPackage: one polygon feature table per level (named by
 * the level key, so QGIS shows each level as a layer), ga_members and ga_assignments as
 * attribute tables, ga_project (key/value: schema version, name, CRS, template) and
 * ga_history. Reads and writes whole rows; transactions belong to the caller.
 */
namespace ProjectSchema {

//! 2: each level's table has external_code (the unit's code in another system)
constexpr int CurrentVersion = 2;

//! creates the GeoPackage and GridAtlas tables and writes all of the data
void writeNewProject(SqliteDatabase& db, const ProjectData& data);
/**
 * Told the share of the rows read so far (0 to 1000, per mille) every few thousand rows;
 * returning false stops the reading (read() then throws Error::Kind::Cancelled).
 */
using ReadProgress = std::function<bool(int permille)>;
//! loads everything (also from an older schema, not upgraded); throws Error(Corrupt) naming what is
//! inconsistent
ProjectData read(SqliteDatabase& db, const ReadProgress& progress = {});
//! the hierarchy template stored in the file, read alone
HierarchyTemplate readHierarchy(SqliteDatabase& db);

//! the schema version stored in the file; 0 when this is not a GridAtlas project
int storedVersion(SqliteDatabase& db);
//! one upgrade of the file's tables, from a schema version to the next
using MigrationStep = std::function<void(SqliteDatabase&)>;
//! upgrades an older project in place to CurrentVersion (the caller holds a transaction)
void migrate(SqliteDatabase& db, int fromVersion);
//! the same with given steps: steps[i] upgrades version i + 1 to i + 2
void migrate(SqliteDatabase& db, int fromVersion, const std::vector<MigrationStep>& steps);

//! writes the "after" side of every change (deleting rows that have none)
void applyChanges(SqliteDatabase& db, const HierarchyTemplate& hierarchy, const ChangeSet& changes,
                  int srsId);
//! the problems the planner accepts, stored with the project (not part of the history)
void writeAcceptedProblems(SqliteDatabase& db, const std::vector<AcceptedProblem>& accepted);
std::vector<AcceptedProblem> readAcceptedProblems(SqliteDatabase& db);
//! ProjectData::countsNotEnteredYet, kept in ga_project as "counts_entered" = "no"
void writeCountsNotEnteredYet(SqliteDatabase& db, bool notYet);
//! ProjectData::referenceLayers, kept in ga_project as "reference_layers" (JSON)
void writeReferenceLayers(SqliteDatabase& db, const std::vector<ReferenceLayer>& layers);
//! a new history entry (payload: a serialized ChangeSet, or empty for what cannot be undone)
void recordHistory(SqliteDatabase& db, const QString& operation, const QString& description,
                   const QByteArray& payload = QByteArray());

} // namespace ProjectSchema
} // namespace gridmodel
