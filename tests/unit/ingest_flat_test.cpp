// RecordParser's flat reader (flat_record.h) against simdjson: every line is
// parsed by a parser that tries the flat reader first and by one that uses
// simdjson only; both must give the same reason, and for accepted lines the
// same item, field by field, numbers bit for bit. The lines: generated
// records of every field kind, order, spacing and number form, and byte-level
// mutations of them. Lines with nothing the flat reader declines must be read
// by it, so the fast path cannot silently fall out of use.

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "accord/runtime/ingest.h"
#include "accord/runtime/internal/record_readers.h"
#include "ingest_support.h"

namespace accord::testing {
namespace {

using runtime::Item;
using runtime::Record;
using runtime::RecordParser;
using runtime::internal::RecordParserAccess;
using runtime::internal::RecordReader;

/// A generated line, and whether it holds anything the flat reader declines
/// (an escape, a nested value where it reads scalars, an error of any kind).
struct Line {
  std::string text;
  bool declined = false;
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }

  Line Record() {
    Line line;
    declined_ = false;
    std::vector<std::string> members;
    members.push_back(Member("item", Chance(3) ? Escaped() : "\"clip\""));
    members.push_back(Member("id", Id()));
    static const std::pair<const char*, const char*> kKinds[] = {
        {"video", "calm"},          {"video", "aggressive"}, {"audio", "angry"},
        {"text", "sarcastic"},      {"camera", "pedestrian"}, {"lidar", "road_user"},
        {"image", "product"},       {"gps", "fix"},           {"description", "product"},
        {"camera", "bicycle"},      {"radar", "car"}};
    const auto& [modality, label] = kKinds[Pick(11)];
    members.push_back(Member("modality", Quoted(modality)));
    members.push_back(Member("label", Chance(2) ? "\"caf\xC3\xA9\"" : Quoted(label)));
    if (Chance(80)) {
      auto [start, end] = Interval();
      members.push_back(Member("start", start));
      members.push_back(Member("end", end));
    }
    if (Chance(15)) members.push_back(Member("span", Array(2, true)));
    if (Chance(30)) members.push_back(Member("box", Array(4, false)));
    if (Chance(30)) members.push_back(Member("box3d", Array(7, false)));
    if (Chance(10)) members.push_back(Member("geo", Array(2, false)));
    if (Chance(60)) members.push_back(Member("track", Chance(10) ? "null" : Id()));
    if (Chance(60)) members.push_back(Member("annotator", Chance(10) ? "null" : Text()));
    if (Chance(15)) members.push_back(Member("source", Source()));
    if (Chance(15)) members.push_back(Member("confidence", Confidence()));
    if (Chance(40)) members.push_back(Member("attrs", Attrs()));
    if (Chance(10)) members.push_back(Member(Chance(50) ? "future" : "caf\xC3\xA9", Unknown()));
    if (Chance(3)) {  // a known key twice
      members.push_back(members[static_cast<std::size_t>(Pick(static_cast<int>(members.size())))]);
      declined_ = true;
    }
    if (Chance(3)) {  // a required one missing
      members.erase(members.begin() + Pick(4));
      declined_ = true;
    }
    if (Chance(30)) std::shuffle(members.begin(), members.end(), rng_);
    std::string text = Space() + "{" + Space();
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i > 0) text += Space() + "," + Space();
      text += members[i];
    }
    text += Space() + "}" + Space();
    line.text = std::move(text);
    line.declined = declined_;
    return line;
  }

  /// `text` with a few bytes deleted, inserted or replaced, or cut short.
  std::string Mutate(std::string text) {
    static const std::string kBytes = std::string("\"{}[],:\\ \t0123456789eE.+-ntrufalsx\x01\x1f", 34) +
                                      std::string("\0\xC3\xA9\xFF\x80", 5);
    const int edits = 1 + Pick(3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const auto at = static_cast<std::size_t>(Pick(static_cast<int>(text.size())));
      const char byte = kBytes[static_cast<std::size_t>(Pick(static_cast<int>(kBytes.size())))];
      switch (Pick(4)) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, byte);
          break;
        case 2:
          text[at] = byte;
          break;
        default:
          text.resize(at);
          break;
      }
    }
    return text;
  }

 private:
  std::string Space() {
    static const char* const kSpaces[] = {" ", "\t", "  ", "\r\n ", "\n"};
    return Chance(90) ? "" : kSpaces[Pick(5)];
  }
  std::string Member(const std::string& key, const std::string& value) {
    return Quoted(key) + Space() + ":" + Space() + value;
  }
  static std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

  std::string Escaped() {
    declined_ = true;
    static const char* const kEscaped[] = {R"("cl\u0069p")", R"("a\"b")", R"("tab\there")",
                                           R"("back\\slash")", R"("\ud83d\ude00")"};
    return kEscaped[Pick(5)];
  }

  std::string Text() {
    if (Chance(5)) return Escaped();
    if (Chance(2)) {
      declined_ = true;
      return Chance(50) ? "\"bad\xFFutf8\"" : "\"ctl\x01here\"";
    }
    static const char* const kTexts[] = {"ann-3", "t1", "", "a b c", "\xE6\x97\xA5\xE6\x9C\xAC",
                                         "long-annotator-name-0123456789", "x\"y"};
    const std::string text = kTexts[Pick(7)];
    if (text == "x\"y") return Escaped();
    return Quoted(text);
  }

  std::string Id() {
    switch (Pick(10)) {
      case 0:
        return std::to_string(Pick(100000));
      case 1:
        return "-" + std::to_string(Pick(1000));
      case 2:
        if (Chance(50)) {
          declined_ = true;
          return Chance(50) ? "1.5" : "2e3";
        }
        return "0";
      case 3:
        declined_ = true;
        return Chance(50) ? "true" : "[1]";
      default:
        return Quoted("c" + std::to_string(Pick(100000)));
    }
  }

  /// A JSON number in one of many forms; sets `value`.
  std::string Number(double& value) {
    static const char* const kForms[] = {
        "0",       "-0",         "1",          "-3",         "0.5",          "1.25",
        "3.0",     "1e3",        "1E-2",       "-2.5e+1",    "123456789012345678",
        "1e22",    "1e23",       "9007199254740993",         "0.1000000000000000055511151231257827",
        "5e-324",  "2.2250738585072014e-308",  "1.7976931348623157e308", "123.456e-7",
        "0.30000000000000004",   "1234567.1234567",          "12345678.5", "1.12345678",
        "9999999.9999999",       "-0.0000001", "1e-400",     "00",         "1.",
        "-",       ".5",         "1e",         "+1",         "1e999",      "NaN",
        "0x10",    "-01",        "07.5"};
    constexpr int kValid = 25;  // the first kValid forms are valid JSON within range
    constexpr int kInvalid = static_cast<int>(std::size(kForms)) - kValid;
    std::string text;
    if (Chance(60)) {
      // 1 to 9 digits before the point: the 8-byte reads' bounds on either side.
      int limit = 10;
      for (int digits = Pick(9); digits > 0; --digits) limit *= 10;
      text = std::to_string(Pick(limit));
      if (Chance(70)) {
        text += ".";
        const int digits = 1 + Pick(17);
        for (int i = 0; i < digits; ++i) text += static_cast<char>('0' + Pick(10));
      }
      if (Chance(10)) text += (Chance(50) ? "e" : "E-") + std::to_string(Pick(30));
      if (Chance(20)) text = "-" + text;
    } else {
      const int form = Chance(90) ? Pick(kValid) : kValid + Pick(kInvalid);
      text = kForms[form];
      if (form >= kValid) declined_ = true;
    }
    value = std::strtod(text.c_str(), nullptr);
    return text;
  }

  std::pair<std::string, std::string> Interval() {
    if (Chance(3)) {
      declined_ = true;
      return {"\"1\"", "2"};
    }
    if (Chance(5)) return {"null", "null"};
    double a = 0;
    double b = 0;
    std::string start = Number(a);
    std::string end = Number(b);
    if (b < a) {
      if (Chance(90)) {
        std::swap(start, end);
      } else {
        declined_ = true;  // end before start
      }
    }
    return {start, end};
  }

  std::string Array(int n, bool integers) {
    if (Chance(5)) return "null";
    int count = n;
    if (Chance(3)) {
      count = n + (Chance(50) ? 1 : -1);
      declined_ = true;
    }
    std::string text = "[" + Space();
    int previous = -1;
    for (int i = 0; i < count; ++i) {
      if (i > 0) text += Space() + "," + Space();
      if (integers) {
        const int value = Pick(1000);
        text += std::to_string(value) + (Chance(10) ? ".0" : "");
        if (Chance(2)) {
          text += ".5";
          declined_ = true;
        }
        if (value < previous) declined_ = true;  // a span that ends before it begins
        previous = value;
      } else {
        double value = 0;
        text += Number(value);
      }
    }
    if (Chance(2)) {
      text += ",\"x\"";
      declined_ = true;
    }
    return text + Space() + "]";
  }

  std::string Source() {
    switch (Pick(4)) {
      case 0:
        return "\"human\"";
      case 1:
        return "\"model\"";
      case 2:
        return "null";
      default:
        declined_ = true;
        return "\"robot\"";
    }
  }

  std::string Confidence() {
    static const char* const kIn[] = {"0", "1", "0.75", "0.5e0", "null", "1.0"};
    if (Chance(10)) {
      declined_ = true;
      return Chance(50) ? "1.5" : "-0.1";
    }
    return kIn[Pick(6)];
  }

  std::string Attrs() {
    if (Chance(5)) return "null";
    if (Chance(3)) {
      declined_ = true;
      return "5";
    }
    static const char* const kNames[] = {"valence", "intensity", "moving", "speed",
                                         "seen",    "note",      "colour", "unknown_attr"};
    std::string text = "{" + Space();
    const int n = Pick(5);
    for (int i = 0; i < n; ++i) {
      if (i > 0) text += Space() + "," + Space();
      text += Quoted(kNames[Pick(8)]) + Space() + ":" + Space();
      double ignored = 0;
      switch (Pick(8)) {
        case 0:
          text += Text();
          break;
        case 1:
          text += Quoted(Chance(50) ? "negative" : "neutral");
          break;
        case 2:
          text += Number(ignored);
          break;
        case 3:
          text += Chance(50) ? "true" : "false";
          break;
        case 4:
          text += "null";
          break;
        case 5:
          declined_ = true;
          text += Chance(50) ? "{\"a\":[1,2]}" : "[]";
          break;
        default:
          text += std::to_string(1 + Pick(6));
          break;
      }
    }
    return text + Space() + "}";
  }

  std::string Unknown() {
    double ignored = 0;
    switch (Pick(6)) {
      case 0:
        return Text();
      case 1:
        return Number(ignored);
      case 2:
        return Chance(50) ? "true" : "null";
      case 3:
        return Chance(50) ? "false" : "\"\"";
      default:
        declined_ = true;
        return Chance(50) ? "{\"nested\":{\"x\":[1,\"two\",null]}}" : "[[], {}]";
    }
  }

  std::mt19937_64 rng_;
  bool declined_ = false;
};

/// `line` followed by a line end and then bytes that would change the result
/// if a reader looked past the line's end.
std::string Padded(const std::string& line, int variant) {
  static const char* const kAfter[] = {"}", "\"", "0", ",\"x\":1}", "]", " "};
  std::string bytes = line + "\n";
  while (bytes.size() < line.size() + runtime::kJsonPadding + 1) bytes += kAfter[variant % 6];
  return bytes;
}

std::uint64_t Bits(double d) { return std::bit_cast<std::uint64_t>(d); }

void CheckSameRecord(const Record& a, const Record& b) {
  CHECK(a.id == b.id);
  CHECK(a.modality_name == b.modality_name);
  CHECK(a.label == b.label);
  CHECK(a.annotator == b.annotator);
  CHECK(a.track == b.track);
  CHECK(a.modality == b.modality);
  CHECK(a.concept_id == b.concept_id);
  CHECK(a.flags == b.flags);
  CHECK(a.file == b.file);
  CHECK(a.line == b.line);
  CHECK(Bits(a.start) == Bits(b.start));
  CHECK(Bits(a.end) == Bits(b.end));
  CHECK(Bits(a.confidence) == Bits(b.confidence));
  auto same = [](runtime::RecordFlag flag, const Record& x, const Record& y, const double* p,
                 const double* q, std::size_t n) {
    if (!x.Has(flag) || !y.Has(flag)) return;
    for (std::size_t i = 0; i < n; ++i) CHECK(Bits(p[i]) == Bits(q[i]));
  };
  same(runtime::HAS_SPAN, a, b, a.Span(), b.Span(), 2);
  same(runtime::HAS_BOX, a, b, a.Box(), b.Box(), 4);
  same(runtime::HAS_BOX3D, a, b, a.Box3d(), b.Box3d(), 7);
  same(runtime::HAS_GEO, a, b, a.Geo(), b.Geo(), 2);
  CHECK((a.extents == nullptr) == (b.extents == nullptr));
  CHECK(a.attr_begin == b.attr_begin);
  CHECK(a.attr_count == b.attr_count);
}

void CheckSameItem(const Item& a, const Item& b) {
  REQUIRE(a.records.size() == b.records.size());
  for (std::size_t i = 0; i < a.records.size(); ++i) CheckSameRecord(a.records[i], b.records[i]);
  REQUIRE(a.attrs.size() == b.attrs.size());
  for (std::size_t i = 0; i < a.attrs.size(); ++i) {
    const runtime::Value& x = a.attrs[i].value;
    const runtime::Value& y = b.attrs[i].value;
    CHECK(a.attrs[i].attr == b.attrs[i].attr);
    CHECK(x.kind == y.kind);
    CHECK(x.boolean == y.boolean);
    CHECK(Bits(x.number) == Bits(y.number));
    CHECK(x.id == y.id);
    CHECK(x.text == y.text);
  }
  REQUIRE(a.issues.size() == b.issues.size());
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    CHECK(a.issues[i].record == b.issues[i].record);
    CHECK(a.issues[i].problem == b.issues[i].problem);
    CHECK(a.issues[i].detail == b.issues[i].detail);
  }
}

struct Tally {
  int lines = 0;
  int accepted = 0;
  int flat = 0;
};

/// Parses `line` both ways into the items, checks they agree, and returns
/// whether the flat reader read it.
bool Compare(RecordParser& both, RecordParser& simdjson, const std::string& line, int variant,
             Item& a, Item& b, Tally& tally) {
  INFO("line: ", line);
  const std::string bytes = Padded(line, variant);
  const std::string_view view(bytes.data(), line.size());
  const std::string reason_a = both.Parse(view, 1, 42, a);
  const std::string reason_b = simdjson.Parse(view, 1, 42, b);
  CHECK(reason_a == reason_b);
  CheckSameItem(a, b);
  ++tally.lines;
  const bool flat = reason_a.empty() && RecordParserAccess::LastWasFlat(both);
  if (reason_a.empty()) ++tally.accepted;
  if (flat) ++tally.flat;
  return flat;
}

TEST_CASE("the flat reader and simdjson agree on generated and mutated records") {
  const runtime::Bundle& bundle = IngestBundle();
  RecordParser both(bundle);
  RecordParser simdjson(bundle);
  RecordParserAccess::Use(simdjson, RecordReader::SIMDJSON);
  Generator gen(20261202);
  Tally generated;
  Tally mutated;
  int plain = 0;
  // Items grow across lines (attrs and issues accumulate), so record indices
  // and attribute offsets are compared too; cleared now and then.
  Item a;
  Item b;
  for (int i = 0; i < 20000; ++i) {
    if (i % 64 == 0) {
      a.Clear();
      b.Clear();
    }
    const Line line = gen.Record();
    const bool flat = Compare(both, simdjson, line.text, i, a, b, generated);
    if (!line.declined) {
      ++plain;
      INFO("line: ", line.text);
      CHECK(flat);  // nothing in it the flat reader declines
    }
    for (int m = 0; m < 2; ++m) {
      Compare(both, simdjson, gen.Mutate(line.text), i + m, a, b, mutated);
    }
  }
  MESSAGE("generated: ", generated.lines, " lines, ", generated.accepted, " accepted, ",
          generated.flat, " read flat (", plain, " plain); mutated: ", mutated.lines, " lines, ",
          mutated.accepted, " accepted, ", mutated.flat, " read flat");
  // Both kinds of line are well represented, so the comparison means something.
  CHECK(plain > 5000);
  CHECK(generated.accepted - generated.flat > 1000);  // declined, then accepted by simdjson
  CHECK(mutated.accepted > 2000);
  CHECK(mutated.lines - mutated.accepted > 10000);
  CHECK(mutated.flat > 1000);
}

TEST_CASE("long numbers are read to the nearest double, by either reader") {
  // simdjson 3.0.1 reads the first as 4.145161186368179e-16 (its issue #2093).
  const std::vector<std::pair<std::string, double>> numbers = {
      {"0.1000000000000000055511151231257827", 0.1},
      {"0.95000000000000000000", 0.95},
      {"1000000000.000000001", 1e9},
      {"24914.3259706614982", 24914.3259706614982},
      {"9007199254740993", 9007199254740992.0},
      {"-0", -0.0},
      {"5e-324", 5e-324},
  };
  const runtime::Bundle& bundle = IngestBundle();
  for (const auto& [text, expected] : numbers) {
    for (const std::string escape : {"", "\\u0041"}) {  // the second: read by simdjson
      RecordParser parser(bundle);
      Item item;
      const std::string line = R"({"item":"clip","id":"r1","modality":"video","label":"calm",)"
                               R"("annotator":"a)" + escape + R"(","start":)" + text +
                               R"(,"end":1e300})";
      PaddedLine padded(line);
      INFO("line: ", line);
      REQUIRE(parser.Parse(padded.View(), 1, 1, item) == "");
      CHECK(RecordParserAccess::LastWasFlat(parser) == escape.empty());
      CHECK(Bits(item.records[0].start) == Bits(expected));
    }
  }
}

TEST_CASE("the flat reader reads the shipped domains' record shapes") {
  // One line of each shape bench/gen writes, and the LANGUAGE.md style.
  const std::vector<std::string> lines = {
      R"({"item":"scene-000001","id":"c1","modality":"camera","label":"pedestrian","start":0.2,"end":0.2,"track":"t1","annotator":"ann-3","box":[641,633,257,216]})",
      R"({"item":"scene-000001","id":"l1","modality":"lidar","label":"road_user","start":0.23,"end":0.23,"track":"t1","annotator":"ann-5","box3d":[-3.22,5.62,0.9,4.5,1.9,1.6,0.1]})",
      R"({"item":"clip","id":"v1","modality":"video","label":"aggressive","start":12.5,"end":14.0,"annotator":"ann-1","attrs":{"intensity":4}})",
      R"({"item":"clip","id":"t7","modality":"text","label":"sarcastic","span":[10,42],"source":"model","confidence":0.93})",
      R"({ "item": "clip", "id": 17, "modality": "gps", "label": "fix", "start": 1, "end": 1, "geo": [48.8566, 2.3522], "attrs": { "note": null } })",
  };
  const runtime::Bundle& bundle = IngestBundle();
  RecordParser both(bundle);
  RecordParser simdjson(bundle);
  RecordParserAccess::Use(simdjson, RecordReader::SIMDJSON);
  Tally tally;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Item a;
    Item b;
    CHECK(Compare(both, simdjson, lines[i], static_cast<int>(i), a, b, tally));
  }
  CHECK(tally.accepted == static_cast<int>(lines.size()));
}

}  // namespace
}  // namespace accord::testing
