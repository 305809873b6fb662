#pragma once

#include <QString>

namespace gridmodel {
class CoverageReport;
}

namespace mapcore {

/**
 * The coverage report as a PDF: its HTML laid out by Qt's text engine on A4 landscape
 * pages (the tables are wide), the charts drawn from their SVG at print resolution, the
 * text kept as text. The file appears complete or not at all.
 */
class CoverageReportPdf
{
public:
    //! throws gridmodel::Error(Io) when the file cannot be written
    static void write(const gridmodel::CoverageReport& report, const QString& path);
};

} // namespace mapcore
