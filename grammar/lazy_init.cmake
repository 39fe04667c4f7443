# Run after ANTLR generates the lexer or parser (grammar/CMakeLists.txt):
# the generated code deserializes its ATN in a static initializer, that is in
# every process that links it, before main, whether or not it ever parses
# .accord text (about 1 ms and 100 KB of heap per `accord` command, most of
# which read bundles or data). This moves that initialization into the
# constructor, as a function-local static: done once, on first use, thread
# safe. Fails the build if the generated code no longer has the expected
# shape, rather than leave the static initializer in silently.
#
#   cmake -DFILE=AccordLexer.cpp -DCLASS=AccordLexer -DBASE=Lexer -DINPUT=CharStream -P lazy_init.cmake

file(READ ${FILE} text)
set(definition "${CLASS}::Initializer ${CLASS}::_init;")
set(constructor "${CLASS}::${CLASS}(${INPUT} *input) : ${BASE}(input) {")
string(FIND "${text}" "${definition}" at_definition)
string(FIND "${text}" "${constructor}" at_constructor)
if(at_definition EQUAL -1 OR at_constructor EQUAL -1)
  message(FATAL_ERROR "${FILE}: the generated ${CLASS} does not have the static initializer "
                      "and constructor grammar/lazy_init.cmake expects (another ANTLR version?)")
endif()
string(REPLACE "${definition}"
       "// ${CLASS}::_init: initialized on first use, in the constructor (grammar/lazy_init.cmake)."
       text "${text}")
string(REPLACE "${constructor}"
       "${constructor}\n  static Initializer initialized;  // the ATN, on first use (grammar/lazy_init.cmake)"
       text "${text}")
file(WRITE ${FILE} "${text}")
