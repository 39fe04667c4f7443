# Warnings for Accord's own code. Generated code (the ANTLR parser) is built
# in its own target without these.
set(ACCORD_WARNINGS -Wall -Wextra -Werror -Wno-unused-parameter)

# accord_library(NAME SOURCES... [DEPS ...]): one stage of the pipeline.
function(accord_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${ACCORD_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()
