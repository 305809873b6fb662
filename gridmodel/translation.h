#pragma once

#include <QCoreApplication>

namespace gridmodel {

/**
 * Translates gridmodel's messages: English in the source, context "gridmodel", Chinese in
 * resources/translations/gridatlas_zh_CN.ts. The desktop program loads the translation;
 * gridatlas-cli speaks English.
 */
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(gridmodel)
};

} // namespace gridmodel
