#pragma once

#include <QByteArray>
#include <QString>

namespace gridmodel {

/**
 * Chinese offices' files come in UTF-8 (with or without a byte order mark) and in GBK or
 * GB18030, usually undeclared. These tell them apart and convert (iconv).
 */
namespace TextEncoding {

//! whether the bytes are well-formed UTF-8 (plain ASCII is)
bool isUtf8(const QByteArray& bytes);

/**
 * Text whose encoding is not declared: UTF-16 after its byte order mark, UTF-8 when it is valid
 * UTF-8 (a byte order mark is dropped), else GB18030, of which GBK and GB2312 are subsets; all of
 * it, NUL bytes included. `name` receives "UTF-16LE", "UTF-16BE", "UTF-8", "UTF-8 (BOM)" or
 * "GB18030". Throws Error(InvalidInput) for bytes that are none of these.
 */
QString decode(const QByteArray& bytes, QString* name = nullptr);

//! throws Error(InvalidInput) for bytes that are not GB18030
QString fromGb18030(const QByteArray& bytes);

//! throws Error(InvalidInput) naming text GBK cannot hold
QByteArray toGbk(const QString& text);

} // namespace TextEncoding

} // namespace gridmodel
