#pragma once

#include "importplan.h"
#include "projectdata.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace gridmodel {

class HierarchyIndex;
class VectorSource;

/**
 * Which field of a source holds what an imported unit needs: name, code, parent (the
 * parent's code or external code), households, residents, org (organisation) and external (the
 * unit's code in another system, a 12-digit statistical code, say). Guessed from the field
 * names (ours as exported, common Chinese and English ones), and set by the user.
 */
class FieldMapping
{
public:
    static QStringList targets(); //!< name, code, parent, households, residents, org, external

    static FieldMapping guess(const QStringList& fields);
    /**
     * Sets targets from "name=FIELD,code=FIELD,…" (an empty FIELD leaves a target unmapped);
     * throws Error(InvalidInput) naming an unknown target or a field the source does not have.
     */
    void set(const QString& spec, const QStringList& fields);
    void set(const QString& target, const QString& field) { mFields.insert(target, field); }
    //! the source field for a target; empty when none
    QString field(const QString& target) const { return mFields.value(target); }
    //! "name ← 名称, code ← BM"
    QString describe() const;

private:
    QMap<QString, QString> mFields;
};

/**
 * Brings the boundaries of one level in from a GIS file. Each feature becomes a unit of
 * the level under its parent, found by the parent's code (or external code) in a field, by the unit's own
 * code (the parent's code plus the level's digits), or else by location (the parent holding a point inside
 * the area). Codes are checked against the scheme (or given the next free ones), counts must be whole
 * numbers, and a geometry GEOS finds invalid is refused unless the user agrees to have it repaired. Features
 * sharing a code are refused, or made one unit in pieces when the user agrees (the checker names it when the
 * level wants one piece). Boundaries are taken as drawn: the checker then names any gap or overlap.
 */
class BoundaryImport
{
public:
    struct Options
    {
        int level = -1;
        FieldMapping mapping;
        bool repairInvalid = false; //!< the user's consent to repair invalid geometries
        //! the user's consent to make the features sharing a code one unit (a multipolygon)
        bool mergeSameCode = false;
    };

    static ImportPlan plan(const ProjectData& data, const HierarchyIndex& index, const VectorSource& source,
                           const Options& options);
    //! the same, moving the features' areas into the plan: `source` keeps its fields, not its areas
    static ImportPlan plan(const ProjectData& data, const HierarchyIndex& index, VectorSource&& source,
                           const Options& options);
};

} // namespace gridmodel
