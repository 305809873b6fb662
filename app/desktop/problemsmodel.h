#pragma once

#include "checker.h"

#include <QAbstractTableModel>
#include <vector>

namespace gridmodel {
struct ProjectData;
}

/** The checker's findings as a table: kind, level, units, area, detail. */
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        LevelColumn,
        UnitsColumn,
        AreaColumn,
        DetailColumn,
        ColumnCount
    };

    explicit ProblemsModel(QObject* parent = nullptr);

    //! checks the project again and shows what the checker finds
    void recheck(const gridmodel::ProjectData& data);
    void clear();
    const gridmodel::Problem& problem(int row) const { return mProblems.at(static_cast<size_t>(row)); }
    int problemCount() const { return static_cast<int>(mProblems.size()); }

    //! the name of a kind of problem as the user reads it (缺口, 重叠 ...)
    static QString kindName(gridmodel::Problem::Kind kind);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<gridmodel::Problem> mProblems;
    std::vector<QString> mLevelNames;
    std::vector<QString> mUnitCodes; //!< per problem, the codes of its units
};
