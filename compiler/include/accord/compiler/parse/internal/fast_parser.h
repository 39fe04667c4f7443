#pragma once
// The parser's fast path: a recursive-descent parser for grammar/Accord.g4
// that builds the AST straight from the hand-written lexer's tokens, with no
// ANTLR token objects or parse tree. It gives up on anything that would be
// reported (a lexical or syntax error, excess nesting, a bad literal or
// escape, a template problem, a repeated rule property), and parser.cpp then
// parses the file with ANTLR, which reports it. Free of ANTLR.

#include <memory>
#include <string_view>

#include "accord/compiler/ast/module.h"
#include "accord/compiler/parse/parser.h"

namespace accord::parse::internal {

/// The module the ANTLR parse builds from well-formed UTF-8 `text`, or null
/// when that parse would report anything (then nothing is known: parse
/// again with ParseModuleWithAntlr).
std::unique_ptr<ast::Module> FastParse(std::string_view text, FileId file,
                                       const ParseOptions& options);

/// ParseModule without the fast path, for tests that compare the two.
std::unique_ptr<ast::Module> ParseModuleWithAntlr(const SourceManager& sources, FileId file,
                                                  Diagnostics& diags,
                                                  const ParseOptions& options = {});

}  // namespace accord::parse::internal
