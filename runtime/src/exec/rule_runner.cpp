// Running one rule on one item, planned or by reference nested loops, and
// turning the binding tuples that fire into findings.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "accord/runtime/internal/access_index.h"
#include "accord/runtime/internal/evaluator.h"
#include "accord/runtime/internal/workspace.h"
#include "accord/runtime/number.h"

namespace accord::runtime::internal {
namespace {

/// Runs one rule over the workspace's item and collects the tuples that fire.
class RuleRun {
 public:
  RuleRun(const Rule& rule, Workspace& ws)
      : rule_(rule), ws_(ws), ev_(ws.ev), records_(ws.view.item->records) {
    ws.tuple.assign(rule.binding_count, 0);
    ws.fired.clear();
  }

  void Planned() {
    if (ws_.indexes.size() < rule_.steps.size()) ws_.indexes.resize(rule_.steps.size());
    for (std::size_t i = 0; i < rule_.steps.size(); ++i) {
      const Step& step = rule_.steps[i];
      ws_.indexes[i].Build(ev_, step, rule_.scans[step.var]);
      if (ws_.indexes[i].Empty()) return;  // no tuple can be complete
    }
    Join(0);
  }

  void Reference() { Loop(0); }

  /// How many tuples fired (with repeats of one record set).
  std::size_t Firings() const { return firings_; }

 private:
  void Join(std::size_t depth) {
    if (depth == rule_.steps.size()) {
      Fire();
      return;
    }
    const Step& step = rule_.steps[depth];
    const std::vector<std::uint32_t>& probed = ws_.indexes[depth].Probe(ev_);
    for (std::size_t i = 0; i < probed.size(); ++i) {
      std::uint32_t index = probed[i];
      const Record* r = &records_[index];
      if (ev_.IsBound(r)) continue;
      ev_.Bind(step.var, r);
      ws_.tuple[step.var] = index;
      bool pass = true;
      for (NodeId c : step.residual) {
        if (!ev_.Test(c)) {
          pass = false;
          break;
        }
      }
      if (pass) Join(depth + 1);
      ev_.Bind(step.var, nullptr);
    }
  }

  void Loop(std::uint32_t var) {
    if (var == rule_.binding_count) {
      if (rule_.where == kNone || ev_.Test(rule_.where)) Fire();
      return;
    }
    std::vector<std::uint32_t> candidates;  // the reference mode is for tests
    ev_.Candidates(var, {}, candidates);
    for (std::uint32_t index : candidates) {
      const Record* r = &records_[index];
      if (ev_.IsBound(r)) continue;
      ev_.Bind(var, r);
      ws_.tuple[var] = index;
      Loop(var + 1);
      ev_.Bind(var, nullptr);
    }
  }

  /// Keeps a firing tuple as its sorted record set followed by the tuple.
  void Fire() {
    if (rule_.require != kNone && ev_.Test(rule_.require)) return;
    if (rule_.unless != kNone && ev_.Test(rule_.unless)) return;
    std::vector<std::uint32_t>& fired = ws_.fired;
    const std::size_t base = fired.size();
    fired.insert(fired.end(), ws_.tuple.begin(), ws_.tuple.end());
    std::sort(fired.begin() + static_cast<std::ptrdiff_t>(base), fired.end());
    fired.insert(fired.end(), ws_.tuple.begin(), ws_.tuple.end());
    ++firings_;
  }

  const Rule& rule_;
  Workspace& ws_;
  Evaluator& ev_;
  const std::vector<Record>& records_;
  std::size_t firings_ = 0;
};

/// Orders ws.firings so that its first entries (how many is returned) are
/// one firing per record set, in record-set order, each with the set's
/// smallest tuple in binding order.
std::size_t Deduplicate(Workspace& ws, std::size_t firings, std::size_t width) {
  const std::size_t stride = 2 * width;
  ws.firings.resize(firings);
  for (std::size_t f = 0; f < firings; ++f) ws.firings[f] = static_cast<std::uint32_t>(f);
  if (firings == 1) return 1;
  const std::uint32_t* fired = ws.fired.data();
  // By record set, then tuple: the first of each set has its smallest tuple.
  std::sort(ws.firings.begin(), ws.firings.end(), [&](std::uint32_t a, std::uint32_t b) {
    const std::uint32_t* x = fired + a * stride;
    const std::uint32_t* y = fired + b * stride;
    return std::lexicographical_compare(x, x + stride, y, y + stride);
  });
  auto last = std::unique(ws.firings.begin(), ws.firings.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::equal(fired + a * stride, fired + a * stride + width, fired + b * stride);
  });
  return static_cast<std::size_t>(last - ws.firings.begin());
}

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

void RunRule(const Bundle& bundle, std::uint32_t rule_index, Workspace& ws, EvalMode mode,
             std::vector<Finding>& out) {
  const Rule& rule = bundle.rules[rule_index];
  ws.ev.Reset(bundle, rule, ws.view, mode);
  RuleRun run(rule, ws);
  if (mode == EvalMode::PLANNED) {
    run.Planned();
  } else {
    run.Reference();
  }
  if (run.Firings() == 0) return;
  const std::size_t width = rule.binding_count;
  const std::size_t kept = Deduplicate(ws, run.Firings(), width);
  const Item& item = *ws.view.item;
  Evaluator& ev = ws.ev;  // nothing is bound after the run
  for (std::size_t k = 0; k < kept; ++k) {
    const std::uint32_t* tuple = ws.fired.data() + std::size_t{ws.firings[k]} * 2 * width + width;
    for (std::uint32_t v = 0; v < width; ++v) ev.Bind(v, &item.records[tuple[v]]);
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
    f.witnesses.reserve(width);
    for (std::uint32_t v = 0; v < width; ++v) {
      f.witnesses.push_back(MakeWitness(bundle, item.records[tuple[v]]));
    }
    f.fingerprint = Fingerprint(f.rule, f.item, f.witnesses);
    out.push_back(std::move(f));
    for (std::uint32_t v = 0; v < width; ++v) ev.Bind(v, nullptr);
  }
}

}  // namespace accord::runtime::internal
