// RecordParser: one JSON Lines annotation record (LANGUAGE.md "Records")
// into an Item, with simdjson's On-Demand API. The line is read in one
// forward pass; nothing reaches the item until the whole line has been
// accepted, so an input error leaves the item unchanged.
//
// Contract details (see ingest.h):
// - keys are matched exactly (escaped keys are unescaped first); a known key
//   given twice is an input error; unknown keys are ignored but their values
//   must still be valid JSON (records may carry fields of newer versions);
// - `null` for an optional field (and for a value in `attrs`) means absent;
// - `id` and `track` may be integers written without fraction or exponent:
//   the id is their decimal text as written;
// - `span` elements and `int` attributes accept any integral number (3.0).

#include <cmath>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "accord/runtime/ingest.h"
#include "json_reasons.h"
#include "resolve.h"
#include "text.h"

namespace accord::runtime {
namespace {

using internal::AttrKind;
using internal::BadScalar;
using internal::BadString;
using internal::Describe;
using internal::JsonReason;
using internal::ParsedAttr;
namespace od = internal::od;

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);

/// Nesting allowed inside unknown fields and attribute values.
constexpr int kMaxDepth = 256;

enum class Key : std::uint8_t {
  ITEM, ID, MODALITY, LABEL, START, END, SPAN, BOX, BOX3D, GEO, TRACK, ANNOTATOR, SOURCE,
  CONFIDENCE, ATTRS, UNKNOWN,
};
constexpr std::string_view kKeyNames[] = {
    "item", "id",    "modality", "label",     "start",  "end",        "span",  "box",
    "box3d", "geo",  "track",    "annotator", "source", "confidence", "attrs",
};
constexpr Key kRequired[] = {Key::ITEM, Key::ID, Key::MODALITY, Key::LABEL};

std::uint32_t Bit(Key key) { return std::uint32_t{1} << static_cast<unsigned>(key); }
std::string_view Name(Key key) { return kKeyNames[static_cast<unsigned>(key)]; }

/// Whether the raw key at `raw` (just past its opening quote) is exactly
/// `name`. Reads at most one byte past the name: the line's padding
/// guarantees it is readable.
template <std::size_t N>
bool RawIs(const char* raw, const char (&name)[N]) {
  return std::memcmp(raw, name, N - 1) == 0 && raw[N - 1] == '"';
}

/// The known key whose raw (unescaped-free) spelling starts at `raw`.
Key ClassifyRaw(const char* raw) {
  switch (raw[0]) {
    case 'i': return RawIs(raw, "item") ? Key::ITEM : RawIs(raw, "id") ? Key::ID : Key::UNKNOWN;
    case 'm': return RawIs(raw, "modality") ? Key::MODALITY : Key::UNKNOWN;
    case 'l': return RawIs(raw, "label") ? Key::LABEL : Key::UNKNOWN;
    case 's':
      if (RawIs(raw, "start")) return Key::START;
      if (RawIs(raw, "span")) return Key::SPAN;
      return RawIs(raw, "source") ? Key::SOURCE : Key::UNKNOWN;
    case 'e': return RawIs(raw, "end") ? Key::END : Key::UNKNOWN;
    case 'b': return RawIs(raw, "box") ? Key::BOX : RawIs(raw, "box3d") ? Key::BOX3D : Key::UNKNOWN;
    case 'g': return RawIs(raw, "geo") ? Key::GEO : Key::UNKNOWN;
    case 't': return RawIs(raw, "track") ? Key::TRACK : Key::UNKNOWN;
    case 'a':
      if (RawIs(raw, "annotator")) return Key::ANNOTATOR;
      return RawIs(raw, "attrs") ? Key::ATTRS : Key::UNKNOWN;
    case 'c': return RawIs(raw, "confidence") ? Key::CONFIDENCE : Key::UNKNOWN;
    default: return Key::UNKNOWN;
  }
}

/// The key of `field`; escaped spellings ("\u0069tem") are unescaped first.
/// Returns the reason on a malformed key.
std::string KeyOf(od::field& field, Key& key) {
  const char* raw = field.key().raw();
  key = ClassifyRaw(raw);
  if (key != Key::UNKNOWN) return {};
  const char* p = raw;
  while (*p != '"' && *p != '\\') ++p;  // simdjson has checked the string is closed
  if (*p == '"') return {};
  std::string_view text;
  if (field.unescaped_key().get(text)) return BadString();
  for (unsigned k = 0; k < static_cast<unsigned>(Key::UNKNOWN); ++k) {
    if (text == kKeyNames[k]) key = static_cast<Key>(k);
  }
  return {};
}

std::string Mismatch(Key key, std::string_view expected, std::string_view found) {
  return fmt::format("field `{}` must be {}, found {}", Name(key), expected, found);
}

std::string ReadNull(od::value& v) {
  bool is_null = false;
  if (v.is_null().get(is_null) || !is_null) {
    return BadScalar(od::json_type::null, v.raw_json_token());
  }
  return {};
}

/// The parts of a record read from the line, before resolution.
struct Fields {
  Record record;
  std::string_view id;
  std::string_view modality;
  std::string_view label;
  std::string_view annotator;
  std::string_view track;
  std::uint32_t seen = 0;  ///< Key bits
};

/// The reason `v` is not of the expected kind: `null` for an optional field
/// is absent (""), anything else a mismatch or malformed JSON.
std::string Unexpected(od::value& v, Key key, bool optional, std::string_view expected) {
  od::json_type type;
  if (auto error = v.type().get(type)) return JsonReason(error, {});
  if (type == od::json_type::null && optional) return ReadNull(v);
  return Mismatch(key, expected, Describe(type));
}

/// A string field; `present` stays false for an optional `null`.
std::string ReadString(od::value& v, Key key, bool optional, std::string_view& out,
                       bool& present) {
  switch (v.get_string().get(out)) {
    case simdjson::SUCCESS: present = true; return {};
    case simdjson::INCORRECT_TYPE: return Unexpected(v, key, optional, "a string");
    default: return BadString();
  }
}

/// `id` or `track`: a string, or an integer kept as its decimal text.
std::string ReadStringOrInteger(od::value& v, Key key, bool optional, std::string_view& out,
                                bool& present) {
  constexpr std::string_view kExpected = "a string or an integer";
  switch (v.get_string().get(out)) {
    case simdjson::SUCCESS: present = true; return {};
    case simdjson::INCORRECT_TYPE: break;
    default: return BadString();
  }
  od::json_type type;
  if (auto error = v.type().get(type)) return JsonReason(error, {});
  if (type != od::json_type::number) return Unexpected(v, key, optional, kExpected);
  const std::string_view token = internal::TrimJsonSpace(v.raw_json_token());
  if (internal::IsJsonInteger(token)) {
    out = token;
    present = true;
    return {};
  }
  if (internal::IsJsonNumber(token)) return Mismatch(key, kExpected, "a non-integer number");
  return BadScalar(type, token);
}

std::string ReadNumber(od::value& v, Key key, double& out, bool& present) {
  if (!v.get_double().get(out)) {
    present = true;
    return {};
  }
  od::json_type type;
  if (auto error = v.type().get(type)) return JsonReason(error, {});
  if (type == od::json_type::number) return BadScalar(type, v.raw_json_token());
  return Unexpected(v, key, true, "a number");
}

std::string Shape(std::size_t n, bool integers) {
  return fmt::format("an array of {} {}", n, integers ? "integers" : "numbers");
}

/// `span`, `box`, `box3d`, `geo`: exactly `n` numbers (integers for `span`).
std::string ReadArray(od::value& v, Key key, std::size_t n, bool integers, double* out,
                      bool& present) {
  od::array array;
  if (auto error = v.get_array().get(array)) {
    if (error == simdjson::INCORRECT_TYPE) return Unexpected(v, key, true, Shape(n, integers));
    return JsonReason(error, {});
  }
  std::size_t count = 0;
  for (auto entry : array) {
    od::value element;
    if (auto error = std::move(entry).get(element)) return JsonReason(error, {});
    double number;
    if (element.get_double().get(number)) {
      od::json_type type;
      if (auto error = element.type().get(type)) return JsonReason(error, {});
      if (type == od::json_type::number) return BadScalar(type, element.raw_json_token());
      return Mismatch(key, Shape(n, integers), fmt::format("{} at index {}", Describe(type), count));
    }
    if (integers && std::trunc(number) != number) {
      return Mismatch(key, Shape(n, integers),
                      fmt::format("a non-integer number at index {}", count));
    }
    if (count < n) out[count] = number;
    ++count;
  }
  if (count != n) return Mismatch(key, Shape(n, integers), internal::CountOf(count, "element"));
  present = true;
  return {};
}

std::string ReadSource(od::value& v, Record& record) {
  od::json_type type;
  if (auto error = v.type().get(type)) return JsonReason(error, {});
  if (type == od::json_type::null) return ReadNull(v);
  constexpr std::string_view kExpected = "\"human\" or \"model\"";
  if (type != od::json_type::string) return Mismatch(Key::SOURCE, kExpected, Describe(type));
  std::string_view text;
  if (v.get_string().get(text)) return BadString();
  if (text == "model") {
    record.flags |= FROM_MODEL;
  } else if (text != "human") {
    return Mismatch(Key::SOURCE, kExpected, internal::Quote(text));
  }
  return {};
}

std::string ReadAttrs(od::value& v, std::vector<ParsedAttr>& attrs) {
  od::json_type type;
  if (auto error = v.type().get(type)) return JsonReason(error, {});
  if (type == od::json_type::null) return ReadNull(v);
  if (type != od::json_type::object) return Mismatch(Key::ATTRS, "an object", Describe(type));
  od::object object;
  if (auto error = v.get_object().get(object)) return JsonReason(error, {});
  for (auto entry : object) {
    od::field field;
    if (auto error = std::move(entry).get(field)) return JsonReason(error, {});
    ParsedAttr attr;
    if (field.unescaped_key().get(attr.name)) return BadString();
    od::value& value = field.value();
    od::json_type value_type;
    if (auto error = value.type().get(value_type)) return JsonReason(error, {});
    switch (value_type) {
      case od::json_type::null:
        if (std::string reason = ReadNull(value); !reason.empty()) return reason;
        continue;  // absent
      case od::json_type::string:
        attr.kind = AttrKind::STRING;
        if (value.get_string().get(attr.text)) return BadString();
        break;
      case od::json_type::number:
        attr.kind = AttrKind::NUMBER;
        if (value.get_double().get(attr.number)) {
          return BadScalar(value_type, value.raw_json_token());
        }
        break;
      case od::json_type::boolean:
        attr.kind = AttrKind::BOOL;
        if (value.get_bool().get(attr.boolean)) {
          return BadScalar(value_type, value.raw_json_token());
        }
        break;
      case od::json_type::object:
      case od::json_type::array:
        attr.kind = value_type == od::json_type::object ? AttrKind::OBJECT : AttrKind::ARRAY;
        if (std::string reason = internal::Skim(value, kMaxDepth); !reason.empty()) return reason;
        break;
    }
    attrs.push_back(attr);
  }
  return {};
}

std::string ReadField(od::value& v, Key key, Fields& f, std::vector<ParsedAttr>& attrs) {
  Record& r = f.record;
  bool present = false;
  std::string reason;
  std::uint16_t flag = 0;
  switch (key) {
    case Key::ITEM: {
      std::string_view item;
      return ReadString(v, key, false, item, present);
    }
    case Key::ID: return ReadStringOrInteger(v, key, false, f.id, present);
    case Key::MODALITY: return ReadString(v, key, false, f.modality, present);
    case Key::LABEL: return ReadString(v, key, false, f.label, present);
    case Key::START: reason = ReadNumber(v, key, r.start, present), flag = HAS_START; break;
    case Key::END: reason = ReadNumber(v, key, r.end, present), flag = HAS_END; break;
    case Key::CONFIDENCE:
      reason = ReadNumber(v, key, r.confidence, present), flag = HAS_CONFIDENCE;
      if (present && !(r.confidence >= 0 && r.confidence <= 1)) {
        return fmt::format("field `confidence` is {}, outside 0..1",
                           internal::FormatNumber(r.confidence));
      }
      break;
    case Key::SPAN: reason = ReadArray(v, key, 2, true, r.span.data(), present), flag = HAS_SPAN; break;
    case Key::BOX: reason = ReadArray(v, key, 4, false, r.box.data(), present), flag = HAS_BOX; break;
    case Key::BOX3D:
      reason = ReadArray(v, key, 7, false, r.box3d.data(), present), flag = HAS_BOX3D;
      break;
    case Key::GEO: reason = ReadArray(v, key, 2, false, r.geo.data(), present), flag = HAS_GEO; break;
    case Key::TRACK: reason = ReadStringOrInteger(v, key, true, f.track, present), flag = HAS_TRACK; break;
    case Key::ANNOTATOR:
      reason = ReadString(v, key, true, f.annotator, present), flag = HAS_ANNOTATOR;
      break;
    case Key::SOURCE: return ReadSource(v, r);
    case Key::ATTRS: return ReadAttrs(v, attrs);
    case Key::UNKNOWN: return internal::Skim(v, kMaxDepth);
  }
  if (present) r.flags |= flag;
  return reason;
}

/// The label of concept `c` in modality `m` (it has one: ConceptFor found it).
std::string_view LabelIn(const Bundle& bundle, ConceptId c, ModalityId m) {
  for (const auto& [modality, label] : bundle.concepts[c].labels) {
    if (modality == m) return label;
  }
  return {};
}

simdjson::padded_string_view Padded(std::string_view line) {
  return simdjson::padded_string_view(line.data(), line.size(), line.size() + kJsonPadding);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// The common shape `{"item":"key"...` with a plain key, without simdjson.
bool FastItemKey(std::string_view line, std::string& key) {
  const char* p = line.data();
  const char* end = p + line.size();
  auto skip_space = [&] {
    while (p < end && IsSpace(*p)) ++p;
  };
  skip_space();
  if (p == end || *p != '{') return false;
  ++p;
  skip_space();
  if (end - p < 6 || std::memcmp(p, "\"item\"", 6) != 0) return false;
  p += 6;
  skip_space();
  if (p == end || *p != ':') return false;
  ++p;
  skip_space();
  if (p == end || *p != '"') return false;
  const char* start = ++p;
  bool ascii = true;
  for (; p < end && *p != '"'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '\\' || c < 0x20) return false;
    ascii = ascii && c < 0x80;
  }
  if (p == end) return false;
  const auto size = static_cast<std::size_t>(p - start);
  if (!ascii && !simdjson::validate_utf8(start, size)) return false;
  key.assign(start, size);
  return true;
}

}  // namespace

struct RecordParser::Impl {
  explicit Impl(const Bundle& b) : bundle(b) {}
  const Bundle& bundle;
  od::parser parser;
  std::vector<ParsedAttr> attrs;
  std::vector<AttributeId> seen;
};

RecordParser::RecordParser(const Bundle& bundle) : impl_(std::make_unique<Impl>(bundle)) {}
RecordParser::~RecordParser() = default;

std::string RecordParser::Parse(std::string_view line, std::uint32_t file,
                                std::uint64_t line_number, Item& item) {
  Impl& s = *impl_;
  od::document doc;
  if (auto error = s.parser.iterate(Padded(line)).get(doc)) return JsonReason(error, line);
  od::object object;
  if (std::string reason = internal::OpenRootObject(doc, line, object); !reason.empty()) {
    return reason;
  }
  Fields f;
  s.attrs.clear();
  for (auto entry : object) {
    od::field field;
    if (auto error = std::move(entry).get(field)) return JsonReason(error, line);
    Key key;
    if (std::string reason = KeyOf(field, key); !reason.empty()) return reason;
    if (key != Key::UNKNOWN) {
      if (f.seen & Bit(key)) return fmt::format("field `{}` appears twice", Name(key));
      f.seen |= Bit(key);
    }
    if (std::string reason = ReadField(field.value(), key, f, s.attrs); !reason.empty()) {
      return reason;
    }
  }
  if (!doc.current_location().error()) return internal::kTrailingContent;
  for (Key key : kRequired) {
    if (!(f.seen & Bit(key))) return fmt::format("missing required field `{}`", Name(key));
  }
  Record& r = f.record;
  if (r.HasTime() && r.end < r.start) {
    return fmt::format("field `end` ({}) is before `start` ({})", internal::FormatNumber(r.end),
                       internal::FormatNumber(r.start));
  }
  if (r.Has(HAS_SPAN) && r.span[1] < r.span[0]) {
    return fmt::format("field `span` ends ({}) before it begins ({})",
                       internal::FormatNumber(r.span[1]), internal::FormatNumber(r.span[0]));
  }

  // Accepted: copy the strings and resolve.
  Arena& arena = item.arena;
  r.file = file;
  r.line = line_number;
  r.id = arena.Copy(f.id);
  r.annotator = arena.Copy(f.annotator);
  r.track = arena.Copy(f.track);
  // Names the bundle knows are viewed there rather than copied.
  r.modality = s.bundle.ModalityFor(f.modality);
  r.modality_name =
      r.modality == kNone ? arena.Copy(f.modality) : s.bundle.modalities[r.modality].name;
  r.concept_id = r.modality == kNone ? kNone : s.bundle.ConceptFor(r.modality, f.label);
  r.label = r.concept_id == kNone ? arena.Copy(f.label) : LabelIn(s.bundle, r.concept_id, r.modality);
  internal::ResolveAndAppend(s.bundle, r, s.attrs, item, s.seen);
  return {};
}

std::string RecordParser::ItemKey(std::string_view line, std::string& key) {
  if (FastItemKey(line, key)) return {};
  Impl& s = *impl_;
  od::document doc;
  if (auto error = s.parser.iterate(Padded(line)).get(doc)) return JsonReason(error, line);
  od::object object;
  if (std::string reason = internal::OpenRootObject(doc, line, object); !reason.empty()) {
    return reason;
  }
  for (auto entry : object) {
    od::field field;
    if (auto error = std::move(entry).get(field)) return JsonReason(error, line);
    Key k;
    if (std::string reason = KeyOf(field, k); !reason.empty()) return reason;
    if (k != Key::ITEM) continue;
    std::string_view text;
    bool present = false;
    if (std::string reason = ReadString(field.value(), k, false, text, present); !reason.empty()) {
      return reason;
    }
    key.assign(text);
    return {};
  }
  return "missing required field `item`";
}

}  // namespace accord::runtime
