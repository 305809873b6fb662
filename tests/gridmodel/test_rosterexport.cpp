#include "districtgenerator.h"
#include "error.h"
#include "hierarchyindex.h"
#include "rosterexport.h"
#include "tablewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <gdal.h>
#include <iconv.h>
#include <ogr_api.h>

using namespace gridmodel;

/** Who holds which role where, for spreadsheets: personal fields only when asked. */
class TestRosterExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    ProjectData mDemo = DistrictGenerator::generate(DistrictGenerator::demoOptions());

    static QByteArray fileBytes(const QString& path)
    {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }

    static QString fromGbk(const QByteArray& gbk)
    {
        iconv_t converter = iconv_open("UTF-8", "GBK");
        QByteArray out(gbk.size() * 2 + 16, Qt::Uninitialized);
        char* in = const_cast<char*>(gbk.constData());
        size_t inLeft = static_cast<size_t>(gbk.size()), outLeft = static_cast<size_t>(out.size());
        char* next = out.data();
        iconv(converter, &in, &inLeft, &next, &outLeft);
        iconv_close(converter);
        out.resize(out.size() - static_cast<int>(outLeft));
        return QString::fromUtf8(out);
    }

private slots:
    void aRowPerAssignmentWithoutNamesUnlessAsked()
    {
        const HierarchyIndex index(mDemo);
        const auto table = RosterExport::table(mDemo, index, false);
        QCOMPARE(table.size(), mDemo.assignments.size() + 1);
        QCOMPARE(table.front().first(), QStringLiteral("单元编码"));
        const Member& someone = mDemo.members.front();
        for (const QStringList& row : table)
            QVERIFY(!row.contains(someone.name) && !row.contains(someone.phone));
        for (size_t i = 2; i < table.size(); ++i) // in unit-code order
            QVERIFY(table[i - 1].first() <= table[i].first());

        const auto personal = RosterExport::table(mDemo, index, true);
        QCOMPARE(personal.front().mid(8), (QStringList{QStringLiteral("姓名"), QStringLiteral("电话")}));
        bool found = false;
        for (const QStringList& row : personal)
            found = found || (row.contains(someone.name) && row.contains(someone.phone));
        QVERIFY(found);
    }

    void xlsxWithChineseHeadersAndNumbersAsNumbers()
    {
        const HierarchyIndex index(mDemo);
        const auto table = RosterExport::table(mDemo, index, false);
        const QString path = mDir.filePath("roster.xlsx");
        TableWriter::writeXlsx({{QStringLiteral("roster"), table}}, path);
        GDALAllRegister();
        GDALDatasetH dataset =
            GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        QCOMPARE(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, 0))),
                 QStringLiteral("单元编码"));
        const int households = OGR_FD_GetFieldIndex(definition, "联系户数");
        QVERIFY(households >= 0);
        QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, households)), OFTInteger);
        QCOMPARE(OGR_L_GetFeatureCount(layer, TRUE), GIntBig(table.size() - 1));
        GDALClose(dataset);
    }

    void anXlsxThatCannotBeWrittenIsAnErrorAndLeavesTheOldFile()
    {
        const std::vector<Sheet> sheets{
            {QStringLiteral("表"), {{QStringLiteral("户数")}, {QStringLiteral("1")}}}};
        try {
            TableWriter::writeXlsx(sheets, mDir.filePath("no/such/folder/roster.xlsx"));
            QFAIL("an XLSX nobody could write was reported written");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Io);
            QVERIFY(error.message().contains(QStringLiteral("roster.xlsx")));
        }
        // replacing a file: the new one appears whole, nothing is left beside it
        const QString path = mDir.filePath("replaced.xlsx");
        TableWriter::writeXlsx(sheets, path);
        const qint64 first = QFileInfo(path).size();
        QVERIFY(first > 0);
        TableWriter::writeXlsx({{QStringLiteral("表"), {{QStringLiteral("户数")}, {"1"}, {"2"}, {"3"}}}},
                               path);
        QVERIFY(QFileInfo(path).size() > 0);
        QCOMPARE(QDir(mDir.path()).entryList({"*partial*"}, QDir::Files | QDir::Hidden), QStringList());
    }

    void csvInUtf8WithBomOrGbk()
    {
        const std::vector<QStringList> table{
            {QStringLiteral("名称"), QStringLiteral("备注")},
            {QStringLiteral("第1网格"), QStringLiteral("含,逗号与\"引号\"")}};
        const QString utf8 = mDir.filePath("roster.csv");
        TableWriter::writeCsv(table, utf8, TableWriter::Encoding::Utf8WithBom);
        const QByteArray bytes = fileBytes(utf8);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(QString::fromUtf8(bytes.mid(3)),
                 QStringLiteral("名称,备注\r\n第1网格,\"含,逗号与\"\"引号\"\"\"\r\n"));

        const QString gbk = mDir.filePath("roster-gbk.csv");
        TableWriter::writeCsv(table, gbk, TableWriter::Encoding::Gbk);
        const QByteArray gbkBytes = fileBytes(gbk);
        QVERIFY(!gbkBytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const auto chinese =
            std::count_if(text.begin(), text.end(), [](QChar c) { return c.unicode() > 0x7f; });
        QCOMPARE(gbkBytes.size(), int(text.toUtf8().size() - chinese)); // 2 bytes a character, not 3
        QCOMPARE(fromGbk(gbkBytes), QString::fromUtf8(bytes.mid(3)));

        // A cell a spreadsheet would run as a formula is written as text; numbers stay numbers.
        const QString formulas = mDir.filePath("formulas.csv");
        TableWriter::writeCsv({{QStringLiteral("姓名"), QStringLiteral("户数"), QStringLiteral("电话")},
                               {QStringLiteral("=HYPERLINK(\"http://example.invalid\",\"点我\")"),
                                QStringLiteral("-5"), QStringLiteral("+8613800000000")},
                               {QStringLiteral("@SUM(A1)"), QStringLiteral("12.5"), QStringLiteral("-")}},
                              formulas, TableWriter::Encoding::Utf8WithBom);
        QCOMPARE(
            QString::fromUtf8(fileBytes(formulas).mid(3)),
            QStringLiteral("姓名,户数,电话\r\n\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点我\"\")\","
                           "-5,+8613800000000\r\n'@SUM(A1),12.5,'-\r\n"));

        // Text GBK cannot hold is refused, and no file is written.
        const QString refused = mDir.filePath("emoji.csv");
        try {
            TableWriter::writeCsv({{QStringLiteral("网格😀")}}, refused, TableWriter::Encoding::Gbk);
            QFAIL("text outside GBK was written");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
            QVERIFY(error.message().contains(QStringLiteral("UTF-8")));
        }
        QVERIFY(!QFile::exists(refused));
    }
};

QTEST_GUILESS_MAIN(TestRosterExport)
#include "test_rosterexport.moc"
