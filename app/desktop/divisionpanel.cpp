#include "divisionpanel.h"

#include "capturetool.h"
#include "divide/barriers.h"
#include "divisiondraftitem.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "projectsession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qgsmapcanvas.h>

using namespace gridmodel;

namespace {

QSpinBox* countBox(QWidget* parent, const QString& openText)
{
    auto* box = new QSpinBox(parent);
    box->setRange(0, 99999); // households of one unit
    box->setSpecialValueText(openText);
    box->setSuffix(QObject::tr(" 户"));
    return box;
}

} // namespace

DivisionPanel::DivisionPanel(QgsMapCanvas* canvas, QWidget* parent)
    : QWidget(parent), mCanvas(canvas), mDraft(std::make_unique<mapcore::DivisionDraftItem>(canvas)),
      mBrush(std::make_unique<mapcore::BrushTool>(canvas))
{
    mTarget = new QLabel(this);
    mTarget->setWordWrap(true);
    mByBand = new QRadioButton(tr("每个户数"), this);
    mByParts = new QRadioButton(tr("划分个数"), this);
    auto* mode = new QButtonGroup(this);
    mode->addButton(mByBand);
    mode->addButton(mByParts);
    mByBand->setChecked(true);
    mBandMin = countBox(this, tr("不限"));
    mBandMax = countBox(this, tr("不限"));
    mParts = new QSpinBox(this);
    mParts->setRange(1, 10000);
    mParts->setValue(2);
    mBarriers = new QComboBox(this);
    mBarriers->setToolTip(tr("道路、河流、铁路等矢量参考图层：新单元尽量不跨越"));
    mSeed = new QSpinBox(this);
    mSeed->setRange(1, 1000000);
    mSeed->setToolTip(tr("同一编号总是得到同一方案"));

    auto* bandRow = new QHBoxLayout;
    bandRow->addWidget(mBandMin);
    bandRow->addWidget(new QLabel(QStringLiteral("–"), this));
    bandRow->addWidget(mBandMax);
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(mByBand, bandRow);
    form->addRow(mByParts, mParts);
    form->addRow(tr("障碍图层"), mBarriers);
    form->addRow(tr("方案编号"), mSeed);

    mProposeButton = new QPushButton(tr("生成方案"), this);
    mProposeButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    mProposeButton->setToolTip(tr("按当前设置生成划分方案，锁定的单元保持不变（Ctrl+Enter）"));
    mAnotherButton = new QPushButton(tr("换一个方案"), this);
    mApplyButton = new QPushButton(tr("应用方案"), this);
    mApplyButton->setToolTip(tr("按方案重新划分，作为一步编辑，可撤销"));
    mDiscardButton = new QPushButton(tr("清除"), this);
    mPaintButton = new QPushButton(tr("涂改"), this);
    mPaintButton->setCheckable(true);
    mPaintButton->setToolTip(tr("在表中选中一个新单元，再在地图上涂抹下级单元，把它们划入该单元"));
    // two rows, so that the panel leaves the map its room
    auto* buttons = new QGridLayout;
    buttons->addWidget(mProposeButton, 0, 0, 1, 3);
    buttons->addWidget(mAnotherButton, 0, 3, 1, 3);
    buttons->addWidget(mPaintButton, 1, 0, 1, 2);
    buttons->addWidget(mDiscardButton, 1, 2, 1, 2);
    buttons->addWidget(mApplyButton, 1, 4, 1, 2);

    mSummary = new QLabel(this);
    mSummary->setWordWrap(true);
    mTable = new QTableWidget(0, 6, this);
    mTable->setHorizontalHeaderLabels(
        {tr("锁定"), tr("户数"), tr("范围内"), tr("紧凑度"), tr("跨越障碍"), tr("下级单元")});
    mTable->verticalHeader()->hide(); // the first column numbers the units
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 6);
    mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    mTable->horizontalHeader()->setMinimumSectionSize(36);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mUnmet = new QLabel(this);
    mUnmet->setWordWrap(true);
    mUnmet->setStyleSheet(QStringLiteral("color: #b42318"));
    mUnmet->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mTarget);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(mSummary);
    layout->addWidget(mTable, 1);
    layout->addWidget(mUnmet);

    connect(mProposeButton, &QPushButton::clicked, this, &DivisionPanel::propose);
    connect(mAnotherButton, &QPushButton::clicked, this, &DivisionPanel::proposeAnother);
    connect(mDiscardButton, &QPushButton::clicked, this, [this] { clearDraft(); });
    connect(mApplyButton, &QPushButton::clicked, this, [this] {
        if (!mProposal.parts.empty())
            emit applyRequested(mProposal);
    });
    connect(mByBand, &QRadioButton::toggled, this, &DivisionPanel::updateControls);
    connect(mPaintButton, &QPushButton::toggled, this, &DivisionPanel::setPainting);
    connect(mBrush.get(), &mapcore::BrushTool::brushed, this, [this](const Point& point) { paintAt(point); });
    connect(mCanvas, &QgsMapCanvas::mapToolSet, this, [this](QgsMapTool* tool) {
        if (tool != mBrush.get())
            mPaintButton->setChecked(false);
    });
    connect(mTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() == 0 && item->row() < static_cast<int>(mProposal.parts.size())) {
            mProposal.parts[static_cast<size_t>(item->row())].locked = item->checkState() == Qt::Checked;
            std::vector<mapcore::DivisionDraftItem::Part> parts = mDraft->parts();
            parts[static_cast<size_t>(item->row())].locked = item->checkState() == Qt::Checked;
            mDraft->setParts(std::move(parts));
        }
    });
    setUnit(0);
}

DivisionPanel::~DivisionPanel()
{
    if (!mCanvas) {
        (void)mDraft.release(); // the canvas's scene took its items with it
        (void)mBrush.release(); // a map tool outliving its canvas must not be told to leave it
        return;
    }
    if (mCanvas->mapTool() == mBrush.get())
        mCanvas->unsetMapTool(mBrush.get());
}

void DivisionPanel::setPainting(bool on)
{
    on = on && !mProposal.parts.empty() && !mProposal.byHouseholdCount;
    mPaintButton->setChecked(on);
    if (on && mCanvas->mapTool() != mBrush.get())
        mCanvas->setMapTool(mBrush.get());
    else if (!on && mCanvas->mapTool() == mBrush.get())
        mCanvas->unsetMapTool(mBrush.get());
}

void DivisionPanel::choosePart(int part)
{
    mTable->selectRow(part);
}

bool DivisionPanel::paintAt(const Point& point)
{
    if (!mSession || mProposal.parts.empty() || mProposal.byHouseholdCount)
        return false;
    const int part = mTable->currentRow();
    if (part < 0) {
        mUnmet->setText(tr("先在表中选中要划入的新单元"));
        return false;
    }
    const Unit* child = mSession->project().index().unitAt(mProposal.level + 1, point);
    if (!child)
        return false;
    try {
        const DivisionPlanner planner(mSession->data(), mSession->project().index());
        if (!mGraph)
            mGraph = std::make_unique<DivisionGraph>(planner.graphOf(mProposal, mBarrierLines));
        DivisionProposal moved = planner.moved(mProposal, child->id, part, *mGraph);
        if (moved.parts.at(static_cast<size_t>(part)).members ==
            mProposal.parts.at(static_cast<size_t>(part)).members)
            return true; // already there
        mProposal = std::move(moved);
    } catch (const Error& error) {
        mUnmet->setText(error.message());
        return false;
    }
    showProposal();
    mTable->selectRow(part);
    return true;
}

void DivisionPanel::setSession(mapcore::ProjectSession* session)
{
    mSession = session;
    mBarrierUnit = 0;
    mUnit = -1;
    setUnit(0);
}

void DivisionPanel::setUnit(UnitId unit)
{
    if (unit == mUnit)
        return;
    mUnit = unit;
    clearDraft();
    // the vector reference layers as they are now (the planner may have added roads since)
    const QString barriers = mBarriers->currentText();
    mBarriers->clear();
    mBarriers->addItem(tr("无"));
    if (mSession)
        for (const ReferenceLayer& layer : mSession->data().referenceLayers)
            if (layer.kind == ReferenceLayer::Kind::Vector)
                mBarriers->addItem(layer.name);
    mBarriers->setCurrentIndex(std::max(0, mBarriers->findText(barriers)));
    const Unit* chosen = mSession && unit ? mSession->project().index().unit(unit) : nullptr;
    const HierarchyTemplate* hierarchy = mSession ? &mSession->data().hierarchy : nullptr;
    if (!chosen || chosen->level + 1 >= hierarchy->levelCount()) {
        mTarget->setText(chosen ? tr("%1 位于最低层级，无可划分的下级").arg(chosen->name)
                                : tr("在地图或层级树中选择一个单元（如社区），为其重新划分下级"));
        mUnit = chosen ? unit : 0;
        updateControls();
        return;
    }
    const LevelDefinition& newLevel = hierarchy->level(chosen->level + 1);
    const bool byCount = DivisionPlanner::splitsByCount(*hierarchy, chosen->level);
    mTarget->setText(byCount ? tr("<b>%1</b>：按户数划分为%2").arg(chosen->name, newLevel.name.text())
                             : tr("<b>%1</b>：把%2组合为新的%3")
                                   .arg(chosen->name, hierarchy->level(chosen->level + 2).name.text(),
                                        newLevel.name.text()));
    mBandMin->setValue(static_cast<int>(newLevel.households.min.value_or(0)));
    mBandMax->setValue(static_cast<int>(newLevel.households.max.value_or(0)));
    updateControls();
}

void DivisionPanel::projectChanged()
{
    mBarrierUnit = 0; // the unit's outline, and so the barriers near it, may have changed
    if (!mProposal.parts.empty())
        clearDraft(tr("项目已修改，方案已清除；可重新生成"));
    if (mSession && mUnit && !mSession->project().index().unit(mUnit))
        setUnit(0);
}

bool DivisionPanel::proposeAnother()
{
    mSeed->setValue(mSeed->value() + 1);
    return propose();
}

void DivisionPanel::setLocked(int part, bool locked)
{
    if (QTableWidgetItem* item = mTable->item(part, 0))
        item->setCheckState(locked ? Qt::Checked : Qt::Unchecked);
}

bool DivisionPanel::propose()
{
    if (!mSession || !mUnit)
        return false;
    const Unit* unit = mSession->project().index().unit(mUnit);
    if (!unit)
        return false;
    DivisionRequest request;
    request.unitCode = unit->code;
    if (mByBand->isChecked()) {
        if (mBandMin->value() > 0)
            request.band.min = mBandMin->value();
        if (mBandMax->value() > 0)
            request.band.max = mBandMax->value();
        if (!request.band.isSet()) {
            mUnmet->setText(tr("请给出每个单元的户数范围，或改为按个数划分"));
            return false;
        }
    } else {
        request.parts = mParts->value();
    }
    request.seed = static_cast<quint64>(mSeed->value());
    if (!mProposal.parts.empty() && mProposal.unitCode == unit->code)
        for (const DivisionProposal::Part& part : mProposal.parts)
            if (part.locked && !part.members.empty())
                request.locked.push_back(part.members);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        // the barrier layer is read once for a unit, not for every proposal asked for
        const QString barrierLayer = mBarriers->currentIndex() > 0 ? mBarriers->currentText() : QString();
        if (barrierLayer != mBarrierLayer || mBarrierUnit != mUnit) {
            mBarrierLines = barrierLayer.isEmpty() ? std::vector<LineString>()
                                                   : Barriers::read(mSession->data(), mSession->path(),
                                                                    barrierLayer, unit->boundary.envelope());
            mBarrierLayer = barrierLayer;
            mBarrierUnit = mUnit;
        }
        request.barriers = mBarrierLines;
        mGraph.reset();
        mProposal = DivisionPlanner(mSession->data(), mSession->project().index()).propose(request);
    } catch (const Error& error) {
        QGuiApplication::restoreOverrideCursor();
        clearDraft(error.message());
        return false;
    }
    showProposal();
    QGuiApplication::restoreOverrideCursor();
    return true;
}

void DivisionPanel::showProposal()
{
    const DivisionPlanner planner(mSession->data(), mSession->project().index());
    // outlines are united again only for the proposed units whose children changed (painting moves one)
    if (mProposal.byHouseholdCount)
        mOutlines.clear();
    mOutlines.resize(mProposal.parts.size());
    const auto outlineOf = [&](size_t i) -> const MultiPolygon& {
        CachedOutline& cached = mOutlines[i];
        if (!cached.valid || cached.members != mProposal.parts[i].members)
            cached = {mProposal.parts[i].members, planner.outlineOf(mProposal, i), true};
        return cached.outline;
    };
    std::vector<mapcore::DivisionDraftItem::Part> parts;
    const QSignalBlocker blocker(mTable);
    mTable->setRowCount(static_cast<int>(mProposal.parts.size()));
    for (size_t i = 0; i < mProposal.parts.size(); ++i) {
        const DivisionProposal::Part& part = mProposal.parts[i];
        parts.push_back(
            {outlineOf(i), tr("%1\n%2 户").arg(i + 1).arg(part.households), part.withinBand, part.locked});
        const int row = static_cast<int>(i);
        auto* lock = new QTableWidgetItem(QString::number(i + 1));
        lock->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        lock->setCheckState(part.locked ? Qt::Checked : Qt::Unchecked);
        mTable->setItem(row, 0, lock);
        mTable->setItem(row, 1, new QTableWidgetItem(QString::number(part.households)));
        auto* within = new QTableWidgetItem(part.withinBand ? tr("是") : tr("否"));
        if (!part.withinBand)
            within->setForeground(QColor(180, 35, 24));
        mTable->setItem(row, 2, within);
        mTable->setItem(row, 3, new QTableWidgetItem(QString::number(part.polsbyPopper, 'f', 2)));
        mTable->setItem(row, 4, new QTableWidgetItem(QString::number(part.barrierCrossings)));
        mTable->setItem(row, 5,
                        new QTableWidgetItem(mProposal.byHouseholdCount
                                                 ? tr("（按户数）")
                                                 : QString::number(part.members.size())));
        for (int column = 1; column < 6; ++column)
            mTable->item(row, column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    mTable->resizeColumnsToContents();
    mDraft->setParts(std::move(parts));
    const TargetBand& band = mProposal.band;
    const QString bandText = QStringLiteral("%1–%2").arg(band.min ? QString::number(*band.min) : QString(),
                                                         band.max ? QString::number(*band.max) : QString());
    mSummary->setText(tr("%1 个%2，%3 个在 %4 户之内；平均紧凑度 %5；跨越障碍 %6 处")
                          .arg(mProposal.parts.size())
                          .arg(mSession->data().hierarchy.level(mProposal.level).name.text())
                          .arg(mProposal.partsWithinBand())
                          .arg(bandText)
                          .arg(mProposal.meanPolsbyPopper(), 0, 'f', 2)
                          .arg(mProposal.barrierCrossings()));
    mUnmet->setText(mProposal.unmet.join(QLatin1Char('\n')));
    updateControls();
}

void DivisionPanel::clearDraft(const QString& why)
{
    mProposal = DivisionProposal();
    mGraph.reset();
    mOutlines.clear();
    setPainting(false);
    mDraft->setParts({});
    mTable->setRowCount(0);
    mSummary->clear();
    mUnmet->setText(why);
    updateControls();
}

void DivisionPanel::updateControls()
{
    const bool canPropose =
        mSession && mUnit > 0 && mSession->project().index().unit(mUnit) &&
        mSession->project().index().unit(mUnit)->level + 1 < mSession->data().hierarchy.levelCount();
    mProposeButton->setEnabled(canPropose);
    mAnotherButton->setEnabled(canPropose);
    mApplyButton->setEnabled(canPropose && !mProposal.parts.empty() && mSession->isEditable());
    mDiscardButton->setEnabled(!mProposal.parts.empty());
    mPaintButton->setEnabled(!mProposal.parts.empty() && !mProposal.byHouseholdCount);
    mBandMin->setEnabled(mByBand->isChecked());
    mBandMax->setEnabled(mByBand->isChecked());
    mParts->setEnabled(mByParts->isChecked());
}
