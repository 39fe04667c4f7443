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

/// The check of FindExcessNesting one token at a time, for a parser that
/// reads tokens as it goes.
class NestingTracker {
 public:
  explicit NestingTracker(std::uint32_t max_depth) : max_depth_(max_depth) {}

  /// Takes the next token; false when it nests deeper than max_depth.
  bool Add(NestingKind kind);

 private:
  std::uint32_t max_depth_;
  std::vector<std::uint32_t> outer_;  ///< the depth outside each open bracket
  std::uint32_t depth_ = 0;           ///< inside the innermost open bracket
  std::uint32_t prefix_run_ = 0;      ///< prefix operators just before this token
  bool after_operand_ = false;
};

/// Index of the first token at which brackets and prefix operators nest
/// deeper than `max_depth`, or npos. A bracket adds one level for what it
/// encloses; a run of prefix operators (`not not -x`) adds one level per
/// operator for the operand that follows it.
std::size_t FindExcessNesting(const std::vector<NestingKind>& tokens, std::uint32_t max_depth);

}  // namespace accord::parse::internal
