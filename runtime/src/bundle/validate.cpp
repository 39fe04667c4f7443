// Structural validation of a loaded bundle: no id may point outside its
// table, so the evaluator can index without checks.

#include <algorithm>

#include <fmt/format.h>

#include "accord/runtime/bundle_io.h"

namespace accord::runtime {
namespace {

constexpr std::size_t kMaxDepth = 4096;

class Validator {
 public:
  explicit Validator(const Bundle& b) : b_(b) {}

  std::string Run() {
    if (b_.modalities.size() > 64) return "more than 64 modalities";
    for (const Attribute& a : b_.attributes) {
      if (a.type == AttrType::ENUM && a.enum_id >= b_.enums.size()) return Bad("attribute", a.name);
      if (a.owner >= b_.concepts.size()) return Bad("attribute owner", a.name);
      if (!ValueOk(a.default_value)) return Bad("attribute default", a.name);
    }
    for (const Concept& c : b_.concepts) {
      if (!IdsBelow(c.parents, b_.concepts.size()) || !IdsBelow(c.ancestors, b_.concepts.size()) ||
          !std::is_sorted(c.ancestors.begin(), c.ancestors.end())) {
        return Bad("concept hierarchy", c.name);
      }
      for (const auto& [m, label] : c.labels) {
        if (m >= b_.modalities.size()) return Bad("concept label", c.name);
      }
      for (const auto& [name, id] : c.attributes) {
        if (id >= b_.attributes.size()) return Bad("concept attribute", c.name);
      }
      for (const auto& [id, value] : c.fixed) {
        if (id >= b_.attributes.size() || !ValueOk(value)) return Bad("fixed value", c.name);
      }
    }
    for (const DisjointSet& d : b_.disjoint) {
      if (!IdsBelow(d.members, b_.concepts.size())) return "a disjoint set names an unknown concept";
    }
    for (const Rule& r : b_.rules) {
      if (std::string problem = CheckRule(r); !problem.empty()) {
        return fmt::format("rule `{}`: {}", r.name, problem);
      }
    }
    return {};
  }

 private:
  static bool IdsBelow(const std::vector<std::uint32_t>& ids, std::size_t n) {
    return std::all_of(ids.begin(), ids.end(), [n](std::uint32_t id) { return id < n; });
  }
  static std::string Bad(const char* what, const std::string& name) {
    return fmt::format("invalid {} in `{}`", what, name);
  }
  bool ValueOk(const Value& v) const {
    if (v.kind == ValueKind::CONCEPT) return v.id < b_.concepts.size();
    return true;
  }

  std::string CheckRule(const Rule& r) {
    const std::size_t nodes = r.nodes.size();
    const std::size_t vars = r.vars.size();
    if (r.binding_count == 0 || r.binding_count > vars) return "bad binding count";
    for (const Variable& v : r.vars) {
      if (v.modality >= b_.modalities.size()) return "a variable has an unknown modality";
      if (v.concept_id != kNone && v.concept_id >= b_.concepts.size()) {
        return "a variable has an unknown concept";
      }
    }
    std::vector<std::size_t> depth(nodes, 1);
    for (std::size_t i = 0; i < nodes; ++i) {
      const Node& n = r.nodes[i];
      for (NodeId arg : n.args) {
        if (arg >= i) return "an expression refers forward";
        depth[i] = std::max(depth[i], depth[arg] + 1);
      }
      if (depth[i] > kMaxDepth) return "an expression nests too deeply";
      if (n.var >= vars) return "an expression names an unknown variable";
      if (!ValueOk(n.value)) return "a constant names an unknown concept";
      switch (n.op) {
        case Op::CONST:
          if (n.value.kind == ValueKind::ENUM &&
              (n.id >= b_.enums.size() || n.value.id >= b_.enums[n.id].values.size())) {
            return "an unknown enum value";
          }
          break;
        case Op::ATTR:
          if (n.id >= b_.attributes.size()) return "an unknown attribute";
          break;
        case Op::IS:
          if (n.id >= b_.concepts.size()) return "`is` names an unknown concept";
          break;
        case Op::EXISTS:
        case Op::COUNT:
          if (n.id >= r.subplans.size() || n.args.size() > 1) return "a bad quantifier";
          break;
        case Op::NOT:
        case Op::NEG:
          if (n.args.size() != 1) return "a bad unary operator";
          break;
        case Op::AND: case Op::OR: case Op::EQ: case Op::NE: case Op::LT: case Op::LE:
        case Op::GT: case Op::GE: case Op::ADD: case Op::SUB: case Op::MUL: case Op::DIV:
          if (n.args.size() != 2) return "a bad binary operator";
          break;
        case Op::IN_SET:
          if (n.args.empty()) return "a bad set";
          break;
        case Op::CALL:
          if (n.builtin == Builtin::HAS) {
            if (n.args.size() != 1 || (r.nodes[n.args[0]].op != Op::FIELD &&
                                       r.nodes[n.args[0]].op != Op::ATTR)) {
              return "a bad `has`";
            }
          } else {
            if (n.args.size() < 2 || n.args.size() > 3 || r.nodes[n.args[0]].op != Op::VAR ||
                r.nodes[n.args[1]].op != Op::VAR) {
              return "a bad predicate call";
            }
          }
          break;
        default:
          break;
      }
    }
    auto node_ok = [&](NodeId id) { return id == kNone || id < nodes; };
    auto nodes_ok = [&](const std::vector<NodeId>& ids) { return IdsBelow(ids, nodes); };
    if (!node_ok(r.where) || !node_ok(r.require) || !node_ok(r.unless)) return "a bad condition";
    for (const TemplatePiece& p : r.report) {
      if (!node_ok(p.node)) return "a bad report hole";
    }
    if (r.scans.size() != r.binding_count) return "a scan per binding is missing";
    for (std::uint32_t v = 0; v < r.scans.size(); ++v) {
      if (r.scans[v].var != v || !nodes_ok(r.scans[v].filters)) return "a bad scan";
    }
    if (r.steps.size() != r.binding_count) return "the join order does not bind every variable";
    std::vector<bool> bound(vars, false);
    for (std::size_t s = 0; s < r.steps.size(); ++s) {
      const Step& step = r.steps[s];
      if (step.var >= r.binding_count || bound[step.var]) return "the join order binds a variable twice";
      if (std::string problem = CheckStep(step, bound, s == 0, nodes); !problem.empty()) return problem;
      bound[step.var] = true;
    }
    for (const Subplan& sub : r.subplans) {
      if (sub.scan.var >= vars || sub.step.var != sub.scan.var || !nodes_ok(sub.scan.filters)) {
        return "a bad quantifier plan";
      }
      std::vector<bool> outer(vars, true);
      outer[sub.step.var] = false;
      if (std::string problem = CheckStep(sub.step, outer, false, nodes); !problem.empty()) {
        return problem;
      }
    }
    return {};
  }

  static std::string CheckStep(const Step& step, const std::vector<bool>& bound, bool first,
                               std::size_t nodes) {
    auto node_ok = [&](NodeId id) { return id < nodes; };
    if (first && step.access != Access::SCAN) return "the first variable must be scanned";
    for (const HashKey& key : step.keys) {
      if (!node_ok(key.probe) || !node_ok(key.build)) return "a bad hash key";
    }
    if (step.access == Access::HASH && step.keys.empty()) return "a hash join without keys";
    if (step.access == Access::INTERVAL) {
      if (step.interval.bound_var >= bound.size() || !bound[step.interval.bound_var]) {
        return "an interval probe from an unbound variable";
      }
      if (step.interval.tolerance != kNone && !node_ok(step.interval.tolerance)) {
        return "a bad interval tolerance";
      }
    }
    for (NodeId id : step.residual) {
      if (!node_ok(id)) return "a bad residual condition";
    }
    return {};
  }

  const Bundle& b_;
};

}  // namespace

std::string ValidateBundle(const Bundle& bundle) { return Validator(bundle).Run(); }

}  // namespace accord::runtime
