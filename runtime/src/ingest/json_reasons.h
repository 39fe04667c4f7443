#pragma once
// Input-error reasons for what simdjson reports, in the words users read:
// "invalid JSON: unclosed string", "field `start` must be a number, found a
// string". Only runtime/src/ingest/ includes simdjson.

#include <string>
#include <string_view>

#include <simdjson.h>

namespace accord::runtime::internal {

namespace od = simdjson::ondemand;

/// "a string", "a number", "a boolean", "null", "an object", "an array".
std::string_view Describe(od::json_type type);

/// The reason for simdjson error `code` while parsing `line`.
std::string JsonReason(simdjson::error_code code, std::string_view line);

/// The reason a scalar of `type` written as `token` could not be read
/// (a malformed number or literal, or a number out of range).
std::string BadScalar(od::json_type type, std::string_view token);

/// The reason for a malformed string value (bad escape).
std::string BadString();

/// The reason for content after a record's closing brace.
inline constexpr std::string_view kTrailingContent = "trailing content after the object";

/// Opens the root object of `doc`: the reason it is not one, or "".
std::string OpenRootObject(od::document& doc, std::string_view line, od::object& object);

/// Reads (and so validates) `value` and everything nested in it, up to
/// `depth_left` levels: the reason it is malformed, or "".
std::string Skim(od::value& value, int depth_left);

}  // namespace accord::runtime::internal
