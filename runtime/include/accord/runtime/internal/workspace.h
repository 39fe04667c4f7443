#pragma once
// The scratch memory behind EvalWorkspace: everything evaluating one item
// needs, cleared (never freed) between items and rules.

#include <cstdint>
#include <vector>

#include "accord/runtime/internal/access_index.h"
#include "accord/runtime/internal/evaluator.h"

namespace accord::runtime::internal {

struct Workspace {
  ItemView view;
  /// The rule running now; rules run one after another and share it.
  Evaluator ev;
  std::vector<AccessIndex> indexes;  ///< one per join step (grown, never shrunk)
  std::vector<std::uint32_t> tuple;  ///< record index per rule binding
  /// Firing tuples, flat: per firing, the sorted record set, then the tuple.
  std::vector<std::uint32_t> fired;
  std::vector<std::uint32_t> firings;  ///< firing numbers, sorted for deduplication
};

}  // namespace accord::runtime::internal
