#include "error.h"

namespace gridmodel {

Error::Error(Kind kind, const QString& message)
    : std::runtime_error(message.toStdString()), mKind(kind), mMessage(message)
{
}

} // namespace gridmodel
