#pragma once

#include <QString>
#include <functional>

class QDialog;
class QDialogButtonBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;
class QComboBox;

namespace gridmodel {
class HierarchyTemplate;
}

/** What the print, import, export and report dialogs are built of alike. */
namespace dialogparts {

//! the levels of the hierarchy by name (data: the level's key), `level` chosen
QComboBox* levelBox(const gridmodel::HierarchyTemplate& hierarchy, int level, QWidget* parent);

//! the red, wrapping line that says why the dialog's work was refused
QLabel* messageLabel(QWidget* parent);

//! a file path with a 浏览… button beside it; `browse` chooses one (empty: keep the text)
QHBoxLayout* pathRow(QLineEdit* path, QWidget* parent, const std::function<QString()>& browse);

/**
 * Cancel and the dialog's default action: `run` does the work; the dialog closes when it
 * returns true and stays open (showing why) when false. `button` receives the action's button.
 */
QDialogButtonBox* actionButtons(QDialog* dialog, const QString& text, const std::function<bool()>& run,
                                QPushButton** button = nullptr);

} // namespace dialogparts
