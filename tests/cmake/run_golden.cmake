# Runs one golden case: `accord ARGS...` in the case's directory, and compares
# its stdout, stderr and exit code with the expected file next to the input.
#
#   cmake -DACCORD=... -DCASE_DIR=... -DINPUT=... -DEXPECTED=... -P run_golden.cmake
#
# The input's first line may hold `// args: ...` (or `# args: ...` in YAML)
# to replace the default arguments `check INPUT`; leading `NAME=value` words
# there set environment variables (`// args: ACCORD_PATH=shared check main.accord`).
# With ACCORD_UPDATE_GOLDEN=1 in the environment the expected file is
# rewritten instead of compared.

file(STRINGS "${CASE_DIR}/${INPUT}" first_line LIMIT_COUNT 1)
set(args check ${INPUT})
if(first_line MATCHES "^(//|#) args: (.*)$")
  separate_arguments(args UNIX_COMMAND "${CMAKE_MATCH_2}")
endif()
set(env NO_COLOR=1 ACCORD_PATH=)
while(args)
  list(GET args 0 word)
  if(NOT word MATCHES "^[A-Z_][A-Z0-9_]*=")
    break()
  endif()
  list(APPEND env "${word}")
  list(REMOVE_AT args 0)
endwhile()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env ${env} ${ACCORD} ${args}
  WORKING_DIRECTORY ${CASE_DIR}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE code)

# Durations vary from run to run: JUnit `time="…"` attributes are normalized.
string(REGEX REPLACE "time=\"[0-9.]+\"" "time=\"T\"" out "${out}")

set(actual "")
if(NOT out STREQUAL "")
  string(APPEND actual "--- stdout\n${out}")
endif()
if(NOT err STREQUAL "")
  string(APPEND actual "--- stderr\n${err}")
endif()
string(APPEND actual "--- exit ${code}\n")

if(DEFINED ENV{ACCORD_UPDATE_GOLDEN} AND NOT "$ENV{ACCORD_UPDATE_GOLDEN}" STREQUAL "")
  file(WRITE "${EXPECTED}" "${actual}")
  return()
endif()
if(NOT EXISTS "${EXPECTED}")
  message(FATAL_ERROR "no expected output ${EXPECTED}; actual:\n${actual}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  file(WRITE "${EXPECTED}.actual" "${actual}")
  execute_process(COMMAND diff -u "${EXPECTED}" "${EXPECTED}.actual")
  message(FATAL_ERROR "golden mismatch for ${INPUT}; actual output in ${EXPECTED}.actual "
                      "(rerun with ACCORD_UPDATE_GOLDEN=1 to accept)")
endif()
file(REMOVE "${EXPECTED}.actual")
