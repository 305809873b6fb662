#pragma once

#include <QMenu>

/**
 * 设置 (Settings): what a user sets for themselves on this machine, never in a project: the
 * 天地图 key, the snapping tolerance and the language. Each is kept in QSettings.
 */
class SettingsMenu : public QMenu
{
    Q_OBJECT

public:
    static constexpr double DefaultSnapTolerancePx = 8;
    static constexpr double MinSnapTolerancePx = 1;
    static constexpr double MaxSnapTolerancePx = 50;

    explicit SettingsMenu(QWidget* parent);

    //! the user's own 天地图 key (tk), empty when none is given
    static QString tiandituKey();
    //! how near the cursor a vertex or an edge is snapped to, in screen pixels
    static double snapTolerancePx();

signals:
    void tiandituKeyChanged(const QString& key);
    void snapToleranceChanged(double pixels);
    //! a message for the message bar (a language chosen applies at the next start)
    void notice(const QString& title, const QString& text);

private:
    void askTiandituKey();
    void askSnapTolerance();
    void addLanguageMenu();
};
