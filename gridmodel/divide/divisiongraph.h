#pragma once

#include "../geometry.h"
#include "../projectdata.h"

#include <vector>

namespace gridmodel {

/**
 * The children a division groups, as a graph: each child (an atom) with its households,
 * area, perimeter and a point inside it, and an edge wherever two children share a border,
 * with the border's length and whether a barrier (a road, a river) runs between them.
 * Polsby-Popper compactness of any group follows from these without exact geometry: a
 * group's perimeter is its atoms' perimeters less twice the borders they share.
 */
class DivisionGraph
{
public:
    struct Edge
    {
        int to = 0;
        double sharedLength = 0; //!< metres of border the two atoms share
        bool crossesBarrier = false;
    };
    struct Atom
    {
        const Unit* unit = nullptr;
        qint64 households = 0;
        qint64 residents = 0;
        double area = 0;
        double perimeter = 0;
        Point inside; //!< a point inside the atom (where the line to a neighbour starts)
        std::vector<Edge> edges;
    };

    /**
     * The graph of `children`. Borders are found from edges the two boundaries share vertex
     * for vertex (as the project keeps them); a child sharing none with anyone is measured
     * against the children around it by exact geometry. An edge crosses a barrier when the
     * line between the two atoms' inside points crosses one of `barriers`.
     */
    DivisionGraph(const std::vector<const Unit*>& children, const std::vector<LineString>& barriers);

    const std::vector<Atom>& atoms() const { return mAtoms; }
    int size() const { return static_cast<int>(mAtoms.size()); }

    //! 4πA/P²: 1 for a circle, π/4 for a square; 0 when the perimeter is 0
    static double polsbyPopper(double area, double perimeter);
    //! the same for a geometry: its area against the length of all its rings
    static double polsbyPopper(const MultiPolygon& geometry);
    //! the length of all the rings of a geometry, holes included
    static double perimeterOf(const MultiPolygon& geometry);

private:
    std::vector<Atom> mAtoms;
};

} // namespace gridmodel
