# Warnings for Accord's own code. Generated code (the ANTLR parser) is built
# in its own target without these.
set(ACCORD_WARNINGS -Wall -Wextra -Werror -Wno-unused-parameter)

# accord_library(NAME SOURCES... [DEPS ...] [PRIVATE_DEPS ...]): a static library.
function(accord_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${ACCORD_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# accord_stage(NAME FOLDER [DEPS ...] [PRIVATE_DEPS ...]): one stage of the
# pipeline, built from src/FOLDER/*.cpp of the calling directory, with that
# directory's include/ as its public headers.
function(accord_stage name folder)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/${folder}/*.cpp)
  if(NOT sources)
    message(FATAL_ERROR "stage ${name} has no sources in src/${folder}")
  endif()
  accord_library(${name} SOURCES ${sources} ${ARGN})
  target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
endfunction()
