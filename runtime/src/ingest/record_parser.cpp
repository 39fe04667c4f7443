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

#include <array>
#include <cmath>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "accord/runtime/ingest.h"
#include "accord/runtime/internal/record_readers.h"
#include "field_readers.h"
#include "flat_record.h"
#include "item_key.h"
#include "json_reasons.h"
#include "names.h"
#include "record_keys.h"
#include "resolve.h"
#include "text.h"

namespace accord::runtime {
namespace {

using internal::BadString;
using internal::Fields;
using internal::JsonReason;
using internal::Key;
using internal::kKeyCount;
using internal::KeyOrder;
using internal::ParsedAttr;
namespace od = internal::od;

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);

constexpr Key kRequired[] = {Key::ITEM, Key::ID, Key::MODALITY, Key::LABEL};

/// The key of `field` when it is not the guessed one; escaped spellings
/// ("\u0069tem") are unescaped. False with the reason on a malformed key.
[[gnu::noinline]] bool ClassifyKey(od::field& field, const char* raw, Key& key,
                                   std::string& reason) {
  key = internal::ClassifyRaw(raw);
  if (key != Key::UNKNOWN) return true;
  const char* p = raw;
  while (*p != '"' && *p != '\\') ++p;  // simdjson has checked the string is closed
  if (*p == '"') return true;
  std::string_view text;
  if (field.unescaped_key().get(text)) {
    reason = BadString();
    return false;
  }
  for (std::size_t k = 0; k < kKeyCount; ++k) {
    if (text == internal::kKeyNames[k]) key = static_cast<Key>(k);
  }
  return true;
}

/// The key of `field`, trying `guess` first (records mostly list their keys
/// in one order).
inline bool KeyOf(od::field& field, Key guess, Key& key, std::string& reason) {
  const char* raw = field.key().raw();
  if (guess != Key::UNKNOWN && internal::RawIsKey(raw, guess)) {
    key = guess;
    return true;
  }
  return ClassifyKey(field, raw, key, reason);
}

simdjson::padded_string_view Padded(std::string_view line) {
  return simdjson::padded_string_view(line.data(), line.size(), line.size() + kJsonPadding);
}

/// Reads `line` into `r` and `f`: the reason it is an input error, or "".
std::string ParseInto(od::parser& parser, std::string_view line, Record& r, Fields& f,
                      std::vector<ParsedAttr>& attrs, KeyOrder& next) {
  od::document doc;
  if (auto error = parser.iterate(Padded(line)).get(doc)) return JsonReason(error, line);
  od::object object;
  if (std::string reason = internal::OpenRootObject(doc, line, object); !reason.empty()) {
    return reason;
  }
  // Member by member: cheaper than a block fill for a few fields.
  f.id = f.modality = f.label = f.annotator = f.track = {};
  f.seen = 0;
  attrs.clear();
  std::string reason;
  std::size_t previous = kKeyCount;
  for (auto entry : object) {
    if (auto error = entry.error()) return JsonReason(error, line);
    od::field&& field = std::move(entry).value_unsafe();
    Key key;
    if (!KeyOf(field, next[previous], key, reason)) return reason;
    next[previous] = key;
    previous = key == Key::UNKNOWN ? kKeyCount : static_cast<std::size_t>(key);
    if (key != Key::UNKNOWN) {
      if (f.seen & internal::Bit(key)) {
        return fmt::format("field `{}` appears twice", internal::Name(key));
      }
      f.seen |= internal::Bit(key);
    }
    if (!internal::ReadField(field.value(), key, r, f, attrs, reason)) return reason;
  }
  if (!doc.current_location().error()) return std::string(internal::kTrailingContent);
  for (Key key : kRequired) {
    if (!(f.seen & internal::Bit(key))) {
      return fmt::format("missing required field `{}`", internal::Name(key));
    }
  }
  if (r.HasTime() && r.end < r.start) {
    return fmt::format("field `end` ({}) is before `start` ({})", internal::FormatNumber(r.end),
                       internal::FormatNumber(r.start));
  }
  if (r.Has(HAS_SPAN) && f.extents.span[1] < f.extents.span[0]) {
    return fmt::format("field `span` ends ({}) before it begins ({})",
                       internal::FormatNumber(f.extents.span[1]),
                       internal::FormatNumber(f.extents.span[0]));
  }
  return {};
}

}  // namespace

namespace internal {

bool FastItemKey(std::string_view line, std::string_view& key, std::size_t& prefix) {
  const char* p = line.data();
  const char* end = p + line.size();
  auto skip_space = [&] {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
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
  key = std::string_view(start, size);
  prefix = static_cast<std::size_t>(p + 1 - line.data());
  return true;
}

}  // namespace internal

struct RecordParser::Impl {
  explicit Impl(const Bundle& b) : bundle(b), names(internal::SharedNameIndex(b)) {}
  const Bundle& bundle;
  internal::RecentNames names;
  od::parser parser;
  internal::Fields fields;
  KeyOrder next_key = [] {
    KeyOrder order;
    order.fill(Key::UNKNOWN);
    return order;
  }();
  std::vector<ParsedAttr> attrs;
  std::vector<AttributeId> seen;
  bool flat_first = true;  ///< try ParseFlat before simdjson
  bool last_flat = false;  ///< the last line accepted was read by ParseFlat
};

RecordParser::RecordParser(const Bundle& bundle) : impl_(std::make_unique<Impl>(bundle)) {}
RecordParser::~RecordParser() = default;

std::string RecordParser::Parse(std::string_view line, std::uint32_t file,
                                std::uint64_t line_number, Item& item) {
  // The record is built in place and taken back on an input error.
  Record& r = item.records.emplace_back();
  Impl& s = *impl_;
  s.last_flat = s.flat_first && internal::ParseFlat(line, r, s.fields, s.attrs, s.next_key);
  if (!s.last_flat) {
    r = Record{};  // whatever the flat reader left
    std::string reason = ParseInto(s.parser, line, r, s.fields, s.attrs, s.next_key);
    if (!reason.empty()) {
      item.records.pop_back();
      return reason;
    }
  }
  const Fields& f = s.fields;
  Arena& arena = item.arena;
  r.file = file;
  r.line = line_number;
  r.id = arena.Copy(f.id);
  r.annotator = arena.Copy(f.annotator);
  r.track = arena.Copy(f.track);
  if (r.flags & (HAS_SPAN | HAS_BOX | HAS_BOX3D | HAS_GEO)) StoreExtents(r, f.extents, arena);
  // Names the bundle knows are viewed there rather than copied.
  r.modality = s.names.Modality(f.modality);
  r.modality_name =
      r.modality == kNone ? arena.Copy(f.modality) : s.bundle.modalities[r.modality].name;
  r.concept_id = r.modality == kNone ? kNone : s.names.Concept(r.modality, f.label, r.label);
  if (r.concept_id == kNone) r.label = arena.Copy(f.label);
  internal::ResolveLast(s.bundle, s.attrs, item, s.seen);
  return {};
}

void internal::RecordParserAccess::Use(RecordParser& parser, RecordReader reader) {
  parser.impl_->flat_first = reader == RecordReader::FLAT_FIRST;
}

bool internal::RecordParserAccess::LastWasFlat(const RecordParser& parser) {
  return parser.impl_->last_flat;
}

std::string RecordParser::ItemKey(std::string_view line, std::string& key) {
  std::string_view fast;
  std::size_t prefix = 0;
  if (internal::FastItemKey(line, fast, prefix)) {
    key.assign(fast);
    return {};
  }
  Impl& s = *impl_;
  od::document doc;
  if (auto error = s.parser.iterate(Padded(line)).get(doc)) return JsonReason(error, line);
  od::object object;
  if (std::string reason = internal::OpenRootObject(doc, line, object); !reason.empty()) {
    return reason;
  }
  for (auto entry : object) {
    if (auto error = entry.error()) return JsonReason(error, line);
    od::field&& field = std::move(entry).value_unsafe();
    Key k;
    std::string reason;
    if (!KeyOf(field, Key::ITEM, k, reason)) return reason;
    if (k != Key::ITEM) continue;
    std::string_view text;
    bool present = false;
    if (!internal::ReadString(field.value(), k, false, text, present, reason)) return reason;
    key.assign(text);
    return {};
  }
  return "missing required field `item`";
}

}  // namespace accord::runtime
