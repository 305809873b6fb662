#pragma once

#include "projectdata.h"

#include <QComboBox>

namespace gridmodel {
class ProjectFile;
}

/**
 * Where a print, an export or a report applies: the whole district, or the selected unit or
 * one above it. The current item's data is the unit's code (empty: the whole district).
 */
class ScopeBox : public QComboBox
{
    Q_OBJECT

public:
    ScopeBox(const gridmodel::ProjectFile& project, gridmodel::UnitId selected, QWidget* parent = nullptr);

    /**
     * The choices for units of `level`: the selection and its ancestors down to that level;
     * the unit just above it is chosen (all grids of the selected grid's community, say).
     */
    void fill(int level);
    QString code() const { return currentData().toString(); }
    gridmodel::UnitId unitId() const;

private:
    const gridmodel::ProjectFile& mProject;
    gridmodel::UnitId mSelected;
};
