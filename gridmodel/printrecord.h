#pragma once

#include "check/checker.h"
#include "projectdata.h"

#include <QHash>
#include <QString>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/**
 * What was printed last time for a set of pages (an output file or folder), so that only
 * the pages whose unit changed need printing again. A page's fingerprint covers everything
 * it shows: the sheet (names, roster, counts, problems), the unit's boundary, its children
 * and its neighbours. Kept as JSON beside the output.
 */
class PrintRecord
{
public:
    //! the record kept for an output file or folder
    static QString pathFor(const QString& output);
    //! reads a record; none yet (or unreadable) is an empty record
    static PrintRecord load(const QString& path);
    //! writes it whole (beside, then renamed); throws Error(Io)
    void save(const QString& path) const;

    //! pages as they would print now: unit code -> fingerprint (hex)
    using Pages = QHash<QString, QByteArray>;

    //! the fingerprints of the units' pages, each taken once for comparing and remembering
    static Pages fingerprints(const ProjectData& data, const HierarchyIndex& index,
                              const std::vector<UnitId>& units, const std::vector<Problem>& problems,
                              bool showPhones);

    //! the units whose page in `now` differs from the one printed last (or was never printed)
    std::vector<UnitId> changed(const HierarchyIndex& index, const std::vector<UnitId>& units,
                                const Pages& now) const;
    //! remembers the pages of the `printed` units as they are in `now`
    void remember(const HierarchyIndex& index, const std::vector<UnitId>& printed, const Pages& now);

    int size() const { return mPrinted.size(); }

private:
    QHash<QString, QByteArray> mPrinted; //!< unit code -> fingerprint (hex)
};

} // namespace gridmodel
