#include "boundaryexport.h"
#include "districtgenerator.h"
#include "error.h"
#include "hierarchyindex.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <gdal.h>
#include <map>
#include <ogr_api.h>

using namespace gridmodel;

/** A level's boundaries written through GDAL and read back as another GIS would. */
class TestBoundaryExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    ProjectData mDemo = DistrictGenerator::generate(DistrictGenerator::demoOptions());

    struct Read
    {
        std::map<QString, QString> names; //!< code -> name
        std::map<QString, double> areas;  //!< code -> area in the file's units
        std::map<QString, qint64> households;
        QStringList fields;
        Envelope extent;
    };

    static Read read(const QString& path)
    {
        Read result;
        GDALDatasetH dataset =
            GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        if (!dataset)
            return result;
        OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i)
            result.fields << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i)));
        OGR_L_ResetReading(layer);
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            const QString code =
                QString::fromUtf8(OGR_F_GetFieldAsString(feature, OGR_F_GetFieldIndex(feature, "code")));
            result.names[code] =
                QString::fromUtf8(OGR_F_GetFieldAsString(feature, OGR_F_GetFieldIndex(feature, "name")));
            result.households[code] =
                OGR_F_GetFieldAsInteger64(feature, OGR_F_GetFieldIndex(feature, "households"));
            OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
            result.areas[code] = OGR_G_Area(geometry);
            OGREnvelope box;
            OGR_G_GetEnvelope(geometry, &box);
            result.extent.include(Point{box.MinX, box.MinY});
            result.extent.include(Point{box.MaxX, box.MaxY});
            OGR_F_Destroy(feature);
        }
        GDALClose(dataset);
        return result;
    }

    std::vector<const Unit*> grids() const
    {
        std::vector<const Unit*> result;
        for (const Unit& unit : mDemo.units)
            if (unit.level == 2)
                result.push_back(&unit);
        return result;
    }

private slots:
    void initTestCase() { GDALAllRegister(); }

    void roundTripsCodesNamesCountsAndGeometry_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("projected");
        QTest::newRow("shapefile") << "shp" << true;
        QTest::newRow("geopackage") << "gpkg" << true;
        QTest::newRow("geojson") << "geojson" << false;
        QTest::newRow("kml") << "kml" << false;
    }

    void roundTripsCodesNamesCountsAndGeometry()
    {
        QFETCH(QString, format);
        QFETCH(bool, projected);
        const HierarchyIndex index(mDemo);
        const QString path = mDir.filePath("grids." + format);
        const int written =
            BoundaryExport::write(mDemo, index, 2, 0, *BoundaryExport::formatByName(format), path);
        const std::vector<const Unit*> expected = grids();
        QCOMPARE(written, int(expected.size()));
        const Read back = read(path);
        QCOMPARE(back.names.size(), expected.size());
        for (const Unit* grid : expected) {
            QCOMPARE(back.names.at(grid->code), grid->name); // Chinese intact
            if (format != "kml")                             // KML keeps only name and description natively
                QCOMPARE(back.households.at(grid->code), grid->households);
            if (projected)
                QVERIFY2(qAbs(back.areas.at(grid->code) - grid->boundary.area()) < 0.05,
                         qPrintable(grid->code));
        }
        if (!projected) { // longitude and latitude around Zhengzhou
            QVERIFY2(back.extent.minX > 113 && back.extent.maxX < 115 && back.extent.minY > 34 &&
                         back.extent.maxY < 35.5,
                     qPrintable(QString("%1 %2").arg(back.extent.minX).arg(back.extent.minY)));
        }
        if (format == "shp") {
            QFile cpg(mDir.filePath("grids.cpg"));
            QVERIFY(cpg.open(QIODevice::ReadOnly));
            QCOMPARE(cpg.readAll().trimmed(), QByteArray("UTF-8"));
        }
        if (format != "kml")
            QVERIFY(!back.fields.contains("notes")); // personal unless asked
    }

    void dxfNamesEachOutlineByItsCode()
    {
        const HierarchyIndex index(mDemo);
        const QString path = mDir.filePath("grids.dxf");
        BoundaryExport::write(mDemo, index, 2, 0, BoundaryExport::Format::Dxf, path);
        GDALDatasetH dataset =
            GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(dataset);
        QSet<QString> layers;
        OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            layers.insert(
                QString::fromUtf8(OGR_F_GetFieldAsString(feature, OGR_F_GetFieldIndex(feature, "Layer"))));
            OGR_F_Destroy(feature);
        }
        GDALClose(dataset);
        for (const Unit* grid : grids())
            QVERIFY2(layers.contains(grid->code), qPrintable(grid->code));
    }

    void notesOnlyWhenAskedAndRefusals()
    {
        const HierarchyIndex index(mDemo);
        const QString path = mDir.filePath("personal.gpkg");
        BoundaryExport::write(mDemo, index, 2, 0, BoundaryExport::Format::GeoPackage, path, true);
        QVERIFY(read(path).fields.contains("notes"));
        // only the grids of one community
        const Unit* community = nullptr;
        for (const Unit& unit : mDemo.units)
            if (unit.level == 1 && !community)
                community = &unit;
        const QString some = mDir.filePath("some.geojson");
        QCOMPARE(BoundaryExport::write(mDemo, index, 2, community->id, BoundaryExport::Format::GeoJson, some),
                 int(index.children(community->id).size()));
        QVERIFY(!BoundaryExport::formatByName("xls"));
        try {
            BoundaryExport::write(mDemo, index, 9, 0, BoundaryExport::Format::GeoJson,
                                  mDir.filePath("none.geojson"));
            QFAIL("an export of nothing was written");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidInput);
        }
        QVERIFY(!QFile::exists(mDir.filePath("none.geojson")));
    }

    void aShapefileIsReplacedWholeEveryPartOfIt()
    {
        // written twice under a name a wildcard would misread: each part is the second export's
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("网格[1].shp"));
        const HierarchyIndex index(mDemo);
        BoundaryExport::write(mDemo, index, 1, 0, BoundaryExport::Format::Shapefile, path);
        const int grids = BoundaryExport::write(mDemo, index, 2, 0, BoundaryExport::Format::Shapefile, path);
        QCOMPARE(static_cast<int>(read(path).names.size()), grids);
        QStringList names = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("网格[1].cpg"), QStringLiteral("网格[1].dbf"),
                                     QStringLiteral("网格[1].prj"), QStringLiteral("网格[1].shp"),
                                     QStringLiteral("网格[1].shx")}));
    }

    void progressIsToldAndCancelLeavesNoFile()
    {
        const HierarchyIndex index(mDemo);
        const int zone = mDemo.hierarchy.levelCount() - 1;
        std::vector<std::pair<int, int>> heard;
        const QString path = mDir.filePath("zones.shp");
        const int written = BoundaryExport::write(mDemo, index, zone, 0, BoundaryExport::Format::Shapefile,
                                                  path, false, [&](int done, int total) {
                                                      heard.emplace_back(done, total);
                                                      return true;
                                                  });
        QVERIFY(heard.size() > 2);
        QCOMPARE(heard.back(), std::make_pair(written, written));
        QVERIFY(std::is_sorted(heard.begin(), heard.end()));

        const QString cancelled = mDir.filePath("cancelled.gpkg");
        try {
            BoundaryExport::write(mDemo, index, zone, 0, BoundaryExport::Format::GeoPackage, cancelled, false,
                                  [](int done, int) { return done < 200; });
            QFAIL("a cancelled export went on");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Cancelled);
        }
        QVERIFY(!QFile::exists(cancelled));
    }
};

QTEST_GUILESS_MAIN(TestBoundaryExport)
#include "test_boundaryexport.moc"
