#pragma once
// Evaluating a bundle's rules and built-in checks on one item.

#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/finding.h"
#include "accord/runtime/record.h"

namespace accord::runtime {

enum class EvalMode {
  PLANNED,    ///< the compiled plans: pushed filters, hash joins, interval probes
  REFERENCE,  ///< nested loops straight from the semantics (for differential tests)
};

/// Appends every finding on `item`: built-in findings first, then each rule's,
/// deduplicated by the set of records bound, sorted by FindingLess.
void EvaluateItem(const Bundle& bundle, const Item& item, EvalMode mode,
                  std::vector<Finding>& out);

/// Only the findings of rule `rule` (no built-ins), for tests.
void EvaluateRule(const Bundle& bundle, const Item& item, std::uint32_t rule, EvalMode mode,
                  std::vector<Finding>& out);

}  // namespace accord::runtime
