// The parser's ANTLR-free helpers: UTF-8, literals, the nesting check, the
// wording of syntax errors and the splitting of report templates.

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "accord/compiler/parse/internal/literals.h"
#include "accord/compiler/parse/internal/nesting.h"
#include "accord/compiler/parse/internal/syntax_message.h"
#include "accord/compiler/parse/internal/template_text.h"
#include "accord/compiler/parse/internal/text.h"

using namespace accord::parse::internal;

TEST_CASE("FindInvalidUtf8 follows Unicode's well-formed byte sequences") {
  constexpr std::size_t kOk = std::string_view::npos;
  struct Case {
    std::string text;
    std::size_t bad;
  };
  const Case cases[] = {
      {"", kOk},
      {"plain ASCII", kOk},
      {std::string("nul\0inside", 10), kOk},
      {"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", kOk},  // é € 😀 U+10FFFF
      {"\xEF\xBB\xBF", kOk},                                           // byte-order mark
      {"a\x80", 1},                                                    // lone continuation byte
      {"ab\xC0\xAF", 2},                                               // overlong `/`
      {"\xC1\xBF", 0},                                                 // overlong
      {"\xE0\x80\xAF", 0},                                             // overlong, three bytes
      {"\xF0\x80\x80\xAF", 0},                                         // overlong, four bytes
      {"\xED\xA0\x80", 0},                                             // surrogate U+D800
      {"\xED\x9F\xBF", kOk},                                           // U+D7FF, just below
      {"\xF4\x90\x80\x80", 0},                                         // U+110000
      {"\xF5\x80\x80\x80", 0},
      {"\xFE", 0},
      {"\xFF", 0},
      {"x\xE2\x82", 1},      // truncated at the end
      {"x\xE2\x82y", 1},     // truncated in the middle
      {"\xC3\xA9\xC3", 2},   // a good character, then a truncated one
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(FindInvalidUtf8(c.text) == c.bad);
  }
}

TEST_CASE("LineColumnOf counts lines and code points") {
  const std::string text = "ab\n\xC3\xA9\xC3\xA9x\ny";
  CHECK(LineColumnOf(text, 0).line == 1);
  CHECK(LineColumnOf(text, 0).column == 1);
  CHECK(LineColumnOf(text, 2).column == 3);
  CHECK(LineColumnOf(text, 3).line == 2);
  CHECK(LineColumnOf(text, 3).column == 1);
  CHECK(LineColumnOf(text, 7).column == 3);  // after two é
  CHECK(LineColumnOf(text, 9).line == 3);
}

TEST_CASE("ShowChar and ShowText make characters readable in one line") {
  CHECK(ShowChar('a') == "a");
  CHECK(ShowChar(0) == "\\x00");
  CHECK(ShowChar('\n') == "\\x0A");
  CHECK(ShowChar(0x7F) == "\\x7F");
  CHECK(ShowChar(0x85) == "U+0085");
  CHECK(ShowChar(0xA0) == "U+00A0");
  CHECK(ShowChar(0x200B) == "U+200B");
  CHECK(ShowChar(0xFEFF) == "U+FEFF");
  CHECK(ShowChar(0xE9) == "\xC3\xA9");
  CHECK(ShowChar(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(ShowText("a\tb") == "a\\x09b");
  CHECK(ShowText("abcdef", 3) == "abc...");
  CHECK(ShowText("abc", 3) == "abc");
  CHECK(ShowText("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9...");
}

TEST_CASE("DecodeString decodes the four escapes and reports others") {
  std::vector<BadEscape> bad;
  CHECK(DecodeString(R"("a\"b\\c\nd\te")", bad) == "a\"b\\c\nd\te");
  CHECK(bad.empty());
  CHECK(DecodeString(R"("")", bad).empty());
  CHECK(DecodeString("\"\xC3\xA9\\q\\u\"", bad) == "\xC3\xA9\\q\\u");
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].offset == 2);  // the quote is 0, é is 1
  CHECK(bad[0].shown == "\\q");
  CHECK(bad[1].offset == 4);
  CHECK(bad[1].shown == "\\u");
}

TEST_CASE("number literals") {
  CHECK(ParseInt("0") == 0);
  CHECK(ParseInt("9223372036854775807") == INT64_MAX);
  CHECK_FALSE(ParseInt("9223372036854775808").has_value());
  CHECK(ParseFloat("0.5") == 0.5);
  CHECK(ParseFloat("0." + std::string(400, '0') + "1") == 0.0);
  CHECK_FALSE(ParseFloat("1" + std::string(400, '0') + ".0").has_value());
  struct Case {
    const char* text;
    double seconds;
  };
  const Case durations[] = {{"250ms", 0.25}, {"100ms", 0.1}, {"1.5s", 1.5}, {"0s", 0},
                            {"2min", 120},   {"0.5min", 30}, {"1h", 3600},  {"1.5h", 5400}};
  for (const Case& c : durations) {
    CAPTURE(c.text);
    CHECK(ParseDurationSeconds(c.text) == c.seconds);
  }
  CHECK_FALSE(ParseDurationSeconds("1" + std::string(400, '0') + "h").has_value());
  CHECK_FALSE(ParseDurationSeconds("5d").has_value());
}

TEST_CASE("FindExcessNesting") {
  using K = NestingKind;
  constexpr std::size_t kOk = static_cast<std::size_t>(-1);
  struct Case {
    const char* name;
    std::vector<K> tokens;
    std::uint32_t max;
    std::size_t bad;
  };
  const std::vector<Case> cases = {
      {"empty", {}, 0, kOk},
      {"flat", {K::OPERAND, K::OTHER, K::OPERAND}, 0, kOk},
      {"two brackets at limit 2", {K::OPEN, K::OPEN, K::OPERAND, K::CLOSE, K::CLOSE}, 2, kOk},
      {"three brackets at limit 2", {K::OPEN, K::OPEN, K::OPEN}, 2, 2},
      {"siblings do not add up", {K::OPEN, K::CLOSE, K::OPEN, K::CLOSE, K::OPEN, K::CLOSE}, 1, kOk},
      {"not not x at limit 2", {K::NOT, K::NOT, K::OPERAND}, 2, kOk},
      {"not not not at limit 2", {K::NOT, K::NOT, K::NOT}, 2, 2},
      {"prefix run carries into the bracket", {K::NOT, K::OPEN, K::NOT, K::OPERAND, K::CLOSE}, 2, 2},
      {"the run ends at its operand", {K::NOT, K::OPERAND, K::OTHER, K::NOT, K::OPERAND}, 1, kOk},
      {"unary minus counts", {K::MINUS, K::MINUS, K::OPERAND}, 1, 1},
      {"minus after an operand is binary", {K::OPERAND, K::MINUS, K::MINUS, K::OPERAND}, 1, kOk},
      {"minus after a closing bracket is binary", {K::OPEN, K::CLOSE, K::MINUS, K::MINUS, K::OPERAND}, 1, kOk},
      {"unbalanced closers are ignored", {K::CLOSE, K::CLOSE, K::OPEN}, 1, kOk},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(FindExcessNesting(c.tokens, c.max) == c.bad);
  }
}

TEST_CASE("syntax error wording") {
  using E = Expected;
  auto show = [](std::vector<E> set) {
    std::string out;
    for (const E& e : SimplifyExpected(std::move(set))) out += (out.empty() ? "" : " ") + Show(e);
    return out;
  };
  SUBCASE("sorted: punctuation, keywords, words, end of file; no repeats") {
    CHECK(show({{E::END, ""}, {E::WORD, "identifier"}, {E::KEYWORD, "in"}, {E::PUNCTUATION, "{"},
                {E::PUNCTUATION, ","}, {E::PUNCTUATION, ";"}, {E::PUNCTUATION, ","}}) ==
          "`,` `;` `{` `in` identifier end of file");
  }
  SUBCASE("contextual keywords are not listed next to identifier") {
    CHECK(show({{E::WORD, "identifier"}, {E::KEYWORD, "version"}, {E::KEYWORD, "severity"},
                {E::KEYWORD, "guideline"}, {E::KEYWORD, "escalate"}, {E::KEYWORD, "none"}}) == "identifier");
    CHECK(show({{E::KEYWORD, "severity"}, {E::KEYWORD, "guideline"}, {E::PUNCTUATION, "{"}}) ==
          "`{` `guideline` `severity`");
  }
  SUBCASE("after a dot every keyword is a name") {
    CHECK(show({{E::WORD, "identifier"}, {E::KEYWORD, "ontology"}, {E::KEYWORD, "concept"}, {E::KEYWORD, "not"}}) ==
          "identifier");
  }
  SUBCASE("everything that starts an expression is `expression`") {
    std::vector<E> set = {{E::WORD, "identifier"}, {E::WORD, "integer"},   {E::WORD, "float"},
                          {E::WORD, "string"},     {E::WORD, "duration"},  {E::KEYWORD, "true"},
                          {E::KEYWORD, "false"},   {E::KEYWORD, "exists"}, {E::KEYWORD, "count"},
                          {E::KEYWORD, "not"},     {E::PUNCTUATION, "("},  {E::PUNCTUATION, "["},
                          {E::PUNCTUATION, "-"},   {E::KEYWORD, "none"},   {E::PUNCTUATION, "}"}};
    CHECK(show(set) == "`}` expression");
    set.pop_back();
    set.erase(set.begin() + 5);  // without `true` it is not every expression start
    CHECK(show(set) == "`(` `-` `[` `count` `exists` `false` `not` duration float identifier integer string");
  }
  SUBCASE("every operator that may follow an operand is `operator`") {
    std::vector<E> set = {{E::PUNCTUATION, "!="}, {E::PUNCTUATION, "*"}, {E::PUNCTUATION, "+"},
                          {E::PUNCTUATION, "-"},  {E::PUNCTUATION, "."}, {E::PUNCTUATION, "/"},
                          {E::PUNCTUATION, "<"},  {E::PUNCTUATION, "<="}, {E::PUNCTUATION, "=="},
                          {E::PUNCTUATION, ">"},  {E::PUNCTUATION, ">="}, {E::KEYWORD, "and"},
                          {E::KEYWORD, "in"},     {E::KEYWORD, "is"},    {E::KEYWORD, "or"},
                          {E::PUNCTUATION, ")"},  {E::PUNCTUATION, ","}};
    CHECK(show(set) == "`)` `,` operator");
  }
  SUBCASE("messages") {
    CHECK(SyntaxMessage({{E::PUNCTUATION, ";"}}, "`concept`") == "expected `;`, found `concept`");
    CHECK(SyntaxMessage({{E::PUNCTUATION, ","}, {E::PUNCTUATION, ";"}, {E::PUNCTUATION, "{"}}, "end of file") ==
          "expected one of `,`, `;`, `{`, found end of file");
    CHECK(SyntaxMessage({}, "`x`") == "unexpected `x`");
  }
}

TEST_CASE("SplitTemplate") {
  SUBCASE("text, holes and literal braces, with offsets from the opening quote") {
    SplitTemplateResult r = SplitTemplate(R"("a{{ {x.y} }}b{ z }")");
    CHECK(r.problems.empty());
    REQUIRE(r.segments.size() == 4);
    CHECK_FALSE(r.segments[0].is_hole);
    CHECK(r.segments[0].text == "a{ ");
    CHECK(r.segments[1].is_hole);
    CHECK(r.segments[1].hole.text == "x.y");
    CHECK(r.segments[1].hole.open == 5);
    CHECK(r.segments[1].hole.offsets == std::vector<std::uint32_t>{6, 7, 8, 9});
    CHECK(r.segments[2].text == " }b");
    CHECK(r.segments[3].hole.text == " z ");
    CHECK(r.segments[3].hole.offsets == std::vector<std::uint32_t>{15, 16, 17, 18});
  }
  SUBCASE("escapes inside a hole are decoded and keep their place") {
    SplitTemplateResult r = SplitTemplate(R"("{x == \"}\"}")");
    CHECK(r.problems.empty());
    REQUIRE(r.segments.size() == 1);
    CHECK(r.segments[0].hole.text == "x == \"}\"");
    CHECK(r.segments[0].hole.offsets == std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 9, 10, 12});
  }
  SUBCASE("problems") {
    SplitTemplateResult r = SplitTemplate(R"("} {} \q {")");
    REQUIRE(r.problems.size() == 4);
    CHECK(std::string(r.problems[0].code) == "E0007");  // escapes are decoded first
    CHECK(r.problems[0].offset == 6);
    CHECK(r.problems[0].length == 2);
    CHECK(r.problems[1].message == "unmatched `}` in report template");
    CHECK(r.problems[1].offset == 1);
    CHECK(r.problems[2].message == "empty `{}` in report template");
    CHECK(r.problems[2].offset == 3);
    CHECK(r.problems[2].length == 2);
    CHECK(r.problems[3].message == "unclosed `{` in report template");
    CHECK(r.problems[3].offset == 9);
    REQUIRE(r.segments.size() == 1);
    CHECK(r.segments[0].text == "  \\q ");
  }
}
