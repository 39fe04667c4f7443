#pragma once
// The nesting-depth check run over the token stream before parsing, so that
// hostile input cannot exhaust the parser's stack. Free of ANTLR.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace accord::parse::internal {

/// What a token means for nesting.
enum class NestingKind : std::uint8_t {
  OPEN,     ///< `(` `[` `{`
  CLOSE,    ///< `)` `]` `}`
  NOT,      ///< `not`
  MINUS,    ///< `-`: a prefix operator unless it follows an operand
  OPERAND,  ///< a token that can end an operand: name, literal
  OTHER,
};

/// Index of the first token at which brackets and prefix operators nest
/// deeper than `max_depth`, or npos. A bracket adds one level for what it
/// encloses; a run of prefix operators (`not not -x`) adds one level per
/// operator for the operand that follows it.
std::size_t FindExcessNesting(const std::vector<NestingKind>& tokens, std::uint32_t max_depth);

}  // namespace accord::parse::internal
