#pragma once
// The catalogue of diagnostic codes. Codes are stable: a code, once
// published, keeps its meaning. `accord explain CODE` prints the explanation.

#include <span>
#include <string_view>

namespace accord {

struct CodeInfo {
  std::string_view code;         ///< "E0201"
  std::string_view title;        ///< one line
  std::string_view explanation;  ///< the long form, with an example and the fix
};

/// Every code, in code order.
std::span<const CodeInfo> AllCodes();

/// The entry for `code` (case-insensitive), or null.
const CodeInfo* FindCode(std::string_view code);

}  // namespace accord
