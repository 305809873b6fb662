#pragma once

#include "projectdata.h"

#include <vector>

namespace gridmodel {

/**
 * Keeps shared boundaries shared vertex for vertex after an edit, as QGIS's topological
 * editing does. A corner of a changed boundary that lies within a micrometre of another
 * unit's corner is snapped onto it, and a corner that lies on another boundary's edge
 * is inserted into that edge, at every level. Without it a neighbour's edge would pass
 * through the new corner without having it, and the coverage check would have to fall
 * back to exact geometry for that family.
 */
class TopologyNoder
{
public:
    static constexpr double Tolerance = 1e-6; //!< metres

    /**
     * `changed` are the boundaries just computed; `neighbours` the unchanged units around
     * them. Both may gain vertices (neither changes shape); `changedNeighbours` receives
     * the indexes of the neighbours that did.
     */
    static void node(const std::vector<Unit*>& changed, const std::vector<Unit*>& neighbours,
                     std::vector<size_t>* changedNeighbours = nullptr);
};

} // namespace gridmodel
