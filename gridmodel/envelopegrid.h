#pragma once

#include "geometry.h"

#include <QtGlobal>
#include <unordered_map>
#include <vector>

namespace gridmodel {

/**
 * Keys in buckets by envelope: a square grid over an extent, sized for about one key per
 * cell, so a question about a place looks at the few keys near it whatever the size or
 * shape of the whole. Keys can come, go and move after it is built; one outside the
 * extent lands in the border cells and is still found.
 */
class EnvelopeGrid
{
public:
    EnvelopeGrid() = default;
    //! a grid over `extent` for about `expectedCount` keys
    EnvelopeGrid(const Envelope& extent, size_t expectedCount);

    //! files the key under its envelope (an empty envelope is not filed); replaces a key held
    void insert(qint64 key, const Envelope& envelope);
    //! takes the key out; nothing for a key not held
    void remove(qint64 key);
    size_t size() const { return mEnvelopes.size(); }

    //! the keys whose envelope meets `envelope` (touching counts), each once, ascending
    std::vector<qint64> meeting(const Envelope& envelope) const;

    /**
     * Calls `visit(key)` for each key whose envelope holds the point, in the order they were
     * filed (those filed in the point's cell); stops when `visit` returns true.
     */
    template <typename Visit> void visitHolding(const Point& point, Visit visit) const
    {
        if (mCells.empty())
            return;
        for (const Entry& entry : mCells[cellIndex(column(point.x), row(point.y))])
            if (entry.envelope.contains(point) && visit(entry.key))
                return;
    }

private:
    struct Entry
    {
        qint64 key;
        Envelope envelope;
    };
    int column(double x) const;
    int row(double y) const;
    size_t cellIndex(int column, int row) const { return size_t(row) * size_t(mColumns) + size_t(column); }
    //! calls `visit(cell)` for every cell the envelope reaches
    template <typename Visit> void forCells(const Envelope& envelope, Visit visit) const
    {
        for (int r = row(envelope.minY); r <= row(envelope.maxY); ++r)
            for (int c = column(envelope.minX); c <= column(envelope.maxX); ++c)
                visit(cellIndex(c, r));
    }

    Envelope mExtent;
    double mCellSize = 1;
    int mColumns = 0, mRows = 0;
    std::vector<std::vector<Entry>> mCells;          //!< each in the order filed
    std::unordered_map<qint64, Envelope> mEnvelopes; //!< where each key is filed
};

} // namespace gridmodel
