#pragma once

#include "geometry.h"
#include "hierarchytemplate.h"
#include "reference/referencelayer.h"

#include <QString>
#include <algorithm>
#include <limits>
#include <vector>

namespace gridmodel {

using UnitId = qint64;
using MemberId = qint64;

/**
 * The households (residents, linked households) one unit may count: 0 to 10⁸, more than any
 * district holds. Edits and imports refuse counts beyond, so that no total can overflow; the
 * checker names a unit whose file holds one all the same.
 */
namespace Counts {
constexpr qint64 Max = 100'000'000;
inline bool inRange(qint64 count)
{
    return count >= 0 && count <= Max;
}
//! a + b for totals over counts a damaged file may hold: held at the limits instead of wrapping
inline qint64 add(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}
} // namespace Counts

/** An area at one level of the hierarchy: 街道, 社区, 网格, 楼栋 or 党员责任区. */
struct Unit
{
    UnitId id = 0;       //!< unique across all levels of a project
    int level = 0;       //!< index into the template's levels
    UnitId parentId = 0; //!< 0 at the top level
    QString code;        //!< hierarchical: the parent's code plus the level's digits
    QString name;
    QString organisation; //!< e.g. 第三网格党支部
    MultiPolygon boundary;
    qint64 households = 0;
    qint64 residents = 0;
    QString notes;
    //! the unit's code in another system (a 12-digit statistical code, "SQ-3-2"), kept beside ours
    QString externalCode = {};
};

/** A person who can be assigned to units in roles. Name and phone are personal data. */
struct Member
{
    MemberId id = 0;
    QString name;
    QString phone;
    QString gender; //!< 男 / 女
    QString status; //!< 在职 / 离退休 / 流动 ...
    QString notes;
};

/** A member in a role at a unit, with the households they keep in touch with ("1+10"). */
struct Assignment
{
    qint64 id = 0;
    MemberId memberId = 0;
    UnitId unitId = 0;
    QString role; //!< a role key of the unit's level
    qint64 linkedHouseholds = 0;
    QString linkedHouseholdsNote; //!< which households, e.g. "3号楼1单元101—502"
};

/** Everything a project file holds but its history. */
/**
 * A problem the planner looked at and accepts as it is (an exclave kept on purpose), with
 * why: the checker still finds it, but marks it accepted, and it no longer counts.
 */
struct AcceptedProblem
{
    QString kindKey;  //!< Problem::kindKey, e.g. "not_contiguous"
    QString unitCode; //!< the code of the problem's first unit
    QString note;
    bool operator==(const AcceptedProblem& other) const
    {
        return kindKey == other.kindKey && unitCode == other.unitCode && note == other.note;
    }
};

/**
 * The accepted problems with one more (its note replacing an earlier one for the same kind
 * and unit), or, with `note` empty, with that one taken out.
 */
inline std::vector<AcceptedProblem> withAcceptedProblem(std::vector<AcceptedProblem> accepted,
                                                        const QString& kindKey, const QString& unitCode,
                                                        const QString& note)
{
    accepted.erase(std::remove_if(accepted.begin(), accepted.end(),
                                  [&](const AcceptedProblem& a) {
                                      return a.kindKey == kindKey && a.unitCode == unitCode;
                                  }),
                   accepted.end());
    if (!note.trimmed().isEmpty())
        accepted.push_back({kindKey, unitCode, note.trimmed()});
    return accepted;
}

struct ProjectData
{
    QString name;
    int crsEpsg = 0;
    HierarchyTemplate hierarchy;
    /**
     * Read from a file level by level, by id. An open project's edits add units at the end and
     * fill a removed unit's place with the last one (so no other moves in memory); where order
     * matters, HierarchyIndex::children() gives file order.
     */
    std::vector<Unit> units;
    std::vector<Member> members;
    std::vector<Assignment> assignments; //!< as units: an open project's edits change the order
    std::vector<AcceptedProblem> acceptedProblems;
    /**
     * The project says its counts are not entered yet (a district just drawn or imported):
     * findings about households and residents are data not entered, not faults.
     */
    bool countsNotEnteredYet = false;
    //! what the planner draws against, under the levels, top first (outside the edit history)
    std::vector<ReferenceLayer> referenceLayers;
};

/** The lowest id above every row's (units, members, assignments): where new rows start. */
template <typename Row> qint64 nextFreeId(const std::vector<Row>& rows)
{
    qint64 next = 1;
    for (const Row& row : rows)
        next = std::max(next, row.id + 1);
    return next;
}

} // namespace gridmodel
