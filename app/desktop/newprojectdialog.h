#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

/**
 * A new, empty project: its name, hierarchy template, coordinate reference system and
 * file. Accepting writes the file (refusing, with the reason shown, a file that exists or
 * a CRS not in metres); createdPath() then names it.
 */
class NewProjectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewProjectDialog(QWidget* parent = nullptr);

    QString createdPath() const { return mCreated; }
    QLineEdit* nameEdit() const { return mName; }
    QComboBox* templateBox() const { return mTemplate; }
    QLineEdit* crsEdit() const { return mCrs; }
    QLineEdit* pathEdit() const { return mPath; }
    QLabel* messageLabel() const { return mMessage; }

    void accept() override;

private:
    void choosePath();
    void showMessage(const QString& message);

    QLineEdit* mName = nullptr;
    QComboBox* mTemplate = nullptr;
    QLineEdit* mCrs = nullptr;
    QLineEdit* mPath = nullptr;
    QLabel* mMessage = nullptr;
    QString mCreated;
};
