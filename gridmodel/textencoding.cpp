#include "textencoding.h"

#include "error.h"
#include "translation.h"

#include <algorithm>
#include <iconv.h>

namespace gridmodel::TextEncoding {

namespace {

/**
 * Converts with iconv; on bytes it cannot convert throws Error(InvalidInput) with
 * `message`, whose %1 receives the text near them (as `near` decodes it).
 */
QByteArray convert(const char* to, const char* from, const QByteArray& bytes, const QString& message,
                   QString (*near)(const QByteArray&))
{
    iconv_t converter = iconv_open(to, from);
    if (converter == reinterpret_cast<iconv_t>(-1))
        throw Error(Error::Kind::Io, Tr::tr("This system cannot convert text from %1 to %2")
                                         .arg(QLatin1String(from), QLatin1String(to)));
    QByteArray out(bytes.size() * 2 + 16, Qt::Uninitialized);
    char* in = const_cast<char*>(bytes.constData());
    size_t inLeft = static_cast<size_t>(bytes.size());
    char* next = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    const size_t result = iconv(converter, &in, &inLeft, &next, &outLeft);
    iconv_close(converter);
    if (result == static_cast<size_t>(-1))
        throw Error(Error::Kind::InvalidInput,
                    message.arg(near(QByteArray(in, static_cast<int>(std::min<size_t>(inLeft, 12))))));
    out.resize(out.size() - static_cast<int>(outLeft));
    return out;
}

QString nearUtf8(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes.constData(), bytes.size());
}

QString nearHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.left(4).toHex(' '));
}

} // namespace

bool isUtf8(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const auto* end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        int following = 0;
        if (c < 0x80)
            following = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            following = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            following = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            following = 3;
        else
            return false;
        if (end - p <= following)
            return false;
        for (int i = 1; i <= following; ++i)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        // overlong three-byte forms and surrogates
        if (c == 0xE0 && p[1] < 0xA0)
            return false;
        if (c == 0xED && p[1] >= 0xA0)
            return false;
        p += following + 1;
    }
    return true;
}

namespace {

//! the whole of UTF-8 bytes, a NUL included (Qt 5's fromUtf8(QByteArray) stops at the first)
QString wholeUtf8(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes.constData(), bytes.size());
}

} // namespace

QString fromGb18030(const QByteArray& bytes)
{
    return wholeUtf8(
        convert("UTF-8", "GB18030", bytes,
                Tr::tr("The text is neither UTF-8, UTF-16 with a byte order mark, nor GBK/GB18030 "
                       "(bytes %1)"),
                nearHex));
}

QString decode(const QByteArray& bytes, QString* name)
{
    const bool littleEndian = bytes.startsWith("\xFF\xFE");
    if (littleEndian || bytes.startsWith("\xFE\xFF")) {
        if (name)
            *name = littleEndian ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        return wholeUtf8(convert("UTF-8", littleEndian ? "UTF-16LE" : "UTF-16BE", bytes.mid(2),
                                 Tr::tr("The text is not well-formed UTF-16 (bytes %1)"), nearHex));
    }
    static const QByteArray bom("\xEF\xBB\xBF");
    const bool utf8 = isUtf8(bytes); // a whole file: test it once
    const bool marked = utf8 && bytes.startsWith(bom);
    if (name)
        *name = marked ? QStringLiteral("UTF-8 (BOM)")
                : utf8 ? QStringLiteral("UTF-8")
                       : QStringLiteral("GB18030");
    if (!utf8)
        return fromGb18030(bytes);
    return wholeUtf8(marked ? bytes.mid(bom.size()) : bytes);
}

QByteArray toGbk(const QString& text)
{
    return convert("GBK", "UTF-8", text.toUtf8(),
                   Tr::tr("Some text cannot be written in GBK (near \"%1\"); use UTF-8"), nearUtf8);
}

} // namespace gridmodel::TextEncoding
