// Semantic passes over the ontology: declarations, hierarchy, labels,
// attributes, disjoint sets, imports and lints. Each case lists the exact
// diagnostics (code, line:column, headline) checking main.accord yields.

#include <doctest/doctest.h>

#include "sema_support.h"

namespace accord::testing {
namespace {

struct Case {
  const char* name;
  Files files;
  std::vector<std::string> expected;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SUBCASE(c.name) { CHECK(Diagnose(c.files) == c.expected); }
  }
}

TEST_CASE("declarations and modalities") {
  RunCases({
      {"duplicate declaration",
       {{"main.accord", "ontology m;\nenum A { x }\nconcept A;\n"}},
       {"E0105 3:9 `A` is declared twice in module `m`"}},
      {"unknown extent kind with suggestion",
       {{"main.accord", "ontology m;\nmodality v { extent: tme; }\n"}},
       {"E0205 2:22 unknown extent kind `tme`"}},
      {"unknown modality property",
       {{"main.accord", "ontology m;\nmodality v { extant: time; }\n"}},
       {"E0205 2:14 unknown modality property `extant`"}},
      {"repeated extent",
       {{"main.accord", "ontology m;\nmodality v { extent: time, time; }\n"}},
       {"E0211 2:28 extent `time` listed twice"}},
      {"repeated enum value",
       {{"main.accord", "ontology m;\nenum E { a, b, a }\nconcept c in v { e: E; }\nmodality v { extent: time; }\n"}},
       {"E0211 2:16 enum `E` lists `a` twice"}},
  });
}

TEST_CASE("hierarchy") {
  RunCases({
      {"unknown parent with suggestion",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept animal in v;\nconcept dog : animl;\n"}},
       {"E0201 4:15 unknown concept `animl`"}},
      {"cycle of three",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a : c in v;\nconcept b : a;\nconcept c : b;\n"}},
       {"E0206 4:13 the concept hierarchy has a cycle: a -> c -> b -> a"}},
      {"self parent",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a : a in v;\n"}},
       {"E0206 3:13 the concept hierarchy has a cycle: a -> a"}},
      {"repeated parent",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v;\nconcept b : a, a;\n"}},
       {"E0211 4:16 `a` is listed twice as a parent of `b`"}},
      {"label collision in one modality",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v as \"x\";\nconcept b in v as \"x\";\n"}},
       {"E0207 4:19 label \"x\" in modality `v` is used by both `a` and `b`"}},
      {"inherited label collides with explicit label",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v;\nconcept b : a;\nconcept c in v as \"b\";\n"}},
       {"E0207 5:19 label \"b\" in modality `v` is used by both `b` and `c`"}},
      {"unknown modality in concept",
       {{"main.accord", "ontology m;\nmodality video { extent: time; }\nconcept a in vidoe;\n"}},
       {"E0202 3:14 unknown modality `vidoe`"}},
      {"modality listed twice",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v, v as \"b\";\n"}},
       {"E0211 3:17 modality `v` is listed twice for concept `a`"}},
  });
}

TEST_CASE("disjoint sets") {
  RunCases({
      {"concept below two disjoint members",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v;\nconcept b in v;\n"
         "concept c : a, b;\ndisjoint a, b;\n"}},
       {"E0208 5:9 `c` is below both `a` and `b`, which are declared disjoint"}},
      {"member listed twice",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v;\ndisjoint a, a;\n"}},
       {"E0209 4:13 `a` is listed twice in this disjoint set"}},
      {"member below another",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v;\nconcept b : a;\ndisjoint a, b;\n"}},
       {"E0209 5:13 `a` and `b` cannot be disjoint: `b` is below `a`"}},
  });
}

TEST_CASE("attributes, defaults and fixed values") {
  RunCases({
      {"unknown type with suggestion",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: integer; }\n"}},
       {"E0203 3:21 unknown type `integer`"}},
      {"default of the wrong type",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int = \"high\"; }\n"}},
       {"E0213 3:27 the default of `n` must be an `int`, found a string"}},
      {"default out of range",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int[1..5] = 7; }\n"}},
       {"E0214 3:33 the default of `n` is 7, outside the range 1..5 of `int[1..5]`"}},
      {"empty range",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int[5..1]; }\n"}},
       {"E0215 3:24 empty range: the lower bound 5 is above the upper bound 1"}},
      {"fractional int bound",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int[0..1.5]; }\n"}},
       {"E0215 3:24 the bounds of an `int` range must be integers"}},
      {"range on a string",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: string[0..1]; }\n"}},
       {"E0215 3:27 a range applies only to `int` and `float`, not `string`"}},
      {"unknown enum value as default",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nenum E { low, high }\nconcept a in v { e: E = hgh; }\n"}},
       {"E0204 4:25 `hgh` is not a value of enum `E`"}},
      {"redeclared inherited attribute",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int; }\nconcept b : a { n: int; }\n"}},
       {"E0210 4:17 `b` redeclares attribute `n` inherited from `a`"}},
      {"two parents with different attribute types",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int; }\nconcept b in v { n: string; }\n"
         "concept c : a, b;\n"}},
       {"E0210 5:9 `c` inherits two different attributes `n`: `int` from `a` and `string` from `b`"}},
      {"attribute named like a field",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { label: string; }\n"}},
       {"E0217 3:18 attribute `label` would hide the record field `label`"}},
      {"fixing an unknown attribute",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nconcept a in v { size: int; }\nconcept b : a { sise = 3; }\n"}},
       {"E0212 4:17 `b` has no attribute `sise` to fix"}},
      {"fixed value of the wrong type",
       {{"main.accord",
         "ontology m;\nmodality v { extent: time; }\nenum E { x, y }\nconcept a in v { e: E; }\nconcept b : a { e = 3; }\n"}},
       {"E0213 5:21 the value of `e` must be an `E`, found an int"}},
      {"attribute declared twice",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nconcept a in v { n: int; n: int; }\n"}},
       {"E0211 3:26 attribute `n` is declared twice in `a`"}},
  });
}

TEST_CASE("imports") {
  RunCases({
      {"import not found",
       {{"main.accord", "ontology m;\nimport missing;\n"}},
       {"E0102 2:8 cannot find module `missing`"}},
      {"import cycle",
       {{"main.accord", "ontology m;\nimport a;\n"},
        {"a.accord", "ontology a;\nimport b;\n"},
        {"b.accord", "ontology b;\nimport a;\n"}},
       {"E0103 2:8 import cycle: a -> b -> a"}},
      {"ambiguous name from two imports",
       {{"main.accord", "ontology m;\nimport a;\nimport b;\nconcept c : x;\n"},
        {"a.accord", "ontology a;\nmodality v { extent: time; }\nconcept x in v;\n"},
        {"b.accord", "ontology b;\nmodality w { extent: time; }\nconcept x in w;\n"}},
       {"E0104 4:13 `x` is ambiguous: it is declared by 2 imports"}},
      {"qualified name resolves the ambiguity",
       {{"main.accord", "ontology m;\nimport a;\nimport b;\nconcept c : a.x;\n"},
        {"a.accord", "ontology a;\nmodality v { extent: time; }\nconcept x in v;\n"},
        {"b.accord", "ontology b;\nmodality w { extent: time; }\nconcept x in w;\n"}},
       {}},
      {"imports are not transitive",
       {{"main.accord", "ontology m;\nimport a;\nconcept c : x;\n"},
        {"a.accord", "ontology a;\nimport b;\n"},
        {"b.accord", "ontology b;\nmodality w { extent: time; }\nconcept x in w;\n"}},
       {"E0201 3:13 concept `x` is declared in module `b`, which `m` does not import"}},
  });
}

TEST_CASE("lints") {
  RunCases({
      {"unused enum and unused concept",
       {{"main.accord", "ontology m;\nenum E { a }\nconcept lonely;\n"}},
       {"W0001 2:6 enum `E` is never used", "W0002 3:9 concept `lonely` is never used"}},
      {"concept annotatable nowhere",
       {{"main.accord", "ontology m;\nconcept root;\nconcept leaf : root;\n"}},
       {"W0003 2:9 concept `root` is annotatable in no modality",
        "W0002 3:9 concept `leaf` is never used"}},
      {"a used enum and a labelled concept are fine",
       {{"main.accord", "ontology m;\nmodality v { extent: time; }\nenum E { a }\nconcept c in v { e: E; }\n"}},
       {}},
  });
}

TEST_CASE("the hierarchy closure, inherited labels, attributes and fixed values") {
  std::string dump = Dump(
      "ontology m;\n"
      "modality v { extent: time; }\nmodality w { extent: time, box; }\n"
      "enum E { lo, hi }\n"
      "concept a in v, w as \"A\" { e: E = lo; n: int[0..9] = 1; }\n"
      "concept b : a { e = hi; }\n"
      "concept c in v { s: string; }\n"
      "concept d : b, c { n = 4; }\n");
  CHECK(dump ==
        "modality v extent time\n"
        "modality w extent time, box\n"
        "enum E {lo, hi}\n"
        "concept a\n  ancestors a\n  labels v \"a\", w \"A\"\n"
        "  attributes e: E = E.lo; n: int[0..9] = 1\n"
        "concept b : a\n  ancestors a, b\n  labels v \"b\", w \"b\"\n"
        "  attributes e: E = E.lo; n: int[0..9] = 1\n  fixed e = E.hi\n"
        "concept c\n  ancestors c\n  labels v \"c\"\n  attributes s: string\n"
        "concept d : b, c\n  ancestors a, b, c, d\n  labels v \"d\", w \"d\"\n"
        "  attributes e: E = E.lo; n: int[0..9] = 1; s: string\n  fixed e = E.hi; n = 4\n");
}

}  // namespace
}  // namespace accord::testing
