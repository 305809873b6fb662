#pragma once

#include "envelopegrid.h"
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
    std::vector<const Unit*> mUnits;
    EnvelopeGrid mGrid; //!< keyed by the position in mUnits
};

} // namespace gridmodel
