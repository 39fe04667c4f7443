// Parser tests: the tree built for every construct of the language.
// Trees are printed by parse_test_util.h: every name and node carries its
// range as line:column-column (end exclusive, columns in code points).

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse_examples.h"
#include "parse_test_util.h"

using namespace accord;

namespace {

/// The module printed, or its diagnostics when parsing failed.
std::string Tree(const std::string& source) {
  auto p = test::Parse(source);
  if (p->module == nullptr) return "error: " + test::Diags(p->diags);
  return test::Diags(p->diags) + test::Module(*p->module);
}

}  // namespace

// Every code example of LANGUAGE.md, verbatim. Examples without a module
// header get `ontology t;` as line 1, so their own text starts on line 2.
TEST_CASE("LANGUAGE.md examples parse to these trees") {
  struct Case {
    const char* name;
    std::string source;
    const char* tree;
  };
  const std::string header = "ontology t;\n";
  const std::vector<Case> cases = {
      {"kHeader", test::examples::kHeader,
       R"tree(module affect@1:10-16 [1:1-2:13] version "1.0.0"@1:25-32
import core@2:8-12 [2:1-13]
)tree"},
      {"kModalities", header + test::examples::kModalities,
       R"tree(module t@1:10-11 [1:1-10:34]
modality video@2:10-15 [2:1-34]
  extent@2:19-25 [2:19-32]: time@2:27-31
modality audio@3:10-15 [3:1-34]
  extent@3:19-25 [3:19-32]: time@3:27-31
modality text@4:10-14 [4:1-34]
  extent@4:19-25 [4:19-32]: time@4:27-31
modality description@5:10-21 [5:1-40]
  extent@5:24-30 [5:24-38]: chars@5:32-37
modality camera@6:10-16 [6:1-39]
  extent@6:19-25 [6:19-37]: time@6:27-31 box@6:33-36
modality lidar@7:10-15 [7:1-41]
  extent@7:19-25 [7:19-39]: time@7:27-31 box3d@7:33-38
modality gps@8:10-13 [8:1-39]
  extent@8:19-25 [8:19-37]: time@8:27-31 geo@8:33-36
modality image@9:10-15 [9:1-33]
  extent@9:19-25 [9:19-31]: box@9:27-30
modality events@10:10-16 [10:1-34]
  extent@10:19-25 [10:19-32]: time@10:27-31
)tree"},
      {"kConcepts", header + test::examples::kConcepts,
       R"tree(module t@1:10-11 [1:1-21:34]
enum Valence@2:6-13 [2:1-45]
  negative@2:16-24 neutral@2:26-33 positive@2:35-43
concept affect@5:9-15 [5:1-8:2] doc "Any emotional reading of a person."
  in video@5:19-24 [5:19-24] audio@5:26-31 [5:26-31] text@5:33-37 [5:33-37]
  attribute valence@6:3-10 [6:3-20]: Valence@6:12-19 [6:12-19]
  attribute intensity@7:3-12 [7:3-28]: int@7:14-17 [7:14-23] range 1..5 integral [7:17-23] = 3@7:26-27
concept hostile@10:9-16 [10:1-12:2]
  parents affect@10:19-25
  in video@10:29-34 as "aggressive"@10:38-50 [10:29-50] audio@10:52-57 as "angry"@10:61-68 [10:52-68] text@10:70-74 as "hostile"@10:78-87 [10:70-87]
  fixed valence@11:3-10 [11:3-22] = negative@11:13-21
concept calm@13:9-13 [13:1-15:2]
  parents affect@13:16-22
  in video@13:26-31 as "calm"@13:35-41 [13:26-41] audio@13:43-48 as "neutral"@13:52-61 [13:43-61] text@13:63-67 as "neutral"@13:71-80 [13:63-80]
  fixed valence@14:3-10 [14:3-21] = neutral@14:13-20
concept cheerful@16:9-17 [16:1-18:2]
  parents affect@16:20-26
  in video@16:30-35 as "smiling"@16:39-48 [16:30-48] audio@16:50-55 as "cheerful"@16:59-69 [16:50-69] text@16:71-75 as "happy"@16:79-86 [16:71-86]
  fixed valence@17:3-10 [17:3-22] = positive@17:13-21
concept sarcasm@19:9-16 [19:1-40]
  in text@19:20-24 as "sarcastic"@19:28-39 [19:20-39]
disjoint [21:1-34]
  hostile@21:10-17 calm@21:19-23 cheerful@21:25-33
)tree"},
      {"kToneRule", header + test::examples::kToneRule,
       R"tree(module t@1:10-11 [1:1-12:2]
rule tone_mismatch@3:6-19 [3:1-12:2] doc "Tone must agree across channels unless sarcasm is marked."
  severity error@4:12-17
  guideline "Affect playbook 4.2"@5:13-34
  escalate "affect-leads"@6:12-26
  for v@8:7-8: affect@8:10-16 in video@8:20-25 [8:7-25]
  for a@8:27-28: affect@8:30-36 in audio@8:40-45 [8:27-45]
  where (and@9:9-50/9:24-27 (overlaps@9:9-17@9:9-23 v@9:18-19 a@9:21-22) (!=@9:28-50/9:38-40 (.@9:28-37 v@9:28-29 valence@9:30-37) (.@9:41-50 a@9:41-42 valence@9:43-50)))
  unless (exists@10:10-56 t@10:17-18: sarcasm@10:20-27 in text@10:31-35 [10:17-35] where (overlaps@10:42-50@10:42-56 t@10:51-52 v@10:54-55))
  report [11:10-85] "video says " {(.@11:23-30 v@11:23-24 label@11:25-30)} " (" {(.@11:34-43 v@11:34-35 valence@11:36-43)} ") but audio says " {(.@11:62-69 a@11:62-63 label@11:64-69)} " (" {(.@11:73-82 a@11:73-74 valence@11:75-82)} ")"
)tree"},
      {"kMoreRules", header + test::examples::kMoreRules,
       R"tree(module t@1:10-11 [1:1-43:2]
rule pedestrian_needs_lidar@3:6-28 [3:1-7:2] doc "Every pedestrian boxed in the camera has a LiDAR cuboid on the same track within 100 ms."
  severity error@3:38-43
  guideline "AV playbook 3.1"@3:54-71
  for c@4:7-8: pedestrian@4:10-20 in camera@4:24-30 [4:7-30]
  require (exists@5:11-87 l@5:18-19: pedestrian@5:21-31 in lidar@5:35-40 [5:18-40] where (and@5:47-87/5:66-69 (==@5:47-65/5:55-57 (.@5:47-54 l@5:47-48 track@5:49-54) (.@5:58-65 c@5:58-59 track@5:60-65)) (near@5:70-74@5:70-87 l@5:75-76 c@5:78-79 0.1s@5:81-86)))
  report [6:10-96] "camera pedestrian on track " {(.@6:39-46 c@6:39-40 track@6:41-46)} " at " {(.@6:52-59 c@6:52-53 start@6:54-59)} "s has no LiDAR cuboid within 100 ms"
rule track_class_agrees@10:6-24 [10:1-14:2] doc "Camera and LiDAR agree on the class of a track."
  severity error@10:34-39
  for c@11:7-8: road_user@11:10-19 in camera@11:23-29 [11:7-29]
  for l@11:31-32: road_user@11:34-43 in lidar@11:47-52 [11:31-52]
  where (and@12:9-76/12:50-53 (and@12:9-49/12:28-31 (==@12:9-27/12:17-19 (.@12:9-16 c@12:9-10 track@12:11-16) (.@12:20-27 l@12:20-21 track@12:22-27)) (near@12:32-36@12:32-49 c@12:37-38 l@12:40-41 0.1s@12:43-48)) (!=@12:54-76/12:64-66 (.@12:54-63 c@12:54-55 concept@12:56-63) (.@12:67-76 l@12:67-68 concept@12:69-76)))
  report [13:10-72] "track " {(.@13:18-25 c@13:18-19 track@13:20-25)} ": camera says " {(.@13:41-48 c@13:41-42 label@13:43-48)} ", LiDAR says " {(.@13:63-70 l@13:63-64 label@13:65-70)}
rule colour_agrees@17:6-19 [17:1-21:2] doc "The product colour in the photo matches the colour in the description."
  severity warning@17:29-36
  guideline "Retail playbook 2.1"@17:47-68
  for i@18:7-8: product@18:10-17 in image@18:21-26 [18:7-26]
  for d@18:28-29: product@18:31-38 in description@18:42-53 [18:28-53]
  where (and@19:9-65/19:41-44 (and@19:9-40/19:23-26 (has@19:9-12@19:9-22 (.@19:13-21 i@19:13-14 colour@19:15-21)) (has@19:27-30@19:27-40 (.@19:31-39 d@19:31-32 colour@19:33-39))) (!=@19:45-65/19:54-56 (.@19:45-53 i@19:45-46 colour@19:47-53) (.@19:57-65 d@19:57-58 colour@19:59-65)))
  report [20:10-70] "photo shows " {(.@20:24-32 i@20:24-25 colour@20:26-32)} " but the description says " {(.@20:60-68 d@20:60-61 colour@20:62-68)}
rule annotators_disagree@24:6-25 [24:1-28:2] doc "Two annotators of the same channel disagree on valence."
  severity info@24:35-39
  for x@25:7-8: affect@25:10-16 in video@25:20-25 [25:7-25]
  for y@25:27-28: affect@25:30-36 in video@25:40-45 [25:27-45]
  where (and@26:9-86/26:60-63 (and@26:9-59/26:36-39 (!=@26:9-35/26:21-23 (.@26:9-20 x@26:9-10 annotator@26:11-20) (.@26:24-35 y@26:24-25 annotator@26:26-35)) (>=@26:40-59/26:54-56 (overlap@26:40-47@26:40-53 x@26:48-49 y@26:51-52) 1s@26:57-59)) (!=@26:64-86/26:74-76 (.@26:64-73 x@26:64-65 valence@26:66-73) (.@26:77-86 y@26:77-78 valence@26:79-86)))
  report [27:10-76] {(.@27:12-23 x@27:12-13 annotator@27:14-23)} " and " {(.@27:30-41 y@27:30-31 annotator@27:32-41)} " disagree on " {(.@27:56-63 x@27:56-57 start@27:58-63)} "s.." {(.@27:68-73 x@27:68-69 end@27:70-73)} "s"
rule package_needs_event@31:6-25 [31:1-35:2] doc "An unattended package in video is confirmed by a logged security event within 30 s."
  severity error@31:35-40
  for p@32:7-8: unattended_package@32:10-28 in video@32:32-37 [32:7-37]
  require (>=@33:11-72/33:68-70 (count@33:11-67 e@33:17-18: security_event@33:20-34 in events@33:38-44 [33:17-44] where (near@33:51-55@33:51-66 e@33:56-57 p@33:59-60 30s@33:62-65)) 1@33:71-72)
  report [34:10-66] "unattended package at " {(.@34:34-41 p@34:34-35 start@34:36-41)} "s has no security event"
rule model_contradicts_human@38:6-29 [38:1-43:2] doc "A confident model prediction that contradicts the human label goes to review."
  severity info@38:39-43
  escalate "review-queue"@38:53-67
  for m@39:7-8: affect@39:10-16 in video@39:20-25 [39:7-25]
  for h@39:27-28: affect@39:30-36 in video@39:40-45 [39:27-45]
  where (and@40:9-41:74/41:48-51 (and@40:9-41:47/41:29-32 (and@40:9-41:28/41:5-8 (and@40:9-52/40:29-32 (==@40:9-28/40:18-20 (.@40:9-17 m@40:9-10 source@40:11-17) "model"@40:21-28) (==@40:33-52/40:42-44 (.@40:33-41 h@40:33-34 source@40:35-41) "human"@40:45-52)) (>=@41:9-28/41:22-24 (.@41:9-21 m@41:9-10 confidence@41:11-21) float:0.9@41:25-28)) (overlaps@41:33-41@41:33-47 m@41:42-43 h@41:45-46)) (!=@41:52-74/41:62-64 (.@41:52-61 m@41:52-53 valence@41:54-61) (.@41:65-74 h@41:65-66 valence@41:67-74)))
  report [42:10-89] "model (" {(.@42:19-31 m@42:19-20 confidence@42:21-31)} ") says " {(.@42:40-47 m@42:40-41 label@42:42-47)} ", annotator " {(.@42:61-72 h@42:61-62 annotator@42:63-72)} " says " {(.@42:80-87 h@42:80-81 label@42:82-87)}
)tree"},
      {"kTests", header + test::examples::kTests,
       R"tree(module t@1:10-11 [1:1-17:2]
test sarcasm_excuses_tone@2:6-26 [2:1-9:2]
  item clip1@3:8-13 [3:3-7:4]
    video@4:5-10 v1@4:11-13 "aggressive"@4:14-26 0..5 [4:27-33] [4:5-34]
    audio@5:5-10 a1@5:11-13 "neutral"@5:14-23 1..4 [5:27-33] [5:5-34]
    text@6:5-9 t1@6:11-13 "sarcastic"@6:14-25 0..5 [6:27-33] [6:5-34]
  expect none [8:3-15]
test tone_conflict_fires@11:6-25 [11:1-17:2]
  item clip1@12:8-13 [12:3-15:4]
    video@13:5-10 v1@13:11-13 "aggressive"@13:14-26 0..5 [13:27-33] [13:5-57] annotator@13:36-45="ann-7"@13:47-54
    audio@14:5-10 a1@14:11-13 "neutral"@14:14-23 1..4 [14:27-33] [14:5-34]
  expect tone_mismatch@16:10-23(v1@16:24-26, a1@16:28-30) [16:3-32]
)tree"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) { CHECK(Tree(c.source) == c.tree); }
  }
}

TEST_CASE("operator precedence and associativity") {
  struct Case {
    const char* expr;
    const char* tree;
  };
  const Case cases[] = {
      // not < comparison, and < not, or < and
      {"not a == b and c or d", "(or (and (not (== a b)) c) d)"},
      {"a or b and c", "(or a (and b c))"},
      {"a and b or c and d", "(or (and a b) (and c d))"},
      {"not a or b", "(or (not a) b)"},
      {"not not a", "(not (not a))"},
      {"not x is core.C", "(not (is x core.C))"},
      {"x is C and y", "(and (is x C) y)"},
      // arithmetic: * / above + -, both left-associative; unary minus binds tightest
      {"a + b * c - d", "(- (+ a (* b c)) d)"},
      {"a - b - c", "(- (- a b) c)"},
      {"a / b * c", "(* (/ a b) c)"},
      {"a * (b + c)", "(* a (+ b c))"},
      {"-a * b", "(* (neg a) b)"},
      {"- -a", "(neg (neg a))"},
      {"a - -b", "(- a (neg b))"},
      {"-a.b", "(neg (. a b))"},
      // comparisons are left-associative; `in` and `is` sit just below them
      {"a < b == c", "(== (< a b) c)"},
      {"a + b in {1, 2}", "(in (+ a b) {1 2})"},
      {"a in {b} in {c}", "(in (in a {b}) {c})"},
      {"x in {a, b} and y is C", "(and (in x {a b}) (is y C))"},
      {"(a or b) and c", "(and (or a b) c)"},
      // postfix field access
      {"a.b.c", "(. (. a b) c)"},
      {"Valence.negative", "(. Valence negative)"},
      {"x.concept == x.item", "(== (. x concept) (. x item))"},
      {"x.not and x.in", "(and (. x not) (. x in))"},
      {"version == none", "(== version none)"},
      // calls, quantifiers, lists
      {"f()", "(f)"},
      {"near(a, b, 1.5s)", "(near a b 1.5s)"},
      {"has(i.colour)", "(has (. i colour))"},
      {"exists y in m", "(exists y in m)"},
      {"exists y: C in m where y.a == 1 and z", "(exists y: C in m where (and (== (. y a) 1) z))"},
      {"count(e: core.E in events) >= 1", "(>= (count e: core.E in events) 1)"},
      {"[1, -2.5, \"s\"]", "[1 (neg float:2.5) \"s\"]"},
      {"[]", "[]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.expr);
    CHECK(test::WhereExpr(c.expr) == c.tree);
  }
}

// WhereExpr puts the expression at line 2, column 27.
TEST_CASE("expression ranges: every node, end exclusive, parentheses not part of the node inside them") {
  struct Case {
    const char* expr;
    const char* tree;
  };
  const Case cases[] = {
      {"not a == b and c or d",
       "(or@2:27-48/2:44-46 (and@2:27-43/2:38-41 (not@2:27-37 (==@2:31-37/2:33-35 a@2:31-32 b@2:36-37)) "
       "c@2:42-43) d@2:47-48)"},
      {"(a + b) * -c.d",
       "(*@2:27-41/2:35-36 (+@2:28-33/2:30-31 a@2:28-29 b@2:32-33) (neg@2:37-41 (.@2:38-41 c@2:38-39 d@2:40-41)))"},
      {"x in {a, 1} and y is core.C",
       "(and@2:27-54/2:39-42 (in@2:27-38 x@2:27-28 {a@2:33-34 1@2:36-37}) (is@2:43-54 y@2:43-44 core.C@2:48-54))"},
      {"count(e: E in ev where near(e, x, 2min)) >= [1]",
       "(>=@2:27-74/2:68-70 (count@2:27-67 e@2:33-34: E@2:36-37 in ev@2:41-43 [2:33-43] where "
       "(near@2:50-54@2:50-66 e@2:55-56 x@2:58-59 120s@2:61-65)) [1@2:72-73]@2:71-74)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.expr);
    CHECK(test::WhereExpr(c.expr, true) == c.tree);
  }
}

TEST_CASE("literals") {
  struct Case {
    const char* expr;
    const char* tree;
  };
  const Case cases[] = {
      {"42", "42"},
      {"0", "0"},
      {"00042", "42"},
      {"9223372036854775807", "9223372036854775807"},
      {"0.5", "float:0.5"},
      {"3.0", "float:3"},
      {"true", "true"},
      {"false", "false"},
      {"\"\"", "\"\""},
      {"\"h\xC3\xA9\"", "\"h\xC3\xA9\""},
      // durations are seconds
      {"250ms", "0.25s"},
      {"100ms", "0.1s"},
      {"0s", "0s"},
      {"1.5s", "1.5s"},
      {"2min", "120s"},
      {"1.25min", "75s"},
      {"1h", "3600s"},
      {"0.5h", "1800s"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.expr);
    CHECK(test::WhereExpr(c.expr) == c.tree);
  }

  SUBCASE("string escapes are decoded") {
    auto p = test::Parse(R"(ontology t; rule r { for x in m where x == "q\"b\\s\nn\tt"; })");
    REQUIRE(p->module != nullptr);
    const auto& rule = static_cast<const ast::RuleDecl&>(*p->module->decls[0]);
    const auto& cmp = static_cast<const ast::BinaryExpr&>(*rule.where);
    const auto& lit = static_cast<const ast::LiteralExpr&>(*cmp.rhs);
    CHECK(lit.literal == ast::LiteralKind::STRING);
    CHECK(lit.string_value == "q\"b\\s\nn\tt");
    CHECK(test::R(lit.range) == "1:44-59");
  }
  SUBCASE("an integer also carries its value as a number") {
    auto p = test::Parse("ontology t; rule r { for x in m where 7; }");
    REQUIRE(p->module != nullptr);
    const auto& rule = static_cast<const ast::RuleDecl&>(*p->module->decls[0]);
    const auto& lit = static_cast<const ast::LiteralExpr&>(*rule.where);
    CHECK(lit.int_value == 7);
    CHECK(lit.number == 7.0);
  }
  SUBCASE("a float too small for a double is zero") {
    CHECK(test::WhereExpr("0." + std::string(400, '0') + "1") == "float:0");
  }
}

TEST_CASE("doc comments attach to the next declaration or attribute") {
  SUBCASE("lines are joined; `///` and one space are stripped; other comments are skipped") {
    CHECK(Tree(R"(ontology t;
/// First line.
///Second, no space.
///   Indented.
///
// plain comment
/* block */
//// four slashes: not a doc comment
concept a {
  /// The valence.
  /// Two lines.
  valence: Valence;
  /// fixed values have no doc
  intensity = 3;
  level: int;
}
/// Modality doc.
modality m { extent: time; }
/// Enum doc.
enum E { x, y, }
/// Disjoint doc.
disjoint a, b;
/// Rule doc.
rule r { for x in m; }
/// Test doc.
test t { }
/// Trailing doc at end of file.
)") == R"(module t@1:10-11 [1:1-26:11]
concept a@9:9-10 [9:1-16:2] doc "First line.\nSecond, no space.\n  Indented.\n"
  attribute valence@12:3-10 [12:3-20]: Valence@12:12-19 [12:12-19] doc "The valence.\nTwo lines."
  attribute level@15:3-8 [15:3-14]: int@15:10-13 [15:10-13]
  fixed intensity@14:3-12 [14:3-17] = 3@14:15-16
modality m@18:10-11 [18:1-29] doc "Modality doc."
  extent@18:14-20 [18:14-27]: time@18:22-26
enum E@20:6-7 [20:1-17] doc "Enum doc."
  x@20:10-11 y@20:13-14
disjoint [22:1-15] doc "Disjoint doc."
  a@22:10-11 b@22:13-14
rule r@24:6-7 [24:1-23] doc "Rule doc."
  for x@24:14-15 in m@24:19-20 [24:14-20]
test t@26:6-7 [26:1-11] doc "Test doc."
)");
  }
  SUBCASE("only the last block of consecutive `///` lines counts; a blank line after it does not matter") {
    CHECK(Tree(R"(ontology t;
/// A banner about the whole file.

/// Doc of a,
/// two lines.

concept a;
/// Not the doc of b: a comment comes between.
// an ordinary comment
/// Doc of b.
concept b;
)") == R"(module t@1:10-11 [1:1-11:11]
concept a@7:9-10 [7:1-11] doc "Doc of a,\ntwo lines."
concept b@11:9-10 [11:1-11] doc "Doc of b."
)");
  }
  SUBCASE("docs before the header or an import, or after code on the same line, document nothing") {
    CHECK(Tree(R"(/// header doc
ontology t;
/// import doc
import core;
concept a; /// after code: not the doc of b
concept b;
concept c {
  x: int; /// after code
  y: int;
}
)") == R"(module t@2:10-11 [2:1-10:2]
import core@4:8-12 [4:1-13]
concept a@5:9-10 [5:1-11]
concept b@6:9-10 [6:1-11]
concept c@7:9-10 [7:1-10:2]
  attribute x@8:3-4 [8:3-10]: int@8:6-9 [8:6-9]
  attribute y@9:3-4 [9:3-10]: int@9:6-9 [9:6-9]
)");
  }
}

TEST_CASE("concepts: parents, modalities, attribute types") {
  SUBCASE("forms of the concept declaration") {
    CHECK(Tree(R"(ontology a.b version "2";
import core.base;
concept a;
concept b : a, core.p;
concept c in video;
concept d : a in video as "x", audio {}
)") == R"(module a.b@1:10-13 [1:1-6:40] version "2"@1:22-25
import core.base@2:8-17 [2:1-18]
concept a@3:9-10 [3:1-11]
concept b@4:9-10 [4:1-23]
  parents a@4:13-14 core.p@4:16-22
concept c@5:9-10 [5:1-20]
  in video@5:14-19 [5:14-19]
concept d@6:9-10 [6:1-40]
  parents a@6:13-14
  in video@6:18-23 as "x"@6:27-30 [6:18-30] audio@6:32-37 [6:32-37]
)");
  }
  SUBCASE("a range with a decimal point anywhere is not integral") {
    CHECK(Tree(R"(ontology t;
concept c {
  a: bool;
  b: int[1..5];
  c: float[0..1];
  d: float[0.0..1] = 0.5;
  e: int[-5..-1] = -3;
  f: core.Valence = core.Valence.negative;
  g: duration = 1.5s;
}
)") == R"(module t@1:10-11 [1:1-10:2]
concept c@2:9-10 [2:1-10:2]
  attribute a@3:3-4 [3:3-11]: bool@3:6-10 [3:6-10]
  attribute b@4:3-4 [4:3-16]: int@4:6-9 [4:6-15] range 1..5 integral [4:9-15]
  attribute c@5:3-4 [5:3-18]: float@5:6-11 [5:6-17] range 0..1 integral [5:11-17]
  attribute d@6:3-4 [6:3-26]: float@6:6-11 [6:6-19] range 0..1 fractional [6:11-19] = float:0.5@6:22-25
  attribute e@7:3-4 [7:3-23]: int@7:6-9 [7:6-17] range -5..-1 integral [7:9-17] = (neg@7:20-22 3@7:21-22)
  attribute f@8:3-4 [8:3-43]: core.Valence@8:6-18 [8:6-18] = (.@8:21-42 (.@8:21-33 core@8:21-25 Valence@8:26-33) negative@8:34-42)
  attribute g@9:3-4 [9:3-22]: duration@9:6-14 [9:6-14] = 1.5s@9:17-21
)");
  }
}

TEST_CASE("rules: properties in any order, optional clauses") {
  CHECK(Tree(R"(ontology t;
rule r1 { for x in m; }
rule r2 escalate "e" guideline "g" severity warning { for x: a.b in m require x.y unless z report ""; }
)") == R"(module t@1:10-11 [1:1-3:104]
rule r1@2:6-8 [2:1-24]
  for x@2:15-16 in m@2:20-21 [2:15-21]
rule r2@3:6-8 [3:1-104]
  severity warning@3:45-52
  guideline "g"@3:32-35
  escalate "e"@3:18-21
  for x@3:59-60: a.b@3:62-65 in m@3:69-70 [3:59-70]
  require (.@3:79-82 x@3:79-80 y@3:81-82)
  unless z@3:90-91
  report [3:99-101]
)");
}

TEST_CASE("tests: items, records, time ranges in seconds, fields, expectations") {
  CHECK(Tree(R"(ontology t;
test records {
  item "clip 1" {
    camera c9 "pedestrian" -0.5..2 { track: "p14", box: [410, 220, 38, 96], confidence: 0.9, };
    lidar l4 "pedestrian" 100ms..2min;
    events e1 "alarm";
    gps g1 "car" 1..1 {};
  }
  item i2 { }
  expect r("c9", l4);
  expect core.r(c9);
  expect none;
}
)") == R"(module t@1:10-11 [1:1-13:2]
test records@2:6-13 [2:1-13:2]
  item clip 1@3:8-16 [3:3-8:4]
    camera@4:5-11 c9@4:12-14 "pedestrian"@4:15-27 -0.5..2 [4:28-35] [4:5-96] track@4:38-43="p14"@4:45-50 box@4:52-55=[410@4:58-61 220@4:63-66 38@4:68-70 96@4:72-74]@4:57-75 confidence@4:77-87=float:0.9@4:89-92
    lidar@5:5-10 l4@5:11-13 "pedestrian"@5:14-26 0.1..120 [5:27-38] [5:5-39]
    events@6:5-11 e1@6:12-14 "alarm"@6:15-22 [6:5-23]
    gps@7:5-8 g1@7:9-11 "car"@7:12-17 1..1 [7:18-22] [7:5-26]
  item i2@9:8-10 [9:3-14]
  expect r@10:10-11(c9@10:12-16, l4@10:18-20) [10:3-22]
  expect core.r@11:10-16(c9@11:17-19) [11:3-21]
  expect none [12:3-15]
)");
}

TEST_CASE("columns count code points; tabs are one column; CRLF and a byte-order mark are fine") {
  SUBCASE("non-ASCII string, CRLF, tab") {
    CHECK(Tree("ontology t;\r\nconcept x in video as \"h\xC3\xA9llo w\xC3\xB6rld\", audio;\r\n\tconcept y;") ==
          "module t@1:10-11 [1:1-3:12]\n"
          "concept x@2:9-10 [2:1-44]\n"
          "  in video@2:14-19 as \"h\xC3\xA9llo w\xC3\xB6rld\"@2:23-36 [2:14-36] audio@2:38-43 [2:38-43]\n"
          "concept y@3:10-11 [3:2-12]\n");
  }
  SUBCASE("a character outside the BMP is one column") {
    CHECK(Tree("ontology t;\nconcept x in video as \"\xF0\x9F\x98\x80!\", audio;") ==
          "module t@1:10-11 [1:1-2:35]\n"
          "concept x@2:9-10 [2:1-35]\n"
          "  in video@2:14-19 as \"\xF0\x9F\x98\x80!\"@2:23-27 [2:14-27] audio@2:29-34 [2:29-34]\n");
  }
  SUBCASE("the byte-order mark is column 1") {
    CHECK(Tree("\xEF\xBB\xBFontology t;\nconcept x;") ==
          "module t@1:11-12 [1:2-2:11]\n"
          "concept x@2:9-10 [2:1-11]\n");
  }
}
