#include "check/checker.h"
#include "districtgenerator.h"
#include "error.h"
#include "personaldata.h"
#include "projecteditor.h"
#include "projectfile.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>
#include <set>

using namespace gridmodel;

/** A copy to hand on holds no name, phone or note of anybody, in its tables or its history. */
class TestPersonalData : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;

    //! whether the bytes hold the text in any encoding the file could keep it in
    static bool holds(const QByteArray& bytes, const QString& text)
    {
        QByteArray utf16;
        for (const QChar c : text) { // as a QDataStream of a history record would
            utf16.append(static_cast<char>(c.unicode() >> 8));
            utf16.append(static_cast<char>(c.unicode() & 0xFF));
        }
        QByteArray utf16le;
        for (const QChar c : text) {
            utf16le.append(static_cast<char>(c.unicode() & 0xFF));
            utf16le.append(static_cast<char>(c.unicode() >> 8));
        }
        return bytes.contains(text.toUtf8()) || bytes.contains(utf16) || bytes.contains(utf16le);
    }

    //! who holds which role where, by member id
    static std::set<QString> roles(const ProjectData& data)
    {
        std::set<QString> result;
        for (const Assignment& a : data.assignments)
            result.insert(QStringLiteral("%1/%2/%3/%4")
                              .arg(a.memberId)
                              .arg(a.unitId)
                              .arg(a.role)
                              .arg(a.linkedHouseholds));
        return result;
    }

private slots:
    void aSharedCopyHoldsNobodysNameOrPhone()
    {
        const QString file = testsupport::freshDemoFile(mDir);
        QString personal[4] = {QStringLiteral("赵六一"), QStringLiteral("13900001111"),
                               QStringLiteral("3号楼1单元101—502"), QStringLiteral("联系人赵六一家中有老人")};
        MemberId added = 0;
        QString unitCode;
        {
            auto project = ProjectFile::open(file, ProjectFile::Access::ReadWrite);
            ProjectEditor editor(*project);
            editor.addMember(Member{0, personal[0], personal[1], QStringLiteral("男"), QStringLiteral("在职"),
                                    QStringLiteral("备注")},
                             &added);
            for (const Unit& unit : project->data().units)
                if (unit.level == 2 && unitCode.isEmpty())
                    unitCode = unit.code;
            editor.assignMember(added, unitCode, QStringLiteral("grid_worker"), 12, personal[2]);
            ProjectEditor::Attributes notes;
            notes.notes = personal[3];
            editor.setAttributes(unitCode, notes);
            // someone who was there once and is gone: their name stays in the history only
            MemberId gone = 0;
            editor.addMember(Member{0, QStringLiteral("钱七离任"), QStringLiteral("13700002222"), QString(),
                                    QString(), QString()},
                             &gone);
            const Member leaving = project->data().members.back();
            QCOMPARE(leaving.id, gone);
            ChangeSet removal;
            removal.members.push_back({leaving, std::nullopt});
            project->apply(removal, QStringLiteral("member_remove"), QStringLiteral("Remove 钱七离任"));
        }
        const auto original = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        QVERIFY(holds(testsupport::fileBytes(file), QStringLiteral("钱七离任")));

        const QString shared = mDir.filePath(QStringLiteral("shared.gpkg"));
        original->saveCopyWithoutPersonalData(shared);
        const QByteArray bytes = testsupport::fileBytes(shared);
        for (const QString& text : personal)
            QVERIFY2(!holds(bytes, text), qPrintable(text));
        QVERIFY(!holds(bytes, QStringLiteral("钱七离任")) && !holds(bytes, QStringLiteral("13700002222")));
        for (const Member& member : original->data().members) {
            QVERIFY2(!holds(bytes, member.name), qPrintable(member.name));
            if (!member.phone.isEmpty())
                QVERIFY2(!holds(bytes, member.phone), qPrintable(member.phone));
        }

        // it opens, checks as the original does, and keeps everybody's roles
        auto copy = ProjectFile::open(shared, ProjectFile::Access::ReadWrite);
        QCOMPARE(copy->data().members.size(), original->data().members.size());
        QCOMPARE(roles(copy->data()), roles(original->data()));
        QCOMPARE(copy->data().members.front().name,
                 PersonalDataRemoval::placeholderName(copy->data().members.front().id));
        QCOMPARE(Checker(copy->data()).check().size(), Checker(original->data()).check().size());
        QCOMPARE(copy->history().size(), original->history().size());
        // and its history still undoes, bringing back nobody's name
        for (int step = 0; step < 4; ++step)
            QVERIFY(copy->undo());
        for (const Member& member : copy->data().members)
            QCOMPARE(member.name, PersonalDataRemoval::placeholderName(member.id));
        for (const HistoryEntry& entry : copy->history())
            QVERIFY2(!entry.description.contains(personal[0]) &&
                         !entry.description.contains(QStringLiteral("钱七")),
                     qPrintable(entry.description));
    }

    void aPlainCopyKeepsEverything()
    {
        const QString file = testsupport::freshDemoFile(mDir);
        const auto project = ProjectFile::open(file, ProjectFile::Access::ReadOnly);
        const QString copy = mDir.filePath(QStringLiteral("kept.gpkg"));
        project->saveCopy(copy);
        const auto reopened = ProjectFile::open(copy, ProjectFile::Access::ReadOnly);
        QCOMPARE(reopened->data().members.front().name, project->data().members.front().name);
        QCOMPARE(reopened->data().members.front().phone, project->data().members.front().phone);
        QVERIFY_EXCEPTION_THROWN(project->saveCopy(file), Error); // never over itself
    }
};

QTEST_GUILESS_MAIN(TestPersonalData)
#include "test_personaldata.moc"
