#pragma once

#include "projectdata.h"

namespace gridmodel {

/**
 * Makes a district that looks real: Chinese names, a curved road network, all levels of
 * a template, household and resident counts that roll up and stay within the template's
 * bands, and members in every required role with phones and linked households.
 * Deterministic: the same options give the same project, byte for byte in content.
 */
class DistrictGenerator
{
public:
    struct Options
    {
        QString templateKey = QStringLiteral("five-level");
        double leafUnits = 800; //!< about this many units at the lowest level
        quint64 seed = 20261122;
        int crsEpsg = 4547;
        QString codePrefix = QStringLiteral("410105");
        QString name;
        //! expected leaves under one unit of each level (a default is derived when empty)
        std::vector<double> leavesPerUnit;
    };

    //! the bundled demo: 2 streets, ~8 communities, ~50 grids, ~200 buildings, ~800 zones
    static Options demoOptions();
    //! a synthetic district of about `zones` leaf units
    static Options syntheticOptions(int zones, quint64 seed);

    static ProjectData generate(const Options& options);

    /**
     * Leaves under one unit of each level so that each parent of the lowest level has about
     * `children` children (wide, flat families, as imported data has), the rest as by default.
     */
    static std::vector<double> leavesForFamiliesOf(double children, int levelCount);

    /**
     * Data as another program makes it: one corner of `rate` (0–1) of the units at `level`
     * moved 2–8 m along its normal, in or out, without the neighbours following. That makes
     * overlaps, gaps and children outside their parent. A corner whose move would make the
     * boundary cross itself is left and another tried. Deterministic for a seed; returns how
     * many units were changed.
     */
    static int addDefects(ProjectData& data, int level, double rate, quint64 seed);
};

} // namespace gridmodel
