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
        std::optional<qint64> households;
        std::optional<qint64> residents;
        std::optional<QString> name;
    };

    /**
     * Sets a unit's counts and/or name. A change in counts is carried up to every
     * ancestor, so totals keep adding up.
     */
    ChangeSet setAttributes(const QString& code, const Attributes& attributes);

private:
    ProjectFile& mProject;
};

} // namespace gridmodel
