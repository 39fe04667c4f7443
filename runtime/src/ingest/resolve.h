#pragma once
// Resolution of one parsed record against the bundle: modality and label
// to ids, required extents, attributes type-checked and range-checked.
// Problems become record issues (built-in findings), never input errors.

#include <cstdint>
#include <string_view>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/record.h"

namespace accord::runtime::internal {

/// The JSON kind of a value given in `attrs`.
enum class AttrKind : std::uint8_t { STRING, NUMBER, BOOL, OBJECT, ARRAY };

/// One `attrs` entry as read from the line; views live until the next parse.
struct ParsedAttr {
  std::string_view name;
  AttrKind kind = AttrKind::STRING;
  bool boolean = false;
  double number = 0;
  std::string_view text;
};

/// Checks the last record of `item` (modality and concept_id already looked
/// up, kNone when unknown; flags and extents filled):
/// appends the good attributes to item.attrs (strings copied into
/// item.arena) and every problem to item.issues. `seen` is scratch space.
void ResolveLast(const Bundle& bundle, const std::vector<ParsedAttr>& attrs, Item& item,
                 std::vector<AttributeId>& seen);

}  // namespace accord::runtime::internal
