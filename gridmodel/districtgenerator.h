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
};

} // namespace gridmodel
