#pragma once

#include "check/checker.h"
#include "projectdata.h"
#include "reportpage.h"
#include "tablewriter.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace gridmodel {

class HierarchyIndex;

/**
 * What analysts report upward: for each level, per parent and in total, the units,
 * households and residents, the people by role and by status, households per person,
 * units outside their target band, required roles left empty, gaps and overlaps (count and
 * area) and ratio problems; the people holding no role anywhere. The problem figures are the
 * checker's, so the report and the window agree. Always in Chinese, as reports go upward.
 */
class CoverageReport
{
public:
    struct Row
    {
        QString parentCode; //!< empty for the whole district (the top level, and totals)
        QString parentName;
        qint64 units = 0;
        qint64 households = 0;
        qint64 residents = 0;
        qint64 members = 0;                        //!< distinct people holding a role in these units
        std::map<QString, qint64> membersByRole;   //!< role key -> people
        std::map<QString, qint64> membersByStatus; //!< 在职, 离退休 ... -> people
        qint64 outOfBand = 0;                      //!< units outside a target band
        qint64 missingRoles = 0;                   //!< required roles left empty (unit and role)
        qint64 gaps = 0;
        double gapAreaM2 = 0;
        qint64 overlaps = 0;
        double overlapAreaM2 = 0;
        qint64 ratioProblems = 0;
        qint64 problems = 0; //!< every problem of the level here, of any kind

        //! households per person in a role; none where nobody is counted: a ratio of nothing is not 0
        std::optional<double> householdsPerMember() const
        {
            return members ? std::optional<double>(double(households) / double(members)) : std::nullopt;
        }
    };

    /** One unit as the level's list names it: what it counts, who holds its roles, what is wrong. */
    struct UnitLine
    {
        UnitId id = 0;
        QString code;
        QString name;
        QString parentCode; //!< empty at the top level
        QString parentName;
        qint64 households = 0;
        qint64 residents = 0;
        QString externalCode;                        //!< the unit's code in another system; often empty
        std::map<QString, QStringList> peopleByRole; //!< role key -> names, in roster order
        QStringList problems;                        //!< "职务空缺：缺少网格长", in Chinese
    };

    struct Section
    {
        int level = 0;
        QString key;
        QString name;         //!< Chinese
        QStringList roleKeys; //!< the level's roles, in template order
        QStringList roleNames;
        QStringList statuses; //!< the people's statuses found at the level
        TargetBand households;
        std::vector<Row> rows; //!< one per parent, in code order
        Row total;
        std::vector<qint64> householdsPerUnit; //!< for the distribution chart
        std::vector<UnitLine> units;           //!< every unit of the level in scope, in code order
    };

    //! the tables of the report; CSV holds one of them
    enum class Table
    {
        Summary,  //!< per level and parent (combinedTable)
        Units,    //!< every unit of every level (combinedUnitTable)
        Problems, //!< every problem by name (problemTable)
    };
    //! the key a command line names a table by: summary, units, problems (empty for none)
    static std::optional<Table> tableFromKey(const QString& key);

    /** One problem as the list names it: which unit, what, how large. */
    struct ProblemLine
    {
        Problem::Kind kind;
        QString level; //!< Chinese
        QString code;  //!< of the unit involved first (the parent, for a gap)
        QString name;
        double areaM2 = 0;
        QString detail;
    };

    struct ProblemSpot
    {
        Point location;
        Problem::Kind kind;
    };

    QString projectName;
    QString scopeName; //!< the unit reported on ("全辖区" for all)
    QDateTime created;
    int focusLevel = 0; //!< the level the charts and map show
    std::vector<Section> sections;
    qint64 members = 0;
    qint64 assignments = 0;
    qint64 unassignedMembers = 0; //!< people in the roster with no role anywhere
    std::map<Problem::Kind, qint64> problemsByKind;
    std::vector<ProblemSpot> problemSpots;
    std::vector<ProblemLine> problemList; //!< every problem in scope, level by level
    std::vector<MultiPolygon> outlines;   //!< the focus level's parents, for the map
    Envelope extent;
    /**
     * The unit lists name the people in each role. Names are personal data: by default the
     * lists give only how many people hold each role.
     */
    bool namesPeople = false;
    //! whether any unit in scope has an external code: the unit lists then have a column for them
    bool hasExternalCodes = false;
    //! the HTML and PDF list at most this many units per level; XLSX and CSV list them all
    static constexpr int PageUnitLimit = 2000;

    /**
     * The report on `level` (-1: every level) inside `within` (0: the whole district), from
     * the checker's `problems` for the same project.
     */
    static CoverageReport of(const ProjectData& data, const HierarchyIndex& index,
                             const std::vector<Problem>& problems, int level = -1, UnitId within = 0);

    //! the header and a row per parent and a total row, for one section
    std::vector<QStringList> table(const Section& section) const;
    //! every section in one table (CSV): the union of roles and statuses as columns
    std::vector<QStringList> combinedTable() const;
    //! the problems by name: kind, level, code, name, area, detail ("超出目标范围 1": which grid)
    std::vector<QStringList> problemTable() const;
    //! the header and a row per unit of one section: code, name, parent, counts, people by role, problems
    std::vector<QStringList> unitTable(const Section& section) const;
    //! every section's units in one table (CSV): the union of roles as columns
    std::vector<QStringList> combinedUnitTable() const;
    /**
     * Per section a sheet by parent, named by its level ("网格"), and a sheet of its units
     * ("网格清单"); then the problem list (XLSX).
     */
    std::vector<Sheet> sheets() const;

    using Chart = SvgChart;

    //! households per unit against the band, problems by parent, the map of problems
    std::vector<Chart> charts() const;
    /**
     * A self-contained HTML page: summary, the charts, a table per level. With `chartUrls`
     * the charts are images at those URLs, `chartWidth` pixels wide (to lay the page out as
     * PDF, which draws them itself), instead of inline SVG.
     */
    QString toHtml(const QStringList& chartUrls = QStringList(), int chartWidth = 480) const;
    //! "金水区 覆盖情况报告": the page's and the PDF's title
    QString title() const;
    /**
     * Writes the report as `format`: xlsx (every table), csv (the one `table`, in `encoding`) or
     * html (one page). PDF is laid out by mapcore::ReportPdf. Throws Error (InvalidInput for
     * another format, Io when it cannot be written).
     */
    void write(const QString& format, const QString& path,
               TableWriter::Encoding encoding = TableWriter::Encoding::Utf8WithBom,
               Table table = Table::Summary) const;
};

} // namespace gridmodel
