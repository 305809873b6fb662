#include "reportpdf.h"

#include "changereport.h"
#include "coveragereport.h"
#include "error.h"
#include "outputfile.h"

#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace mapcore {

void ReportPdf::write(const QString& title, const std::vector<gridmodel::SvgChart>& charts, const Page& page,
                      const QString& path)
{
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("WenQuanYi Micro Hei"), 8));
    QStringList urls;
    for (const gridmodel::SvgChart& chart : charts) {
        QSvgRenderer renderer(chart.svg.toUtf8());
        constexpr int Oversampling = 3; // about 290 dpi as the page shows it
        QImage image(QSize(chart.width, chart.height) * Oversampling, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString url = QStringLiteral("chart:%1").arg(urls.size());
        document.addResource(QTextDocument::ImageResource, QUrl(url), image);
        urls << url;
    }
    document.setHtml(page(urls));

    gridmodel::OutputFile output(path); // the report appears whole or not at all
    QIODevice& file = output.device();
    {
        QPdfWriter writer(&file);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("GridAtlas"));
        writer.setResolution(96);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.print(&writer);
    }
    output.commit();
}

void ReportPdf::write(const gridmodel::CoverageReport& report, const QString& path)
{
    write(
        report.title(), report.charts(), [&](const QStringList& urls) { return report.toHtml(urls, 480); },
        path);
}

void ReportPdf::write(const gridmodel::ChangeReport& report, const QString& path)
{
    write(
        report.title(), report.charts(), [&](const QStringList& urls) { return report.toHtml(urls, 900); },
        path);
}

} // namespace mapcore
