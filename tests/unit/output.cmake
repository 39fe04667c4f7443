# Output formats of `accord validate`: text, JSONL, SARIF, JUnit, summary.
accord_unit_test(accord_output_tests SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/output_test.cpp DEPS accord_output)
# The escaping helpers are private to the stage; the test checks them directly.
target_include_directories(accord_output_tests PRIVATE ${PROJECT_SOURCE_DIR}/runtime/src/output)
