#include "newprojectdialog.h"

#include "error.h"
#include "hierarchytemplate.h"
#include "projectdata.h"
#include "projectfile.h"
#include "spatialreference.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace gridmodel;

NewProjectDialog::NewProjectDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("新建项目"));
    mName = new QLineEdit(this);
    mName->setPlaceholderText(tr("如 金水区网格化管理"));
    mTemplate = new QComboBox(this);
    for (const QString& key : HierarchyTemplate::builtinKeys())
        mTemplate->addItem(HierarchyTemplate::builtin(key).name().text(), key);
    mCrs = new QLineEdit(QStringLiteral("EPSG:%1").arg(SpatialReference::DefaultEpsg), this);
    mCrs->setToolTip(tr("以米为单位的投影坐标系；默认 CGCS2000 高斯-克吕格 3 度带 中央经线 114°E"));
    mPath = new QLineEdit(QDir::home().filePath(tr("新项目.gpkg")), this);
    auto* browse = new QPushButton(tr("浏览…"), this);
    connect(browse, &QPushButton::clicked, this, &NewProjectDialog::choosePath);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(mPath, 1);
    pathRow->addWidget(browse);
    mMessage = new QLabel(this);
    mMessage->setStyleSheet(QStringLiteral("color: #b00020;"));
    mMessage->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("创建"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewProjectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewProjectDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("项目名称"), mName);
    form->addRow(tr("层级模板"), mTemplate);
    form->addRow(tr("坐标系"), mCrs);
    form->addRow(tr("文件"), pathRow);
    form->addRow(mMessage);
    form->addRow(buttons);
    resize(560, sizeHint().height());
}

void NewProjectDialog::choosePath()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("新项目保存为"), mPath->text(), tr("GridAtlas 项目 (*.gpkg)"));
    if (!path.isEmpty())
        mPath->setText(path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)
                           ? path
                           : path + QStringLiteral(".gpkg"));
}

void NewProjectDialog::showMessage(const QString& message)
{
    mMessage->setText(message);
    adjustSize(); // room for a message over two lines
}

void NewProjectDialog::accept()
{
    if (mName->text().trimmed().isEmpty()) {
        showMessage(tr("请填写项目名称"));
        mName->setFocus();
        return;
    }
    try {
        ProjectData data;
        data.name = mName->text().trimmed();
        data.hierarchy = HierarchyTemplate::builtin(mTemplate->currentData().toString());
        data.crsEpsg = SpatialReference::fromString(mCrs->text()).epsg();
        ProjectFile::create(mPath->text().trimmed(), data);
    } catch (const Error& error) {
        showMessage(error.message());
        return;
    }
    mCreated = mPath->text().trimmed();
    QDialog::accept();
}
