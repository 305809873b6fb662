#pragma once

#include <QString>

namespace gridmodel {

/**
 * Phone numbers are personal data: shown, printed and exported masked unless the user
 * chooses otherwise. 13812345678 → 138****5678; shorter numbers keep only their last two
 * digits visible.
 */
QString maskedPhone(const QString& phone);

} // namespace gridmodel
