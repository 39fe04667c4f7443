#pragma once
// Evaluating a bundle's rules and built-in checks on one item.

#include <memory>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/finding.h"
#include "accord/runtime/record.h"

namespace accord::runtime {

namespace internal {
struct Workspace;
}

enum class EvalMode {
  PLANNED,    ///< the compiled plans: pushed filters, hash joins, interval probes
  REFERENCE,  ///< nested loops straight from the semantics (for differential tests)
};

/// Scratch memory for evaluation, reused from item to item so that steady
/// state allocates nothing but the findings. It holds no result and no
/// reference to a bundle or an item between calls: any workspace serves any
/// bundle and item, and gives the same findings as a fresh one. One per
/// thread (it is not safe to share while in use); it keeps the capacity its
/// largest item needed. A moved-from workspace may only be destroyed or
/// assigned to.
class EvalWorkspace {
 public:
  EvalWorkspace();
  ~EvalWorkspace();
  EvalWorkspace(EvalWorkspace&&) noexcept;
  EvalWorkspace& operator=(EvalWorkspace&&) noexcept;

  /// The executor's scratch memory (internal/workspace.h).
  internal::Workspace& Impl() { return *impl_; }

 private:
  std::unique_ptr<internal::Workspace> impl_;
};

/// Appends every finding on `item`: built-in findings first, then each rule's,
/// deduplicated by the set of records bound, sorted by FindingLess.
void EvaluateItem(const Bundle& bundle, const Item& item, EvalMode mode, EvalWorkspace& workspace,
                  std::vector<Finding>& out);
/// As above, with a workspace of its own (allocates per call).
void EvaluateItem(const Bundle& bundle, const Item& item, EvalMode mode,
                  std::vector<Finding>& out);

/// Only the findings of rule `rule` (no built-ins), for tests.
void EvaluateRule(const Bundle& bundle, const Item& item, std::uint32_t rule, EvalMode mode,
                  EvalWorkspace& workspace, std::vector<Finding>& out);
void EvaluateRule(const Bundle& bundle, const Item& item, std::uint32_t rule, EvalMode mode,
                  std::vector<Finding>& out);

}  // namespace accord::runtime
