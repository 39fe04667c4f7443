#pragma once
// The tokens of the parser's fast path (fast_parser.h): the hand-written
// lexer's tokens classified by the grammar's token types, positioned as
// parser.cpp's Locator positions them, with doc comments set aside for the
// declarations they document and the nesting check applied as they are read.
// Free of ANTLR.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accord/compiler/base/source.h"
#include "accord/compiler/parse/internal/lexer.h"
#include "accord/compiler/parse/internal/nesting.h"

namespace accord::parse::internal {

/// Thrown by the fast path at the first thing the ANTLR path would report.
struct FastPathGiveUp {};

/// Token types: the grammar's words (those `ident` accepts first), then
/// literals and punctuation.
// clang-format off
enum class TokenType : std::uint8_t {
  ID, VERSION, SEVERITY, GUIDELINE, ESCALATE, NONE,
  ONTOLOGY, IMPORT, MODALITY, ENUM, CONCEPT, IN, AS, DISJOINT, RULE, FOR, WHERE, REQUIRE,
  UNLESS, REPORT, EXISTS, COUNT, IS, NOT, AND, OR, TRUE, FALSE, TEST, ITEM, EXPECT,
  INT, FLOAT, STRING, DURATION,
  SEMI, LBRACE, RBRACE, COLON, COMMA, ASSIGN, LBRACKET, RBRACKET, MINUS, DOT, DOTDOT, STAR,
  SLASH, PLUS, EQ, NE, LT, LE, GT, GE, LPAREN, RPAREN,
  END,
};
// clang-format on

/// `ident : ID | VERSION | SEVERITY | GUIDELINE | ESCALATE | NONE`
inline bool IsIdent(TokenType t) { return t <= TokenType::NONE; }
/// `anyName`: every word.
inline bool IsWord(TokenType t) { return t <= TokenType::EXPECT; }

/// Where tokens are: in the file itself, or in a report template hole whose
/// code points map to columns of the string token.
struct Placement {
  const std::vector<std::uint32_t>* offsets = nullptr;  ///< null: the file itself
  std::uint32_t line = 0;
  std::uint32_t column = 0;  ///< 1-based column of the string token's quote

  /// Position of code point `k` of `t`.
  Position At(const LexToken& t, std::uint32_t k) const;
};

struct Token {
  TokenType kind = TokenType::END;
  std::string_view text;
  Position begin;
  Position end;
  std::uint32_t previous_line = 0;  ///< line of the previous token, 0 for the first
  std::uint32_t docs_from = 0;      ///< doc comments between the previous token and this one
  std::uint32_t docs_to = 0;
};

/// The parser's tokens with two of lookahead. Throws FastPathGiveUp on a
/// lexical error and on nesting deeper than `max_depth`.
class TokenStream {
 public:
  TokenStream(std::string_view text, Placement placement, bool skip_byte_order_mark,
              std::uint32_t max_depth);

  const Token& Peek() const { return current_; }
  TokenType Current() const { return current_.kind; }
  const Token& PeekSecond() {
    if (!has_second_) {
      second_ = Lex();
      has_second_ = true;
    }
    return second_;
  }
  Token Take() {
    Token t = current_;
    if (has_second_) {
      current_ = second_;
      has_second_ = false;
    } else {
      current_ = Lex();
    }
    last_end_ = t.end;
    return t;
  }

  /// The end of the last token taken.
  Position LastEnd() const { return last_end_; }

  /// The doc comment of a declaration starting at `first`: the block of
  /// `///` lines on consecutive lines before it, each without `///` and one
  /// space, joined by newlines. Earlier blocks (cut off by a blank line or
  /// another comment) document nothing, and neither does a `///` after code
  /// on the same line.
  std::string Doc(const Token& first) const;

 private:
  struct DocLine {
    std::string_view text;
    std::uint32_t line = 0;
  };

  Token Lex();

  std::string_view text_;
  Lexer lexer_;
  Placement placement_;
  NestingTracker nesting_;
  bool after_dot_ = false;
  std::vector<DocLine> docs_;
  std::uint32_t docs_seen_ = 0;
  std::uint32_t previous_line_ = 0;
  Token current_;
  Token second_;
  bool has_second_ = false;
  Position last_end_;
};

}  // namespace accord::parse::internal
