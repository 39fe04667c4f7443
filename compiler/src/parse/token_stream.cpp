#include "accord/compiler/parse/internal/token_stream.h"

#include <algorithm>

namespace accord::parse::internal {
namespace {

TokenType WordType(std::string_view w) {
  switch (w[0]) {
    case 'a':
      if (w == "and") return TokenType::AND;
      if (w == "as") return TokenType::AS;
      break;
    case 'c':
      if (w == "concept") return TokenType::CONCEPT;
      if (w == "count") return TokenType::COUNT;
      break;
    case 'd':
      if (w == "disjoint") return TokenType::DISJOINT;
      break;
    case 'e':
      if (w == "enum") return TokenType::ENUM;
      if (w == "escalate") return TokenType::ESCALATE;
      if (w == "exists") return TokenType::EXISTS;
      if (w == "expect") return TokenType::EXPECT;
      break;
    case 'f':
      if (w == "false") return TokenType::FALSE;
      if (w == "for") return TokenType::FOR;
      break;
    case 'g':
      if (w == "guideline") return TokenType::GUIDELINE;
      break;
    case 'i':
      if (w == "import") return TokenType::IMPORT;
      if (w == "in") return TokenType::IN;
      if (w == "is") return TokenType::IS;
      if (w == "item") return TokenType::ITEM;
      break;
    case 'm':
      if (w == "modality") return TokenType::MODALITY;
      break;
    case 'n':
      if (w == "none") return TokenType::NONE;
      if (w == "not") return TokenType::NOT;
      break;
    case 'o':
      if (w == "ontology") return TokenType::ONTOLOGY;
      if (w == "or") return TokenType::OR;
      break;
    case 'r':
      if (w == "report") return TokenType::REPORT;
      if (w == "require") return TokenType::REQUIRE;
      if (w == "rule") return TokenType::RULE;
      break;
    case 's':
      if (w == "severity") return TokenType::SEVERITY;
      break;
    case 't':
      if (w == "test") return TokenType::TEST;
      if (w == "true") return TokenType::TRUE;
      break;
    case 'u':
      if (w == "unless") return TokenType::UNLESS;
      break;
    case 'v':
      if (w == "version") return TokenType::VERSION;
      break;
    case 'w':
      if (w == "where") return TokenType::WHERE;
      break;
    default:
      break;
  }
  return TokenType::ID;
}

TokenType PunctuationType(std::string_view p) {
  if (p.size() == 2) {
    if (p == "..") return TokenType::DOTDOT;
    if (p == "==") return TokenType::EQ;
    if (p == "!=") return TokenType::NE;
    if (p == "<=") return TokenType::LE;
    if (p == ">=") return TokenType::GE;
    throw FastPathGiveUp{};
  }
  switch (p[0]) {
    case ';': return TokenType::SEMI;
    case '{': return TokenType::LBRACE;
    case '}': return TokenType::RBRACE;
    case ':': return TokenType::COLON;
    case ',': return TokenType::COMMA;
    case '=': return TokenType::ASSIGN;
    case '[': return TokenType::LBRACKET;
    case ']': return TokenType::RBRACKET;
    case '-': return TokenType::MINUS;
    case '.': return TokenType::DOT;
    case '*': return TokenType::STAR;
    case '/': return TokenType::SLASH;
    case '+': return TokenType::PLUS;
    case '<': return TokenType::LT;
    case '>': return TokenType::GT;
    case '(': return TokenType::LPAREN;
    case ')': return TokenType::RPAREN;
    default: throw FastPathGiveUp{};
  }
}

/// What a token means for the nesting check, as parser.cpp's CheckNesting
/// classifies it.
NestingKind NestingOf(TokenType k, bool after_dot) {
  switch (k) {
    case TokenType::LPAREN: case TokenType::LBRACKET: case TokenType::LBRACE:
      return NestingKind::OPEN;
    case TokenType::RPAREN: case TokenType::RBRACKET: case TokenType::RBRACE:
      return NestingKind::CLOSE;
    default: break;
  }
  if (after_dot) return NestingKind::OPERAND;  // `x.not` is a field name
  switch (k) {
    case TokenType::NOT: return NestingKind::NOT;
    case TokenType::MINUS: return NestingKind::MINUS;
    case TokenType::ID: case TokenType::INT: case TokenType::FLOAT: case TokenType::STRING:
    case TokenType::DURATION: case TokenType::TRUE: case TokenType::FALSE: case TokenType::VERSION:
    case TokenType::SEVERITY: case TokenType::GUIDELINE: case TokenType::ESCALATE:
    case TokenType::NONE:
      return NestingKind::OPERAND;
    default:
      return NestingKind::OTHER;
  }
}

}  // namespace

Position Placement::At(const LexToken& t, std::uint32_t k) const {
  if (offsets == nullptr) return {t.line, t.column + 1 + k};
  std::size_t index = std::min<std::size_t>(t.index + k, offsets->size() - 1);
  return {line, column + (*offsets)[index]};
}

TokenStream::TokenStream(std::string_view text, Placement placement, bool skip_byte_order_mark,
                         std::uint32_t max_depth)
    : text_(text),
      lexer_(text, 1, skip_byte_order_mark),
      placement_(placement),
      nesting_(max_depth) {
  current_ = Lex();
}

// As parser.cpp's Builder::Doc, over the doc comments between the previous
// token and `first`.
std::string TokenStream::Doc(const Token& first) const {
  std::uint32_t begin = first.docs_to;
  while (begin > first.docs_from) {
    const DocLine& t = docs_[begin - 1];
    if (first.previous_line != 0 && t.line == first.previous_line) break;
    if (begin < first.docs_to && t.line + 1 != docs_[begin].line) break;
    --begin;
  }
  std::string doc;
  for (std::uint32_t i = begin; i < first.docs_to; ++i) {
    std::string_view line = docs_[i].text;
    line.remove_prefix(3);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (i > begin) doc += '\n';
    doc += line;
  }
  return doc;
}

Token TokenStream::Lex() {
  for (;;) {
    LexToken t = lexer_.Next();
    Token token;
    token.text = text_.substr(t.begin, t.end - t.begin);
    switch (t.kind) {
      case TokenKind::DOC_COMMENT:
        docs_.push_back({token.text, t.line});
        continue;
      case TokenKind::UNTERMINATED_STRING:
      case TokenKind::UNTERMINATED_COMMENT:
      case TokenKind::ERROR_CHAR:
        throw FastPathGiveUp{};
      case TokenKind::WORD: token.kind = WordType(token.text); break;
      case TokenKind::PUNCTUATION: token.kind = PunctuationType(token.text); break;
      case TokenKind::INT: token.kind = TokenType::INT; break;
      case TokenKind::FLOAT: token.kind = TokenType::FLOAT; break;
      case TokenKind::DURATION: token.kind = TokenType::DURATION; break;
      case TokenKind::STRING: token.kind = TokenType::STRING; break;
      case TokenKind::END: token.kind = TokenType::END; break;
    }
    token.begin = placement_.At(t, 0);
    token.end = placement_.At(t, t.length);
    token.previous_line = previous_line_;
    token.docs_from = docs_seen_;
    token.docs_to = static_cast<std::uint32_t>(docs_.size());
    previous_line_ = t.line;
    docs_seen_ = token.docs_to;
    if (token.kind != TokenType::END) {
      if (!nesting_.Add(NestingOf(token.kind, after_dot_))) throw FastPathGiveUp{};
      after_dot_ = token.kind == TokenType::DOT;
    }
    return token;
  }
}

}  // namespace accord::parse::internal
