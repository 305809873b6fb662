#pragma once

#include <QLabel>

/**
 * A one-line label that shortens its text with "…" to the room it is given, the whole
 * text in its tooltip: a long unit name never widens the panel or status bar it sits in.
 */
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    QString fullText() const { return mFullText; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString mFullText;
};
