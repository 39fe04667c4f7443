accord_unit_test(accord_yaml_tests SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/yaml_test.cpp DEPS accord_yaml)
