#include "hierarchytemplate.h"

#include "error.h"
#include "translation.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

static void initTemplateResources()
{
    Q_INIT_RESOURCE(gridmodel);
}

namespace gridmodel {

namespace {

[[noreturn]] void invalid(const QString& message)
{
    throw Error(Error::Kind::InvalidInput, Tr::tr("Invalid hierarchy template: %1").arg(message));
}

LocalizedText readText(const QJsonValue& value, const QString& where)
{
    if (value.isString())
        return {value.toString(), value.toString()};
    const QJsonObject object = value.toObject();
    LocalizedText text{object.value(QLatin1String("zh")).toString(),
                       object.value(QLatin1String("en")).toString()};
    if (text.zh.isEmpty() && text.en.isEmpty())
        invalid(Tr::tr("%1 has no name").arg(where));
    return text;
}

QJsonObject writeText(const LocalizedText& text)
{
    return QJsonObject{{QStringLiteral("zh"), text.zh}, {QStringLiteral("en"), text.en}};
}

TargetBand readBand(const QJsonValue& value, const QString& where)
{
    TargetBand band;
    if (value.isUndefined() || value.isNull())
        return band;
    const QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("min")))
        band.min = static_cast<qint64>(object.value(QLatin1String("min")).toDouble());
    if (object.contains(QLatin1String("max")))
        band.max = static_cast<qint64>(object.value(QLatin1String("max")).toDouble());
    if (band.min && band.max && *band.min > *band.max)
        invalid(Tr::tr("%1: the band's minimum is above its maximum").arg(where));
    return band;
}

QJsonValue writeBand(const TargetBand& band)
{
    if (!band.isSet())
        return QJsonValue();
    QJsonObject object;
    if (band.min)
        object.insert(QStringLiteral("min"), *band.min);
    if (band.max)
        object.insert(QStringLiteral("max"), *band.max);
    return object;
}

} // namespace

namespace {
QString& displayLanguage()
{
    static QString language = QStringLiteral("zh");
    return language;
}
} // namespace

void LocalizedText::setDisplayLanguage(const QString& language)
{
    displayLanguage() = language;
}

QString LocalizedText::text(const QString& language) const
{
    if ((language.isEmpty() ? displayLanguage() : language).startsWith(QLatin1String("en")))
        return en.isEmpty() ? zh : en;
    return zh.isEmpty() ? en : zh;
}

const RoleDefinition* LevelDefinition::role(const QString& roleKey) const
{
    for (const RoleDefinition& r : roles)
        if (r.key == roleKey)
            return &r;
    return nullptr;
}

bool LevelDefinition::operator==(const LevelDefinition& o) const
{
    return key == o.key && name == o.name && organisation == o.organisation && codeDigits == o.codeDigits &&
           coveredByChildren == o.coveredByChildren && contiguous == o.contiguous && roles == o.roles &&
           households == o.households && residents == o.residents;
}

bool RatioRule::operator==(const RatioRule& o) const
{
    return key == o.key && levelKey == o.levelKey && roleKey == o.roleKey &&
           householdsPerMember == o.householdsPerMember && description == o.description;
}

bool HierarchyTemplate::operator==(const HierarchyTemplate& o) const
{
    return mKey == o.mKey && mName == o.mName && mLevels == o.mLevels && mRatioRules == o.mRatioRules &&
           mSliverToleranceM2 == o.mSliverToleranceM2;
}

QStringList HierarchyTemplate::knownLevelKeys()
{
    return {QStringLiteral("street"), QStringLiteral("community"), QStringLiteral("grid"),
            QStringLiteral("building"), QStringLiteral("zone")};
}

QStringList HierarchyTemplate::builtinKeys()
{
    return {QStringLiteral("five-level"), QStringLiteral("five-level-household"),
            QStringLiteral("four-level")};
}

HierarchyTemplate HierarchyTemplate::builtin(const QString& key)
{
    initTemplateResources();
    if (!builtinKeys().contains(key))
        throw Error(Error::Kind::InvalidInput, Tr::tr("Unknown template \"%1\"; choose one of: %2")
                                                   .arg(key, builtinKeys().join(QStringLiteral(", "))));
    QFile file(QStringLiteral(":/gridatlas/templates/%1.json").arg(key));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Io, Tr::tr("The built-in template %1 is missing").arg(key));
    return fromJson(file.readAll());
}

int HierarchyTemplate::levelIndex(const QString& levelKey) const
{
    for (size_t i = 0; i < mLevels.size(); ++i)
        if (mLevels[i].key == levelKey)
            return static_cast<int>(i);
    return -1;
}

int HierarchyTemplate::defaultEditingLevel() const
{
    const int grid = levelIndex(QStringLiteral("grid"));
    return grid >= 0 ? grid : levelCount() - 1;
}

HierarchyTemplate HierarchyTemplate::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull())
        invalid(
            Tr::tr("not valid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = document.object();

    HierarchyTemplate result;
    result.mKey = root.value(QLatin1String("key")).toString();
    if (result.mKey.isEmpty())
        invalid(Tr::tr("no \"key\""));
    result.mName = readText(root.value(QLatin1String("name")), Tr::tr("the template"));
    result.mSliverToleranceM2 = root.value(QLatin1String("sliver_tolerance_m2")).toDouble(1.0);
    if (result.mSliverToleranceM2 < 0)
        invalid(Tr::tr("the sliver tolerance is negative"));

    const QJsonArray levels = root.value(QLatin1String("levels")).toArray();
    if (levels.size() < 2 || levels.size() > 5)
        invalid(Tr::tr("a hierarchy needs 2 to 5 levels, this one has %1").arg(levels.size()));
    const QStringList known = knownLevelKeys();
    int previousKnownIndex = -1;
    for (const QJsonValue& value : levels) {
        const QJsonObject object = value.toObject();
        LevelDefinition level;
        level.key = object.value(QLatin1String("key")).toString();
        const int knownIndex = static_cast<int>(known.indexOf(level.key));
        if (knownIndex < 0)
            invalid(Tr::tr("unknown level key \"%1\" (expected one of %2)")
                        .arg(level.key, known.join(QStringLiteral(", "))));
        if (knownIndex <= previousKnownIndex)
            invalid(Tr::tr("level \"%1\" is repeated or out of order").arg(level.key));
        previousKnownIndex = knownIndex;
        level.name = readText(object.value(QLatin1String("name")), level.key);
        level.organisation = object.contains(QLatin1String("organisation"))
                                 ? readText(object.value(QLatin1String("organisation")), level.key)
                                 : LocalizedText{};
        level.codeDigits = object.value(QLatin1String("code_digits")).toInt(2);
        if (level.codeDigits < 1 || level.codeDigits > 6)
            invalid(Tr::tr("level \"%1\": code_digits must be 1 to 6").arg(level.key));
        level.coveredByChildren = object.value(QLatin1String("covered_by_children")).toBool(true);
        level.contiguous = object.value(QLatin1String("contiguous")).toBool(false);
        QSet<QString> roleKeys;
        for (const QJsonValue& roleValue : object.value(QLatin1String("roles")).toArray()) {
            const QJsonObject roleObject = roleValue.toObject();
            RoleDefinition role;
            role.key = roleObject.value(QLatin1String("key")).toString();
            if (role.key.isEmpty() || roleKeys.contains(role.key))
                invalid(Tr::tr("level \"%1\": a role has no key or a repeated key \"%2\"")
                            .arg(level.key, role.key));
            roleKeys.insert(role.key);
            role.name = readText(roleObject.value(QLatin1String("name")), role.key);
            role.required = roleObject.value(QLatin1String("required")).toBool(false);
            if (roleObject.contains(QLatin1String("max"))) {
                const QJsonValue max = roleObject.value(QLatin1String("max"));
                role.maxPeople = max.isDouble() ? max.toInt(-1) : -1;
                if (role.maxPeople < 1 || max.toDouble() != role.maxPeople)
                    invalid(Tr::tr("level \"%1\": role \"%2\" has max %3; it must be a whole number of "
                                   "at least 1")
                                .arg(level.key, role.key, max.toVariant().toString()));
            }
            level.roles.push_back(role);
        }
        const QJsonObject bands = object.value(QLatin1String("bands")).toObject();
        level.households = readBand(bands.value(QLatin1String("households")), level.key);
        level.residents = readBand(bands.value(QLatin1String("residents")), level.key);
        result.mLevels.push_back(level);
    }

    for (const QJsonValue& value : root.value(QLatin1String("ratios")).toArray()) {
        const QJsonObject object = value.toObject();
        RatioRule rule;
        rule.key = object.value(QLatin1String("key")).toString();
        rule.levelKey = object.value(QLatin1String("level")).toString();
        rule.roleKey = object.value(QLatin1String("role")).toString();
        const int levelIndex = result.levelIndex(rule.levelKey);
        if (levelIndex < 0)
            invalid(Tr::tr("ratio rule \"%1\" names an unknown level \"%2\"").arg(rule.key, rule.levelKey));
        if (!result.mLevels[static_cast<size_t>(levelIndex)].role(rule.roleKey))
            invalid(Tr::tr("ratio rule \"%1\" names a role \"%2\" that level \"%3\" does not have")
                        .arg(rule.key, rule.roleKey, rule.levelKey));
        rule.householdsPerMember = readBand(object.value(QLatin1String("households_per_member")), rule.key);
        rule.description = object.contains(QLatin1String("description"))
                               ? readText(object.value(QLatin1String("description")), rule.key)
                               : LocalizedText{};
        result.mRatioRules.push_back(rule);
    }
    return result;
}

QByteArray HierarchyTemplate::toJson() const
{
    QJsonArray levels;
    for (const LevelDefinition& level : mLevels) {
        QJsonArray roles;
        for (const RoleDefinition& role : level.roles) {
            QJsonObject object{{QStringLiteral("key"), role.key},
                               {QStringLiteral("name"), writeText(role.name)},
                               {QStringLiteral("required"), role.required}};
            if (role.maxPeople > 0)
                object.insert(QStringLiteral("max"), role.maxPeople);
            roles.append(object);
        }
        QJsonObject bands;
        if (level.households.isSet())
            bands.insert(QStringLiteral("households"), writeBand(level.households));
        if (level.residents.isSet())
            bands.insert(QStringLiteral("residents"), writeBand(level.residents));
        QJsonObject object{{QStringLiteral("key"), level.key},
                           {QStringLiteral("name"), writeText(level.name)},
                           {QStringLiteral("code_digits"), level.codeDigits},
                           {QStringLiteral("covered_by_children"), level.coveredByChildren},
                           {QStringLiteral("contiguous"), level.contiguous},
                           {QStringLiteral("roles"), roles},
                           {QStringLiteral("bands"), bands}};
        if (!level.organisation.zh.isEmpty() || !level.organisation.en.isEmpty()) // optional when read
            object.insert(QStringLiteral("organisation"), writeText(level.organisation));
        levels.append(object);
    }
    QJsonArray ratios;
    for (const RatioRule& rule : mRatioRules) {
        QJsonObject object{{QStringLiteral("key"), rule.key},
                           {QStringLiteral("level"), rule.levelKey},
                           {QStringLiteral("role"), rule.roleKey},
                           {QStringLiteral("households_per_member"), writeBand(rule.householdsPerMember)}};
        if (!rule.description.zh.isEmpty() || !rule.description.en.isEmpty())
            object.insert(QStringLiteral("description"), writeText(rule.description));
        ratios.append(object);
    }
    const QJsonObject root{{QStringLiteral("key"), mKey},
                           {QStringLiteral("name"), writeText(mName)},
                           {QStringLiteral("sliver_tolerance_m2"), mSliverToleranceM2},
                           {QStringLiteral("levels"), levels},
                           {QStringLiteral("ratios"), ratios}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace gridmodel
