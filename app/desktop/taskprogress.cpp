#include "taskprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

TaskProgress::TaskProgress(QWidget* parent)
    : QWidget(parent), mWhat(new QLabel(this)), mBar(new QProgressBar(this)), mCancel(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mBar->setRange(0, 100);
    mBar->setMaximumWidth(180);
    mBar->setMaximumHeight(16);
    mCancel->setText(tr("取消"));
    mCancel->setAutoRaise(true);
    layout->addWidget(mWhat);
    layout->addWidget(mBar);
    layout->addWidget(mCancel);
    connect(mCancel, &QToolButton::clicked, this, &TaskProgress::cancelRequested);
    hide();
}

void TaskProgress::start(const QString& what)
{
    mWhat->setText(what);
    mBar->setValue(0);
    show();
}

void TaskProgress::setPercent(int percent)
{
    mBar->setValue(percent);
}

void TaskProgress::finish()
{
    hide();
}
