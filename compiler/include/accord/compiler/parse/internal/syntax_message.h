#pragma once
// Wording of syntax errors: "expected `;`, found `concept`". Free of ANTLR;
// parser.cpp describes tokens as Expected items and calls these.

#include <string>
#include <vector>

namespace accord::parse::internal {

/// One thing the parser could have accepted.
struct Expected {
  enum Kind { PUNCTUATION, KEYWORD, WORD, END } kind = WORD;
  /// PUNCTUATION and KEYWORD: the token as written (";", "concept").
  /// WORD: a class of tokens ("identifier", "integer", "float", "string",
  /// "duration", "expression", "operator"). END: unused.
  std::string text;

  friend bool operator==(const Expected&, const Expected&) = default;
};

/// Makes an expected set readable: a set that can start any expression
/// becomes "expression", every binary operator and `.` after an operand
/// become "operator"; when an identifier is allowed, words that are only
/// keywords in some places (`version`, `severity`, `none`, …, or every
/// keyword after a `.`) are not listed again. Sorts punctuation, keywords,
/// words, end of file, and drops duplicates.
std::vector<Expected> SimplifyExpected(std::vector<Expected> expected);

/// "`;`", "`concept`", "identifier", "end of file".
std::string Show(const Expected& expected);

/// "expected `;`, found `concept`", "expected one of `,`, `;`, `{`, found end
/// of file", or "unexpected `x`" when nothing is expected. `found` is already
/// shown ("`concept`", "end of file").
std::string SyntaxMessage(const std::vector<Expected>& expected, const std::string& found);

}  // namespace accord::parse::internal
