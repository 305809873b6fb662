#include "geopackage.h"

#include "gpkggeometry.h"
#include "packedrtree.h"
#include "spatialreference.h"
#include "sqlitedatabase.h"

#include <QDateTime>
#include <QFile>

namespace gridmodel::GeoPackage {

FileKind probe(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return FileKind::Missing;
    if (!file.open(QIODevice::ReadOnly))
        return FileKind::NotSqlite; // the caller reports unreadable files separately
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return FileKind::NotSqlite;
    const auto byte = [&](int i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(header[i]));
    };
    const std::uint32_t applicationId = byte(68) << 24 | byte(69) << 16 | byte(70) << 8 | byte(71);
    // GeoPackage 1.0 used "GP10", 1.1 "GP11"; 1.2 and later "GPKG".
    if (applicationId == 0x47504B47u || applicationId == 0x47503130u || applicationId == 0x47503131u)
        return FileKind::GeoPackage;
    return FileKind::SqliteNotGeoPackage;
}

QString timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

void createCoreTables(SqliteDatabase& db)
{
    db.execute(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId));
    db.execute(QStringLiteral("PRAGMA user_version = %1").arg(UserVersion));
    db.execute(QStringLiteral(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, "
        "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, "
        "description TEXT);"
        "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
        "identifier TEXT UNIQUE, description TEXT DEFAULT '', "
        "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
        "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
        "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
        "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
        "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
        "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
        "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
        "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));"
        "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
        "definition TEXT NOT NULL, scope TEXT NOT NULL, "
        "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));"
        "CREATE TABLE gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, "
        "min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL, "
        "CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
        "CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));"
        "CREATE TABLE gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, "
        "matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, "
        "tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL, "
        "CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level), "
        "CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));"
        "CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, "
        "title TEXT, "
        "description TEXT, mime_type TEXT, constraint_name TEXT, "
        "CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, "
        "name));"
        "CREATE TABLE gpkg_data_column_constraints (constraint_name TEXT NOT NULL, constraint_type TEXT NOT "
        "NULL, "
        "value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, "
        "description TEXT, "
        "CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));"
        "INSERT INTO gpkg_extensions VALUES ('gpkg_data_columns', NULL, 'gpkg_schema', "
        "'http://www.geopackage.org/spec/#extension_schema', 'read-write');"
        "INSERT INTO gpkg_extensions VALUES ('gpkg_data_column_constraints', NULL, 'gpkg_schema', "
        "'http://www.geopackage.org/spec/#extension_schema', 'read-write');"));
    db.execute(QStringLiteral(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', "
        "'undefined cartesian coordinate reference system');"
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', "
        "'undefined geographic coordinate reference system');"
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, "
        "'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS "
        "84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
        "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\","
        "0.0174532925199433,"
        "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\","
        "\"4326\"]]', "
        "'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');"));
}

void addSpatialReferenceSystem(SqliteDatabase& db, const SpatialReference& srs)
{
    SqliteStatement insert =
        db.prepare(QStringLiteral("INSERT OR REPLACE INTO gpkg_spatial_ref_sys (srs_name, srs_id, "
                                  "organization, organization_coordsys_id, "
                                  "definition, description) VALUES (?, ?, 'EPSG', ?, ?, ?)"));
    insert.bind(1, srs.name()).bind(2, srs.epsg()).bind(3, srs.epsg()).bind(4, srs.wkt()).bind(5, srs.name());
    insert.run();
}

void createFeatureTable(SqliteDatabase& db, const QString& table, const QString& identifier,
                        const QString& description, int srsId, const QString& extraColumns)
{
    db.execute(
        QStringLiteral(
            "CREATE TABLE \"%1\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, %2)")
            .arg(table, extraColumns));
    SqliteStatement contents = db.prepare(QStringLiteral(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) "
        "VALUES (?, 'features', ?, ?, ?, ?)"));
    contents.bind(1, table).bind(2, identifier).bind(3, description).bind(4, timestamp()).bind(5, srsId);
    contents.run();
    SqliteStatement columns = db.prepare(QStringLiteral(
        "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
        "VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)"));
    columns.bind(1, table).bind(2, srsId);
    columns.run();
}

void createAttributesTable(SqliteDatabase& db, const QString& table, const QString& identifier,
                           const QString& description, const QString& columns)
{
    db.execute(QStringLiteral("CREATE TABLE \"%1\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, %2)")
                   .arg(table, columns));
    SqliteStatement contents = db.prepare(QStringLiteral(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
        "VALUES (?, 'attributes', ?, ?, ?)"));
    contents.bind(1, table).bind(2, identifier).bind(3, description).bind(4, timestamp());
    contents.run();
}

void setColumnTitles(SqliteDatabase& db, const QString& table,
                     const std::vector<std::pair<QString, QString>>& titles)
{
    SqliteStatement insert =
        db.prepare(QStringLiteral("INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, "
                                  "title) VALUES (?, ?, ?, ?)"));
    for (const auto& [column, title] : titles) {
        insert.bind(1, table).bind(2, column).bind(3, title).bind(4, title);
        insert.run();
    }
}

namespace {

QString rtreeOf(const QString& table)
{
    return QStringLiteral("rtree_%1_geom").arg(table);
}

//! the table's R-tree filled from its rows at once
void fillSpatialIndex(SqliteDatabase& db, const QString& table)
{
    std::vector<PackedRTree::Entry> entries;
    SqliteStatement rows =
        db.prepare(QStringLiteral("SELECT fid, geom FROM \"%1\" WHERE geom NOT NULL").arg(table));
    while (rows.step()) {
        int size = 0;
        const unsigned char* blob = rows.blob(1, &size);
        bool ok = false;
        const Envelope envelope = GpkgGeometry::envelope(blob, size, &ok);
        if (ok && !envelope.isEmpty()) // as the triggers: no entry for an empty geometry
            entries.emplace_back(rows.integer(0), envelope);
    }
    PackedRTree::replaceContents(db, rtreeOf(table), std::move(entries));
}

//! the triggers of the GeoPackage 1.3 R-tree extension (Annex F.3), which keep the R-tree current
void createSpatialIndexTriggers(SqliteDatabase& db, const QString& table)
{
    const QString rtree = rtreeOf(table);
    const QString t = QStringLiteral("\"%1\"").arg(table);
    const QString r = QStringLiteral("\"%1\"").arg(rtree);
    QString sql;
    sql += QStringLiteral(
               "CREATE TRIGGER \"%1_insert\" AFTER INSERT ON %2 WHEN (new.geom NOT NULL AND NOT "
               "ST_IsEmpty(NEW.geom)) "
               "BEGIN INSERT OR REPLACE INTO %3 VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), "
               "ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;")
               .arg(rtree, t, r);
    sql +=
        QStringLiteral("CREATE TRIGGER \"%1_update1\" AFTER UPDATE OF geom ON %2 WHEN OLD.fid = NEW.fid AND "
                       "(NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO %3 "
                       "VALUES (NEW.fid, "
                       "ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;")
            .arg(rtree, t, r);
    sql += QStringLiteral(
               "CREATE TRIGGER \"%1_update2\" AFTER UPDATE OF geom ON %2 WHEN OLD.fid = NEW.fid AND "
               "(NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM %3 WHERE id = OLD.fid; END;")
               .arg(rtree, t, r);
    sql += QStringLiteral(
               "CREATE TRIGGER \"%1_update3\" AFTER UPDATE ON %2 WHEN OLD.fid != NEW.fid AND "
               "(NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM %3 WHERE id = OLD.fid; "
               "INSERT OR REPLACE INTO %3 VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), "
               "ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;")
               .arg(rtree, t, r);
    sql += QStringLiteral("CREATE TRIGGER \"%1_update4\" AFTER UPDATE ON %2 WHEN OLD.fid != NEW.fid AND "
                          "(NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM %3 WHERE id IN "
                          "(OLD.fid, NEW.fid); END;")
               .arg(rtree, t, r);
    sql += QStringLiteral("CREATE TRIGGER \"%1_delete\" AFTER DELETE ON %2 WHEN old.geom NOT NULL "
                          "BEGIN DELETE FROM %3 WHERE id = OLD.fid; END;")
               .arg(rtree, t, r);
    db.execute(sql);
}

const char* const TriggerSuffixes[] = {"insert", "update1", "update2", "update3", "update4", "delete"};

} // namespace

void createSpatialIndex(SqliteDatabase& db, const QString& table)
{
    db.execute(QStringLiteral("CREATE VIRTUAL TABLE \"%1\" USING rtree(id, minx, maxx, miny, maxy)")
                   .arg(rtreeOf(table)));
    fillSpatialIndex(db, table);
    createSpatialIndexTriggers(db, table);
    SqliteStatement extension = db.prepare(QStringLiteral(
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
        "VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', "
        "'write-only')"));
    extension.bind(1, table);
    extension.run();
}

void suspendSpatialIndex(SqliteDatabase& db, const QString& table)
{
    for (const char* suffix : TriggerSuffixes)
        db.execute(
            QStringLiteral("DROP TRIGGER IF EXISTS \"%1_%2\"").arg(rtreeOf(table), QLatin1String(suffix)));
}

void resumeSpatialIndex(SqliteDatabase& db, const QString& table)
{
    fillSpatialIndex(db, table);
    createSpatialIndexTriggers(db, table);
}

void updateContents(SqliteDatabase& db, const QString& table, const Envelope& extent)
{
    SqliteStatement update =
        db.prepare(QStringLiteral("UPDATE gpkg_contents SET last_change = ?, min_x = ?, min_y = ?, max_x = "
                                  "?, max_y = ? WHERE table_name = ?"));
    update.bind(1, timestamp());
    if (extent.isEmpty()) {
        update.bindNull(2).bindNull(3).bindNull(4).bindNull(5);
    } else {
        update.bind(2, extent.minX).bind(3, extent.minY).bind(4, extent.maxX).bind(5, extent.maxY);
    }
    update.bind(6, table);
    update.run();
}

void touchContents(SqliteDatabase& db, const QString& table, const Envelope& changed)
{
    // Extents only grow here, as GDAL does: shrinking would need a scan of the whole table.
    SqliteStatement update = db.prepare(QStringLiteral(
        "UPDATE gpkg_contents SET last_change = ?1, "
        "min_x = CASE WHEN ?2 IS NULL THEN min_x WHEN min_x IS NULL OR ?2 < min_x THEN ?2 ELSE min_x END, "
        "min_y = CASE WHEN ?3 IS NULL THEN min_y WHEN min_y IS NULL OR ?3 < min_y THEN ?3 ELSE min_y END, "
        "max_x = CASE WHEN ?4 IS NULL THEN max_x WHEN max_x IS NULL OR ?4 > max_x THEN ?4 ELSE max_x END, "
        "max_y = CASE WHEN ?5 IS NULL THEN max_y WHEN max_y IS NULL OR ?5 > max_y THEN ?5 ELSE max_y END "
        "WHERE table_name = ?6"));
    update.bind(1, timestamp());
    if (changed.isEmpty())
        update.bindNull(2).bindNull(3).bindNull(4).bindNull(5);
    else
        update.bind(2, changed.minX).bind(3, changed.minY).bind(4, changed.maxX).bind(5, changed.maxY);
    update.bind(6, table);
    update.run();
}

} // namespace gridmodel::GeoPackage
