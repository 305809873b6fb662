#include "districtlayout.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace gridmodel {

namespace {

constexpr double Pi = 3.14159265358979323846;

//! a well-mixed 64-bit hash, so both sides of an edge draw the same "random" shape
quint64 mix(quint64 h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

quint64 hashDouble(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    return mix(bits);
}

//! in [-1, 1)
double unitNoise(quint64 h)
{
    return static_cast<double>(mix(h) >> 11) / static_cast<double>(1ULL << 52) - 1.0;
}

} // namespace

DistrictLayout::DistrictLayout(const Options& options) : mOptions(options), mRandom(options.seed)
{
    const int levelCount = static_cast<int>(mOptions.leavesPerBlock.size());
    const double area = std::max(1.0, mOptions.targetLeaves) * mOptions.leafAreaM2;
    mWidth = std::sqrt(area * 1.45);
    mHeight = area / mWidth;
    for (double& phase : mWarpPhase)
        phase = mRandom.generateDouble() * 2 * Pi;

    Block root;
    root.level = -1; // the district itself, above the template's first level
    root.u1 = mWidth;
    root.v1 = mHeight;
    root.weight = mOptions.targetLeaves;
    mBlocks.push_back(root);
    mVerticalCutLevel[0] = mVerticalCutLevel[mWidth] = 0;
    mHorizontalCutLevel[0] = mHorizontalCutLevel[mHeight] = 0;
    subdivide(0, levelCount);
    indexBreakpoints();
}

void DistrictLayout::subdivide(int blockIndex, int levelCount)
{
    const int childLevel = mBlocks[static_cast<size_t>(blockIndex)].level + 1;
    if (childLevel >= levelCount)
        return;
    const double budget = mBlocks[static_cast<size_t>(blockIndex)].weight;
    const double perChild = mOptions.leavesPerBlock[static_cast<size_t>(childLevel)];
    int count = std::max(1, static_cast<int>(std::lround(budget / perChild)));
    if (childLevel == levelCount - 1)
        count = std::max(1, static_cast<int>(std::lround(budget)));
    // Share the budget with some spread, as real blocks differ in size.
    std::vector<double> weights(static_cast<size_t>(count));
    for (double& w : weights)
        w = 0.7 + 0.6 * mRandom.generateDouble();
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    for (double& w : weights)
        w *= budget / sum;

    std::vector<int> children;
    splitInto(blockIndex, weights, children, childLevel);
    mBlocks[static_cast<size_t>(blockIndex)].children = children;
    for (int child : children)
        subdivide(child, levelCount);
}

void DistrictLayout::splitInto(int blockIndex, const std::vector<double>& weights, std::vector<int>& out,
                               int childLevel)
{
    // A treemap: halve the list of weights and cut the longer side in proportion, so
    // blocks stay compact (aspect ratio within about 1:3) and T-junctions appear as in a
    // real street plan.
    struct Pending
    {
        double u0, v0, u1, v1;
        std::vector<double> weights;
    };
    const Block& block = mBlocks[static_cast<size_t>(blockIndex)];
    std::vector<Pending> stack{{block.u0, block.v0, block.u1, block.v1, weights}};
    std::vector<Pending> leaves;
    while (!stack.empty()) {
        Pending p = std::move(stack.back());
        stack.pop_back();
        if (p.weights.size() == 1) {
            leaves.push_back(std::move(p));
            continue;
        }
        const size_t half = p.weights.size() / 2;
        const double total = std::accumulate(p.weights.begin(), p.weights.end(), 0.0);
        const double first =
            std::accumulate(p.weights.begin(), p.weights.begin() + static_cast<long>(half), 0.0);
        const double fraction = first / total;
        Pending a{p.u0, p.v0, p.u1, p.v1,
                  std::vector<double>(p.weights.begin(), p.weights.begin() + static_cast<long>(half))};
        Pending b{p.u0, p.v0, p.u1, p.v1,
                  std::vector<double>(p.weights.begin() + static_cast<long>(half), p.weights.end())};
        if (p.u1 - p.u0 >= p.v1 - p.v0) {
            const double cut = p.u0 + (p.u1 - p.u0) * fraction;
            a.u1 = b.u0 = cut;
            mVerticalCutLevel.emplace(cut, childLevel + 1);
        } else {
            const double cut = p.v0 + (p.v1 - p.v0) * fraction;
            a.v1 = b.v0 = cut;
            mHorizontalCutLevel.emplace(cut, childLevel + 1);
        }
        stack.push_back(std::move(b));
        stack.push_back(std::move(a));
    }
    for (const Pending& p : leaves) {
        Block child;
        child.level = childLevel;
        child.parent = blockIndex;
        child.u0 = p.u0;
        child.v0 = p.v0;
        child.u1 = p.u1;
        child.v1 = p.v1;
        child.weight = p.weights.front();
        out.push_back(static_cast<int>(mBlocks.size()));
        mBlocks.push_back(child);
    }
}

void DistrictLayout::indexBreakpoints()
{
    for (const Block& block : mBlocks) {
        if (!block.children.empty())
            continue;
        for (double u : {block.u0, block.u1}) {
            mVerticalBreaks[u].push_back(block.v0);
            mVerticalBreaks[u].push_back(block.v1);
        }
        for (double v : {block.v0, block.v1}) {
            mHorizontalBreaks[v].push_back(block.u0);
            mHorizontalBreaks[v].push_back(block.u1);
        }
    }
    for (auto* breaks : {&mVerticalBreaks, &mHorizontalBreaks})
        for (auto& [value, list] : *breaks) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
}

Point DistrictLayout::warp(double u, double v) const
{
    // Two gentle bends: one across the whole district, one every couple of kilometres.
    // Their slopes stay well below 1, so the map is one-to-one and keeps orientation.
    const double span = std::max(mWidth, mHeight);
    const double x = u + 0.035 * span * std::sin(2 * Pi * v / (1.3 * span) + mWarpPhase[0]) +
                     18.0 * std::sin(2 * Pi * v / 1900.0 + mWarpPhase[1]);
    const double y = v + 0.03 * span * std::sin(2 * Pi * u / (1.1 * span) + mWarpPhase[2]) +
                     15.0 * std::sin(2 * Pi * u / 1700.0 + mWarpPhase[3]);
    // A slight turn off north, as streets rarely run exactly east-west.
    const double angle = 0.12;
    return {mOptions.origin.x + x * std::cos(angle) - y * std::sin(angle),
            mOptions.origin.y + x * std::sin(angle) + y * std::cos(angle)};
}

void DistrictLayout::appendSide(Ring& ring, bool vertical, double value, double from, double to) const
{
    const auto& breaksByLine = vertical ? mVerticalBreaks : mHorizontalBreaks;
    const auto& cutLevels = vertical ? mVerticalCutLevel : mHorizontalCutLevel;
    const std::vector<double>& breaks = breaksByLine.at(value);
    const auto level = cutLevels.find(value);
    const size_t levelIndex =
        level == cutLevels.end() ? 0 : static_cast<size_t>(std::max(0, level->second - 1));
    const double irregularity =
        level == cutLevels.end() || level->second == 0
            ? 0.0
            : mOptions.edgeIrregularity[std::min(levelIndex, mOptions.edgeIrregularity.size() - 1)];

    const double lo = std::min(from, to), hi = std::max(from, to);
    auto first = std::lower_bound(breaks.begin(), breaks.end(), lo);
    auto last = std::upper_bound(breaks.begin(), breaks.end(), hi);
    std::vector<double> stops(first, last);
    const bool forward = to > from;
    if (!forward)
        std::reverse(stops.begin(), stops.end());

    const auto onLine = [&](double along, double across) {
        return vertical ? warp(value + across, along) : warp(along, value + across);
    };
    for (size_t i = 0; i + 1 < stops.size(); ++i) {
        ring.push_back(onLine(stops[i], 0));
        // Points inside each piece are computed from its ends in ascending order, so the
        // block on the other side produces the very same coordinates.
        const double a = std::min(stops[i], stops[i + 1]), b = std::max(stops[i], stops[i + 1]);
        const double length = b - a;
        const int interior = std::clamp(static_cast<int>(length / 25.0), 2, 12);
        const quint64 key =
            hashDouble(value) ^ (hashDouble(a) * 3) ^ (hashDouble(b) * 7) ^ (vertical ? 11 : 0);
        const double bend = 0.05 * length * irregularity * unitNoise(key);
        const double wobble = 0.02 * length * irregularity * unitNoise(key + 1);
        std::vector<Point> inner;
        for (int k = 1; k <= interior; ++k) {
            const double t = static_cast<double>(k) / (interior + 1);
            const double across = bend * std::sin(Pi * t) + wobble * std::sin(2 * Pi * t);
            inner.push_back(onLine(a + length * t, across));
        }
        if (!forward)
            std::reverse(inner.begin(), inner.end());
        ring.insert(ring.end(), inner.begin(), inner.end());
    }
}

MultiPolygon DistrictLayout::boundary(int blockIndex) const
{
    const Block& b = mBlocks.at(static_cast<size_t>(blockIndex));
    Ring ring;
    appendSide(ring, false, b.v0, b.u0, b.u1); // south, west to east
    appendSide(ring, true, b.u1, b.v0, b.v1);  // east, south to north
    appendSide(ring, false, b.v1, b.u1, b.u0); // north, east to west
    appendSide(ring, true, b.u0, b.v1, b.v0);  // west, north to south
    ring.push_back(ring.front());
    MultiPolygon result;
    result.polygons.push_back(Polygon{{std::move(ring)}});
    return result;
}

} // namespace gridmodel
