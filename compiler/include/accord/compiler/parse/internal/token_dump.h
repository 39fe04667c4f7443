#pragma once
// Token dumps, for tests: the hand-written lexer (lexer.h) must produce the
// same tokens as the lexer ANTLR generates from grammar/Accord.g4.
// Implemented in parser.cpp, the one file that may include ANTLR.

#include <string>
#include <string_view>

namespace accord::parse::internal {

/// Every token of well-formed UTF-8 `text`, one per line: `TYPE channel
/// line:column start..stop text` with ANTLR's token names, 0-based columns and
/// code-point indices, from the generated lexer (`generated`) or the
/// hand-written one.
std::string DumpTokens(std::string_view text, bool generated);

}  // namespace accord::parse::internal
