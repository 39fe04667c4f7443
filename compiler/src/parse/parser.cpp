// The ANTLR boundary: the only file in the project that includes ANTLR
// headers. It validates the source and hands it to the fast path
// (fast_parser.h), which parses well-formed files without ANTLR. Anything
// else it lexes (with the hand-written lexer of lexer.h, which matches the
// generated one), checks nesting depth, parses with the generated parser (SLL
// first, LL on failure), reports, and walks the parse tree once to build
// Accord's own AST. Every ANTLR type stays in this file; nothing ANTLR throws
// escapes it.

#include "accord/compiler/parse/parser.h"

#include <antlr4-runtime.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "AccordLexer.h"
#include "AccordParser.h"
#include "accord/compiler/parse/internal/fast_parser.h"
#include "accord/compiler/parse/internal/lexer.h"
#include "accord/compiler/parse/internal/literals.h"
#include "accord/compiler/parse/internal/nesting.h"
#include "accord/compiler/parse/internal/syntax_message.h"
#include "accord/compiler/parse/internal/template_text.h"
#include "accord/compiler/parse/internal/text.h"
#include "accord/compiler/parse/internal/token_dump.h"

namespace accord {
namespace {

using accord_grammar::AccordLexer;
using accord_grammar::AccordParser;
using antlr4::Token;
using parse::internal::Expected;
using AP = AccordParser;

constexpr std::size_t kDocChannel = 2;  // DOC_COMMENT -> channel(2) in Accord.g4
constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

/// Thrown by the error listener when a file reaches max_syntax_errors; caught
/// at the boundary (or around a template hole).
struct TooManySyntaxErrors {};

// ---------------------------------------------------------------- tokens

/// Token types of the literal tokens, found by spelling in the vocabulary so
/// that reordering the grammar cannot silently change them, and how each
/// token type is named in messages.
class TokenTable {
 public:
  explicit TokenTable(const antlr4::dfa::Vocabulary& vocabulary) {
    std::size_t max = vocabulary.getMaxTokenType();
    describe_.resize(max + 1);
    for (std::size_t type = 1; type <= max; ++type) {
      std::string literal = vocabulary.getLiteralName(type);
      if (literal.size() >= 2 && literal.front() == '\'') {
        std::string text = literal.substr(1, literal.size() - 2);
        by_text_[text] = type;
        bool word = std::isalpha(static_cast<unsigned char>(text[0])) != 0;
        describe_[type] = {word ? Expected::KEYWORD : Expected::PUNCTUATION, text};
      }
    }
    auto word = [&](std::size_t type, const char* text) { describe_[type] = {Expected::WORD, text}; };
    word(AP::ID, "identifier");
    word(AP::INT, "integer");
    word(AP::FLOAT, "float");
    word(AP::STRING, "string");
    word(AP::DURATION, "duration");
    lparen = Type("(");
    rparen = Type(")");
    lbracket = Type("[");
    rbracket = Type("]");
    lbrace = Type("{");
    rbrace = Type("}");
    minus = Type("-");
    dot = Type(".");
  }

  std::size_t Type(const std::string& text) const {
    auto it = by_text_.find(text);
    return it == by_text_.end() ? kNpos : it->second;
  }

  /// The ANTLR token type of a token of the hand-written lexer.
  std::size_t TypeOf(const parse::internal::LexToken& t, std::string_view text) const {
    using parse::internal::TokenKind;
    switch (t.kind) {
      case TokenKind::WORD: {
        auto it = by_text_.find(std::string(text));
        return it == by_text_.end() ? static_cast<std::size_t>(AP::ID) : it->second;
      }
      case TokenKind::PUNCTUATION: return Type(std::string(text));
      case TokenKind::INT: return AP::INT;
      case TokenKind::FLOAT: return AP::FLOAT;
      case TokenKind::DURATION: return AP::DURATION;
      case TokenKind::STRING: return AP::STRING;
      case TokenKind::DOC_COMMENT: return AP::DOC_COMMENT;
      case TokenKind::UNTERMINATED_STRING: return AP::UNTERMINATED_STRING;
      case TokenKind::UNTERMINATED_COMMENT: return AP::UNTERMINATED_COMMENT;
      case TokenKind::ERROR_CHAR: return AP::ERROR_CHAR;
      case TokenKind::END: return Token::EOF;
    }
    return AP::ERROR_CHAR;
  }

  /// The expected set, described and simplified for a message.
  std::vector<Expected> Describe(const antlr4::misc::IntervalSet& set) const {
    std::vector<Expected> out;
    for (ssize_t type : set.toList()) {
      if (type == -1) {
        out.push_back({Expected::END, ""});
      } else if (type > 0 && static_cast<std::size_t>(type) < describe_.size() &&
                 !describe_[type].text.empty()) {
        out.push_back(describe_[type]);
      }
    }
    return parse::internal::SimplifyExpected(std::move(out));
  }

  std::size_t lparen, rparen, lbracket, rbracket, lbrace, rbrace, minus, dot;

 private:
  std::unordered_map<std::string, std::size_t> by_text_;
  std::vector<Expected> describe_;
};

const TokenTable& Tokens() {
  static const TokenTable table = [] {
    antlr4::ANTLRInputStream empty;
    AccordLexer lexer(&empty);
    return TokenTable(lexer.getVocabulary());
  }();
  return table;
}

/// A token whose text is a view of the source text, which outlives the parse:
/// one small allocation per token instead of a CommonToken and its string.
class SourceToken : public antlr4::WritableToken {
 public:
  SourceToken(antlr4::TokenSource* source, std::string_view text, std::size_t type, std::size_t channel,
              std::size_t line, std::size_t column, std::size_t start, std::size_t stop)
      : source_(source), text_(text), type_(type), channel_(channel), line_(line), column_(column),
        start_(start), stop_(stop) {}

  std::string getText() const override { return std::string(text_); }
  std::size_t getType() const override { return type_; }
  std::size_t getLine() const override { return line_; }
  std::size_t getCharPositionInLine() const override { return column_; }
  std::size_t getChannel() const override { return channel_; }
  std::size_t getTokenIndex() const override { return index_; }
  std::size_t getStartIndex() const override { return start_; }
  std::size_t getStopIndex() const override { return stop_; }
  antlr4::TokenSource* getTokenSource() const override { return source_; }
  antlr4::CharStream* getInputStream() const override { return nullptr; }
  std::string toString() const override { return getText(); }

  void setText(const std::string& text) override {
    owned_ = std::make_unique<std::string>(text);
    text_ = *owned_;
  }
  void setType(std::size_t type) override { type_ = type; }
  void setLine(std::size_t line) override { line_ = line; }
  void setCharPositionInLine(std::size_t column) override { column_ = column; }
  void setChannel(std::size_t channel) override { channel_ = channel; }
  void setTokenIndex(std::size_t index) override { index_ = index; }

 private:
  antlr4::TokenSource* source_;
  std::string_view text_;
  std::unique_ptr<std::string> owned_;  ///< only if ANTLR sets the text
  std::size_t type_, channel_, line_, column_, start_, stop_;
  std::size_t index_ = kNpos;
};

/// Hands the tokens of the hand-written lexer to ANTLR with the same types,
/// channels, positions and text the generated lexer gives.
class FastTokenSource : public antlr4::TokenSource {
 public:
  FastTokenSource(std::string_view text, std::size_t max_errors, bool skip_byte_order_mark = false)
      : text_(text), lexer_(text, max_errors, skip_byte_order_mark) {}

  std::unique_ptr<Token> nextToken() override {
    parse::internal::LexToken t = lexer_.Next();
    std::string_view spelling = text_.substr(t.begin, t.end - t.begin);
    std::size_t type = Tokens().TypeOf(t, spelling);
    std::size_t channel = type == AP::DOC_COMMENT ? kDocChannel : Token::DEFAULT_CHANNEL;
    line_ = t.line;
    column_ = t.column;
    return std::make_unique<SourceToken>(this, spelling, type, channel, t.line, t.column, t.index,
                                         static_cast<std::size_t>(t.index) + t.length - 1);
  }

  std::size_t getLine() const override { return line_; }
  std::size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "accord"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  std::string_view text_;
  parse::internal::Lexer lexer_;
  std::size_t line_ = 1;
  std::size_t column_ = 0;
};

std::size_t CodePointLength(const Token* t) {
  if (t->getType() == Token::EOF || t->getStopIndex() + 1 < t->getStartIndex()) return 0;
  return t->getStopIndex() + 1 - t->getStartIndex();
}

/// The previous token on the default channel, or null.
Token* PreviousOnChannel(antlr4::BufferedTokenStream& tokens, const Token* t) {
  for (std::size_t i = t->getTokenIndex(); i-- > 0;) {
    Token* p = tokens.get(i);
    if (p->getChannel() == Token::DEFAULT_CHANNEL) return p;
  }
  return nullptr;
}

// ---------------------------------------------------------------- positions

/// Maps tokens to source positions. For the file itself that is the token's
/// own line and column. For a report template hole, tokens come from a
/// separate lexer over the hole's decoded text; `offsets` maps each of its
/// code points back to a column of the string token.
class Locator {
 public:
  explicit Locator(FileId file) : file_(file) {}
  Locator(FileId file, const Token* string_token, const std::vector<std::uint32_t>* offsets)
      : file_(file),
        line_(static_cast<std::uint32_t>(string_token->getLine())),
        column_(static_cast<std::uint32_t>(string_token->getCharPositionInLine()) + 1),
        offsets_(offsets) {}

  bool InHole() const { return offsets_ != nullptr; }
  FileId File() const { return file_; }

  /// Position of code point `k` of token `t`.
  Position At(const Token* t, std::size_t k) const {
    if (offsets_ == nullptr) {
      return {static_cast<std::uint32_t>(t->getLine()),
              static_cast<std::uint32_t>(t->getCharPositionInLine() + 1 + k)};
    }
    std::size_t index = std::min(t->getStartIndex() + k, offsets_->size() - 1);
    return {line_, column_ + (*offsets_)[index]};
  }
  Position Begin(const Token* t) const { return At(t, 0); }
  Position End(const Token* t) const {
    // In a hole the end of input is the closing `}`, shown as one character.
    if (offsets_ != nullptr && t->getType() == Token::EOF) {
      Position p = At(t, 0);
      ++p.column;
      return p;
    }
    return At(t, CodePointLength(t));
  }

  SourceRange Range(const Token* t) const { return {file_, Begin(t), End(t)}; }
  SourceRange Range(const Token* first, const Token* last) const { return {file_, Begin(first), End(last)}; }
  SourceRange Range(antlr4::ParserRuleContext* c) const { return Range(c->getStart(), c->getStop()); }
  SourceRange Range(antlr4::tree::TerminalNode* n) const { return Range(n->getSymbol()); }
  /// `length` code points of token `t` from code point `k`.
  SourceRange Span(const Token* t, std::size_t k, std::size_t length) const {
    return {file_, At(t, k), At(t, k + length)};
  }

 private:
  FileId file_;
  std::uint32_t line_ = 0;
  std::uint32_t column_ = 0;
  const std::vector<std::uint32_t>* offsets_ = nullptr;
};

// ---------------------------------------------------------------- diagnostics

/// What one ParseModule call shares: where diagnostics go, the limits, and
/// whether an error was reported that makes the module unusable.
struct Session {
  FileId file;
  Diagnostics& diags;
  const ParseOptions& options;
  const TokenTable& table;
  bool fatal = false;  ///< an E0001–E0008 error was reported
  bool reported_expr_depth = false;

  Diagnostic& Fatal(const char* code, SourceRange range, std::string message) {
    fatal = true;
    return diags.Error(code, range, std::move(message));
  }
};

/// Prefix of messages about a template hole's expression (all E0310).
constexpr std::string_view kHolePrefix = "invalid expression in report template: ";

/// Records syntax errors as E0001 (E0310 inside a template hole) with
/// messages built from the offending token and the expected token set.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(Session& session, const Locator& locator, antlr4::BufferedTokenStream& tokens,
                      std::size_t max_errors)
      : session_(session), locator_(locator), tokens_(tokens), max_errors_(max_errors) {}

  std::size_t Count() const { return count_; }

  void syntaxError(antlr4::Recognizer* recognizer, Token* offending, std::size_t line,
                   std::size_t column, const std::string& /*antlr_message*/,
                   std::exception_ptr error) override {
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (parser == nullptr || offending == nullptr) return;  // only parsers report here
    // Recovery can fail twice on one token; the first report says it.
    if (offending->getTokenIndex() == last_token_) return;
    last_token_ = offending->getTokenIndex();
    std::vector<Expected> expected = session_.table.Describe(ExpectedTokens(*parser, error));
    std::string message = parse::internal::SyntaxMessage(expected, ShowFound(offending));
    SourceRange range = locator_.Range(offending);
    Token* previous = nullptr;
    if (!locator_.InHole()) {
      previous = PreviousOnChannel(tokens_, offending);
      if (offending->getType() == Token::EOF) {
        // Point just after the last token rather than past the file's end.
        Position end = previous != nullptr ? locator_.End(previous) : Position{1, 1};
        range = {locator_.File(), end, end};
        previous = nullptr;
      } else if (previous != nullptr && previous->getLine() >= offending->getLine()) {
        previous = nullptr;
      }
    }
    Diagnostic* d;
    if (locator_.InHole()) {
      d = &session_.diags.Error("E0310", range, std::string(kHolePrefix) + message);
    } else {
      d = &session_.Fatal("E0001", range, message);
      if (previous != nullptr && expected.size() == 1) {
        d->Label(locator_.Range(previous), "expected " + parse::internal::Show(expected[0]) + " after this");
      }
      if (IsGluedToNumber(offending)) {
        d->Help("durations take the units `ms`, `s`, `min` and `h`, as in `250ms` or `2min`");
      } else if (LooksLikeName(offending) && WantsName(expected)) {
        std::string word = offending->getText();
        d->Help("`" + word + "` is a keyword; use another name, such as `" + word + "_`");
      }
    }
    ++count_;
    if (max_errors_ != 0 && count_ >= max_errors_) {
      if (!locator_.InHole()) d->Note("stopped after " + std::to_string(count_) + " syntax errors");
      throw TooManySyntaxErrors{};
    }
  }

 private:
  /// Keywords that are nouns, which authors reach for as names (`concept item`).
  static bool LooksLikeName(const Token* t) {
    switch (t->getType()) {
      case AP::ONTOLOGY: case AP::IMPORT: case AP::MODALITY: case AP::ENUM: case AP::CONCEPT:
      case AP::RULE: case AP::TEST: case AP::ITEM: case AP::COUNT:
        return true;
      default:
        return false;
    }
  }

  static bool WantsName(const std::vector<Expected>& expected) {
    return std::any_of(expected.begin(), expected.end(), [](const Expected& e) {
      return e.kind == Expected::WORD && (e.text == "identifier" || e.text == "expression");
    });
  }

  /// `10sec` lexes as the duration `10s` and the name `ec`.
  bool IsGluedToNumber(const Token* t) const {
    if (t->getType() != AP::ID || t->getTokenIndex() == 0) return false;
    const Token* before = tokens_.get(t->getTokenIndex() - 1);
    std::size_t type = before->getType();
    return (type == AP::INT || type == AP::FLOAT || type == AP::DURATION) &&
           before->getStopIndex() + 1 == t->getStartIndex();
  }

  std::string ShowFound(const Token* t) const {
    if (t->getType() == Token::EOF) return locator_.InHole() ? "`}`" : "end of file";
    return "`" + parse::internal::ShowText(t->getText(), 32) + "`";
  }

  /// The tokens that would have been accepted where the error was found.
  static antlr4::misc::IntervalSet ExpectedTokens(antlr4::Parser& parser, std::exception_ptr error) {
    antlr4::misc::IntervalSet set;
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (const antlr4::NoViableAltException& e) {
        // Prediction failed after looking past the start token: what the
        // surviving alternatives wanted next, not what the rule can start with.
        if (e.getStartToken() != e.getOffendingToken()) set = FromDeadEnds(e.getDeadEndConfigs());
      } catch (const antlr4::RecognitionException& e) {
        set = e.getExpectedTokens();
      } catch (...) {
      }
    }
    if (set.isEmpty()) set = parser.getExpectedTokens();
    return set;
  }

  static antlr4::misc::IntervalSet FromDeadEnds(antlr4::atn::ATNConfigSet* configs) {
    antlr4::misc::IntervalSet set;
    if (configs == nullptr) return set;
    for (const auto& config : configs->configs) {
      antlr4::atn::ATNState* state = config->state;
      if (state->getStateType() == antlr4::atn::ATNState::RULE_STOP) return {};  // needs the follow set
      for (antlr4::atn::Transition* t : state->transitions) {
        if (t->isEpsilon() || t->getSerializationType() == antlr4::atn::Transition::NOT_SET ||
            t->getSerializationType() == antlr4::atn::Transition::WILDCARD) {
          continue;
        }
        set.addAll(t->label());
      }
    }
    return set;
  }

  Session& session_;
  const Locator& locator_;
  antlr4::BufferedTokenStream& tokens_;
  std::size_t max_errors_;
  std::size_t count_ = 0;
  std::size_t last_token_ = kNpos;  ///< index of the token of the last report
};

/// Help for characters people type by habit from other languages.
std::string HelpForCharacter(char32_t c) {
  switch (c) {
    case '\'': return "strings are written in double quotes: `\"...\"`";
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201E:
      return "use the ASCII double quote `\"` for strings";
    case '&': return "write `and` for logical and";
    case '|': return "write `or` for logical or";
    case '!': return "write `not` for negation (`!=` is not-equal)";
    case '#': return "comments start with `//`";
    case 0x2212: case 0x2013: case 0x2014: return "use the ASCII minus sign `-`";
    default: break;
  }
  if (parse::internal::IsInvisible(c)) {
    return "the character is invisible in most editors; delete it or replace it with a space";
  }
  if (c >= 0x80) return "identifiers are ASCII letters, digits and `_`; other text belongs in strings";
  return {};
}

/// Turns ERROR_CHAR, UNTERMINATED_STRING and UNTERMINATED_COMMENT tokens into
/// diagnostics (E0006, E0004, E0005; E0310 inside a template hole). Returns
/// true if there were any.
bool ReportLexicalErrors(Session& session, antlr4::BufferedTokenStream& tokens, const Locator& locator) {
  std::size_t count = 0;
  std::size_t max = session.options.max_syntax_errors;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token* t = tokens.get(i);
    const char* code;
    std::string message;
    std::string help;
    SourceRange range = locator.Range(t);
    switch (t->getType()) {
      case AP::ERROR_CHAR: {
        std::string text = t->getText();
        std::size_t at = 0;
        char32_t c = parse::internal::DecodeUtf8At(text, at);
        code = "E0006";
        // A run of adjacent bad characters (`&&`, a smart-quoted word's
        // quotes, NUL padding) is one mistake: one diagnostic over the run.
        std::string shown = parse::internal::ShowChar(c);
        std::size_t run = 1;
        while (i + 1 < tokens.size() && tokens.get(i + 1)->getType() == AP::ERROR_CHAR &&
               tokens.get(i + 1)->getStartIndex() == tokens.get(i)->getStopIndex() + 1) {
          ++i;
          ++run;
          if (run <= 16) {
            std::string next = tokens.get(i)->getText();
            std::size_t next_at = 0;
            shown += parse::internal::ShowChar(parse::internal::DecodeUtf8At(next, next_at));
          }
        }
        if (run > 1) {
          message = "unexpected characters `" + shown + (run > 16 ? "…" : "") + "`";
          range.end = locator.Range(tokens.get(i)).end;
        } else {
          message = "unexpected character `" + shown + "`";
          if (c >= 0x80 && !parse::internal::IsInvisible(c)) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, " (U+%04X)", static_cast<unsigned>(c));
            message += buffer;
          }
        }
        help = HelpForCharacter(c);
        break;
      }
      case AP::UNTERMINATED_STRING:
        code = "E0004";
        message = "unterminated string";
        help = "close the string with `\"` on the same line; write `\\n` for a line break";
        break;
      case AP::UNTERMINATED_COMMENT:
        code = "E0005";
        message = "unterminated block comment";
        help = "close the comment with `*/`";
        range = locator.Span(t, 0, 2);
        break;
      default:
        continue;
    }
    Diagnostic& d = locator.InHole() ? session.diags.Error("E0310", range, std::string(kHolePrefix) + message)
                                     : session.Fatal(code, range, message);
    if (!help.empty()) d.Help(help);
    ++count;
    if (max != 0 && count >= max) {
      if (!locator.InHole()) d.Note("stopped after " + std::to_string(count) + " lexical errors");
      break;
    }
    if (locator.InHole()) break;  // one error per hole is enough
  }
  return count > 0;
}

/// Rejects input whose brackets and prefix operators nest deeper than
/// max_depth (E0002), before the recursive-descent parser sees it.
bool CheckNesting(Session& session, antlr4::BufferedTokenStream& tokens, const Locator& locator) {
  using parse::internal::NestingKind;
  const TokenTable& table = session.table;
  std::vector<NestingKind> kinds;
  std::vector<std::size_t> index;
  kinds.reserve(tokens.size());
  index.reserve(tokens.size());
  bool after_dot = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token* t = tokens.get(i);
    std::size_t type = t->getType();
    if (t->getChannel() != Token::DEFAULT_CHANNEL || type == Token::EOF) continue;
    NestingKind kind = NestingKind::OTHER;
    if (type == table.lparen || type == table.lbracket || type == table.lbrace) {
      kind = NestingKind::OPEN;
    } else if (type == table.rparen || type == table.rbracket || type == table.rbrace) {
      kind = NestingKind::CLOSE;
    } else if (after_dot) {
      kind = NestingKind::OPERAND;  // `x.not` is a field name
    } else if (type == AP::NOT) {
      kind = NestingKind::NOT;
    } else if (type == table.minus) {
      kind = NestingKind::MINUS;
    } else if (type == AP::ID || type == AP::INT || type == AP::FLOAT || type == AP::STRING ||
               type == AP::DURATION || type == AP::TRUE || type == AP::FALSE || type == AP::VERSION ||
               type == AP::SEVERITY || type == AP::GUIDELINE || type == AP::ESCALATE || type == AP::NONE) {
      kind = NestingKind::OPERAND;
    }
    after_dot = type == table.dot;
    kinds.push_back(kind);
    index.push_back(i);
  }
  std::size_t bad = parse::internal::FindExcessNesting(kinds, session.options.max_depth);
  if (bad == kNpos) return true;
  Token* t = tokens.get(index[bad]);
  session
      .Fatal("E0002", locator.Range(t),
             "nesting too deep: more than " + std::to_string(session.options.max_depth) +
                 " levels of brackets and prefix operators")
      .Help("remove redundant parentheses, or split the expression");
  return false;
}

/// Parses with SLL prediction and no error recovery first, which is fast and
/// succeeds for nearly all input; on failure rewinds and parses again with
/// full LL prediction and recovery, reporting errors to `listener`.
template <typename Rule>
auto ParseTwoStage(AccordParser& parser, antlr4::BufferedTokenStream& tokens,
                   SyntaxErrorListener& listener, Rule rule) -> decltype(rule(parser)) {
  auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  try {
    return rule(parser);
  } catch (const antlr4::ParseCancellationException&) {
  }
  tokens.seek(0);
  parser.reset();
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
  return rule(parser);
}

// ---------------------------------------------------------------- tree walk

/// Builds the AST from a parse tree that has no syntax errors.
class Builder {
 public:
  Builder(Session& session, const Locator& locator, antlr4::BufferedTokenStream* tokens)
      : s_(session), at_(locator), tokens_(tokens) {}

  std::unique_ptr<ast::Module> Module(AP::Module_Context* c) {
    auto m = std::make_unique<ast::Module>();
    m->file = s_.file;
    AP::HeaderContext* header = c->header();
    m->name = Qualified(header->qualifiedName());
    if (header->STRING() != nullptr) m->version = String(header->STRING()->getSymbol());
    antlr4::ParserRuleContext* last = header;
    for (AP::ImportDeclContext* i : c->importDecl()) {
      m->imports.push_back({Qualified(i->qualifiedName()), at_.Range(i)});
      last = i;
    }
    for (AP::DeclContext* d : c->decl()) {
      if (ast::DeclPtr decl = Decl(d)) m->decls.push_back(std::move(decl));
      last = d;
    }
    m->range = at_.Range(header->getStart(), last->getStop());
    return m;
  }

  ast::ExprPtr Expr(AP::ExprContext* c, std::uint32_t depth) {
    if (depth > s_.options.max_expr_depth) {
      if (!s_.reported_expr_depth) {
        s_.reported_expr_depth = true;
        s_.Fatal("E0002", at_.Range(c->getStart()),
                 "expression too deep: more than " + std::to_string(s_.options.max_expr_depth) +
                     " nested operations")
            .Help("split long chains of `and` or `or` into several rules, or use `x in {a, b, ...}`");
      }
      s_.fatal = true;
      return nullptr;
    }
    if (auto* p = dynamic_cast<AP::PrimaryExprContext*>(c)) return Primary(p->primary(), depth);
    if (auto* f = dynamic_cast<AP::FieldExprContext*>(c)) {
      auto e = Node<ast::FieldExpr>(c);
      e->object = Expr(f->expr(), depth + 1);
      e->field = Name(f->anyName());
      return e;
    }
    if (auto* n = dynamic_cast<AP::NegExprContext*>(c)) return Unary(c, ast::UnaryOp::NEG, n->expr(), depth);
    if (auto* n = dynamic_cast<AP::NotExprContext*>(c)) return Unary(c, ast::UnaryOp::NOT, n->expr(), depth);
    if (auto* b = dynamic_cast<AP::MulExprContext*>(c)) return Binary(c, b->op, b->expr(0), b->expr(1), depth);
    if (auto* b = dynamic_cast<AP::AddExprContext*>(c)) return Binary(c, b->op, b->expr(0), b->expr(1), depth);
    if (auto* b = dynamic_cast<AP::CmpExprContext*>(c)) return Binary(c, b->op, b->expr(0), b->expr(1), depth);
    if (auto* b = dynamic_cast<AP::AndExprContext*>(c)) {
      return Binary(c, b->AND()->getSymbol(), b->expr(0), b->expr(1), depth);
    }
    if (auto* b = dynamic_cast<AP::OrExprContext*>(c)) {
      return Binary(c, b->OR()->getSymbol(), b->expr(0), b->expr(1), depth);
    }
    if (auto* in = dynamic_cast<AP::InExprContext*>(c)) {
      auto e = Node<ast::InSetExpr>(c);
      std::vector<AP::ExprContext*> parts = in->expr();
      e->value = Expr(parts[0], depth + 1);
      for (std::size_t i = 1; i < parts.size(); ++i) e->elements.push_back(Expr(parts[i], depth + 1));
      return e;
    }
    if (auto* is = dynamic_cast<AP::IsExprContext*>(c)) {
      auto e = Node<ast::IsExpr>(c);
      e->value = Expr(is->expr(), depth + 1);
      e->concept_name = Qualified(is->qualifiedName());
      return e;
    }
    return nullptr;  // unreachable for a tree without errors
  }

 private:
  template <typename T>
  std::unique_ptr<T> Node(antlr4::ParserRuleContext* c) {
    auto node = std::make_unique<T>();
    node->range = at_.Range(c);
    return node;
  }

  // ------------------------------------------------------------ names and literals

  ast::Name Name(antlr4::ParserRuleContext* c) {
    return {c->getStart()->getText(), at_.Range(c->getStart())};
  }
  ast::Name Name(AP::NameContext* c) {
    if (c->STRING() != nullptr) {
      ast::StringLit s = String(c->STRING()->getSymbol());
      return {std::move(s.value), s.range};
    }
    return Name(c->ident());
  }
  ast::QualifiedName Qualified(AP::QualifiedNameContext* c) {
    ast::QualifiedName q;
    for (AP::IdentContext* part : c->ident()) q.parts.push_back(Name(part));
    q.range = at_.Range(c);
    return q;
  }

  /// A STRING token's value; invalid escapes are reported (E0007).
  ast::StringLit String(const Token* t) {
    std::vector<parse::internal::BadEscape> bad;
    ast::StringLit s{parse::internal::DecodeString(t->getText(), bad), at_.Range(t)};
    for (const auto& b : bad) {
      s_.Fatal("E0007", at_.Span(t, b.offset, 2), "invalid escape `" + b.shown + "` in string")
          .Help("strings accept `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash");
    }
    return s;
  }

  std::int64_t Int(const Token* t) {
    std::string text = t->getText();
    if (auto value = parse::internal::ParseInt(text)) return *value;
    s_.Fatal("E0008", at_.Range(t),
             "integer `" + parse::internal::ShowText(text, 40) + "` does not fit in 64 bits")
        .Help("the largest integer is 9223372036854775807");
    return 0;
  }

  double Float(const Token* t) {
    std::string text = t->getText();
    if (auto value = parse::internal::ParseFloat(text)) return *value;
    s_.Fatal("E0008", at_.Range(t), "number `" + parse::internal::ShowText(text, 40) + "` is too large");
    return 0;
  }

  double Duration(const Token* t) {
    std::string text = t->getText();
    if (auto value = parse::internal::ParseDurationSeconds(text)) return *value;
    s_.Fatal("E0008", at_.Range(t), "duration `" + parse::internal::ShowText(text, 40) + "` is too large");
    return 0;
  }

  /// A number token (INT, FLOAT or DURATION) as seconds or a plain value,
  /// negated if `negative`.
  double Number(const Token* t, bool negative) {
    double value = t->getType() == AP::INT        ? static_cast<double>(Int(t))
                   : t->getType() == AP::DURATION ? Duration(t)
                                                  : Float(t);
    return negative ? -value : value;
  }

  /// The block of `///` lines on consecutive lines before `first`, each
  /// without `///` and one space, joined by newlines. Earlier blocks (cut off
  /// by a blank line or another comment) document nothing, and neither does a
  /// `///` after code on the same line (`a: int; /// …`): finding either on
  /// the next declaration would be a surprise.
  std::string Doc(const Token* first) {
    if (tokens_ == nullptr) return {};
    const Token* previous = PreviousOnChannel(*tokens_, first);
    std::vector<Token*> docs = tokens_->getHiddenTokensToLeft(first->getTokenIndex(), kDocChannel);
    std::size_t begin = docs.size();
    while (begin > 0) {
      const Token* t = docs[begin - 1];
      if (previous != nullptr && t->getLine() == previous->getLine()) break;
      if (begin < docs.size() && t->getLine() + 1 != docs[begin]->getLine()) break;
      --begin;
    }
    std::string doc;
    for (std::size_t i = begin; i < docs.size(); ++i) {
      std::string text = docs[i]->getText();
      std::string_view line = text;
      line.remove_prefix(3);
      if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      if (i > begin) doc += '\n';
      doc += line;
    }
    return doc;
  }

  // ------------------------------------------------------------ declarations

  ast::DeclPtr Decl(AP::DeclContext* c) {
    ast::DeclPtr d;
    if (auto* m = c->modalityDecl()) d = Modality(m);
    if (auto* e = c->enumDecl()) d = Enum(e);
    if (auto* k = c->conceptDecl()) d = Concept(k);
    if (auto* j = c->disjointDecl()) d = Disjoint(j);
    if (auto* r = c->ruleDecl()) d = Rule(r);
    if (auto* t = c->testDecl()) d = Test(t);
    if (d == nullptr) return nullptr;
    d->range = at_.Range(c);
    d->doc = Doc(c->getStart());
    return d;
  }

  ast::DeclPtr Modality(AP::ModalityDeclContext* c) {
    auto d = std::make_unique<ast::ModalityDecl>();
    d->name = Name(c->ident());
    for (AP::ModalityPropContext* p : c->modalityProp()) {
      ast::ModalityDecl::Property property;
      std::vector<AP::IdentContext*> idents = p->ident();
      property.key = Name(idents[0]);
      for (std::size_t i = 1; i < idents.size(); ++i) property.values.push_back(Name(idents[i]));
      property.range = at_.Range(p);
      d->properties.push_back(std::move(property));
    }
    return d;
  }

  ast::DeclPtr Enum(AP::EnumDeclContext* c) {
    auto d = std::make_unique<ast::EnumDecl>();
    std::vector<AP::IdentContext*> idents = c->ident();
    d->name = Name(idents[0]);
    for (std::size_t i = 1; i < idents.size(); ++i) d->values.push_back(Name(idents[i]));
    return d;
  }

  ast::DeclPtr Concept(AP::ConceptDeclContext* c) {
    auto d = std::make_unique<ast::ConceptDecl>();
    d->name = Name(c->ident());
    for (AP::QualifiedNameContext* q : c->qualifiedName()) d->parents.push_back(Qualified(q));
    d->has_in_clause = c->IN() != nullptr;
    for (AP::ModalityUseContext* u : c->modalityUse()) {
      ast::ModalityUse use;
      use.modality = Qualified(u->qualifiedName());
      if (u->STRING() != nullptr) use.label = String(u->STRING()->getSymbol());
      use.range = at_.Range(u);
      d->modalities.push_back(std::move(use));
    }
    if (AP::ConceptBodyContext* body = c->conceptBody()) {
      for (AP::MemberContext* member : body->member()) {
        if (auto* a = dynamic_cast<AP::AttributeMemberContext*>(member)) {
          auto attribute = Node<ast::AttributeDecl>(a);
          attribute->name = Name(a->ident());
          attribute->type = Type(a->typeRef());
          if (a->expr() != nullptr) attribute->default_value = Expr(a->expr(), 1);
          attribute->doc = Doc(a->getStart());
          d->attributes.push_back(std::move(attribute));
        } else if (auto* f = dynamic_cast<AP::FixedMemberContext*>(member)) {
          auto fixed = Node<ast::FixedValue>(f);
          fixed->name = Name(f->ident());
          fixed->value = Expr(f->expr(), 1);
          d->fixed.push_back(std::move(fixed));
        }
      }
    }
    return d;
  }

  ast::TypeRef Type(AP::TypeRefContext* c) {
    ast::TypeRef type;
    type.name = Qualified(c->qualifiedName());
    type.range = at_.Range(c);
    std::vector<AP::BoundContext*> bounds = c->bound();
    if (bounds.size() == 2) {
      type.has_range = true;
      auto bound = [&](AP::BoundContext* b) {
        Token* number = b->getStop();
        if (number->getType() == AP::FLOAT) type.integral_bounds = false;
        return Number(number, b->getStart() != number);
      };
      type.lo = bound(bounds[0]);
      type.hi = bound(bounds[1]);
      Token* open = bounds[0]->getStart();
      for (antlr4::tree::ParseTree* child : c->children) {
        auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
        if (terminal != nullptr && terminal->getSymbol()->getType() == s_.table.lbracket) {
          open = terminal->getSymbol();
        }
      }
      type.range_span = at_.Range(open, c->getStop());  // `[lo..hi]`
    }
    return type;
  }

  ast::DeclPtr Disjoint(AP::DisjointDeclContext* c) {
    auto d = std::make_unique<ast::DisjointDecl>();
    for (AP::QualifiedNameContext* q : c->qualifiedName()) d->members.push_back(Qualified(q));
    return d;
  }

  ast::DeclPtr Rule(AP::RuleDeclContext* c) {
    auto d = std::make_unique<ast::RuleDecl>();
    d->name = Name(c->ident());
    SourceRange first_severity, first_guideline, first_escalate;
    auto duplicate = [&](const char* what, AP::RulePropContext* p, const SourceRange& first) {
      s_.diags.Error("E0311", at_.Range(p), std::string("duplicate `") + what + "` in rule")
          .Primary("repeated here")
          .Label(first, std::string("first `") + what + "` here")
          .Help(std::string("a rule has at most one `") + what + "`; remove one");
    };
    for (AP::RulePropContext* p : c->ruleProp()) {
      if (auto* sev = dynamic_cast<AP::SeverityPropContext*>(p)) {
        if (d->severity) {
          duplicate("severity", p, first_severity);
        } else {
          d->severity = Name(sev->ident());
          first_severity = at_.Range(p);
        }
      } else if (auto* g = dynamic_cast<AP::GuidelinePropContext*>(p)) {
        ast::StringLit value = String(g->STRING()->getSymbol());
        if (d->guideline) {
          duplicate("guideline", p, first_guideline);
        } else {
          d->guideline = std::move(value);
          first_guideline = at_.Range(p);
        }
      } else if (auto* e = dynamic_cast<AP::EscalatePropContext*>(p)) {
        ast::StringLit value = String(e->STRING()->getSymbol());
        if (d->escalate) {
          duplicate("escalate", p, first_escalate);
        } else {
          d->escalate = std::move(value);
          first_escalate = at_.Range(p);
        }
      }
    }
    AP::RuleBodyContext* body = c->ruleBody();
    for (AP::BindingContext* b : body->binding()) d->bindings.push_back(Binding(b));
    if (body->where != nullptr) d->where = Expr(body->where, 1);
    if (body->require != nullptr) d->require = Expr(body->require, 1);
    if (body->unless != nullptr) d->unless = Expr(body->unless, 1);
    if (body->STRING() != nullptr) d->report = Template(body->STRING()->getSymbol());
    return d;
  }

  ast::Binding Binding(AP::BindingContext* c) {
    ast::Binding b;
    b.var = Name(c->ident(0));
    if (c->qualifiedName() != nullptr) b.concept_name = Qualified(c->qualifiedName());
    b.modality = Name(c->ident(1));
    b.range = at_.Range(c);
    return b;
  }

  ast::DeclPtr Test(AP::TestDeclContext* c) {
    auto d = std::make_unique<ast::TestDecl>();
    d->name = Name(c->ident());
    for (antlr4::tree::ParseTree* child : c->children) {
      if (auto* item = dynamic_cast<AP::TestItemContext*>(child)) {
        auto i = Node<ast::TestItem>(item);
        i->name = Name(item->name());
        for (AP::RecordLitContext* r : item->recordLit()) i->records.push_back(Record(r));
        d->items.push_back(std::move(i));
      } else if (auto* none = dynamic_cast<AP::ExpectNoneContext*>(child)) {
        auto e = Node<ast::Expectation>(none);
        e->none = true;
        d->expectations.push_back(std::move(e));
      } else if (auto* finding = dynamic_cast<AP::ExpectFindingContext*>(child)) {
        auto e = Node<ast::Expectation>(finding);
        e->rule = Qualified(finding->qualifiedName());
        for (AP::NameContext* n : finding->name()) e->ids.push_back(Name(n));
        d->expectations.push_back(std::move(e));
      } else if (auto* disjoint = dynamic_cast<AP::ExpectDisjointContext*>(child)) {
        // The built-in finding `disjoint` is spelled like the keyword.
        auto e = Node<ast::Expectation>(disjoint);
        antlr4::Token* word = disjoint->DISJOINT()->getSymbol();
        e->rule.parts.push_back({word->getText(), at_.Range(word)});
        e->rule.range = at_.Range(word);
        for (AP::NameContext* n : disjoint->name()) e->ids.push_back(Name(n));
        d->expectations.push_back(std::move(e));
      }
    }
    return d;
  }

  std::unique_ptr<ast::RecordLiteral> Record(AP::RecordLitContext* c) {
    auto r = Node<ast::RecordLiteral>(c);
    r->modality = Name(c->ident());
    r->id = Name(c->name());
    r->label = String(c->STRING()->getSymbol());
    if (AP::TimeRangeContext* time = c->timeRange()) {
      auto point = [&](AP::TimePointContext* p) { return Number(p->getStop(), p->getStart() != p->getStop()); };
      r->has_time = true;
      r->start = point(time->timePoint(0));
      r->end = point(time->timePoint(1));
      r->time_range = at_.Range(time);
    }
    if (AP::RecordFieldsContext* fields = c->recordFields()) {
      for (AP::RecordFieldContext* f : fields->recordField()) {
        r->fields.push_back({Name(f->anyName()), Expr(f->expr(), 1)});
      }
    }
    return r;
  }

  // ------------------------------------------------------------ expressions

  ast::ExprPtr Unary(AP::ExprContext* c, ast::UnaryOp op, AP::ExprContext* operand, std::uint32_t depth) {
    auto e = Node<ast::UnaryExpr>(c);
    e->op = op;
    e->operand = Expr(operand, depth + 1);
    return e;
  }

  ast::ExprPtr Binary(AP::ExprContext* c, const Token* op, AP::ExprContext* lhs, AP::ExprContext* rhs,
                      std::uint32_t depth) {
    static const std::unordered_map<std::string, ast::BinaryOp> kOps = {
        {"and", ast::BinaryOp::AND}, {"or", ast::BinaryOp::OR}, {"==", ast::BinaryOp::EQ},
        {"!=", ast::BinaryOp::NE},   {"<", ast::BinaryOp::LT},  {"<=", ast::BinaryOp::LE},
        {">", ast::BinaryOp::GT},    {">=", ast::BinaryOp::GE}, {"+", ast::BinaryOp::ADD},
        {"-", ast::BinaryOp::SUB},   {"*", ast::BinaryOp::MUL}, {"/", ast::BinaryOp::DIV},
    };
    auto e = Node<ast::BinaryExpr>(c);
    e->op = kOps.at(op->getText());  // the grammar allows no other operator
    e->op_range = at_.Range(op);
    e->lhs = Expr(lhs, depth + 1);
    e->rhs = Expr(rhs, depth + 1);
    return e;
  }

  ast::ExprPtr Primary(AP::PrimaryContext* c, std::uint32_t depth) {
    if (auto* l = dynamic_cast<AP::LiteralPrimaryContext*>(c)) return Literal(l->literal());
    if (auto* n = dynamic_cast<AP::NamePrimaryContext*>(c)) {
      auto e = Node<ast::NameExpr>(c);
      e->name = Name(n->ident());
      return e;
    }
    if (auto* p = dynamic_cast<AP::ParenPrimaryContext*>(c)) {
      ast::ExprPtr inner = Expr(p->expr(), depth);
      if (inner) inner->parenthesized = true;
      return inner;
    }
    if (auto* call = dynamic_cast<AP::CallPrimaryContext*>(c)) {
      auto e = Node<ast::CallExpr>(c);
      e->callee = Name(call->ident());
      for (AP::ExprContext* a : call->expr()) e->args.push_back(Expr(a, depth + 1));
      return e;
    }
    if (auto* x = dynamic_cast<AP::ExistsPrimaryContext*>(c)) {
      return Quantifier(c, ast::QuantifierKind::EXISTS, x->binding(), x->expr(), depth);
    }
    if (auto* n = dynamic_cast<AP::CountPrimaryContext*>(c)) {
      return Quantifier(c, ast::QuantifierKind::COUNT, n->binding(), n->expr(), depth);
    }
    if (auto* list = dynamic_cast<AP::ListPrimaryContext*>(c)) {
      auto e = Node<ast::ListExpr>(c);
      for (AP::ExprContext* x : list->expr()) e->elements.push_back(Expr(x, depth + 1));
      return e;
    }
    return nullptr;  // unreachable for a tree without errors
  }

  ast::ExprPtr Quantifier(AP::PrimaryContext* c, ast::QuantifierKind kind, AP::BindingContext* binding,
                          AP::ExprContext* where, std::uint32_t depth) {
    auto e = Node<ast::QuantifierExpr>(c);
    e->quantifier = kind;
    e->binding = Binding(binding);
    if (where != nullptr) e->where = Expr(where, depth + 1);
    return e;
  }

  ast::ExprPtr Literal(AP::LiteralContext* c) {
    auto e = Node<ast::LiteralExpr>(c);
    Token* t = c->getStart();
    switch (t->getType()) {
      case AP::INT:
        e->literal = ast::LiteralKind::INT;
        e->int_value = Int(t);
        e->number = static_cast<double>(e->int_value);
        break;
      case AP::FLOAT:
        e->literal = ast::LiteralKind::FLOAT;
        e->number = Float(t);
        break;
      case AP::DURATION:
        e->literal = ast::LiteralKind::DURATION;
        e->number = Duration(t);
        break;
      case AP::STRING:
        e->literal = ast::LiteralKind::STRING;
        e->string_value = String(t).value;
        break;
      default:
        e->literal = ast::LiteralKind::BOOL;
        e->bool_value = t->getType() == AP::TRUE;
        break;
    }
    return e;
  }

  // ------------------------------------------------------------ report templates

  ast::Template Template(const Token* t) {
    ast::Template result;
    result.range = at_.Range(t);
    parse::internal::SplitTemplateResult split = parse::internal::SplitTemplate(t->getText());
    for (const auto& problem : split.problems) {
      SourceRange range = at_.Span(t, problem.offset, problem.length);
      Diagnostic& d = std::string_view(problem.code) == "E0310"
                          ? s_.diags.Error(problem.code, range, problem.message)
                          : s_.Fatal(problem.code, range, problem.message);
      d.Help(problem.help);
    }
    for (auto& segment : split.segments) {
      if (!segment.is_hole) {
        result.parts.push_back({std::move(segment.text), nullptr});
      } else if (ast::ExprPtr e = Hole(t, segment.hole)) {
        result.parts.push_back({{}, std::move(e)});
      }
    }
    return result;
  }

  /// Parses one `{expr}` hole with a fresh lexer and parser on the `expr`
  /// rule; positions map back into the string token. Errors are E0310.
  ast::ExprPtr Hole(const Token* string_token, const parse::internal::TemplateHole& hole) {
    Locator locator(s_.file, string_token, &hole.offsets);
    FastTokenSource lexer(hole.text, 1);
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    SyntaxErrorListener listener(s_, locator, tokens, 1);
    if (ReportLexicalErrors(s_, tokens, locator)) return nullptr;
    if (!CheckNesting(s_, tokens, locator)) return nullptr;
    AccordParser parser(&tokens);
    AP::ExprContext* tree = nullptr;
    try {
      tree = ParseTwoStage(parser, tokens, listener, [](AccordParser& p) { return p.expr(); });
    } catch (const TooManySyntaxErrors&) {
      return nullptr;
    }
    if (listener.Count() > 0) return nullptr;
    if (Token* rest = tokens.LT(1); rest->getType() != Token::EOF) {
      TrailingTokens(tokens, locator);
      return nullptr;
    }
    Builder builder(s_, locator, nullptr);
    return builder.Expr(tree, 1);
  }

  /// The expression of a hole ended before the hole did. The `expr` rule
  /// stops before a token it cannot use; when that token is an operator it
  /// is the operand after it that is missing.
  void TrailingTokens(antlr4::BufferedTokenStream& tokens, const Locator& locator) {
    Token* rest = tokens.LT(1);
    Token* next = tokens.LT(2);
    std::string op = rest->getText();
    std::string wanted;
    if (rest->getType() == s_.table.dot || rest->getType() == AP::IS) {
      wanted = "identifier";
    } else if (rest->getType() == AP::IN) {
      wanted = "`{`";
    } else if (rest->getType() == AP::AND || rest->getType() == AP::OR || IsBinaryOperator(op)) {
      wanted = "expression";
    }
    if (!wanted.empty()) {
      std::string found = next->getType() == Token::EOF
                              ? "`}`"
                              : "`" + parse::internal::ShowText(next->getText(), 32) + "`";
      s_.diags.Error("E0310", locator.Range(next),
                     std::string(kHolePrefix) + "expected " + wanted + " after `" + op + "`, found " + found);
      return;
    }
    s_.diags
        .Error("E0310", locator.Range(rest),
               std::string(kHolePrefix) + "unexpected `" + parse::internal::ShowText(op, 32) +
                   "` after the expression")
        .Help("a hole holds one expression, such as `{v.label}`");
  }

  static bool IsBinaryOperator(const std::string& op) {
    static const char* const kOps[] = {"==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/"};
    for (const char* o : kOps) {
      if (op == o) return true;
    }
    return false;
  }

  Session& s_;
  const Locator& at_;
  antlr4::BufferedTokenStream* tokens_;  ///< the file's tokens, for doc comments; null in holes
};

// ---------------------------------------------------------------- entry

std::unique_ptr<ast::Module> Parse(const SourceFile& source, FileId file, Diagnostics& diags,
                                   const ParseOptions& options, bool fast_path) {
  std::string_view text = source.Text();
  std::size_t bad = parse::internal::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    auto lc = parse::internal::LineColumnOf(text, bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    diags.Error("E0003", {file, {lc.line, lc.column}, {lc.line, lc.column + 1}}, "invalid UTF-8 in source file")
        .Primary(std::string("byte ") + byte + " is not valid UTF-8 here")
        .Help("re-encode the file as UTF-8, or check that the path names an Accord source file");
    return nullptr;
  }
  // Well-formed files take the fast path; anything it would have to report
  // is parsed again here, and reported from here.
  if (fast_path) {
    if (std::unique_ptr<ast::Module> module = parse::internal::FastParse(text, file, options)) return module;
  }

  FastTokenSource lexer(text, options.max_syntax_errors, /*skip_byte_order_mark=*/true);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  Session session{file, diags, options, Tokens()};
  Locator locator(file);
  SyntaxErrorListener listener(session, locator, tokens, options.max_syntax_errors);
  if (ReportLexicalErrors(session, tokens, locator)) return nullptr;

  Token* first = nullptr;
  for (std::size_t i = 0; i < tokens.size() && first == nullptr; ++i) {
    if (tokens.get(i)->getChannel() == Token::DEFAULT_CHANNEL) first = tokens.get(i);
  }
  if (first == nullptr || first->getType() != AP::ONTOLOGY) {
    if (first == nullptr || first->getType() == Token::EOF) {
      diags.Error("E0108", {file, {1, 1}, {1, 1}}, "missing module header")
          .Primary(text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos
                       ? "the file is empty"
                       : "the file has only comments")
          .Help("start the file with `ontology NAME version \"1.0.0\";`");
    } else {
      diags.Error("E0108", locator.Range(first), "missing module header")
          .Primary("expected `ontology NAME;` before this")
          .Help("start the file with `ontology NAME version \"1.0.0\";`");
    }
    return nullptr;
  }

  if (!CheckNesting(session, tokens, locator)) return nullptr;

  AccordParser parser(&tokens);
  AP::Module_Context* tree = ParseTwoStage(parser, tokens, listener, [](AccordParser& p) { return p.module_(); });
  if (listener.Count() > 0) return nullptr;

  Builder builder(session, locator, &tokens);
  std::unique_ptr<ast::Module> module = builder.Module(tree);
  if (session.fatal) return nullptr;
  return module;
}

std::string Dump(antlr4::BufferedTokenStream& tokens, const antlr4::dfa::Vocabulary& vocabulary) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token* t = tokens.get(i);
    std::size_t type = t->getType();
    out += type == Token::EOF ? "EOF" : vocabulary.getSymbolicName(type);
    if (type != Token::EOF && vocabulary.getSymbolicName(type).empty()) out += vocabulary.getLiteralName(type);
    out += " " + std::to_string(t->getChannel()) + " " + std::to_string(t->getLine()) + ":" +
           std::to_string(t->getCharPositionInLine()) + " " + std::to_string(t->getStartIndex()) + ".." +
           std::to_string(static_cast<long long>(t->getStopIndex())) + " " +
           (type == Token::EOF ? "" : parse::internal::ShowText(t->getText(), 1000)) + "\n";
  }
  return out;
}

}  // namespace

namespace parse::internal {

std::string DumpTokens(std::string_view text, bool generated) {
  if (!generated) {
    FastTokenSource source(text, 0, /*skip_byte_order_mark=*/true);
    antlr4::CommonTokenStream tokens(&source);
    tokens.fill();
    antlr4::ANTLRInputStream empty;
    AccordLexer names(&empty);
    return Dump(tokens, names.getVocabulary());
  }
  std::string input(text);
  if (input.starts_with("\xEF\xBB\xBF")) input.replace(0, 3, " ");  // as the parser does
  antlr4::ANTLRInputStream stream(input);
  AccordLexer lexer(&stream);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  return Dump(tokens, lexer.getVocabulary());
}

}  // namespace parse::internal

namespace {

std::unique_ptr<ast::Module> ParseAtBoundary(const SourceManager& sources, FileId file, Diagnostics& diags,
                                             const ParseOptions& options, bool fast_path) {
  SourceRange start{file < sources.Size() ? file : kNoFile, {1, 1}, {1, 1}};
  try {
    return Parse(sources.Get(file), file, diags, options, fast_path);
  } catch (const TooManySyntaxErrors&) {
    return nullptr;
  } catch (const std::exception& e) {
    diags.Error("E0001", start, std::string("the parser failed: ") + e.what());
  } catch (const char* what) {
    diags.Error("E0001", start, std::string("the parser failed: ") + what);
  } catch (...) {
    diags.Error("E0001", start, "the parser failed");
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<ast::Module> ParseModule(const SourceManager& sources, FileId file, Diagnostics& diags,
                                         const ParseOptions& options) {
  return ParseAtBoundary(sources, file, diags, options, /*fast_path=*/true);
}

namespace parse::internal {

std::unique_ptr<ast::Module> ParseModuleWithAntlr(const SourceManager& sources, FileId file,
                                                  Diagnostics& diags, const ParseOptions& options) {
  return ParseAtBoundary(sources, file, diags, options, /*fast_path=*/false);
}

}  // namespace parse::internal

}  // namespace accord
