#pragma once

#include "geometry.h"

#include <QString>
#include <memory>

namespace gridmodel {

/** A project CRS, identified by its EPSG code, with the WKT GeoPackage stores. */
class SpatialReference
{
public:
    //! throws Error(InvalidInput) for an unknown code or one not in metres
    static SpatialReference fromEpsg(int epsg);
    //! "EPSG:4547" or "4547"; throws Error(InvalidInput)
    static SpatialReference fromString(const QString& text);
    //! the code in "EPSG:4490" or "4490", any kind of system; throws Error(InvalidInput) for other text
    static int epsgFromString(const QString& text);
    //! CGCS2000 / 3-degree Gauss-Kruger zone whose central meridian is nearest (EPSG:4534–4554)
    static int gaussKrugerEpsgForLongitude(double longitude);
    //! the default for new projects: CGCS2000 / 3-degree Gauss-Kruger CM 114E (Zhengzhou)
    static constexpr int DefaultEpsg = 4547;

    int epsg() const { return mEpsg; }
    QString name() const { return mName; }
    QString wkt() const { return mWkt; }
    QString authId() const { return QStringLiteral("EPSG:%1").arg(mEpsg); }
    //! where the system is made to be used, in longitude and latitude; empty when EPSG says nothing
    const Envelope& areaOfUse() const { return mAreaOfUse; }

private:
    int mEpsg = 0;
    QString mName;
    QString mWkt;
    Envelope mAreaOfUse;
};

/**
 * Converts coordinates between two coordinate reference systems (GDAL/PROJ), longitude
 * before latitude for geographic ones, as GIS files and WKT have them.
 */
class CoordinateTransform
{
public:
    //! throws Error(InvalidInput) for an unknown code or a pair PROJ cannot convert
    CoordinateTransform(int fromEpsg, int toEpsg);
    /**
     * From a system given as WKT (as a GIS file names it) to an EPSG code; nullptr when the
     * two are the same system. Throws Error(InvalidInput) for WKT or a pair PROJ cannot use.
     */
    static std::unique_ptr<CoordinateTransform> fromWkt(const QString& wkt, int toEpsg);
    ~CoordinateTransform();
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;

    //! throws Error(InvalidInput) for points outside the systems' area
    void transform(std::vector<Point>& points) const;
    void transform(MultiPolygon& geometry) const;

private:
    CoordinateTransform() = default;
    void* mTransform = nullptr; //!< OGRCoordinateTransformationH
};

} // namespace gridmodel
