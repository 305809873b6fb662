#pragma once

#include <QString>

class QCoreApplication;
class QTranslator;

/**
 * The language of the desktop program. The window is written in Chinese and the rules
 * (gridmodel) in English; each has the other language as a Qt translation
 * (resources/translations). Chinese unless the system speaks English or the user chose
 * English in the settings.
 */
namespace Language {

//! what the user chose: "zh_CN", "en", or empty to follow the system
QString chosen();
//! "zh_CN" or "en": the user's choice, else the system's (Chinese unless it is English)
QString current();
//! remembers the user's choice ("zh_CN", "en", or empty to follow the system); applies at next start
void choose(const QString& language);
/**
 * Installs the translation for `language` ("zh_CN" or "en"; empty: current()) on the
 * application; returns the translator (owned by the application), nullptr if none loaded.
 */
QTranslator* install(QCoreApplication& application, const QString& language = QString());

} // namespace Language
