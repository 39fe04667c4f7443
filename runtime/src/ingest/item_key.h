#pragma once
// The item key of a line in its common shape, without simdjson.

#include <cstddef>
#include <string_view>

namespace accord::runtime::internal {

/// The key of a line that starts `{"item":"key"` (JSON whitespace allowed
/// between the tokens) with a plain key: no escape, no control character,
/// valid UTF-8. `prefix` is then the length of the line up to and including
/// the key's closing quote: a line that starts with the same bytes has the
/// same key. False for any other line (read it with simdjson).
bool FastItemKey(std::string_view line, std::string_view& key, std::size_t& prefix);

}  // namespace accord::runtime::internal
