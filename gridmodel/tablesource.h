#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

/** A row of a table with the line it starts on, for naming bad rows. */
struct TableRow
{
    int line = 0; //!< 1-based: the header is line 1 of a plain table
    QStringList cells;
};

/**
 * A table read for import: CSV (UTF-8 with or without a byte order mark, or GBK/GB18030,
 * told apart by the bytes; comma, semicolon or tab separated; quoted fields may hold
 * separators and line breaks) or a spreadsheet (XLSX, ODS; the first sheet, its first row
 * the header). Rows with nothing in them are skipped.
 */
class TableSource
{
public:
    //! throws Error (FileNotFound; InvalidInput for a file that is no table, or has no header)
    static TableSource read(const QString& path);
    //! whether read() takes the file by its name (.csv, .txt, .xlsx, .ods) rather than a GIS reader
    static bool isTableFile(const QString& path);
    //! parses CSV text (already decoded)
    static TableSource parseCsv(const QString& text);

    QString path;
    QString encoding;
    QStringList header;
    std::vector<TableRow> rows;

    //! the column whose header is one of `names` (without case); -1 when none is
    int column(const QStringList& names) const;
};

} // namespace gridmodel
