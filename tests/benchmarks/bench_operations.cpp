// Benchmarks of single edits on a generated district and on real boundaries (Beijing's
// sub-districts), transaction and history included.
//   bench_operations [--zones N] [google benchmark options]
#include "error.h"
#include "generateddistrict.h"
#include "geosengine.h"
#include "hierarchyeditor.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "realdistrict.h"

#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

using namespace gridmodel;

namespace {

struct EditedDistrict
{
    QTemporaryDir dir;
    std::unique_ptr<ProjectFile> project;
    QString zoneCode;

    EditedDistrict()
    {
        project = openGeneratedDistrict(dir, QStringLiteral("ops.gpkg"), 1);
        zoneCode = project->data().units.back().code;
    }
};

EditedDistrict& district()
{
    static EditedDistrict instance;
    return instance;
}

void BM_SetHouseholds(benchmark::State& state)
{
    EditedDistrict& d = district();
    qint64 households = 30;
    for (auto _ : state)
        ProjectEditor(*d.project)
            .setAttributes(d.zoneCode, {++households % 40 + 20, std::nullopt, std::nullopt});
    state.counters["units"] = static_cast<double>(d.project->data().units.size());
}

void BM_UndoRedo(benchmark::State& state)
{
    EditedDistrict& d = district();
    ProjectEditor(*d.project).setAttributes(d.zoneCode, {33, std::nullopt, std::nullopt});
    for (auto _ : state) {
        d.project->undo();
        d.project->redo();
    }
}

//! the first unit at a level, and the first sibling after it
std::pair<const Unit*, const Unit*> firstPair(const ProjectFile& project, const QString& levelKey)
{
    const int level = project.data().hierarchy.levelIndex(levelKey);
    for (const Unit& unit : project.data().units)
        if (unit.level == level) {
            const auto& siblings = project.index().children(unit.parentId);
            return {&unit, siblings.size() > 1 ? siblings[1] : nullptr};
        }
    return {nullptr, nullptr};
}

MultiPolygon square(const Point& centre, double half)
{
    const double x = centre.x, y = centre.y;
    return MultiPolygon{{Polygon{{Ring{{x - half, y - half},
                                       {x + half, y - half},
                                       {x + half, y + half},
                                       {x - half, y + half},
                                       {x - half, y - half}}}}}};
}

// Each edit below is timed together with the undo that restores the district for the next round.

void BM_ReshapeZoneAndUndo(benchmark::State& state)
{
    EditedDistrict& d = district();
    const Unit* zone = firstPair(*d.project, QStringLiteral("zone")).first;
    const QString code = zone->code;
    // the zone grows by a 6 m square over the middle of an edge it shares with a sibling
    const Ring& ring = zone->boundary.polygons.front().rings.front();
    const Unit* sibling = firstPair(*d.project, QStringLiteral("zone")).second;
    const Ring& other = sibling->boundary.polygons.front().rings.front();
    Point middle;
    for (size_t i = 0; i + 1 < ring.size(); ++i)
        for (size_t j = 0; j + 1 < other.size(); ++j)
            if (ring[i] == other[j + 1] && ring[i + 1] == other[j])
                middle = {(ring[i].x + ring[i + 1].x) / 2, (ring[i].y + ring[i + 1].y) / 2};
    const MultiPolygon bump = square(middle, 3);
    const MultiPolygon grown = GeosEngine().unaryUnion({&zone->boundary, &bump});
    for (auto _ : state) {
        HierarchyEditor(*d.project).reshape(code, grown);
        d.project->undo();
    }
}

void BM_MoveGridCornerAndUndo(benchmark::State& state)
{
    EditedDistrict& d = district();
    // A grid corner on its community's edge: it moves in the grid, its neighbour, the
    // community (and beyond), and the buildings and zones that share it.
    const int gridLevel = d.project->data().hierarchy.levelIndex(QStringLiteral("grid"));
    const Unit* grid = nullptr;
    Point corner;
    for (const Unit& unit : d.project->data().units) {
        if (unit.level != gridLevel || grid)
            continue;
        const Ring& parentRing =
            d.project->index().unit(unit.parentId)->boundary.polygons.front().rings.front();
        for (const Point& point : unit.boundary.polygons.front().rings.front())
            if (!grid && std::find(parentRing.begin(), parentRing.end(), point) != parentRing.end()) {
                grid = &unit;
                corner = point;
            }
    }
    const QString code = grid->code;
    const Point centre = grid->boundary.envelope().center();
    const double length = std::hypot(centre.x - corner.x, centre.y - corner.y);
    const Point to{corner.x + 2 * (centre.x - corner.x) / length,
                   corner.y + 2 * (centre.y - corner.y) / length};
    size_t changed = 0;
    for (auto _ : state) {
        changed = HierarchyEditor(*d.project).moveCorner(code, corner, to).changes.units.size();
        d.project->undo();
    }
    state.counters["units_changed"] = static_cast<double>(changed);
}

/** Beijing's 343 sub-districts, imported as the top level: real edges, overlaps and holes. */
struct BeijingDistrict
{
    QTemporaryDir dir;
    std::unique_ptr<ProjectFile> project;

    BeijingDistrict()
    {
        const QString file = writeBeijingProject(dir);
        if (!file.isEmpty())
            project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
    }
};

void BM_MoveCornerOnBeijingSubdistricts(benchmark::State& state)
{
    static BeijingDistrict beijing;
    if (!beijing.project) {
        state.SkipWithError("../shared/realdata is not beside the checkout");
        return;
    }
    // every 20th sub-district's second corner, 1 m towards its centre, and back by undo
    struct Move
    {
        QString code;
        Point from, to;
    };
    std::vector<Move> moves;
    const std::vector<Unit>& units = beijing.project->data().units;
    for (size_t i = 0; i < units.size(); i += 20) {
        const Ring& ring = units[i].boundary.polygons.front().rings.front();
        const Point corner = ring.at(1), centre = units[i].boundary.envelope().center();
        const double length = std::hypot(centre.x - corner.x, centre.y - corner.y);
        moves.push_back(
            {units[i].code,
             corner,
             {corner.x + (centre.x - corner.x) / length, corner.y + (centre.y - corner.y) / length}});
    }
    size_t next = 0, accepted = 0, refused = 0, changed = 0;
    for (auto _ : state) {
        const Move& move = moves[next++ % moves.size()];
        try {
            changed += HierarchyEditor(*beijing.project)
                           .moveCorner(move.code, move.from, move.to)
                           .changes.units.size();
            ++accepted;
            beijing.project->undo();
        } catch (const Error&) {
            ++refused; // said why; nothing changed
        }
    }
    state.counters["units"] = static_cast<double>(units.size());
    state.counters["accepted"] = static_cast<double>(accepted);
    state.counters["refused"] = static_cast<double>(refused);
    state.counters["units_changed_per_move"] = accepted ? double(changed) / double(accepted) : 0;
}

void BM_SplitGridAndUndo(benchmark::State& state)
{
    EditedDistrict& d = district();
    const Unit* grid = firstPair(*d.project, QStringLiteral("grid")).first;
    const QString code = grid->code;
    const Envelope box = grid->boundary.envelope();
    const LineString line{{box.center().x, box.minY - 1}, {box.center().x, box.maxY + 1}};
    for (auto _ : state) {
        HierarchyEditor(*d.project).split(code, line);
        d.project->undo();
    }
}

void BM_MergeGridsAndUndo(benchmark::State& state)
{
    EditedDistrict& d = district();
    const auto [first, second] = firstPair(*d.project, QStringLiteral("grid"));
    const QStringList codes{first->code, second->code};
    for (auto _ : state) {
        HierarchyEditor(*d.project).merge(codes);
        d.project->undo();
    }
}

void BM_MoveBuildingAndUndo(benchmark::State& state)
{
    EditedDistrict& d = district();
    const auto [grid, otherGrid] = firstPair(*d.project, QStringLiteral("grid"));
    const QString building = d.project->index().children(grid->id).front()->code;
    const QString target = otherGrid->code;
    for (auto _ : state) {
        HierarchyEditor(*d.project).move(building, target);
        d.project->undo();
    }
}

} // namespace

BENCHMARK(BM_ReshapeZoneAndUndo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MoveGridCornerAndUndo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MoveCornerOnBeijingSubdistricts)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitGridAndUndo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MergeGridsAndUndo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MoveBuildingAndUndo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SetHouseholds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UndoRedo)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runBenchmarks(argc, argv);
}
