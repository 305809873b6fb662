#pragma once

#include "geometry.h"

#include <QRandomGenerator>
#include <map>
#include <vector>

namespace gridmodel {

/**
 * The shapes of a synthetic district: a tree of nested blocks whose boundaries follow a
 * curved road network. Blocks are laid out as a treemap in a flat plane and mapped to the
 * ground by a smooth warp, so straight cuts become gently curving roads. Every boundary
 * is assembled from breakpoints shared by both sides, so neighbours share their edges
 * vertex for vertex and each block's ring is exactly the union of its children's.
 * Deterministic for a given seed.
 */
class DistrictLayout
{
public:
    struct Block
    {
        int level = 0;
        int parent = -1; //!< index into blocks(), -1 at the top
        std::vector<int> children;
        double u0 = 0, v0 = 0, u1 = 0, v1 = 0; //!< in the flat plane, metres
        double weight = 1;                     //!< number of leaves it was planned for
    };

    struct Options
    {
        quint64 seed = 1;
        Point origin{450000, 3840000}; //!< south-west corner on the ground (project CRS)
        double leafAreaM2 = 4000;
        //! expected number of leaves under one block of each level (last = 1)
        std::vector<double> leavesPerBlock{832, 104, 16, 4, 1};
        //! how irregular the edges created at each level are (0 = smooth road)
        std::vector<double> edgeIrregularity{0, 0, 0.5, 1, 1};
        double targetLeaves = 800;
    };

    explicit DistrictLayout(const Options& options);

    const std::vector<Block>& blocks() const { return mBlocks; }
    //! the block's boundary on the ground: one counter-clockwise ring
    MultiPolygon boundary(int block) const;

private:
    void subdivide(int block, int levelCount);
    void splitInto(int block, const std::vector<double>& weights, std::vector<int>& out, int childLevel);
    void indexBreakpoints();
    void appendSide(Ring& ring, bool vertical, double value, double from, double to) const;
    Point warp(double u, double v) const;

    Options mOptions;
    mutable QRandomGenerator mRandom;
    std::vector<Block> mBlocks;
    double mWidth = 0, mHeight = 0;
    std::map<double, std::vector<double>> mVerticalBreaks;   //!< u -> sorted v of leaf corners on u
    std::map<double, std::vector<double>> mHorizontalBreaks; //!< v -> sorted u
    std::map<double, int> mVerticalCutLevel, mHorizontalCutLevel;
    double mWarpPhase[4] = {0, 0, 0, 0};
};

} // namespace gridmodel
