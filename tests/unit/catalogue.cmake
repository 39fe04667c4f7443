# The catalogue of diagnostic codes: every code is explained and has a golden case.
accord_unit_test(accord_catalogue_tests
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/catalogue_test.cpp
  DEPS accord_base)
