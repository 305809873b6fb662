#pragma once

#include "benchmarkmain.h"
#include "districtgenerator.h"
#include "projectfile.h"

#include <QTemporaryDir>
#include <memory>

//! a district of benchmarkZones() zones generated from `seed` into `dir`/`name`, open for editing
inline std::unique_ptr<gridmodel::ProjectFile> openGeneratedDistrict(const QTemporaryDir& dir,
                                                                     const QString& name, quint64 seed)
{
    const QString file = dir.filePath(name);
    gridmodel::ProjectFile::create(
        file, gridmodel::DistrictGenerator::generate(
                  gridmodel::DistrictGenerator::syntheticOptions(benchmarkZones(), seed)));
    return gridmodel::ProjectFile::open(file, gridmodel::ProjectFile::Access::ReadWrite);
}
