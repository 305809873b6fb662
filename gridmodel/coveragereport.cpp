#include "coveragereport.h"

#include "error.h"
#include "hierarchyindex.h"
#include "reportpage.h"
#include "tablewriter.h"
#include "translation.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace gridmodel {

namespace {

using reportpage::svgStart;

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString number(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

QString bandText(const TargetBand& band)
{
    if (!band.isSet())
        return QString();
    if (band.min && band.max)
        return QStringLiteral("%1–%2").arg(*band.min).arg(*band.max);
    return band.min ? QStringLiteral("≥%1").arg(*band.min) : QStringLiteral("≤%1").arg(*band.max);
}

QString kindColour(Problem::Kind kind)
{
    switch (kind) {
    case Problem::Kind::Gap:
        return QStringLiteral("#d62728");
    case Problem::Kind::Overlap:
    case Problem::Kind::OutsideParent:
        return QStringLiteral("#9467bd");
    case Problem::Kind::MissingRole:
    case Problem::Kind::RoleOverfilled:
        return QStringLiteral("#ff7f0e");
    case Problem::Kind::OutOfBand:
    case Problem::Kind::Ratio:
        return QStringLiteral("#1f77b4");
    default:
        return QStringLiteral("#7f7f7f");
    }
}

/** People counted once per row and once in the total. */
struct PeopleTally
{
    QSet<MemberId> all;
    QHash<QString, QSet<MemberId>> byRole;
    QHash<QString, QSet<MemberId>> byStatus;

    void add(const Assignment& assignment, const Member* member)
    {
        all.insert(assignment.memberId);
        byRole[assignment.role].insert(assignment.memberId);
        byStatus[member && !member->status.isEmpty() ? member->status : QStringLiteral("未填")].insert(
            assignment.memberId);
    }

    void writeTo(CoverageReport::Row& row) const
    {
        row.members = all.size();
        for (auto it = byRole.begin(); it != byRole.end(); ++it)
            row.membersByRole[it.key()] = it.value().size();
        for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
            row.membersByStatus[it.key()] = it.value().size();
    }
};

//! counts a problem in a row; a unit outside its band counts once however many bands it misses
void addProblem(CoverageReport::Row& row, const Problem& problem, bool firstOutOfBandOfUnit)
{
    ++row.problems;
    switch (problem.kind) {
    case Problem::Kind::Gap:
        ++row.gaps;
        row.gapAreaM2 += problem.areaM2;
        break;
    case Problem::Kind::Overlap:
        ++row.overlaps;
        row.overlapAreaM2 += problem.areaM2;
        break;
    case Problem::Kind::MissingRole:
        ++row.missingRoles;
        break;
    case Problem::Kind::Ratio:
        ++row.ratioProblems;
        break;
    case Problem::Kind::OutOfBand:
        if (firstOutOfBandOfUnit)
            ++row.outOfBand;
        break;
    default:
        break;
    }
}

} // namespace

CoverageReport CoverageReport::of(const ProjectData& data, const HierarchyIndex& index,
                                  const std::vector<Problem>& problems, int level, UnitId within)
{
    CoverageReport report;
    report.projectName = data.name;
    const Unit* scope = within ? index.unit(within) : nullptr;
    report.scopeName =
        scope ? QStringLiteral("%1（%2）").arg(scope->name, scope->code) : QStringLiteral("全辖区");
    report.created = QDateTime::currentDateTime();
    report.focusLevel = level >= 0 ? level : data.hierarchy.defaultEditingLevel();
    report.members = static_cast<qint64>(data.members.size());
    report.assignments = static_cast<qint64>(data.assignments.size());
    const auto inScope = [&](const Unit& unit) { return !within || index.isWithin(unit, within); };

    QHash<MemberId, const Member*> memberById;
    for (const Member& member : data.members)
        memberById.insert(member.id, &member);
    QHash<UnitId, std::vector<const Assignment*>> assignmentsOf;
    QSet<MemberId> assigned;
    for (const Assignment& assignment : data.assignments) {
        assignmentsOf[assignment.unitId].push_back(&assignment);
        assigned.insert(assignment.memberId);
    }
    for (const Member& member : data.members)
        if (!assigned.contains(member.id))
            ++report.unassignedMembers;

    QHash<UnitId, size_t> lineOfParent; // the previous section's lines, for the gaps of its units
    for (int l = 0; l < data.hierarchy.levelCount(); ++l) {
        if (level >= 0 && l != level)
            continue;
        const LevelDefinition& definition = data.hierarchy.level(l);
        Section section;
        section.level = l;
        section.key = definition.key;
        section.name = definition.name.text(QStringLiteral("zh"));
        section.households = definition.households;
        for (const RoleDefinition& role : definition.roles) {
            section.roleKeys << role.key;
            section.roleNames << role.name.text(QStringLiteral("zh"));
        }
        std::map<QString, Row> rowsByCode; // parent code -> row
        QHash<UnitId, QString> rowOfParent;
        QHash<QString, PeopleTally> people;
        PeopleTally everybody;
        for (const Unit& unit : data.units) {
            if (unit.level != l || !inScope(unit))
                continue;
            const Unit* parent = l > 0 ? index.unit(unit.parentId) : nullptr;
            const QString key = parent ? parent->code : QString();
            Row& row = rowsByCode[key];
            if (row.units == 0) {
                row.parentCode = key;
                row.parentName = parent ? parent->name : report.scopeName;
                rowOfParent.insert(parent ? parent->id : 0, key);
            }
            ++row.units;
            row.households = Counts::add(row.households, unit.households);
            row.residents = Counts::add(row.residents, unit.residents);
            section.householdsPerUnit.push_back(unit.households);
            UnitLine line{unit.id,
                          unit.code,
                          unit.name,
                          parent ? parent->code : QString(),
                          parent ? parent->name : QString(),
                          unit.households,
                          unit.residents,
                          unit.externalCode,
                          {},
                          {}};
            report.hasExternalCodes = report.hasExternalCodes || !unit.externalCode.isEmpty();
            const auto held = assignmentsOf.constFind(unit.id);
            if (held != assignmentsOf.constEnd()) {
                PeopleTally& tally = people[key];
                for (const Assignment* assignment : *held) {
                    const Member* member = memberById.value(assignment->memberId);
                    tally.add(*assignment, member);
                    everybody.add(*assignment, member);
                    line.peopleByRole[assignment->role] << (member ? member->name : QString());
                }
            }
            section.units.push_back(std::move(line));
        }
        if (rowsByCode.empty())
            continue;
        std::sort(section.units.begin(), section.units.end(),
                  [](const UnitLine& a, const UnitLine& b) { return a.code < b.code; });
        QHash<UnitId, size_t> lineOfUnit; // unit -> its line in section.units
        lineOfUnit.reserve(static_cast<qsizetype>(section.units.size()));
        for (size_t i = 0; i < section.units.size(); ++i)
            lineOfUnit.insert(section.units[i].id, i);
        for (auto& [key, row] : rowsByCode)
            people[key].writeTo(row);

        QSet<UnitId> outOfBandUnits;
        for (const Problem& problem : problems) {
            if (problem.level != l)
                continue;
            bool involved = !within;
            for (UnitId id : problem.units)
                if (const Unit* unit = index.unit(id); unit && !involved)
                    involved = inScope(*unit);
            if (!involved)
                continue;
            // the row: the parent of the unit at this level, or the parent itself (a gap)
            QString key;
            bool found = false;
            for (UnitId id : problem.units) {
                const Unit* unit = index.unit(id);
                if (unit && unit->level == l && rowOfParent.contains(l > 0 ? unit->parentId : 0)) {
                    key = rowOfParent.value(l > 0 ? unit->parentId : 0);
                    found = true;
                    break;
                }
                if (unit && unit->level == l - 1 && rowOfParent.contains(unit->id)) {
                    key = rowOfParent.value(unit->id);
                    found = true;
                    break;
                }
            }
            bool firstOutOfBand = false;
            if (problem.kind == Problem::Kind::OutOfBand && !problem.units.empty() &&
                !outOfBandUnits.contains(problem.units.front())) {
                outOfBandUnits.insert(problem.units.front());
                firstOutOfBand = true;
            }
            const Unit* named = problem.units.empty() ? nullptr : index.unit(problem.units.front());
            report.problemList.push_back({problem.kind, section.name, named ? named->code : QString(),
                                          named ? named->name : QString(), problem.areaM2, problem.detailZh});
            // on the line of every unit of the level involved; a gap, which has none, on its parent's
            const QString said =
                problem.detailZh.isEmpty()
                    ? Problem::kindText(problem.kind).zh
                    : QStringLiteral("%1：%2").arg(Problem::kindText(problem.kind).zh, problem.detailZh);
            bool listed = false;
            for (UnitId id : problem.units)
                if (const auto line = lineOfUnit.constFind(id); line != lineOfUnit.cend()) {
                    section.units[*line].problems << said;
                    listed = true;
                }
            if (!listed && named && !report.sections.empty() && report.sections.back().level == l - 1)
                if (const auto line = lineOfParent.constFind(named->id); line != lineOfParent.cend())
                    report.sections.back().units[*line].problems << said;
            addProblem(section.total, problem, firstOutOfBand);
            if (found)
                addProblem(rowsByCode[key], problem, firstOutOfBand);
            ++report.problemsByKind[problem.kind];
            if (l == report.focusLevel)
                report.problemSpots.push_back({problem.location, problem.kind});
        }
        for (auto& [key, row] : rowsByCode) {
            section.total.units += row.units;
            section.total.households = Counts::add(section.total.households, row.households);
            section.total.residents = Counts::add(section.total.residents, row.residents);
            section.rows.push_back(row);
        }
        section.total.parentCode = QStringLiteral("合计");
        section.total.parentName = report.scopeName;
        everybody.writeTo(section.total);
        QSet<QString> statuses;
        for (const Row& row : section.rows)
            for (const auto& [status, count] : row.membersByStatus)
                statuses.insert(status);
        section.statuses = statuses.values();
        std::sort(section.statuses.begin(), section.statuses.end());
        report.sections.push_back(std::move(section));
        lineOfParent = std::move(lineOfUnit);
    }

    // the map: the focus level's parents (or the level itself at the top) in scope
    const int outlineLevel = std::max(0, report.focusLevel - 1);
    for (const Unit& unit : data.units)
        if (unit.level == outlineLevel && inScope(unit)) {
            report.outlines.push_back(unit.boundary);
            report.extent.include(unit.boundary.envelope());
        }
    if (report.outlines.empty() && scope) {
        report.outlines.push_back(scope->boundary);
        report.extent.include(scope->boundary.envelope());
    }
    return report;
}

std::vector<QStringList> CoverageReport::table(const Section& section) const
{
    QStringList header{QStringLiteral("上级编码"), QStringLiteral("上级名称"), QStringLiteral("单元数"),
                       QStringLiteral("户数"),     QStringLiteral("人口"),     QStringLiteral("户数目标"),
                       QStringLiteral("人员数")};
    for (const QString& role : section.roleNames)
        header << role;
    for (const QString& status : section.statuses)
        header << status;
    header << QStringLiteral("户数÷人员数") << QStringLiteral("超出目标范围") << QStringLiteral("职务空缺")
           << QStringLiteral("缺口") << QStringLiteral("缺口面积(平方米)") << QStringLiteral("重叠")
           << QStringLiteral("重叠面积(平方米)") << QStringLiteral("比例问题") << QStringLiteral("问题总数");
    std::vector<QStringList> rows{header};
    const auto line = [&](const Row& row) {
        QStringList cells{row.parentCode,
                          row.parentName,
                          QString::number(row.units),
                          QString::number(row.households),
                          QString::number(row.residents),
                          bandText(section.households),
                          QString::number(row.members)};
        for (const QString& role : section.roleKeys)
            cells << QString::number(row.membersByRole.count(role) ? row.membersByRole.at(role) : 0);
        for (const QString& status : section.statuses)
            cells << QString::number(row.membersByStatus.count(status) ? row.membersByStatus.at(status) : 0);
        const std::optional<double> ratio = row.householdsPerMember();
        cells << (ratio ? number(*ratio) : TableWriter::noValue()) << QString::number(row.outOfBand)
              << QString::number(row.missingRoles) << QString::number(row.gaps) << number(row.gapAreaM2)
              << QString::number(row.overlaps) << number(row.overlapAreaM2)
              << QString::number(row.ratioProblems) << QString::number(row.problems);
        return cells;
    };
    for (const Row& row : section.rows)
        rows.push_back(line(row));
    rows.push_back(line(section.total));
    return rows;
}

std::vector<QStringList> CoverageReport::problemTable() const
{
    std::vector<QStringList> rows{{QStringLiteral("问题"), QStringLiteral("层级"), QStringLiteral("单元编码"),
                                   QStringLiteral("单元名称"), QStringLiteral("面积(平方米)"),
                                   QStringLiteral("说明")}};
    for (const ProblemLine& line : problemList)
        rows.push_back({Problem::kindText(line.kind).zh, line.level, line.code, line.name,
                        line.areaM2 > 0 ? number(line.areaM2) : TableWriter::noValue(), line.detail});
    return rows;
}

std::vector<QStringList> CoverageReport::unitTable(const Section& section) const
{
    QStringList header{QStringLiteral("编码"),     QStringLiteral("名称"), QStringLiteral("上级编码"),
                       QStringLiteral("上级名称"), QStringLiteral("户数"), QStringLiteral("人口"),
                       QStringLiteral("户数目标")};
    if (hasExternalCodes)
        header.insert(2, QStringLiteral("外部编码"));
    header << section.roleNames << QStringLiteral("问题");
    std::vector<QStringList> rows{header};
    rows.reserve(section.units.size() + 1);
    const QString band = bandText(section.households);
    for (const UnitLine& line : section.units) {
        QStringList cells{line.code,
                          line.name,
                          line.parentCode,
                          line.parentName,
                          QString::number(line.households),
                          QString::number(line.residents),
                          band};
        if (hasExternalCodes)
            cells.insert(2, line.externalCode);
        for (const QString& role : section.roleKeys) {
            const auto held = line.peopleByRole.find(role);
            const QStringList people = held == line.peopleByRole.end() ? QStringList() : held->second;
            cells << (namesPeople ? people.join(QStringLiteral("、")) : QString::number(people.size()));
        }
        cells << line.problems.join(QStringLiteral("；"));
        rows.push_back(cells);
    }
    return rows;
}

std::vector<QStringList> CoverageReport::combinedUnitTable() const
{
    QStringList roles; // every section's roles by name, under one union
    for (const Section& section : sections)
        for (const QString& name : section.roleNames)
            if (!roles.contains(name))
                roles << name;
    const int fixed = hasExternalCodes ? 8 : 7; // the columns before the roles
    std::vector<QStringList> combined{QStringList{QStringLiteral("层级")} +
                                      unitTable(Section()).front().mid(0, fixed) + roles +
                                      QStringList{QStringLiteral("问题")}};
    for (const Section& section : sections) {
        const std::vector<QStringList> own = unitTable(section);
        for (size_t i = 1; i < own.size(); ++i) {
            QStringList cells = QStringList{section.name} + own[i].mid(0, fixed);
            for (const QString& role : roles) {
                const int at = static_cast<int>(section.roleNames.indexOf(role));
                cells << (at >= 0 ? own[i].at(fixed + at) : QString());
            }
            cells << own[i].back();
            combined.push_back(cells);
        }
    }
    return combined;
}

std::vector<Sheet> CoverageReport::sheets() const
{
    std::vector<Sheet> result;
    for (const Section& section : sections)
        result.push_back({section.name, table(section)});
    for (const Section& section : sections)
        result.push_back({section.name + QStringLiteral("清单"), unitTable(section)});
    if (!problemList.empty())
        result.push_back({QStringLiteral("问题清单"), problemTable()});
    return result;
}

std::optional<CoverageReport::Table> CoverageReport::tableFromKey(const QString& key)
{
    if (key == QLatin1String("summary"))
        return Table::Summary;
    if (key == QLatin1String("units"))
        return Table::Units;
    if (key == QLatin1String("problems"))
        return Table::Problems;
    return std::nullopt;
}

std::vector<QStringList> CoverageReport::combinedTable() const
{
    // the columns every section shares, then each section's roles and statuses under one union
    QStringList extra;
    for (const bool roles : {true, false})
        for (const Section& section : sections)
            for (const QString& name : roles ? section.roleNames : section.statuses)
                if (!extra.contains(name))
                    extra << name;
    std::vector<QStringList> combined;
    for (const Section& section : sections) {
        const std::vector<QStringList> own = table(section);
        const QStringList& header = own.front();
        const auto reorder = [&](const QStringList& cells) {
            QStringList out{cells.mid(0, 7)};
            for (const QString& name : extra) {
                const int at = header.indexOf(name);
                out << (at >= 0 ? cells.at(at) : QString());
            }
            out << cells.mid(7 + section.roleNames.size() + section.statuses.size());
            return out;
        };
        if (combined.empty()) // every section's roles and statuses by name, not one section's
            combined.push_back(QStringList{QStringLiteral("层级")} + header.mid(0, 7) + extra +
                               header.mid(7 + section.roleNames.size() + section.statuses.size()));
        for (size_t i = 1; i < own.size(); ++i)
            combined.push_back(QStringList{section.name} + reorder(own[i]));
    }
    return combined;
}

std::vector<CoverageReport::Chart> CoverageReport::charts() const
{
    std::vector<Chart> svgs;
    const Section* focus = nullptr;
    for (const Section& section : sections)
        if (section.level == focusLevel)
            focus = &section;
    if (!focus && !sections.empty())
        focus = &sections.back();
    if (!focus)
        return svgs;

    // 1. households per unit against the target band
    {
        const int width = 640, height = 280, left = 50, right = 20, top = 40, bottom = 50;
        const qint64 maxValue = std::max<qint64>(
            {1,
             focus->householdsPerUnit.empty()
                 ? 1
                 : *std::max_element(focus->householdsPerUnit.begin(), focus->householdsPerUnit.end()),
             focus->households.max.value_or(0)});
        const int bins = 16;
        // bins of a round width: 1, 2 or 5 times a power of ten
        const double rough = double(maxValue) * 1.05 / bins;
        const double power = std::pow(10.0, std::floor(std::log10(std::max(1.0, rough))));
        double binWidth = power;
        for (const double step : {1.0, 2.0, 5.0, 10.0})
            if (power * step >= rough) {
                binWidth = power * step;
                break;
            }
        std::vector<int> counts(bins, 0);
        for (qint64 value : focus->householdsPerUnit)
            ++counts[static_cast<size_t>(
                std::min<qint64>(bins - 1, static_cast<qint64>(double(value) / binWidth)))];
        const int peak = std::max(1, *std::max_element(counts.begin(), counts.end()));
        const double plotW = width - left - right, plotH = height - top - bottom;
        const auto xOf = [&](double value) { return left + value / (binWidth * bins) * plotW; };
        QString svg = svgStart(width, height);
        const QString band = bandText(focus->households);
        svg += QStringLiteral("<text x='%1' y='22' font-size='15' font-weight='bold'>各%2户数分布%3</text>")
                   .arg(left)
                   .arg(escaped(focus->name),
                        band.isEmpty() ? QString() : QStringLiteral("（目标 %1 户）").arg(band));
        if (focus->households.isSet()) {
            const double from = xOf(double(focus->households.min.value_or(0)));
            const double to = xOf(double(focus->households.max.value_or(qint64(binWidth * bins))));
            svg += QStringLiteral("<rect x='%1' y='%2' width='%3' height='%4' fill='#e3f2e1'/>")
                       .arg(from)
                       .arg(top)
                       .arg(std::max(0.0, to - from))
                       .arg(plotH);
        }
        for (int i = 0; i < bins; ++i) {
            const double lowValue = i * binWidth, highValue = (i + 1) * binWidth;
            const bool inBand = focus->households.contains(qint64(lowValue)) &&
                                focus->households.contains(qint64(highValue) - 1);
            const double barH = plotH * counts[static_cast<size_t>(i)] / peak;
            svg += QStringLiteral("<rect x='%1' y='%2' width='%3' height='%4' fill='%5'/>")
                       .arg(xOf(lowValue) + 1)
                       .arg(top + plotH - barH)
                       .arg(std::max(1.0, xOf(highValue) - xOf(lowValue) - 2))
                       .arg(barH)
                       .arg(inBand ? QStringLiteral("#4c9a4a") : QStringLiteral("#e8833a"));
            if (counts[static_cast<size_t>(i)] > 0)
                svg += QStringLiteral("<text x='%1' y='%2' text-anchor='middle' font-size='10'>%3</text>")
                           .arg((xOf(lowValue) + xOf(highValue)) / 2)
                           .arg(top + plotH - barH - 3)
                           .arg(counts[static_cast<size_t>(i)]);
        }
        svg += QStringLiteral("<line x1='%1' y1='%2' x2='%3' y2='%2' stroke='#333'/>")
                   .arg(left)
                   .arg(top + plotH)
                   .arg(width - right);
        for (int i = 0; i <= bins; i += 4)
            svg += QStringLiteral("<text x='%1' y='%2' text-anchor='middle' font-size='10'>%3</text>")
                       .arg(xOf(i * binWidth))
                       .arg(top + plotH + 14)
                       .arg(qint64(i * binWidth));
        svg +=
            QStringLiteral("<text x='%1' y='%2' text-anchor='middle'>户数（每柱为该户数段内的%3个数）</text>")
                .arg(left + plotW / 2)
                .arg(height - 12)
                .arg(escaped(focus->name));
        svg += QStringLiteral("</svg>");
        svgs.push_back({svg, width, height});
    }

    // 2. problems by parent
    {
        std::vector<const Row*> rows;
        for (const Row& row : focus->rows)
            rows.push_back(&row);
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row* a, const Row* b) { return a->problems > b->problems; });
        if (rows.size() > 25)
            rows.resize(25);
        const int width = 640, left = 170, right = 50, top = 40, barH = 18;
        const int height = top + static_cast<int>(rows.size()) * (barH + 6) + 20;
        qint64 peak = 1;
        for (const Row* row : rows)
            peak = std::max(peak, row->problems);
        QString svg = svgStart(width, height);
        svg +=
            QStringLiteral("<text x='10' y='22' font-size='15' font-weight='bold'>%1问题数（按上级）</text>")
                .arg(escaped(focus->name));
        int y = top;
        for (const Row* row : rows) {
            const double w = double(width - left - right) * double(row->problems) / double(peak);
            svg += QStringLiteral("<text x='%1' y='%2' text-anchor='end'>%3</text>")
                       .arg(left - 8)
                       .arg(y + 13)
                       .arg(escaped(row->parentName.left(12)));
            svg += QStringLiteral("<rect x='%1' y='%2' width='%3' height='%4' fill='%5'/>")
                       .arg(left)
                       .arg(y)
                       .arg(std::max(w, row->problems ? 1.0 : 0.0))
                       .arg(barH)
                       .arg(row->problems ? QStringLiteral("#d62728") : QStringLiteral("#ccc"));
            svg += QStringLiteral("<text x='%1' y='%2'>%3</text>")
                       .arg(left + w + 6)
                       .arg(y + 13)
                       .arg(row->problems);
            y += barH + 6;
        }
        svg += QStringLiteral("</svg>");
        svgs.push_back({svg, width, height});
    }

    // 3. where the problems are
    if (!extent.isEmpty()) {
        const int width = 640, height = 460, margin = 16, legendH = 40;
        const reportpage::MapFrame frame(extent, margin, 30, width - 2 * margin,
                                         height - 2 * margin - legendH - 24);
        const auto x = [&](double mapX) { return frame.x(mapX); };
        const auto y = [&](double mapY) { return frame.y(mapY); };
        QString svg = svgStart(width, height);
        svg += QStringLiteral("<text x='10' y='20' font-size='15' font-weight='bold'>%1问题分布</text>")
                   .arg(escaped(focus->name));
        for (const MultiPolygon& outline : outlines)
            svg += QStringLiteral("<path d='%1' fill='#f4f1ea' stroke='#8a8a8a' stroke-width='1' "
                                  "fill-rule='evenodd'/>")
                       .arg(frame.path(outline));
        std::map<Problem::Kind, int> shown;
        for (const ProblemSpot& spot : problemSpots) {
            svg +=
                QStringLiteral("<circle cx='%1' cy='%2' r='4' fill='%3' fill-opacity='0.85' stroke='white' "
                               "stroke-width='0.8'/>")
                    .arg(x(spot.location.x), 0, 'f', 1)
                    .arg(y(spot.location.y), 0, 'f', 1)
                    .arg(kindColour(spot.kind));
            ++shown[spot.kind];
        }
        int legendX = margin;
        for (const auto& [kind, count] : shown) {
            svg += QStringLiteral("<circle cx='%1' cy='%2' r='5' fill='%3'/><text x='%4' y='%5'>%6 %7</text>")
                       .arg(legendX + 5)
                       .arg(height - 20)
                       .arg(kindColour(kind))
                       .arg(legendX + 14)
                       .arg(height - 16)
                       .arg(Problem::kindText(kind).zh)
                       .arg(count);
            legendX += 120;
        }
        if (shown.empty())
            svg += QStringLiteral("<text x='%1' y='%2'>没有问题</text>").arg(margin).arg(height - 16);
        svg += QStringLiteral("</svg>");
        svgs.push_back({svg, width, height});
    }
    return svgs;
}

QString CoverageReport::title() const
{
    return QStringLiteral("%1 覆盖情况报告").arg(projectName);
}

void CoverageReport::write(const QString& format, const QString& path, TableWriter::Encoding encoding,
                           Table table) const
{
    if (format == QLatin1String("xlsx"))
        TableWriter::writeXlsx(sheets(), path);
    else if (format == QLatin1String("csv"))
        TableWriter::writeCsv(table == Table::Units      ? combinedUnitTable()
                              : table == Table::Problems ? problemTable()
                                                         : combinedTable(),
                              path, encoding);
    else if (format == QLatin1String("html"))
        reportpage::writeHtml(toHtml(), path);
    else
        throw Error(Error::Kind::InvalidInput,
                    Tr::tr("A coverage report cannot be written as %1").arg(format));
}

QString CoverageReport::toHtml(const QStringList& chartUrls, int chartWidth) const
{
    const std::vector<SvgChart> charts = chartUrls.isEmpty() ? this->charts() : std::vector<SvgChart>();
    QString html = reportpage::htmlStart(title());
    html += QStringLiteral("<h1>%1 网格化管理覆盖情况报告</h1>\n").arg(escaped(projectName));
    html += QStringLiteral("<p class='meta'>范围：%1　生成时间：%2</p>\n")
                .arg(escaped(scopeName), created.toString(QStringLiteral("yyyy-MM-dd HH:mm")));

    html +=
        QStringLiteral("<h2>概况</h2>\n<table border='1' cellspacing='0' cellpadding='3'><tr><th>层级</th>"
                       "<th>单元数</th><th>户数</th><th>人口</th><th>人员数</th><th>问题数</th></tr>\n");
    for (const Section& section : sections)
        html += QStringLiteral(
                    "<tr><td>%1</td><td class='n' align='right'>%2</td><td class='n' align='right'>%3</td>"
                    "<td class='n' align='right'>%4</td><td class='n' align='right'>%5</td>"
                    "<td class='n' align='right'>%6</td></tr>\n")
                    .arg(escaped(section.name))
                    .arg(section.total.units)
                    .arg(section.total.households)
                    .arg(section.total.residents)
                    .arg(section.total.members)
                    .arg(section.total.problems);
    html += QStringLiteral("</table>\n<p>花名册 %1 人，%2 项职务；%3 人未担任任何职务。</p>\n")
                .arg(members)
                .arg(assignments)
                .arg(unassignedMembers);
    if (!problemsByKind.empty()) {
        QStringList kinds;
        for (const auto& [kind, count] : problemsByKind)
            kinds << QStringLiteral("%1 %2").arg(Problem::kindText(kind).zh).arg(count);
        html += QStringLiteral("<p>问题：%1。</p>\n").arg(kinds.join(QStringLiteral("，")));
    } else {
        html += QStringLiteral("<p>没有发现问题。</p>\n");
    }

    html += QStringLiteral("<h2>图表</h2>\n") + reportpage::htmlCharts(charts, chartUrls, chartWidth);

    for (const Section& section : sections) {
        html += QStringLiteral("<h2>%1（%2 个）</h2>\n").arg(escaped(section.name)).arg(section.total.units);
        const std::vector<QStringList> rows = table(section);
        const QStringList& header = rows.front();
        const QSet<int> flagged{static_cast<int>(header.indexOf(QStringLiteral("超出目标范围"))),
                                static_cast<int>(header.indexOf(QStringLiteral("职务空缺"))),
                                static_cast<int>(header.indexOf(QStringLiteral("缺口"))),
                                static_cast<int>(header.indexOf(QStringLiteral("重叠"))),
                                static_cast<int>(header.indexOf(QStringLiteral("比例问题")))};
        html += reportpage::htmlTable(rows, flagged, true);
    }
    for (const Section& section : sections) {
        std::vector<QStringList> rows = unitTable(section);
        const qsizetype all = static_cast<qsizetype>(rows.size()) - 1;
        html += QStringLiteral("<h2>%1清单（%2 个）</h2>\n").arg(escaped(section.name)).arg(all);
        if (all > PageUnitLimit) {
            rows.resize(PageUnitLimit + 1);
            html += QStringLiteral("<p>此处列出前 %1 个；完整清单见 Excel 或 CSV 报告。</p>\n")
                        .arg(PageUnitLimit);
        }
        html += reportpage::htmlTable(rows, {}, false, 4);
    }
    if (!problemList.empty()) {
        html += QStringLiteral("<h2>问题清单（%1 个）</h2>\n").arg(problemList.size());
        html += reportpage::htmlTable(problemTable(), {}, false, 4);
    }
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace gridmodel
