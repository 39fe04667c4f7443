#include "json_reasons.h"

#include <fmt/format.h>

#include "text.h"

namespace accord::runtime::internal {
namespace {

constexpr std::size_t kMaxTokenShown = 40;

/// The end of the first complete top-level object or array of `line`, or
/// npos when the line ends inside it (strings and escapes respected).
std::size_t EndOfFirstValue(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string ShownToken(std::string_view token) {
  token = TrimJsonSpace(token);
  if (token.size() <= kMaxTokenShown) return Code(token);
  std::size_t cut = kMaxTokenShown;
  while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return Code(std::string(token.substr(0, cut)) + "…");
}

}  // namespace

std::string_view Describe(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

std::string JsonReason(simdjson::error_code code, std::string_view line) {
  switch (code) {
    case simdjson::TAPE_ERROR:
      return "invalid JSON: improper structure (missing or superfluous commas, colons, braces or "
             "brackets)";
    case simdjson::DEPTH_ERROR:
      return "invalid JSON: too many nested objects and arrays";
    case simdjson::STRING_ERROR:
      return BadString();
    case simdjson::T_ATOM_ERROR:
      return "invalid JSON: malformed literal (expected `true`)";
    case simdjson::F_ATOM_ERROR:
      return "invalid JSON: malformed literal (expected `false`)";
    case simdjson::N_ATOM_ERROR:
      return "invalid JSON: malformed literal (expected `null`)";
    case simdjson::NUMBER_ERROR:
      return "invalid JSON: malformed number";
    case simdjson::UTF8_ERROR:
      return "invalid JSON: not valid UTF-8";
    case simdjson::EMPTY:
      return "invalid JSON: the line is empty";
    case simdjson::UNESCAPED_CHARS:
      return "invalid JSON: unescaped control character in a string";
    case simdjson::UNCLOSED_STRING:
      return "invalid JSON: unclosed string";
    case simdjson::INCORRECT_TYPE:
      return "invalid JSON: malformed value";
    case simdjson::CAPACITY:
      return "invalid JSON: the line is too large to parse";
    case simdjson::TRAILING_CONTENT:
      return std::string(kTrailingContent);
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: {
      // simdjson reports both `{"a":1` and `{"a":1} x` this way.
      const std::size_t end = EndOfFirstValue(line);
      if (end != std::string_view::npos && !IsBlank(line.substr(end)))
        return std::string(kTrailingContent);
      return "invalid JSON: the line ends inside an object or array";
    }
    default:
      break;
  }
  // Anything else, in simdjson's words: lower-case first letter, no final period.
  std::string text = simdjson::error_message(code);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return "invalid JSON: " + text;
}

std::string BadScalar(od::json_type type, std::string_view token) {
  token = TrimJsonSpace(token);
  if (type == od::json_type::number) {
    if (IsJsonNumber(token)) return fmt::format("number {} is out of range", ShownToken(token));
    return fmt::format("invalid JSON: malformed number {}", ShownToken(token));
  }
  return fmt::format("invalid JSON: malformed literal {}", ShownToken(token));
}

std::string BadString() { return "invalid JSON: bad escape sequence in a string"; }

std::string OpenRootObject(od::document& doc, std::string_view line, od::object& object) {
  od::json_type type;
  if (auto error = doc.type().get(type)) return JsonReason(error, line);
  if (type != od::json_type::object) {
    // On-Demand types a root by its first character: `not json` looks like
    // null. Only a well-formed scalar is "a JSON value that is not an object".
    std::string_view token = TrimJsonSpace(line);
    bool literal_ok = type != od::json_type::null || token == "null";
    if (type == od::json_type::boolean) literal_ok = token == "true" || token == "false";
    if (!literal_ok) return BadScalar(type, token);
    return fmt::format("a record must be a JSON object, found {}", Describe(type));
  }
  if (auto error = doc.get_object().get(object)) return JsonReason(error, line);
  return {};
}

std::string Skim(od::value& value, int depth_left) {
  od::json_type type;
  if (auto error = value.type().get(type)) return JsonReason(error, {});
  switch (type) {
    case od::json_type::object: {
      if (depth_left <= 0) return JsonReason(simdjson::DEPTH_ERROR, {});
      od::object object;
      if (auto error = value.get_object().get(object)) return JsonReason(error, {});
      for (auto entry : object) {
        if (auto error = entry.error()) return JsonReason(error, {});
        od::field&& field = std::move(entry).value_unsafe();
        std::string_view key;
        if (field.unescaped_key().get(key)) return BadString();
        if (std::string reason = Skim(field.value(), depth_left - 1); !reason.empty()) {
          return reason;
        }
      }
      return {};
    }
    case od::json_type::array: {
      if (depth_left <= 0) return JsonReason(simdjson::DEPTH_ERROR, {});
      od::array array;
      if (auto error = value.get_array().get(array)) return JsonReason(error, {});
      for (auto entry : array) {
        if (auto error = entry.error()) return JsonReason(error, {});
        od::value&& element =
            std::move(entry).value_unsafe();  // NOLINT(performance-move-const-arg)
        if (std::string reason = Skim(element, depth_left - 1); !reason.empty()) return reason;
      }
      return {};
    }
    case od::json_type::string: {
      std::string_view text;
      if (value.get_string().get(text)) return BadString();
      return {};
    }
    case od::json_type::number: {
      double number;
      if (value.get_double().get(number)) return BadScalar(type, value.raw_json_token());
      return {};
    }
    case od::json_type::boolean: {
      bool b;
      if (value.get_bool().get(b)) return BadScalar(type, value.raw_json_token());
      return {};
    }
    case od::json_type::null: {
      bool is_null = false;
      if (value.is_null().get(is_null) || !is_null) return BadScalar(type, value.raw_json_token());
      return {};
    }
  }
  return {};
}

}  // namespace accord::runtime::internal
