#pragma once
// Splitting a report template `"… {expr} …"` into literal text and holes.
// Free of ANTLR: the holes' expression text is parsed by parser.cpp.
// Positions are code-point offsets from the token's opening quote.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::parse::internal {

/// One `{expr}` hole: its text with string escapes decoded, and where each
/// of its code points was written.
struct TemplateHole {
  std::string text;
  /// offsets[i] is the offset of the i-th code point of `text`; one more
  /// entry holds the offset of the closing `}`.
  std::vector<std::uint32_t> offsets;
  std::uint32_t open = 0;  ///< offset of the `{`
};

/// A run of literal text (hole empty) or a hole.
struct TemplateSegment {
  bool is_hole = false;
  std::string text;  ///< literal text, with escapes and `{{` `}}` decoded
  TemplateHole hole;
};

/// A mistake in the template text itself (E0007 or E0310).
struct TemplateProblem {
  const char* code = "";
  std::uint32_t offset = 0;
  std::uint32_t length = 1;  ///< in code points
  std::string message;
  std::string help;
};

struct SplitTemplateResult {
  std::vector<TemplateSegment> segments;
  std::vector<TemplateProblem> problems;
};

/// Splits a STRING token (quotes included). `{{` and `}}` are literal braces;
/// inside a hole, braces nest (`{x in {a, b}}`) and strings written as `\"…\"`
/// may hold braces. Holes with problems are left out of `segments`.
SplitTemplateResult SplitTemplate(std::string_view token);

}  // namespace accord::parse::internal
