#include "personaldata.h"

namespace gridmodel {

QString maskedPhone(const QString& phone)
{
    const QString digits = phone.trimmed();
    if (digits.isEmpty())
        return QString();
    if (digits.size() >= 11)
        return digits.left(3) + QStringLiteral("****") + digits.right(4);
    if (digits.size() <= 2)
        return QString(digits.size(), QLatin1Char('*'));
    return QString(digits.size() - 2, QLatin1Char('*')) + digits.right(2);
}

} // namespace gridmodel
