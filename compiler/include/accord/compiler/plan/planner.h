#pragma once
// Chooses how each rule is evaluated (see lower.h). Works on a rule whose
// expression pool is already lowered.

#include <vector>

#include "accord/runtime/bundle.h"

namespace accord::plan {

/// Fills rule.scans, rule.steps and rule.subplans from rule.where and the
/// quantifier nodes. `quantifier_where[s]` is the `where` node of subplan s
/// (kNone for none).
void PlanRule(runtime::Rule& rule, const std::vector<runtime::NodeId>& quantifier_where);

}  // namespace accord::plan
