// Rule and test checking: the exact diagnostics for each mistake, and the
// checked IR for each rule form of the language.

#include <doctest/doctest.h>

#include "sema_support.h"

namespace accord::testing {
namespace {

std::string Source(const std::string& body) {
  return std::string("ontology m;\n") + kPrelude + body;
}
// The header and prelude take 20 lines; the body starts on line 21.
constexpr int kBodyLine = 21;

std::string At(int body_line, int column) {
  return std::to_string(kBodyLine + body_line - 1) + ":" + std::to_string(column);
}

struct RuleCase {
  const char* name;
  const char* body;
  std::vector<std::string> expected;
};

TEST_CASE("rule diagnostics") {
  const std::vector<RuleCase> cases = {
      {"unknown concept in binding", "rule r { for v: hostle in video report \"x\"; }",
       {"E0201 " + At(1, 17) + " unknown concept `hostle`"}},
      {"unknown modality in binding", "rule r { for v: affect in vidoe report \"x\"; }",
       {"E0202 " + At(1, 27) + " unknown modality `vidoe`"}},
      {"concept never annotated in modality", "rule r { for p: pedestrian in video report \"x\"; }",
       {"E0303 " + At(1, 31) + " `pedestrian` is never annotated in modality `video`"}},
      {"duplicate binding", "rule r { for v: affect in video, v: affect in audio report \"x\"; }",
       {"E0309 " + At(1, 34) + " `v` is already bound in this rule"}},
      {"unknown attribute with suggestion",
       "rule r { for v: affect in video where v.valance == negative report \"x\"; }",
       {"E0302 " + At(1, 41) + " `v` has no field or attribute `valance`"}},
      {"attributes need a concept", "rule r { for v in video where v.valence == negative; }",
       {"E0302 " + At(1, 33) + " `v` has no field or attribute `valence`"}},
      {"enum compared with a string",
       "rule r { for v: affect in video where v.valence == \"negative\"; }",
       {"E0305 " + At(1, 49) + " cannot compare a `Valence` value with a `string`"}},
      {"int compared with an enum",
       "rule r { for v: affect in video where v.intensity == v.valence; }",
       {"E0305 " + At(1, 51) + " cannot compare an `int` with a `Valence` value"}},
      {"unknown enum value", "rule r { for v: affect in video where v.valence == negatve; }",
       {"E0204 " + At(1, 52) + " `negatve` is not a value of enum `Valence`"}},
      {"unknown name", "rule r { for v: affect in video where w.valence == negative; }",
       {"E0301 " + At(1, 39) + " unknown name `w`"}},
      {"condition not boolean", "rule r { for v: affect in video where v.intensity; }",
       {"E0306 " + At(1, 39) + " `where` must be a condition, but this is an `int`"}},
      {"overlaps without time", "rule r { for i: product in image, v: affect in video where overlaps(i, v); }",
       {"E0304 " + At(1, 60) +
        " `overlaps` needs time on both sides, but `i` is in `image` (box) and `v` is in `video` (time)"}},
      {"distance needs geo or box3d",
       "rule r { for c: road_user in camera, l: road_user in lidar where distance(c, l) < 2.0; }",
       {"E0304 " + At(1, 66) +
        " `distance` needs geo or box3d on both sides, but `c` is in `camera` (time, box) and `l` is in `lidar` (time, box3d)"}},
      {"unknown function", "rule r { for v: affect in video, a: affect in audio where overlap_s(v, a); }",
       {"E0307 " + At(1, 59) + " unknown function `overlap_s`"}},
      {"wrong number of arguments", "rule r { for v: affect in video, a: affect in audio where near(v, a); }",
       {"E0308 " + At(1, 59) + " `near` takes 3 arguments, but 2 were given"}},
      {"predicate over a field", "rule r { for v: affect in video, a: affect in audio where overlaps(v.start, a); }",
       {"E0308 " + At(1, 68) + " the arguments of `overlaps` are bindings, but this is a `duration`"}},
      {"has on a binding", "rule r { for v: affect in video where has(v); }",
       {"E0313 " + At(1, 43) + " `has` tests a field or attribute of a binding"}},
      {"unknown severity", "rule r severity fatal { for v: affect in video; }",
       {"E0311 " + At(1, 17) + " unknown severity `fatal`"}},
      {"list in a rule", "rule r { for v: affect in video where v.intensity in {[1]}; }",
       {"E0312 " + At(1, 55) + " a list is only allowed as a value in a test record"}},
      {"quantifier variable shadows a binding",
       "rule r { for v: affect in video require exists v: affect in audio; }",
       {"E0309 " + At(1, 48) + " `v` is already bound in this rule"}},
      {"arithmetic on a string", "rule r { for v: affect in video where v.label + 1 > 2; }",
       {"E0305 " + At(1, 47) + " `+` needs numbers or durations, but one side is a `string`"}},
      {"ordering concepts", "rule r { for v: affect in video, a: affect in audio where v.concept < a.concept; }",
       {"E0305 " + At(1, 69) + " `<` cannot order concept values"}},
      {"rule that can never fire",
       "rule r { for v: affect in video where v is hostile and v is calm; }",
       {"W0004 " + At(1, 6) +
        " rule `r` can never fire: no concept annotated in `video` is both `hostile` and `calm`"}},
  };
  for (const RuleCase& c : cases) {
    SUBCASE(c.name) { CHECK(Diagnose(Source(c.body)) == c.expected); }
  }
}

TEST_CASE("test block diagnostics") {
  const std::vector<RuleCase> cases = {
      {"unknown label", "test t { item i { video v1 \"agressive\" 0s..1s; } expect none; }",
       {"E0401 " + At(1, 28) + " \"agressive\" is not a label in modality `video`"}},
      {"unknown rule in expect", "test t { item i { video v1 \"calm\" 0s..1s; } expect tone(v1); }",
       {"E0402 " + At(1, 52) + " `tone` is not a rule or a built-in finding"}},
      {"unknown record in expect",
       "test t { item i { video v1 \"calm\" 0s..1s; } expect disjoint(v2); }",
       {"E0403 " + At(1, 61) + " test `t` has no record `v2`"}},
      {"duplicate record id",
       "test t { item i { video v1 \"calm\" 0s..1s; audio v1 \"angry\" 0s..1s; } expect none; }",
       {"E0404 " + At(1, 49) + " record id `v1` is used twice in test `t`"}},
      {"end before start", "test t { item i { video v1 \"calm\" 5s..1s; } expect none; }",
       {"E0406 " + At(1, 35) + " record `v1` ends at 1s, before it starts at 5s"}},
      {"unknown record field",
       "test t { item i { video v1 \"calm\" 0s..1s { anotator: \"a\" }; } expect none; }",
       {"E0405 " + At(1, 44) + " `anotator` is neither a record field nor an attribute of `calm`"}},
      {"box of the wrong shape",
       "test t { item i { camera c1 \"pedestrian\" 0s..0s { box: [1, 2, 3] }; } expect none; }",
       {"E0405 " + At(1, 56) + " `box` takes a list of 4 numbers"}},
      {"attribute out of range",
       "test t { item i { video v1 \"calm\" 0s..1s { intensity: 9 }; } expect none; }",
       {"E0214 " + At(1, 55) + " `intensity` is 9, outside the range 1..5 of `int[1..5]`"}},
      {"bad source", "test t { item i { video v1 \"calm\" 0s..1s { source: \"robot\" }; } expect none; }",
       {"E0405 " + At(1, 52) + " `source` is \"human\" or \"model\", not \"robot\""}},
  };
  for (const RuleCase& c : cases) {
    SUBCASE(c.name) { CHECK(Diagnose(Source(c.body)) == c.expected); }
  }
}

std::string RuleDump(const std::string& body) {
  std::string dump = Dump(Source(body));
  auto at = dump.find("rule ");
  return at == std::string::npos ? dump : dump.substr(at);
}

TEST_CASE("checked IR of each rule form") {
  SUBCASE("bindings, where, unless exists, report holes") {
    CHECK(RuleDump(R"(rule tone severity error guideline "G 4.2" escalate "leads" {
  for v: affect in video, a: affect in audio
  where overlaps(v, a) and v.valence != a.valence
  unless exists t: sarcasm in text where overlaps(t, v)
  report "video {v.label} ({v.valence}) vs {a.label}";
})") == "rule tone [error] guideline \"G 4.2\" escalate \"leads\"\n"
           "  for v: affect in video, a: affect in audio\n"
           "  where   (and (overlaps@time v a) (!= v.valence:Valence a.valence:Valence))\n"
           "  unless  (exists [t: sarcasm in text] (overlaps@time t v))\n"
           "  report \"video \"{v.label}\" (\"{v.valence:Valence}\") vs \"{a.label}\n");
  }
  SUBCASE("require exists with key and near") {
    CHECK(RuleDump(R"(rule p {
  for c: pedestrian in camera
  require exists l: pedestrian in lidar where l.track == c.track and near(l, c, 100ms)
  report "x";
})") == "rule p [error]\n  for c: pedestrian in camera\n"
           "  require (exists [l: pedestrian in lidar] (and (== l.track c.track) (near@time l c 0.1s)))\n"
           "  report \"x\"\n");
  }
  SUBCASE("count, concepts, enum values written bare and qualified, sets, arithmetic") {
    CHECK(RuleDump(R"(rule q severity warning {
  for c: road_user in camera, l: road_user in lidar
  where c.concept != l.concept and c.concept == pedestrian and l is vehicle
    and c.end - c.start >= 0.5 * 2s and c.label in {"a", "b"}
  require count(e: affect in video where e.valence == Valence.negative or e.valence in {neutral}) >= 1;
})") == "rule q [warning]\n  for c: road_user in camera, l: road_user in lidar\n"
           "  where   (and (and (and (and (!= c.concept l.concept) (== c.concept pedestrian)) "
           "(is l vehicle)) (>= (- c.end c.start):duration (* 0.5 2s):duration)) (in c.label \"a\" \"b\"))\n"
           "  require (>= (count [e: affect in video] (or (== e.valence:Valence Valence.negative) "
           "(in e.valence:Valence Valence.neutral))) 1)\n"
           "  report \"rule `q` fired\"\n");
  }
  SUBCASE("iou and distance pick their geometry") {
    CHECK(RuleDump(R"(rule g {
  for a: road_user in camera, b: road_user in camera, f: fix in gps, h: fix in gps, v: affect in video, w: affect in audio
  where iou(a, b) > 0.5 and distance(f, h) < 10.0 and iou(v, w) > 0.2 and has(a.moving) and before(v, w, 5s);
})") == "rule g [error]\n"
           "  for a: road_user in camera, b: road_user in camera, f: fix in gps, h: fix in gps, "
           "v: affect in video, w: affect in audio\n"
           "  where   (and (and (and (and (> (iou@box a b) 0.5) (< (distance@geo f h) 10)) "
           "(> (iou@time v w) 0.2)) (has a.moving:bool)) (before@time v w 5s))\n"
           "  report \"rule `g` fired\"\n");
  }
}

}  // namespace
}  // namespace accord::testing
