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
  /// Deepest expression tree accepted: operations nested in operands,
  /// including long chains such as `a and b and …` (each `and` is one level).
  /// Deeper expressions are rejected with E0002 while building the tree.
  std::uint32_t max_expr_depth = 1024;
  /// Syntax errors (and, separately, lexical errors) reported per file before
  /// parsing gives up; 0 means no limit.
  std::size_t max_syntax_errors = 20;
};

/// Parses one `.accord` file. Returns null when the file has lexical or
/// syntax errors (E0001–E0008, E0108; all reported into `diags`). Report
/// template errors (E0310) and repeated rule properties (E0311) are reported
/// but the module is still returned, without the bad hole or repeat; a
/// non-null module may also have semantic errors for later passes to find.
/// Never throws and never prints.
std::unique_ptr<ast::Module> ParseModule(const SourceManager& sources, FileId file,
                                         Diagnostics& diags, const ParseOptions& options = {});

}  // namespace accord
