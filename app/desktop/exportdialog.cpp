#include "exportdialog.h"

#include "boundaryexport.h"
#include "dialogparts.h"
#include "error.h"
#include "projectfile.h"
#include "rosterexport.h"
#include "scopebox.h"
#include "tablewriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

using namespace gridmodel;

ExportDialog::ExportDialog(const ProjectFile& project, int level, UnitId selected, QWidget* parent)
    : QDialog(parent), mProject(project)
{
    setWindowTitle(tr("导出"));
    mContent = new QComboBox(this);
    mContent->addItem(tr("一个层级的边界（给其他 GIS 软件）"));
    mContent->addItem(tr("人员名册（谁在哪里担任什么职务）"));
    mLevel = dialogparts::levelBox(project.data().hierarchy, level, this);
    mWithin = new ScopeBox(project, selected, this);
    mFormat = new QComboBox(this);
    mPersonal = new QCheckBox(tr("包含个人信息"), this);
    mPersonal->setToolTip(tr("名册中的姓名和电话、单元备注属于个人信息，默认不导出"));
    mPath = new QLineEdit(this);
    QHBoxLayout* pathRow = dialogparts::pathRow(
        mPath, this, [this] { return QFileDialog::getSaveFileName(this, tr("保存为"), mPath->text()); });
    mMessage = dialogparts::messageLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("内容"), mContent);
    form->addRow(tr("层级"), mLevel);
    form->addRow(tr("范围"), mWithin);
    form->addRow(tr("格式"), mFormat);
    form->addRow(QString(), mPersonal);
    form->addRow(tr("保存为"), pathRow);
    form->addRow(mMessage);

    QDialogButtonBox* buttons = dialogparts::actionButtons(this, tr("导出"), [this] { return exportNow(); });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(mContent, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        mLevel->setEnabled(!exportsRoster());
        mWithin->setEnabled(!exportsRoster());
        fillFormats();
    });
    connect(mLevel, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int chosen) {
        mWithin->fill(chosen);
        suggestPath();
    });
    connect(mWithin, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExportDialog::suggestPath);
    connect(mFormat, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExportDialog::suggestPath);
    mWithin->fill(mLevel->currentIndex());
    fillFormats();
}

bool ExportDialog::exportsRoster() const
{
    return mContent->currentIndex() == 1;
}

void ExportDialog::fillFormats()
{
    const QSignalBlocker blocker(mFormat);
    mFormat->clear();
    if (exportsRoster()) {
        mFormat->addItem(tr("Excel 表格 (.xlsx)"), QStringLiteral("xlsx"));
        mFormat->addItem(tr("CSV，UTF-8（Excel 可直接打开）"), QStringLiteral("csv"));
        mFormat->addItem(tr("CSV，GBK（旧软件）"), QStringLiteral("csv-gbk"));
    } else {
        mFormat->addItem(tr("GeoJSON（WGS 84）"), QStringLiteral("geojson"));
        mFormat->addItem(tr("Shapefile"), QStringLiteral("shp"));
        mFormat->addItem(tr("KML（WGS 84，奥维、Google 地球）"), QStringLiteral("kml"));
        mFormat->addItem(tr("DXF（CAD）"), QStringLiteral("dxf"));
        mFormat->addItem(tr("GeoPackage"), QStringLiteral("gpkg"));
    }
    suggestPath();
}

void ExportDialog::suggestPath()
{
    // the format's key as gridatlas-cli names it is the suffix ("csv-gbk": CSV in GBK)
    const QString suffix = mFormat->currentData().toString().section(QLatin1Char('-'), 0, 0);
    const QString what = exportsRoster() ? tr("人员名册")
                         : mWithin->code().isEmpty()
                             ? mLevel->currentText()
                             : QStringLiteral("%1-%2").arg(mWithin->code(), mLevel->currentText());
    dialogparts::suggestOutput(mPath, mProject.path(), what, suffix);
}

bool ExportDialog::exportNow()
{
    const QString path = mPath->text().trimmed();
    if (path.isEmpty()) {
        mMessage->setText(tr("请选择保存位置"));
        return false;
    }
    const QString format = mFormat->currentData().toString();
    try {
        if (exportsRoster()) {
            const bool gbk = format == QLatin1String("csv-gbk");
            RosterExport::write(mProject.data(), mProject.index(), mPersonal->isChecked(),
                                gbk ? QStringLiteral("csv") : format, path,
                                gbk ? TableWriter::Encoding::Gbk : TableWriter::Encoding::Utf8WithBom);
            return true;
        }
        QProgressDialog progress(tr("正在导出…"), tr("取消"), 0, 100, this);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(500);
        BoundaryExport::write(mProject.data(), mProject.index(), mLevel->currentIndex(), mWithin->unitId(),
                              *BoundaryExport::formatByName(format), path, mPersonal->isChecked(),
                              [&progress](int done, int total) {
                                  progress.setMaximum(total);
                                  progress.setValue(done);
                                  return !progress.wasCanceled();
                              });
        return true;
    } catch (const Error& error) {
        mMessage->setText(error.message());
        return false;
    }
}
