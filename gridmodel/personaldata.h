#pragma once

#include "changeset.h"
#include "projectdata.h"

#include <QHash>
#include <QString>
#include <optional>

namespace gridmodel {

class SqliteDatabase;

/**
 * Phone numbers are personal data: shown, printed and exported masked unless the user
 * chooses otherwise. 13812345678 → 138****5678; shorter numbers keep only their last two
 * digits visible.
 */
QString maskedPhone(const QString& phone);

//! whether the text can be a phone number (digits, spaces, hyphens, a leading +): one rule for every way in
bool isPhoneNumber(const QString& phone);

/**
 * A project handed on (to the street office, to a contractor) without the personal data in it:
 * every member becomes "成员 N" (N their id) with their gender and status, and keeps their roles
 * and counts of linked households; names, phones and notes of members, the notes of units (they
 * may name people) and the notes of linked households (room numbers) are dropped. The history
 * goes the same way, its records and its words, so that undo still works on the copy and
 * nothing of a person can be read back from it.
 */
class PersonalDataRemoval
{
public:
    //! knows the members' names, to take them out of the history's words too
    explicit PersonalDataRemoval(const ProjectData& data);
    /**
     * Only this person's data, for removing one person from the roster: their member rows and
     * the notes of their linked households, in the history as in the tables; everybody else's
     * stays. Units' notes are left, as they are not the person's.
     */
    static PersonalDataRemoval ofMember(const Member& member);

    static QString placeholderName(MemberId id);

    Member withoutPersonal(const Member& member) const;
    Assignment withoutPersonal(const Assignment& assignment) const;
    Unit withoutPersonal(const Unit& unit) const;
    ChangeSet withoutPersonal(const ChangeSet& changes) const;
    //! the words of a history step with every known member's name replaced by their placeholder
    QString withoutNames(const QString& text) const;

    /**
     * Rewrites a project file's tables and history so. Run inside a transaction on a copy; the
     * caller VACUUMs afterwards, so that no freed page still holds what was removed.
     */
    void applyTo(SqliteDatabase& db, const HierarchyTemplate& hierarchy) const;
    /**
     * Rewrites every step of the history, its records and its words, so (inside the caller's
     * transaction). Undo goes on working: it brings back what is left.
     */
    void rewriteHistory(SqliteDatabase& db) const;

private:
    PersonalDataRemoval() = default;
    bool concerns(MemberId id) const { return !mOnlyMember || *mOnlyMember == id; }

    //! also the names of members the history holds and the project no longer does
    void learnNames(const ChangeSet& changes);

    QHash<QString, QString> mPlaceholderOfName; //!< every name a member had, to their placeholder
    std::optional<MemberId> mOnlyMember;        //!< one person's data only (ofMember)
};

} // namespace gridmodel
