#pragma once

#include "districtgenerator.h"
#include "projectdata.h"
#include "projectfile.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace testsupport {

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! a unit square-ish polygon with its south-west corner at (x, y) in EPSG:4547 metres
inline gridmodel::MultiPolygon box(double x, double y, double w, double h)
{
    gridmodel::Ring ring{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}};
    gridmodel::MultiPolygon result;
    result.polygons.push_back(gridmodel::Polygon{{ring}});
    return result;
}

//! a path in `dir` no earlier call gave: "1-name", "2-name" ...
inline QString freshPath(const QTemporaryDir& dir, const QString& name)
{
    static int files = 0;
    return dir.filePath(QStringLiteral("%1-%2").arg(++files).arg(name));
}

//! writes a fresh copy of the demo district into `dir` (demo1.gpkg, demo2.gpkg ...) and names it
inline QString freshDemoFile(const QTemporaryDir& dir)
{
    static int files = 0;
    const QString file = dir.filePath(QStringLiteral("demo%1.gpkg").arg(++files));
    gridmodel::ProjectFile::create(
        file, gridmodel::DistrictGenerator::generate(gridmodel::DistrictGenerator::demoOptions()));
    return file;
}

} // namespace testsupport
