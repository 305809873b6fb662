#include "nearbyunits.h"

#include <algorithm>
#include <cmath>

namespace gridmodel {

NearbyUnits::NearbyUnits(std::vector<const Unit*> units) : mUnits(std::move(units))
{
    mEnvelopes.reserve(mUnits.size());
    for (const Unit* unit : mUnits) {
        mEnvelopes.push_back(unit->boundary.envelope());
        mExtent.include(mEnvelopes.back());
    }
    if (mUnits.empty() || mExtent.isEmpty())
        return;
    const double cells = std::max(1.0, std::sqrt(double(mUnits.size())));
    mCellSize = std::max({mExtent.width(), mExtent.height(), 1.0}) / cells;
    mColumns = std::max(1, int(std::ceil(mExtent.width() / mCellSize)) + 1);
    mRows = std::max(1, int(std::ceil(mExtent.height() / mCellSize)) + 1);
    mCells.resize(size_t(mColumns) * size_t(mRows));
    for (size_t i = 0; i < mUnits.size(); ++i)
        if (!mEnvelopes[i].isEmpty())
            forCells(mEnvelopes[i], [&](size_t cell) { mCells[cell].push_back(i); });
}

NearbyUnits NearbyUnits::ofLevel(const ProjectData& data, int level)
{
    std::vector<const Unit*> units;
    for (const Unit& unit : data.units)
        if (unit.level == level)
            units.push_back(&unit);
    return NearbyUnits(std::move(units));
}

template <typename Visit> void NearbyUnits::forCells(const Envelope& envelope, Visit visit) const
{
    const auto column = [&](double x) {
        return std::clamp(int((x - mExtent.minX) / mCellSize), 0, mColumns - 1);
    };
    const auto row = [&](double y) { return std::clamp(int((y - mExtent.minY) / mCellSize), 0, mRows - 1); };
    for (int r = row(envelope.minY); r <= row(envelope.maxY); ++r)
        for (int c = column(envelope.minX); c <= column(envelope.maxX); ++c)
            visit(size_t(r) * size_t(mColumns) + size_t(c));
}

std::vector<const Unit*> NearbyUnits::near(const Envelope& envelope) const
{
    std::vector<size_t> which;
    if (mCells.empty() || envelope.isEmpty())
        return {};
    forCells(envelope, [&](size_t cell) {
        for (size_t i : mCells[cell])
            if (mEnvelopes[i].meets(envelope))
                which.push_back(i);
    });
    std::sort(which.begin(), which.end()); // a unit in several cells once, in the order given
    which.erase(std::unique(which.begin(), which.end()), which.end());
    std::vector<const Unit*> found;
    found.reserve(which.size());
    for (size_t i : which)
        found.push_back(mUnits[i]);
    return found;
}

const Unit* NearbyUnits::holding(const Point& point) const
{
    const Envelope at{point.x, point.y, point.x, point.y};
    if (mCells.empty() || !mExtent.meets(at))
        return nullptr;
    const int column = std::clamp(int((point.x - mExtent.minX) / mCellSize), 0, mColumns - 1);
    const int row = std::clamp(int((point.y - mExtent.minY) / mCellSize), 0, mRows - 1);
    for (size_t i : mCells[size_t(row) * size_t(mColumns) + size_t(column)]) // in the order given
        if (mEnvelopes[i].meets(at) && mUnits[i]->boundary.contains(point))
            return mUnits[i];
    return nullptr;
}

} // namespace gridmodel
