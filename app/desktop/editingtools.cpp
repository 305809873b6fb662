#include "editingtools.h"

#include "referencemaplayers.h"

#include "capturetool.h"
#include "error.h"
#include "hierarchyeditor.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectsession.h"
#include "unittally.h"
#include "vertextool.h"

#include <QInputDialog>
#include <QMessageBox>
#include <qgsgeometry.h>
#include <qgsmapcanvas.h>
#include <qgsmaptoolpan.h>
#include <qgsmessagebar.h>
#include <qgsrubberband.h>
#include <qgssnappingconfig.h>
#include <qgssnappingutils.h>
#include <qgsvectorlayer.h>

using namespace gridmodel;

EditingTools::EditingTools(QgsMapCanvas* canvas, QgsMessageBar* messages, QWidget* dialogParent)
    : QObject(dialogParent), mCanvas(canvas), mMessages(messages), mDialogParent(dialogParent)
{
    mPanTool = std::make_unique<QgsMapToolPan>(mCanvas);
    mSelectTool = std::make_unique<mapcore::PickTool>(mCanvas);
    mPaintTool = std::make_unique<mapcore::BrushTool>(mCanvas);
    mDrawTool = std::make_unique<mapcore::CaptureTool>(mCanvas, mapcore::CaptureTool::Shape::Polygon);
    mReshapeTool = std::make_unique<mapcore::CaptureTool>(mCanvas, mapcore::CaptureTool::Shape::Polygon);
    mSplitTool = std::make_unique<mapcore::CaptureTool>(mCanvas, mapcore::CaptureTool::Shape::Line);
    mVertexTool = std::make_unique<mapcore::VertexTool>(mCanvas);
    connect(mPaintTool.get(), &mapcore::BrushTool::brushed, this, &EditingTools::paintBrushed);
    connect(mPaintTool.get(), &mapcore::BrushTool::strokeEnded, this, &EditingTools::paintStrokeEnded);
    connect(mPaintTool.get(), &mapcore::BrushTool::strokeCancelled, this, &EditingTools::clearPaintStroke);
    connect(mDrawTool.get(), &mapcore::CaptureTool::captured, this, &EditingTools::polygonDrawn);
    connect(mDrawTool.get(), &mapcore::CaptureTool::shapeChanged, this, &EditingTools::previewDrawing);
    connect(mReshapeTool.get(), &mapcore::CaptureTool::captured, this, &EditingTools::reshapeDrawn);
    connect(mSplitTool.get(), &mapcore::CaptureTool::captured, this, &EditingTools::splitDrawn);
    connect(mVertexTool.get(), &mapcore::VertexTool::cornerMoved, this, &EditingTools::moveSelectedCorner);
    connect(mVertexTool.get(), &mapcore::VertexTool::cornerRemoved, this,
            &EditingTools::removeSelectedCorner);
    const auto updateHint = [this] { emit hintChanged(hint()); };
    connect(mCanvas, &QgsMapCanvas::mapToolSet, this, updateHint);
    for (mapcore::CaptureTool* capture : {mDrawTool.get(), mReshapeTool.get(), mSplitTool.get()})
        connect(capture, &mapcore::CaptureTool::shapeChanged, this, updateHint);
    connect(mVertexTool.get(), &mapcore::VertexTool::refused, this,
            [this](const QString& reason) { mMessages->pushWarning(tr("未执行"), reason); });
}

EditingTools::~EditingTools()
{
    mPreview.reset();
    mCrossing.reset();
    mPaintBand.reset();
    if (mCanvas->mapTool())
        mCanvas->unsetMapTool(mCanvas->mapTool());
}

QgsMapTool* EditingTools::panTool() const
{
    return mPanTool.get();
}

void EditingTools::setSession(mapcore::ProjectSession* session)
{
    mSession = session;
    if (mSession)
        connect(mSession, &mapcore::ProjectSession::referencesChanged, this,
                &EditingTools::updateTracingLayers);
    updateTracingLayers();
    setSelection({});
}

void EditingTools::setTracing(bool on)
{
    for (mapcore::CaptureTool* capture : {mDrawTool.get(), mReshapeTool.get(), mSplitTool.get()})
        capture->setTracing(on);
}

void EditingTools::setSnapTolerance(double pixels)
{
    mSnapTolerancePx = pixels;
    updateSnapping();
}

void EditingTools::updateTracingLayers()
{
    QList<QgsVectorLayer*> lines;
    if (mSession)
        for (QgsMapLayer* layer : mSession->references().visibleLayersTopFirst())
            if (auto* vector = qobject_cast<QgsVectorLayer*>(layer))
                lines << vector;
    for (mapcore::CaptureTool* capture : {mDrawTool.get(), mReshapeTool.get(), mSplitTool.get()})
        capture->setTracingLayers(lines);
    updateSnapping();
}

void EditingTools::updateSnapping()
{
    QgsSnappingConfig config = mCanvas->snappingUtils()->config();
    config.setMode(QgsSnappingConfig::AdvancedConfiguration);
    config.setIntersectionSnapping(true);
    config.setTolerance(mSnapTolerancePx);
    config.setUnits(QgsTolerance::Pixels);
    config.clearIndividualLayerSettings();
    const auto snapTo = [&](QgsVectorLayer* layer, bool enabled) {
        config.setIndividualLayerSettings(
            layer, QgsSnappingConfig::IndividualLayerSettings(
                       enabled, QgsSnappingConfig::VertexFlag | QgsSnappingConfig::SegmentFlag,
                       mSnapTolerancePx, QgsTolerance::Pixels));
    };
    if (mSession) {
        for (int level = 0; level < mSession->layers().levelCount(); ++level)
            snapTo(mSession->layers().layer(level), true);
        for (const ReferenceLayer& reference : mSession->data().referenceLayers)
            if (auto* vector = qobject_cast<QgsVectorLayer*>(mSession->references().layer(reference.name)))
                snapTo(vector, reference.snapping && reference.visible);
    }
    mCanvas->snappingUtils()->setConfig(config);
}

void EditingTools::setSelection(const std::vector<UnitId>& selection)
{
    mSelection = selection;
    const Unit* unit = selectedUnit();
    mVertexTool->setOutline(unit ? unit->boundary : MultiPolygon());
    emit hintChanged(hint());
}

QString EditingTools::hint() const
{
    const QgsMapTool* tool = mCanvas->mapTool();
    if (!mSession || !tool)
        return QString();
    const Unit* unit = selectedUnit();
    const auto capturing = [](const mapcore::CaptureTool* capture, int needed) {
        const size_t placed = capture->points().size();
        if (placed == 0)
            return tr("单击放下第一个节点");
        if (placed < static_cast<size_t>(needed))
            return tr("单击放下下一个节点（已有 %1 个），Esc 取消").arg(placed);
        return tr("单击添加节点，右键或回车完成");
    };
    if (tool == mPanTool.get())
        return tr("平移：拖动地图，滚轮缩放");
    if (tool == mSelectTool.get())
        return tr("选择：单击选中单元，Ctrl+单击多选；双击层级树中的单元缩放到它");
    if (tool == mDrawTool.get())
        return tr("绘制%1：").arg(levelName(mEditingLevel)) + capturing(mDrawTool.get(), 3);
    if (tool == mReshapeTool.get())
        return unit ? tr("重绘 %1：").arg(unit->name) + capturing(mReshapeTool.get(), 3)
                    : tr("重绘边界：先选中一个单元");
    if (tool == mSplitTool.get())
        return unit ? tr("拆分 %1：画一条从边到边穿过它的线；").arg(unit->name) +
                          capturing(mSplitTool.get(), 2)
                    : tr("拆分：先选中要拆分的单元");
    if (tool == mVertexTool.get())
        return unit ? tr("节点：拖动节点移动它，共用它的单元一同移动；从边上拖出新节点；单击节点后按 Delete "
                         "删除")
                    : tr("节点：先选中一个单元");
    if (tool == mPaintTool.get())
        return tr("划入上级：在层级树中选中一个%1，再点击或拖过要划入它的%2")
            .arg(levelName(mEditingLevel - 1), levelName(mEditingLevel));
    return QString();
}

bool EditingTools::edit(const std::function<ChangeSet(ProjectFile&)>& operation)
{
    if (!mSession)
        return false;
    QString error;
    std::optional<Point> crossing;
    const bool done = mSession->edit(operation, &error, &crossing);
    markCrossing(crossing);
    if (!done) {
        mMessages->pushWarning(crossing ? tr("未执行：边界自相交，交点已标出") : tr("未执行"), error);
        return false;
    }
    return true;
}

bool EditingTools::editBoundaries(const QString& title,
                                  const std::function<HierarchyEditor::Result(HierarchyEditor&)>& operation)
{
    QStringList notes;
    const bool done = edit([&](ProjectFile& project) {
        HierarchyEditor editor(project);
        HierarchyEditor::Result result = operation(editor);
        notes = result.notes;
        return result.changes;
    });
    if (done && !notes.isEmpty())
        mMessages->pushInfo(title, notes.join(QStringLiteral("；")));
    return done;
}

void EditingTools::markCrossing(const std::optional<Point>& place)
{
    if (!place) {
        mCrossing.reset();
        return;
    }
    if (!mCrossing) {
        mCrossing = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::PointGeometry);
        mCrossing->setIcon(QgsRubberBand::ICON_X);
        mCrossing->setIconSize(18);
        mCrossing->setWidth(3);
        mCrossing->setColor(QColor(215, 25, 28));
    }
    mCrossing->reset(QgsWkbTypes::PointGeometry);
    mCrossing->addPoint(QgsPointXY(place->x, place->y));
}

const Unit* EditingTools::selectedUnit() const
{
    return mSession && mSelection.size() == 1 ? mSession->project().index().unit(mSelection.front())
                                              : nullptr;
}

QString EditingTools::levelName(int level) const
{
    const HierarchyTemplate& hierarchy = mSession->data().hierarchy;
    return level >= 0 && level < hierarchy.levelCount() ? hierarchy.level(level).name.text() : QString();
}

void EditingTools::polygonDrawn(const std::vector<Point>& ring)
{
    if (!mSession)
        return;
    const MultiPolygon drawn{{Polygon{{ring}}}};
    const QString levelKey = mSession->data().hierarchy.level(mEditingLevel).key;
    const QString name = tr("新%1").arg(levelName(mEditingLevel));
    if (editBoundaries(tr("绘制"), [&](HierarchyEditor& editor) {
            return editor.add(levelKey, editor.parentCodeFor(levelKey, drawn), name, drawn);
        }))
        emit unitAdded();
}

void EditingTools::previewDrawing(const std::vector<Point>& shape)
{
    if (!mPreview) {
        mPreview = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::PolygonGeometry);
        mPreview->setStrokeColor(QColor(26, 150, 65));
        mPreview->setFillColor(QColor(26, 150, 65, 80));
        mPreview->setWidth(2);
    }
    mPreview->reset(QgsWkbTypes::PolygonGeometry);
    if (!mSession || shape.size() < 3)
        return;
    Ring ring(shape.begin(), shape.end());
    ring.push_back(ring.front());
    const MultiPolygon drawn{{Polygon{{ring}}}};
    try {
        const HierarchyEditor editor(mSession->project());
        const QString levelKey = mSession->data().hierarchy.level(mEditingLevel).key;
        const MultiPolygon clipped =
            editor.outlineForNewUnit(levelKey, editor.parentCodeFor(levelKey, drawn), drawn);
        mPreview->setToGeometry(QgsGeometry::fromWkt(clipped.toWkt(3)), nullptr);
    } catch (const gridmodel::Error&) {
        // no preview for an outline outside every parent, or not yet valid (crossing itself)
    }
}

double EditingTools::previewArea() const
{
    return mPreview ? mPreview->asGeometry().area() : 0;
}

void EditingTools::reshapeDrawn(const std::vector<Point>& ring)
{
    reshapeSelected(MultiPolygon{{Polygon{{ring}}}});
}

void EditingTools::reshapeSelected(const MultiPolygon& outline)
{
    const Unit* unit = selectedUnit();
    if (!unit) {
        mMessages->pushInfo(tr("重绘边界"), tr("先选中一个单元"));
        return;
    }
    const QString code = unit->code;
    editBoundaries(tr("重绘边界"), [&](HierarchyEditor& e) { return e.reshape(code, outline); });
}

void EditingTools::moveSelectedCorner(const Point& from, const Point& to)
{
    const Unit* unit = selectedUnit();
    if (!unit)
        return;
    const QString code = unit->code;
    editBoundaries(tr("移动节点"), [&](HierarchyEditor& e) { return e.moveCorner(code, from, to); });
}

void EditingTools::removeSelectedCorner(const Point& at)
{
    const Unit* unit = selectedUnit();
    if (!unit)
        return;
    const QString code = unit->code;
    editBoundaries(tr("删除节点"), [&](HierarchyEditor& e) { return e.removeCorner(code, at); });
}

void EditingTools::splitDrawn(const std::vector<Point>& line)
{
    const Unit* unit = selectedUnit();
    if (!unit) {
        mMessages->pushInfo(tr("拆分"), tr("先选中要拆分的单元"));
        return;
    }
    const QString code = unit->code;
    editBoundaries(tr("拆分"), [&](HierarchyEditor& e) { return e.split(code, line); });
}

void EditingTools::paintBrushed(const Point& point)
{
    const Unit* parent = selectedUnit();
    if (!mSession || !parent || parent->level != mEditingLevel - 1) {
        if (mSession && !mPaintHintShown)
            mMessages->pushInfo(tr("划入上级"),
                                tr("先在层级树中选中一个%1，再点击或拖过要划入它的%2")
                                    .arg(levelName(mEditingLevel - 1), levelName(mEditingLevel)));
        mPaintHintShown = true; // once per stroke
        return;
    }
    const Unit* child = mSession->project().index().unitAt(mEditingLevel, point);
    if (!child || child->parentId == parent->id ||
        std::find(mPainting.begin(), mPainting.end(), child->id) != mPainting.end())
        return;
    mPainting.push_back(child->id);
    if (!mPaintBand) {
        mPaintBand = std::make_unique<QgsRubberBand>(mCanvas, QgsWkbTypes::PolygonGeometry);
        mPaintBand->setStrokeColor(QColor(30, 110, 230));
        mPaintBand->setFillColor(QColor(30, 110, 230, 90));
        mPaintBand->setWidth(2);
    }
    mPaintBand->addGeometry(QgsGeometry::fromWkt(child->boundary.toWkt(3)), nullptr);
    qint64 households = 0, residents = 0;
    for (UnitId id : mPainting)
        if (const Unit* unit = mSession->project().index().unit(id)) {
            households += unit->households;
            residents += unit->residents;
        }
    emit paintPending(tr("划入 %1：%2 个%3，%4 户，%5 人（松开鼠标完成，Esc 放弃）")
                          .arg(parent->name)
                          .arg(mPainting.size())
                          .arg(levelName(mEditingLevel))
                          .arg(households)
                          .arg(residents));
}

void EditingTools::paintStrokeEnded()
{
    const std::vector<UnitId> stroke = mPainting;
    clearPaintStroke();
    const Unit* parent = selectedUnit();
    if (!mSession || !parent || stroke.empty())
        return;
    const HierarchyIndex& before = mSession->project().index();
    QStringList codes;
    std::vector<UnitId> involved{parent->id};
    for (UnitId id : stroke)
        if (const Unit* child = before.unit(id)) {
            codes << child->code;
            if (std::find(involved.begin(), involved.end(), child->parentId) == involved.end())
                involved.push_back(child->parentId);
        }
    const QString parentCode = parent->code;
    const UnitId parentId = parent->id;
    if (!editBoundaries(tr("划入上级"), [&](HierarchyEditor& e) { return e.assign(parentCode, codes); }))
        return;
    // Live tallies of the parents involved, as redistricting tools show them.
    const ProjectData& data = mSession->data();
    const HierarchyIndex& index = mSession->project().index();
    QStringList tallies;
    for (UnitId id : involved)
        if (const Unit* unit = index.unit(id))
            tallies << UnitTally::of(data, index, id).describe(data, *unit);
    emit painted(parentId, tallies.join(QStringLiteral("  ←  ")));
}

void EditingTools::clearPaintStroke()
{
    mPainting.clear();
    mPaintHintShown = false;
    if (mPaintBand)
        mPaintBand->reset(QgsWkbTypes::PolygonGeometry);
    emit paintPending(QString());
}

void EditingTools::mergeSelected()
{
    if (!mSession || mSelection.size() < 2) {
        mMessages->pushInfo(tr("合并"), tr("先选中两个以上同级单元（Ctrl+点击）"));
        return;
    }
    QStringList codes;
    for (UnitId id : mSelection)
        if (const Unit* unit = mSession->project().index().unit(id))
            codes << unit->code;
    editBoundaries(tr("合并"), [&](HierarchyEditor& e) { return e.merge(codes); });
}

void EditingTools::moveSelected()
{
    const Unit* unit = selectedUnit();
    if (!unit || unit->level == 0) {
        mMessages->pushInfo(tr("移至上级"), tr("先选中一个有上级的单元"));
        return;
    }
    QStringList choices;
    for (const Unit& candidate : mSession->data().units)
        if (candidate.level == unit->level - 1 && candidate.id != unit->parentId)
            choices << QStringLiteral("%1 %2").arg(candidate.code, candidate.name);
    bool ok = false;
    const QString choice =
        QInputDialog::getItem(mDialogParent, tr("移至上级"),
                              tr("把 %1 %2 移到：").arg(unit->code, unit->name), choices, 0, false, &ok);
    if (!ok || choice.isEmpty())
        return;
    const QString code = unit->code, parentCode = choice.section(QLatin1Char(' '), 0, 0);
    editBoundaries(tr("移至上级"), [&](HierarchyEditor& e) { return e.move(code, parentCode); });
}

void EditingTools::deleteSelected()
{
    // While editing corners, Delete removes the chosen corner, not the unit.
    if (mCanvas->mapTool() == mVertexTool.get() && mVertexTool->removeChosenCorner())
        return;
    const Unit* unit = selectedUnit();
    if (!unit)
        return;
    const size_t below = mSession->project().index().subtree(unit->id).size() - 1;
    if (below > 0 &&
        QMessageBox::question(
            mDialogParent, tr("删除"),
            tr("删除 %1 %2 及其下级 %3 个单元？可以撤销。").arg(unit->code, unit->name).arg(below)) !=
            QMessageBox::Yes)
        return;
    const QString code = unit->code;
    edit([&](ProjectFile& p) { return ProjectEditor(p).deleteUnit(code, true); });
}

void EditingTools::moveUnits(const std::vector<UnitId>& units, UnitId newParent)
{
    if (!mSession)
        return;
    const HierarchyIndex& index = mSession->project().index();
    QStringList codes;
    for (UnitId id : units)
        if (const Unit* unit = index.unit(id))
            codes << unit->code;
    const Unit* parent = index.unit(newParent);
    if (!parent)
        return;
    const QString parentCode = parent->code;
    editBoundaries(tr("移至上级"), [&](HierarchyEditor& e) { return e.assign(parentCode, codes); });
}

void EditingTools::setAttributes(UnitId id, const ProjectEditor::Attributes& attributes)
{
    const Unit* unit = mSession ? mSession->project().index().unit(id) : nullptr;
    if (!unit)
        return;
    const QString code = unit->code;
    edit([&](ProjectFile& project) { return ProjectEditor(project).setAttributes(code, attributes); });
}

void EditingTools::assignMember(MemberId member, const QString& role, qint64 linkedHouseholds)
{
    const Unit* unit = selectedUnit();
    if (!unit)
        return;
    const QString code = unit->code;
    edit([&](ProjectFile& p) { return ProjectEditor(p).assignMember(member, code, role, linkedHouseholds); });
}

void EditingTools::unassignMember(MemberId member, const QString& role)
{
    const Unit* unit = selectedUnit();
    if (!unit)
        return;
    const QString code = unit->code;
    edit([&](ProjectFile& p) { return ProjectEditor(p).unassignMember(member, code, role); });
}

void EditingTools::addMember(const Member& member)
{
    edit([&](ProjectFile& p) { return ProjectEditor(p).addMember(member); });
}

void EditingTools::removeMember(MemberId member)
{
    QString said;
    if (edit([&](ProjectFile& p) { return ProjectEditor(p).removeMember(member, &said); }))
        mMessages->pushInfo(tr("已从人员名册删除"), said);
}
