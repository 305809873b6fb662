#include "nearbyunits.h"

namespace gridmodel {

NearbyUnits::NearbyUnits(std::vector<const Unit*> units) : mUnits(std::move(units))
{
    std::vector<Envelope> envelopes;
    envelopes.reserve(mUnits.size());
    Envelope extent;
    for (const Unit* unit : mUnits) {
        envelopes.push_back(unit->boundary.envelope());
        extent.include(envelopes.back());
    }
    mGrid = EnvelopeGrid(extent, mUnits.size());
    for (size_t i = 0; i < mUnits.size(); ++i)
        mGrid.insert(qint64(i), envelopes[i]);
}

NearbyUnits NearbyUnits::ofLevel(const ProjectData& data, int level)
{
    std::vector<const Unit*> units;
    for (const Unit& unit : data.units)
        if (unit.level == level)
            units.push_back(&unit);
    return NearbyUnits(std::move(units));
}

std::vector<const Unit*> NearbyUnits::near(const Envelope& envelope) const
{
    std::vector<const Unit*> found;
    for (qint64 i : mGrid.meeting(envelope)) // ascending: in the order given
        found.push_back(mUnits[size_t(i)]);
    return found;
}

const Unit* NearbyUnits::holding(const Point& point) const
{
    const Unit* found = nullptr;
    mGrid.visitHolding(point, [&](qint64 i) {
        if (mUnits[size_t(i)]->boundary.contains(point))
            found = mUnits[size_t(i)];
        return found != nullptr;
    });
    return found;
}

} // namespace gridmodel
