#pragma once

#include "boundaryimport.h"
#include "importplan.h"
#include "projectdata.h"

namespace gridmodel {

class HierarchyIndex;
class TableSource;
class VectorSource;

/**
 * Brings household and resident counts in, as offices keep them: by unit code in a table
 * (CSV or XLSX: 单元编码, 户数, 人口) or a GIS file's attributes, or from building points
 * (or footprints) with their household counts, summed into the unit of the level that holds
 * each one. A unit's counts become what the source says, and the change is carried up to
 * every ancestor, so totals keep adding up. A row naming an unknown unit, one of another
 * level, a unit named twice, a point in no unit or a count that is not a whole number is
 * refused by its line (feature); then nothing is imported.
 */
class HouseholdImport
{
public:
    struct Options
    {
        int level = -1;       //!< the level the counts belong to; -1: the lowest
        FieldMapping mapping; //!< code, households and residents (residents may stay unmapped)
    };

    static ImportPlan fromTable(const ProjectData& data, const HierarchyIndex& index,
                                const TableSource& table, const Options& options);
    static ImportPlan fromFeatures(const ProjectData& data, const HierarchyIndex& index,
                                   const VectorSource& source, const Options& options);

    //! one row or feature: the unit it names by code or by where it lies, and its counts as text
    struct Record
    {
        int line = 0;
        QString code;
        std::optional<Point> location;
        QString households;
        QString residents;
    };

    //! the plan for records read from `source` (its file, how its text was read)
    static ImportPlan fromRecords(const ProjectData& data, const HierarchyIndex& index,
                                  const std::vector<Record>& records, const Options& options, bool ofFeatures,
                                  const QString& source, const QString& encoding);
};

} // namespace gridmodel
