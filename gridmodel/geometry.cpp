#include "geometry.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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

namespace {

//! sign of the turn a -> b -> c, in coordinates relative to a; 0 when collinear
int orientation(const Point& a, const Point& b, const Point& c)
{
    const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return cross > 0 ? 1 : (cross < 0 ? -1 : 0);
}

} // namespace

bool segmentsMeet(const Point& p1, const Point& p2, const Point& q1, const Point& q2)
{
    if (std::max(p1.x, p2.x) < std::min(q1.x, q2.x) || std::max(q1.x, q2.x) < std::min(p1.x, p2.x) ||
        std::max(p1.y, p2.y) < std::min(q1.y, q2.y) || std::max(q1.y, q2.y) < std::min(p1.y, p2.y))
        return false;
    const int o1 = orientation(p1, p2, q1), o2 = orientation(p1, p2, q2);
    const int o3 = orientation(q1, q2, p1), o4 = orientation(q1, q2, p2);
    if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0)
        return true; // touching or collinear: not proven apart
    return o1 != o2 && o3 != o4;
}

bool isClearlyValidSimplePolygon(const MultiPolygon& geometry, size_t maxVertices)
{
    if (geometry.polygons.size() != 1 || geometry.polygons[0].rings.size() != 1)
        return false;
    const Ring& ring = geometry.polygons[0].rings[0];
    const size_t n = ring.size();
    if (n < 4 || n > maxVertices || ring.front() != ring.back() || signedRingArea(ring) == 0)
        return false;
    const size_t segments = n - 1;
    for (size_t i = 0; i < segments; ++i) {
        const Point& a = ring[i];
        const Point& b = ring[i + 1];
        if (a == b)
            return false;
        // Consecutive edges must not fold back onto each other.
        const Point& c = ring[(i + 2) % n == 0 ? 1 : i + 2];
        if (orientation(a, b, c) == 0 && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) <= 0)
            return false;
    }
    if (segments <= 32) { // small rings: every pair
        for (size_t i = 0; i < segments; ++i)
            for (size_t j = i + 2; j < segments; ++j)
                if (!(i == 0 && j == segments - 1) &&
                    segmentsMeet(ring[i], ring[i + 1], ring[j], ring[j + 1]))
                    return false;
        return true;
    }
    // Larger rings: a sweep along x, as only edges whose x ranges overlap can meet.
    std::vector<size_t> order(segments);
    std::iota(order.begin(), order.end(), size_t(0));
    const auto minX = [&](size_t i) { return std::min(ring[i].x, ring[i + 1].x); };
    std::sort(order.begin(), order.end(), [&](size_t l, size_t r) { return minX(l) < minX(r); });
    for (size_t k = 0; k < segments; ++k) {
        const size_t i = order[k];
        const double maxX = std::max(ring[i].x, ring[i + 1].x);
        for (size_t m = k + 1; m < segments && minX(order[m]) <= maxX; ++m) {
            const size_t j = order[m];
            const size_t low = std::min(i, j), high = std::max(i, j);
            if (high == low + 1 || (low == 0 && high == segments - 1))
                continue; // neighbours share a corner
            if (segmentsMeet(ring[i], ring[i + 1], ring[j], ring[j + 1]))
                return false;
        }
    }
    return true;
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

namespace {
//! even-odd crossing test; true also when the point lies on an edge
bool ringContains(const Ring& ring, const Point& p, bool* onEdge)
{
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point& a = ring[i];
        const Point& b = ring[j];
        const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
        if (cross == 0 && p.x >= std::min(a.x, b.x) && p.x <= std::max(a.x, b.x) &&
            p.y >= std::min(a.y, b.y) && p.y <= std::max(a.y, b.y)) {
            *onEdge = true;
            return true;
        }
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}
} // namespace

bool MultiPolygon::contains(const Point& point) const
{
    for (const Polygon& polygon : polygons) {
        if (polygon.rings.empty())
            continue;
        bool onEdge = false;
        if (!ringContains(polygon.rings.front(), point, &onEdge))
            continue;
        if (onEdge)
            return true;
        bool inHole = false;
        for (size_t i = 1; i < polygon.rings.size() && !inHole; ++i) {
            bool onHoleEdge = false;
            inHole = ringContains(polygon.rings[i], point, &onHoleEdge) && !onHoleEdge;
        }
        if (!inHole)
            return true;
    }
    return false;
}

bool isImpossiblePoint(const Point& point)
{
    constexpr double Farthest = 1e8;
    return !std::isfinite(point.x) || !std::isfinite(point.y) || std::abs(point.x) > Farthest ||
           std::abs(point.y) > Farthest;
}

bool hasImpossiblePoints(const MultiPolygon& geometry)
{
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings)
            if (std::any_of(ring.begin(), ring.end(), isImpossiblePoint))
                return true;
    return false;
}

} // namespace gridmodel
