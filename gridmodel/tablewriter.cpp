#include "tablewriter.h"

#include "error.h"
#include "gdaldataset.h"
#include "outputfile.h"
#include "textencoding.h"
#include "translation.h"

#include <algorithm>
#include <gdal.h>
#include <ogr_api.h>

namespace gridmodel {

namespace {

//! whether a spreadsheet opening the cell would take it for a formula (a number is never one)
bool looksLikeFormula(const QString& value)
{
    static const QString starts = QStringLiteral("=+-@\t\r");
    if (value.isEmpty() || !starts.contains(value.front()))
        return false;
    bool number = false;
    value.toDouble(&number);
    return !number;
}

QString csvField(const QString& cell)
{
    const QString value = looksLikeFormula(cell) ? QLatin1Char('\'') + cell : cell;
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

void TableWriter::writeCsv(const std::vector<QStringList>& table, const QString& path, Encoding encoding)
{
    QString text;
    for (const QStringList& row : table) {
        QStringList fields;
        for (const QString& field : row)
            fields << csvField(field);
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    const QByteArray bytes =
        encoding == Encoding::Gbk ? TextEncoding::toGbk(text) : QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    OutputFile::write(path, bytes);
}

namespace {

//! a cell with nothing to say of its column's type, written as no value
bool isEmptyCell(const QString& value)
{
    return value.isEmpty() || value == TableWriter::noValue();
}

enum class ColumnType
{
    Text,
    Whole,
    Decimal
};

/**
 * A column whose every value is a whole number is written as whole numbers, decimals likewise;
 * codes ("…编码", "…code") stay text, digits as they are.
 */
std::vector<ColumnType> columnTypes(const std::vector<QStringList>& rows)
{
    const QStringList& header = rows.front();
    std::vector<ColumnType> types(static_cast<size_t>(header.size()), ColumnType::Whole);
    for (int column = 0; column < header.size(); ++column)
        if (header.at(column).endsWith(QStringLiteral("编码")) ||
            header.at(column).endsWith(QLatin1String("code"), Qt::CaseInsensitive))
            types[static_cast<size_t>(column)] = ColumnType::Text;
    for (size_t row = 1; row < rows.size(); ++row)
        for (int column = 0; column < header.size(); ++column) {
            ColumnType& type = types[static_cast<size_t>(column)];
            if (type == ColumnType::Text)
                continue;
            const QString value = rows[row].value(column);
            if (isEmptyCell(value))
                continue;
            bool ok = false;
            value.toLongLong(&ok);
            if (ok)
                continue;
            value.toDouble(&ok);
            type = ok && type != ColumnType::Text ? ColumnType::Decimal : ColumnType::Text;
        }
    return types;
}

bool writeSheet(GDALDatasetH dataset, const Sheet& sheet)
{
    OGRLayerH layer =
        GDALDatasetCreateLayer(dataset, sheet.name.toUtf8().constData(), nullptr, wkbNone, nullptr);
    if (!layer || sheet.rows.empty())
        return layer != nullptr;
    const QStringList& header = sheet.rows.front();
    const std::vector<ColumnType> types = columnTypes(sheet.rows);
    for (int column = 0; column < header.size(); ++column) {
        const ColumnType type = types[static_cast<size_t>(column)];
        OGRFieldDefnH field =
            OGR_Fld_Create(header.at(column).toUtf8().constData(), type == ColumnType::Whole ? OFTInteger64
                                                                   : type == ColumnType::Decimal ? OFTReal
                                                                                                 : OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
    }
    for (size_t row = 1; row < sheet.rows.size(); ++row) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (int column = 0; column < header.size(); ++column) {
            const QString value = sheet.rows[row].value(column);
            const ColumnType type = types[static_cast<size_t>(column)];
            if (type != ColumnType::Text && isEmptyCell(value))
                continue; // left empty
            switch (type) {
            case ColumnType::Whole:
                OGR_F_SetFieldInteger64(feature, column, value.toLongLong());
                break;
            case ColumnType::Decimal:
                OGR_F_SetFieldDouble(feature, column, value.toDouble());
                break;
            case ColumnType::Text:
                OGR_F_SetFieldString(feature, column, value.toUtf8().constData());
                break;
            }
        }
        const bool written = OGR_L_CreateFeature(layer, feature) == OGRERR_NONE;
        OGR_F_Destroy(feature);
        if (!written)
            return false;
    }
    return true;
}

} // namespace

void TableWriter::writeXlsx(const std::vector<Sheet>& sheets, const QString& path)
{
    OutputFile output(path); // the old file stands until the new one is whole
    {
        GdalDataset::ErrorTrap gdalErrors; // the reason goes into the message instead
        GdalDataset::Owned dataset = GdalDataset::create("XLSX", output.partialPath());
        for (const Sheet& sheet : sheets)
            if (!writeSheet(dataset.get(), sheet))
                throw output.failure(gdalErrors.failure());
        dataset.reset(); // the sheets are written out as the dataset closes: only then can it fail
        if (gdalErrors.failed())
            throw output.failure(gdalErrors.failure());
    }
    // GDAL leaves an XLSX cut short by a full disk without a word: read it back as Excel would
    // (GDAL reads no sheet without rows below the header)
    const auto withRows =
        std::count_if(sheets.begin(), sheets.end(), [](const Sheet& sheet) { return sheet.rows.size() > 1; });
    const GdalDataset::Contents written = GdalDataset::readBack(output.partialPath());
    if (!written.readable || written.layers < withRows)
        throw output.failure();
    output.commit();
}

} // namespace gridmodel
