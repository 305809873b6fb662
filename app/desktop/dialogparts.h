#pragma once

#include <QString>
#include <exception>
#include <functional>
#include <optional>

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

/**
 * Sets `path` to the file a dialog offers to write: "PROJECT-what.suffix" in the folder the
 * path names already (the project's folder at first).
 */
void suggestOutput(QLineEdit* path, const QString& projectPath, const QString& what, const QString& suffix);

//! a file path with a 浏览… button beside it; `browse` chooses one (empty: keep the text)
QHBoxLayout* pathRow(QLineEdit* path, QWidget* parent, const std::function<QString()>& browse);

/**
 * Cancel and the dialog's default action: `run` does the work; the dialog closes when it
 * returns true and stays open (showing why) when false. `button` receives the action's button.
 */
QDialogButtonBox* actionButtons(QDialog* dialog, const QString& text, const std::function<bool()>& run,
                                QPushButton** button = nullptr);

/**
 * Runs `work` in a thread of its own while a progress dialog (`text`, with a cancel button)
 * keeps the window alive. Returns what it made, or nothing when the user cancelled (the work
 * is let finish, since it reads the project, and its result dropped). What it throws is
 * thrown here.
 */
template <typename Result>
std::optional<Result> runWithProgress(QWidget* parent, const QString& text,
                                      const std::function<Result()>& work);

//! the untyped part of runWithProgress: runs `work` (which must not throw) in a thread; false when cancelled
bool runInThread(QWidget* parent, const QString& text, const std::function<void()>& work);

template <typename Result>
std::optional<Result> runWithProgress(QWidget* parent, const QString& text,
                                      const std::function<Result()>& work)
{
    std::optional<Result> result;
    std::exception_ptr failure;
    const bool finished = runInThread(parent, text, [&] {
        try {
            result = work();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    if (failure)
        std::rethrow_exception(failure);
    if (!finished)
        return std::nullopt;
    return result;
}

} // namespace dialogparts
