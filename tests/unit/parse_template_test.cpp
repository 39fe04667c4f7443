// Report templates: literal text and `{expr}` holes, with each hole's
// expression parsed on its own and its ranges mapped into the string token.

#include <doctest/doctest.h>

#include <string>

#include "parse_test_util.h"

using namespace accord;

namespace {

/// Parses `report TEMPLATE` in a rule whose string token starts at line 2,
/// column 28 (so the template's text starts at column 29). Returns the
/// diagnostics, then the template with every range, or "null".
std::string Report(const std::string& token) {
  auto p = test::Parse("ontology t;\nrule r { for x in m report " + token + "; }");
  std::string out = test::Diags(p->diags);
  if (p->module == nullptr) return out + "null";
  const auto& rule = static_cast<const ast::RuleDecl&>(*p->module->decls.at(0));
  return out + "report " + test::Template(*rule.report);
}

}  // namespace

TEST_CASE("report templates: text and holes") {
  struct Case {
    const char* token;
    const char* result;
  };
  const Case cases[] = {
      {R"("plain text")", R"(report [2:28-40] "plain text")"},
      {R"("")", "report [2:28-30]"},
      {R"("{v.label}")", "report [2:28-39] {(.@2:30-37 v@2:30-31 label@2:32-37)}"},
      {R"("a {x} b {y.z}")", R"(report [2:28-43] "a " {x@2:32-33} " b " {(.@2:38-41 y@2:38-39 z@2:40-41)})"},
      // `{{` and `}}` are literal braces
      {R"("{{literal}} {x}")", R"(report [2:28-45] "{literal} " {x@2:42-43})"},
      {R"("}} and {{")", R"(report [2:28-39] "} and {")"},
      // braces nest inside a hole
      {R"("{x in {a, b}}")", "report [2:28-43] {(in@2:30-41 x@2:30-31 {a@2:36-37 b@2:39-40})}"},
      // a string inside a hole is written with \" and may hold braces
      {R"("{x.source == \"a}\"}")",
       R"(report [2:28-50] {(==@2:30-48/2:39-41 (.@2:30-38 x@2:30-31 source@2:32-38) "a}"@2:42-48)})"},
      // escapes in the text are decoded
      {R"("tab\there\nline \"q\" back\\slash")", R"(report [2:28-63] "tab\there\nline \"q\" back\\slash")"},
      // columns count code points
      {"\"\xC3\xA9\xE2\x80\xA6 {x}\"", "report [2:28-36] \"\xC3\xA9\xE2\x80\xA6 \" {x@2:33-34}"},
      {R"("{ v.label }")", "report [2:28-41] {(.@2:31-38 v@2:31-32 label@2:33-38)}"},
      // an escape inside a hole still maps every character to its column
      {R"("{a\nand b}")", "report [2:28-40] {(and@2:30-38/2:33-36 a@2:30-31 b@2:37-38)}"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.token);
    CHECK(Report(c.token) == c.result);
  }
}

TEST_CASE("report templates: mistakes are E0310 at the exact position; the rest of the template is kept") {
  struct Case {
    const char* token;
    const char* result;
  };
  const Case cases[] = {
      {R"("{x")",
       "E0310 2:29-30 unclosed `{` in report template\n"
       "  help: close the hole with `}`, or write `{{` for a literal `{`\n"
       "report [2:28-32]"},
      {R"("a } b")",
       "E0310 2:31-32 unmatched `}` in report template\n"
       "  help: write `}}` for a literal `}`\n"
       R"(report [2:28-35] "a  b")"},
      {R"("{}")",
       "E0310 2:29-31 empty `{}` in report template\n"
       "  help: write an expression between the braces, such as `{v.label}`, or `{{}}` for literal braces\n"
       "report [2:28-32]"},
      {R"("{x} {  } {y}")",
       "E0310 2:33-37 empty `{}` in report template\n"
       "  help: write an expression between the braces, such as `{v.label}`, or `{{}}` for literal braces\n"
       R"(report [2:28-42] {x@2:30-31} "  " {y@2:39-40})"},
      {R"("{x.}")",
       "E0310 2:32-33 invalid expression in report template: expected identifier after `.`, found `}`\n"
       "report [2:28-34]"},
      {R"("{x ==}")",
       "E0310 2:34-35 invalid expression in report template: expected expression after `==`, found `}`\n"
       "report [2:28-36]"},
      {R"("{x and}")",
       "E0310 2:35-36 invalid expression in report template: expected expression after `and`, found `}`\n"
       "report [2:28-37]"},
      {R"("{x in y}")",
       "E0310 2:35-36 invalid expression in report template: expected `{` after `in`, found `y`\n"
       "report [2:28-38]"},
      {R"("{a b}")",
       "E0310 2:32-33 invalid expression in report template: unexpected `b` after the expression\n"
       "  help: a hole holds one expression, such as `{v.label}`\n"
       "report [2:28-35]"},
      {R"("{f(a}")",
       "E0310 2:33-34 invalid expression in report template: expected one of `)`, `,`, found `}`\n"
       "report [2:28-35]"},
      {R"("{(x}")",
       "E0310 2:32-33 invalid expression in report template: expected `)`, found `}`\n"
       "report [2:28-34]"},
      {R"("{x @ 1}")",
       "E0310 2:32-33 invalid expression in report template: unexpected character `@`\n"
       "report [2:28-37]"},
      {R"("{x /* }")",
       "E0310 2:32-34 invalid expression in report template: unterminated block comment\n"
       "  help: close the comment with `*/`\n"
       "report [2:28-37]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.token);
    CHECK(Report(c.token) == c.result);
  }
}

TEST_CASE("report templates: lexical mistakes keep their own codes and reject the module") {
  struct Case {
    std::string token;
    const char* result;
  };
  const Case cases[] = {
      {R"("bad \q escape")",
       "E0007 2:33-35 invalid escape `\\q` in string\n"
       "  help: strings accept `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash\n"
       "null"},
      {R"("{99999999999999999999}")",
       "E0008 2:30-50 integer `99999999999999999999` does not fit in 64 bits\n"
       "  help: the largest integer is 9223372036854775807\n"
       "null"},
      {"\"{" + std::string(300, '(') + "x" + std::string(300, ')') + "}\"",
       "E0002 2:286-287 nesting too deep: more than 256 levels of brackets and prefix operators\n"
       "  help: remove redundant parentheses, or split the expression\n"
       "null"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.token);
    CHECK(Report(c.token) == c.result);
  }
}
