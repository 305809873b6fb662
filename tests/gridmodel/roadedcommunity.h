#pragma once

// A community of the generator's uneven blocks with two roads across it at a slant, for the
// division tests and benchmarks: wide and flat (hundreds to thousands of building groups), each
// building group 50–150 households (100 on average).

#include "districtgenerator.h"
#include "hierarchyindex.h"
#include "projectdata.h"

#include <QRandomGenerator>
#include <vector>

namespace testsupport {

struct RoadedCommunity
{
    gridmodel::ProjectData data;
    QString communityCode; //!< the first community, holding about the building groups asked for
    std::vector<gridmodel::LineString> roads;
};

inline RoadedCommunity roadedCommunity(int buildingGroups)
{
    using namespace gridmodel;
    DistrictGenerator::Options options;
    options.seed = 20261207;
    // the generator makes about 6 building groups in 7 of what it is asked for
    const double asked = buildingGroups * 7.0 / 6;
    options.leafUnits = 2 * asked;
    options.leavesPerUnit = {2 * asked, asked, 8, 1, 1};
    RoadedCommunity result{DistrictGenerator::generate(options), {}, {}};
    QRandomGenerator random(7);
    const int building = result.data.hierarchy.levelIndex(QStringLiteral("building"));
    for (Unit& unit : result.data.units)
        if (unit.level == building)
            unit.households = 50 + random.bounded(101);
    const HierarchyIndex index(result.data);
    const Unit* community = index.children(index.children(0).front()->id).front();
    result.communityCode = community->code;
    const Envelope box = community->boundary.envelope();
    const Point centre = box.center();
    result.roads = {
        LineString{{box.minX, centre.y + box.height() * 0.1}, {box.maxX, centre.y - box.height() * 0.1}},
        LineString{{centre.x, box.minY}, {centre.x + box.width() * 0.05, box.maxY}}};
    return result;
}

} // namespace testsupport
