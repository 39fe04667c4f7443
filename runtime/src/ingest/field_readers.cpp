#include "field_readers.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "json_number.h"
#include "swar.h"
#include "text.h"

namespace accord::runtime::internal {
namespace {

bool Fail(std::string& reason, std::string text) {
  reason = std::move(text);
  return false;
}

std::string Mismatch(Key key, std::string_view expected, std::string_view found) {
  return fmt::format("field `{}` must be {}, found {}", Name(key), expected, found);
}

/// `v` is not of the expected kind: `null` for an optional field is absent
/// (read), anything else a mismatch or malformed JSON.
bool Unexpected(od::value& v, Key key, bool optional, std::string_view expected,
                std::string& reason) {
  od::json_type type;
  if (auto error = v.type().get(type)) return Fail(reason, JsonReason(error, {}));
  if (type == od::json_type::null && optional) {
    bool is_null = false;
    if (v.is_null().get(is_null) || !is_null)
      return Fail(reason, BadScalar(type, v.raw_json_token()));
    return true;
  }
  return Fail(reason, Mismatch(key, expected, Describe(type)));
}

std::string Shape(std::size_t n, bool integers) {
  return fmt::format("an array of {} {}", n, integers ? "integers" : "numbers");
}

/// A string value without escapes, viewed where it is written (simdjson's
/// first pass has checked it is valid UTF-8 without control characters, so
/// it needs no unescaping) and consumed. False, with `v` untouched, for
/// anything else.
inline bool PlainString(od::value& v, std::string_view& out) {
  const std::string_view token = v.raw_json_token();  // up to the next structural character
  if (token.empty() || token[0] != '"') return false;
  // The token is followed by padding: whole words may be read.
  const char* begin = token.data() + 1;
  bool high = false;  // simdjson has checked the UTF-8
  const char* close = PlainStringEnd(begin, token.data() + token.size(), high);
  if (!close) return false;
  out = std::string_view(begin, static_cast<std::size_t>(close - begin));
  od::raw_json_string raw;
  return v.get_raw_json_string().get(raw) == simdjson::SUCCESS;  // consumes it
}

/// simdjson's get_double (which also checks the number), with the value as
/// ScanJsonNumber reads it (see json_number.h: simdjson 3.0.1 misreads some
/// long numbers). Where ScanJsonNumber declines (underflow), simdjson's.
bool GetDouble(od::value& v, double& out) {
  const std::string_view token = TrimJsonSpace(v.raw_json_token());
  if (v.get_double().get(out) != simdjson::SUCCESS) return false;
  const char* p = token.data();
  bool integral = false;
  double value = 0;
  if (ScanJsonNumber(p, token.data() + token.size(), value, integral) == JsonNumber::OK) {
    out = value;
  }
  return true;
}

}  // namespace

bool ReadString(od::value& v, Key key, bool optional, std::string_view& out, bool& present,
                std::string& reason) {
  if (PlainString(v, out)) {
    present = true;
    return true;
  }
  switch (v.get_string().get(out)) {
    case simdjson::SUCCESS:
      present = true;
      return true;
    case simdjson::INCORRECT_TYPE:
      return Unexpected(v, key, optional, "a string", reason);
    default:
      return Fail(reason, BadString());
  }
}

bool ReadStringOrInteger(od::value& v, Key key, bool optional, std::string_view& out, bool& present,
                         std::string& reason) {
  constexpr std::string_view kExpected = "a string or an integer";
  if (PlainString(v, out)) {
    present = true;
    return true;
  }
  switch (v.get_string().get(out)) {
    case simdjson::SUCCESS:
      present = true;
      return true;
    case simdjson::INCORRECT_TYPE:
      break;
    default:
      return Fail(reason, BadString());
  }
  od::json_type type;
  if (auto error = v.type().get(type)) return Fail(reason, JsonReason(error, {}));
  if (type != od::json_type::number) return Unexpected(v, key, optional, kExpected, reason);
  const std::string_view token = TrimJsonSpace(v.raw_json_token());
  if (IsJsonInteger(token)) {
    out = token;
    present = true;
    return true;
  }
  if (IsJsonNumber(token)) return Fail(reason, Mismatch(key, kExpected, "a non-integer number"));
  return Fail(reason, BadScalar(type, token));
}

bool ReadNumber(od::value& v, Key key, double& out, bool& present, std::string& reason) {
  if (GetDouble(v, out)) {
    present = true;
    return true;
  }
  od::json_type type;
  if (auto error = v.type().get(type)) return Fail(reason, JsonReason(error, {}));
  if (type == od::json_type::number) return Fail(reason, BadScalar(type, v.raw_json_token()));
  return Unexpected(v, key, true, "a number", reason);
}

bool ReadArray(od::value& v, Key key, std::size_t n, bool integers, double* out, bool& present,
               std::string& reason) {
  od::array array;
  if (auto error = v.get_array().get(array)) {
    if (error == simdjson::INCORRECT_TYPE) {
      return Unexpected(v, key, true, Shape(n, integers), reason);
    }
    return Fail(reason, JsonReason(error, {}));
  }
  std::size_t count = 0;
  for (auto entry : array) {
    if (auto error = entry.error()) return Fail(reason, JsonReason(error, {}));
    // The rvalue overload returns a reference: the element is not copied.
    od::value&& element = std::move(entry).value_unsafe();  // NOLINT(performance-move-const-arg)
    double number;
    if (!GetDouble(element, number)) {
      od::json_type type;
      if (auto error = element.type().get(type)) return Fail(reason, JsonReason(error, {}));
      if (type == od::json_type::number) {
        return Fail(reason, BadScalar(type, element.raw_json_token()));
      }
      return Fail(reason, Mismatch(key, Shape(n, integers),
                                   fmt::format("{} at index {}", Describe(type), count)));
    }
    if (integers && std::trunc(number) != number) {
      return Fail(reason, Mismatch(key, Shape(n, integers),
                                   fmt::format("a non-integer number at index {}", count)));
    }
    if (count < n) out[count] = number;
    ++count;
  }
  if (count != n) return Fail(reason, Mismatch(key, Shape(n, integers), CountOf(count, "element")));
  present = true;
  return true;
}

bool ReadSource(od::value& v, Record& record, std::string& reason) {
  constexpr std::string_view kExpected = "\"human\" or \"model\"";
  std::string_view text;
  bool present = PlainString(v, text);
  switch (present ? simdjson::SUCCESS : v.get_string().get(text)) {
    case simdjson::SUCCESS:
      present = true;
      break;
    case simdjson::INCORRECT_TYPE:
      return Unexpected(v, Key::SOURCE, true, kExpected, reason);
    default:
      return Fail(reason, BadString());
  }
  if (text == "model") {
    record.flags |= FROM_MODEL;
  } else if (present && text != "human") {
    return Fail(reason, Mismatch(Key::SOURCE, kExpected, Quote(text)));
  }
  return true;
}

bool ReadAttrs(od::value& v, std::vector<ParsedAttr>& attrs, std::string& reason) {
  od::object object;
  if (auto error = v.get_object().get(object)) {
    if (error == simdjson::INCORRECT_TYPE) {
      return Unexpected(v, Key::ATTRS, true, "an object", reason);
    }
    return Fail(reason, JsonReason(error, {}));
  }
  for (auto entry : object) {
    if (auto error = entry.error()) return Fail(reason, JsonReason(error, {}));
    od::field&& field = std::move(entry).value_unsafe();
    ParsedAttr attr;
    if (field.unescaped_key().get(attr.name)) return Fail(reason, BadString());
    od::value& value = field.value();
    od::json_type type;
    if (auto error = value.type().get(type)) return Fail(reason, JsonReason(error, {}));
    switch (type) {
      case od::json_type::null: {
        bool is_null = false;
        if (value.is_null().get(is_null) || !is_null) {
          return Fail(reason, BadScalar(type, value.raw_json_token()));
        }
        continue;  // absent
      }
      case od::json_type::string:
        attr.kind = AttrKind::STRING;
        if (value.get_string().get(attr.text)) return Fail(reason, BadString());
        break;
      case od::json_type::number:
        attr.kind = AttrKind::NUMBER;
        if (!GetDouble(value, attr.number)) {
          return Fail(reason, BadScalar(type, value.raw_json_token()));
        }
        break;
      case od::json_type::boolean:
        attr.kind = AttrKind::BOOL;
        if (value.get_bool().get(attr.boolean)) {
          return Fail(reason, BadScalar(type, value.raw_json_token()));
        }
        break;
      case od::json_type::object:
      case od::json_type::array:
        attr.kind = type == od::json_type::object ? AttrKind::OBJECT : AttrKind::ARRAY;
        if (std::string problem = Skim(value, kMaxDepth); !problem.empty()) {
          return Fail(reason, std::move(problem));
        }
        break;
    }
    attrs.push_back(attr);
  }
  return true;
}

bool ReadField(od::value& v, Key key, Record& r, Fields& f, std::vector<ParsedAttr>& attrs,
               std::string& reason) {
  bool present = false;
  bool ok = true;
  std::uint16_t flag = 0;
  switch (key) {
    case Key::ITEM: {
      std::string_view item;
      return ReadString(v, key, false, item, present, reason);
    }
    case Key::ID:
      return ReadStringOrInteger(v, key, false, f.id, present, reason);
    case Key::MODALITY:
      return ReadString(v, key, false, f.modality, present, reason);
    case Key::LABEL:
      return ReadString(v, key, false, f.label, present, reason);
    case Key::START:
      ok = ReadNumber(v, key, r.start, present, reason);
      flag = HAS_START;
      break;
    case Key::END:
      ok = ReadNumber(v, key, r.end, present, reason);
      flag = HAS_END;
      break;
    case Key::CONFIDENCE:
      ok = ReadNumber(v, key, r.confidence, present, reason);
      flag = HAS_CONFIDENCE;
      if (present && !(r.confidence >= 0 && r.confidence <= 1)) {
        return Fail(reason, fmt::format("field `confidence` is {}, outside 0..1",
                                        FormatNumber(r.confidence)));
      }
      break;
    case Key::SPAN:
      ok = ReadArray(v, key, 2, true, f.extents.span.data(), present, reason);
      flag = HAS_SPAN;
      break;
    case Key::BOX:
      ok = ReadArray(v, key, 4, false, f.extents.box.data(), present, reason);
      flag = HAS_BOX;
      break;
    case Key::BOX3D:
      ok = ReadArray(v, key, 7, false, f.extents.box3d.data(), present, reason);
      flag = HAS_BOX3D;
      break;
    case Key::GEO:
      ok = ReadArray(v, key, 2, false, f.extents.geo.data(), present, reason);
      flag = HAS_GEO;
      break;
    case Key::TRACK:
      ok = ReadStringOrInteger(v, key, true, f.track, present, reason);
      flag = HAS_TRACK;
      break;
    case Key::ANNOTATOR:
      ok = ReadString(v, key, true, f.annotator, present, reason);
      flag = HAS_ANNOTATOR;
      break;
    case Key::SOURCE:
      return ReadSource(v, r, reason);
    case Key::ATTRS:
      return ReadAttrs(v, attrs, reason);
    case Key::UNKNOWN: {
      std::string problem = Skim(v, kMaxDepth);
      return problem.empty() || Fail(reason, std::move(problem));
    }
  }
  if (present) r.flags |= flag;
  return ok;
}

}  // namespace accord::runtime::internal
