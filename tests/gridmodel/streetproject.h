#pragma once

#include "projectdata.h"
#include "projectfile.h"
#include "testsupport.h"
#include "topologynoder.h"

#include <QTemporaryDir>
#include <memory>

namespace testsupport {

inline const char* StreetTemplateJson = R"({
  "key": "test", "name": "test", "sliver_tolerance_m2": 1.0,
  "levels": [
    {"key": "street", "name": "街道", "code_digits": 3},
    {"key": "community", "name": "社区", "code_digits": 3},
    {"key": "grid", "name": "网格", "contiguous": true,
     "roles": [{"key": "grid_leader", "name": "网格长", "required": true}]},
    {"key": "building", "name": "楼栋", "covered_by_children": false}
  ]
})";

inline const double X = 450000, Y = 3840000;

/**
 * A street of 300 m × 100 m: community 001 (200 m wide) with grids 01 and 02, community
 * 002 (100 m) with grid 01; the grids of 001 hold two buildings of 50 m × 100 m each,
 * the grid of 002 one building of 100 m × 100 m. Corners are noded, as edits keep them.
 */
inline gridmodel::ProjectData streetProject()
{
    gridmodel::ProjectData data;
    data.name = QStringLiteral("编辑测试");
    data.crsEpsg = 4547;
    data.hierarchy = gridmodel::HierarchyTemplate::fromJson(StreetTemplateJson);
    data.units = {
        gridmodel::Unit{1, 0, 0, "410105001", "东街道", "", testsupport::box(X, Y, 300, 100), 700, 1700, ""},
        gridmodel::Unit{2, 1, 1, "410105001001", "东社区", "", testsupport::box(X, Y, 200, 100), 500, 1200,
                        ""},
        gridmodel::Unit{3, 1, 1, "410105001002", "西社区", "", testsupport::box(X + 200, Y, 100, 100), 200,
                        500, ""},
        gridmodel::Unit{4, 2, 2, "41010500100101", "第1网格", "", testsupport::box(X, Y, 100, 100), 250, 600,
                        ""},
        gridmodel::Unit{5, 2, 2, "41010500100102", "第2网格", "", testsupport::box(X + 100, Y, 100, 100), 250,
                        600, ""},
        gridmodel::Unit{6, 2, 3, "41010500100201", "第1网格", "", testsupport::box(X + 200, Y, 100, 100), 200,
                        500, ""},
        gridmodel::Unit{7, 3, 4, "4101050010010101", "1号楼", "", testsupport::box(X, Y, 50, 100), 100, 240,
                        ""},
        gridmodel::Unit{8, 3, 4, "4101050010010102", "2号楼", "", testsupport::box(X + 50, Y, 50, 100), 150,
                        360, ""},
        gridmodel::Unit{9, 3, 5, "4101050010010201", "3号楼", "", testsupport::box(X + 100, Y, 50, 100), 120,
                        300, ""},
        gridmodel::Unit{10, 3, 5, "4101050010010202", "4号楼", "", testsupport::box(X + 150, Y, 50, 100), 130,
                        300, ""},
        gridmodel::Unit{11, 3, 6, "4101050010020101", "5号楼", "", testsupport::box(X + 200, Y, 100, 100),
                        200, 500, ""},
    };
    std::vector<gridmodel::Unit*> all;
    for (gridmodel::Unit& unit : data.units)
        all.push_back(&unit);
    gridmodel::TopologyNoder::node(all, {});
    data.members = {gridmodel::Member{1, "张三", "13800000001", "男", "在职", ""},
                    gridmodel::Member{2, "李四", "13800000002", "女", "在职", ""}};
    data.assignments = {gridmodel::Assignment{1, 1, 4, "grid_leader", 0, ""},
                        gridmodel::Assignment{2, 2, 5, "grid_leader", 0, ""},
                        gridmodel::Assignment{3, 1, 6, "grid_leader", 0, ""}};
    return data;
}

//! a fresh file of the street in `dir`, open for editing
inline std::unique_ptr<gridmodel::ProjectFile> openFreshStreet(const QTemporaryDir& dir)
{
    const QString file = freshPath(dir, QStringLiteral("street.gpkg"));
    gridmodel::ProjectFile::create(file, streetProject());
    return gridmodel::ProjectFile::open(file, gridmodel::ProjectFile::Access::ReadWrite);
}

} // namespace testsupport
