# Runs one golden case: `accord ARGS...` in the case's directory, and compares
# its stdout, stderr and exit code with the expected file next to the input.
#
#   cmake -DACCORD=... -DCASE_DIR=... -DINPUT=... -DEXPECTED=... -P run_golden.cmake
#
# The input's first line may hold `// args: ...` (or `# args: ...` in YAML)
# to replace the default arguments `check INPUT`; leading `NAME=value` words
# there set environment variables (`// args: ACCORD_PATH=shared check main.accord`).
# An input named `CASE.args` holds only the arguments: its lines, except
# blank lines and `#` comments, joined by spaces (for cases that run on files
# kept elsewhere, such as the shipped ontologies and their example data).
# With ACCORD_UPDATE_GOLDEN=1 in the environment the expected file is
# rewritten instead of compared.

set(args check ${INPUT})
if(INPUT MATCHES "\\.args$")
  file(STRINGS "${CASE_DIR}/${INPUT}" lines)
  set(joined "")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^[ \t]*(#|$)")
      string(APPEND joined " ${line}")
    endif()
  endforeach()
  separate_arguments(args UNIX_COMMAND "${joined}")
  if(NOT args)
    message(FATAL_ERROR "${INPUT} holds no arguments")
  endif()
else()
  file(STRINGS "${CASE_DIR}/${INPUT}" first_line LIMIT_COUNT 1)
  if(first_line MATCHES "^(//|#) args: (.*)$")
    separate_arguments(args UNIX_COMMAND "${CMAKE_MATCH_2}")
  endif()
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

# Durations vary from run to run: JUnit `time="…"` attributes are normalized,
# and the wall time and rate of the run summary's `read` row
# (" in 0.25 s, 20 records/s", absent when the clock read 0) are dropped.
string(REGEX REPLACE "time=\"[0-9.]+\"" "time=\"T\"" out "${out}")
string(REGEX REPLACE " in [0-9]+\\.[0-9]+ s, [0-9,]+ records/s" "" err "${err}")

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
