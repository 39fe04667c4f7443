# Output formats of `accord validate`: text, JSONL, SARIF, JUnit, summary, and
# writing them as a stream (ReportOutput, SpillFile).
accord_unit_test(accord_output_tests
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/output_test.cpp
          ${CMAKE_CURRENT_SOURCE_DIR}/unit/output_stream_test.cpp
  DEPS accord_output fmt::fmt)
# The escaping helpers and the spill file are private to the stage; the tests check them directly.
target_include_directories(accord_output_tests PRIVATE ${PROJECT_SOURCE_DIR}/runtime/src/output)
