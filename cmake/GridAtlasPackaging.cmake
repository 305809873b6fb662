# Installing, and the Debian package (cpack -G DEB in the build tree): the programs in bin/,
# gridatlas-cli's QGIS module in lib/gridatlas/ (where the program looks beside ../lib), the
# templates, layouts and translations in share/gridatlas/, a desktop entry, the icon in the
# hicolor sizes, the MIME type of a GridAtlas project (by content, so that plain GeoPackages
# stay QGIS's), man pages and bash completion.
include(GNUInstallDirs)
set(_packaging ${PROJECT_SOURCE_DIR}/resources/packaging)

install(TARGETS gridatlas-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(GRIDATLAS_WITH_QGIS)
  install(TARGETS gridatlas RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(TARGETS gridatlas-cli-qgis LIBRARY DESTINATION lib/gridatlas)
  install(FILES ${GRIDATLAS_QM_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/gridatlas/translations)
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/templates DESTINATION ${CMAKE_INSTALL_DATADIR}/gridatlas)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/layouts DESTINATION ${CMAKE_INSTALL_DATADIR}/gridatlas)
install(FILES ${_packaging}/gridatlas.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_packaging}/gridatlas-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME gridatlas.xml)
foreach(_size 16 32 48 64 128 256)
  install(FILES ${_packaging}/icons/gridatlas-${_size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps RENAME gridatlas.png)
endforeach()
install(FILES ${_packaging}/icons/gridatlas.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${_packaging}/completion/gridatlas-cli DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${_packaging}/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gridatlas)

# man pages and the changelog (of a native package: changelog.gz), gzipped as Debian keeps them (-n: no name or time, reproducible)
find_program(GRIDATLAS_GZIP gzip REQUIRED)
set(_compressed "")
foreach(_page gridatlas gridatlas-cli)
  configure_file(${_packaging}/man/${_page}.1 ${PROJECT_BINARY_DIR}/packaging/${_page}.1 @ONLY)
  list(APPEND _compressed ${PROJECT_BINARY_DIR}/packaging/${_page}.1.gz)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/packaging/${_page}.1.gz
    COMMAND ${GRIDATLAS_GZIP} -9nkf ${PROJECT_BINARY_DIR}/packaging/${_page}.1
    DEPENDS ${PROJECT_BINARY_DIR}/packaging/${_page}.1)
  install(FILES ${PROJECT_BINARY_DIR}/packaging/${_page}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
string(TIMESTAMP _today "%a, %d %b %Y 00:00:00 +0000" UTC)
file(WRITE ${PROJECT_BINARY_DIR}/packaging/changelog
     "gridatlas (${PROJECT_VERSION}) unstable; urgency=medium\n\n  * GridAtlas ${PROJECT_VERSION}.\n\n"
     " -- GridAtlas developers <gridatlas@example.org>  ${_today}\n")
list(APPEND _compressed ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/packaging/changelog.gz
  COMMAND ${GRIDATLAS_GZIP} -9nkf ${PROJECT_BINARY_DIR}/packaging/changelog
  DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog)
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gridatlas)
add_custom_target(gridatlas-packaging ALL DEPENDS ${_compressed})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gridatlas)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "GridAtlas")
set(CPACK_PACKAGE_CONTACT "GridAtlas developers <gridatlas@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "grid management maps for urban communities (网格化管理地图)")
# the synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "GridAtlas draws, checks and prints the nested areas of urban community grid\nmanagement: sub-districts, communities, grids, building groups and\nParty-member zones, with the people assigned to them and their household\ncounts. Planners redraw boundaries with no gap or overlap left, community\noffices print one responsibility map per grid, analysts export coverage\nreports. A project is one GeoPackage file, which QGIS reads as well.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qgis-providers, libqt5sql5-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # gridatlas_VERSION_amd64.deb
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
include(CPack)
