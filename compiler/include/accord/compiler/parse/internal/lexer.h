#pragma once
// A hand-written lexer for Accord, free of ANTLR. It produces exactly the
// tokens of the lexer rules in grammar/Accord.g4 (a test compares the two on
// every example and on random input); it exists because the generated C++
// lexer costs about a microsecond per character of doc comment and made a
// WordNet-sized ontology take seconds to read. parser.cpp feeds its tokens
// to the generated ANTLR parser.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace accord::parse::internal {

enum class TokenKind : std::uint8_t {
  WORD,         ///< an identifier or a keyword; parser.cpp tells them apart by spelling
  PUNCTUATION,  ///< `;` `{` `..` `==` …, one of the grammar's literal tokens
  INT,
  FLOAT,
  DURATION,
  STRING,
  DOC_COMMENT,  ///< `/// …`, kept off the parser's channel
  UNTERMINATED_STRING,
  UNTERMINATED_COMMENT,
  ERROR_CHAR,
  END,  ///< end of input
};

struct LexToken {
  TokenKind kind = TokenKind::END;
  std::uint32_t begin = 0;   ///< byte offset of the first byte
  std::uint32_t end = 0;     ///< byte offset past the last byte
  std::uint32_t line = 1;    ///< 1-based
  std::uint32_t column = 0;  ///< 0-based, in code points (ANTLR's charPositionInLine)
  std::uint32_t index = 0;   ///< code points before the token in the whole text
  std::uint32_t length = 0;  ///< in code points
};

/// Splits well-formed UTF-8 text into tokens, skipping white space and
/// ordinary comments, as the longest match of the grammar's lexer rules
/// (ties to the earlier rule) does.
class Lexer {
 public:
  /// After `max_errors` error tokens (0: no limit) the next token is END, so
  /// that megabytes of garbage do not become millions of tokens. A leading
  /// byte-order mark is white space (one column) if `skip_byte_order_mark`.
  explicit Lexer(std::string_view text, std::size_t max_errors = 0, bool skip_byte_order_mark = false);

  LexToken Next();

 private:
  /// Moves past `bytes` bytes, keeping line, column and index.
  void Advance(std::size_t bytes);
  /// Advance for bytes that hold no line break.
  void AdvanceInLine(std::size_t bytes);
  LexToken Take(TokenKind kind, std::size_t bytes);
  std::size_t StringLength(bool& terminated) const;
  /// INT, FLOAT or DURATION at the current position.
  LexToken Number();

  std::string_view text_;
  std::size_t max_errors_;
  std::size_t errors_ = 0;        ///< lexical errors, a run of adjacent bad characters counting once
  std::size_t error_tokens_ = 0;  ///< bad-character tokens, capped so a flood of garbage stops early
  std::size_t last_error_end_ = ~std::size_t{0};
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 0;
  std::uint32_t index_ = 0;
};

}  // namespace accord::parse::internal
