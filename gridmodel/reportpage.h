#pragma once

#include "geometry.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

/** A chart of a report as an SVG document, with its size in pixels. */
struct SvgChart
{
    QString svg;
    int width = 0;
    int height = 0;
};

/** The pieces the report pages (coverage, change) are built of: charts, maps, tables. */
namespace reportpage {

//! an SVG document's opening: its size, the Chinese font, a white ground
QString svgStart(int width, int height);

/** Places map coordinates in a rectangle of a chart, north up, keeping proportions, centred. */
class MapFrame
{
public:
    MapFrame(const Envelope& extent, double left, double top, double width, double height);
    double x(double mapX) const { return mOffsetX + (mapX - mExtent.minX) * mScale; }
    double y(double mapY) const { return mOffsetY + (mExtent.maxY - mapY) * mScale; }
    //! the SVG path data ("M… L… Z") of every ring of the geometry
    QString path(const MultiPolygon& geometry) const;

private:
    Envelope mExtent;
    double mScale = 1, mOffsetX = 0, mOffsetY = 0;
};

//! the charts inline as SVG, or (for PDF, which draws them itself) as images at `urls`, `width` px wide
QString htmlCharts(const std::vector<SvgChart>& charts, const QStringList& urls, int width);
//! the opening of a report page up to <body>: its title and the shared style
QString htmlStart(const QString& title);
/**
 * A table, header first: numbers (from `firstNumberColumn` on) right-aligned and kept whole,
 * numbers above 0 in `flagged` columns marked as bad, the last row bold as a total when
 * `lastIsTotal`; text wraps.
 */
QString htmlTable(const std::vector<QStringList>& rows, const QSet<int>& flagged = {},
                  bool lastIsTotal = false, int firstNumberColumn = 2);

//! writes a page whole or not at all (QSaveFile); throws Error(Io) naming the file
void writeHtml(const QString& html, const QString& path);

} // namespace reportpage

} // namespace gridmodel
