#include "importdialog.h"

#include "boundaryimport.h"
#include "dialogparts.h"
#include "error.h"
#include "householdimport.h"
#include "projectfile.h"
#include "projectsession.h"
#include "rosterimport.h"
#include "tablesource.h"
#include "vectorsource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace gridmodel;

ImportDialog::ImportDialog(mapcore::ProjectSession& session, Kind kind, int level, QWidget* parent)
    : QDialog(parent), mSession(session)
{
    setWindowTitle(tr("导入"));
    mKind = new QComboBox(this);
    mKind->addItem(tr("一个层级的边界（Shapefile、GeoJSON、KML、DXF、GeoPackage）"));
    mKind->addItem(tr("人员名册（CSV、XLSX）"));
    mKind->addItem(tr("户数（按单元编码的表格，或楼栋点位）"));
    mKind->setCurrentIndex(static_cast<int>(kind));
    mSource = new QLineEdit(this);
    mSource->setPlaceholderText(tr("选择要导入的文件"));
    QHBoxLayout* sourceRow = dialogparts::pathRow(mSource, this, [this] { return chooseSource(); });
    mLevel = dialogparts::levelBox(session.data().hierarchy, level, this);
    mLayer = new QComboBox(this);
    mRepair = new QCheckBox(tr("修复无效的几何图形（自相交等），并逐一列出"), this);
    mMergeSameCode = new QCheckBox(tr("编码相同的多个要素合并为一个单元（多部分）"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("内容"), mKind);
    form->addRow(tr("来源"), sourceRow);
    form->addRow(tr("图层"), mLayer);
    mLayerLabel = form->labelForField(mLayer);
    form->addRow(tr("层级"), mLevel);
    form->addRow(QString(), mRepair);
    form->addRow(QString(), mMergeSameCode);
    mFieldForm = new QFormLayout;
    const QMap<QString, QString> targetNames{
        {QStringLiteral("name"), tr("名称")},        {QStringLiteral("code"), tr("编码")},
        {QStringLiteral("parent"), tr("上级编码")},  {QStringLiteral("households"), tr("户数")},
        {QStringLiteral("residents"), tr("人口")},   {QStringLiteral("org"), tr("组织")},
        {QStringLiteral("external"), tr("外部编码")}};
    for (const QString& target : FieldMapping::targets()) {
        auto* box = new QComboBox(this);
        mFields.insert(target, box);
        mFieldForm->addRow(targetNames.value(target), box);
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &ImportDialog::updatePreview);
    }
    auto* fieldsLabel = new QLabel(tr("字段对应（按字段名猜测，可修改）"), this);

    mPreview = new QPlainTextEdit(this);
    mPreview->setReadOnly(true);
    mPreview->setMinimumHeight(180);
    mPreview->setPlaceholderText(tr("选择文件后，这里列出读到的内容和将要做的事"));

    QDialogButtonBox* buttons = dialogparts::actionButtons(
        this, tr("导入"), [this] { return importNow(); }, &mImport);
    mImport->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(fieldsLabel);
    layout->addLayout(mFieldForm);
    layout->addWidget(new QLabel(tr("预览"), this));
    layout->addWidget(mPreview, 1);
    layout->addWidget(buttons);
    setMinimumWidth(640);

    connect(mKind, qOverload<int>(&QComboBox::currentIndexChanged), this, &ImportDialog::readSource);
    connect(mSource, &QLineEdit::editingFinished, this, [this] {
        mLayer->clear(); // another file: its first layer
        readSource();
    });
    connect(mLayer, qOverload<int>(&QComboBox::activated), this, &ImportDialog::readSource);
    connect(mLevel, qOverload<int>(&QComboBox::currentIndexChanged), this, &ImportDialog::updatePreview);
    connect(mRepair, &QCheckBox::toggled, this, &ImportDialog::updatePreview);
    connect(mMergeSameCode, &QCheckBox::toggled, this, &ImportDialog::updatePreview);
    readSource();
}

ImportDialog::~ImportDialog() = default;

ImportDialog::Kind ImportDialog::kind() const
{
    return static_cast<Kind>(mKind->currentIndex());
}

QStringList ImportDialog::targets() const
{
    switch (kind()) {
    case Kind::Boundaries:
        return FieldMapping::targets();
    case Kind::Households:
        return {QStringLiteral("code"), QStringLiteral("households"), QStringLiteral("residents")};
    case Kind::Roster:
        break;
    }
    return {}; // the roster is read by its headers
}

QString ImportDialog::chooseSource()
{
    const QString filter = kind() == Kind::Roster
                               ? tr("表格 (*.csv *.xlsx *.ods *.txt)")
                               : tr("GIS 文件或表格 (*.shp *.geojson *.json *.kml *.dxf *.gpkg "
                                    "*.csv *.xlsx);;所有文件 (*)");
    const QString path = QFileDialog::getOpenFileName(this, tr("选择要导入的文件"), mSource->text(), filter);
    if (!path.isEmpty()) {
        mSource->setText(path);
        mLayer->clear();
        readSource();
    }
    return QString(); // taken already
}

void ImportDialog::readSource()
{
    mVector.reset();
    mTable.reset();
    mReadError.clear();
    const QString path = mSource->text().trimmed();
    const bool gis =
        kind() == Kind::Boundaries || (kind() == Kind::Households && !TableSource::isTableFile(path));
    mLevel->setEnabled(kind() != Kind::Roster);
    mRepair->setVisible(kind() == Kind::Boundaries);
    mMergeSameCode->setVisible(kind() == Kind::Boundaries);
    QStringList fields;
    if (!path.isEmpty()) {
        const int crs = mSession.data().crsEpsg;
        const QString layer = mLayer->currentText();
        const QString reading = tr("正在读取 %1…").arg(QFileInfo(path).fileName());
        try { // read in a thread of its own, kept here
            if (gis) {
                if (auto read = dialogparts::runWithProgress<VectorSource>(
                        this, reading, [&] { return VectorSource::read(path, crs, layer); }))
                    mVector = std::make_unique<VectorSource>(std::move(*read));
            } else if (auto read = dialogparts::runWithProgress<TableSource>(
                           this, reading, [&] { return TableSource::read(path); })) {
                mTable = std::make_unique<TableSource>(std::move(*read));
            }
            if (!mVector && !mTable)
                mReadError = tr("已取消读取");
        } catch (const Error& error) {
            mReadError = error.message();
        }
        if (mVector) {
            fields = mVector->fields;
            const QSignalBlocker blocker(mLayer);
            mLayer->clear();
            mLayer->addItems(mVector->layers);
            mLayer->setCurrentText(mVector->layerName);
        } else if (mTable) {
            fields = mTable->header;
        }
    }
    const bool layers = mVector && mVector->layers.size() > 1;
    mLayer->setVisible(layers);
    mLayerLabel->setVisible(layers);
    fillFields(fields);
    updatePreview();
}

void ImportDialog::fillFields(const QStringList& fields)
{
    const FieldMapping guessed = FieldMapping::guess(fields);
    const QStringList shown = targets();
    for (auto it = mFields.begin(); it != mFields.end(); ++it) {
        QComboBox* box = it.value();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(tr("（不导入）"), QString());
        for (const QString& field : fields)
            box->addItem(field, field);
        box->setCurrentIndex(std::max(0, box->findData(guessed.field(it.key()))));
        const bool visible = shown.contains(it.key());
        box->setVisible(visible);
        if (QWidget* label = mFieldForm->labelForField(box))
            label->setVisible(visible);
    }
}

ImportPlan ImportDialog::planFor(const Choices& choices, const ProjectData& data,
                                 const HierarchyIndex& index) const
{
    if (choices.kind == Kind::Boundaries) {
        BoundaryImport::Options options;
        options.level = choices.level;
        options.mapping = choices.mapping;
        options.repairInvalid = choices.repair;
        options.mergeSameCode = choices.mergeSameCode;
        return BoundaryImport::plan(data, index, *mVector, options);
    }
    if (choices.kind == Kind::Roster)
        return RosterImport::plan(data, index, *mTable);
    HouseholdImport::Options options;
    options.level = choices.level;
    options.mapping = choices.mapping;
    return mVector ? HouseholdImport::fromFeatures(data, index, *mVector, options)
                   : HouseholdImport::fromTable(data, index, *mTable, options);
}

void ImportDialog::updatePreview()
{
    mPlan.reset();
    mImport->setEnabled(false);
    if (!mReadError.isEmpty()) {
        mPreview->setPlainText(tr("无法读取：%1").arg(mReadError));
        return;
    }
    if (!mVector && !mTable) {
        mPreview->clear();
        return;
    }
    Choices choices{kind(), mLevel->currentIndex(), mRepair->isChecked(), mMergeSameCode->isChecked(),
                    FieldMapping()};
    for (const QString& target : targets())
        choices.mapping.set(target, mFields.value(target)->currentData().toString());
    const ProjectData& data = mSession.data();
    const HierarchyIndex& index = mSession.project().index();
    QStringList lines;
    try {
        std::optional<ImportPlan> made = dialogparts::runWithProgress<ImportPlan>(
            this, tr("正在检查要导入的内容…"), [&] { return planFor(choices, data, index); });
        if (!made) {
            mPreview->setPlainText(tr("已取消"));
            return;
        }
        mPlan = std::make_unique<ImportPlan>(std::move(*made));
    } catch (const Error& error) {
        mPreview->setPlainText(error.message());
        return;
    }
    const ImportPlan& plan = *mPlan;
    lines << (plan.ofFeatures ? tr("读到 %1 个要素，文字按 %2 读取") : tr("读到 %1 行，文字按 %2 读取"))
                 .arg(plan.rows)
                 .arg(plan.encoding);
    if (mVector)
        lines << tr("图层 %1（%2），坐标从 %3 转换到 EPSG:%4")
                     .arg(mVector->layerName, mVector->driver,
                          mVector->crs.isEmpty() ? tr("项目坐标系（文件未注明）") : mVector->crs)
                     .arg(data.crsEpsg);
    if (mTable)
        lines << tr("列：%1").arg(mTable->header.join(QStringLiteral("，")));
    if (!plan.problems.empty()) {
        lines << QString() << tr("有 %1 处无法导入，因此什么都不会导入：").arg(plan.problems.size())
              << plan.problemText(100);
    }
    if (!plan.notes.empty())
        lines << QString() << tr("请注意：") << plan.noteText(100);
    if (plan.problems.empty())
        lines << QString()
              << (plan.changes.isEmpty() ? tr("项目中已经有这些内容，无需导入")
                                         : tr("将要：%1").arg(plan.description));
    mPreview->setPlainText(lines.join(QLatin1Char('\n')));
    mImport->setEnabled(plan.canApply());
}

bool ImportDialog::importNow()
{
    if (!mPlan || !mPlan->canApply())
        return false;
    QString error;
    const ImportPlan& plan = *mPlan;
    const bool done = mSession.edit(
        [&plan](ProjectFile& project) {
            plan.apply(project);
            return plan.changes;
        },
        &error);
    if (!done)
        mPreview->appendPlainText(QStringLiteral("\n") + tr("没有导入：%1").arg(error));
    return done;
}
