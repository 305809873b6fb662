#pragma once

// Real boundaries made elsewhere (../shared/realdata beside the checkout): Beijing's 343
// sub-districts, with real overlaps, holes and exclaves, imported as the top level.

#include "boundaryimport.h"
#include "importplan.h"
#include "projectfile.h"
#include "vectorsource.h"

#include <QFileInfo>
#include <QTemporaryDir>

//! writes `dir`/beijing.gpkg and returns its path; empty when the real data is not beside the checkout
inline QString writeBeijingProject(const QTemporaryDir& dir)
{
    using namespace gridmodel;
    const QString source =
        QStringLiteral(GRIDATLAS_REALDATA_DIR "/beijing-subdistricts/beijing_subdistricts.geojson");
    if (!QFileInfo::exists(source))
        return QString();
    ProjectData data;
    data.name = QStringLiteral("北京市");
    data.crsEpsg = 4548;
    data.hierarchy = HierarchyTemplate::builtin(QStringLiteral("four-level"));
    const QString file = dir.filePath(QStringLiteral("beijing.gpkg"));
    ProjectFile::create(file, data);
    const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
    const VectorSource features = VectorSource::read(source, data.crsEpsg, QString());
    BoundaryImport::Options options;
    options.level = 0;
    options.mapping = FieldMapping::guess(features.fields);
    options.mapping.set(QStringLiteral("name=name,code="), features.fields);
    BoundaryImport::plan(project->data(), project->index(), features, options).apply(*project);
    return file;
}
