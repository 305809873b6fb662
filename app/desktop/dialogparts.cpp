#include "dialogparts.h"

#include "hierarchytemplate.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <algorithm>

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

} // namespace dialogparts
