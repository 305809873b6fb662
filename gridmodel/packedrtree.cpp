#include "packedrtree.h"

#include "error.h"
#include "sqlitedatabase.h"
#include "translation.h"

#include <QByteArray>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace gridmodel::PackedRTree {

namespace {

constexpr int CellBytes = 8 + 4 * 4; //!< a 64-bit id and four 32-bit floats

//! a box in the R-tree's 32-bit floats, rounded outwards so it still holds the exact one
struct Box
{
    float minX, maxX, minY, maxY;

    static float down(double value)
    {
        float rounded = static_cast<float>(value);
        if (double(rounded) > value)
            rounded = std::nextafter(rounded, -std::numeric_limits<float>::infinity());
        return rounded;
    }
    static float up(double value)
    {
        float rounded = static_cast<float>(value);
        if (double(rounded) < value)
            rounded = std::nextafter(rounded, std::numeric_limits<float>::infinity());
        return rounded;
    }
    static Box of(const Envelope& envelope)
    {
        return {down(envelope.minX), up(envelope.maxX), down(envelope.minY), up(envelope.maxY)};
    }
    void include(const Box& other)
    {
        minX = std::min(minX, other.minX);
        maxX = std::max(maxX, other.maxX);
        minY = std::min(minY, other.minY);
        maxY = std::max(maxY, other.maxY);
    }
    double centreX() const { return (double(minX) + double(maxX)) / 2; }
    double centreY() const { return (double(minY) + double(maxY)) / 2; }
};

struct Cell
{
    qint64 id; //!< a row's id in a leaf, a child node's number above
    Box box;
};

using Node = std::vector<Cell>;

/**
 * Groups cells into nodes of at most `capacity`, near ones together: sorted by x into vertical
 * slices of about √(nodes) nodes each, each slice sorted by y and cut into nodes.
 */
std::vector<Node> packed(std::vector<Cell> cells, size_t capacity)
{
    const size_t nodeCount = (cells.size() + capacity - 1) / capacity;
    const size_t slices = static_cast<size_t>(std::ceil(std::sqrt(double(nodeCount))));
    const size_t perSlice = ((nodeCount + slices - 1) / slices) * capacity;
    std::sort(cells.begin(), cells.end(),
              [](const Cell& a, const Cell& b) { return a.box.centreX() < b.box.centreX(); });
    std::vector<Node> nodes;
    nodes.reserve(nodeCount);
    for (size_t start = 0; start < cells.size(); start += perSlice) {
        const auto begin = cells.begin() + static_cast<std::ptrdiff_t>(start);
        const auto end =
            cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), start + perSlice));
        std::sort(begin, end, [](const Cell& a, const Cell& b) { return a.box.centreY() < b.box.centreY(); });
        for (auto it = begin; it < end;
             it += static_cast<std::ptrdiff_t>(std::min<size_t>(capacity, end - it)))
            nodes.emplace_back(it, it + static_cast<std::ptrdiff_t>(std::min<size_t>(capacity, end - it)));
    }
    return nodes;
}

void putBigEndian16(char* at, unsigned value)
{
    at[0] = char((value >> 8) & 0xff);
    at[1] = char(value & 0xff);
}

void putBigEndian64(char* at, quint64 value)
{
    for (int i = 7; i >= 0; --i, value >>= 8)
        at[i] = char(value & 0xff);
}

void putFloat(char* at, float value)
{
    quint32 bits;
    std::memcpy(&bits, &value, 4);
    for (int i = 3; i >= 0; --i, bits >>= 8)
        at[i] = char(bits & 0xff);
}

QByteArray nodeBlob(const Node& node, int nodeBytes, unsigned depth)
{
    QByteArray blob(nodeBytes, '\0');
    char* data = blob.data();
    putBigEndian16(data, depth); // read in the root only
    putBigEndian16(data + 2, unsigned(node.size()));
    char* cell = data + 4;
    for (const Cell& entry : node) {
        putBigEndian64(cell, quint64(entry.id));
        putFloat(cell + 8, entry.box.minX);
        putFloat(cell + 12, entry.box.maxX);
        putFloat(cell + 16, entry.box.minY);
        putFloat(cell + 20, entry.box.maxY);
        cell += CellBytes;
    }
    return blob;
}

} // namespace

void replaceContents(SqliteDatabase& db, const QString& rtree, std::vector<Entry> entries)
{
    const QString node = QStringLiteral("\"%1_node\"").arg(rtree);
    int nodeBytes = 0;
    {
        SqliteStatement size =
            db.prepare(QStringLiteral("SELECT length(data) FROM %1 WHERE nodeno = 1").arg(node));
        if (size.step())
            nodeBytes = int(size.integer(0));
    }
    const size_t capacity = nodeBytes > 4 ? size_t(nodeBytes - 4) / CellBytes : 0;
    if (capacity < 4)
        throw Error(Error::Kind::Corrupt, Tr::tr("The spatial index %1 has no usable root node").arg(rtree));

    // its rows go; the root stays, empty, as a new R-tree has it
    db.execute(
        QStringLiteral("DELETE FROM \"%1_rowid\"; DELETE FROM \"%1_parent\"; DELETE FROM %2 WHERE nodeno "
                       "<> 1")
            .arg(rtree, node));
    std::vector<Cell> cells;
    cells.reserve(entries.size());
    for (const auto& [id, envelope] : entries)
        if (!envelope.isEmpty())
            cells.push_back({id, Box::of(envelope)});
    entries.clear();

    // Levels from the leaves up, until one node holds the rest: the root.
    std::vector<std::vector<Node>> levels;
    levels.push_back(cells.empty() ? std::vector<Node>{Node{}} : packed(std::move(cells), capacity));
    while (levels.back().size() > 1) {
        std::vector<Cell> above;
        for (const Node& child : levels.back()) {
            Box box = child.front().box;
            for (const Cell& cell : child)
                box.include(cell.box);
            above.push_back({0, box}); // its number is given below
        }
        // packed() reorders: carry each child's position in the id until numbering
        for (size_t i = 0; i < above.size(); ++i)
            above[i].id = qint64(i);
        levels.push_back(packed(std::move(above), capacity));
    }

    // Numbers: the root is 1, then level by level down, in order.
    const unsigned depth = unsigned(levels.size() - 1);
    std::vector<std::vector<qint64>> numbers(levels.size());
    qint64 next = 1;
    for (size_t level = levels.size(); level-- > 0;) {
        numbers[level].resize(levels[level].size());
        if (level + 1 == levels.size()) {
            numbers[level][0] = next++;
            continue;
        }
        // in the order the level above lists them
        for (const Node& parent : levels[level + 1])
            for (const Cell& cell : parent)
                numbers[level][size_t(cell.id)] = next++;
    }
    SqliteStatement writeNode =
        db.prepare(QStringLiteral("INSERT OR REPLACE INTO %1 (nodeno, data) VALUES (?, ?)").arg(node));
    SqliteStatement writeParent =
        db.prepare(QStringLiteral("INSERT INTO \"%1_parent\" (nodeno, parentnode) VALUES (?, ?)").arg(rtree));
    SqliteStatement writeRowid =
        db.prepare(QStringLiteral("INSERT INTO \"%1_rowid\" (rowid, nodeno) VALUES (?, ?)").arg(rtree));
    for (size_t level = 0; level < levels.size(); ++level)
        for (size_t i = 0; i < levels[level].size(); ++i) {
            Node& cellsOfNode = levels[level][i]; // written once: its ids become node numbers here
            const qint64 number = numbers[level][i];
            if (level > 0)
                for (Cell& cell : cellsOfNode) {
                    const qint64 child = numbers[level - 1][size_t(cell.id)];
                    writeParent.bind(1, child).bind(2, number);
                    writeParent.run();
                    cell.id = child;
                }
            else
                for (const Cell& cell : cellsOfNode) {
                    writeRowid.bind(1, cell.id).bind(2, number);
                    writeRowid.run();
                }
            writeNode.bind(1, number).bindBlob(2, nodeBlob(cellsOfNode, nodeBytes, number == 1 ? depth : 0));
            writeNode.run();
        }
}

} // namespace gridmodel::PackedRTree
