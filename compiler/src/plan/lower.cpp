#include "accord/compiler/plan/lower.h"

#include <algorithm>
#include <chrono>

#include "accord/compiler/plan/planner.h"

namespace accord {
namespace {

using runtime::NodeId;

runtime::Value LowerValue(runtime::Bundle& bundle, const sema::Value& v) {
  switch (v.kind) {
    case sema::TypeKind::BOOL: return runtime::Value::Bool(v.bool_value);
    case sema::TypeKind::INT: return runtime::Value::Number(static_cast<double>(v.int_value));
    case sema::TypeKind::FLOAT:
    case sema::TypeKind::DURATION: return runtime::Value::Number(v.number);
    case sema::TypeKind::STRING: return runtime::Value::String(bundle.Intern(v.string_value));
    case sema::TypeKind::ENUM: return runtime::Value::Enum(v.enum_index);
    case sema::TypeKind::CONCEPT: return runtime::Value::Concept(v.concept_id);
    default: return {};
  }
}

runtime::AttrType LowerType(sema::TypeKind kind) {
  switch (kind) {
    case sema::TypeKind::BOOL: return runtime::AttrType::BOOL;
    case sema::TypeKind::INT: return runtime::AttrType::INT;
    case sema::TypeKind::FLOAT: return runtime::AttrType::FLOAT;
    case sema::TypeKind::DURATION: return runtime::AttrType::DURATION;
    case sema::TypeKind::ENUM: return runtime::AttrType::ENUM;
    default: return runtime::AttrType::STRING;
  }
}

/// Emits a rule's expressions in post-order (children before parents).
class RuleLowering {
 public:
  RuleLowering(runtime::Bundle& bundle, runtime::Rule& rule) : bundle_(bundle), rule_(rule) {}

  NodeId Lower(const sema::Expr& e) {
    runtime::Node node;
    node.op = e.op;
    node.field = e.field;
    node.builtin = e.builtin;
    node.geometry = e.geometry;
    node.var = e.var;
    switch (e.op) {
      case runtime::Op::ATTR: node.id = e.attr; break;
      case runtime::Op::IS: node.id = e.concept_id; break;
      case runtime::Op::CONST:
        node.value = LowerValue(bundle_, e.value);
        if (e.value.kind == sema::TypeKind::ENUM) node.id = e.value.enum_id;
        break;
      default: break;
    }
    if (e.op == runtime::Op::EXISTS || e.op == runtime::Op::COUNT) {
      node.id = static_cast<std::uint32_t>(quantifier_where_.size());
      quantifier_where_.push_back(runtime::kNone);  // reserve the subplan slot
      NodeId where = e.args.empty() ? runtime::kNone : Lower(*e.args[0]);
      quantifier_where_[node.id] = where;
      if (where != runtime::kNone) node.args.push_back(where);
    } else {
      for (const sema::ExprPtr& arg : e.args) node.args.push_back(Lower(*arg));
    }
    rule_.nodes.push_back(std::move(node));
    return static_cast<NodeId>(rule_.nodes.size() - 1);
  }

  const std::vector<NodeId>& QuantifierWhere() const { return quantifier_where_; }

 private:
  runtime::Bundle& bundle_;
  runtime::Rule& rule_;
  std::vector<NodeId> quantifier_where_;
};

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

runtime::Rule LowerRule(runtime::Bundle& bundle, const sema::Rule& source, double& planning) {
  runtime::Rule rule;
  rule.name = source.name;
  rule.severity = source.severity;
  rule.guideline = source.guideline;
  rule.escalate = source.escalate;
  rule.doc = source.doc;
  for (const sema::Variable& v : source.vars) {
    rule.vars.push_back({v.name, v.concept_id == sema::kNoConcept ? runtime::kNone : v.concept_id,
                         v.modality});
  }
  rule.binding_count = source.binding_count;
  RuleLowering lowering(bundle, rule);
  if (source.where) rule.where = lowering.Lower(*source.where);
  if (source.require) rule.require = lowering.Lower(*source.require);
  if (source.unless) rule.unless = lowering.Lower(*source.unless);
  for (const sema::TemplatePiece& piece : source.report) {
    rule.report.push_back({piece.text, piece.expr ? lowering.Lower(*piece.expr) : runtime::kNone});
  }
  Clock::time_point start = Clock::now();
  plan::PlanRule(rule, lowering.QuantifierWhere());
  planning += SecondsSince(start);
  return rule;
}

}  // namespace

runtime::Bundle LowerProgram(const sema::Program& program, const LowerOptions& options,
                             std::vector<sema::PassTiming>* timings) {
  Clock::time_point start = Clock::now();
  double planning = 0;
  runtime::Bundle bundle;
  const sema::ModuleInfo& root = program.modules[program.root];
  bundle.info.ontology = root.name;
  bundle.info.version = root.version;
  bundle.info.compiler_version = options.compiler_version;
  bundle.info.sources_hash = options.sources_hash;
  bundle.modalities.reserve(program.modalities.size());
  bundle.enums.reserve(program.enums.size());
  bundle.attributes.reserve(program.attributes.size());
  bundle.concepts.reserve(program.concepts.size());
  bundle.disjoint.reserve(program.disjoint.size());
  bundle.rules.reserve(program.rules.size());
  for (const sema::ModalityInfo& m : program.modalities) bundle.modalities.push_back({m.name, m.extents});
  for (const sema::EnumInfo& e : program.enums) bundle.enums.push_back({e.name, e.values});
  for (const sema::AttributeInfo& a : program.attributes) {
    runtime::Attribute attr;
    attr.name = a.name;
    attr.type = LowerType(a.type.kind);
    attr.enum_id = a.type.enum_id;
    attr.has_range = a.type.has_range;
    attr.lo = a.type.lo;
    attr.hi = a.type.hi;
    if (a.default_value) attr.default_value = LowerValue(bundle, *a.default_value);
    attr.owner = a.owner;
    bundle.attributes.push_back(std::move(attr));
  }
  for (const sema::ConceptInfo& c : program.concepts) {
    runtime::Concept concept_entry;
    concept_entry.name = c.name;
    concept_entry.parents = c.parents;
    concept_entry.ancestors = c.ancestors;
    concept_entry.labels = c.labels;
    concept_entry.attributes = c.attributes;
    for (const auto& [id, value] : c.fixed) {
      concept_entry.fixed.emplace_back(id, LowerValue(bundle, value));
    }
    bundle.concepts.push_back(std::move(concept_entry));
  }
  for (const sema::DisjointSet& d : program.disjoint) {
    // The doc comment becomes the guideline of the set's findings: one line.
    std::string doc = d.decl->doc;
    std::replace_if(
        doc.begin(), doc.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    bundle.disjoint.push_back({d.members, std::move(doc)});
  }
  for (const sema::Rule& rule : program.rules) {
    bundle.rules.push_back(LowerRule(bundle, rule, planning));
  }
  if (options.index) bundle.Index();
  if (timings != nullptr) {
    timings->push_back({"lower", SecondsSince(start) - planning});
    timings->push_back({"plan", planning});
  }
  return bundle;
}

}  // namespace accord
