#include "accord/runtime/describe.h"

#include <fmt/format.h>

namespace accord::runtime {
namespace {

int Precedence(Op op) {
  switch (op) {
    case Op::OR: return 1;
    case Op::AND: return 2;
    case Op::NOT: return 3;
    case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
    case Op::IN_SET: case Op::IS: return 4;
    case Op::ADD: case Op::SUB: return 5;
    case Op::MUL: case Op::DIV: return 6;
    case Op::NEG: return 7;
    // `exists ... where` extends as far right as it can: inside any operator
    // it needs parentheses to print what it means.
    case Op::EXISTS: return 0;
    default: return 8;
  }
}

std::string ValueText(const Bundle& b, const Value& v) {
  switch (v.kind) {
    case ValueKind::MISSING: return "missing";
    case ValueKind::BOOL: return v.boolean ? "true" : "false";
    case ValueKind::NUMBER: return fmt::format("{}", v.number);
    case ValueKind::STRING: return fmt::format("\"{}\"", v.text);
    case ValueKind::CONCEPT: return b.concepts[v.id].name;
    case ValueKind::ENUM: break;
  }
  return "?";
}

class Printer {
 public:
  Printer(const Bundle& b, const Rule& r) : b_(b), r_(r) {}

  std::string Print(NodeId id, int outer = 0) const {
    const Node& n = r_.nodes[id];
    std::string text = Raw(n);
    return Precedence(n.op) < outer ? "(" + text + ")" : text;
  }

  std::string Binding(std::uint32_t var) const {
    const Variable& v = r_.vars[var];
    return v.concept_id == kNone
               ? fmt::format("{} in {}", v.name, b_.modalities[v.modality].name)
               : fmt::format("{}: {} in {}", v.name, b_.concepts[v.concept_id].name,
                             b_.modalities[v.modality].name);
  }

 private:
  std::string Raw(const Node& n) const {
    const std::string& var = r_.vars[n.var].name;
    int p = Precedence(n.op);
    switch (n.op) {
      case Op::CONST:
        if (n.value.kind == ValueKind::ENUM) {
          return fmt::format("{}.{}", b_.enums[n.id].name, b_.enums[n.id].values[n.value.id]);
        }
        return ValueText(b_, n.value);
      case Op::VAR: return var;
      case Op::FIELD: return fmt::format("{}.{}", var, FieldName(n.field));
      case Op::ATTR: return fmt::format("{}.{}", var, b_.attributes[n.id].name);
      case Op::NOT: return "not " + Print(n.args[0], p);
      case Op::NEG: return "-" + Print(n.args[0], p);
      case Op::IS: return fmt::format("{} is {}", var, b_.concepts[n.id].name);
      case Op::IN_SET: {
        std::vector<std::string> items;
        for (std::size_t i = 1; i < n.args.size(); ++i) items.push_back(Print(n.args[i]));
        return fmt::format("{} in {{{}}}", Print(n.args[0], p + 1), fmt::join(items, ", "));
      }
      case Op::CALL: {
        std::vector<std::string> args;
        for (NodeId arg : n.args) args.push_back(Print(arg));
        return fmt::format("{}({})", BuiltinName(n.builtin), fmt::join(args, ", "));
      }
      case Op::EXISTS:
      case Op::COUNT: {
        std::string where = n.args.empty() ? "" : " where " + Print(n.args[0]);
        return n.op == Op::EXISTS ? fmt::format("exists {}{}", Binding(n.var), where)
                                  : fmt::format("count({}{})", Binding(n.var), where);
      }
      default:
        return fmt::format("{} {} {}", Print(n.args[0], p), OpName(n.op), Print(n.args[1], p + 1));
    }
  }

  const Bundle& b_;
  const Rule& r_;
};

std::string Conditions(const Printer& p, const std::vector<NodeId>& ids) {
  std::vector<std::string> parts;
  for (NodeId id : ids) parts.push_back(p.Print(id, 3));
  return fmt::format("{}", fmt::join(parts, " and "));
}

std::string Access(const Bundle& b, const Rule& r, const Printer& p, const Step& step) {
  switch (step.access) {
    case Access::SCAN: return "scan";
    case Access::HASH: {
      std::vector<std::string> keys;
      for (const HashKey& k : step.keys) keys.push_back(fmt::format("{} = {}", p.Print(k.build), p.Print(k.probe)));
      return fmt::format("hash join on {}", fmt::join(keys, ", "));
    }
    case Access::INTERVAL: {
      const IntervalProbe& probe = step.interval;
      const std::string& other = r.vars[probe.bound_var].name;
      const std::string& self = r.vars[step.var].name;
      std::string call = probe.new_is_first ? fmt::format("{}({}, {}", BuiltinName(probe.builtin), self, other)
                                            : fmt::format("{}({}, {}", BuiltinName(probe.builtin), other, self);
      if (probe.tolerance != kNone) call += ", " + p.Print(probe.tolerance);
      return fmt::format("interval index on {})", call);
    }
  }
  (void)b;
  return "?";
}

void DescribeStep(std::string& out, const Bundle& b, const Rule& r, const Printer& p,
                  const Step& step, const std::vector<NodeId>& filters, const char* indent,
                  const char* verb) {
  out += fmt::format("{}{} {} by {}\n", indent, verb, p.Binding(step.var), Access(b, r, p, step));
  if (!filters.empty()) out += fmt::format("{}  filter {}\n", indent, Conditions(p, filters));
  if (!step.residual.empty()) out += fmt::format("{}  check {}\n", indent, Conditions(p, step.residual));
}

}  // namespace

std::string ExprText(const Bundle& bundle, const Rule& rule, NodeId node) {
  return Printer(bundle, rule).Print(node);
}

std::string DescribePlan(const Bundle& b, const Rule& r) {
  Printer p(b, r);
  std::string out = fmt::format("rule {} ({})\n", r.name, SeverityName(r.severity));
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const Step& step = r.steps[i];
    DescribeStep(out, b, r, p, step, r.scans[step.var].filters, "  ", i == 0 ? "for" : "join");
  }
  if (r.require != kNone) out += fmt::format("  require {}\n", p.Print(r.require));
  if (r.unless != kNone) out += fmt::format("  unless {}\n", p.Print(r.unless));
  for (std::size_t s = 0; s < r.subplans.size(); ++s) {
    const Subplan& sub = r.subplans[s];
    DescribeStep(out, b, r, p, sub.step, sub.scan.filters, "  ", fmt::format("quantifier #{}:", s).c_str());
  }
  return out;
}

}  // namespace accord::runtime
