#pragma once
// Human-readable text for expressions and plans (`accord plan`).

#include <string>

#include "accord/runtime/bundle.h"

namespace accord::runtime {

/// An expression in Accord syntax, e.g. `overlaps(v, a) and v.valence != a.valence`.
std::string ExprText(const Bundle& bundle, const Rule& rule, NodeId node);

/// The rule's evaluation plan, one line per scan, join step and quantifier.
std::string DescribePlan(const Bundle& bundle, const Rule& rule);

}  // namespace accord::runtime
