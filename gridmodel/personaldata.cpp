#include "personaldata.h"

#include "sqlitedatabase.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <optional>

namespace gridmodel {

QString maskedPhone(const QString& phone)
{
    const QString digits = phone.trimmed();
    if (digits.isEmpty())
        return QString();
    if (digits.size() >= 11)
        return digits.left(3) + QStringLiteral("****") + digits.right(4);
    if (digits.size() <= 2)
        return QString(digits.size(), QLatin1Char('*'));
    return QString(digits.size() - 2, QLatin1Char('*')) + digits.right(2);
}

bool isPhoneNumber(const QString& phone)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+?[0-9][0-9 \\-]{2,19}$"));
    return pattern.match(phone).hasMatch();
}

PersonalDataRemoval::PersonalDataRemoval(const ProjectData& data)
{
    for (const Member& member : data.members)
        if (!member.name.trimmed().isEmpty())
            mPlaceholderOfName.insert(member.name.trimmed(), placeholderName(member.id));
}

PersonalDataRemoval PersonalDataRemoval::ofMember(const Member& member)
{
    PersonalDataRemoval removal;
    removal.mOnlyMember = member.id;
    if (!member.name.trimmed().isEmpty())
        removal.mPlaceholderOfName.insert(member.name.trimmed(), placeholderName(member.id));
    return removal;
}

void PersonalDataRemoval::learnNames(const ChangeSet& changes)
{
    for (const auto& change : changes.members)
        for (const auto& member : {change.before, change.after})
            if (member && concerns(member->id) && !member->name.trimmed().isEmpty() &&
                !mPlaceholderOfName.contains(member->name.trimmed()))
                mPlaceholderOfName.insert(member->name.trimmed(), placeholderName(member->id));
}

QString PersonalDataRemoval::placeholderName(MemberId id)
{
    return QStringLiteral("成员 %1").arg(id);
}

Member PersonalDataRemoval::withoutPersonal(const Member& member) const
{
    return Member{member.id, placeholderName(member.id), QString(), member.gender, member.status, QString()};
}

Assignment PersonalDataRemoval::withoutPersonal(const Assignment& assignment) const
{
    Assignment kept = assignment;
    kept.linkedHouseholdsNote.clear();
    return kept;
}

Unit PersonalDataRemoval::withoutPersonal(const Unit& unit) const
{
    Unit kept = unit;
    kept.notes.clear();
    return kept;
}

ChangeSet PersonalDataRemoval::withoutPersonal(const ChangeSet& changes) const
{
    ChangeSet kept;
    const auto each = [this](const auto& rows, auto& into, const auto& concerned) {
        for (const auto& change : rows) {
            auto& added = into.emplace_back(change);
            if (added.before && concerned(*added.before))
                added.before = withoutPersonal(*added.before);
            if (added.after && concerned(*added.after))
                added.after = withoutPersonal(*added.after);
        }
    };
    each(changes.units, kept.units, [this](const Unit&) { return !mOnlyMember; });
    each(changes.members, kept.members, [this](const Member& member) { return concerns(member.id); });
    each(changes.assignments, kept.assignments,
         [this](const Assignment& assignment) { return concerns(assignment.memberId); });
    return kept;
}

QString PersonalDataRemoval::withoutNames(const QString& text) const
{
    // the longest names first, so that 王小明 is not left as 成员 1小明 by a member called 王
    QStringList names = mPlaceholderOfName.keys();
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QString result = text;
    for (const QString& name : names)
        result.replace(name, mPlaceholderOfName.value(name));
    return result;
}

void PersonalDataRemoval::applyTo(SqliteDatabase& db, const HierarchyTemplate& hierarchy) const
{
    {
        std::vector<MemberId> members;
        SqliteStatement ids = db.prepare(QStringLiteral("SELECT fid FROM ga_members"));
        while (ids.step())
            members.push_back(ids.integer(0));
        SqliteStatement anonymous = db.prepare(
            QStringLiteral("UPDATE ga_members SET name = ?, phone = '', notes = '' WHERE fid = ?"));
        for (const MemberId id : members) {
            anonymous.bind(1, placeholderName(id)).bind(2, id);
            anonymous.run();
        }
    }
    db.execute(QStringLiteral("UPDATE ga_assignments SET linked_note = ''"));
    for (const LevelDefinition& level : hierarchy.levels())
        db.execute(QStringLiteral("UPDATE \"%1\" SET notes = ''").arg(level.key));
    rewriteHistory(db);
}

void PersonalDataRemoval::rewriteHistory(SqliteDatabase& db) const
{
    // first every step as recorded: the names of people removed since are in it alone
    PersonalDataRemoval everybody = *this;
    struct Step
    {
        qint64 id;
        QString description;
        QByteArray payload; //!< as stored; null for a step without one
        std::optional<ChangeSet> changes;
    };
    std::vector<Step> steps;
    {
        SqliteStatement history =
            db.prepare(QStringLiteral("SELECT id, description, payload FROM ga_history ORDER BY id"));
        while (history.step()) {
            Step step{history.integer(0), history.text(1), QByteArray(), std::nullopt};
            if (!history.isNull(2)) {
                int size = 0;
                const unsigned char* blob = history.blob(2, &size);
                step.payload = QByteArray(reinterpret_cast<const char*>(blob), size);
                step.changes = ChangeSet::deserialize(step.payload);
                everybody.learnNames(*step.changes);
            }
            steps.push_back(std::move(step));
        }
    }
    // only the steps that held something of them are written again (one person: a few of many)
    SqliteStatement update =
        db.prepare(QStringLiteral("UPDATE ga_history SET description = ?, payload = ? WHERE id = ?"));
    for (const Step& step : steps) {
        const QString description = everybody.withoutNames(step.description);
        const QByteArray payload =
            step.changes ? everybody.withoutPersonal(*step.changes).serialize() : QByteArray();
        if (description == step.description && payload == step.payload)
            continue;
        update.bind(1, description);
        if (payload.isNull())
            update.bindNull(2);
        else
            update.bindBlob(2, payload);
        update.bind(3, step.id);
        update.run();
    }
}

} // namespace gridmodel
