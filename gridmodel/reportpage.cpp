#include "reportpage.h"

#include "outputfile.h"

#include <QRegularExpression>
#include <algorithm>

namespace gridmodel::reportpage {

QString svgStart(int width, int height)
{
    return QStringLiteral(
               "<svg xmlns='http://www.w3.org/2000/svg' width='%1' height='%2' viewBox='0 0 %1 %2' "
               "font-family=\"'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif\" "
               "font-size='12'><rect width='%1' height='%2' fill='white'/>")
        .arg(width)
        .arg(height);
}

MapFrame::MapFrame(const Envelope& extent, double left, double top, double width, double height)
    : mExtent(extent)
{
    mScale = std::min(width / std::max(1.0, extent.width()), height / std::max(1.0, extent.height()));
    mOffsetX = left + (width - extent.width() * mScale) / 2;
    mOffsetY = top + (height - extent.height() * mScale) / 2;
}

QString MapFrame::path(const MultiPolygon& geometry) const
{
    QString path;
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings) {
            for (size_t i = 0; i < ring.size(); ++i)
                path += QStringLiteral("%1%2 %3")
                            .arg(i == 0 ? QStringLiteral("M") : QStringLiteral(" L"))
                            .arg(x(ring[i].x), 0, 'f', 1)
                            .arg(y(ring[i].y), 0, 'f', 1);
            path += QStringLiteral(" Z ");
        }
    return path.trimmed();
}

QString htmlStart(const QString& title)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang='zh-CN'><head><meta charset='utf-8'><title>%1</title>"
               "<style>body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft "
               "YaHei',sans-serif;"
               "margin:24px;color:#222;font-size:13px}h1{font-size:20px}h2{font-size:16px;margin-top:24px;"
               "border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:8px 0}th,td{border:1px "
               "solid "
               "#bbb;padding:3px 6px}th{background:#eef1f5}td.n{text-align:right}tr.total "
               "td{font-weight:bold;"
               "background:#f6f6f6}td.bad{color:#b00020;font-weight:bold}.meta{color:#666}.charts "
               "img,.charts "
               "svg{margin:6px 12px 6px 0;vertical-align:top}</style></head><body>\n")
        .arg(title.toHtmlEscaped());
}

QString htmlCharts(const std::vector<SvgChart>& charts, const QStringList& urls, int width)
{
    QString html = QStringLiteral("<div class='charts'>");
    if (urls.isEmpty())
        for (const SvgChart& chart : charts)
            html += chart.svg + QLatin1Char('\n');
    for (const QString& url : urls)
        html += QStringLiteral("<img src='%1' width='%2'/> ").arg(url).arg(width);
    return html + QStringLiteral("</div>\n");
}

QString htmlTable(const std::vector<QStringList>& rows, const QSet<int>& flagged, bool lastIsTotal,
                  int firstNumberColumn)
{
    if (rows.empty())
        return QString();
    QString html = QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>");
    for (const QString& cell : rows.front())
        html += QStringLiteral("<th>%1</th>").arg(cell.toHtmlEscaped());
    html += QStringLiteral("</tr>\n");
    for (size_t r = 1; r < rows.size(); ++r) {
        const bool total = lastIsTotal && r + 1 == rows.size();
        html += total ? QStringLiteral("<tr class='total'>") : QStringLiteral("<tr>");
        for (int c = 0; c < rows[r].size(); ++c) {
            const QString& cell = rows[r].at(c);
            bool isNumber = false;
            const double value = cell.toDouble(&isNumber);
            const bool bad = flagged.contains(c) && isNumber && value > 0;
            // a code or a name stays whole; a list or a sentence may wrap, so a wide table fits
            static const QRegularExpression breakable(QStringLiteral("[\\s、；，]"));
            const bool codeOrWord = !cell.contains(breakable);
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(bad ? QStringLiteral(" class='n bad' align='right' style='white-space:nowrap'")
                             : isNumber && c >= firstNumberColumn
                                 ? QStringLiteral(" class='n' align='right' style='white-space:nowrap'")
                             : codeOrWord ? QStringLiteral(" style='white-space:nowrap'")
                                          : QString())
                        .arg(total && bad ? QStringLiteral("<b>%1</b>").arg(cell.toHtmlEscaped())
                                          : cell.toHtmlEscaped());
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    return html;
}

void writeHtml(const QString& html, const QString& path)
{
    OutputFile::write(path, html.toUtf8());
}

} // namespace gridmodel::reportpage
