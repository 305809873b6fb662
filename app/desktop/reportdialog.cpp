#include "reportdialog.h"

#include "changereport.h"
#include "check/checker.h"
#include "coveragereport.h"
#include "dialogparts.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "reportpdf.h"
#include "scopebox.h"
#include "tablewriter.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace gridmodel;

namespace {
constexpr int StepLabelRole = Qt::UserRole + 1; //!< how the report names the step: always Chinese
}

ReportDialog::ReportDialog(ProjectFile& project, Kind kind, UnitId selected, QWidget* parent)
    : QDialog(parent), mProject(project)
{
    setWindowTitle(tr("报告"));
    mKind = new QComboBox(this);
    mKind->addItem(tr("覆盖情况报告：各层级单元、户数、人员、缺口与空缺职务"));
    mKind->addItem(tr("调整说明：新增、拆分、合并、移交、边界调整，转移的户数与人员"));
    mKind->setCurrentIndex(static_cast<int>(kind));

    mLevel = new QComboBox(this);
    mLevel->addItem(tr("所有层级"), -1);
    const HierarchyTemplate& hierarchy = project.data().hierarchy;
    for (int i = 0; i < hierarchy.levelCount(); ++i)
        mLevel->addItem(hierarchy.level(i).name.text(), i);
    mWithin = new ScopeBox(project, selected, this);
    mWithin->fill(hierarchy.levelCount() - 1);
    mWithin->setCurrentIndex(0); // the whole district, as reports go upward

    mSince = new QRadioButton(tr("修改历史中这一步之后的调整"), this);
    mStep = new QComboBox(this);
    for (const HistoryEntry& entry : project.history()) {
        if (entry.undone)
            continue;
        mStep->insertItem(
            0, QStringLiteral("%1  %2  %3").arg(entry.id).arg(entry.createdText(), entry.description),
            entry.id);
        mStep->setItemData(0, ChangeReport::stepLabel(entry), StepLabelRole);
    }
    mStep->setCurrentIndex(mStep->count() > 1 ? 1 : 0); // the latest edit, by default
    mOther = new QRadioButton(tr("与另一个项目文件（调整前）比较"), this);
    mOtherPath = new QLineEdit(this);
    mOtherPath->setPlaceholderText(tr("调整前的 .gpkg 文件"));
    QHBoxLayout* otherRow = dialogparts::pathRow(mOtherPath, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("调整前的项目"), mOtherPath->text(),
                                                          tr("GridAtlas 项目 (*.gpkg)"));
        if (!path.isEmpty())
            mOther->setChecked(true);
        return path;
    });
    QWidget* browseOther = otherRow->itemAt(1)->widget();
    auto* choice = new QButtonGroup(this);
    choice->addButton(mSince);
    choice->addButton(mOther);
    mSince->setChecked(true);

    mFormat = new QComboBox(this);
    mTable = new QComboBox(this);
    mTable->addItem(tr("汇总表（各层级按上级）"), static_cast<int>(CoverageReport::Table::Summary));
    mTable->addItem(tr("单元清单（每个单元的户数、人员与问题）"),
                    static_cast<int>(CoverageReport::Table::Units));
    mTable->addItem(tr("问题清单"), static_cast<int>(CoverageReport::Table::Problems));
    mTable->setToolTip(tr("CSV 只能保存一张表；Excel、网页和 PDF 包含全部"));
    mPersonal = new QCheckBox(tr("列出人员姓名"), this);
    mPersonal->setToolTip(tr("姓名属于个人信息：默认调整说明只列人员编号，覆盖情况报告的单元清单只列人数"));
    mPath = new QLineEdit(this);
    QHBoxLayout* pathRow = dialogparts::pathRow(
        mPath, this, [this] { return QFileDialog::getSaveFileName(this, tr("保存为"), mPath->text()); });
    mMessage = dialogparts::messageLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("报告"), mKind);
    form->addRow(tr("层级"), mLevel);
    form->addRow(tr("范围"), mWithin);
    form->addRow(mSince);
    form->addRow(QString(), mStep);
    form->addRow(mOther);
    form->addRow(QString(), otherRow);
    form->addRow(tr("格式"), mFormat);
    form->addRow(tr("CSV 内容"), mTable);
    form->addRow(QString(), mPersonal);
    form->addRow(tr("保存为"), pathRow);
    form->addRow(mMessage);
    mCoverageRows = {mLevel, mWithin};
    mChangeRows = {mSince, mStep, mOther, mOtherPath, browseOther};

    QDialogButtonBox* buttons = dialogparts::actionButtons(this, tr("生成报告"), [this] { return write(); });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(760); // the kinds of report are told in a line each

    connect(mKind, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReportDialog::kindChanged);
    connect(mLevel, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const int level = mLevel->currentData().toInt();
        mWithin->fill(level < 0 ? mProject.data().hierarchy.levelCount() - 1 : level);
        mWithin->setCurrentIndex(0);
    });
    connect(mFormat, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReportDialog::formatChanged);
    kindChanged();
}

ReportDialog::Kind ReportDialog::kind() const
{
    return static_cast<Kind>(mKind->currentIndex());
}

void ReportDialog::kindChanged()
{
    const bool coverage = kind() == Kind::Coverage;
    for (QWidget* widget : mCoverageRows)
        widget->setEnabled(coverage);
    for (QWidget* widget : mChangeRows)
        widget->setEnabled(!coverage);
    const QSignalBlocker blocker(mFormat);
    mFormat->clear();
    mFormat->addItem(tr("PDF（A4 横向）"), QStringLiteral("pdf"));
    mFormat->addItem(tr("Excel 表格 (.xlsx)"), QStringLiteral("xlsx"));
    mFormat->addItem(tr("网页 (.html，含图表)"), QStringLiteral("html"));
    if (coverage) {
        mFormat->addItem(tr("CSV，UTF-8"), QStringLiteral("csv"));
        mFormat->addItem(tr("CSV，GBK"), QStringLiteral("csv-gbk"));
    }
    formatChanged();
}

void ReportDialog::formatChanged()
{
    mTable->setEnabled(mFormat->currentData().toString().startsWith(QLatin1String("csv")));
    suggestPath();
}

void ReportDialog::suggestPath()
{
    // the format's key is the suffix ("csv-gbk": CSV in GBK)
    dialogparts::suggestOutput(mPath, mProject.path(),
                               kind() == Kind::Coverage ? tr("覆盖情况报告") : tr("调整说明"),
                               mFormat->currentData().toString().section(QLatin1Char('-'), 0, 0));
}

bool ReportDialog::write()
{
    const QString path = mPath->text().trimmed();
    if (path.isEmpty()) {
        mMessage->setText(tr("请选择保存位置"));
        return false;
    }
    try {
        const bool written = kind() == Kind::Coverage ? writeCoverage(mFormat->currentData().toString(), path)
                                                      : writeChanges(mFormat->currentData().toString(), path);
        if (!written)
            mMessage->setText(tr("已取消，没有写入文件"));
        return written;
    } catch (const Error& error) {
        mMessage->setText(error.message());
        return false;
    }
}

bool ReportDialog::writeCoverage(const QString& format, const QString& path)
{
    const ProjectData& data = mProject.data();
    const HierarchyIndex& index = mProject.index();
    const int level = mLevel->currentData().toInt();
    const UnitId within = mWithin->unitId();
    std::optional<CoverageReport> made =
        dialogparts::runWithProgress<CoverageReport>(this, tr("正在检查并汇总…"), [&] {
            const std::vector<Problem> problems = Checker(data).check(Checker::Scope{level, within});
            return CoverageReport::of(data, index, problems, level, within);
        });
    if (!made)
        return false;
    CoverageReport& report = *made;
    report.namesPeople = mPersonal->isChecked();
    const auto table = static_cast<CoverageReport::Table>(mTable->currentData().toInt());
    if (format == QLatin1String("pdf"))
        mapcore::ReportPdf::write(report, path);
    else if (format == QLatin1String("csv-gbk"))
        report.write(QStringLiteral("csv"), path, TableWriter::Encoding::Gbk, table);
    else
        report.write(format, path, TableWriter::Encoding::Utf8WithBom, table);
    return true;
}

bool ReportDialog::writeChanges(const QString& format, const QString& path)
{
    ChangeReport::Options options;
    options.withPersonal = mPersonal->isChecked();
    options.newLabel = QFileInfo(mProject.path()).fileName();
    const QString other = mOther->isChecked() ? mOtherPath->text().trimmed() : QString();
    const qint64 step = mStep->currentData().toLongLong();
    if (mOther->isChecked() && other.isEmpty())
        throw Error(Error::Kind::InvalidInput, tr("请选择调整前的项目文件"));
    if (!mOther->isChecked() && mStep->count() == 0)
        throw Error(Error::Kind::InvalidInput, tr("修改历史是空的"));
    options.oldLabel =
        mOther->isChecked() ? QFileInfo(other).fileName() : mStep->currentData(StepLabelRole).toString();
    const std::optional<ChangeReport> made =
        dialogparts::runWithProgress<ChangeReport>(this, tr("正在比较…"), [&] {
            const ProjectData before = other.isEmpty()
                                           ? mProject.dataAfter(step)
                                           : ProjectFile::open(other, ProjectFile::Access::ReadOnly)->data();
            return ChangeReport::between(before, mProject.data(), options);
        });
    if (!made)
        return false;
    if (format == QLatin1String("pdf"))
        mapcore::ReportPdf::write(*made, path);
    else
        made->write(format, path);
    return true;
}
