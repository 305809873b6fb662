#pragma once

#include "geometry.h"

#include <QString>
#include <optional>
#include <stdexcept>

namespace gridmodel {

/**
 * An error that the user must be told about: what went wrong, named in words a
 * planner understands. Thrown by gridmodel; the operation that threw changed nothing.
 */
class Error : public std::runtime_error
{
public:
    enum class Kind
    {
        FileNotFound,
        NotGeoPackage,
        NotProject,   //!< a valid GeoPackage that is not a GridAtlas project (offer import)
        NewerSchema,  //!< written by a newer GridAtlas
        ReadOnly,     //!< the file or its folder cannot be written
        Locked,       //!< another process has the project open for writing
        Corrupt,      //!< damaged or inconsistent content
        FileExists,   //!< refusing to overwrite a file
        InvalidInput, //!< bad argument, template, code, geometry ...
        Io,           //!< the disk said no
        Cancelled,    //!< the user stopped it; nothing changed
    };

    Error(Kind kind, const QString& message);

    Kind kind() const { return mKind; }
    QString message() const { return mMessage; }
    //! where a boundary crosses itself, when that is the problem
    const std::optional<Point>& place() const { return mPlace; }
    Error& atPlace(const Point& place)
    {
        mPlace = place;
        return *this;
    }

private:
    Kind mKind;
    QString mMessage;
    std::optional<Point> mPlace;
};

} // namespace gridmodel
