// Parser diagnostics: every error the front end reports, with its exact code,
// range and message, and hostile input (deep nesting, huge files, binary
// garbage) that must be rejected or accepted quickly without crashing.

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>
#include <string>

#include "parse_examples.h"
#include "parse_test_util.h"

using namespace accord;

namespace {

struct Case {
  std::string source;
  std::string diagnostics;
};

void CheckAll(const std::vector<Case>& cases, const ParseOptions& options = {}) {
  for (const Case& c : cases) {
    CAPTURE(c.source);
    CHECK(test::Errors(c.source, options) == c.diagnostics);
  }
}

const std::string kHeaderHelp = "  help: start the file with `ontology NAME version \"1.0.0\";`\n";
const std::string kUtf8Help = "  help: re-encode the file as UTF-8, or check that the path names an Accord source file\n";
const std::string kInvisibleHelp =
    "  help: the character is invisible in most editors; delete it or replace it with a space\n";
const std::string kNestingHelp = "  help: remove redundant parentheses, or split the expression\n";

}  // namespace

TEST_CASE("E0108: the module header must come first") {
  const std::string empty = "E0108 1:1-1 missing module header\n  label: the file is empty\n" + kHeaderHelp;
  const std::string comments =
      "E0108 1:1-1 missing module header\n  label: the file has only comments\n" + kHeaderHelp;
  auto before = [&](const char* range) {
    return std::string("E0108 ") + range +
           " missing module header\n  label: expected `ontology NAME;` before this\n" + kHeaderHelp;
  };
  CheckAll({
      {"", empty},
      {"  \n\t// a comment\n/* a block */\n", comments},
      {"/// a doc comment\n", comments},
      {"\xEF\xBB\xBF", empty},
      {"concept x;", before("1:1-8")},
      {"import core;\nontology t;", before("1:1-7")},
      // A header that starts but is malformed is a syntax error.
      {"ontology", "E0001 1:9-9 expected identifier, found end of file\n"},
  });
}

TEST_CASE("E0003: invalid UTF-8 is reported at its first byte, before lexing") {
  auto e0003 = [&](const char* at, const char* byte) {
    return std::string("E0003 ") + at + " invalid UTF-8 in source file\n  label: byte " + byte +
           " is not valid UTF-8 here\n" + kUtf8Help;
  };
  CheckAll({
      {"ontology t;\n\x80", e0003("2:1-2", "0x80")},
      // Latin-1 text; the column counts code points before it
      {"ontology t;\nconcept x in video as \"caf\xE9\";", e0003("2:27-28", "0xE9")},
      {"\xC3\xA9\xFF", e0003("1:2-3", "0xFF")},
      {"\xC0\x80", e0003("1:1-2", "0xC0")},          // overlong NUL
      {"\xED\xA0\x80", e0003("1:1-2", "0xED")},      // UTF-16 surrogate
      {"ab\xE2\x82", e0003("1:3-4", "0xE2")},        // truncated at the end
      {"\xF4\x90\x80\x80", e0003("1:1-2", "0xF4")},  // above U+10FFFF
      {"x\xF5\x80\x80\x80", e0003("1:2-3", "0xF5")},
  });
}

TEST_CASE("lexical errors: E0006 unexpected character, E0004 unterminated string, E0005 unterminated comment") {
  const std::string h = "ontology t;\n";
  CheckAll({
      {h + "concept x @ y;", "E0006 2:11-12 unexpected character `@`\n"},
      {h + "concept x;\x07", "E0006 2:11-12 unexpected character `\\x07`\n" + kInvisibleHelp},
      {h + "concept \xC3\xA9;",
       "E0006 2:9-10 unexpected character `\xC3\xA9` (U+00E9)\n"
       "  help: identifiers are ASCII letters, digits and `_`; other text belongs in strings\n"},
      {h + "concept \xE2\x80\x8Bx;", "E0006 2:9-10 unexpected character `U+200B`\n" + kInvisibleHelp},
      {h + "concept\xC2\xA0x;", "E0006 2:8-9 unexpected character `U+00A0`\n" + kInvisibleHelp},
      {h + "concept x in video as 'a';",
       "E0006 2:23-24 unexpected character `'`\n"
       "  help: strings are written in double quotes: `\"...\"`\n"
       "E0006 2:25-26 unexpected character `'`\n"
       "  help: strings are written in double quotes: `\"...\"`\n"},
      {h + "concept x in video as \xE2\x80\x9C" "a\xE2\x80\x9D;",
       "E0006 2:23-24 unexpected character `\xE2\x80\x9C` (U+201C)\n"
       "  help: use the ASCII double quote `\"` for strings\n"
       "E0006 2:25-26 unexpected character `\xE2\x80\x9D` (U+201D)\n"
       "  help: use the ASCII double quote `\"` for strings\n"},
      {h + "rule r { for x in m where x && y; }",
       "E0006 2:29-31 unexpected characters `&&`\n  help: write `and` for logical and\n"},
      {h + "rule r { for x in m where x || !y; }",
       "E0006 2:29-31 unexpected characters `||`\n  help: write `or` for logical or\n"
       "E0006 2:32-33 unexpected character `!`\n  help: write `not` for negation (`!=` is not-equal)\n"},
      {h + "# comment", "E0006 2:1-2 unexpected character `#`\n  help: comments start with `//`\n"},
      {h + "rule r { for x in m where \xE2\x88\x92" "1; }",
       "E0006 2:27-28 unexpected character `\xE2\x88\x92` (U+2212)\n  help: use the ASCII minus sign `-`\n"},
      {h + "concept x in video as \"abc\nconcept y;",
       "E0004 2:23-27 unterminated string\n"
       "  help: close the string with `\"` on the same line; write `\\n` for a line break\n"},
      {h + "concept x in video as \"abc\\",
       "E0004 2:23-28 unterminated string\n"
       "  help: close the string with `\"` on the same line; write `\\n` for a line break\n"},
      // block comments do not nest
      {h + "concept x; /* a /* b */ */",
       "E0001 2:25-26 expected one of `concept`, `disjoint`, `enum`, `modality`, `rule`, `test`, end of file, "
       "found `*`\n"},
      {h + "concept x; /* never\nclosed",
       "E0005 2:12-14 unterminated block comment\n  help: close the comment with `*/`\n"},
      {h + "concept x; /* a */ concept y; /* b */", "(module returned)\n"},
  });
}

TEST_CASE("lexical errors stop after max_syntax_errors") {
  // 25 separate bad characters: each is an error, up to the limit.
  std::string many = "ontology t;\n";
  for (int i = 0; i < 25; ++i) many += "@ ";
  std::string expected;
  for (int i = 1; i <= 20; ++i) {
    expected += "E0006 2:" + std::to_string(2 * i - 1) + "-" + std::to_string(2 * i) +
                " unexpected character `@`\n";
  }
  expected += "  note: stopped after 20 lexical errors\n";
  CHECK(test::Errors(many) == expected);

  ParseOptions options;
  options.max_syntax_errors = 2;
  CHECK(test::Errors(many, options) ==
        "E0006 2:1-2 unexpected character `@`\n"
        "E0006 2:3-4 unexpected character `@`\n"
        "  note: stopped after 2 lexical errors\n");

  // A run of adjacent bad characters is one error, however long.
  CHECK(test::Errors("ontology t;\n" + std::string(25, '@')) ==
        "E0006 2:1-26 unexpected characters `@@@@@@@@@@@@@@@@\u2026`\n");
}

TEST_CASE("E0001: syntax errors name what was expected and what was found") {
  const std::string h = "ontology t;\n";
  CheckAll({
      {"ontology t\nconcept x;", "E0001 2:1-8 expected one of `;`, `version`, found `concept`\n"},
      {"ontology ;", "E0001 1:10-11 expected identifier, found `;`\n"},
      {"ontology t version 1;", "E0001 1:20-21 expected string, found `1`\n"},
      // a missing `;` at the end of a line also points at the line it belongs to
      {h + "import core\nconcept x;",
       "E0001 3:1-8 expected `;`, found `concept`\n"
       "  at 2:8-12: expected `;` after this\n"},
      // at the end of the file the caret goes right after the last token
      {h + "concept x in video\n", "E0001 2:19-19 expected one of `,`, `;`, `{`, found end of file\n"},
      {h + "concept x; }",
       "E0001 2:12-13 expected one of `concept`, `disjoint`, `enum`, `modality`, `rule`, `test`, end of file, "
       "found `}`\n"},
      {h + "concept 42;", "E0001 2:9-11 expected identifier, found `42`\n"},
      {h + "concept item in video;",
       "E0001 2:9-13 expected identifier, found `item`\n"
       "  help: `item` is a keyword; use another name, such as `item_`\n"},
      {h + "rule r { for x in m where test == 1; }",
       "E0001 2:27-31 expected expression, found `test`\n"
       "  help: `test` is a keyword; use another name, such as `test_`\n"
       "E0001 2:32-34 expected identifier, found `==`\n"},  // recovery is not perfect
      {h + "concept c : ;", "E0001 2:13-14 expected identifier, found `;`\n"},
      {h + "concept c { foo ; }", "E0001 2:17-18 expected one of `:`, `=`, found `;`\n"},
      {h + "concept c { a: int[1..]; }", "E0001 2:23-24 expected one of `-`, float, integer, found `]`\n"},
      {h + "concept x in video as \"a\" as \"b\";", "E0001 2:27-29 expected one of `,`, `;`, `{`, found `as`\n"},
      {h + "enum E { a b }", "E0001 2:12-13 expected one of `,`, `}`, found `b`\n"},
      {h + "enum E { }", "E0001 2:10-11 expected identifier, found `}`\n"},
      {h + "modality m { extent time; }", "E0001 2:21-25 expected `:`, found `time`\n"},
      {h + "disjoint a;", "E0001 2:11-12 expected `,`, found `;`\n"},
      {h + "rule r { where x; }", "E0001 2:10-15 expected `for`, found `where`\n"},
      {h + "rule r severity { for x in m; }", "E0001 2:17-18 expected identifier, found `{`\n"},
      {h + "rule r { for x: in m; }",
       "E0001 2:17-19 expected identifier, found `in`\n"
       "E0001 2:21-22 expected `in`, found `;`\n"},
      {h + "rule r { for x in m where ; }", "E0001 2:27-28 expected expression, found `;`\n"},
      {h + "rule r { for x in m where x != != y; }", "E0001 2:32-34 expected expression, found `!=`\n"},
      {h + "rule r { for x in m where x. ; }", "E0001 2:30-31 expected identifier, found `;`\n"},
      {h + "rule r { for x in m where x.\"s\"; }", "E0001 2:29-32 expected identifier, found `\"s\"`\n"},
      {h + "rule r { for x in m where (a and b ; }", "E0001 2:36-37 expected `)`, found `;`\n"},
      {h + "rule r { for x in m where count(y in m; }", "E0001 2:39-40 expected one of `)`, `where`, found `;`\n"},
      {h + "rule r { for x in m report \"a\" }", "E0001 2:32-33 expected `;`, found `}`\n"},
      {h + "rule r { for x in m where 10sec; }",
       "E0001 2:30-32 expected one of `;`, `report`, `require`, `unless`, found `ec`\n"
       "  help: durations take the units `ms`, `s`, `min` and `h`, as in `250ms` or `2min`\n"},
      // one report per token, however often recovery fails on it
      {h + "rule r { for x in m where near(x, x, 100msec); }",
       "E0001 2:43-45 expected one of `)`, `,`, found `ec`\n"
       "  help: durations take the units `ms`, `s`, `min` and `h`, as in `250ms` or `2min`\n"},
      {h + "rule r { for x in m require exists y in m where y.t == x.t and near(y, x, 100msec); }",
       "E0001 2:80-82 expected one of `)`, `,`, operator, found `ec`\n"
       "  help: durations take the units `ms`, `s`, `min` and `h`, as in `250ms` or `2min`\n"},
      {h + "test t { item i { video v1 \"a\" 0s..; } }",
       "E0001 2:36-37 expected one of `-`, duration, float, integer, found `;`\n"},
      {h + "test t { expect; }", "E0001 2:16-17 expected one of `disjoint`, identifier, found `;`\n"},
      // long tokens are cut in messages
      {h + "concept \"" + std::string(100, 'a') + "\";",
       "E0001 2:9-111 expected identifier, found `\"" + std::string(31, 'a') + "...`\n"},
  });
}

TEST_CASE("E0001: parsing stops after max_syntax_errors, with a note") {
  std::string source = "ontology t;\n";
  for (int i = 0; i < 30; ++i) source += "concept 1;\n";
  std::string expected;
  for (int line = 2; line <= 21; ++line) {
    expected += "E0001 " + std::to_string(line) + ":9-10 expected identifier, found `1`\n";
  }
  expected += "  note: stopped after 20 syntax errors\n";
  CHECK(test::Errors(source) == expected);

  ParseOptions options;
  options.max_syntax_errors = 3;
  CHECK(test::Errors(source, options) ==
        "E0001 2:9-10 expected identifier, found `1`\n"
        "E0001 3:9-10 expected identifier, found `1`\n"
        "E0001 4:9-10 expected identifier, found `1`\n"
        "  note: stopped after 3 syntax errors\n");
}

TEST_CASE("E0007 invalid escapes and E0008 numbers out of range reject the module") {
  const std::string h = "ontology t;\n";
  const std::string escape_help =
      "  help: strings accept `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash\n";
  CheckAll({
      {h + "concept x in video as \"a\\qb\";", "E0007 2:25-27 invalid escape `\\q` in string\n" + escape_help},
      // every bad escape is reported, at its own backslash; columns count code points
      {h + "concept x in video as \"\xC3\xA9\\x\\u\";",
       "E0007 2:25-27 invalid escape `\\x` in string\n" + escape_help +
           "E0007 2:27-29 invalid escape `\\u` in string\n" + escape_help},
      {h + "rule r guideline \"\\{\" { for x in m; }", "E0007 2:19-21 invalid escape `\\{` in string\n" + escape_help},
      {h + "concept c { a: int = 9223372036854775808; }",
       "E0008 2:22-41 integer `9223372036854775808` does not fit in 64 bits\n"
       "  help: the largest integer is 9223372036854775807\n"},
      {h + "concept c { a: int = " + std::string(60, '9') + "; }",
       "E0008 2:22-82 integer `" + std::string(40, '9') + "...` does not fit in 64 bits\n"
       "  help: the largest integer is 9223372036854775807\n"},
      {h + "concept c { a: float = 1" + std::string(400, '0') + ".0; }",
       "E0008 2:24-427 number `1" + std::string(39, '0') + "...` is too large\n"},
      {h + "rule r { for x in m where near(x, x, 1" + std::string(400, '0') + "h); }",
       "E0008 2:38-440 duration `1" + std::string(39, '0') + "...` is too large\n"},
      {h + "concept c { a: int[0..99999999999999999999]; }",
       "E0008 2:23-43 integer `99999999999999999999` does not fit in 64 bits\n"
       "  help: the largest integer is 9223372036854775807\n"},
  });
}

TEST_CASE("E0311: a rule property given twice; the first one is kept and the module returned") {
  auto p = test::Parse(R"(ontology t;
rule r severity error guideline "a" escalate "x" severity info guideline "b" escalate "y" {
  for x in m;
})");
  CHECK(test::Diags(p->diags) ==
        "E0311 2:50-63 duplicate `severity` in rule\n"
        "  label: repeated here\n"
        "  at 2:8-22: first `severity` here\n"
        "  help: a rule has at most one `severity`; remove one\n"
        "E0311 2:64-77 duplicate `guideline` in rule\n"
        "  label: repeated here\n"
        "  at 2:23-36: first `guideline` here\n"
        "  help: a rule has at most one `guideline`; remove one\n"
        "E0311 2:78-90 duplicate `escalate` in rule\n"
        "  label: repeated here\n"
        "  at 2:37-49: first `escalate` here\n"
        "  help: a rule has at most one `escalate`; remove one\n");
  REQUIRE(p->module != nullptr);
  const auto& rule = static_cast<const ast::RuleDecl&>(*p->module->decls[0]);
  CHECK(rule.severity->text == "error");
  CHECK(rule.guideline->value == "a");
  CHECK(rule.escalate->value == "x");
}

TEST_CASE("E0002: nesting deeper than max_depth is rejected before parsing") {
  const std::string where = "ontology t;\nrule r { for x in m where ";  // the expression starts at 2:27
  const std::string too_deep = " nesting too deep: more than 256 levels of brackets and prefix operators\n";
  SUBCASE("100,000 open parentheses; the rule's `{` is level 1, so the 256th `(` is level 257") {
    CHECK(test::Errors(where + std::string(100000, '(') + "x" + std::string(100000, ')') + "; }") ==
          "E0002 2:282-283" + too_deep + kNestingHelp);
  }
  SUBCASE("100,000 brackets without their closers") {
    CHECK(test::Errors(where + std::string(100000, '[')) == "E0002 2:282-283" + too_deep + kNestingHelp);
  }
  SUBCASE("100,000 `not`") {
    std::string nots;
    for (int i = 0; i < 100000; ++i) nots += "not ";
    CHECK(test::Errors(where + nots + "x; }") == "E0002 2:1047-1050" + too_deep + kNestingHelp);
  }
  SUBCASE("100,000 unary minus") {
    CHECK(test::Errors(where + std::string(100000, '-') + "x; }") == "E0002 2:282-283" + too_deep + kNestingHelp);
  }
  SUBCASE("at the limit is accepted, one more is not; binary minus and `x.not` are no prefix operators") {
    ParseOptions options;
    options.max_depth = 3;
    const std::string limit = " nesting too deep: more than 3 levels of brackets and prefix operators\n";
    CHECK(test::Errors(where + "((x)); }", options) == "(module returned)\n");
    CHECK(test::Errors(where + "(((x))); }", options) == "E0002 2:29-30" + limit + kNestingHelp);
    CHECK(test::Errors(where + "a - - -b; }", options) == "(module returned)\n");
    CHECK(test::Errors(where + "a - - - -b; }", options) == "E0002 2:35-36" + limit + kNestingHelp);
    CHECK(test::Errors(where + "not not x.not; }", options) == "(module returned)\n");
    CHECK(test::Errors(where + "not not not x; }", options) == "E0002 2:35-38" + limit + kNestingHelp);
    // a run of prefix operators counts for the operand right after it only
    CHECK(test::Errors(where + "not (x) and not (x); }", options) == "(module returned)\n");
    CHECK(test::Errors(where + "not (x) and not not (x); }", options) == "E0002 2:47-48" + limit + kNestingHelp);
  }
}

TEST_CASE("E0002: expression trees deeper than max_expr_depth (long operator chains)") {
  const std::string where = "ontology t;\nrule r { for x in m where ";
  const std::string help =
      "  help: split long chains of `and` or `or` into several rules, or use `x in {a, b, ...}`\n";
  SUBCASE("20,000 `and`") {
    std::string chain = "x";
    for (int i = 0; i < 20000; ++i) chain += " and x";
    CHECK(test::Errors(where + chain + "; }") ==
          "E0002 2:27-28 expression too deep: more than 1024 nested operations\n" + help);
  }
  SUBCASE("20,000 field accesses") {
    std::string chain = "x";
    for (int i = 0; i < 20000; ++i) chain += ".a";
    CHECK(test::Errors(where + chain + "; }") ==
          "E0002 2:27-28 expression too deep: more than 1024 nested operations\n" + help);
  }
  SUBCASE("at the limit is accepted, one more is not") {
    ParseOptions options;
    options.max_expr_depth = 3;
    CHECK(test::Errors(where + "a and b and c; }", options) == "(module returned)\n");
    CHECK(test::Errors(where + "a and b and c and d; }", options) ==
          "E0002 2:27-28 expression too deep: more than 3 nested operations\n" + help);
  }
}

TEST_CASE("hostile input: binary garbage") {
  SUBCASE("5 MB of NUL bytes: one error for the run, shown as \\x00; lexing stops at 4096 bad characters") {
    std::string shown;
    for (int i = 0; i < 16; ++i) shown += "\\x00";
    CHECK(test::Errors(std::string(5 << 20, '\0')) ==
          "E0006 1:1-4097 unexpected characters `" + shown + "\u2026`\n" + kInvisibleHelp);
  }
  SUBCASE("all byte values: the first byte that is not UTF-8 is reported") {
    std::string bytes;
    for (int i = 0; i < (1 << 20); ++i) bytes += static_cast<char>(i & 0xFF);
    // 0x80 is at offset 128; the only newline before it is at offset 10.
    CHECK(test::Errors(bytes) == "E0003 2:118-119 invalid UTF-8 in source file\n"
                                 "  label: byte 0x80 is not valid UTF-8 here\n" +
                                     kUtf8Help);
  }
  SUBCASE("a valid header followed by control characters") {
    CHECK(test::Errors(std::string("ontology t;\n\x01\x02", 14)) ==
          "E0006 2:1-3 unexpected characters `\\x01\\x02`\n" + kInvisibleHelp);
  }
}

TEST_CASE("hostile input: a 5 MB file of valid rules parses") {
  std::string source = "ontology big;\n";
  std::size_t rules = 0;
  while (source.size() < 5'000'000) {
    source += test::examples::kToneRule;
    ++rules;
  }
  auto p = test::Parse(source);
  CHECK(test::Diags(p->diags).empty());
  REQUIRE(p->module != nullptr);
  CHECK(p->module->decls.size() == rules);
  CHECK(rules == 12'532);
  const auto& last = static_cast<const ast::RuleDecl&>(*p->module->decls.back());
  CHECK(last.doc == "Tone must agree across channels unless sarcasm is marked.");
  CHECK(last.report->parts.size() == 9);
  CHECK(test::R(last.range) == std::to_string(2 + 11 * (rules - 1) + 1) + ":1-" +
                                   std::to_string(2 + 11 * (rules - 1) + 10) + ":2");
}

TEST_CASE("the parser never prints and never throws") {
  std::ostringstream captured_err, captured_out;
  auto* old_err = std::cerr.rdbuf(captured_err.rdbuf());
  auto* old_out = std::cout.rdbuf(captured_out.rdbuf());
  auto p = test::Parse("ontology t;\nconcept x in video as\nrule r { for x in m where (x; }\n@");
  auto q = test::Parse("ontology t;\nconcept x in video as\nrule r { for x in m where (x; }");
  std::cerr.rdbuf(old_err);
  std::cout.rdbuf(old_out);
  CHECK(captured_err.str().empty());
  CHECK(captured_out.str().empty());
  CHECK(test::Diags(q->diags) ==
        "E0001 3:1-5 expected string, found `rule`\n"
        "  at 2:20-22: expected string after this\n"
        "E0001 3:29-30 expected `)`, found `;`\n");

  SUBCASE("an exception inside the parser becomes a diagnostic") {
    SourceManager sources;
    Diagnostics diags;
    CHECK(ParseModule(sources, 7, diags) == nullptr);
    REQUIRE(diags.All().size() == 1);
    CHECK(diags.All()[0].code == "E0001");
    CHECK(diags.All()[0].range.file == kNoFile);
    CHECK(diags.All()[0].message.starts_with("the parser failed: "));
  }
}
