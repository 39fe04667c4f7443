#include "accord/compiler/sema/dump.h"

#include <fmt/format.h>

namespace accord::sema {
namespace {

using runtime::GeometryName;
using runtime::OpName;

std::string ValueText(const Program& program, const Value& v) {
  switch (v.kind) {
    case TypeKind::BOOL: return v.bool_value ? "true" : "false";
    case TypeKind::INT: return fmt::format("{}", v.int_value);
    case TypeKind::FLOAT: return fmt::format("{}", v.number);
    case TypeKind::DURATION: return fmt::format("{}s", v.number);
    case TypeKind::STRING: return fmt::format("\"{}\"", v.string_value);
    case TypeKind::ENUM:
      return fmt::format("{}.{}", program.enums[v.enum_id].name,
                         program.enums[v.enum_id].values[v.enum_index]);
    case TypeKind::CONCEPT: return program.concepts[v.concept_id].name;
    default: return "<error>";
  }
}

std::string VarName(const Rule& rule, std::uint32_t var) { return rule.vars[var].name; }

std::string Binding(const Program& program, const Variable& v) {
  return v.concept_id == kNoConcept
             ? fmt::format("{} in {}", v.name, program.modalities[v.modality].name)
             : fmt::format("{}: {} in {}", v.name, program.concepts[v.concept_id].name,
                           program.modalities[v.modality].name);
}

}  // namespace

std::string DumpExpr(const Program& program, const Rule& rule, const Expr& e) {
  std::string type = program.TypeName(e.type);
  switch (e.op) {
    case ExprOp::CONST: return ValueText(program, e.value);
    case ExprOp::VAR: return VarName(rule, e.var);
    case ExprOp::FIELD: return fmt::format("{}.{}", VarName(rule, e.var), FieldName(e.field));
    case ExprOp::ATTR:
      return fmt::format("{}.{}:{}", VarName(rule, e.var), program.attributes[e.attr].name, type);
    case ExprOp::IS:
      return fmt::format("(is {} {})", VarName(rule, e.var), program.concepts[e.concept_id].name);
    case ExprOp::EXISTS:
    case ExprOp::COUNT:
      return fmt::format("({} [{}]{}{})", OpName(e.op), Binding(program, rule.vars[e.var]),
                         e.args.empty() ? "" : " ",
                         e.args.empty() ? "" : DumpExpr(program, rule, *e.args[0]));
    default: break;
  }
  std::string head(OpName(e.op));
  if (e.op == ExprOp::CALL) {
    head = BuiltinName(e.builtin);
    if (e.builtin != Builtin::HAS) head += fmt::format("@{}", GeometryName(e.geometry));
  }
  std::string out = "(" + head;
  for (const ExprPtr& arg : e.args) out += " " + DumpExpr(program, rule, *arg);
  out += ")";
  if (e.op == ExprOp::ADD || e.op == ExprOp::SUB || e.op == ExprOp::MUL || e.op == ExprOp::DIV ||
      e.op == ExprOp::NEG) {
    out += ":" + type;
  }
  return out;
}

std::string DumpRule(const Program& program, const Rule& rule) {
  std::string out = fmt::format("rule {} [{}]", rule.name, SeverityName(rule.severity));
  if (!rule.guideline.empty()) out += fmt::format(" guideline \"{}\"", rule.guideline);
  if (!rule.escalate.empty()) out += fmt::format(" escalate \"{}\"", rule.escalate);
  out += "\n  for";
  for (std::uint32_t i = 0; i < rule.binding_count; ++i) {
    out += (i ? ", " : " ") + Binding(program, rule.vars[i]);
  }
  out += "\n";
  if (rule.where) out += "  where   " + DumpExpr(program, rule, *rule.where) + "\n";
  if (rule.require) out += "  require " + DumpExpr(program, rule, *rule.require) + "\n";
  if (rule.unless) out += "  unless  " + DumpExpr(program, rule, *rule.unless) + "\n";
  out += "  report ";
  for (const TemplatePiece& piece : rule.report) {
    out += piece.expr ? "{" + DumpExpr(program, rule, *piece.expr) + "}" : "\"" + piece.text + "\"";
  }
  out += "\n";
  return out;
}

std::string DumpProgram(const Program& program) {
  std::string out;
  for (const ModalityInfo& m : program.modalities) {
    out += fmt::format("modality {} extent {}\n", m.name, ExtentNames(m.extents));
  }
  for (const EnumInfo& e : program.enums) {
    out += fmt::format("enum {} {{{}}}\n", e.name, fmt::join(e.values, ", "));
  }
  for (const ConceptInfo& c : program.concepts) {
    std::vector<std::string> parts;
    for (ConceptId p : c.parents) parts.push_back(program.concepts[p].name);
    out += fmt::format("concept {}", c.name);
    if (!parts.empty()) out += fmt::format(" : {}", fmt::join(parts, ", "));
    parts.clear();
    for (ConceptId a : c.ancestors) parts.push_back(program.concepts[a].name);
    out += fmt::format("\n  ancestors {}\n", fmt::join(parts, ", "));
    parts.clear();
    for (const auto& [m, label] : c.labels) {
      parts.push_back(fmt::format("{} \"{}\"", program.modalities[m].name, label));
    }
    if (!parts.empty()) out += fmt::format("  labels {}\n", fmt::join(parts, ", "));
    parts.clear();
    for (const auto& [name, id] : c.attributes) {
      const AttributeInfo& a = program.attributes[id];
      std::string text = fmt::format("{}: {}", name, program.TypeName(a.type));
      if (a.default_value) text += " = " + ValueText(program, *a.default_value);
      parts.push_back(text);
    }
    if (!parts.empty()) out += fmt::format("  attributes {}\n", fmt::join(parts, "; "));
    parts.clear();
    for (const auto& [id, value] : c.fixed) {
      parts.push_back(fmt::format("{} = {}", program.attributes[id].name, ValueText(program, value)));
    }
    if (!parts.empty()) out += fmt::format("  fixed {}\n", fmt::join(parts, "; "));
  }
  for (const DisjointSet& set : program.disjoint) {
    std::vector<std::string> names;
    for (ConceptId c : set.members) names.push_back(program.concepts[c].name);
    out += fmt::format("disjoint {}\n", fmt::join(names, ", "));
  }
  for (const Rule& rule : program.rules) out += DumpRule(program, rule);
  for (const TestCase& test : program.tests) {
    out += fmt::format("test {}: {} records, {} expectations\n", test.name, test.records.size(),
                       test.expectations.size());
  }
  return out;
}

}  // namespace accord::sema
