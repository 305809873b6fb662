#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace gridmodel {

/** A named table, its header first: a sheet of a spreadsheet. */
struct Sheet
{
    QString name;
    std::vector<QStringList> rows;
};

/**
 * Tables for spreadsheets. CSV in UTF-8 with a byte order mark (so Excel reads Chinese
 * right) or in GBK, quoted where needed; XLSX through GDAL, a sheet per table, columns of
 * numbers written as numbers.
 */
class TableWriter
{
public:
    enum class Encoding
    {
        Utf8WithBom,
        Gbk
    };

    /**
     * The cell of a value there is none of (households per member where nobody is counted):
     * "—" to read, an empty cell in a spreadsheet's column of numbers.
     */
    static QString noValue() { return QStringLiteral("—"); }

    /**
     * Throws Error(Io), or Error(InvalidInput) naming text GBK cannot hold; writes nothing then.
     * A cell that a spreadsheet would take for a formula (=, +, -, @ first, and not a number)
     * is written with a ' before it, as OWASP advises, so that opening the file runs nothing.
     */
    static void writeCsv(const std::vector<QStringList>& table, const QString& path, Encoding encoding);
    //! throws Error(Io); leaves no file then
    static void writeXlsx(const std::vector<Sheet>& sheets, const QString& path);
};

} // namespace gridmodel
