#pragma once

#include "projectdata.h"

#include <QByteArray>
#include <QFile>
#include <QString>

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

} // namespace testsupport
