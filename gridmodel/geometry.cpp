#include "geometry.h"

#include <algorithm>
#include <cmath>

namespace gridmodel {

void Envelope::include(const Point& p)
{
    minX = std::min(minX, p.x);
    minY = std::min(minY, p.y);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
}

void Envelope::include(const Envelope& other)
{
    if (other.isEmpty())
        return;
    include(Point{other.minX, other.minY});
    include(Point{other.maxX, other.maxY});
}

double signedRingArea(const Ring& ring)
{
    if (ring.size() < 4)
        return 0;
    // Shoelace relative to the first point keeps precision with large projected coordinates.
    const Point origin = ring.front();
    double twiceArea = 0;
    for (size_t i = 1; i + 1 < ring.size(); ++i) {
        const double x1 = ring[i].x - origin.x, y1 = ring[i].y - origin.y;
        const double x2 = ring[i + 1].x - origin.x, y2 = ring[i + 1].y - origin.y;
        twiceArea += x1 * y2 - x2 * y1;
    }
    return twiceArea / 2;
}

double MultiPolygon::area() const
{
    double total = 0;
    for (const Polygon& polygon : polygons) {
        for (size_t i = 0; i < polygon.rings.size(); ++i) {
            const double a = std::abs(signedRingArea(polygon.rings[i]));
            total += i == 0 ? a : -a;
        }
    }
    return total;
}

Envelope MultiPolygon::envelope() const
{
    Envelope envelope;
    for (const Polygon& polygon : polygons)
        if (!polygon.rings.empty())
            for (const Point& p : polygon.rings.front())
                envelope.include(p);
    return envelope;
}

int MultiPolygon::vertexCount() const
{
    int count = 0;
    for (const Polygon& polygon : polygons)
        for (const Ring& ring : polygon.rings)
            count += static_cast<int>(ring.size());
    return count;
}

QString MultiPolygon::toWkt(int precision) const
{
    if (polygons.empty())
        return QStringLiteral("MULTIPOLYGON EMPTY");
    QString wkt = QStringLiteral("MULTIPOLYGON (");
    for (size_t p = 0; p < polygons.size(); ++p) {
        wkt += p ? QStringLiteral(", (") : QStringLiteral("(");
        const auto& rings = polygons[p].rings;
        for (size_t r = 0; r < rings.size(); ++r) {
            wkt += r ? QStringLiteral(", (") : QStringLiteral("(");
            for (size_t i = 0; i < rings[r].size(); ++i) {
                if (i)
                    wkt += QStringLiteral(", ");
                wkt += QString::number(rings[r][i].x, 'f', precision) + QLatin1Char(' ') +
                       QString::number(rings[r][i].y, 'f', precision);
            }
            wkt += QLatin1Char(')');
        }
        wkt += QLatin1Char(')');
    }
    wkt += QLatin1Char(')');
    return wkt;
}

bool MultiPolygon::operator==(const MultiPolygon& other) const
{
    if (polygons.size() != other.polygons.size())
        return false;
    for (size_t p = 0; p < polygons.size(); ++p)
        if (polygons[p].rings != other.polygons[p].rings)
            return false;
    return true;
}

} // namespace gridmodel
