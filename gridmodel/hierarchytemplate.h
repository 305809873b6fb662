#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace gridmodel {

/** A name in Chinese (shown by default) and English. */
struct LocalizedText
{
    QString zh;
    QString en;
    //! the name for a language ("zh" or "en"; empty: the display language); falls back to the other one
    QString text(const QString& language = QString()) const;
    //! the language text() uses by default: "zh" unless a program chose "en"
    static void setDisplayLanguage(const QString& language);
    bool operator==(const LocalizedText& o) const { return zh == o.zh && en == o.en; }
};

/** An inclusive band such as 30–50 households; either end may be open. */
struct TargetBand
{
    std::optional<qint64> min;
    std::optional<qint64> max;
    bool isSet() const { return min || max; }
    bool contains(qint64 value) const { return (!min || value >= *min) && (!max || value <= *max); }
    bool operator==(const TargetBand& o) const { return min == o.min && max == o.max; }
};

struct RoleDefinition
{
    QString key; //!< stable, stored in assignments (e.g. "grid_leader")
    LocalizedText name;
    bool required = false; //!< every unit of the level needs someone in this role
    int maxPeople = 0;     //!< at most this many people hold it at one unit (网格长: 1); 0: any number
    //! whether `people` holding it at one unit leave no room for another
    bool isFullWith(qsizetype people) const { return maxPeople > 0 && people >= maxPeople; }
    //! whether `people` holding it at one unit are more than it allows
    bool isOverfilledBy(qsizetype people) const { return maxPeople > 0 && people > maxPeople; }
    bool operator==(const RoleDefinition& o) const
    {
        return key == o.key && name == o.name && required == o.required && maxPeople == o.maxPeople;
    }
};

struct LevelDefinition
{
    QString key; //!< one of street, community, grid, building, zone
    LocalizedText name;
    LocalizedText organisation;
    int codeDigits = 2;            //!< a unit's code is its parent's code plus this many digits
    bool coveredByChildren = true; //!< children must cover the whole unit (no gaps)
    bool contiguous = false;       //!< a unit must be one piece
    std::vector<RoleDefinition> roles;
    TargetBand households;
    TargetBand residents;

    const RoleDefinition* role(const QString& roleKey) const;
    bool operator==(const LevelDefinition& o) const;
};

/** e.g. "1+10": each Party member of a zone keeps in touch with 5–15 households. */
struct RatioRule
{
    QString key;
    QString levelKey;
    QString roleKey;
    TargetBand householdsPerMember;
    LocalizedText description;
    bool operator==(const RatioRule& o) const;
};

/**
 * The levels of a project's hierarchy with their organisations, roles, code scheme
 * and target bands. Stored as JSON; shipped templates live in data/templates and a
 * project carries its own copy.
 */
class HierarchyTemplate
{
public:
    static QStringList knownLevelKeys(); //!< street, community, grid, building, zone
    static QStringList builtinKeys();    //!< five-level, five-level-household, four-level
    //! a shipped template; throws Error(InvalidInput) for an unknown key
    static HierarchyTemplate builtin(const QString& key);
    //! parses and checks a template; throws Error(InvalidInput) naming the problem
    static HierarchyTemplate fromJson(const QByteArray& json);
    QByteArray toJson() const;

    QString key() const { return mKey; }
    LocalizedText name() const { return mName; }
    const std::vector<LevelDefinition>& levels() const { return mLevels; }
    const LevelDefinition& level(int index) const { return mLevels.at(static_cast<size_t>(index)); }
    int levelCount() const { return static_cast<int>(mLevels.size()); }
    //! -1 when the template has no such level
    int levelIndex(const QString& levelKey) const;
    //! the level planners work on unless they choose another: the grid, else the lowest
    int defaultEditingLevel() const;
    const std::vector<RatioRule>& ratioRules() const { return mRatioRules; }
    //! gaps and overlaps smaller than this are slivers, not problems
    double sliverToleranceM2() const { return mSliverToleranceM2; }

    bool operator==(const HierarchyTemplate& o) const;

private:
    QString mKey;
    LocalizedText mName;
    std::vector<LevelDefinition> mLevels;
    std::vector<RatioRule> mRatioRules;
    double mSliverToleranceM2 = 1.0;
};

} // namespace gridmodel
