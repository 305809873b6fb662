#include "check/checker.h"
#include "districtgenerator.h"
#include "error.h"
#include "gpkggeometry.h"
#include "hierarchyeditor.h"
#include "hierarchyindex.h"
#include "personaldata.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "rolevacancies.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gridmodel;
using testsupport::fileBytes;

/** Edits as one step of history each, undone and redone also after reopening the file. */
class TestProjectEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    QString freshDemo() { return testsupport::freshDemoFile(mDir); }

    //! a zone and the households of it and its ancestors, top first
    static std::vector<qint64> chainHouseholds(const ProjectData& data, const QString& zoneCode)
    {
        const HierarchyIndex index(data);
        std::vector<qint64> chain;
        for (const Unit* unit = index.unitByCode(zoneCode); unit; unit = index.unit(unit->parentId))
            chain.insert(chain.begin(), unit->households);
        return chain;
    }

    static QString firstZoneCode(const ProjectData& data)
    {
        for (const Unit& unit : data.units)
            if (unit.level == data.hierarchy.levelCount() - 1)
                return unit.code;
        return QString();
    }

private slots:
    void phonesAreMasked()
    {
        QCOMPARE(maskedPhone(QStringLiteral("13812345678")), QStringLiteral("138****5678"));
        QCOMPARE(maskedPhone(QStringLiteral(" 0371-6688 ")), QStringLiteral("*******88"));
        QCOMPARE(maskedPhone(QStringLiteral("12")), QStringLiteral("**"));
        QCOMPARE(maskedPhone(QString()), QString());
    }

    void setCarriesCountsUp()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const QString zone = firstZoneCode(project->data());
        const std::vector<qint64> before = chainHouseholds(project->data(), zone);
        QCOMPARE(before.size(), size_t(5));
        const ChangeSet changes = ProjectEditor(*project).setAttributes(
            zone, {before.back() + 10, std::nullopt, QStringLiteral("幸福里1单元")});
        QCOMPARE(changes.units.size(),
                 size_t(5)); // the zone and its four ancestors: what a view must refresh
        const std::vector<qint64> after = chainHouseholds(project->data(), zone);
        for (size_t i = 0; i < before.size(); ++i)
            QCOMPARE(after[i], before[i] + 10);
        QCOMPARE(HierarchyIndex(project->data()).unitByCode(zone)->name, QStringLiteral("幸福里1单元"));
        const auto mismatches = Checker(project->data()).check();
        for (const Problem& problem : mismatches)
            QVERIFY(problem.kind != Problem::Kind::CountMismatch);
        QVERIFY(project->history().back().description.contains(QStringLiteral("幸福里1单元")));
    }

    void undoAndRedoAcrossReopening()
    {
        const QString file = freshDemo();
        QString zone;
        std::vector<qint64> original;
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            zone = firstZoneCode(project->data());
            original = chainHouseholds(project->data(), zone);
            ProjectEditor(*project).setAttributes(zone, {original.back() + 5, std::nullopt, std::nullopt});
            ProjectEditor(*project).setAttributes(zone, {original.back() + 7, std::nullopt, std::nullopt});
        }
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            QCOMPARE(chainHouseholds(project->data(), zone).front(), original.front() + 7);
            HistoryEntry entry;
            QVERIFY(project->undo(&entry));
            QVERIFY(entry.description.contains(QStringLiteral("→%1").arg(original.back() + 7)));
            QCOMPARE(chainHouseholds(project->data(), zone).front(), original.front() + 5);
        }
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
            QCOMPARE(chainHouseholds(project->data(), zone),
                     (std::vector<qint64>{original.front() + 5, original[1] + 5, original[2] + 5,
                                          original[3] + 5, original[4] + 5}));
            QVERIFY(project->history().back().undone);
        }
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            QVERIFY(project->undo());
            QCOMPARE(chainHouseholds(project->data(), zone), original);
            QVERIFY(!project->undo()); // creating the project is not an edit to undo
            QVERIFY(project->redo());
            QCOMPARE(chainHouseholds(project->data(), zone).front(), original.front() + 5);
            // A new edit after an undo ends what could be redone.
            ProjectEditor(*project).setAttributes(zone,
                                                  {std::nullopt, std::nullopt, QStringLiteral("新名字")});
            QVERIFY(!project->redo());
            QCOMPARE(project->history().size(), size_t(3));
        }
        const auto reopened = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QCOMPARE(chainHouseholds(reopened->data(), zone).front(), original.front() + 5);
        QCOMPARE(HierarchyIndex(reopened->data()).unitByCode(zone)->name, QStringLiteral("新名字"));
    }

    void rowsAddedAndRemovedComeBack()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const ProjectData& data = project->data();
        const size_t members = data.members.size(), assignments = data.assignments.size();
        const Assignment removed = data.assignments.front();
        ChangeSet changes;
        changes.members.push_back(
            {std::nullopt, Member{100000, QStringLiteral("新成员"), "13900000000", "女", "在职", ""}});
        changes.assignments.push_back(
            {std::nullopt, Assignment{100000, 100000, removed.unitId, removed.role, 9, "3号楼"}});
        changes.assignments.push_back({removed, std::nullopt});
        project->apply(changes, "assign", "test");
        QCOMPARE(project->data().members.size(), members + 1);
        QCOMPARE(project->data().assignments.size(), assignments);
        QVERIFY(project->undo());
        QCOMPARE(project->data().members.size(), members);
        QCOMPARE(project->data().assignments.size(), assignments);
        const auto reopened = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QCOMPARE(reopened->data().members.size(), members);
        QVERIFY(
            std::any_of(reopened->data().assignments.begin(), reopened->data().assignments.end(),
                        [&](const Assignment& a) { return a.id == removed.id && a.role == removed.role; }));
    }

    //! the window checks against the project's own index, kept across edits that leave units in place
    void theProjectIndexFollowsAssignments()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const Assignment held = project->data().assignments.front();
        const Unit unit = *project->index().unit(held.unitId);
        const auto missingRoleOf = [&] {
            const auto problems = Checker(project->data(), project->index()).check();
            return std::count_if(problems.begin(), problems.end(), [&](const Problem& p) {
                return p.kind == Problem::Kind::MissingRole && p.units.front() == unit.id;
            });
        };
        QCOMPARE(missingRoleOf(), 0);
        ChangeSet changes;
        for (const Assignment& assignment : project->data().assignments)
            if (assignment.unitId == unit.id)
                changes.assignments.push_back({assignment, std::nullopt});
        project->apply(changes, "unassign", "test");
        QVERIFY(project->index().assignments(unit.id).empty());
        QVERIFY(missingRoleOf() > 0);
        QVERIFY(project->undo());
        QCOMPARE(project->index().assignments(unit.id).size(), changes.assignments.size());
        QCOMPARE(missingRoleOf(), 0);
    }

    //! moves and recodes keep the project's index (not rebuilt at 200,000 zones): it must say what a new one
    //! says
    void theProjectIndexFollowsUnitsChangedInPlace()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const auto ids = [](const std::vector<const Unit*>& units) {
            std::vector<UnitId> list;
            for (const Unit* unit : units)
                list.push_back(unit->id);
            return list;
        };
        const auto sameAsANewIndex = [&](int step) {
            const HierarchyIndex fresh(project->data());
            const HierarchyIndex& kept = project->index();
            const QString where = QStringLiteral("after step %1").arg(step);
            QVERIFY2(ids(kept.children(0)) == ids(fresh.children(0)), qPrintable(where));
            QCOMPARE(kept.duplicateCodes(), fresh.duplicateCodes());
            for (const Unit& unit : project->data().units) {
                QVERIFY2(ids(kept.children(unit.id)) == ids(fresh.children(unit.id)),
                         qPrintable(where + QStringLiteral(": the children of ") + unit.code));
                QVERIFY2(kept.unitByCode(unit.code) == fresh.unitByCode(unit.code), qPrintable(where));
                if (!unit.externalCode.isEmpty())
                    QVERIFY2(ids(kept.unitsByExternalCode(unit.externalCode)) ==
                                 ids(fresh.unitsByExternalCode(unit.externalCode)),
                             qPrintable(where));
            }
        };
        const int zoneLevel = project->data().hierarchy.levelCount() - 1;
        QRandomGenerator random(20261203);
        for (int step = 0; step < 120; ++step) {
            const std::vector<Unit>& units = project->data().units;
            const auto pick = [&](int level) {
                std::vector<const Unit*> ofLevel;
                for (const Unit& unit : units)
                    if (level < 0 || unit.level == level)
                        ofLevel.push_back(&unit);
                return *ofLevel[random.bounded(static_cast<quint32>(ofLevel.size()))];
            };
            ChangeSet changes;
            switch (random.bounded(5)) {
            case 0: { // a zone to another building group, and a second one with it
                for (int i = 0; i < 2; ++i) {
                    Unit zone = pick(zoneLevel);
                    const Unit before = zone;
                    zone.parentId = pick(zoneLevel - 1).id;
                    changes.units.push_back({before, zone});
                }
                break;
            }
            case 1: { // a new code
                Unit unit = pick(-1);
                const Unit before = unit;
                unit.code = QStringLiteral("T%1").arg(step);
                changes.units.push_back({before, unit});
                break;
            }
            case 2: { // two codes swapped in one edit
                Unit a = pick(-1), b = pick(-1);
                if (a.id == b.id)
                    continue;
                const Unit beforeA = a, beforeB = b;
                std::swap(a.code, b.code);
                changes.units.push_back({beforeA, a});
                changes.units.push_back({beforeB, b});
                break;
            }
            case 3: { // an external code given, changed or taken away
                Unit unit = pick(-1);
                const Unit before = unit;
                unit.externalCode = random.bounded(3) == 0 ? QString() : QStringLiteral("EXT-%1").arg(step);
                changes.units.push_back({before, unit});
                break;
            }
            default:
                project->undo();
                sameAsANewIndex(step);
                continue;
            }
            project->index(); // built before the edit, so that it is kept, not rebuilt
            project->apply(changes, QStringLiteral("test"), QStringLiteral("in place"));
            sameAsANewIndex(step);
        }
    }

    void deleteWithChildrenAndUndo()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const ProjectData& data = project->data();
        const Unit grid =
            *std::find_if(data.units.begin(), data.units.end(), [](const Unit& u) { return u.level == 2; });
        const Unit street = *HierarchyIndex(data).unit(HierarchyIndex(data).unit(grid.parentId)->parentId);
        const size_t units = data.units.size(), assignments = data.assignments.size();
        const size_t below = HierarchyIndex(data).subtree(grid.id).size();
        QVERIFY(below > 5);
        try {
            ProjectEditor(*project).deleteUnit(grid.code, false);
            QFAIL("deleted a unit with children without being asked to");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QString::number(below - 1)), qPrintable(error.message()));
        }
        QCOMPARE(project->data().units.size(), units);
        ProjectEditor(*project).deleteUnit(grid.code, true);
        QCOMPARE(project->data().units.size(), units - below);
        QVERIFY(project->data().assignments.size() < assignments);
        for (const Assignment& a : project->data().assignments)
            QVERIFY(HierarchyIndex(project->data()).unit(a.unitId)); // no assignment left pointing nowhere
        QCOMPARE(HierarchyIndex(project->data()).unit(street.id)->households,
                 street.households - grid.households);
        // What it leaves behind is a gap in the community, and nothing else.
        const auto problems = Checker(project->data()).check();
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems.front().kind, Problem::Kind::Gap);
        QVERIFY(qAbs(problems.front().areaM2 - grid.boundary.area()) < 1e-3);

        QVERIFY(project->undo());
        QCOMPARE(project->data().units.size(), units);
        QCOMPARE(project->data().assignments.size(), assignments);
        QVERIFY(Checker(project->data()).check().empty());
        const auto reopened = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QCOMPARE(reopened->data().units.size(), units);
        QVERIFY(Checker(reopened->data()).check().empty());
    }

    void membersAndRoles()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        ProjectEditor editor(*project);
        MemberId id = 0;
        editor.addMember(Member{0, QStringLiteral(" 王小明 "), "13800001111", "男", "在职", ""}, &id);
        QVERIFY(id > 0);
        QCOMPARE(project->data().members.back().name, QStringLiteral("王小明"));
        QVERIFY_EXCEPTION_THROWN(editor.addMember(Member{0, " ", "", "", "", ""}), Error);
        const Unit grid = *std::find_if(project->data().units.begin(), project->data().units.end(),
                                        [](const Unit& u) { return u.level == 2; });
        editor.assignMember(id, grid.code, "grid_worker", 10, "1号楼");
        const Assignment& added = project->data().assignments.back();
        QCOMPARE(added.memberId, id);
        QCOMPARE(added.unitId, grid.id);
        QCOMPARE(added.linkedHouseholds, qint64(10));
        try {
            editor.assignMember(id, grid.code, "building_leader");
            QFAIL("accepted a role of another level");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains("grid_leader"),
                     qPrintable(error.message())); // lists the roles there are
        }
        QVERIFY_EXCEPTION_THROWN(editor.assignMember(id, grid.code, "grid_worker"), Error); // already
        QVERIFY_EXCEPTION_THROWN(editor.assignMember(99999, grid.code, "grid_worker"), Error);
        // Without its only 网格长 the grid misses a required role.
        const Assignment leader = *std::find_if(
            project->data().assignments.begin(), project->data().assignments.end(),
            [&](const Assignment& a) { return a.unitId == grid.id && a.role == "grid_leader"; });
        editor.unassignMember(leader.memberId, grid.code, "grid_leader");
        const auto problems = Checker(project->data()).check();
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems.front().kind, Problem::Kind::MissingRole);
        QVERIFY_EXCEPTION_THROWN(editor.unassignMember(leader.memberId, grid.code, "grid_leader"), Error);
        QVERIFY(project->undo());
        QVERIFY(Checker(project->data()).check().empty());

        // A grid has one 网格长: a second is refused, naming the one it has.
        const size_t historyBefore = project->history().size();
        try {
            editor.assignMember(id, grid.code, "grid_leader");
            QFAIL("a second 网格长 was accepted");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains("at most 1"), qPrintable(error.message()));
        }
        QCOMPARE(project->history().size(), historyBefore);
        // Several 网格员 are fine.
        MemberId second = 0;
        editor.addMember(Member{0, QStringLiteral("赵六"), "", "", "", ""}, &second);
        editor.assignMember(second, grid.code, "grid_worker");
        QVERIFY(Checker(project->data()).check().empty());
        // A second 网格长 that came in another way (an old file, an import) is a problem the checker names.
        ChangeSet twoLeaders;
        twoLeaders.assignments.push_back({std::nullopt, Assignment{nextFreeId(project->data().assignments),
                                                                   id, grid.id, "grid_leader", 0, ""}});
        project->apply(twoLeaders, "assign", "test");
        const auto overfilled = Checker(project->data()).check();
        QCOMPARE(overfilled.size(), size_t(1));
        QCOMPARE(overfilled.front().kind, Problem::Kind::RoleOverfilled);
        QCOMPARE(overfilled.front().units.front(), grid.id);
        // The assign dialog's order: the full role last, and it says it is full.
        const RoleVacancies vacancies(project->data(), *project->index().unit(grid.id));
        QVERIFY(vacancies.role("grid_leader")->full());
        bool fullSeen = false;
        for (const RoleVacancies::Role& role : vacancies.inOfferOrder()) {
            QVERIFY2(role.full() || !fullSeen, qPrintable(role.definition->key)); // full ones come last
            fullSeen = fullSeen || role.full();
        }
        QVERIFY(!vacancies.role("grid_worker")->full());
    }

    void removingAPersonForgetsThemInTheHistoryToo()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        ProjectEditor editor(*project);
        MemberId id = 0, other = 0;
        const QString name = QStringLiteral("欧阳明轩"), phone = QStringLiteral("13987654321");
        editor.addMember(Member{0, name, phone, "男", "在职", ""}, &id);
        editor.addMember(Member{0, QStringLiteral("司马静怡"), "13700002222", "女", "在职", ""}, &other);
        const Unit grid = *std::find_if(project->data().units.begin(), project->data().units.end(),
                                        [](const Unit& u) { return u.level == 2; });
        editor.assignMember(id, grid.code, "grid_worker", 10, QStringLiteral("七号楼三单元"));
        editor.assignMember(other, grid.code, "grid_worker", 8, QStringLiteral("八号楼"));
        QVERIFY(fileBytes(file).contains(name.toUtf8()));
        const size_t assignmentsBefore = project->data().assignments.size();

        QString said;
        const ChangeSet removed = editor.removeMember(id, &said);
        QCOMPARE(removed.members.size(), size_t(1));
        QCOMPARE(removed.assignments.size(), size_t(1));
        QVERIFY2(said.contains(name) && said.contains(PersonalDataRemoval::placeholderName(id)) &&
                     said.contains("undo"),
                 qPrintable(said)); // says what undo can no longer bring back
        QCOMPARE(project->data().assignments.size(), assignmentsBefore - 1);
        QVERIFY(std::none_of(project->data().members.begin(), project->data().members.end(),
                             [&](const Member& m) { return m.id == id; }));
        // nothing of them in the file: not in the tables, the history's records or words, nor in free pages
        const QByteArray bytes = fileBytes(file);
        for (const QString& gone : {name, phone, QStringLiteral("七号楼三单元")})
            QVERIFY2(!bytes.contains(gone.toUtf8()) &&
                         !bytes.contains(
                             QByteArray(reinterpret_cast<const char*>(gone.utf16()), int(gone.size() * 2))),
                     qPrintable(gone));
        for (const HistoryEntry& entry : project->history())
            QVERIFY2(!entry.description.contains(name), qPrintable(entry.description));
        // everybody else is kept
        QVERIFY(bytes.contains(QStringLiteral("司马静怡").toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("八号楼").toUtf8()));

        // undo brings back what is left: the placeholder in the role, with no name or phone
        QVERIFY(project->undo());
        const auto back = std::find_if(project->data().members.begin(), project->data().members.end(),
                                       [&](const Member& m) { return m.id == id; });
        QVERIFY(back != project->data().members.end());
        QCOMPARE(back->name, PersonalDataRemoval::placeholderName(id));
        QVERIFY(back->phone.isEmpty());
        QCOMPARE(project->data().assignments.size(), assignmentsBefore);
        QVERIFY(Checker(project->data()).check().empty());
        // and further back, the earlier steps undo too, down to before the person was added
        while (project->nextUndo() && project->nextUndo()->operation != QLatin1String("member_add"))
            QVERIFY(project->undo());
        QVERIFY(project->undo()); // the second member's addition
        QVERIFY(project->undo()); // theirs
        QVERIFY(std::none_of(project->data().members.begin(), project->data().members.end(),
                             [&](const Member& m) { return m.id == id || m.name == name; }));
        QVERIFY(!fileBytes(file).contains(name.toUtf8()));
        QVERIFY_EXCEPTION_THROWN(editor.removeMember(987654), Error); // nobody has that id
    }

    void rolesNobodyHoldsAreOfferedFirst()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        const Unit grid = *std::find_if(project->data().units.begin(), project->data().units.end(),
                                        [](const Unit& u) { return u.level == 2; });
        ProjectEditor editor(*project);
        for (const Assignment& a : std::vector<Assignment>(project->data().assignments))
            if (a.unitId == grid.id && a.role == "grid_worker")
                editor.unassignMember(a.memberId, grid.code, "grid_worker");
        const RoleVacancies vacancies(project->data(), *project->index().unit(grid.id));
        QCOMPARE(vacancies.inOfferOrder().front().definition->key, QStringLiteral("grid_worker"));
        QVERIFY(vacancies.inOfferOrder().front().missing());
    }

    void anExternalCodeIsKeptUniqueAtItsLevelAndUndone()
    {
        const QString file = freshDemo();
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
        std::vector<QString> zones;
        for (const Unit& unit : project->data().units)
            if (unit.level == project->data().hierarchy.levelCount() - 1 && zones.size() < 2)
                zones.push_back(unit.code);
        const auto setExternal = [&](const QString& code, const QString& external) {
            ProjectEditor::Attributes attributes;
            attributes.externalCode = external;
            return ProjectEditor(*project).setAttributes(code, attributes);
        };
        setExternal(zones[0], QStringLiteral(" 410105001001001001 ")); // trimmed, as typed
        QCOMPARE(project->index().unitByCode(zones[0])->externalCode, QStringLiteral("410105001001001001"));
        QVERIFY(project->history().back().description.contains(QStringLiteral("410105001001001001")));
        QCOMPARE(project->index().unitNamedBy(QStringLiteral("410105001001001001"))->code, zones[0]);

        const QByteArray before = fileBytes(file);
        const auto refused = [&](const QString& external, const QString& why) {
            try {
                setExternal(zones[1], external);
                QFAIL(qPrintable(QStringLiteral("%1 was given").arg(external)));
            } catch (const Error& error) {
                QVERIFY2(error.message().contains(why), qPrintable(error.message()));
            }
        };
        refused(QStringLiteral("410105001001001001"), zones[0]);                      // held by its neighbour
        refused(zones[0], QStringLiteral("must not be one of ours"));                 // one of our codes
        refused(QStringLiteral("SQ\x1b[31m-1"), QStringLiteral("control character")); // an escape
        refused(QString(65, QLatin1Char('7')), QStringLiteral("at most 64"));
        QCOMPARE(fileBytes(file), before);

        // a split leaves it with the part that keeps the code
        const Unit zone = *project->index().unitByCode(zones[0]);
        const Envelope box = zone.boundary.envelope();
        const double middle = (box.minX + box.maxX) / 2;
        const HierarchyEditor::Result split =
            HierarchyEditor(*project).split(zones[0], {{middle, box.minY - 10}, {middle, box.maxY + 10}});
        QCOMPARE(split.codes.size(), 2);
        QCOMPARE(project->index().unitsByExternalCode(QStringLiteral("410105001001001001")).size(),
                 size_t(1));
        QCOMPARE(project->index().unitByCode(zones[0])->externalCode, QStringLiteral("410105001001001001"));
        project->undo();

        setExternal(zones[0], QString()); // removed
        QVERIFY(project->index().unitByCode(zones[0])->externalCode.isEmpty());
        QVERIFY(!project->index().unitNamedBy(QStringLiteral("410105001001001001")));
        project->undo();
        QCOMPARE(project->index().unitByCode(zones[0])->externalCode, QStringLiteral("410105001001001001"));
    }

    /**
     * History entries are written in QDataStream's format (Qt 5.15), the one files made before
     * hold: the payload is byte for byte what QDataStream writes, null and empty texts, Chinese,
     * holes and pieces included.
     */
    void historyPayloadIsQDataStreamsFormat()
    {
        const ProjectData demo = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        ChangeSet changes;
        Unit odd = demo.units[5];
        odd.notes = QString();                 // null
        odd.externalCode = QStringLiteral(""); // empty, not null
        odd.name = QStringLiteral("文化路 “一” \U0001F3E0");
        odd.boundary.polygons.push_back(testsupport::box(1000, 1000, 10, 10).polygons.front());
        odd.boundary.polygons.front().rings.push_back(Ring{{1, 1}, {2, 1}, {2, 2}, {1, 1}});
        odd.households = -1; // only the bytes matter here
        changes.units.push_back({demo.units[3], odd});
        changes.units.push_back({std::nullopt, demo.units[9]});
        changes.members.push_back({demo.members[0], std::nullopt});
        changes.assignments.push_back({std::nullopt, demo.assignments[0]});

        QByteArray expected;
        QDataStream out(&expected, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_5_15);
        out << quint32(0x47414353) << quint16(2);
        const auto sides = [&](const auto& list, const auto& write) {
            out << quint32(list.size());
            for (const auto& change : list)
                for (const auto* side : {&change.before, &change.after}) {
                    out << bool(side->has_value());
                    if (*side)
                        write(**side);
                }
        };
        sides(changes.units, [&](const Unit& u) {
            out << u.id << qint32(u.level) << u.parentId << u.code << u.name << u.organisation
                << GpkgGeometry::encode(u.boundary, 0) << u.households << u.residents << u.notes
                << u.externalCode;
        });
        sides(changes.members,
              [&](const Member& m) { out << m.id << m.name << m.phone << m.gender << m.status << m.notes; });
        sides(changes.assignments, [&](const Assignment& a) {
            out << a.id << a.memberId << a.unitId << a.role << a.linkedHouseholds << a.linkedHouseholdsNote;
        });
        QCOMPARE(changes.serialize(), expected);
        const ChangeSet read = ChangeSet::deserialize(expected);
        QVERIFY(read.units[0].after->notes.isNull());
        QVERIFY(!read.units[0].after->externalCode.isNull());
        QCOMPARE(read.units[0].after->name, odd.name);
    }

    void changeSetRoundTrip()
    {
        const ProjectData demo = DistrictGenerator::generate(DistrictGenerator::demoOptions());
        ChangeSet changes;
        changes.units.push_back({demo.units[3], std::nullopt});
        changes.units.push_back({std::nullopt, demo.units[9]});
        changes.members.push_back({demo.members[0], demo.members[1]});
        const ChangeSet read = ChangeSet::deserialize(changes.serialize());
        QCOMPARE(read.units.size(), size_t(2));
        QVERIFY(read.units[0].before && !read.units[0].after);
        QVERIFY(read.units[0].before->boundary == demo.units[3].boundary);
        QCOMPARE(read.units[1].after->name, demo.units[9].name);
        QCOMPARE(read.members[0].after->phone, demo.members[1].phone);
        const ChangeSet inverse = read.inverted();
        QVERIFY(inverse.units[0].before && !inverse.units[0].after); // order reversed, sides swapped
        QCOMPARE(inverse.units[0].before->id, demo.units[9].id);
        QVERIFY_EXCEPTION_THROWN(ChangeSet::deserialize(QByteArray("garbage")), Error);
    }

    void badEditsChangeNothing_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("households");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown code") << "999" << qint64(5) << QString() << "No unit has the code \"999\"";
        QTest::newRow("negative") << "" << qint64(-1) << QString() << "counted from 0 to 100000000";
        QTest::newRow("past the int64 sums")
            << "" << std::numeric_limits<qint64>::max() << QString() << "counted from 0 to 100000000";
        QTest::newRow("a total above too large")
            << "" << qint64(100'000'000) << QString() << "would count 1000"; // its grid: 10⁸ and its siblings
        QTest::newRow("blank name") << "" << qint64(-2) << "  "
                                    << "needs a name";
        QTest::newRow("nothing") << "" << qint64(-2) << QString() << "Nothing to set";
    }

    void badEditsChangeNothing()
    {
        QFETCH(QString, code);
        QFETCH(qint64, households);
        QFETCH(QString, name);
        QFETCH(QString, message);
        const QString file = freshDemo();
        const QByteArray before = fileBytes(file);
        {
            const auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            ProjectEditor::Attributes attributes;
            if (households != -2)
                attributes.households = households;
            if (!name.isNull())
                attributes.name = name;
            try {
                ProjectEditor(*project).setAttributes(code.isEmpty() ? firstZoneCode(project->data()) : code,
                                                      attributes);
                QFAIL("a bad edit was accepted");
            } catch (const Error& error) {
                QVERIFY2(error.message().contains(message), qPrintable(error.message()));
            }
        }
        QCOMPARE(fileBytes(file), before);
        // Viewing-only projects refuse edits.
        const auto readOnly = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QVERIFY_EXCEPTION_THROWN(
            ProjectEditor(*readOnly).setAttributes(firstZoneCode(readOnly->data()), {1, 1, std::nullopt}),
            Error);
    }
};

QTEST_GUILESS_MAIN(TestProjectEditor)
#include "test_projecteditor.moc"
