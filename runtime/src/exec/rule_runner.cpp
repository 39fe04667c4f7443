// Running one rule on one item, planned or by reference nested loops, and
// turning the binding tuples that fire into findings.

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "accord/runtime/internal/access_index.h"
#include "accord/runtime/internal/evaluator.h"
#include "accord/runtime/number.h"

namespace accord::runtime::internal {
namespace {

/// Firing tuples by the set of records they bind; each keeps the smallest
/// tuple in binding order, so the result does not depend on join order.
using Fired = std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>>;

class RuleRun {
 public:
  RuleRun(const Bundle& bundle, const Rule& rule, const ItemView& view, EvalMode mode)
      : rule_(rule), view_(view), ev_(bundle, rule, view, mode), tuple_(rule.binding_count) {}

  void Planned() {
    indexes_.resize(rule_.steps.size());
    for (std::size_t i = 0; i < rule_.steps.size(); ++i) {
      const Step& step = rule_.steps[i];
      indexes_[i].Build(ev_, step, ev_.Candidates(step.var, rule_.scans[step.var].filters));
      if (indexes_[i].Empty()) return;  // no tuple can be complete
    }
    Join(0);
  }

  void Reference() { Loop(0); }

  Fired& Result() { return fired_; }

 private:
  void Join(std::size_t depth) {
    if (depth == rule_.steps.size()) {
      Fire();
      return;
    }
    const Step& step = rule_.steps[depth];
    const std::vector<Record>& records = view_.item->records;
    const std::vector<std::uint32_t>& probed = indexes_[depth].Probe(ev_);
    for (std::size_t i = 0; i < probed.size(); ++i) {
      std::uint32_t index = probed[i];
      const Record* r = &records[index];
      if (ev_.IsBound(r)) continue;
      ev_.Bind(step.var, r);
      tuple_[step.var] = index;
      bool pass = std::all_of(step.residual.begin(), step.residual.end(),
                              [&](NodeId c) { return ev_.Test(c); });
      if (pass) Join(depth + 1);
      ev_.Bind(step.var, nullptr);
    }
  }

  void Loop(std::uint32_t var) {
    if (var == rule_.binding_count) {
      if (rule_.where == kNone || ev_.Test(rule_.where)) Fire();
      return;
    }
    const std::vector<Record>& records = view_.item->records;
    for (std::uint32_t index : ev_.Candidates(var, {})) {
      const Record* r = &records[index];
      if (ev_.IsBound(r)) continue;
      ev_.Bind(var, r);
      tuple_[var] = index;
      Loop(var + 1);
      ev_.Bind(var, nullptr);
    }
  }

  void Fire() {
    if (rule_.require != kNone && ev_.Test(rule_.require)) return;
    if (rule_.unless != kNone && ev_.Test(rule_.unless)) return;
    std::vector<std::uint32_t> key = tuple_;
    std::sort(key.begin(), key.end());
    auto [it, inserted] = fired_.emplace(std::move(key), tuple_);
    if (!inserted && tuple_ < it->second) it->second = tuple_;
  }

  const Rule& rule_;
  const ItemView& view_;
  Evaluator ev_;
  std::vector<AccessIndex> indexes_;
  std::vector<std::uint32_t> tuple_;
  Fired fired_;
};

/// Numbers in messages are for people: 4 decimals (0.3999999999999999 is 0.4,
/// an IoU of 0.9512195121951219 is 0.9512); very small values keep their digits.
double RoundForMessage(double v) {
  if (!std::isfinite(v) || std::fabs(v) < 1e-3 || std::fabs(v) >= 1e11) return v;
  return std::round(v * 1e4) / 1e4;
}

std::string Render(const Bundle& bundle, const Rule& rule, Evaluator& ev, NodeId node) {
  Value v = ev.Eval(node);
  const Node& n = rule.nodes[node];
  switch (v.kind) {
    case ValueKind::MISSING: return "<missing>";
    case ValueKind::BOOL: return v.boolean ? "true" : "false";
    case ValueKind::NUMBER: return FormatNumber(RoundForMessage(v.number));
    case ValueKind::STRING: return std::string(v.text);
    case ValueKind::CONCEPT: return bundle.concepts[v.id].name;
    case ValueKind::ENUM: {
      EnumId e = n.op == Op::ATTR ? bundle.attributes[n.id].enum_id : n.id;
      return bundle.enums[e].values[v.id];
    }
  }
  return {};
}

}  // namespace

void RunRule(const Bundle& bundle, std::uint32_t rule_index, const ItemView& view, EvalMode mode,
             std::vector<Finding>& out) {
  const Rule& rule = bundle.rules[rule_index];
  RuleRun run(bundle, rule, view, mode);
  if (mode == EvalMode::PLANNED) {
    run.Planned();
  } else {
    run.Reference();
  }
  if (run.Result().empty()) return;
  const Item& item = *view.item;
  Evaluator ev(bundle, rule, view, mode);
  for (const auto& [key, tuple] : run.Result()) {
    for (std::uint32_t v = 0; v < tuple.size(); ++v) ev.Bind(v, &item.records[tuple[v]]);
    Finding f;
    f.rule = rule.name;
    f.order = static_cast<std::uint32_t>(kBuiltinKindCount + rule_index);
    f.severity = rule.severity;
    f.item = std::string(item.key);
    f.item_sequence = item.sequence;
    for (const TemplatePiece& piece : rule.report) {
      f.message += piece.node == kNone ? piece.text : Render(bundle, rule, ev, piece.node);
    }
    f.guideline = rule.guideline;
    f.escalate = rule.escalate;
    for (std::uint32_t index : tuple) f.witnesses.push_back(MakeWitness(bundle, item.records[index]));
    f.fingerprint = Fingerprint(f.rule, f.item, f.witnesses);
    out.push_back(std::move(f));
    for (std::uint32_t v = 0; v < tuple.size(); ++v) ev.Bind(v, nullptr);
  }
}

}  // namespace accord::runtime::internal
