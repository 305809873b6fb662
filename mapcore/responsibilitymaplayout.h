#pragma once

#include "responsibilitysheet.h"

#include <qgstablecell.h>

#include <QDate>
#include <QList>
#include <QSizeF>
#include <QString>
#include <memory>

class QgsLayoutItemManualTable;
class QgsLayoutItemMap;
class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;
class QgsRectangle;

namespace mapcore {

/**
 * One page of a responsibility map as a QGIS print layout: the default one for a paper
 * and orientation, or a user's template (.qpt, made in QGIS's layout designer). Items are
 * found by their ids (README: "Printing"): map (required), title, office, date, legend,
 * scalebar, north, counts, roster (a fixed table), problems, page. fill() writes a sheet
 * into them; items a template leaves out are simply not filled.
 */
class ResponsibilityMapLayout
{
public:
    using Orientation = gridmodel::ResponsibilitySheet::Orientation;

    ResponsibilityMapLayout(QgsProject* project, const gridmodel::PaperSize& paper, Orientation orientation);
    //! throws gridmodel::Error naming what is wrong with the template
    ResponsibilityMapLayout(QgsProject* project, const QString& templatePath);
    ~ResponsibilityMapLayout();

    QgsPrintLayout& layout() const { return *mLayout; }
    QgsLayoutItemMap* map() const { return mMap; }
    //! the map frame's size on paper, millimetres
    QSizeF mapFrameMm() const;

    void fill(const gridmodel::ResponsibilitySheet& sheet, const QList<QgsMapLayer*>& layers,
              const QgsRectangle& extent, int scale, const QDate& date, int pageNumber, int pageCount);
    //! the layers' styles changed: the next page builds its legend again
    void restyled() { mLegendLayers.clear(); }

private:
    void buildDefault(const gridmodel::PaperSize& paper, Orientation orientation);
    void findItems();
    void setText(const QString& id, const QString& text);
    //! the table (the roster, or a wall map's units): headings, their shares of the width, rows
    void fillTable(const QStringList& headings, const QList<double>& shares, const QgsTableContents& rows);

    std::unique_ptr<QgsPrintLayout> mLayout;
    QgsLayoutItemMap* mMap = nullptr;
    QgsLayoutItemManualTable* mRoster = nullptr;
    double mTableWidthMm = 0;          //!< the width the table's columns share
    QList<QgsMapLayer*> mLegendLayers; //!< what the legend shows; pages of one level share it
};

} // namespace mapcore
