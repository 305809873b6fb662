#pragma once

#include "responsibilitysheet.h"

#include <QDate>
#include <QImage>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QgsMapLayer;
class QgsProject;
class QgsVectorLayer;

namespace gridmodel {
class ProjectFile;
}

namespace mapcore {

class ResponsibilityMapLayout;

/**
 * Prints responsibility maps (网格责任图): a page per unit, each with its map (children
 * labelled, neighbours greyed, the parent's boundary), legend, scale bar, north arrow,
 * roster, counts and open problems, as a vector PDF with its Chinese font embedded, or as
 * images. What a page says is gridmodel::ResponsibilitySheet's; this class lays it out.
 */
class ResponsibilityMapPrinter
{
public:
    using Orientation = gridmodel::ResponsibilitySheet::Orientation;

    struct Options
    {
        QString paper = QStringLiteral("A4");
        std::optional<Orientation> orientation; //!< none: by each unit's shape
        bool showPhones = false;                //!< masked (138****5678) unless set
        QString templatePath;                   //!< a .qpt instead of the default layout
        QDate date = QDate::currentDate();      //!< printed as the date of printing
        bool wall = false; //!< a wall map: the units below listed with their leaders, not the roster
        //! the project's reference layers drawn under the units, by name, top first
        QStringList referenceLayers;
    };

    //! done pages and all pages; returning false stops (Error::Kind::Cancelled, no file left)
    using Progress = std::function<bool(int done, int total)>;

    /**
     * `findings`: the checker's findings on the project as it is (the window's, kept up to date
     * after each edit), listed on the pages; without them the whole project is checked here.
     * Throws gridmodel::Error for an unknown paper or a bad template.
     */
    ResponsibilityMapPrinter(const gridmodel::ProjectFile& project, const Options& options,
                             const std::vector<gridmodel::Problem>* findings = nullptr);
    ~ResponsibilityMapPrinter();

    /**
     * Other choices for the pages to come (a preview following a dialog, say), keeping the
     * layers and the checker's findings; throws as the constructor does.
     */
    void setOptions(const Options& options);

    /**
     * Writes one PDF with a page per unit, in the order given. The file appears whole or not
     * at all (written beside it, then renamed).
     */
    void writePdf(const std::vector<gridmodel::UnitId>& units, const QString& path,
                  const Progress& progress = {});
    /**
     * Writes the page layout (the default one for the paper, or the template in use) as a
     * QGIS layout template, to change in QGIS's layout designer and print with again.
     */
    void saveTemplate(const QString& path, Orientation orientation);
    //! the checker's problems the pages list
    const std::vector<gridmodel::Problem>& problems() const { return mProblems; }
    //! one unit's page as an image
    QImage renderPage(gridmodel::UnitId unit, double dpi, int pageNumber = 1, int pageCount = 1);
    //! the layout a unit's page is printed with, filled for it (to save as a template, say)
    ResponsibilityMapLayout& layoutOf(gridmodel::UnitId unit) { return prepare(unit, 1, 1); }

private:
    ResponsibilityMapLayout& prepare(gridmodel::UnitId unit, int pageNumber, int pageCount);
    ResponsibilityMapLayout& layoutFor(Orientation orientation);
    void styleLevels(int level);
    //! makes the map layers of the named reference layers; throws Error naming one that cannot be had
    void useReferenceLayers(const QStringList& names);

    const gridmodel::ProjectFile& mProject;
    Options mOptions;
    gridmodel::PaperSize mPaper;
    std::vector<gridmodel::Problem> mProblems;
    std::unique_ptr<QgsProject> mQgisProject;
    std::vector<QgsVectorLayer*> mLayers; //!< one per level, owned by mQgisProject
    QList<QgsMapLayer*> mReferences;      //!< Options::referenceLayers, owned by mQgisProject
    QgsVectorLayer* mUnitLayer = nullptr; //!< the printed level again, for the unit's outline on top
    std::unique_ptr<ResponsibilityMapLayout> mPortrait, mLandscape, mTemplate;
    int mStyledLevel = -1;
};

} // namespace mapcore
