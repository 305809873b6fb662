#include "printdialog.h"

#include "dialogparts.h"
#include "error.h"
#include "hierarchyindex.h"
#include "projectfile.h"
#include "scopebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace gridmodel;

namespace {
constexpr double PreviewDpi = 72; // drawn larger, then scaled down smoothly: crisper
}

PrintDialog::PrintDialog(const ProjectFile& project, int level, UnitId selected,
                         std::optional<std::vector<Problem>> findings, QWidget* parent)
    : QDialog(parent), mProject(project), mFindings(std::move(findings))
{
    setWindowTitle(tr("打印责任图"));
    mLevel = dialogparts::levelBox(project.data().hierarchy, level, this);
    mWithin = new ScopeBox(project, selected, this);
    mPaper = new QComboBox(this);
    for (const QString& paper : PaperSize::keys())
        mPaper->addItem(paper == QLatin1String("8K") ? tr("8开") : paper, paper);
    mOrientation = new QComboBox(this);
    mOrientation->addItem(tr("按单元形状"));
    mOrientation->addItem(tr("纵向"));
    mOrientation->addItem(tr("横向"));
    mPhones = new QCheckBox(tr("显示完整电话号码"), this);
    mPhones->setToolTip(tr("电话属于个人信息，默认只印部分号码（138****5678）"));
    mWall = new QCheckBox(tr("上墙总图：列出下级单元及负责人"), this);
    mWall->setToolTip(tr("社区或街道的总图（宜用 A1、A0 纸），表格列出下级单元、户数与负责人，代替人员名单"));
    mReferences = new QListWidget(this);
    mReferences->setToolTip(tr("勾选的参考图层印在单元之下（如建筑轮廓、道路，或淡化的影像）"));
    for (const ReferenceLayer& layer : project.data().referenceLayers) {
        auto* item = new QListWidgetItem(layer.name, mReferences);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(layer.visible && !layer.isMissing(project.path()) ? Qt::Checked : Qt::Unchecked);
    }
    mReferences->setMaximumHeight(90);
    mPath = new QLineEdit(this);
    dialogparts::suggestOutput(mPath, project.path(), tr("责任图"), QStringLiteral("pdf"));
    QHBoxLayout* pathRow = dialogparts::pathRow(mPath, this, [this] {
        return QFileDialog::getSaveFileName(this, tr("保存为"), mPath->text(), tr("PDF 文件 (*.pdf)"));
    });
    mCount = new QLabel(this);
    mMessage = dialogparts::messageLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("层级"), mLevel);
    form->addRow(tr("范围"), mWithin);
    form->addRow(tr("纸张"), mPaper);
    form->addRow(tr("方向"), mOrientation);
    form->addRow(QString(), mPhones);
    form->addRow(QString(), mWall);
    if (mReferences->count() > 0)
        form->addRow(tr("参考图层"), mReferences);
    else
        mReferences->hide();
    form->addRow(tr("保存为"), pathRow);
    form->addRow(QString(), mCount);
    form->addRow(mMessage);

    mPreview = new QLabel(this);
    mPreview->setMinimumSize(340, 480);
    mPreview->setAlignment(Qt::AlignCenter);
    mPreview->setFrameShape(QFrame::StyledPanel);
    mPreview->setToolTip(tr("第一页的预览"));

    QDialogButtonBox* buttons =
        dialogparts::actionButtons(this, tr("打印为 PDF"), [this] { return print(); });

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addStretch();
    columns->addLayout(left, 1);
    columns->addWidget(mPreview, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    mPreviewTimer = new QTimer(this);
    mPreviewTimer->setSingleShot(true);
    mPreviewTimer->setInterval(150);
    connect(mPreviewTimer, &QTimer::timeout, this, &PrintDialog::updatePreview);
    connect(mLevel, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int level) {
        mWithin->fill(level);
        schedulePreview();
    });
    for (QComboBox* box : {static_cast<QComboBox*>(mWithin), mPaper, mOrientation})
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &PrintDialog::schedulePreview);
    for (QCheckBox* box : {mPhones, mWall})
        connect(box, &QCheckBox::toggled, this, &PrintDialog::schedulePreview);
    connect(mReferences, &QListWidget::itemChanged, this, &PrintDialog::schedulePreview);
    mWithin->fill(mLevel->currentIndex());
    schedulePreview();
}

PrintDialog::~PrintDialog() = default;

std::vector<UnitId> PrintDialog::units() const
{
    try {
        return ResponsibilitySheet::unitsToPrint(mProject.data(), mProject.index(), mLevel->currentIndex(),
                                                 mWithin->currentData().toString());
    } catch (const Error&) {
        return {};
    }
}

mapcore::ResponsibilityMapPrinter::Options PrintDialog::options() const
{
    mapcore::ResponsibilityMapPrinter::Options options;
    options.paper = mPaper->currentData().toString();
    if (mOrientation->currentIndex() == 1)
        options.orientation = mapcore::ResponsibilityMapPrinter::Orientation::Portrait;
    else if (mOrientation->currentIndex() == 2)
        options.orientation = mapcore::ResponsibilityMapPrinter::Orientation::Landscape;
    options.showPhones = mPhones->isChecked();
    options.wall = mWall->isChecked();
    for (int row = 0; row < mReferences->count(); ++row)
        if (mReferences->item(row)->checkState() == Qt::Checked)
            options.referenceLayers << mReferences->item(row)->text();
    return options;
}

mapcore::ResponsibilityMapPrinter& PrintDialog::printer()
{
    if (!mPrinter)
        mPrinter = std::make_unique<mapcore::ResponsibilityMapPrinter>(mProject, options(),
                                                                       mFindings ? &*mFindings : nullptr);
    else
        mPrinter->setOptions(options());
    return *mPrinter;
}

void PrintDialog::schedulePreview()
{
    mPreviewTimer->start();
}

void PrintDialog::updatePreview()
{
    mPreviewTimer->stop();
    const std::vector<UnitId> pages = units();
    mCount->setText(tr("共 %1 页").arg(pages.size()));
    if (pages.empty()) {
        mPreview->setPixmap(QPixmap());
        mPreview->setText(tr("没有要打印的单元"));
        return;
    }
    try {
        const QImage page =
            printer().renderPage(pages.front(), PreviewDpi, 1, static_cast<int>(pages.size()));
        mPreview->setPixmap(QPixmap::fromImage(
            page.scaled(mPreview->size() - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        mMessage->clear();
    } catch (const Error& error) {
        mMessage->setText(error.message());
    }
}

bool PrintDialog::print()
{
    const std::vector<UnitId> pages = units();
    QString path = mPath->text().trimmed();
    if (pages.empty() || path.isEmpty()) {
        mMessage->setText(pages.empty() ? tr("没有要打印的单元") : tr("请选择保存位置"));
        return false;
    }
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    QProgressDialog progress(tr("正在打印 %1 页…").arg(pages.size()), tr("取消"), 0,
                             static_cast<int>(pages.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    try {
        printer().writePdf(pages, path, [&progress](int done, int) {
            progress.setValue(done);
            return !progress.wasCanceled();
        });
    } catch (const Error& error) {
        mMessage->setText(error.message());
        return false;
    }
    mPath->setText(path);
    return true;
}
