#include "unitpropertiespanel.h"

#include "codescheme.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

using namespace gridmodel;

UnitPropertiesPanel::UnitPropertiesPanel(QWidget* parent) : QWidget(parent)
{
    mLevel = new QLabel(this);
    mCode = new QLabel(this);
    mCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mName = new QLineEdit(this);
    mExternalCode = new QLineEdit(this);
    mExternalCode->setPlaceholderText(tr("其他系统的编码，如统计用区划代码"));
    mExternalCode->setToolTip(tr("导入户数、名册或边界时也可按此编码匹配单元"));
    mExternalCode->setMaxLength(CodeScheme::ExternalCodeMaxLength);
    mOrganisation = new QLineEdit(this);
    mOrganisation->setPlaceholderText(tr("如 第三网格党支部"));
    mHouseholds = new QSpinBox(this);
    mResidents = new QSpinBox(this);
    for (QSpinBox* count : {mHouseholds, mResidents}) {
        count->setRange(0, std::numeric_limits<int>::max());
        count->setGroupSeparatorShown(true);
    }
    mHouseholds->setSuffix(tr(" 户"));
    mResidents->setSuffix(tr(" 人"));
    mNotes = new QPlainTextEdit(this);
    mNotes->setMaximumHeight(80);
    mMessage = new QLabel(this);
    mMessage->setStyleSheet(QStringLiteral("color: #b00020;"));
    mMessage->setWordWrap(true);
    mApply = new QPushButton(tr("应用"), this);
    mApply->setToolTip(tr("保存修改（Ctrl+Return）；户数、人数的变化计入各级上级"));
    mApply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    mRevert = new QPushButton(tr("还原"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("层级"), mLevel);
    form->addRow(tr("编码"), mCode);
    form->addRow(tr("外部编码"), mExternalCode);
    form->addRow(tr("名称"), mName);
    form->addRow(tr("组织"), mOrganisation);
    form->addRow(tr("户数"), mHouseholds);
    form->addRow(tr("人数"), mResidents);
    form->addRow(tr("备注"), mNotes);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(mRevert);
    buttons->addWidget(mApply);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mMessage);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(mName, &QLineEdit::textChanged, this, &UnitPropertiesPanel::updateState);
    connect(mOrganisation, &QLineEdit::textChanged, this, &UnitPropertiesPanel::updateState);
    connect(mExternalCode, &QLineEdit::textChanged, this, &UnitPropertiesPanel::updateState);
    connect(mHouseholds, qOverload<int>(&QSpinBox::valueChanged), this, &UnitPropertiesPanel::updateState);
    connect(mResidents, qOverload<int>(&QSpinBox::valueChanged), this, &UnitPropertiesPanel::updateState);
    connect(mNotes, &QPlainTextEdit::textChanged, this, &UnitPropertiesPanel::updateState);
    connect(mApply, &QPushButton::clicked, this, &UnitPropertiesPanel::applyChanges);
    connect(mRevert, &QPushButton::clicked, this, &UnitPropertiesPanel::discardChanges);
    showUnit(nullptr, QString(), false);
}

void UnitPropertiesPanel::showUnit(const Unit* unit, const QString& levelName, bool editable)
{
    const UnitId previous = mUnitId;
    ProjectEditor::Attributes typed = mEditable ? changedAttributes() : ProjectEditor::Attributes();
    if (typed.name && typed.name->isEmpty())
        typed.name.reset(); // a unit needs a name: the old one stays
    const bool carry = !typed.isEmpty();
    mUnitId = unit ? unit->id : 0;
    mShown = unit ? *unit : Unit();
    mEditable = editable && unit;
    mLevel->setText(unit ? levelName : tr("未选择单元"));
    fillFields();
    if (carry && previous == mUnitId && mEditable) {
        // The same unit again (after some other edit): the typed changes stay in the fields.
        const QSignalBlocker blockers[] = {QSignalBlocker(mName),         QSignalBlocker(mOrganisation),
                                           QSignalBlocker(mExternalCode), QSignalBlocker(mHouseholds),
                                           QSignalBlocker(mResidents),    QSignalBlocker(mNotes)};
        if (typed.name)
            mName->setText(*typed.name);
        if (typed.organisation)
            mOrganisation->setText(*typed.organisation);
        if (typed.externalCode)
            mExternalCode->setText(*typed.externalCode);
        if (typed.households)
            mHouseholds->setValue(static_cast<int>(*typed.households));
        if (typed.residents)
            mResidents->setValue(static_cast<int>(*typed.residents));
        if (typed.notes)
            mNotes->setPlainText(*typed.notes);
        updateState();
    } else if (carry && previous) {
        emit applyRequested(previous, typed); // another unit chosen: what was typed is applied
    }
}

bool UnitPropertiesPanel::hasUnappliedChanges() const
{
    return mEditable && !changedAttributes().isEmpty();
}

bool UnitPropertiesPanel::applyChanges()
{
    if (!mUnitId || !inputProblem().isEmpty())
        return false;
    if (hasUnappliedChanges())
        emit applyRequested(mUnitId, changedAttributes());
    return true;
}

void UnitPropertiesPanel::discardChanges()
{
    fillFields();
}

void UnitPropertiesPanel::fillFields()
{
    const QSignalBlocker blockers[] = {QSignalBlocker(mName),         QSignalBlocker(mOrganisation),
                                       QSignalBlocker(mExternalCode), QSignalBlocker(mHouseholds),
                                       QSignalBlocker(mResidents),    QSignalBlocker(mNotes)};
    mCode->setText(mShown.code);
    mExternalCode->setText(mShown.externalCode);
    mName->setText(mShown.name);
    mOrganisation->setText(mShown.organisation);
    mHouseholds->setValue(static_cast<int>(mShown.households));
    mResidents->setValue(static_cast<int>(mShown.residents));
    mNotes->setPlainText(mShown.notes);
    for (QWidget* field :
         std::initializer_list<QWidget*>{mName, mExternalCode, mOrganisation, mHouseholds, mResidents})
        field->setEnabled(mEditable);
    mNotes->setReadOnly(!mEditable);
    updateState();
}

QString UnitPropertiesPanel::inputProblem() const
{
    if (mUnitId && mName->text().trimmed().isEmpty())
        return tr("名称不能为空");
    return QString();
}

ProjectEditor::Attributes UnitPropertiesPanel::changedAttributes() const
{
    ProjectEditor::Attributes attributes;
    if (!mUnitId)
        return attributes;
    if (mName->text().trimmed() != mShown.name)
        attributes.name = mName->text().trimmed();
    if (mOrganisation->text().trimmed() != mShown.organisation)
        attributes.organisation = mOrganisation->text().trimmed();
    if (mExternalCode->text().trimmed() != mShown.externalCode)
        attributes.externalCode = mExternalCode->text().trimmed();
    if (mHouseholds->value() != mShown.households)
        attributes.households = mHouseholds->value();
    if (mResidents->value() != mShown.residents)
        attributes.residents = mResidents->value();
    if (mNotes->toPlainText() != mShown.notes)
        attributes.notes = mNotes->toPlainText();
    return attributes;
}

void UnitPropertiesPanel::updateState()
{
    const QString problem = inputProblem();
    mMessage->setText(problem);
    mName->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #b00020;"));
    const bool dirty = hasUnappliedChanges();
    mApply->setEnabled(dirty && problem.isEmpty());
    mRevert->setEnabled(dirty);
}
