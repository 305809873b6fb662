#include "settingsmenu.h"

#include "language.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <algorithm>

namespace {
const char* TiandituKeySetting = "tianditu/key";           //!< the user's own, never in a project
const char* SnapToleranceSetting = "snapping/tolerancePx"; //!< for all projects on this machine
} // namespace

SettingsMenu::SettingsMenu(QWidget* parent) : QMenu(tr("设置(&S)"), parent)
{
    QAction* key = addAction(tr("天地图密钥…"));
    key->setObjectName(QStringLiteral("tiandituKey"));
    key->setToolTip(tr("天地图图层用您自己的密钥（tk），只存在本机设置中，不写入项目"));
    connect(key, &QAction::triggered, this, &SettingsMenu::askTiandituKey);
    QAction* tolerance = addAction(tr("吸附容差…"));
    tolerance->setObjectName(QStringLiteral("snapTolerance"));
    tolerance->setToolTip(tr("光标离顶点或边多近（屏幕像素）时吸附到它"));
    connect(tolerance, &QAction::triggered, this, &SettingsMenu::askSnapTolerance);
    addLanguageMenu();
}

QString SettingsMenu::tiandituKey()
{
    return QSettings().value(QLatin1String(TiandituKeySetting)).toString();
}

double SettingsMenu::snapTolerancePx()
{
    bool ok = false;
    const double pixels = QSettings().value(QLatin1String(SnapToleranceSetting)).toDouble(&ok);
    return ok ? std::clamp(pixels, MinSnapTolerancePx, MaxSnapTolerancePx) : DefaultSnapTolerancePx;
}

void SettingsMenu::askTiandituKey()
{
    bool ok = false;
    const QString key =
        QInputDialog::getText(parentWidget(), tr("天地图密钥"), tr("您在天地图网站申请的密钥（tk）："),
                              QLineEdit::Normal, tiandituKey(), &ok)
            .trimmed();
    if (!ok)
        return;
    QSettings().setValue(QLatin1String(TiandituKeySetting), key);
    emit tiandituKeyChanged(key);
}

void SettingsMenu::askSnapTolerance()
{
    bool ok = false;
    const int pixels =
        QInputDialog::getInt(parentWidget(), tr("吸附容差"), tr("光标离顶点或边多少像素以内时吸附："),
                             static_cast<int>(snapTolerancePx()), static_cast<int>(MinSnapTolerancePx),
                             static_cast<int>(MaxSnapTolerancePx), 1, &ok);
    if (!ok)
        return;
    QSettings().setValue(QLatin1String(SnapToleranceSetting), pixels);
    emit snapToleranceChanged(pixels);
}

void SettingsMenu::addLanguageMenu()
{
    QMenu* languageMenu = addMenu(tr("语言 / Language"));
    auto* languages = new QActionGroup(this);
    const QString chosen = Language::chosen();
    for (const auto& [code, label] : {std::pair<QString, QString>{QString(), tr("跟随系统")},
                                      {QStringLiteral("zh_CN"), QStringLiteral("中文")},
                                      {QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* language = languageMenu->addAction(label);
        language->setCheckable(true);
        language->setChecked(code == chosen);
        languages->addAction(language);
        connect(language, &QAction::triggered, this, [this, code = code] {
            Language::choose(code);
            emit notice(tr("语言"), tr("重新启动 GridAtlas 后生效"));
        });
    }
}
