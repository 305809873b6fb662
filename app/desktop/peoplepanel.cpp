#include "peoplepanel.h"

#include "elidedlabel.h"
#include "personaldata.h"
#include "rolevacancies.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>

using namespace gridmodel;

namespace {
QTableWidget* makeTable(QWidget* parent, const QStringList& headers)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(headers.size());
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

QTableWidgetItem* item(const QString& text, const QVariant& data = QVariant())
{
    auto* cell = new QTableWidgetItem(text);
    cell->setData(Qt::UserRole, data);
    return cell;
}
} // namespace

PeoplePanel::PeoplePanel(QWidget* parent) : QWidget(parent)
{
    mTitle = new ElidedLabel(this);
    mMissing = new QLabel(this);
    mMissing->setStyleSheet(QStringLiteral("color: #b00020;"));
    mMissing->setWordWrap(true);
    mAssignments = makeTable(this, {tr("角色"), tr("姓名"), tr("电话"), tr("联系户数")});
    mAssign = new QPushButton(tr("指派…"), this);
    mAssign->setToolTip(tr("从人员名册中指派一人担任本单元的角色"));
    mUnassign = new QPushButton(tr("移除"), this);
    mUnassign->setToolTip(tr("取消所选人员在本单元的角色"));
    mShowPhones = new QCheckBox(tr("显示电话"), this);
    mShowPhones->setToolTip(tr("电话属于个人信息，默认只显示部分号码"));
    mSearch = new QLineEdit(this);
    mSearch->setPlaceholderText(tr("查找人员…"));
    mSearch->setClearButtonEnabled(true);
    mRoster = makeTable(this, {tr("姓名"), tr("性别"), tr("状态"), tr("电话"), tr("职务数")});
    mAddMember = new QPushButton(tr("新增人员…"), this);
    mRemoveMember = new QPushButton(tr("从名册删除…"), this);
    mRemoveMember->setToolTip(tr("删除所选人员及其全部职务；姓名、电话和备注也从修改历史中抹去"));

    auto* unitButtons = new QHBoxLayout;
    unitButtons->addWidget(mShowPhones);
    unitButtons->addStretch();
    unitButtons->addWidget(mUnassign);
    unitButtons->addWidget(mAssign);
    auto* rosterButtons = new QHBoxLayout;
    rosterButtons->addStretch();
    rosterButtons->addWidget(mRemoveMember);
    rosterButtons->addWidget(mAddMember);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mTitle);
    layout->addWidget(mAssignments, 2);
    layout->addWidget(mMissing);
    layout->addLayout(unitButtons);
    layout->addWidget(new QLabel(tr("人员名册"), this));
    layout->addWidget(mSearch);
    layout->addWidget(mRoster, 3);
    layout->addLayout(rosterButtons);

    connect(mShowPhones, &QCheckBox::toggled, this, &PeoplePanel::fill);
    connect(mSearch, &QLineEdit::textChanged, this, &PeoplePanel::filterRoster);
    connect(mAssign, &QPushButton::clicked, this, &PeoplePanel::chooseAssignment);
    connect(mAddMember, &QPushButton::clicked, this, &PeoplePanel::chooseNewMember);
    connect(mUnassign, &QPushButton::clicked, this, [this] {
        const int row = mAssignments->currentRow();
        if (row < 0)
            return;
        emit unassignRequested(mAssignments->item(row, 1)->data(Qt::UserRole).toLongLong(),
                               mAssignments->item(row, 0)->data(Qt::UserRole).toString());
    });
    connect(mAssignments, &QTableWidget::itemSelectionChanged, this,
            [this] { mUnassign->setEnabled(mEditable && mAssignments->currentRow() >= 0); });
    connect(mRemoveMember, &QPushButton::clicked, this, &PeoplePanel::confirmMemberRemoval);
    connect(mRoster, &QTableWidget::itemSelectionChanged, this,
            [this] { mRemoveMember->setEnabled(mEditable && mRoster->currentRow() >= 0); });
}

void PeoplePanel::confirmMemberRemoval()
{
    const int row = mRoster->currentRow();
    if (!mData || row < 0)
        return;
    const MemberId id = mRoster->item(row, 0)->data(Qt::UserRole).toLongLong();
    const QString name = mRoster->item(row, 0)->text();
    const int roles = mRoster->item(row, 4)->text().toInt();
    QMessageBox question(QMessageBox::Warning, tr("从人员名册删除"), tr("从人员名册删除“%1”？").arg(name),
                         QMessageBox::Cancel, this);
    question.setInformativeText(
        tr("其担任的 %1 "
           "项职务一并取消。姓名、电话和备注也将从修改历史中抹去：撤销只能恢复为“%2”，不含这些信息。")
            .arg(roles)
            .arg(PersonalDataRemoval::placeholderName(id)));
    QPushButton* remove = question.addButton(tr("删除"), QMessageBox::DestructiveRole);
    question.setDefaultButton(QMessageBox::Cancel);
    question.exec();
    if (question.clickedButton() == remove)
        emit removeMemberRequested(id);
}

void PeoplePanel::showUnit(const ProjectData& data, const Unit* unit, bool editable)
{
    mData = &data;
    mHasUnit = unit != nullptr;
    mUnit = unit ? *unit : Unit();
    mEditable = editable;
    fill();
}

void PeoplePanel::fill()
{
    mAssignments->setRowCount(0);
    mRoster->setRowCount(0);
    if (!mData)
        return;
    const bool phones = mShowPhones->isChecked();
    const auto phone = [phones](const Member& m) { return phones ? m.phone : maskedPhone(m.phone); };
    std::map<MemberId, const Member*> members;
    for (const Member& member : mData->members)
        members[member.id] = &member;

    if (mHasUnit) {
        const LevelDefinition& level = mData->hierarchy.level(mUnit.level);
        mTitle->setFullText(tr("%1 %2 的人员").arg(mUnit.code, mUnit.name));
        for (const Assignment& assignment : mData->assignments) {
            if (assignment.unitId != mUnit.id)
                continue;
            const RoleDefinition* role = level.role(assignment.role);
            const auto member = members.find(assignment.memberId);
            const int row = mAssignments->rowCount();
            mAssignments->insertRow(row);
            mAssignments->setItem(row, 0, item(role ? role->name.text() : assignment.role, assignment.role));
            mAssignments->setItem(row, 1,
                                  item(member != members.end() ? member->second->name : tr("（已删除）"),
                                       QVariant::fromValue(assignment.memberId)));
            mAssignments->setItem(row, 2, item(member != members.end() ? phone(*member->second) : QString()));
            mAssignments->setItem(
                row, 3,
                item(assignment.linkedHouseholds ? QString::number(assignment.linkedHouseholds) : QString()));
        }
        QStringList missing, overfilled;
        const RoleVacancies vacancies(*mData, mUnit);
        for (const RoleVacancies::Role& vacancy : vacancies.inOfferOrder()) {
            if (vacancy.missing())
                missing << vacancy.definition->name.text();
            if (vacancy.overfilled())
                overfilled << tr("%1 %2 人（最多 %3 人）")
                                  .arg(vacancy.definition->name.text())
                                  .arg(vacancy.holders.size())
                                  .arg(vacancy.definition->maxPeople);
        }
        QStringList notes;
        if (!missing.isEmpty())
            notes << tr("缺少：%1").arg(missing.join(QStringLiteral("、")));
        if (!overfilled.isEmpty())
            notes << tr("超员：%1").arg(overfilled.join(QStringLiteral("、")));
        mMissing->setText(notes.join(QStringLiteral("；")));
    } else {
        mTitle->setFullText(tr("选中一个单元以查看其人员"));
        mMissing->clear();
    }
    mAssign->setEnabled(mEditable && mHasUnit && !mData->hierarchy.level(mUnit.level).roles.empty());
    mUnassign->setEnabled(false);
    mAddMember->setEnabled(mEditable);
    mRemoveMember->setEnabled(false);

    std::map<MemberId, int> roles;
    for (const Assignment& assignment : mData->assignments)
        ++roles[assignment.memberId];
    for (const Member& member : mData->members) {
        const int row = mRoster->rowCount();
        mRoster->insertRow(row);
        mRoster->setItem(row, 0, item(member.name, QVariant::fromValue(member.id)));
        mRoster->setItem(row, 1, item(member.gender));
        mRoster->setItem(row, 2, item(member.status));
        mRoster->setItem(row, 3, item(phone(member)));
        mRoster->setItem(row, 4, item(QString::number(roles[member.id])));
    }
    filterRoster(mSearch->text());
}

void PeoplePanel::filterRoster(const QString& text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < mRoster->rowCount(); ++row)
        mRoster->setRowHidden(row, !needle.isEmpty() && !mRoster->item(row, 0)->text().contains(needle));
}

void PeoplePanel::chooseAssignment()
{
    if (!mData || !mHasUnit)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("指派人员"));
    auto* member = new QComboBox(&dialog);
    member->setEditable(true); // type to search
    member->setInsertPolicy(QComboBox::NoInsert);
    for (const Member& m : mData->members)
        member->addItem(QStringLiteral("%1（%2）").arg(m.name, m.status), QVariant::fromValue(m.id));
    const int selected = mRoster->currentRow();
    if (selected >= 0)
        member->setCurrentIndex(member->findData(mRoster->item(selected, 0)->data(Qt::UserRole)));
    // Required roles nobody holds come first; a full one (网格长 taken) is shown, but cannot be chosen.
    auto* role = new QComboBox(&dialog);
    auto* roles = new QStandardItemModel(role);
    const RoleVacancies vacancies(*mData, mUnit);
    for (const RoleVacancies::Role& vacancy : vacancies.inOfferOrder()) {
        QString label = vacancy.definition->name.text();
        if (vacancy.missing())
            label = tr("%1（空缺）").arg(label);
        else if (vacancy.full())
            label = tr("%1（已满，最多 %2 人）").arg(label).arg(vacancy.definition->maxPeople);
        auto* entry = new QStandardItem(label);
        entry->setData(vacancy.definition->key, Qt::UserRole);
        if (vacancy.full())
            entry->setFlags(entry->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        roles->appendRow(entry);
    }
    role->setModel(roles);
    role->setCurrentIndex(-1);
    for (int row = 0; row < roles->rowCount() && role->currentIndex() < 0; ++row)
        if (roles->item(row)->isEnabled())
            role->setCurrentIndex(row);
    role->setObjectName(QStringLiteral("assignRole"));
    auto* linked = new QSpinBox(&dialog);
    linked->setRange(0, 100000);
    linked->setSuffix(tr(" 户"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("人员"), member);
    form->addRow(tr("角色"), role);
    form->addRow(tr("联系户数"), linked);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted && member->currentIndex() >= 0 && role->currentIndex() >= 0)
        emit assignRequested(member->currentData().toLongLong(), role->currentData().toString(),
                             linked->value());
}

void PeoplePanel::chooseNewMember()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("新增人员"));
    auto* name = new QLineEdit(&dialog);
    auto* phone = new QLineEdit(&dialog);
    auto* gender = new QComboBox(&dialog);
    gender->addItems({QString(), tr("男"), tr("女")});
    auto* status = new QComboBox(&dialog);
    status->setEditable(true);
    status->addItems({tr("在职"), tr("离退休"), tr("流动"), tr("志愿者")});
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(name, &QLineEdit::textChanged, buttons, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("姓名"), name);
    form->addRow(tr("电话"), phone);
    form->addRow(tr("性别"), gender);
    form->addRow(tr("状态"), status);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        emit addMemberRequested(Member{0,
                                       name->text().trimmed(),
                                       phone->text().trimmed(),
                                       gender->currentText(),
                                       status->currentText(),
                                       {}});
}
