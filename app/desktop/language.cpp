#include "language.h"

#include "hierarchytemplate.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

//! the translations are compiled into this static library: make sure they are linked
static void initTranslationResources()
{
    Q_INIT_RESOURCE(translations);
}

namespace Language {

namespace {
const char* SettingsKey = "language";
}

QString chosen()
{
    return QSettings().value(QLatin1String(SettingsKey)).toString();
}

QString current()
{
    const QString chosen = Language::chosen();
    if (chosen == QLatin1String("zh_CN") || chosen == QLatin1String("en"))
        return chosen;
    return QLocale::system().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

void choose(const QString& language)
{
    QSettings().setValue(QLatin1String(SettingsKey), language);
}

QTranslator* install(QCoreApplication& application, const QString& language)
{
    initTranslationResources();
    const QString chosen = language.isEmpty() ? current() : language;
    gridmodel::LocalizedText::setDisplayLanguage(chosen); // level and role names from the template
    // Qt's own words (Cancel, OK in standard dialogs), from Debian's qttranslations5-l10n
    auto* qt = new QTranslator(&application);
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    const QString qtTranslations = QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
    if (chosen != QLatin1String("en") && qt->load(QStringLiteral("qtbase_%1").arg(chosen), qtTranslations))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* translator = new QTranslator(&application);
    if (translator->load(QStringLiteral(":/gridatlas/translations/gridatlas_%1.qm").arg(chosen)) &&
        QCoreApplication::installTranslator(translator))
        return translator;
    delete translator;
    return nullptr;
}

} // namespace Language
