#pragma once
// The flat reader: a record of the common shape read in one forward pass
// over its bytes, without simdjson's two passes (index, then walk). It takes
// only what it can read exactly as the simdjson reader would, and declines
// everything else (escapes in strings, objects or arrays inside `attrs` or
// unknown fields, and every kind of error), so that RecordParser reads that
// line again with simdjson: one reader decides what an input error says, the
// other only makes the common case fast. tests/unit/ingest_flat_test.cpp
// holds the two to the same results.

#include <string_view>
#include <vector>

#include "accord/runtime/record.h"
#include "field_readers.h"
#include "record_keys.h"
#include "resolve.h"

namespace accord::runtime::internal {

/// `next[k]`: the key that followed key k in the last record (`next[kKeyCount]`:
/// the first key); records mostly list their keys in one order.
using KeyOrder = std::array<Key, kKeyCount + 1>;

/// Reads `line` (followed by kJsonPadding readable bytes) into `r`, `f` and
/// `attrs` as ParseInto would, and returns true; or returns false, leaving
/// them in any state, when the line is not one it reads.
bool ParseFlat(std::string_view line, Record& r, Fields& f, std::vector<ParsedAttr>& attrs,
               KeyOrder& next);

}  // namespace accord::runtime::internal
