#pragma once

#include "projectdata.h"

#include <vector>

namespace gridmodel {

/**
 * Units (of one level, say) in buckets by envelope, built once for work that asks about many
 * places: the units near a boundary (the change report), the unit holding a point (imports by
 * location). A square grid of about one unit per cell, so a question looks at a few units
 * whatever the district's size or shape.
 */
class NearbyUnits
{
public:
    explicit NearbyUnits(std::vector<const Unit*> units);
    //! the units of one level, in file order
    static NearbyUnits ofLevel(const ProjectData& data, int level);

    //! the units whose envelope meets `envelope`, in the order given
    std::vector<const Unit*> near(const Envelope& envelope) const;
    //! the first unit, in the order given, whose boundary holds the point (edges count); nullptr for none
    const Unit* holding(const Point& point) const;

private:
    //! calls `visit` with the index of every cell the envelope reaches
    template <typename Visit> void forCells(const Envelope& envelope, Visit visit) const;

    std::vector<const Unit*> mUnits;
    std::vector<Envelope> mEnvelopes;
    Envelope mExtent;
    double mCellSize = 1;
    int mColumns = 0, mRows = 0;
    std::vector<std::vector<size_t>> mCells; //!< units by cell, each in the order given
};

} // namespace gridmodel
