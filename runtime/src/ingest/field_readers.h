#pragma once
// Readers for the values of a record's known fields. Each returns true when
// the value was read (an optional `null` counts as read and leaves `present`
// false), or false with the input-error reason in `reason`.

#include <string>
#include <string_view>
#include <vector>

#include "accord/runtime/record.h"
#include "json_reasons.h"
#include "record_keys.h"
#include "resolve.h"

namespace accord::runtime::internal {

/// Nesting allowed inside unknown fields and attribute values.
inline constexpr int kMaxDepth = 256;

/// The strings of a record as read from the line (views into the parser's
/// buffers or the line), before they are copied or resolved.
struct Fields {
  std::string_view id;
  std::string_view modality;
  std::string_view label;
  std::string_view annotator;
  std::string_view track;
  Extents extents;  ///< those the record's flags name
  std::uint32_t seen = 0;  ///< Key bits
};

/// A string; `optional`: `null` is absent.
bool ReadString(od::value& v, Key key, bool optional, std::string_view& out, bool& present,
                std::string& reason);

/// `id` or `track`: a string, or an integer kept as its decimal text.
bool ReadStringOrInteger(od::value& v, Key key, bool optional, std::string_view& out, bool& present,
                         std::string& reason);

/// An optional number.
bool ReadNumber(od::value& v, Key key, double& out, bool& present, std::string& reason);

/// An optional array of exactly `n` numbers (integers with `integers`).
bool ReadArray(od::value& v, Key key, std::size_t n, bool integers, double* out, bool& present,
               std::string& reason);

/// `source`: "human" or "model" (sets FROM_MODEL).
bool ReadSource(od::value& v, Record& record, std::string& reason);

/// `attrs`: an object; its entries (not `null` ones) are appended to `attrs`.
bool ReadAttrs(od::value& v, std::vector<ParsedAttr>& attrs, std::string& reason);

/// The value of field `key` into `r`, `f` or `attrs`; sets the presence flag.
bool ReadField(od::value& v, Key key, Record& r, Fields& f, std::vector<ParsedAttr>& attrs,
               std::string& reason);

}  // namespace accord::runtime::internal
