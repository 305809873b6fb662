#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

/**
 * Long work in the status bar, as QGIS shows it: what is being done, how far it has got,
 * and a button to stop it. Hidden while nothing runs.
 */
class TaskProgress : public QWidget
{
    Q_OBJECT

public:
    explicit TaskProgress(QWidget* parent = nullptr);

    void start(const QString& what);
    void setPercent(int percent);
    void finish();

signals:
    void cancelRequested();

private:
    QLabel* mWhat;
    QProgressBar* mBar;
    QToolButton* mCancel;
};
