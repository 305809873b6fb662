#pragma once

#include "projectdata.h"

#include <QByteArray>
#include <optional>
#include <vector>

namespace gridmodel {

/**
 * What one edit changed: each row before and after (no "before" for a row it created,
 * no "after" for one it deleted). Stored in the history, so an edit can be undone and
 * redone, also after the file was closed; and handed to views so they refresh only this.
 */
struct ChangeSet
{
    template <typename Row> struct Change
    {
        std::optional<Row> before;
        std::optional<Row> after;
    };

    std::vector<Change<Unit>> units;
    std::vector<Change<Member>> members;
    std::vector<Change<Assignment>> assignments;

    bool isEmpty() const { return units.empty() && members.empty() && assignments.empty(); }
    //! the change that undoes this one
    ChangeSet inverted() const;
    //! makes the rows of `data` what this change leaves them: changed in place, new ones appended
    void applyTo(ProjectData& data) const;

    QByteArray serialize() const;
    //! throws Error(Corrupt) for a payload this version cannot read
    static ChangeSet deserialize(const QByteArray& payload);
};

} // namespace gridmodel
