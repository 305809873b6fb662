#include "tablesource.h"

#include "error.h"
#include "gdaldataset.h"
#include "textencoding.h"
#include "translation.h"

#include <QFile>
#include <QFileInfo>
#include <gdal.h>
#include <memory>
#include <ogr_api.h>

namespace gridmodel {

namespace {

bool isBlank(const QStringList& cells)
{
    return std::all_of(cells.begin(), cells.end(),
                       [](const QString& cell) { return cell.trimmed().isEmpty(); });
}

QChar separatorOf(const QString& text)
{
    const QString firstLine = text.left(text.indexOf(QLatin1Char('\n')));
    if (firstLine.contains(QLatin1Char(',')))
        return QLatin1Char(',');
    if (firstLine.contains(QLatin1Char('\t')))
        return QLatin1Char('\t');
    if (firstLine.contains(QLatin1Char(';')))
        return QLatin1Char(';');
    return QLatin1Char(',');
}

/**
 * Refuses text holding control characters (a NUL, a form feed …) other than tabs and line
 * ends, naming the line of the first: such a file is damaged or not text at all, and reading
 * on past it would drop or garble rows without a word.
 */
void requirePlainText(const QString& text, const QString& path)
{
    int line = 1;
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if (code == u'\n')
            ++line;
        else if ((code < 0x20 && code != u'\t' && code != u'\r') || code == 0x7F)
            throw Error(Error::Kind::InvalidInput,
                        Tr::tr("%1: line %2 holds the control character U+%3, which a table of text "
                               "cannot; the file is damaged, or not text in UTF-8, UTF-16 or GBK")
                            .arg(path)
                            .arg(line)
                            .arg(static_cast<int>(code), 4, 16, QLatin1Char('0')));
    }
}

TableSource readSpreadsheet(const QString& path)
{
    const GdalDataset::Owned dataset = GdalDataset::openForReading(
        path, {QStringLiteral("HEADERS=FORCE"), QStringLiteral("FIELD_TYPES=STRING")});
    if (!dataset || GDALDatasetGetLayerCount(dataset.get()) == 0)
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("%1 is not a spreadsheet that can be read (%2)").arg(path, GdalDataset::lastError()));
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    TableSource table;
    table.encoding = QStringLiteral("UTF-8");
    for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i)
        table.header << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i)));
    int line = 1;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        TableRow row;
        row.line = ++line;
        for (int i = 0; i < table.header.size(); ++i)
            row.cells << (OGR_F_IsFieldSetAndNotNull(feature, i)
                              ? QString::fromUtf8(OGR_F_GetFieldAsString(feature, i))
                              : QString());
        OGR_F_Destroy(feature);
        if (!isBlank(row.cells))
            table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace

TableSource TableSource::parseCsv(const QString& text)
{
    TableSource table;
    const QChar separator = separatorOf(text);
    std::vector<TableRow> records;
    TableRow record;
    QString cell;
    bool quoted = false;
    bool cellStarted = false;
    int line = 1;
    record.line = 1;
    const auto endCell = [&] {
        record.cells << cell;
        cell.clear();
        cellStarted = false;
    };
    const auto endRecord = [&] {
        endCell();
        if (!isBlank(record.cells))
            records.push_back(record);
        record = TableRow();
        record.line = line;
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                cell += c;
            }
        } else if (c == QLatin1Char('"') && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (c == separator) {
            endCell();
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else if (c != QLatin1Char('\r')) {
            cell += c;
            cellStarted = true;
        }
    }
    if (cellStarted || !cell.isEmpty() || !record.cells.isEmpty())
        endRecord();
    if (quoted)
        throw Error(
            Error::Kind::InvalidInput,
            Tr::tr("A quoted field starting on line %1 is never closed").arg(records.empty() ? 1 : line));
    if (records.empty())
        throw Error(Error::Kind::InvalidInput, Tr::tr("The table is empty: not even a header"));
    for (QString& name : records.front().cells)
        name = name.trimmed();
    table.header = records.front().cells;
    table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

namespace {

bool isSpreadsheetSuffix(const QString& suffix)
{
    return suffix == QLatin1String("xlsx") || suffix == QLatin1String("ods");
}

} // namespace

bool TableSource::isTableFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || isSpreadsheetSuffix(suffix);
}

TableSource TableSource::read(const QString& path)
{
    if (!QFileInfo::exists(path))
        throw Error(Error::Kind::FileNotFound, Tr::tr("%1 does not exist").arg(path));
    const QString suffix = QFileInfo(path).suffix().toLower();
    TableSource table;
    if (isSpreadsheetSuffix(suffix)) {
        table = readSpreadsheet(path);
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw Error(Error::Kind::Io, Tr::tr("Cannot read %1").arg(path));
        const QByteArray bytes = file.readAll();
        if (bytes.startsWith("PK\x03\x04"))
            throw Error(Error::Kind::InvalidInput,
                        Tr::tr("%1 is a spreadsheet, not CSV: name it .xlsx").arg(path));
        QString encoding;
        QString text;
        try {
            text = TextEncoding::decode(bytes, &encoding);
        } catch (const Error& error) {
            throw Error(Error::Kind::InvalidInput, QStringLiteral("%1: %2").arg(path, error.message()));
        }
        requirePlainText(text, path);
        table = parseCsv(text);
        table.encoding = encoding;
    }
    table.path = path;
    if (table.header.isEmpty() || isBlank(table.header))
        throw Error(Error::Kind::InvalidInput, Tr::tr("%1 has no header row").arg(path));
    return table;
}

int TableSource::column(const QStringList& names) const
{
    for (const QString& name : names)
        for (int i = 0; i < header.size(); ++i)
            if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return i;
    return -1;
}

} // namespace gridmodel
