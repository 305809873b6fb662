#pragma once

#include "reportpage.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace gridmodel {
class ChangeReport;
class CoverageReport;
} // namespace gridmodel

namespace mapcore {

/**
 * A report page (coverage, change) as a PDF: its HTML laid out by Qt's text engine on A4
 * landscape pages (the tables are wide), the charts drawn from their SVG at print
 * resolution, the text kept as text. The file appears complete or not at all.
 */
class ReportPdf
{
public:
    /**
     * The page's HTML with the charts as images at these URLs. The page is about 1,030
     * pixels wide: two charts of 480 fit side by side.
     */
    using Page = std::function<QString(const QStringList& chartUrls)>;

    //! throws gridmodel::Error(Io) when the file cannot be written
    static void write(const QString& title, const std::vector<gridmodel::SvgChart>& charts, const Page& page,
                      const QString& path);
    //! the coverage report: its charts two side by side
    static void write(const gridmodel::CoverageReport& report, const QString& path);
    //! the change report: its map across the page
    static void write(const gridmodel::ChangeReport& report, const QString& path);
};

} // namespace mapcore
