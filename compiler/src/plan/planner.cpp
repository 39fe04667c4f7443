// The planner. For each rule (and each quantifier) it splits the `where`
// into conjuncts, pushes single-variable conjuncts into the variable's scan,
// and binds the remaining variables one at a time, each through the best
// access path its conjuncts allow: a hash join on equality keys, else an
// interval-index probe for a temporal predicate, else a scan. Conjuncts not
// consumed by the access path are checked as soon as their variables are
// bound.

#include "accord/compiler/plan/planner.h"

#include <algorithm>
#include <cstdint>

namespace accord::plan {
namespace {

using runtime::Access;
using runtime::Builtin;
using runtime::Node;
using runtime::NodeId;
using runtime::Op;
using runtime::Rule;
using runtime::Step;
using VarSet = std::vector<bool>;

class Planner {
 public:
  Planner(Rule& rule, const std::vector<NodeId>& quantifier_where)
      : rule_(rule), quantifier_where_(quantifier_where) {}

  void Run() {
    const std::size_t vars = rule_.vars.size();
    std::vector<NodeId> conjuncts;
    Conjuncts(rule_.where, conjuncts);

    // Scans: the conjuncts that mention one binding only.
    rule_.scans.assign(rule_.binding_count, {});
    std::vector<bool> used(conjuncts.size(), false);
    for (std::uint32_t v = 0; v < rule_.binding_count; ++v) {
      rule_.scans[v].var = v;
      for (std::size_t i = 0; i < conjuncts.size(); ++i) {
        if (!used[i] && OnlyVar(conjuncts[i], v)) {
          rule_.scans[v].filters.push_back(conjuncts[i]);
          used[i] = true;
        }
      }
    }

    // Join order: the first binding, then greedily the binding with the best
    // access path from those already bound (hash, then interval, then scan).
    VarSet bound(vars, false);
    std::vector<bool> placed(rule_.binding_count, false);
    for (std::uint32_t n = 0; n < rule_.binding_count; ++n) {
      std::uint32_t best = 0;
      int best_rank = -1;
      Step best_step;
      for (std::uint32_t v = 0; v < rule_.binding_count; ++v) {
        if (placed[v]) continue;
        Step step = ChooseAccess(v, bound, conjuncts, used, n == 0);
        int rank = step.access == Access::HASH ? 2 : step.access == Access::INTERVAL ? 1 : 0;
        if (rank > best_rank) {
          best = v;
          best_rank = rank;
          best_step = std::move(step);
        }
        if (n == 0) break;  // the first binding leads
      }
      ConsumeAccess(best_step, conjuncts, used);
      bound[best] = true;
      placed[best] = true;
      // Residuals: every unused conjunct whose variables are now all bound.
      for (std::size_t i = 0; i < conjuncts.size(); ++i) {
        if (!used[i] && Subset(Vars(conjuncts[i]), bound)) {
          best_step.residual.push_back(conjuncts[i]);
          used[i] = true;
        }
      }
      rule_.steps.push_back(std::move(best_step));
    }

    // Quantifiers: every rule variable and enclosing quantifier is bound
    // when a quantifier runs.
    rule_.subplans.resize(quantifier_where_.size());
    for (std::size_t s = 0; s < quantifier_where_.size(); ++s) PlanQuantifier(s);
  }

 private:
  void Conjuncts(NodeId id, std::vector<NodeId>& out) const {
    if (id == runtime::kNone) return;
    const Node& n = rule_.nodes[id];
    if (n.op == Op::AND) {
      Conjuncts(n.args[0], out);
      Conjuncts(n.args[1], out);
      return;
    }
    out.push_back(id);
  }

  /// The variables an expression depends on (a quantifier's own variable
  /// is not free in it).
  VarSet Vars(NodeId id) const {
    VarSet set(rule_.vars.size(), false);
    Collect(id, set);
    return set;
  }
  void Collect(NodeId id, VarSet& set) const {
    const Node& n = rule_.nodes[id];
    switch (n.op) {
      case Op::VAR:
      case Op::FIELD:
      case Op::ATTR:
      case Op::IS:
        set[n.var] = true;
        return;
      case Op::EXISTS:
      case Op::COUNT: {
        VarSet inner(rule_.vars.size(), false);
        for (NodeId arg : n.args) Collect(arg, inner);
        inner[n.var] = false;
        for (std::size_t v = 0; v < set.size(); ++v) set[v] = set[v] || inner[v];
        return;
      }
      default:
        for (NodeId arg : n.args) Collect(arg, set);
    }
  }
  static bool Subset(const VarSet& a, const VarSet& b) {
    for (std::size_t v = 0; v < a.size(); ++v) {
      if (a[v] && !b[v]) return false;
    }
    return true;
  }
  static bool Empty(const VarSet& a) { return std::none_of(a.begin(), a.end(), [](bool b) { return b; }); }
  bool OnlyVar(NodeId id, std::uint32_t v) const {
    VarSet set = Vars(id);
    for (std::size_t u = 0; u < set.size(); ++u) {
      if (set[u] != (u == v)) return false;
    }
    return true;
  }

  /// Whether conjunct `id` can drive an interval probe for `v` from a bound
  /// variable; fills `probe`.
  bool IntervalFor(NodeId id, std::uint32_t v, const VarSet& bound,
                   runtime::IntervalProbe& probe) const {
    const Node* n = &rule_.nodes[id];
    Builtin builtin;
    NodeId tolerance = runtime::kNone;
    if ((n->op == Op::GE || n->op == Op::GT) && rule_.nodes[n->args[0]].op == Op::CALL &&
        rule_.nodes[n->args[0]].builtin == Builtin::OVERLAP) {
      // overlap(a, b) >= c with c > 0 (or > c with c >= 0) implies overlaps(a, b).
      const Node& bound_value = rule_.nodes[n->args[1]];
      if (bound_value.op != Op::CONST || bound_value.value.kind != runtime::ValueKind::NUMBER) {
        return false;
      }
      double c = bound_value.value.number;
      if (!(c > 0 || (n->op == Op::GT && c >= 0))) return false;
      n = &rule_.nodes[n->args[0]];
      builtin = Builtin::OVERLAPS;
    } else if (n->op == Op::CALL && n->geometry == runtime::Geometry::TIME) {
      builtin = n->builtin;
      switch (builtin) {
        case Builtin::OVERLAPS: case Builtin::BEFORE: case Builtin::AFTER: case Builtin::MEETS:
        case Builtin::DURING: case Builtin::CONTAINS: case Builtin::NEAR:
          break;
        default:
          return false;
      }
      if (n->args.size() == 3) tolerance = n->args[2];
      // `before`/`after` without a window bound only one side; an open
      // window still prunes half of the candidates.
    } else {
      return false;
    }
    std::uint32_t a = rule_.nodes[n->args[0]].var;
    std::uint32_t b = rule_.nodes[n->args[1]].var;
    if (tolerance != runtime::kNone && !Empty(Vars(tolerance))) return false;
    if (a == v && b != v && bound[b]) {
      probe = {builtin, true, b, tolerance};
      return true;
    }
    if (b == v && a != v && bound[a]) {
      probe = {builtin, false, a, tolerance};
      return true;
    }
    return false;
  }

  /// The access path for binding `v` given `bound`, without consuming anything.
  Step ChooseAccess(std::uint32_t v, const VarSet& bound, const std::vector<NodeId>& conjuncts,
                    const std::vector<bool>& used, bool first) const {
    Step step;
    step.var = v;
    if (first) return step;
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
      if (used[i]) continue;
      const Node& n = rule_.nodes[conjuncts[i]];
      if (n.op != Op::EQ) continue;
      for (int side = 0; side < 2; ++side) {
        NodeId build = n.args[static_cast<std::size_t>(side)];
        NodeId probe = n.args[static_cast<std::size_t>(1 - side)];
        VarSet probe_vars = Vars(probe);
        if (OnlyVar(build, v) && !Empty(probe_vars) && Subset(probe_vars, bound) &&
            rule_.nodes[build].op != Op::VAR) {
          step.keys.push_back({probe, build});
          break;
        }
      }
    }
    if (!step.keys.empty()) {
      step.access = Access::HASH;
      return step;
    }
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
      if (!used[i] && IntervalFor(conjuncts[i], v, bound, step.interval)) {
        step.access = Access::INTERVAL;
        return step;
      }
    }
    return step;
  }

  /// Marks the equality conjuncts that became hash keys as used; interval
  /// predicates stay as residuals (the index returns a superset).
  void ConsumeAccess(const Step& step, const std::vector<NodeId>& conjuncts,
                     std::vector<bool>& used) const {
    for (const runtime::HashKey& key : step.keys) {
      for (std::size_t i = 0; i < conjuncts.size(); ++i) {
        const Node& n = rule_.nodes[conjuncts[i]];
        if (n.op == Op::EQ && ((n.args[0] == key.probe && n.args[1] == key.build) ||
                               (n.args[0] == key.build && n.args[1] == key.probe))) {
          used[i] = true;
        }
      }
    }
  }

  void PlanQuantifier(std::size_t s) {
    // Find the quantifier node of subplan s for its variable.
    std::uint32_t var = 0;
    for (const Node& n : rule_.nodes) {
      if ((n.op == Op::EXISTS || n.op == Op::COUNT) && n.id == s) var = n.var;
    }
    runtime::Subplan& sub = rule_.subplans[s];
    sub.scan.var = var;
    std::vector<NodeId> conjuncts;
    Conjuncts(quantifier_where_[s], conjuncts);
    std::vector<bool> used(conjuncts.size(), false);
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
      if (OnlyVar(conjuncts[i], var)) {
        sub.scan.filters.push_back(conjuncts[i]);
        used[i] = true;
      }
    }
    VarSet outer(rule_.vars.size(), true);
    outer[var] = false;
    sub.step = ChooseAccess(var, outer, conjuncts, used, false);
    ConsumeAccess(sub.step, conjuncts, used);
    for (std::size_t i = 0; i < conjuncts.size(); ++i) {
      if (!used[i]) sub.step.residual.push_back(conjuncts[i]);
    }
  }

  Rule& rule_;
  const std::vector<NodeId>& quantifier_where_;
};

}  // namespace

void PlanRule(Rule& rule, const std::vector<NodeId>& quantifier_where) {
  Planner(rule, quantifier_where).Run();
}

}  // namespace accord::plan
