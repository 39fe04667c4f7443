// RecordParser: every input error with its exact reason, every record issue
// with its exact detail, attribute typing, nulls, ids, and the item key fast
// path. The messages are what users read (and golden tests compare).

#include "accord/runtime/ingest.h"

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "ingest_support.h"

namespace accord::testing {
namespace {

using runtime::Item;
using runtime::Record;
using runtime::RecordParser;
using runtime::RecordProblem;
using runtime::ValueKind;

/// A record line for item "clip" with the given modality and label, and the
/// rest of the object's members (`extra`, starting with a comma).
std::string Rec(const std::string& modality, const std::string& label, const std::string& extra) {
  return R"({"item":"clip","id":"r1","modality":")" + modality + R"(","label":")" + label + "\"" +
         extra + "}";
}
/// A valid video record plus `extra`.
std::string Video(const std::string& extra) {
  return Rec("video", "calm", R"(,"start":1,"end":2)" + extra);
}

std::string Parse(RecordParser& parser, const std::string& line, Item& item) {
  PaddedLine padded(line);
  return parser.Parse(padded.View(), 3, 7, item);
}

std::string ProblemName(RecordProblem p) {
  switch (p) {
    case RecordProblem::UNKNOWN_MODALITY:
      return "UNKNOWN_MODALITY";
    case RecordProblem::UNKNOWN_LABEL:
      return "UNKNOWN_LABEL";
    case RecordProblem::BAD_ATTRIBUTE:
      return "BAD_ATTRIBUTE";
    case RecordProblem::MISSING_EXTENT:
      return "MISSING_EXTENT";
  }
  return "?";
}

/// A record's extents as stored (empty when its flag is not set).
std::vector<double> Span(const Record& r) {
  return r.Has(runtime::HAS_SPAN) ? std::vector<double>(r.Span(), r.Span() + 2)
                                  : std::vector<double>{};
}
std::vector<double> Box(const Record& r) {
  return r.Has(runtime::HAS_BOX) ? std::vector<double>(r.Box(), r.Box() + 4) : std::vector<double>{};
}
std::vector<double> Box3d(const Record& r) {
  return r.Has(runtime::HAS_BOX3D) ? std::vector<double>(r.Box3d(), r.Box3d() + 7)
                                   : std::vector<double>{};
}
std::vector<double> Geo(const Record& r) {
  return r.Has(runtime::HAS_GEO) ? std::vector<double>(r.Geo(), r.Geo() + 2) : std::vector<double>{};
}

/// "PROBLEM detail" for each issue of `item`.
std::vector<std::string> Issues(const Item& item) {
  std::vector<std::string> out;
  for (const auto& issue : item.issues)
    out.push_back(ProblemName(issue.problem) + " " + issue.detail);
  return out;
}

constexpr const char* kImproper =
    "invalid JSON: improper structure (missing or superfluous commas, colons, braces or brackets)";

struct ErrorCase {
  const char* name;
  std::string line;
  std::string reason;
};

TEST_CASE("input errors: exact reasons, item unchanged") {
  const std::vector<ErrorCase> cases = {
      // Not JSON.
      {"empty line", "", "invalid JSON: the line is empty"},
      {"blank line", "   ", "invalid JSON: the line is empty"},
      {"truncated object", R"({"item":"clip","id":"r1")",
       "invalid JSON: the line ends inside an object or array"},
      {"unclosed string", R"({"item":"clip)", "invalid JSON: unclosed string"},
      {"superfluous comma", Video(","), kImproper},
      {"missing colon", R"({"item" "clip"})", kImproper},
      {"bad escape", R"({"item":"cl\xip"})", "invalid JSON: bad escape sequence in a string"},
      {"control character in a string", "{\"item\":\"cl\tip\"}",
       "invalid JSON: unescaped control character in a string"},
      {"invalid UTF-8", "{\"item\":\"cl\xffip\"}", "invalid JSON: not valid UTF-8"},
      {"malformed number", Video(R"(,"confidence":-)"), "invalid JSON: malformed number `-`"},
      {"leading zero", Video(R"(,"confidence":01)"), "invalid JSON: malformed number `01`"},
      {"number out of range", Video(R"(,"confidence":1e999)"), "number `1e999` is out of range"},
      {"malformed literal", Video(R"(,"annotator":nul)"), "invalid JSON: malformed literal `nul`"},
      {"malformed literal in an unknown field", Video(R"(,"future":tru)"),
       "invalid JSON: malformed literal `tru`"},
      {"malformed array in an unknown field", Video(R"(,"future":[1,,2])"), kImproper},
      {"bad escape in an unknown nested key", Video(R"(,"future":{"a\q":1})"),
       "invalid JSON: bad escape sequence in a string"},
      {"malformed attribute value", Video(R"(,"attrs":{"intensity":4x})"),
       "invalid JSON: malformed number `4x`"},
      {"unknown field nested too deeply",
       Video(R"(,"future":)" + std::string(300, '[') + std::string(300, ']')),
       "invalid JSON: too many nested objects and arrays"},
      // Not an object.
      {"array", "[1,2]", "a record must be a JSON object, found an array"},
      {"number", "42", "a record must be a JSON object, found a number"},
      {"string", R"("clip")", "a record must be a JSON object, found a string"},
      {"null", "null", "a record must be a JSON object, found null"},
      {"boolean", "true", "a record must be a JSON object, found a boolean"},
      // Trailing content.
      {"trailing word", Video("") + " x", "trailing content after the object"},
      {"trailing brace", Video("") + "}", "trailing content after the object"},
      {"second object", Video("") + "{}", "trailing content after the object"},
      // Required fields, in the order item, id, modality, label.
      {"missing item", R"({"id":"r1","modality":"video","label":"calm"})",
       "missing required field `item`"},
      {"missing id", R"({"item":"clip","modality":"video","label":"calm"})",
       "missing required field `id`"},
      {"missing modality", R"({"item":"clip","id":"r1","label":"calm"})",
       "missing required field `modality`"},
      {"missing label", R"({"item":"clip","id":"r1","modality":"video"})",
       "missing required field `label`"},
      {"missing several: the first", R"({"label":"calm"})", "missing required field `item`"},
      {"empty object", "{}", "missing required field `item`"},
      // Types.
      {"item a number", R"({"item":5,"id":"r1","modality":"video","label":"calm"})",
       "field `item` must be a string, found a number"},
      {"item null", R"({"item":null,"id":"r1","modality":"video","label":"calm"})",
       "field `item` must be a string, found null"},
      {"id a float", R"({"item":"clip","id":1.5,"modality":"video","label":"calm"})",
       "field `id` must be a string or an integer, found a non-integer number"},
      {"id with an exponent", R"({"item":"clip","id":1e3,"modality":"video","label":"calm"})",
       "field `id` must be a string or an integer, found a non-integer number"},
      {"id a boolean", R"({"item":"clip","id":true,"modality":"video","label":"calm"})",
       "field `id` must be a string or an integer, found a boolean"},
      {"id null", R"({"item":"clip","id":null,"modality":"video","label":"calm"})",
       "field `id` must be a string or an integer, found null"},
      {"modality an array", R"({"item":"clip","id":"r1","modality":["video"],"label":"calm"})",
       "field `modality` must be a string, found an array"},
      {"label an object", R"({"item":"clip","id":"r1","modality":"video","label":{}})",
       "field `label` must be a string, found an object"},
      {"start a string", Rec("video", "calm", R"(,"start":"1","end":2)"),
       "field `start` must be a number, found a string"},
      {"end a boolean", Rec("video", "calm", R"(,"start":1,"end":false)"),
       "field `end` must be a number, found a boolean"},
      {"confidence a string", Video(R"(,"confidence":"high")"),
       "field `confidence` must be a number, found a string"},
      {"annotator a number", Video(R"(,"annotator":7)"),
       "field `annotator` must be a string, found a number"},
      {"track an array", Video(R"(,"track":[1])"),
       "field `track` must be a string or an integer, found an array"},
      {"track a float", Video(R"(,"track":1.5)"),
       "field `track` must be a string or an integer, found a non-integer number"},
      {"attrs an array", Video(R"(,"attrs":[])"),
       "field `attrs` must be an object, found an array"},
      {"attrs a string", Video(R"(,"attrs":"x")"),
       "field `attrs` must be an object, found a string"},
      // Arrays.
      {"box of 3", Rec("image", "product", R"(,"box":[1,2,3])"),
       "field `box` must be an array of 4 numbers, found 3 elements"},
      {"box of 5", Rec("image", "product", R"(,"box":[1,2,3,4,5])"),
       "field `box` must be an array of 4 numbers, found 5 elements"},
      {"geo of 1", Rec("gps", "fix", R"(,"start":1,"end":2,"geo":[48.1])"),
       "field `geo` must be an array of 2 numbers, found 1 element"},
      {"box3d empty", Rec("lidar", "pedestrian", R"(,"start":1,"end":2,"box3d":[])"),
       "field `box3d` must be an array of 7 numbers, found 0 elements"},
      {"box with a string", Rec("image", "product", R"(,"box":[1,2,"3",4])"),
       "field `box` must be an array of 4 numbers, found a string at index 2"},
      {"box with null", Rec("image", "product", R"(,"box":[null,2,3,4])"),
       "field `box` must be an array of 4 numbers, found null at index 0"},
      {"box an object", Rec("image", "product", R"(,"box":{"x":1})"),
       "field `box` must be an array of 4 numbers, found an object"},
      {"span of fractions", Rec("description", "product", R"(,"span":[0,2.5])"),
       "field `span` must be an array of 2 integers, found a non-integer number at index 1"},
      {"span a string", Rec("description", "product", R"(,"span":"0-3")"),
       "field `span` must be an array of 2 integers, found a string"},
      // Values.
      {"source unknown", Video(R"(,"source":"robot")"),
       R"(field `source` must be "human" or "model", found "robot")"},
      {"source a number", Video(R"(,"source":1)"),
       R"(field `source` must be "human" or "model", found a number)"},
      {"confidence above 1", Video(R"(,"confidence":1.5)"),
       "field `confidence` is 1.5, outside 0..1"},
      {"confidence below 0", Video(R"(,"confidence":-0.25)"),
       "field `confidence` is -0.25, outside 0..1"},
      {"end before start", Rec("video", "calm", R"(,"start":12,"end":3.5)"),
       "field `end` (3.5) is before `start` (12)"},
      {"end before start, end first", Rec("video", "calm", R"(,"end":3.5,"start":12)"),
       "field `end` (3.5) is before `start` (12)"},
      {"span reversed", Rec("description", "product", R"(,"span":[9,4])"),
       "field `span` ends (4) before it begins (9)"},
      {"field twice", Video(R"(,"start":3)"), "field `start` appears twice"},
      {"escaped key twice", Video(R"(,"\u0065nd":3)"), "field `end` appears twice"},
  };
  RecordParser parser(IngestBundle());
  for (const ErrorCase& c : cases) {
    SUBCASE(c.name) {
      Item item;
      CHECK(Parse(parser, c.line, item) == c.reason);
      CHECK(item.records.empty());
      CHECK(item.issues.empty());
      CHECK(item.attrs.empty());
    }
  }
}

struct IssueCase {
  const char* name;
  std::string line;
  std::vector<std::string> issues;
};

/// A camera record with a full extent plus `extra`.
std::string Camera(const std::string& extra) {
  return Rec("camera", "pedestrian", R"(,"start":1,"end":1,"box":[1,2,3,4])" + extra);
}

TEST_CASE("record issues: exact details") {
  const std::vector<IssueCase> cases = {
      {"unknown modality",
       Rec("vidio", "calm", R"(,"start":1,"end":2,"attrs":{"x":1})"),
       {"UNKNOWN_MODALITY modality `vidio` is not declared"}},
      {"unknown label",
       Rec("video", "agressive", R"(,"start":1,"end":2,"attrs":{"x":1})"),
       {R"(UNKNOWN_LABEL "agressive" is not a label in `video`)"}},
      {"label of another modality",
       Rec("audio", "aggressive", R"(,"start":1,"end":2)"),
       {R"(UNKNOWN_LABEL "aggressive" is not a label in `audio`)"}},
      {"label with a quote",
       Rec("video", R"(a\"b)", R"(,"start":1,"end":2)"),
       {R"(UNKNOWN_LABEL "a\"b" is not a label in `video`)"}},
      {"camera without box",
       Rec("camera", "pedestrian", R"(,"start":1,"end":1)"),
       {"MISSING_EXTENT `camera` records need `box`"}},
      {"camera with nothing",
       Rec("camera", "pedestrian", ""),
       {"MISSING_EXTENT `camera` records need `start`, `end` and `box`"}},
      {"video without end",
       Rec("video", "calm", R"(,"start":1)"),
       {"MISSING_EXTENT `video` records need `end`"}},
      {"video with null times",
       Rec("video", "calm", R"(,"start":null,"end":null)"),
       {"MISSING_EXTENT `video` records need `start` and `end`"}},
      {"description without span",
       Rec("description", "product", ""),
       {"MISSING_EXTENT `description` records need `span`"}},
      {"lidar without box3d",
       Rec("lidar", "pedestrian", R"(,"start":1,"end":1)"),
       {"MISSING_EXTENT `lidar` records need `box3d`"}},
      {"gps without geo",
       Rec("gps", "fix", R"(,"start":1,"end":1)"),
       {"MISSING_EXTENT `gps` records need `geo`"}},
      {"image without box",
       Rec("image", "product", ""),
       {"MISSING_EXTENT `image` records need `box`"}},
      {"unknown label and missing extent",
       Rec("video", "angry", ""),
       {R"(UNKNOWN_LABEL "angry" is not a label in `video`)",
        "MISSING_EXTENT `video` records need `start` and `end`"}},
      {"attribute of another concept",
       Camera(R"(,"attrs":{"colour":"red"})"),
       {"BAD_ATTRIBUTE `colour` is not an attribute of `pedestrian`"}},
      {"int out of range",
       Video(R"(,"attrs":{"intensity":7})"),
       {"BAD_ATTRIBUTE `intensity` is 7, outside 1..5"}},
      {"int below range",
       Video(R"(,"attrs":{"intensity":0})"),
       {"BAD_ATTRIBUTE `intensity` is 0, outside 1..5"}},
      {"int not integral",
       Video(R"(,"attrs":{"intensity":4.5})"),
       {"BAD_ATTRIBUTE `intensity` must be an integer, found 4.5"}},
      {"int given as a string",
       Video(R"(,"attrs":{"intensity":"4"})"),
       {R"(BAD_ATTRIBUTE `intensity` must be an integer, found "4")"}},
      {"enum unknown value",
       Video(R"(,"attrs":{"valence":"angry"})"),
       {R"(BAD_ATTRIBUTE `valence` must be a `Valence` value (negative, neutral, positive), found "angry")"}},
      {"enum given as a number",
       Video(R"(,"attrs":{"valence":1})"),
       {"BAD_ATTRIBUTE `valence` must be a `Valence` value (negative, neutral, positive), found "
        "1"}},
      {"bool given as a string",
       Camera(R"(,"attrs":{"moving":"yes"})"),
       {R"(BAD_ATTRIBUTE `moving` must be true or false, found "yes")"}},
      {"float out of range",
       Camera(R"(,"attrs":{"speed":90})"),
       {"BAD_ATTRIBUTE `speed` is 90, outside 0.5..80.5"}},
      {"duration given as text",
       Camera(R"(,"attrs":{"seen":"1s"})"),
       {R"(BAD_ATTRIBUTE `seen` must be a number of seconds, found "1s")"}},
      {"string given as a number",
       Camera(R"(,"attrs":{"note":5})"),
       {"BAD_ATTRIBUTE `note` must be a string, found 5"}},
      {"object value",
       Video(R"(,"attrs":{"intensity":{"v":4}})"),
       {"BAD_ATTRIBUTE `intensity` must be an integer, found an object"}},
      {"array value",
       Video(R"(,"attrs":{"intensity":[4]})"),
       {"BAD_ATTRIBUTE `intensity` must be an integer, found an array"}},
      {"attribute twice",
       Video(R"(,"attrs":{"intensity":4,"intensity":5})"),
       {"BAD_ATTRIBUTE `intensity` is given twice in `attrs`"}},
      {"several, in order",
       Rec("video", "aggressive", R"(,"start":1,"attrs":{"colour":1,"intensity":9})"),
       {"MISSING_EXTENT `video` records need `end`",
        "BAD_ATTRIBUTE `colour` is not an attribute of `hostile`",
        "BAD_ATTRIBUTE `intensity` is 9, outside 1..5"}},
      {"attrs of an unknown label are not checked",
       Rec("video", "x", R"(,"start":1,"end":2,"attrs":{"colour":1})"),
       {R"(UNKNOWN_LABEL "x" is not a label in `video`)"}},
      {"null attribute is absent", Video(R"(,"attrs":{"colour":null,"intensity":null})"), {}},
  };
  RecordParser parser(IngestBundle());
  for (const IssueCase& c : cases) {
    SUBCASE(c.name) {
      Item item;
      REQUIRE(Parse(parser, c.line, item) == "");
      REQUIRE(item.records.size() == 1);
      CHECK(Issues(item) == c.issues);
      for (const auto& issue : item.issues) CHECK(issue.record == 0);
      CHECK(item.attrs.size() == item.records[0].attr_count);
    }
  }
}

const runtime::Bundle& B() { return IngestBundle(); }

runtime::ConceptId ConceptNamed(const std::string& name) {
  for (runtime::ConceptId c = 0; c < B().concepts.size(); ++c) {
    if (B().concepts[c].name == name) return c;
  }
  return runtime::kNone;
}

runtime::AttributeId AttrNamed(const std::string& concept_name, const std::string& attr) {
  return B().AttributeFor(ConceptNamed(concept_name), attr);
}

TEST_CASE("LANGUAGE.md example records") {
  const std::vector<std::string> lines = {
      R"({"item":"clip-0042","id":"v1","modality":"video","label":"aggressive","start":12.0,"end":15.5,"annotator":"ann-07","attrs":{"intensity":4}})",
      R"({"item":"clip-0042","id":"a1","modality":"audio","label":"neutral","start":13.0,"end":14.0,"annotator":"ann-02"})",
      R"({"item":"scene-7","id":"c9","modality":"camera","label":"pedestrian","start":3.2,"end":3.2,"track":"p14","box":[410,220,38,96]})",
      R"({"item":"scene-7","id":"l4","modality":"lidar","label":"pedestrian","start":3.25,"end":3.25,"track":"p14","box3d":[12.1,-3.4,0.9,0.8,0.7,1.8,1.57]})",
  };
  RecordParser parser(B());
  Item clip;
  Item scene;
  CHECK(Parse(parser, lines[0], clip) == "");
  CHECK(Parse(parser, lines[1], clip) == "");
  CHECK(Parse(parser, lines[2], scene) == "");
  CHECK(Parse(parser, lines[3], scene) == "");
  CHECK(clip.issues.empty());
  CHECK(scene.issues.empty());
  REQUIRE(clip.records.size() == 2);
  REQUIRE(scene.records.size() == 2);

  const Record& v1 = clip.records[0];
  CHECK(v1.id == "v1");
  CHECK(v1.modality_name == "video");
  CHECK(v1.modality == B().ModalityFor("video"));
  CHECK(v1.label == "aggressive");
  CHECK(v1.concept_id == ConceptNamed("hostile"));
  CHECK(v1.flags == (runtime::HAS_START | runtime::HAS_END | runtime::HAS_ANNOTATOR));
  CHECK(v1.start == 12.0);
  CHECK(v1.end == 15.5);
  CHECK(v1.annotator == "ann-07");
  CHECK(v1.file == 3);
  CHECK(v1.line == 7);
  REQUIRE(v1.attr_count == 1);
  CHECK(v1.attr_begin == 0);
  CHECK(clip.attrs[0].attr == AttrNamed("hostile", "intensity"));
  CHECK(clip.attrs[0].value.kind == ValueKind::NUMBER);
  CHECK(clip.attrs[0].value.number == 4);

  const Record& a1 = clip.records[1];
  CHECK(a1.id == "a1");
  CHECK(a1.concept_id == ConceptNamed("calm"));
  CHECK(a1.attr_count == 0);
  CHECK(a1.attr_begin == 1);

  const Record& c9 = scene.records[0];
  CHECK(c9.concept_id == ConceptNamed("pedestrian"));
  CHECK(c9.track == "p14");
  CHECK(c9.flags ==
        (runtime::HAS_START | runtime::HAS_END | runtime::HAS_TRACK | runtime::HAS_BOX));
  CHECK(Box(c9) == std::vector<double>{410, 220, 38, 96});

  const Record& l4 = scene.records[1];
  CHECK(l4.modality == B().ModalityFor("lidar"));
  CHECK(l4.flags ==
        (runtime::HAS_START | runtime::HAS_END | runtime::HAS_TRACK | runtime::HAS_BOX3D));
  CHECK(Box3d(l4) == std::vector<double>{12.1, -3.4, 0.9, 0.8, 0.7, 1.8, 1.57});
}

TEST_CASE("fields: optional parts, nulls, integer ids, unknown keys") {
  RecordParser parser(B());
  SUBCASE("every optional field") {
    Item item;
    REQUIRE(
        Parse(parser,
              R"({"item":"clip","id":"t1","modality":"text","label":"sarcastic","start":0,"end":5,)"
              R"("span":[3,9],"box":[1,2,3,4],"box3d":[1,2,3,4,5,6,7],"geo":[48.85,2.35],)"
              R"("track":"p1","annotator":"ann","source":"model","confidence":0.75,"attrs":{}})",
              item) == "");
    REQUIRE(item.records.size() == 1);
    const Record& r = item.records[0];
    CHECK(r.flags == (runtime::HAS_START | runtime::HAS_END | runtime::HAS_SPAN | runtime::HAS_BOX |
                      runtime::HAS_BOX3D | runtime::HAS_GEO | runtime::HAS_TRACK |
                      runtime::HAS_ANNOTATOR | runtime::HAS_CONFIDENCE | runtime::FROM_MODEL));
    CHECK(Span(r) == std::vector<double>{3, 9});
    CHECK(Box(r) == std::vector<double>{1, 2, 3, 4});
    CHECK(Box3d(r) == std::vector<double>{1, 2, 3, 4, 5, 6, 7});
    CHECK(Geo(r) == std::vector<double>{48.85, 2.35});
    CHECK(r.confidence == 0.75);
    CHECK(r.concept_id == ConceptNamed("sarcasm"));
    CHECK(item.issues.empty());
  }
  SUBCASE("null optional fields are absent") {
    Item item;
    REQUIRE(
        Parse(parser,
              Rec("video", "calm",
                  R"(,"start":1,"end":2,"span":null,"box":null,"box3d":null,"geo":null,)"
                  R"("track":null,"annotator":null,"source":null,"confidence":null,"attrs":null)"),
              item) == "");
    const Record& r = item.records.at(0);
    CHECK(r.flags == (runtime::HAS_START | runtime::HAS_END));
    CHECK(r.track.empty());
    CHECK(r.annotator.empty());
    CHECK(item.issues.empty());
  }
  SUBCASE("source human is the default") {
    Item item;
    REQUIRE(Parse(parser, Video(R"(,"source":"human")"), item) == "");
    CHECK_FALSE(item.records.at(0).Has(runtime::FROM_MODEL));
  }
  SUBCASE("integer ids and tracks keep their decimal text") {
    Item item;
    REQUIRE(
        Parse(
            parser,
            R"({"item":"clip","id":42,"modality":"video","label":"calm","start":1,"end":2,"track":-7})",
            item) == "");
    REQUIRE(
        Parse(
            parser,
            R"({"item":"clip","id":123456789012345678901234567890,"modality":"video","label":"calm","start":1,"end":2,"track":0})",
            item) == "");
    CHECK(item.records.at(0).id == "42");
    CHECK(item.records.at(0).track == "-7");
    CHECK(item.records.at(1).id == "123456789012345678901234567890");
    CHECK(item.records.at(1).track == "0");
  }
  SUBCASE("unknown top-level keys are ignored") {
    Item item;
    REQUIRE(Parse(parser, Video(R"(,"future":{"nested":[1,{"a":null}],"x":"y"},"another":true)"),
                  item) == "");
    CHECK(item.records.size() == 1);
    CHECK(item.issues.empty());
  }
  SUBCASE("escapes are unescaped, keys too") {
    Item item;
    REQUIRE(
        Parse(
            parser,
            R"({"\u0069tem":"clip","id":"a\"b\\c\u00e9","modality":"vid\u0065o","label":"calm","start":1,"end":2,"annotator":"\ud83d\ude00"})",
            item) == "");
    const Record& r = item.records.at(0);
    CHECK(r.id == "a\"b\\c\xc3\xa9");
    CHECK(r.modality == B().ModalityFor("video"));
    CHECK(r.annotator == "\xf0\x9f\x98\x80");
  }
  SUBCASE("keys that extend known keys are unknown") {
    Item item;
    REQUIRE(Parse(parser, Video(R"(,"items":1,"labels":"x","start_s":"y","ids":[],"box3":{})"),
                  item) == "");
    CHECK(item.records.at(0).flags == (runtime::HAS_START | runtime::HAS_END));
  }
  SUBCASE("keys in any order, shapes mixed on one parser") {
    const std::vector<std::string> lines = {
        R"({"label":"calm","end":2,"modality":"video","start":1,"id":"a","item":"clip"})",
        Camera(R"(,"track":7)"),
        R"({"id":"b","item":"clip","start":1,"end":2,"label":"calm","modality":"video"})",
        Rec("gps", "fix", R"(,"geo":[1,2],"start":1,"end":2)"),
        R"({"end":2,"start":1,"label":"calm","modality":"video","id":"c","item":"clip"})",
    };
    Item item;
    for (const std::string& line : lines) REQUIRE(Parse(parser, line, item) == "");
    REQUIRE(item.records.size() == 5);
    CHECK(item.issues.empty());
    CHECK(item.records[0].id == "a");
    CHECK(item.records[1].track == "7");
    CHECK(Geo(item.records[3]) == std::vector<double>{1, 2});
    CHECK(item.records[4].id == "c");
    CHECK(item.records[4].start == 1);
    CHECK(item.records[4].end == 2);
  }
  SUBCASE("keys at the very end of the line") {
    Item item;
    REQUIRE(Parse(parser,
                  R"({"id":"r","modality":"video","label":"calm","start":1,"end":2,"item":"c"})",
                  item) == "");
    CHECK(Parse(parser, R"({"id":"r","modality":"video","label":"calm","start":1,"end":2,"item":)",
                item) == "invalid JSON: the line ends inside an object or array");
  }
  SUBCASE("whitespace and CR around the object") {
    Item item;
    REQUIRE(Parse(parser, " \t" + Video("") + " \r", item) == "");
    CHECK(item.records.size() == 1);
  }
  SUBCASE("equal start and end; zero-width span") {
    Item item;
    REQUIRE(Parse(parser, Rec("description", "product", R"(,"span":[4,4])"), item) == "");
    REQUIRE(Parse(parser, Rec("video", "calm", R"(,"start":2,"end":2)"), item) == "");
    CHECK(item.issues.empty());
  }
  SUBCASE("strings outlive the parser's buffers and the arena's growth") {
    Item item;
    REQUIRE(Parse(parser, Rec("video", "calm", R"(,"start":1,"end":2,"annotator":"first")"),
                  item) == "");
    const std::string long_name(100000, 'n');
    for (int i = 0; i < 2000; ++i) {
      const std::string name = i == 1000 ? long_name : "other-annotator";
      REQUIRE(Parse(parser,
                    Rec("video", "calm", R"(,"start":1,"end":2,"annotator":")" + name + "\""),
                    item) == "");
    }
    CHECK(item.records.front().annotator == "first");
    CHECK(item.records[1001].annotator == long_name);
    CHECK(item.records.back().annotator == "other-annotator");
  }
  SUBCASE("a cleared item keeps its memory and holds the next item's strings") {
    Item item;
    auto fill = [&](const std::string& prefix, int count) {
      for (int i = 0; i < count; ++i) {
        const std::string name = i == count / 2 ? std::string(5000, 'x') : prefix + std::to_string(i);
        REQUIRE(Parse(parser,
                      Rec("video", "calm", R"(,"start":1,"end":2,"annotator":")" + name + "\""),
                      item) == "");
      }
    };
    fill("first-", 3000);
    const char* first_bytes = item.records.front().annotator.data();
    const std::size_t capacity = item.records.capacity();
    item.Clear();
    CHECK(item.records.empty());
    CHECK(item.attrs.empty());
    CHECK(item.issues.empty());
    CHECK(item.key.empty());
    fill("second-", 3000);
    CHECK(item.records.capacity() == capacity);
    CHECK(item.records.front().annotator.data() == first_bytes);  // the first block again
    CHECK(item.records.front().annotator == "second-0");
    CHECK(item.records[1500].annotator == std::string(5000, 'x'));
    CHECK(item.records[2999].annotator == "second-2999");
    // A string longer than every kept block still gets a block of its own.
    item.Clear();
    const std::string huge(3 << 20, 'h');
    REQUIRE(Parse(parser, Rec("video", "calm", R"(,"start":1,"end":2,"annotator":")" + huge + "\""),
                  item) == "");
    CHECK(item.records.front().annotator == huge);
  }
}

TEST_CASE("parsers of different bundles at the same time") {
  const runtime::Bundle other = CompileBundle(
      "ontology other;\nmodality video { extent: time; }\nconcept thing in video as \"calm\";\n"
      "concept x in video as \"aggressive\";\n");
  RecordParser mine(B());
  RecordParser theirs(other);
  RecordParser mine_too(B());
  Item a;
  Item b;
  Item c;
  const std::string line = Rec("video", "calm", R"(,"start":1,"end":2)");
  REQUIRE(Parse(mine, line, a) == "");
  REQUIRE(Parse(theirs, line, b) == "");
  REQUIRE(Parse(mine_too, Rec("audio", "angry", R"(,"start":1,"end":2)"), c) == "");
  CHECK(a.records.at(0).concept_id == ConceptNamed("calm"));
  CHECK(other.concepts.at(b.records.at(0).concept_id).name == "thing");
  CHECK(c.records.at(0).concept_id == ConceptNamed("hostile"));
  Item d;
  REQUIRE(Parse(theirs, Rec("audio", "angry", ""), d) == "");
  CHECK(Issues(d) == std::vector<std::string>{"UNKNOWN_MODALITY modality `audio` is not declared"});
}

TEST_CASE("attribute typing") {
  RecordParser parser(B());
  Item item;
  REQUIRE(Parse(parser, Video(R"(,"attrs":{"intensity":4.0,"valence":"positive"})"), item) == "");
  REQUIRE(
      Parse(
          parser,
          Rec("camera", "pedestrian",
              R"(,"start":1,"end":1,"box":[1,2,3,4],"attrs":{"moving":true,"speed":12.5,"seen":2.5,"note":"hi \"there\"","unused":null})"),
          item) == "");
  CHECK(item.issues.empty());
  REQUIRE(item.records.size() == 2);
  CHECK(item.records[0].attr_begin == 0);
  CHECK(item.records[0].attr_count == 2);
  CHECK(item.records[1].attr_begin == 2);
  CHECK(item.records[1].attr_count == 4);
  REQUIRE(item.attrs.size() == 6);
  struct Expect {
    const char* concept_name;
    const char* attr;
    ValueKind kind;
    double number;
    std::uint32_t id;
    bool boolean;
    const char* text;
  };
  const Expect expected[] = {
      {"affect", "intensity", ValueKind::NUMBER, 4, 0, false, ""},
      {"affect", "valence", ValueKind::ENUM, 0, 2, false, ""},
      {"road_user", "moving", ValueKind::BOOL, 0, 0, true, ""},
      {"road_user", "speed", ValueKind::NUMBER, 12.5, 0, false, ""},
      {"road_user", "seen", ValueKind::NUMBER, 2.5, 0, false, ""},
      {"road_user", "note", ValueKind::STRING, 0, 0, false, "hi \"there\""},
  };
  for (std::size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    const runtime::AttrValue& a = item.attrs[i];
    CHECK(a.attr == AttrNamed(expected[i].concept_name, expected[i].attr));
    CHECK(a.value.kind == expected[i].kind);
    CHECK(a.value.number == expected[i].number);
    CHECK(a.value.id == expected[i].id);
    CHECK(a.value.boolean == expected[i].boolean);
    CHECK(a.value.text == expected[i].text);
  }
}

TEST_CASE("enum attributes: the article fits the enum's name") {
  const runtime::Bundle bundle = CompileBundle(R"(
ontology articles version "1.0.0";
modality video { extent: time; }
enum Intensity { low, high }
enum Unit { one, two }
enum Hour { early, late }
enum Level { low, high }
concept thing in video { a: Intensity; b: Unit; c: Hour; d: Level; }
)");
  RecordParser parser(bundle);
  Item item;
  REQUIRE(Parse(parser,
                R"({"item":"i","id":"1","modality":"video","label":"thing","start":1,"end":2,)"
                R"("attrs":{"a":"x","b":"x","c":"x","d":"x"}})",
                item) == "");
  CHECK(Issues(item) ==
        std::vector<std::string>{
            R"(BAD_ATTRIBUTE `a` must be an `Intensity` value (low, high), found "x")",
            R"(BAD_ATTRIBUTE `b` must be a `Unit` value (one, two), found "x")",
            R"(BAD_ATTRIBUTE `c` must be an `Hour` value (early, late), found "x")",
            R"(BAD_ATTRIBUTE `d` must be a `Level` value (low, high), found "x")",
        });
}

TEST_CASE("ItemKey") {
  RecordParser parser(B());
  struct Case {
    const char* name;
    std::string line;
    std::string key;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"item first", R"({"item":"clip-1","id":"x"})", "clip-1", ""},
      {"spaces", R"(  { "item" : "clip-1" , "id":"x"})", "clip-1", ""},
      {"item later", R"({"id":"x","attrs":{"item":"no"},"item":"clip-2"})", "clip-2", ""},
      {"escaped value", R"({"item":"a\"b\u00e9"})", "a\"b\xc3\xa9", ""},
      {"escaped key", R"({"\u0069tem":"clip-3"})", "clip-3", ""},
      {"UTF-8 key", "{\"item\":\"caf\xc3\xa9\"}", "caf\xc3\xa9", ""},
      {"missing", R"({"id":"x"})", "", "missing required field `item`"},
      {"a number", R"({"id":"x","item":5})", "", "field `item` must be a string, found a number"},
      {"null", R"({"item":null})", "", "field `item` must be a string, found null"},
      {"not an object", R"(["item"])", "", "a record must be a JSON object, found an array"},
      {"invalid UTF-8", "{\"item\":\"caf\xff\"}", "", "invalid JSON: not valid UTF-8"},
      {"truncated before the key", R"({"id":"x",)", "",
       "invalid JSON: the line ends inside an object or array"},
      {"trailing content, key missing", R"({"id":"x"} x)", "", "trailing content after the object"},
      // ItemKey reads no further than the key: Parse rejects this line.
      {"trailing content after the key", R"({"item":"clip-4"} x)", "clip-4", ""},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      std::string key = "previous";
      PaddedLine line(c.line);
      CHECK(parser.ItemKey(line.View(), key) == c.reason);
      if (c.reason.empty()) CHECK(key == c.key);
    }
  }
}

}  // namespace
}  // namespace accord::testing

namespace accord::testing {
namespace {

TEST_CASE("names found through the parser's memory are the bundle's") {
  // Every (modality, label) pair of the ontology and some it does not have,
  // over and over in a shuffled order: the parser's small memory of recent
  // names evicts and refills, and must answer as the bundle does.
  const runtime::Bundle& bundle = IngestBundle();
  std::vector<std::pair<std::string, std::string>> names;
  for (const runtime::Modality& m : bundle.modalities) {
    for (const runtime::Concept& c : bundle.concepts) {
      for (const auto& [modality, label] : c.labels) names.emplace_back(m.name, label);
    }
    names.emplace_back(m.name, "unknown");
  }
  names.emplace_back("radar", "car");
  names.emplace_back("", "");
  std::mt19937 rng(7);
  RecordParser parser(bundle);
  int checked = 0;
  for (int round = 0; round < 50; ++round) {
    std::shuffle(names.begin(), names.end(), rng);
    for (const auto& [modality, label] : names) {
      const std::string line = R"({"item":"clip","id":"r","modality":")" + modality +
                               R"(","label":")" + label + R"("})";
      PaddedLine padded(line);
      Item item;
      REQUIRE(parser.Parse(padded.View(), 0, 1, item) == "");
      const Record& r = item.records[0];
      INFO("line: ", line);
      const runtime::ModalityId m = bundle.ModalityFor(modality);
      CHECK(r.modality == m);
      CHECK(r.modality_name == modality);
      CHECK(r.concept_id == (m == runtime::kNone ? runtime::kNone : bundle.ConceptFor(m, label)));
      CHECK(r.label == label);
      ++checked;
    }
  }
  CHECK(checked == 50 * static_cast<int>(names.size()));
}

}  // namespace
}  // namespace accord::testing
