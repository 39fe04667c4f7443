#include "accord/runtime/evaluate.h"

#include <algorithm>

#include "accord/runtime/internal/evaluator.h"

namespace accord::runtime {

void EvaluateItem(const Bundle& bundle, const Item& item, EvalMode mode,
                  std::vector<Finding>& out) {
  internal::ItemView view = internal::MakeItemView(bundle, item);
  std::size_t first = out.size();
  internal::RunBuiltins(bundle, view, out);
  for (std::uint32_t r = 0; r < bundle.rules.size(); ++r) internal::RunRule(bundle, r, view, mode, out);
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), FindingLess);
}

void EvaluateRule(const Bundle& bundle, const Item& item, std::uint32_t rule, EvalMode mode,
                  std::vector<Finding>& out) {
  internal::ItemView view = internal::MakeItemView(bundle, item);
  internal::RunRule(bundle, rule, view, mode, out);
}

}  // namespace accord::runtime
