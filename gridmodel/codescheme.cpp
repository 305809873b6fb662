#include "codescheme.h"

#include "error.h"
#include "translation.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace gridmodel {

namespace {
bool allDigits(const QString& text)
{
    for (const QChar c : text)
        if (!c.isDigit())
            return false;
    return !text.isEmpty();
}
} // namespace

CodeScheme::CodeScheme(const ProjectData& data, const HierarchyIndex& index) : mData(data), mIndex(index) {}

QString CodeScheme::prefixFor(int level, const Unit* parent) const
{
    if (parent)
        return parent->code;
    // The top level: the prefix its existing units share.
    const int digits = mData.hierarchy.level(level).codeDigits;
    for (const Unit* top : mIndex.children(0))
        if (top->code.size() > digits)
            return top->code.left(top->code.size() - digits);
    return QString();
}

QString CodeScheme::nextCode(int level, const Unit* parent, const QSet<QString>& taken,
                             qint64* searchFrom) const
{
    const int digits = mData.hierarchy.level(level).codeDigits;
    const QString prefix = prefixFor(level, parent);
    const qint64 limit = static_cast<qint64>(std::pow(10, digits));
    for (qint64 number = searchFrom ? std::max<qint64>(1, *searchFrom) : 1; number < limit; ++number) {
        const QString code = prefix + QStringLiteral("%1").arg(number, digits, 10, QLatin1Char('0'));
        if (!mIndex.unitByCode(code) && !taken.contains(code)) {
            if (searchFrom)
                *searchFrom = number;
            return code;
        }
    }
    throw Error(Error::Kind::InvalidInput, Tr::tr("No free code left under %1: the level has %2 digits")
                                               .arg(parent ? parent->code : Tr::tr("the top level"))
                                               .arg(digits));
}

QString CodeScheme::whyNot(const QString& code, int level, const Unit* parent, UnitId self,
                           const QSet<QString>& taken) const
{
    const Unit* holder = mIndex.unitByCode(code);
    if ((holder && holder->id != self) || taken.contains(code))
        return Tr::tr("the code %1 is already used by %2")
            .arg(code, holder ? holder->name : Tr::tr("another unit"));
    const int digits = mData.hierarchy.level(level).codeDigits;
    if (!allDigits(code))
        return Tr::tr("a code is made of digits, got \"%1\"").arg(code);
    const QString prefix = prefixFor(level, parent);
    if (parent && (!code.startsWith(prefix) || code.size() != prefix.size() + digits))
        return Tr::tr("the code of a %1 is its parent's code %2 followed by %3 digits, got %4")
            .arg(mData.hierarchy.level(level).name.text(), prefix)
            .arg(digits)
            .arg(code);
    return QString();
}

QString CodeScheme::whyNotExternal(const QString& externalCode, int level, UnitId self,
                                   const QSet<QString>& taken) const
{
    if (externalCode.size() > ExternalCodeMaxLength)
        return Tr::tr("an external code has at most %1 characters, got %2")
            .arg(ExternalCodeMaxLength)
            .arg(externalCode.size());
    for (const QChar c : externalCode)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return Tr::tr("the external code \"%1\" holds a control character (U+%2)")
                .arg(QString(externalCode).replace(c, QLatin1Char('?')))
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    for (const Unit* holder : mIndex.unitsByExternalCode(externalCode, level))
        if (holder->id != self)
            return Tr::tr("the external code %1 is already that of %2 %3")
                .arg(externalCode, holder->code, holder->name);
    if (const Unit* holder = mIndex.unitByCode(externalCode); holder && holder->id != self)
        return Tr::tr("%1 is the code of %2: an external code must not be one of ours")
            .arg(externalCode, holder->name);
    if (taken.contains(externalCode))
        return Tr::tr("the external code %1 is given to another unit too").arg(externalCode);
    return QString();
}

QString CodeScheme::parentCodeOf(const QString& code, int level) const
{
    const int digits = mData.hierarchy.level(level).codeDigits;
    return code.size() > digits ? code.left(code.size() - digits) : QString();
}

QString CodeScheme::recoded(const QString& code, const QString& oldPrefix, const QString& newPrefix)
{
    return code.startsWith(oldPrefix) ? newPrefix + code.mid(oldPrefix.size()) : code;
}

} // namespace gridmodel
