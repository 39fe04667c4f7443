accord_unit_test(accord_exec_tests
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/differential_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/bundle_test.cpp
  DEPS accord_compiler accord_exec)
