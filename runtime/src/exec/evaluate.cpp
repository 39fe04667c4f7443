#include "accord/runtime/evaluate.h"

#include <algorithm>

#include "accord/runtime/internal/workspace.h"

namespace accord::runtime {

EvalWorkspace::EvalWorkspace() : impl_(std::make_unique<internal::Workspace>()) {}
EvalWorkspace::~EvalWorkspace() = default;
EvalWorkspace::EvalWorkspace(EvalWorkspace&&) noexcept = default;
EvalWorkspace& EvalWorkspace::operator=(EvalWorkspace&&) noexcept = default;

void EvaluateItem(const Bundle& bundle, const Item& item, EvalMode mode, EvalWorkspace& workspace,
                  std::vector<Finding>& out) {
  internal::Workspace& ws = workspace.Impl();
  internal::BuildItemView(bundle, item, ws.view);
  const auto first = static_cast<std::ptrdiff_t>(out.size());
  internal::RunBuiltins(bundle, ws.view, out);
  for (std::uint32_t r = 0; r < bundle.rules.size(); ++r) internal::RunRule(bundle, r, ws, mode, out);
  if (!std::is_sorted(out.begin() + first, out.end(), FindingLess)) {
    std::stable_sort(out.begin() + first, out.end(), FindingLess);
  }
}

void EvaluateItem(const Bundle& bundle, const Item& item, EvalMode mode,
                  std::vector<Finding>& out) {
  EvalWorkspace workspace;
  EvaluateItem(bundle, item, mode, workspace, out);
}

void EvaluateRule(const Bundle& bundle, const Item& item, std::uint32_t rule, EvalMode mode,
                  EvalWorkspace& workspace, std::vector<Finding>& out) {
  internal::Workspace& ws = workspace.Impl();
  internal::BuildItemView(bundle, item, ws.view);
  internal::RunRule(bundle, rule, ws, mode, out);
}

void EvaluateRule(const Bundle& bundle, const Item& item, std::uint32_t rule, EvalMode mode,
                  std::vector<Finding>& out) {
  EvalWorkspace workspace;
  EvaluateRule(bundle, item, rule, mode, workspace, out);
}

}  // namespace accord::runtime
