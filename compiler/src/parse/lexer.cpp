#include "accord/compiler/parse/internal/lexer.h"

#include <algorithm>
#include <cstring>

namespace accord::parse::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsWordPart(char c) { return IsWordStart(c) || IsDigit(c); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsLineEnd(char c) { return c == '\r' || c == '\n'; }

/// Bytes in the UTF-8 sequence that starts with `lead`.
std::size_t SequenceBytes(char lead) {
  auto b = static_cast<unsigned char>(lead);
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

}  // namespace

void Lexer::Advance(std::size_t bytes) {
  std::size_t end = pos_ + bytes;
  for (; pos_ < end; ++pos_) {
    char c = text_[pos_];
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // continuation byte
    ++index_;
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
}

void Lexer::AdvanceInLine(std::size_t bytes) {
  const char* p = text_.data() + pos_;
  std::size_t points = bytes;
  std::size_t i = 0;
  // Eight bytes at a time while they are ASCII (most tokens are).
  for (; i + 8 <= bytes; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, sizeof word);
    if ((word & 0x8080808080808080ull) != 0) break;
  }
  for (; i < bytes; ++i) points -= (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  pos_ += bytes;
  index_ += static_cast<std::uint32_t>(points);
  column_ += static_cast<std::uint32_t>(points);
}

LexToken Lexer::Take(TokenKind kind, std::size_t bytes) {
  LexToken t;
  t.kind = kind;
  t.begin = static_cast<std::uint32_t>(pos_);
  t.line = line_;
  t.column = column_;
  t.index = index_;
  // Only an unterminated block comment can span lines.
  if (kind == TokenKind::UNTERMINATED_COMMENT) {
    Advance(bytes);
  } else {
    AdvanceInLine(bytes);
  }
  t.end = static_cast<std::uint32_t>(pos_);
  t.length = index_ - t.index;
  if (kind == TokenKind::ERROR_CHAR) {
    // Adjacent bad characters are reported as one error (`&&`, NUL padding).
    if (t.begin != last_error_end_) ++errors_;
    ++error_tokens_;
    last_error_end_ = t.end;
  } else if (kind == TokenKind::UNTERMINATED_STRING || kind == TokenKind::UNTERMINATED_COMMENT) {
    ++errors_;
  }
  return t;
}

// STRING: '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
// UNTERMINATED_STRING: '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'?
std::size_t Lexer::StringLength(bool& terminated) const {
  std::size_t i = pos_ + 1;
  while (i < text_.size()) {
    char c = text_[i];
    if (c == '"') {
      terminated = true;
      return i + 1 - pos_;
    }
    if (IsLineEnd(c)) break;
    if (c == '\\') {
      if (i + 1 >= text_.size() || IsLineEnd(text_[i + 1])) {
        ++i;  // the trailing backslash belongs to the unterminated string
        break;
      }
      i += 1 + SequenceBytes(text_[i + 1]);
      continue;
    }
    i += SequenceBytes(c);
  }
  terminated = false;
  return std::min(i, text_.size()) - pos_;
}

// DURATION: DIGITS ('.' DIGITS)? ('ms' | 's' | 'min' | 'h');  FLOAT: DIGITS '.' DIGITS;  INT: DIGITS
LexToken Lexer::Number() {
  auto digits_from = [&](std::size_t i) {
    std::size_t j = i;
    while (j < text_.size() && IsDigit(text_[j])) ++j;
    return j - i;
  };
  auto unit_at = [&](std::size_t i) -> std::size_t {
    std::string_view rest = text_.substr(std::min(i, text_.size()));
    if (rest.starts_with("min")) return 3;
    if (rest.starts_with("ms")) return 2;
    if (rest.starts_with("s") || rest.starts_with("h")) return 1;
    return 0;
  };
  std::size_t whole = digits_from(pos_);
  std::size_t number = whole;
  TokenKind kind = TokenKind::INT;
  if (pos_ + whole + 1 < text_.size() && text_[pos_ + whole] == '.' && IsDigit(text_[pos_ + whole + 1])) {
    number = whole + 1 + digits_from(pos_ + whole + 1);
    kind = TokenKind::FLOAT;
  }
  // A unit can only follow the last digit: `1.5s`, `2min`; `1.5x` is a float.
  if (std::size_t unit = unit_at(pos_ + number)) return Take(TokenKind::DURATION, number + unit);
  return Take(kind, number);
}

Lexer::Lexer(std::string_view text, std::size_t max_errors, bool skip_byte_order_mark)
    : text_(text), max_errors_(max_errors) {
  if (skip_byte_order_mark && text_.starts_with("\xEF\xBB\xBF")) Advance(3);
}

LexToken Lexer::Next() {
  for (;;) {
    constexpr std::size_t kMaxErrorTokens = 4096;
    if (pos_ >= text_.size() || (max_errors_ != 0 && errors_ >= max_errors_) ||
        error_tokens_ >= kMaxErrorTokens) {
      LexToken end;
      end.kind = TokenKind::END;
      end.begin = end.end = static_cast<std::uint32_t>(pos_);
      end.line = line_;
      end.column = column_;
      end.index = index_;
      return end;
    }
    char c = text_[pos_];
    std::string_view rest = text_.substr(pos_);
    if (IsSpace(c)) {
      std::size_t n = 1;
      while (n < rest.size() && IsSpace(rest[n])) ++n;
      Advance(n);
      continue;
    }
    if (rest.starts_with("//")) {
      std::size_t n = 2;
      while (n < rest.size() && !IsLineEnd(rest[n])) ++n;
      // `///` is a doc comment unless a fourth `/` makes it an ordinary one.
      if (rest.starts_with("///") && !rest.starts_with("////")) return Take(TokenKind::DOC_COMMENT, n);
      Advance(n);
      continue;
    }
    if (rest.starts_with("/*")) {
      std::size_t close = rest.find("*/", 2);
      if (close == std::string_view::npos) return Take(TokenKind::UNTERMINATED_COMMENT, rest.size());
      Advance(close + 2);
      continue;
    }
    if (c == '"') {
      bool terminated = false;
      std::size_t n = StringLength(terminated);
      return Take(terminated ? TokenKind::STRING : TokenKind::UNTERMINATED_STRING, n);
    }
    if (IsDigit(c)) return Number();
    if (IsWordStart(c)) {
      std::size_t n = 1;
      while (n < rest.size() && IsWordPart(rest[n])) ++n;
      return Take(TokenKind::WORD, n);
    }
    for (std::string_view two : {"..", "==", "!=", "<=", ">="}) {
      if (rest.starts_with(two)) return Take(TokenKind::PUNCTUATION, 2);
    }
    if (std::string_view(";{}:,=[]-.*/+<>()").find(c) != std::string_view::npos) {
      return Take(TokenKind::PUNCTUATION, 1);
    }
    return Take(TokenKind::ERROR_CHAR, std::min(SequenceBytes(c), rest.size()));
  }
}

}  // namespace accord::parse::internal
