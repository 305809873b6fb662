#include "translation.h"

#include <QTranslator>

// gridatlas_zh_CN.qm, built from resources/translations and embedded by cmake/EmbedFile.cmake
extern const unsigned char gridmodelChineseCatalogue[];
extern const int gridmodelChineseCatalogueSize;

namespace gridmodel {

QString Tr::zh(const char* source)
{
    // loaded once and only read afterwards, so report threads may share it
    static const QTranslator* const catalogue = [] {
        auto* translator = new QTranslator;
        if (!translator->load(gridmodelChineseCatalogue, gridmodelChineseCatalogueSize))
            qWarning("gridmodel: the embedded Chinese catalogue cannot be read");
        return translator;
    }();
    const QString chinese = catalogue->translate("gridmodel", source);
    return chinese.isEmpty() ? QString::fromUtf8(source) : chinese;
}

} // namespace gridmodel
