#pragma once

#include <QRandomGenerator>
#include <QString>

namespace gridmodel {

/** Plausible Chinese names for generated districts and people. */
namespace ChineseNames {

QString streetName(int index);    //!< 文化路街道 …, unique for any index
QString communityName(int index); //!< 锦绣社区 …, unique for any index
QString ordinal(int number);      //!< 一, 二 … 九十九
QString personName(QRandomGenerator& random, bool female);
QString mobilePhone(QRandomGenerator& random);

} // namespace ChineseNames
} // namespace gridmodel
