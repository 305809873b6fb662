#pragma once

#include "hierarchytemplate.h"

#include <QCoreApplication>
#include <QString>
#include <type_traits>

namespace gridmodel {

/**
 * Translates gridmodel's messages: English in the source, context "gridmodel", Chinese in
 * resources/translations/gridatlas_zh_CN.ts. The desktop program loads the translation;
 * gridatlas-cli speaks English. Reports go upward in Chinese whatever the display language:
 * zh() translates from gridmodel's own copy of the Chinese catalogue.
 */
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(gridmodel)

public:
    //! `source` (marked with QT_TRANSLATE_NOOP("gridmodel", …)) in Chinese; the source if untranslated
    static QString zh(const char* source);
};

/** A message in the display language and in Chinese: the window shows one, reports the other. */
struct TwoLanguages
{
    QString text; //!< the display language
    QString zh;
};

namespace detail {
inline QString argumentText(const QString& value, bool)
{
    return value;
}
inline QString argumentText(const TwoLanguages& value, bool chinese)
{
    return chinese ? value.zh : value.text;
}
inline QString argumentText(const LocalizedText& value, bool chinese)
{
    return value.text(chinese ? QStringLiteral("zh") : QString());
}
template <typename Number, typename = std::enable_if_t<std::is_integral_v<Number>>>
QString argumentText(Number value, bool)
{
    return QString::number(value);
}

inline QString filled(const QString& text, bool)
{
    return text;
}
template <typename First, typename... Rest>
QString filled(const QString& text, bool chinese, const First& first, const Rest&... rest)
{
    return filled(text.arg(argumentText(first, chinese)), chinese, rest...);
}
} // namespace detail

/**
 * `source` with `arguments` put in as QString::arg would, in both languages. Arguments are
 * text, whole numbers, or text in both languages (LocalizedText, TwoLanguages). Mark the source for
 * lupdate: inBothLanguages(QT_TRANSLATE_NOOP("gridmodel", "%1 m²"), area).
 */
template <typename... Arguments>
TwoLanguages inBothLanguages(const char* source, const Arguments&... arguments)
{
    return {detail::filled(Tr::tr(source), false, arguments...),
            detail::filled(Tr::zh(source), true, arguments...)};
}

} // namespace gridmodel
