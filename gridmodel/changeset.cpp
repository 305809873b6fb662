#include "changeset.h"

#include "error.h"
#include "gpkggeometry.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QHash>
#include <QIODevice>
#include <algorithm>
#include <type_traits>

namespace gridmodel {

namespace {

constexpr quint32 PayloadMagic = 0x47414353; // "GACS"
//! 2 adds the units' external codes; entries written before are still read
constexpr quint16 PayloadVersion = 2;

/**
 * Writes the payload in QDataStream's format (Qt 5.15: big-endian numbers, a bool as one byte,
 * strings as UTF-16 with their byte length, 0xFFFFFFFF for a null one), straight into the
 * bytes: a 200,000-unit import's step is written in a fifth of QDataStream's time. Read back
 * with QDataStream, so entries written by either read alike.
 */
class PayloadWriter
{
public:
    explicit PayloadWriter(QByteArray& bytes) : mBytes(bytes) {}

    template <typename Number> PayloadWriter& operator<<(Number value)
    {
        static_assert(std::is_integral_v<Number>);
        char big[sizeof(Number)];
        auto bits = static_cast<std::make_unsigned_t<Number>>(value);
        for (size_t i = sizeof(Number); i-- > 0; bits = static_cast<decltype(bits)>(bits >> 8))
            big[i] = static_cast<char>(bits & 0xff);
        mBytes.append(big, sizeof(Number));
        return *this;
    }
    PayloadWriter& operator<<(bool value) { return *this << static_cast<qint8>(value ? 1 : 0); }
    PayloadWriter& operator<<(const QString& text)
    {
        if (text.isNull())
            return *this << quint32(0xffffffff);
        *this << quint32(text.size() * 2);
        for (const QChar c : text)
            *this << c.unicode();
        return *this;
    }
    PayloadWriter& operator<<(const QByteArray& bytes)
    {
        if (bytes.isNull())
            return *this << quint32(0xffffffff);
        *this << quint32(bytes.size());
        mBytes.append(bytes);
        return *this;
    }

private:
    QByteArray& mBytes;
};

void write(PayloadWriter& out, const Unit& unit)
{
    out << unit.id << qint32(unit.level) << unit.parentId << unit.code << unit.name << unit.organisation
        << GpkgGeometry::encode(unit.boundary, 0) << unit.households << unit.residents << unit.notes
        << unit.externalCode;
}

void read(QDataStream& in, Unit& unit, quint16 version)
{
    qint32 level = 0;
    QByteArray boundary;
    in >> unit.id >> level >> unit.parentId >> unit.code >> unit.name >> unit.organisation >> boundary >>
        unit.households >> unit.residents >> unit.notes;
    if (version >= 2)
        in >> unit.externalCode;
    unit.level = level;
    unit.boundary = GpkgGeometry::decode(boundary);
}

void write(PayloadWriter& out, const Member& member)
{
    out << member.id << member.name << member.phone << member.gender << member.status << member.notes;
}

void read(QDataStream& in, Member& member, quint16 /*version*/)
{
    in >> member.id >> member.name >> member.phone >> member.gender >> member.status >> member.notes;
}

void write(PayloadWriter& out, const Assignment& assignment)
{
    out << assignment.id << assignment.memberId << assignment.unitId << assignment.role
        << assignment.linkedHouseholds << assignment.linkedHouseholdsNote;
}

void read(QDataStream& in, Assignment& assignment, quint16 /*version*/)
{
    in >> assignment.id >> assignment.memberId >> assignment.unitId >> assignment.role >>
        assignment.linkedHouseholds >> assignment.linkedHouseholdsNote;
}

/**
 * Where the rows with given ids are. An edit's few rows are found by halving, as rows are kept
 * in id order, and looked for one by one where they are not; many rows go through a hash.
 */
template <typename Row> class RowPositions
{
public:
    RowPositions(const std::vector<Row>& rows, size_t lookups) : mRows(rows)
    {
        if (lookups <= 32)
            return;
        mHashed = true;
        mPosition.reserve(static_cast<qsizetype>(rows.size()));
        for (size_t i = 0; i < rows.size(); ++i)
            mPosition.insert(rows[i].id, i);
    }

    //! the row with the id that is not deleted
    std::optional<size_t> find(qint64 id, const std::vector<bool>& deleted) const
    {
        if (mHashed) {
            const auto found = mPosition.constFind(id);
            return found == mPosition.constEnd() ? std::nullopt : std::optional<size_t>(*found);
        }
        const auto byId = std::lower_bound(mRows.begin(), mRows.end(), id,
                                           [](const Row& row, qint64 wanted) { return row.id < wanted; });
        if (byId != mRows.end() && byId->id == id && !deleted[static_cast<size_t>(byId - mRows.begin())])
            return static_cast<size_t>(byId - mRows.begin());
        for (size_t i = 0; i < mRows.size(); ++i)
            if (mRows[i].id == id && !deleted[i])
                return i;
        return std::nullopt;
    }

    void added(qint64 id, size_t position)
    {
        if (mHashed)
            mPosition.insert(id, position);
    }
    void removed(qint64 id)
    {
        if (mHashed)
            mPosition.remove(id);
    }

private:
    const std::vector<Row>& mRows;
    bool mHashed = false;
    QHash<qint64, size_t> mPosition;
};

//! rows changed in place, new ones appended, deleted ones removed (the others keep their order)
template <typename Row>
void applyRows(std::vector<Row>& rows, const std::vector<ChangeSet::Change<Row>>& changes)
{
    if (changes.empty())
        return;
    RowPositions<Row> positions(rows, changes.size());
    std::vector<bool> deleted(rows.size(), false);
    for (const auto& change : changes) {
        const qint64 id = change.after ? change.after->id : change.before->id;
        const std::optional<size_t> found = positions.find(id, deleted);
        if (change.after && found) {
            rows[*found] = *change.after;
        } else if (change.after) {
            positions.added(id, rows.size());
            rows.push_back(*change.after);
            deleted.push_back(false);
        } else if (found) {
            deleted[*found] = true;
            positions.removed(id);
        }
    }
    if (std::find(deleted.begin(), deleted.end(), true) == deleted.end())
        return;
    size_t kept = 0;
    for (size_t i = 0; i < rows.size(); ++i)
        if (!deleted[i]) {
            if (kept != i) // a vector moved onto itself would be left empty
                rows[kept] = std::move(rows[i]);
            ++kept;
        }
    rows.resize(kept);
}

template <typename Row>
void writeChanges(PayloadWriter& out, const std::vector<ChangeSet::Change<Row>>& changes)
{
    out << quint32(changes.size());
    for (const auto& change : changes)
        for (const std::optional<Row>* side : {&change.before, &change.after}) {
            out << bool(side->has_value());
            if (*side)
                write(out, **side);
        }
}

template <typename Row>
void readChanges(QDataStream& in, quint16 version, std::vector<ChangeSet::Change<Row>>& changes)
{
    quint32 count = 0;
    in >> count;
    if (count > 50'000'000)
        throw Error(Error::Kind::Corrupt,
                    QCoreApplication::translate("gridmodel", "A history entry is damaged"));
    changes.resize(count);
    for (auto& change : changes)
        for (std::optional<Row>* side : {&change.before, &change.after}) {
            bool present = false;
            in >> present;
            if (present) {
                Row row;
                read(in, row, version);
                *side = std::move(row);
            }
        }
}

template <typename Row> void invert(std::vector<ChangeSet::Change<Row>>& changes)
{
    std::reverse(changes.begin(), changes.end());
    for (auto& change : changes)
        std::swap(change.before, change.after);
}

} // namespace

ChangeSet ChangeSet::inverted() const
{
    ChangeSet result = *this;
    invert(result.units);
    invert(result.members);
    invert(result.assignments);
    return result;
}

QByteArray ChangeSet::serialize() const
{
    QByteArray payload;
    payload.reserve(qsizetype(64 + 400 * units.size() + 100 * (members.size() + assignments.size())));
    PayloadWriter out(payload);
    out << PayloadMagic << PayloadVersion;
    writeChanges(out, units);
    writeChanges(out, members);
    writeChanges(out, assignments);
    return payload;
}

ChangeSet ChangeSet::deserialize(const QByteArray& payload)
{
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_5_15);
    quint32 magic = 0;
    quint16 version = 0;
    in >> magic >> version;
    if (magic != PayloadMagic || version < 1 || version > PayloadVersion)
        throw Error(Error::Kind::Corrupt,
                    QCoreApplication::translate("gridmodel", "A history entry cannot be read"));
    ChangeSet result;
    readChanges(in, version, result.units);
    readChanges(in, version, result.members);
    readChanges(in, version, result.assignments);
    if (in.status() != QDataStream::Ok)
        throw Error(Error::Kind::Corrupt,
                    QCoreApplication::translate("gridmodel", "A history entry is damaged"));
    return result;
}

void ChangeSet::applyTo(ProjectData& data) const
{
    applyRows(data.units, units);
    applyRows(data.members, members);
    applyRows(data.assignments, assignments);
}

} // namespace gridmodel
