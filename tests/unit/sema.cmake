accord_unit_test(accord_sema_tests
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/sema_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/sema_rules_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/sema_support.cpp
  DEPS accord_compiler)
