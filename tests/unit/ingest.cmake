accord_unit_test(accord_ingest_tests
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/ingest_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/ingest_reader_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/ingest_flat_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/ingest_support.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/sema_support.cpp
  DEPS accord_ingest accord_compiler)
