#pragma once

#include "hierarchyindex.h"
#include "projectdata.h"

#include <QSet>
#include <QString>

namespace gridmodel {

/**
 * The template's code scheme: a unit's code is its parent's code followed by the level's
 * number of digits (410105001 street, 41010500101 community ...). Top-level units share
 * the district's prefix.
 */
class CodeScheme
{
public:
    CodeScheme(const ProjectData& data, const HierarchyIndex& index);

    /**
     * The lowest free code for a new unit at `level` under `parent` (nullptr at the top).
     * `taken` holds codes handed out in the same edit. Throws Error(InvalidInput) when
     * the level's digits are used up.
     *
     * Work that gives many codes under one parent (an import) passes `searchFrom`: the number
     * to start at, all below it known taken, and after the call the number of the code given.
     * A family of n new units then costs n look-ups, not n².
     */
    QString nextCode(int level, const Unit* parent, const QSet<QString>& taken = {},
                     qint64* searchFrom = nullptr) const;

    /**
     * Why `code` cannot be used for a unit at `level` under `parent` (empty when it can):
     * taken by another unit, not digits, not the parent's code plus the level's digits.
     * `self` is the unit being recoded, whose own code does not count as taken.
     */
    QString whyNot(const QString& code, int level, const Unit* parent, UnitId self = 0,
                   const QSet<QString>& taken = {}) const;

    /**
     * Why `externalCode` (a unit's code in another system) cannot be given to a unit at `level`
     * (empty when it can): longer than ExternalCodeMaxLength, holding control characters, held by
     * another unit of the level (or by a unit as its code), or in `taken` (given in the same edit).
     */
    QString whyNotExternal(const QString& externalCode, int level, UnitId self = 0,
                           const QSet<QString>& taken = {}) const;
    static constexpr int ExternalCodeMaxLength = 64;

    //! the code of the parent a unit at `level` with `code` belongs under (empty when the code is too short)
    QString parentCodeOf(const QString& code, int level) const;

    //! the code a descendant gets when its ancestor's code changes from oldPrefix to newPrefix
    static QString recoded(const QString& code, const QString& oldPrefix, const QString& newPrefix);

private:
    QString prefixFor(int level, const Unit* parent) const;

    const ProjectData& mData;
    const HierarchyIndex& mIndex;
};

} // namespace gridmodel
