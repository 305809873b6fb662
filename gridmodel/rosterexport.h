#pragma once

#include "projectdata.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/**
 * Who holds which role where, as a table for spreadsheets: one row per assignment, with
 * the unit's code, name and level, the role, the member's id, gender and status and the
 * households they keep in touch with. Names and phones are personal: only when asked.
 * CSV is written in UTF-8 with a byte order mark (so Excel reads Chinese right) or in GBK;
 * XLSX through GDAL.
 */
class RosterExport
{
public:
    enum class Encoding
    {
        Utf8WithBom,
        Gbk
    };

    //! the header row first, then a row per assignment in unit-code order
    static std::vector<QStringList> table(const ProjectData& data, const HierarchyIndex& index,
                                          bool withPersonal);
    //! writes the table as CSV (quoted where needed); throws Error(Io) or Error(InvalidInput) for
    //! text GBK cannot hold
    static void writeCsv(const std::vector<QStringList>& table, const QString& path, Encoding encoding);
    //! writes the table as a spreadsheet (one sheet, "roster"), whole numbers as numbers; throws Error(Io)
    static void writeXlsx(const std::vector<QStringList>& table, const QString& path);
};

} // namespace gridmodel
