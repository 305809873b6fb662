#pragma once

#include "geometry.h"

#include <QString>
#include <utility>
#include <vector>

namespace gridmodel {

class SqliteDatabase;
class SpatialReference;

/**
 * The GeoPackage container (OGC 12-128r18, version 1.3): core tables, spatial reference
 * systems, feature and attribute tables registered in gpkg_contents, R-tree indexes.
 * Knows nothing of GridAtlas.
 */
namespace GeoPackage {

constexpr std::int32_t ApplicationId = 0x47504B47; // "GPKG"
constexpr int UserVersion = 10300;                 // 1.3.0

//! whether the file starts as an SQLite database whose application_id says GeoPackage
enum class FileKind
{
    Missing,
    NotSqlite,
    SqliteNotGeoPackage,
    GeoPackage
};
FileKind probe(const QString& path);

void createCoreTables(SqliteDatabase& db);
void addSpatialReferenceSystem(SqliteDatabase& db, const SpatialReference& srs);

/** Creates a polygon feature table with `fid` and `geom` plus the given column definitions. */
void createFeatureTable(SqliteDatabase& db, const QString& table, const QString& identifier,
                        const QString& description, int srsId, const QString& extraColumns);
void createAttributesTable(SqliteDatabase& db, const QString& table, const QString& identifier,
                           const QString& description, const QString& columns);

/** Display names for columns (the GeoPackage schema extension); QGIS shows them as aliases. */
void setColumnTitles(SqliteDatabase& db, const QString& table,
                     const std::vector<std::pair<QString, QString>>& titles);

/** Fills the table's R-tree from its rows and installs the triggers that keep it current. */
void createSpatialIndex(SqliteDatabase& db, const QString& table);
/**
 * For a change to many rows: drops the triggers that keep the table's R-tree current one row
 * at a time. resumeSpatialIndex() fills it again from the rows at once and puts them back; in
 * between, inside one transaction, the R-tree is out of date.
 */
void suspendSpatialIndex(SqliteDatabase& db, const QString& table);
void resumeSpatialIndex(SqliteDatabase& db, const QString& table);

/** Updates gpkg_contents' extent and last_change for a table. */
void updateContents(SqliteDatabase& db, const QString& table, const Envelope& extent);
//! records a change to a table: last_change now, and the extent grown to take in `changed`
void touchContents(SqliteDatabase& db, const QString& table, const Envelope& changed);

//! the current UTC time in the GeoPackage DATETIME format
QString timestamp();

} // namespace GeoPackage
} // namespace gridmodel
