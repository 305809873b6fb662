#include "gpkggeometry.h"

#include "error.h"

#include <QCoreApplication>
#include <cstring>
#include <sqlite3.h>

namespace gridmodel {

namespace {

constexpr std::uint32_t WkbPolygon = 3;
constexpr std::uint32_t WkbMultiPolygon = 6;
constexpr unsigned char FlagLittleEndian = 0x01;
constexpr unsigned char FlagEmpty = 0x10;

template <typename T> void append(QByteArray& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof(T)); // host is little-endian (x86_64, arm64)
}

[[noreturn]] void malformed(const char* what)
{
    throw Error(Error::Kind::Corrupt,
                QCoreApplication::translate("gridmodel", "Malformed geometry in the GeoPackage (%1)")
                    .arg(QLatin1String(what)));
}

/** Reads WKB of either byte order, bounds-checked. */
class WkbReader
{
public:
    WkbReader(const unsigned char* data, int size) : mData(data), mEnd(data + size) {}

    void readByteOrder()
    {
        need(1);
        mSwap = (*mData++ == 0);
    }
    std::uint32_t readUInt32()
    {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, mData, 4);
        mData += 4;
        return mSwap ? __builtin_bswap32(v) : v;
    }
    double readDouble()
    {
        need(8);
        std::uint64_t bits;
        std::memcpy(&bits, mData, 8);
        mData += 8;
        if (mSwap)
            bits = __builtin_bswap64(bits);
        double v;
        std::memcpy(&v, &bits, 8);
        return v;
    }
    void skipDoubles(int count)
    {
        need(8 * count);
        mData += 8 * count;
    }

private:
    void need(int bytes)
    {
        if (mEnd - mData < bytes)
            malformed("truncated WKB");
    }
    const unsigned char* mData;
    const unsigned char* mEnd;
    bool mSwap = false;
};

struct GeometryType
{
    std::uint32_t base;
    int extraOrdinates; // Z and/or M
};

GeometryType splitType(std::uint32_t type)
{
    int extra = 0;
    if (type & 0x80000000u) { // EWKB-style Z flag
        ++extra;
        type &= ~0x80000000u;
    }
    if (type & 0x40000000u) {
        ++extra;
        type &= ~0x40000000u;
    }
    const std::uint32_t thousands = type / 1000; // ISO: 1000 Z, 2000 M, 3000 ZM
    extra += thousands == 3 ? 2 : (thousands ? 1 : 0);
    return {type % 1000, extra};
}

Polygon readPolygonBody(WkbReader& reader, int extraOrdinates)
{
    Polygon polygon;
    const std::uint32_t ringCount = reader.readUInt32();
    if (ringCount > 10'000'000)
        malformed("ring count");
    polygon.rings.resize(ringCount);
    for (Ring& ring : polygon.rings) {
        const std::uint32_t pointCount = reader.readUInt32();
        if (pointCount > 100'000'000)
            malformed("point count");
        ring.resize(pointCount);
        for (Point& p : ring) {
            p.x = reader.readDouble();
            p.y = reader.readDouble();
            if (extraOrdinates)
                reader.skipDoubles(extraOrdinates);
        }
    }
    return polygon;
}

MultiPolygon readWkb(WkbReader& reader)
{
    reader.readByteOrder();
    const GeometryType type = splitType(reader.readUInt32());
    MultiPolygon result;
    if (type.base == WkbPolygon) {
        Polygon polygon = readPolygonBody(reader, type.extraOrdinates);
        if (!polygon.rings.empty())
            result.polygons.push_back(std::move(polygon));
    } else if (type.base == WkbMultiPolygon) {
        const std::uint32_t count = reader.readUInt32();
        if (count > 10'000'000)
            malformed("polygon count");
        for (std::uint32_t i = 0; i < count; ++i) {
            reader.readByteOrder();
            const GeometryType partType = splitType(reader.readUInt32());
            if (partType.base != WkbPolygon)
                malformed("multipolygon part is not a polygon");
            Polygon polygon = readPolygonBody(reader, partType.extraOrdinates);
            if (!polygon.rings.empty())
                result.polygons.push_back(std::move(polygon));
        }
    } else {
        malformed("not a polygon");
    }
    return result;
}

int headerLength(const unsigned char* data, int size, unsigned char* flagsOut)
{
    if (size < 8 || data[0] != 'G' || data[1] != 'P')
        malformed("missing GP header");
    const unsigned char flags = data[3];
    const int envelopeCode = (flags >> 1) & 0x07;
    static const int envelopeBytes[] = {0, 32, 48, 48, 64, -1, -1, -1};
    if (envelopeBytes[envelopeCode] < 0)
        malformed("envelope code");
    const int length = 8 + envelopeBytes[envelopeCode];
    if (size < length)
        malformed("truncated header");
    *flagsOut = flags;
    return length;
}

} // namespace

namespace GpkgGeometry {

QByteArray encode(const MultiPolygon& geometry, std::int32_t srsId)
{
    QByteArray out;
    int size = 8 + 32 + 9;
    for (const Polygon& polygon : geometry.polygons) {
        size += 9;
        for (const Ring& ring : polygon.rings)
            size += 4 + 16 * static_cast<int>(ring.size());
    }
    out.reserve(size);
    out.append('G');
    out.append('P');
    out.append('\0'); // version 1
    const Envelope env = geometry.envelope();
    const bool empty = geometry.isEmpty();
    unsigned char flags = FlagLittleEndian;
    flags |= empty ? FlagEmpty : (1 << 1); // envelope [minx, maxx, miny, maxy]
    out.append(static_cast<char>(flags));
    append<std::int32_t>(out, srsId);
    if (!empty) {
        append(out, env.minX);
        append(out, env.maxX);
        append(out, env.minY);
        append(out, env.maxY);
    }
    out.append('\x01');
    append<std::uint32_t>(out, WkbMultiPolygon);
    append<std::uint32_t>(out, static_cast<std::uint32_t>(geometry.polygons.size()));
    for (const Polygon& polygon : geometry.polygons) {
        out.append('\x01');
        append<std::uint32_t>(out, WkbPolygon);
        append<std::uint32_t>(out, static_cast<std::uint32_t>(polygon.rings.size()));
        for (const Ring& ring : polygon.rings) {
            append<std::uint32_t>(out, static_cast<std::uint32_t>(ring.size()));
            for (const Point& p : ring) {
                append(out, p.x);
                append(out, p.y);
            }
        }
    }
    return out;
}

MultiPolygon decode(const unsigned char* data, int size)
{
    unsigned char flags = 0;
    const int offset = headerLength(data, size, &flags);
    if (flags & 0x20)
        malformed("extended GeoPackage geometry");
    WkbReader reader(data + offset, size - offset);
    return readWkb(reader);
}

Envelope envelope(const unsigned char* data, int size, bool* ok)
{
    *ok = false;
    Envelope env;
    try {
        unsigned char flags = 0;
        headerLength(data, size, &flags);
        if (flags & FlagEmpty) {
            *ok = true;
            return env;
        }
        if ((flags >> 1) & 0x07) {
            const bool swap = !(flags & FlagLittleEndian);
            double values[4];
            for (int i = 0; i < 4; ++i) {
                std::uint64_t bits;
                std::memcpy(&bits, data + 8 + 8 * i, 8);
                if (swap)
                    bits = __builtin_bswap64(bits);
                std::memcpy(&values[i], &bits, 8);
            }
            env.minX = values[0];
            env.maxX = values[1];
            env.minY = values[2];
            env.maxY = values[3];
        } else {
            env = decode(data, size).envelope();
        }
        *ok = true;
    } catch (const Error&) {
    }
    return env;
}

} // namespace GpkgGeometry

namespace {

enum class EnvelopePart
{
    MinX,
    MaxX,
    MinY,
    MaxY
};

template <EnvelopePart Part> void envelopeFunction(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_null(context);
        return;
    }
    const auto* data = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
    bool ok = false;
    const Envelope env = GpkgGeometry::envelope(data, sqlite3_value_bytes(argv[0]), &ok);
    if (!ok || env.isEmpty()) {
        sqlite3_result_null(context);
        return;
    }
    switch (Part) {
    case EnvelopePart::MinX:
        sqlite3_result_double(context, env.minX);
        break;
    case EnvelopePart::MaxX:
        sqlite3_result_double(context, env.maxX);
        break;
    case EnvelopePart::MinY:
        sqlite3_result_double(context, env.minY);
        break;
    case EnvelopePart::MaxY:
        sqlite3_result_double(context, env.maxY);
        break;
    }
}

void isEmptyFunction(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_null(context);
        return;
    }
    const auto* data = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
    bool ok = false;
    const Envelope env = GpkgGeometry::envelope(data, sqlite3_value_bytes(argv[0]), &ok);
    if (!ok)
        sqlite3_result_null(context);
    else
        sqlite3_result_int(context, env.isEmpty() ? 1 : 0);
}

} // namespace

void registerGeoPackageSqlFunctions(sqlite3* db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    sqlite3_create_function(db, "ST_MinX", 1, flags, nullptr, envelopeFunction<EnvelopePart::MinX>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_MaxX", 1, flags, nullptr, envelopeFunction<EnvelopePart::MaxX>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_MinY", 1, flags, nullptr, envelopeFunction<EnvelopePart::MinY>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_MaxY", 1, flags, nullptr, envelopeFunction<EnvelopePart::MaxY>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_IsEmpty", 1, flags, nullptr, isEmptyFunction, nullptr, nullptr);
}

} // namespace gridmodel
