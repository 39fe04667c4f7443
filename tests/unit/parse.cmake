# The parser front end: source text -> AST, and every diagnostic it reports.
accord_unit_test(accord_parse_tests
  SOURCES
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/parse_test.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/parse_template_test.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/parse_errors_test.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/parse_internal_test.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/parse_lexer_test.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/parse_fast_test.cpp
  DEPS accord_parse)
