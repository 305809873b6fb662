#include "error.h"
#include "geosengine.h"
#include "gpkggeometry.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace gridmodel;

class TestGpkgGeometry : public QObject
{
    Q_OBJECT

private slots:
    void roundTripWithHole()
    {
        GeosEngine geos;
        const MultiPolygon original =
            geos.fromWkt("MULTIPOLYGON (((450000 3840000, 450100 3840000, 450100 3840100, 450000 3840100, "
                         "450000 3840000), "
                         "(450010 3840010, 450010 3840020, 450020 3840020, 450020 3840010, 450010 3840010)), "
                         "((450200 3840000, 450300 3840000, 450300 3840050, 450200 3840000)))");
        QCOMPARE(original.polygons.size(), size_t(2));
        QCOMPARE(original.area(), 10000.0 - 100.0 + 2500.0);
        const QByteArray blob = GpkgGeometry::encode(original, 4547);
        QCOMPARE(blob.left(2), QByteArray("GP"));
        QCOMPARE(GpkgGeometry::decode(blob), original);
        bool ok = false;
        const Envelope env = GpkgGeometry::envelope(reinterpret_cast<const unsigned char*>(blob.constData()),
                                                    blob.size(), &ok);
        QVERIFY(ok);
        QCOMPARE(env.minX, 450000.0);
        QCOMPARE(env.maxX, 450300.0);
        QCOMPARE(env.maxY, 3840100.0);
    }

    void emptyGeometry()
    {
        const QByteArray blob = GpkgGeometry::encode(MultiPolygon(), 4547);
        QVERIFY(GpkgGeometry::decode(blob).isEmpty());
        bool ok = false;
        QVERIFY(
            GpkgGeometry::envelope(reinterpret_cast<const unsigned char*>(blob.constData()), blob.size(), &ok)
                .isEmpty());
        QVERIFY(ok);
    }

    void truncatedBlobIsCorrupt()
    {
        GeosEngine geos;
        QByteArray blob = GpkgGeometry::encode(geos.fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"), 4547);
        blob.chop(9);
        try {
            GpkgGeometry::decode(blob);
            QFAIL("decoded a truncated blob");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Corrupt);
        }
        QVERIFY_EXCEPTION_THROWN(GpkgGeometry::decode(QByteArray("XX123456789")), Error);
    }

    void quickValidityAgreesWithGeos_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<bool>("quick");
        QTest::newRow("square") << "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))" << true;
        QTest::newRow("clockwise square") << "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))" << true;
        QTest::newRow("bowtie") << "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))" << false;
        QTest::newRow("self-touching") << "POLYGON ((0 0, 10 0, 10 10, 5 0, 0 10, 0 0))" << false;
        QTest::newRow("spike") << "POLYGON ((0 0, 10 0, 10 10, 10 20, 10 10, 0 10, 0 0))" << false;
        QTest::newRow("repeated point") << "POLYGON ((0 0, 10 0, 10 0, 10 10, 0 10, 0 0))" << false;
        QTest::newRow("with hole") << "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2))"
                                   << false;
        QTest::newRow("concave") << "POLYGON ((0 0, 10 0, 10 10, 5 3, 0 10, 0 0))" << true;
    }

    void quickValidityAgreesWithGeos()
    {
        // The quick test may say "not proven" for a valid polygon, never "valid" for an invalid one.
        QFETCH(QString, wkt);
        QFETCH(bool, quick);
        GeosEngine geos;
        const MultiPolygon geometry = geos.fromWkt(wkt);
        QCOMPARE(isClearlyValidSimplePolygon(geometry), quick);
        if (quick)
            QVERIFY(geos.isValid(geometry));
    }

    void largeRingsAgreeWithGeos()
    {
        // Rings above the pairwise limit go through the sweep: star shapes (valid) must be
        // proven valid, random walks (mostly self-crossing) never wrongly so.
        GeosEngine geos;
        std::mt19937 random(7);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        int crossingCaught = 0;
        for (int round = 0; round < 60; ++round) {
            const int n = 40 + round * 7;
            Ring star, walk;
            for (int i = 0; i < n; ++i) {
                const double angle = 2 * M_PI * i / n;
                const double radius = 100 + 60 * unit(random);
                star.push_back({450000 + radius * std::cos(angle), 3840000 + radius * std::sin(angle)});
                walk.push_back({450000 + 100 * unit(random), 3840000 + 100 * unit(random)});
            }
            star.push_back(star.front());
            walk.push_back(walk.front());
            const MultiPolygon starShape{{Polygon{{star}}}};
            const MultiPolygon walkShape{{Polygon{{walk}}}};
            QVERIFY(geos.isValid(starShape));
            QVERIFY2(isClearlyValidSimplePolygon(starShape), qPrintable(QString::number(n)));
            const bool quick = isClearlyValidSimplePolygon(walkShape);
            QVERIFY(!quick || geos.isValid(walkShape));
            crossingCaught += !quick && !geos.isValid(walkShape);
        }
        QCOMPARE(crossingCaught, 60);
    }

    void pointInPolygon()
    {
        GeosEngine geos;
        const MultiPolygon donut =
            geos.fromWkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3)), "
                         "((20 0, 30 0, 25 8, 20 0)))");
        QVERIFY(donut.contains({1, 1}));
        QVERIFY(!donut.contains({5, 5}));  // in the hole
        QVERIFY(donut.contains({3, 5}));   // on the hole's edge: the unit's own boundary
        QVERIFY(donut.contains({10, 5}));  // on the outer edge
        QVERIFY(donut.contains({25, 2}));  // the second part
        QVERIFY(!donut.contains({15, 5})); // between the parts
        QVERIFY(!donut.contains({-1, 5}));
    }

    void validity()
    {
        GeosEngine geos;
        QVERIFY(geos.isValid(geos.fromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")));
        const QString reason = geos.invalidityReason(geos.fromWkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"));
        QVERIFY2(reason.contains("Self-intersection"), qPrintable(reason));
        QVERIFY_EXCEPTION_THROWN(geos.fromWkt("POLYGON ((0 0, 1 0"), Error);
        QVERIFY_EXCEPTION_THROWN(geos.fromWkt("LINESTRING (0 0, 1 1)"), Error);
    }
};

QTEST_GUILESS_MAIN(TestGpkgGeometry)
#include "test_gpkggeometry.moc"
