#pragma once
// Source text → AST. This header is free of ANTLR; parser.cpp is the only
// file in the project that includes ANTLR headers.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "accord/compiler/ast/module.h"
#include "accord/compiler/base/diagnostic.h"

namespace accord {

struct ParseOptions {
  /// Deepest nesting of brackets and prefix operators accepted; deeper input
  /// is rejected with E0002 before the parser runs, so it cannot blow the stack.
  std::uint32_t max_depth = 256;
  /// Syntax errors reported per file before parsing gives up.
  std::size_t max_syntax_errors = 20;
};

/// Parses one `.accord` file. Returns null when the file has lexical or
/// syntax errors (all reported into `diags`); a non-null module may still
/// have semantic errors for later passes to find.
std::unique_ptr<ast::Module> ParseModule(const SourceManager& sources, FileId file,
                                         Diagnostics& diags, const ParseOptions& options = {});

}  // namespace accord
