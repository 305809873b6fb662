#include "divisiongraph.h"

#include "../envelopegrid.h"
#include "../geosengine.h"

#include <QHash>
#include <cmath>
#include <unordered_map>

namespace gridmodel {

namespace {

double ringLength(const Ring& ring)
{
    double length = 0;
    for (size_t i = 1; i < ring.size(); ++i)
        length += std::hypot(ring[i].x - ring[i - 1].x, ring[i].y - ring[i - 1].y);
    return length;
}

//! a boundary segment with its ends in a fixed order, so both sides of a shared edge agree
struct SegmentKey
{
    Point a, b;
    bool operator==(const SegmentKey& o) const { return a == o.a && b == o.b; }
};

struct SegmentKeyHash
{
    size_t operator()(const SegmentKey& key) const
    {
        const std::hash<double> h;
        size_t seed = h(key.a.x);
        for (double v : {key.a.y, key.b.x, key.b.y})
            seed ^= h(v) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
        return seed;
    }
};

SegmentKey keyOf(const Point& p, const Point& q)
{
    const bool pFirst = p.x < q.x || (p.x == q.x && p.y < q.y);
    return pFirst ? SegmentKey{p, q} : SegmentKey{q, p};
}

struct Barrier
{
    Envelope envelope;
    const LineString* line = nullptr;
};

bool crossesAny(const Point& from, const Point& to, const std::vector<Barrier>& barriers)
{
    Envelope reach;
    reach.include(from);
    reach.include(to);
    for (const Barrier& barrier : barriers) {
        if (!barrier.envelope.meets(reach))
            continue;
        const LineString& line = *barrier.line;
        for (size_t i = 1; i < line.size(); ++i)
            if (segmentsMeet(from, to, line[i - 1], line[i]))
                return true;
    }
    return false;
}

} // namespace

DivisionGraph::DivisionGraph(const std::vector<const Unit*>& children,
                             const std::vector<LineString>& barriers)
{
    GeosEngine geos;
    mAtoms.reserve(children.size());
    for (const Unit* child : children) {
        Atom atom;
        atom.unit = child;
        atom.households = child->households;
        atom.residents = child->residents;
        atom.area = child->boundary.area();
        atom.perimeter = DivisionGraph::perimeterOf(child->boundary);
        atom.inside = geos.pointOnSurface(child->boundary);
        mAtoms.push_back(std::move(atom));
    }

    // Shared borders from edges held vertex for vertex by both sides.
    struct Holders
    {
        int first;
        bool shared = false;
    };
    std::unordered_map<SegmentKey, Holders, SegmentKeyHash> holders;
    QHash<QPair<int, int>, double> shared;
    for (int i = 0; i < size(); ++i)
        for (const Polygon& polygon : mAtoms[i].unit->boundary.polygons)
            for (const Ring& ring : polygon.rings)
                for (size_t k = 1; k < ring.size(); ++k) {
                    const auto [it, inserted] = holders.try_emplace(keyOf(ring[k - 1], ring[k]), Holders{i});
                    if (!inserted && it->second.first != i) {
                        it->second.shared = true;
                        shared[{it->second.first, i}] +=
                            std::hypot(ring[k].x - ring[k - 1].x, ring[k].y - ring[k - 1].y);
                    }
                }
    // A child with an edge nobody else holds lies on the outside, or meets a neighbour drawn
    // elsewhere (a moved corner, data from another program): its borders with the children around
    // it that share no edge with it are measured exactly.
    std::vector<bool> unmatched(mAtoms.size(), false);
    for (const auto& [key, holder] : holders)
        if (!holder.shared)
            unmatched[static_cast<size_t>(holder.first)] = true;

    std::vector<Envelope> envelopes;
    Envelope extent;
    for (const Atom& atom : mAtoms) {
        envelopes.push_back(atom.unit->boundary.envelope().grownBy(0.01));
        extent.include(envelopes.back());
    }
    EnvelopeGrid around(extent, mAtoms.size());
    for (int i = 0; i < size(); ++i)
        around.insert(i, envelopes[i]);
    for (int i = 0; i < size(); ++i) {
        if (!unmatched[i])
            continue;
        for (const qint64 key : around.meeting(envelopes[i]))
            if (const int j = static_cast<int>(key);
                j != i && !shared.contains({std::min(i, j), std::max(i, j)})) {
                const double length =
                    geos.sharedBoundaryLength(mAtoms[i].unit->boundary, mAtoms[j].unit->boundary);
                if (length > 0)
                    shared[{std::min(i, j), std::max(i, j)}] = length;
            }
    }

    std::vector<Barrier> indexed;
    for (const LineString& line : barriers) {
        Barrier barrier{{}, &line};
        for (const Point& p : line)
            barrier.envelope.include(p);
        indexed.push_back(barrier);
    }
    for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
        const auto [a, b] = it.key();
        const bool crossing = crossesAny(mAtoms[a].inside, mAtoms[b].inside, indexed);
        mAtoms[a].edges.push_back({b, it.value(), crossing});
        mAtoms[b].edges.push_back({a, it.value(), crossing});
    }
    for (Atom& atom : mAtoms)
        std::sort(atom.edges.begin(), atom.edges.end(),
                  [](const Edge& x, const Edge& y) { return x.to < y.to; });
}

double DivisionGraph::polsbyPopper(double area, double perimeter)
{
    return perimeter > 0 ? 4 * M_PI * area / (perimeter * perimeter) : 0;
}

double DivisionGraph::perimeterOf(const MultiPolygon& geometry)
{
    double length = 0;
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings)
            length += ringLength(ring);
    return length;
}

double DivisionGraph::polsbyPopper(const MultiPolygon& geometry)
{
    return polsbyPopper(geometry.area(), perimeterOf(geometry));
}

} // namespace gridmodel
