#include "envelopegrid.h"

#include <algorithm>
#include <cmath>

namespace gridmodel {

EnvelopeGrid::EnvelopeGrid(const Envelope& extent, size_t expectedCount) : mExtent(extent)
{
    if (extent.isEmpty())
        mExtent = {0, 0, 1, 1}; // keys filed later still land somewhere
    const double cells = std::max(1.0, std::sqrt(double(expectedCount)));
    mCellSize = std::max({mExtent.width(), mExtent.height(), 1.0}) / cells;
    mColumns = std::max(1, int(std::ceil(mExtent.width() / mCellSize)) + 1);
    mRows = std::max(1, int(std::ceil(mExtent.height() / mCellSize)) + 1);
    mCells.resize(size_t(mColumns) * size_t(mRows));
    mEnvelopes.reserve(expectedCount);
}

int EnvelopeGrid::column(double x) const
{
    const double at = std::floor((x - mExtent.minX) / mCellSize);
    return at <= 0 ? 0 : at >= mColumns - 1 ? mColumns - 1 : int(at);
}

int EnvelopeGrid::row(double y) const
{
    const double at = std::floor((y - mExtent.minY) / mCellSize);
    return at <= 0 ? 0 : at >= mRows - 1 ? mRows - 1 : int(at);
}

void EnvelopeGrid::insert(qint64 key, const Envelope& envelope)
{
    remove(key);
    if (envelope.isEmpty() || mCells.empty())
        return;
    mEnvelopes.emplace(key, envelope);
    forCells(envelope, [&](size_t cell) { mCells[cell].push_back({key, envelope}); });
}

void EnvelopeGrid::remove(qint64 key)
{
    const auto filed = mEnvelopes.find(key);
    if (filed == mEnvelopes.end())
        return;
    forCells(filed->second, [&](size_t cell) {
        std::vector<Entry>& entries = mCells[cell];
        entries.erase(std::find_if(entries.begin(), entries.end(),
                                   [key](const Entry& entry) { return entry.key == key; }));
    });
    mEnvelopes.erase(filed);
}

std::vector<qint64> EnvelopeGrid::meeting(const Envelope& envelope) const
{
    std::vector<qint64> keys;
    if (mCells.empty() || envelope.isEmpty())
        return keys;
    forCells(envelope, [&](size_t cell) {
        for (const Entry& entry : mCells[cell])
            if (entry.envelope.meets(envelope))
                keys.push_back(entry.key);
    });
    std::sort(keys.begin(), keys.end()); // a key filed in several cells once
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

} // namespace gridmodel
