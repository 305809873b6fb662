#include "dialogparts.h"

#include "hierarchytemplate.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent>
#include <algorithm>
#include <limits>

namespace dialogparts {

QComboBox* levelBox(const gridmodel::HierarchyTemplate& hierarchy, int level, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    for (int i = 0; i < hierarchy.levelCount(); ++i)
        box->addItem(hierarchy.level(i).name.text(), hierarchy.level(i).key);
    box->setCurrentIndex(std::clamp(level, 0, hierarchy.levelCount() - 1));
    return box;
}

QLabel* messageLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b91c1c"));
    return label;
}

void suggestOutput(QLineEdit* path, const QString& projectPath, const QString& what, const QString& suffix)
{
    const QFileInfo project(projectPath);
    const QString folder =
        path->text().isEmpty() ? project.absolutePath() : QFileInfo(path->text()).absolutePath();
    path->setText(
        QDir(folder).filePath(QStringLiteral("%1-%2.%3").arg(project.completeBaseName(), what, suffix)));
}

QHBoxLayout* pathRow(QLineEdit* path, QWidget* parent, const std::function<QString()>& browse)
{
    auto* button = new QPushButton(QCoreApplication::translate("dialogparts", "浏览…"), parent);
    QObject::connect(button, &QPushButton::clicked, parent, [path, browse] {
        const QString chosen = browse();
        if (!chosen.isEmpty())
            path->setText(chosen);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(path);
    row->addWidget(button);
    return row;
}

QDialogButtonBox* actionButtons(QDialog* dialog, const QString& text, const std::function<bool()>& run,
                                QPushButton** button)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton* action = buttons->addButton(text, QDialogButtonBox::AcceptRole);
    action->setDefault(true);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, [dialog, run] {
        if (run())
            dialog->accept();
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    if (button)
        *button = action;
    return buttons;
}

bool runInThread(QWidget* parent, const QString& text, const std::function<void()>& work)
{
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    QProgressDialog progress(text, QCoreApplication::translate("dialogparts", "取消"), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(std::numeric_limits<int>::max()); // shown by the timer below
    QTimer::singleShot(400, &progress, &QProgressDialog::show);   // quick work shows nothing
    bool cancelled = false;
    QObject::connect(&progress, &QProgressDialog::canceled, [&] {
        cancelled = true;
        progress.setLabelText(QCoreApplication::translate("dialogparts", "正在停止…"));
    });
    watcher.setFuture(QtConcurrent::run(work));
    if (!watcher.isFinished())
        loop.exec(); // the progress dialog is window-modal: only its cancel takes input
    cancelled = cancelled || progress.wasCanceled();
    progress.reset();
    return !cancelled;
}

} // namespace dialogparts
