# Finds Qt (the major QGIS uses, or Qt 6 without QGIS), QGIS, GDAL, GEOS and SQLite.

if(GRIDATLAS_WITH_QGIS)
  list(APPEND CMAKE_MODULE_PATH /usr/share/qgis)
  find_package(QGIS REQUIRED)
  # libqgis of Debian 12 (QGIS 3.22) links Qt 5; QGIS 4 links Qt 6. One process holds one Qt.
  if(QGIS_VERSION VERSION_GREATER_EQUAL 3.99)
    set(_gridatlas_default_qt 6)
  else()
    set(_gridatlas_default_qt 5)
  endif()
else()
  set(_gridatlas_default_qt 6)
endif()
set(GRIDATLAS_QT_MAJOR ${_gridatlas_default_qt} CACHE STRING "Qt major version to build against")

set(_qt_components Core Sql Test)
if(GRIDATLAS_WITH_QGIS)
  list(APPEND _qt_components Gui Widgets Xml Svg PrintSupport Network Concurrent)
endif()
find_package(Qt${GRIDATLAS_QT_MAJOR} REQUIRED COMPONENTS ${_qt_components})
message(STATUS "GridAtlas: Qt ${Qt${GRIDATLAS_QT_MAJOR}Core_VERSION}, QGIS: ${GRIDATLAS_WITH_QGIS} ${QGIS_VERSION}")

find_package(GDAL REQUIRED)
find_package(GEOS CONFIG REQUIRED)
find_package(SQLite3 REQUIRED)

if(GRIDATLAS_WITH_QGIS)
  # Debian's libqgis was built with WebKit but qgsconfig.h does not say so.
  find_package(Qt5 COMPONENTS WebKit WebKitWidgets QUIET)
  add_library(gridatlas_qgis INTERFACE)
  # A few flattened headers still include subfolder paths (scalebar/..., geometry/...):
  # a folder of symlinks back to the flat include dir makes them resolve.
  set(_shim "${CMAKE_BINARY_DIR}/qgis-include-shim")
  foreach(_sub scalebar geometry diagram processing processing/models editorwidgets editorwidgets/core
               layout symbology raster mesh vectortile pointcloud annotations labeling)
    string(REPLACE "/" ";" _parts "${_sub}")
    file(MAKE_DIRECTORY "${_shim}")
    if(NOT EXISTS "${_shim}/${_sub}")
      get_filename_component(_parent "${_shim}/${_sub}" DIRECTORY)
      file(MAKE_DIRECTORY "${_parent}")
      file(CREATE_LINK "${QGIS_INCLUDE_DIR}" "${_shim}/${_sub}" SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(gridatlas_qgis SYSTEM INTERFACE "${QGIS_INCLUDE_DIR}" "${_shim}")
  target_link_libraries(gridatlas_qgis INTERFACE ${QGIS_CORE_LIBRARY} ${QGIS_GUI_LIBRARY}
    Qt::Core Qt::Gui Qt::Widgets Qt::Xml Qt::Svg Qt::PrintSupport Qt::Network)
  if(TARGET Qt5::WebKitWidgets)
    target_compile_definitions(gridatlas_qgis INTERFACE WITH_QTWEBKIT)
    target_link_libraries(gridatlas_qgis INTERFACE Qt5::WebKit Qt5::WebKitWidgets)
  endif()
endif()
