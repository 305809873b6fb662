#pragma once

#include "changeset.h"

#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

class ProjectFile;

/** A row (feature) of an import source that cannot be imported, and why. */
struct ImportProblem
{
    int line = 0; //!< the line of a table, the feature number of a GIS file; 0: the source as a whole
    QString reason;
};

/**
 * What an import would do, shown before it is done (the preview, or `--dry-run`): the changes,
 * the rows it refuses and what the user should know. All or nothing: while any row is
 * refused nothing is imported.
 */
struct ImportPlan
{
    QString source;          //!< the file
    QString encoding;        //!< how its text was read
    int rows = 0;            //!< rows or features read
    bool ofFeatures = false; //!< the problems' numbers are features of a GIS file, not lines of a table
    ChangeSet changes;
    std::vector<ImportProblem> problems; //!< refused rows: the import cannot be applied
    std::vector<ImportProblem> notes;    //!< done but worth knowing (a repaired geometry ...)
    QString description;                 //!< the history's words for it, e.g. "导入 12 个网格"

    bool canApply() const { return problems.empty() && !changes.isEmpty(); }
    //! applies the changes as one step of the project's history; throws Error(InvalidInput)
    //! naming the first problem when the plan cannot be applied
    void apply(ProjectFile& project) const&;
    //! the same, its units moved into the project (the plan keeps its problems, notes and words)
    void apply(ProjectFile& project) &&;
    //! "line 3: the name is empty" (or "feature 3: …"), one per line, at most `limit` then "… and N more"
    QString problemText(int limit = 50) const;
    //! the notes, as problemText() words the problems
    QString noteText(int limit = 50) const;

private:
    //! throws Error(InvalidInput) naming the first problem, or saying there is nothing to import
    void requireApplicable() const;
};

/**
 * A count as an imported cell holds it (households, residents, linked households): a whole
 * number from 0 to Counts::Max, from "12", "12.0" or "1,234"; an empty cell is 0. nullopt otherwise.
 */
std::optional<qint64> importedCount(const QString& text);

/**
 * Counts an import changes, carried up the hierarchy as editing a count carries them: each unit
 * it touches once, as it will be after. Then into the plan, refusing totals no unit can hold.
 */
class CountRollup
{
public:
    explicit CountRollup(const HierarchyIndex& index) : mIndex(index) {}

    //! adds to the unit's counts and to those of every unit above it (a cycle ends the walk)
    void add(const Unit& unit, qint64 households, qint64 residents);
    //! the units changed, for the plan's changes; a problem for each total beyond what a unit holds
    void addTo(ImportPlan& plan) const;
    size_t size() const { return mChanged.size(); }

private:
    Unit& after(const Unit& unit);

    const HierarchyIndex& mIndex;
    std::map<UnitId, Unit> mChanged; //!< id -> the unit after
};

//! why the unit's counts cannot stand ("… would count …, beyond what a unit can hold"); empty when they can
QString countsBeyondWhatAUnitHolds(const Unit& unit);

} // namespace gridmodel
