#include "tablewriter.h"

#include "error.h"
#include "gdaldataset.h"
#include "textencoding.h"
#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <cpl_error.h>
#include <cstdio>
#include <gdal.h>
#include <ogr_api.h>

namespace gridmodel {

namespace {

QString csvField(const QString& value)
{
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(Error::Kind::Io, Tr::tr("Cannot write %1").arg(path));
}

namespace {

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
            switch (types[static_cast<size_t>(column)]) {
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
    // written beside the target and renamed into place, so a failure leaves the old file
    const QFileInfo target(path);
    // (a name of its own: GDAL cannot save an XLSX whose name starts with a dot)
    const QString partial =
        target.absoluteDir().filePath(QStringLiteral("%1-%2-%3.partial.xlsx")
                                          .arg(target.completeBaseName())
                                          .arg(QCoreApplication::applicationPid())
                                          .arg(QRandomGenerator::global()->generate(), 0, 16));
    bool written = true;
    QString reason;
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler); // the reason goes into the message instead
    try {
        GdalDataset::Owned dataset = GdalDataset::create("XLSX", partial);
        for (const Sheet& sheet : sheets)
            written = written && writeSheet(dataset.get(), sheet);
        reason = GdalDataset::lastError();
        dataset.reset(); // the sheets are written out as the dataset closes: only then can it fail
    } catch (...) {
        CPLPopErrorHandler();
        throw;
    }
    CPLPopErrorHandler();
    if (written && QFileInfo(partial).size() <= 0) {
        written = false;
        reason = GdalDataset::lastError();
    }
    if (written &&
        std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0)
        written = false;
    if (!written) {
        QFile::remove(partial);
        throw Error(Error::Kind::Io, Tr::tr("Cannot write %1: %2").arg(path, reason));
    }
}

} // namespace gridmodel
