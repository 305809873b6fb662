#pragma once

#include "changeset.h"

#include <QString>
#include <optional>

namespace gridmodel {

class ProjectFile;

/**
 * The edits a planner makes, as rules: each validates its input, builds one ChangeSet
 * and applies it as one step of the project's history. Throws Error(InvalidInput) naming
 * the problem, and then nothing has changed.
 */
class ProjectEditor
{
public:
    explicit ProjectEditor(ProjectFile& project);

    struct Attributes
    {
        std::optional<qint64> households = std::nullopt;
        std::optional<qint64> residents = std::nullopt;
        std::optional<QString> name = std::nullopt;
        std::optional<QString> organisation = std::nullopt;
        std::optional<QString> notes = std::nullopt;
        std::optional<QString> externalCode = std::nullopt; //!< empty clears it

        //! whether no field is given
        bool isEmpty() const
        {
            return !households && !residents && !name && !organisation && !notes && !externalCode;
        }
    };

    /**
     * Sets a unit's counts, name, organisation, notes or external code. A change in counts is carried up to
     * every ancestor, so totals keep adding up.
     */
    ChangeSet setAttributes(const QString& code, const Attributes& attributes);

    /**
     * Deletes a unit, with everything below it when withChildren is set (otherwise only a
     * unit without children), and the assignments to the deleted units. Its counts are
     * taken off its ancestors.
     */
    ChangeSet deleteUnit(const QString& code, bool withChildren);

    //! adds a person to the roster; returns the new member's id through `id`
    ChangeSet addMember(const Member& member, MemberId* id = nullptr);
    //! puts a member in a role at a unit; the role must be one of the unit's level
    ChangeSet assignMember(MemberId member, const QString& code, const QString& role,
                           qint64 linkedHouseholds = 0, const QString& linkedNote = QString());
    //! takes a member out of a role at a unit (every role there when role is empty)
    ChangeSet unassignMember(MemberId member, const QString& code, const QString& role = QString());

    /**
     * Removes a person from the roster, with every role they hold, as one step of history. Their
     * name, phone, notes and the notes of their linked households go from every step of the
     * history too (PersonalDataRemoval::ofMember): undo brings back "成员 N" in their roles, not
     * what they were. `said` receives what was removed and what undo can no longer bring back.
     */
    ChangeSet removeMember(MemberId member, QString* said = nullptr);

private:
    ProjectFile& mProject;
};

} // namespace gridmodel
