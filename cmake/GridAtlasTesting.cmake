# gridatlas_add_test(NAME name SOURCES a.cpp ... LIBRARIES lib ...)
# One QtTest executable per test class, registered with CTest; every test runs offscreen
# with its own temporary HOME so nothing is read from or written to the user's settings.
function(gridatlas_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBRARIES} Qt::Test)
  target_compile_definitions(${T_NAME} PRIVATE
    GRIDATLAS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GRIDATLAS_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${T_NAME}
    COMMAND ${CMAKE_COMMAND} -E env
      QT_QPA_PLATFORM=offscreen
      HOME=${PROJECT_BINARY_DIR}/test-home/${T_NAME}
      XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/test-home/${T_NAME}/.config
      XDG_CACHE_HOME=${PROJECT_BINARY_DIR}/test-home/${T_NAME}/.cache
      XDG_DATA_HOME=${PROJECT_BINARY_DIR}/test-home/${T_NAME}/.local/share
      XDG_RUNTIME_DIR=${PROJECT_BINARY_DIR}/test-home/runtime
      $<TARGET_FILE:${T_NAME}>)
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT})
  file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/test-home/${T_NAME}" "${PROJECT_BINARY_DIR}/test-home/runtime")
  file(CHMOD "${PROJECT_BINARY_DIR}/test-home/runtime" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endfunction()
