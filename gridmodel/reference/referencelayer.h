#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

namespace gridmodel {

/** How a reference vector layer is drawn: a line, an optional fill and an optional label. */
struct ReferenceStyle
{
    QString lineColor = QStringLiteral("#6b6b6b"); //!< "#rrggbb"
    double lineWidth = 0.4;                        //!< millimetres
    QString fillColor;                             //!< "#rrggbb"; empty: not filled
    QString labelField;                            //!< empty: no labels

    bool operator==(const ReferenceStyle& other) const;
};

/**
 * A layer the planner draws against, under the hierarchy's levels: an orthophoto or a scanned
 * map (Raster), tiles in one file (MBTiles, GeoPackage tiles: Tiles), a tile service by URL
 * template or a 天地图 preset (TileService), or roads, rivers, buildings and POIs (Vector).
 * Files are kept as sources, relative to the project's folder where they lie beside or below
 * it; 天地图's key is the user's, kept in their settings and never in the project.
 */
struct ReferenceLayer
{
    enum class Kind
    {
        Raster,
        Tiles,
        TileService,
        Vector
    };

    QString name;
    Kind kind = Kind::Vector;
    QString
        source; //!< a path (relative to the project's folder, or absolute), a URL template, "tianditu:img"
    QString sourceLayer; //!< the layer or table inside the source; empty: its first
    int crsEpsg = 0;     //!< the CRS the user gave a source that names none; 0: the source's own
    double opacity = 1;  //!< 0 (invisible) to 1
    bool visible = true;
    bool snapping = true;  //!< vectors: drawing snaps to its vertices, edges and crossings
    bool embedded = false; //!< vectors: copied into the project file as the table sourceLayer
    QString encoding; //!< of a vector file's text when it does not say ("GBK" for a shapefile without .cpg)
    ReferenceStyle style; //!< for vectors

    bool operator==(const ReferenceLayer& other) const;

    //! "raster", "tiles", "tile-service", "vector"
    static QString kindKey(Kind kind);
    //! the kind in Chinese and English, for lists
    static QString kindText(Kind kind);
    bool isFile() const { return kind != Kind::TileService && !embedded; }
    /**
     * The source as a path to open, or as a URL for tiles (a 天地图 preset made a URL with
     * `tiandituKey`); a relative path is taken from the folder of `projectPath`.
     */
    QString resolvedSource(const QString& projectPath, const QString& tiandituKey = QString()) const;
    //! a file source that is not where the project says (a tile service is never missing)
    bool isMissing(const QString& projectPath) const;
};

/**
 * The reference layers of a project, top first (the first is drawn over the others), with their
 * rules: names unique, opacity from 0 to 1, colours as "#rrggbb". Kept in the project file
 * (ga_project "reference_layers", as JSON), outside the edit history, as QGIS keeps its layer
 * tree outside the undo stack.
 */
namespace ReferenceLayers {

QByteArray toJson(const std::vector<ReferenceLayer>& layers);
//! throws Error(Corrupt) naming what cannot be read
std::vector<ReferenceLayer> fromJson(const QByteArray& json);

/**
 * `layer` checked and added on top of `layers`; a name already taken gets " (2)", " (3)" ...
 * Throws Error(InvalidInput) naming a bad opacity, colour or line width.
 */
void add(std::vector<ReferenceLayer>& layers, ReferenceLayer layer);
//! the position of the layer with the name, else -1
int indexOf(const std::vector<ReferenceLayer>& layers, const QString& name);
//! the position named by a name or a 1-based number; throws Error(InvalidInput) listing the names
int find(const std::vector<ReferenceLayer>& layers, const QString& nameOrNumber);
//! throws Error(InvalidInput) naming what is wrong with the style or the opacity
void check(const ReferenceLayer& layer);

/**
 * How a project keeps a file: relative to the project's folder when the file lies in it or
 * below it (the two travel together), else absolute.
 */
QString storedPath(const QString& projectPath, const QString& file);

//! the 天地图 presets: "tianditu:vec" (vector), "tianditu:cva" (its annotation), "tianditu:img",
//! "tianditu:cia"
QStringList tiandituPresets();
//! whether `source` is a URL template with {x}, {y} and {z} or a 天地图 preset
bool isTileService(const QString& source);
/**
 * The URL template of a 天地图 preset with the user's key (Web Mercator tiles of
 * t0–t7.tianditu.gov.cn), or `source` itself when it is a URL already.
 */
QString tileUrl(const QString& source, const QString& tiandituKey);

} // namespace ReferenceLayers

} // namespace gridmodel
