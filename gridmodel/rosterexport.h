#pragma once

#include "projectdata.h"
#include "tablewriter.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/**
 * Who holds which role where, as a table for spreadsheets: one row per assignment, with
 * the unit's code, name and level, the role, the member's id, gender and status and the
 * households they keep in touch with. Names and phones are personal: only when asked.
 * TableWriter writes it as CSV or XLSX.
 */
class RosterExport
{
public:
    //! the header row first, then a row per assignment in unit-code order
    static std::vector<QStringList> table(const ProjectData& data, const HierarchyIndex& index,
                                          bool withPersonal);
    /**
     * Writes the table as XLSX (`xlsx`, one sheet) or CSV (`csv`, in `encoding`); returns the
     * rows written. Throws Error (InvalidInput for another format, Io as TableWriter does).
     */
    static int write(const ProjectData& data, const HierarchyIndex& index, bool withPersonal,
                     const QString& format, const QString& path,
                     TableWriter::Encoding encoding = TableWriter::Encoding::Utf8WithBom);
};

} // namespace gridmodel
