#include "accord/compiler/parse/internal/syntax_message.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace accord::parse::internal {
namespace {

bool Has(const std::vector<Expected>& set, Expected::Kind kind, std::string_view text) {
  return std::any_of(set.begin(), set.end(),
                     [&](const Expected& e) { return e.kind == kind && e.text == text; });
}

void Remove(std::vector<Expected>& set, Expected::Kind kind, std::string_view text) {
  std::erase_if(set, [&](const Expected& e) { return e.kind == kind && e.text == text; });
}

// Words that are keywords only where they open a clause, and names elsewhere.
constexpr std::array<std::string_view, 5> kContextualKeywords = {"version", "severity", "guideline",
                                                                  "escalate", "none"};

}  // namespace

std::vector<Expected> SimplifyExpected(std::vector<Expected> set) {
  using K = Expected::Kind;
  const std::array<Expected, 13> expression_starts = {{
      {K::WORD, "identifier"}, {K::WORD, "integer"}, {K::WORD, "float"}, {K::WORD, "string"},
      {K::WORD, "duration"}, {K::KEYWORD, "true"}, {K::KEYWORD, "false"}, {K::KEYWORD, "exists"},
      {K::KEYWORD, "count"}, {K::KEYWORD, "not"}, {K::PUNCTUATION, "("}, {K::PUNCTUATION, "["},
      {K::PUNCTUATION, "-"},
  }};
  bool identifier = Has(set, K::WORD, "identifier");
  if (std::all_of(expression_starts.begin(), expression_starts.end(),
                  [&](const Expected& e) { return Has(set, e.kind, e.text); })) {
    for (const Expected& e : expression_starts) Remove(set, e.kind, e.text);
    set.push_back({K::WORD, "expression"});
  }
  // After a complete operand every binary operator and postfix form may follow.
  const std::array<Expected, 15> operators = {{
      {K::PUNCTUATION, "!="}, {K::PUNCTUATION, "*"},  {K::PUNCTUATION, "+"},  {K::PUNCTUATION, "-"},
      {K::PUNCTUATION, "."},  {K::PUNCTUATION, "/"},  {K::PUNCTUATION, "<"},  {K::PUNCTUATION, "<="},
      {K::PUNCTUATION, "=="}, {K::PUNCTUATION, ">"},  {K::PUNCTUATION, ">="}, {K::KEYWORD, "and"},
      {K::KEYWORD, "in"},     {K::KEYWORD, "is"},     {K::KEYWORD, "or"},
  }};
  if (std::all_of(operators.begin(), operators.end(),
                  [&](const Expected& e) { return Has(set, e.kind, e.text); })) {
    for (const Expected& e : operators) Remove(set, e.kind, e.text);
    set.push_back({K::WORD, "operator"});
  }
  if (identifier && Has(set, K::KEYWORD, "ontology")) {
    // After a `.` every keyword is a field name.
    std::erase_if(set, [](const Expected& e) { return e.kind == K::KEYWORD; });
  } else if (identifier) {
    for (std::string_view word : kContextualKeywords) Remove(set, K::KEYWORD, word);
  }
  std::sort(set.begin(), set.end(), [](const Expected& a, const Expected& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.text < b.text;
  });
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

std::string Show(const Expected& expected) {
  switch (expected.kind) {
    case Expected::PUNCTUATION:
    case Expected::KEYWORD: return "`" + expected.text + "`";
    case Expected::WORD: return expected.text;
    case Expected::END: return "end of file";
  }
  return expected.text;
}

std::string SyntaxMessage(const std::vector<Expected>& expected, const std::string& found) {
  if (expected.empty()) return "unexpected " + found;
  std::string message = expected.size() == 1 ? "expected " : "expected one of ";
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (i > 0) message += ", ";
    message += Show(expected[i]);
  }
  return message + ", found " + found;
}

}  // namespace accord::parse::internal
