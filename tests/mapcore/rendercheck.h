#pragma once

#include <QImage>
#include <cstdlib>

namespace testsupport {

/**
 * The share of pixels that differ from a control image by more than a shade (antialiased
 * text may differ by a shade between runs); 1 when the sizes differ.
 */
inline double differingShare(const QImage& image, const QImage& control)
{
    if (image.size() != control.size())
        return 1;
    int differing = 0;
    const QImage a = image.convertToFormat(QImage::Format_ARGB32);
    const QImage b = control.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) > 24 || std::abs(qGreen(p) - qGreen(q)) > 24 ||
                std::abs(qBlue(p) - qBlue(q)) > 24)
                ++differing;
        }
    return differing / double(a.width() * a.height());
}

} // namespace testsupport
