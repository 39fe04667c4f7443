#include "accord/runtime/internal/evaluator.h"

#include <algorithm>

#include "accord/runtime/internal/access_index.h"
#include "accord/runtime/internal/geometry.h"

namespace accord::runtime::internal {

struct Evaluator::SubplanState {
  bool built = false;
  AccessIndex index;
};

void BuildItemView(const Bundle& bundle, const Item& item, ItemView& view) {
  view.item = &item;
  view.by_modality.resize(bundle.modalities.size());
  for (std::vector<std::uint32_t>& records : view.by_modality) records.clear();
  const std::uint32_t n = static_cast<std::uint32_t>(item.records.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const Record& r = item.records[i];
    if (r.modality != kNone && r.concept_id != kNone) view.by_modality[r.modality].push_back(i);
  }
}

namespace {

/// Compare, inlined into the interpreter.
[[gnu::always_inline]] inline bool CompareValues(Op op, const Value& a, const Value& b) {
  if (a.Missing() || b.Missing()) return false;
  if (a.kind == ValueKind::STRING && b.kind == ValueKind::STRING && (op == Op::EQ || op == Op::NE)) {
    return (a.text == b.text) == (op == Op::EQ);  // lengths first
  }
  int order = 0;  // <0, 0, >0
  if (a.kind == ValueKind::NUMBER && b.kind == ValueKind::NUMBER) {
    order = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  } else if (a.kind == ValueKind::STRING && b.kind == ValueKind::STRING) {
    int c = a.text.compare(b.text);
    order = c < 0 ? -1 : c > 0 ? 1 : 0;
  } else if (a.kind == b.kind && (a.kind == ValueKind::ENUM || a.kind == ValueKind::CONCEPT)) {
    order = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  } else if (a.kind == ValueKind::BOOL && b.kind == ValueKind::BOOL) {
    order = static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
  } else {
    return op == Op::NE;  // kinds the checker never lets meet; unequal
  }
  switch (op) {
    case Op::EQ: return order == 0;
    case Op::NE: return order != 0;
    case Op::LT: return order < 0;
    case Op::LE: return order <= 0;
    case Op::GT: return order > 0;
    case Op::GE: return order >= 0;
    default: return false;
  }
}

}  // namespace

bool Compare(Op op, const Value& a, const Value& b) { return CompareValues(op, a, b); }

Evaluator::Evaluator() = default;
Evaluator::~Evaluator() = default;

void Evaluator::Reset(const Bundle& bundle, const Rule& rule, const ItemView& view, EvalMode mode) {
  bundle_ = &bundle;
  rule_ = &rule;
  view_ = &view;
  mode_ = mode;
  bound_.assign(rule.vars.size(), nullptr);
  if (subplans_.size() < rule.subplans.size()) subplans_.resize(rule.subplans.size());
  for (std::size_t i = 0; i < rule.subplans.size(); ++i) {
    if (subplans_[i]) subplans_[i]->built = false;
  }
}

void Evaluator::Candidates(std::uint32_t var, const std::vector<NodeId>& filters,
                           std::vector<std::uint32_t>& out) {
  out.clear();
  const Variable& v = rule_->vars[var];
  const std::vector<Record>& records = view_->item->records;
  // Records of one concept come in runs: remember the last concept's answer.
  ConceptId last = kNone;
  bool last_is_a = true;
  for (std::uint32_t index : view_->Modality(v.modality)) {
    const Record& r = records[index];
    if (v.concept_id != kNone) {
      if (r.concept_id != last) {
        last = r.concept_id;
        last_is_a = bundle_->IsA(r.concept_id, v.concept_id);
      }
      if (!last_is_a) continue;
    }
    if (!filters.empty()) {
      bound_[var] = &r;
      bool pass = true;
      for (NodeId f : filters) {
        if (!Test(f)) {
          pass = false;
          break;
        }
      }
      bound_[var] = nullptr;
      if (!pass) continue;
    }
    out.push_back(index);
  }
}

Value Evaluator::FieldValue(const Record& r, Field field) const {
  switch (field) {
    case Field::ID: return Value::String(r.id);
    case Field::ITEM: return Value::String(view_->item->key);
    case Field::MODALITY: return Value::String(r.modality_name);
    case Field::LABEL: return Value::String(r.label);
    case Field::CONCEPT: return r.concept_id == kNone ? Value{} : Value::Concept(r.concept_id);
    case Field::ANNOTATOR: return r.Has(HAS_ANNOTATOR) ? Value::String(r.annotator) : Value{};
    case Field::SOURCE: return Value::String(r.Has(FROM_MODEL) ? "model" : "human");
    case Field::CONFIDENCE: return r.Has(HAS_CONFIDENCE) ? Value::Number(r.confidence) : Value{};
    case Field::TRACK: return r.Has(HAS_TRACK) ? Value::String(r.track) : Value{};
    case Field::START: return r.Has(HAS_START) ? Value::Number(r.start) : Value{};
    case Field::END: return r.Has(HAS_END) ? Value::Number(r.end) : Value{};
    case Field::DURATION: return r.HasTime() ? Value::Number(r.end - r.start) : Value{};
  }
  return {};
}

Value Evaluator::AttrValue(const Record& r, AttributeId attr) const {
  const Item& item = *view_->item;
  for (std::uint32_t i = r.attr_begin; i < r.attr_begin + r.attr_count; ++i) {
    if (item.attrs[i].attr == attr) return item.attrs[i].value;
  }
  if (r.concept_id != kNone) {
    const auto& fixed = bundle_->concepts[r.concept_id].fixed;
    auto it = std::lower_bound(fixed.begin(), fixed.end(), attr,
                               [](const auto& e, AttributeId a) { return e.first < a; });
    if (it != fixed.end() && it->first == attr) return it->second;
  }
  return bundle_->attributes[attr].default_value;
}

Value Evaluator::Operand(NodeId id) {
  const Node& n = rule_->nodes[id];
  switch (n.op) {
    case Op::CONST: return n.value;
    case Op::FIELD: return FieldValue(*bound_[n.var], n.field);
    case Op::ATTR: return AttrValue(*bound_[n.var], n.id);
    default: return Eval(id);
  }
}

bool Evaluator::Test(NodeId id) {
  // The boolean operators of Eval, answering without building Values.
  const Node& n = rule_->nodes[id];
  switch (n.op) {
    case Op::NOT: return !Test(n.args[0]);
    case Op::AND: return Test(n.args[0]) && Test(n.args[1]);
    case Op::OR: return Test(n.args[0]) || Test(n.args[1]);
    case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
      return CompareValues(n.op, Operand(n.args[0]), Operand(n.args[1]));
    case Op::IN_SET: {
      Value v = Operand(n.args[0]);
      for (std::size_t i = 1; i < n.args.size(); ++i) {
        if (CompareValues(Op::EQ, v, Operand(n.args[i]))) return true;
      }
      return false;
    }
    case Op::IS: {
      const Record* r = bound_[n.var];
      return r->concept_id != kNone && bundle_->IsA(r->concept_id, n.id);
    }
    case Op::CALL:
      switch (n.builtin) {
        case Builtin::OVERLAPS: case Builtin::BEFORE: case Builtin::AFTER: case Builtin::MEETS:
        case Builtin::DURING: case Builtin::CONTAINS: case Builtin::NEAR: {
          const Record& a = *bound_[rule_->nodes[n.args[0]].var];
          const Record& b = *bound_[rule_->nodes[n.args[1]].var];
          if (n.args.size() < 3) return TimePredicate(n.builtin, a, b, Value{});
          const Node& t = rule_->nodes[n.args[2]];
          return TimePredicate(n.builtin, a, b, t.op == Op::CONST ? t.value : Eval(n.args[2]));
        }
        default:
          break;
      }
      break;
    default:
      break;
  }
  Value v = Eval(id);
  return v.kind == ValueKind::BOOL && v.boolean;
}

Value Evaluator::Eval(NodeId id) {
  const Node& n = rule_->nodes[id];
  switch (n.op) {
    case Op::CONST: return n.value;
    case Op::VAR: return Value::String(bound_[n.var]->id);
    case Op::FIELD: return FieldValue(*bound_[n.var], n.field);
    case Op::ATTR: return AttrValue(*bound_[n.var], n.id);
    case Op::NOT: return Value::Bool(!Test(n.args[0]));
    case Op::NEG: {
      Value v = Eval(n.args[0]);
      return v.kind == ValueKind::NUMBER ? Value::Number(-v.number) : Value{};
    }
    case Op::AND: return Value::Bool(Test(n.args[0]) && Test(n.args[1]));
    case Op::OR: return Value::Bool(Test(n.args[0]) || Test(n.args[1]));
    case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
      return Value::Bool(CompareValues(n.op, Eval(n.args[0]), Eval(n.args[1])));
    case Op::ADD: case Op::SUB: case Op::MUL: case Op::DIV: {
      Value a = Eval(n.args[0]);
      Value b = Eval(n.args[1]);
      if (a.kind != ValueKind::NUMBER || b.kind != ValueKind::NUMBER) return {};
      switch (n.op) {
        case Op::ADD: return Value::Number(a.number + b.number);
        case Op::SUB: return Value::Number(a.number - b.number);
        case Op::MUL: return Value::Number(a.number * b.number);
        default: return b.number == 0 ? Value{} : Value::Number(a.number / b.number);
      }
    }
    case Op::IN_SET: {
      Value v = Eval(n.args[0]);
      for (std::size_t i = 1; i < n.args.size(); ++i) {
        if (CompareValues(Op::EQ, v, Eval(n.args[i]))) return Value::Bool(true);
      }
      return Value::Bool(false);
    }
    case Op::IS: {
      const Record* r = bound_[n.var];
      return Value::Bool(r->concept_id != kNone && bundle_->IsA(r->concept_id, n.id));
    }
    case Op::CALL: {
      if (n.builtin == Builtin::HAS) return Value::Bool(!Eval(n.args[0]).Missing());
      const Record& a = *bound_[rule_->nodes[n.args[0]].var];
      const Record& b = *bound_[rule_->nodes[n.args[1]].var];
      switch (n.builtin) {
        case Builtin::OVERLAP: return Overlap(a, b);
        case Builtin::IOU: return Iou(n.geometry, a, b);
        case Builtin::DISTANCE: return Distance(n.geometry, a, b);
        default: {
          Value tolerance = n.args.size() == 3 ? Eval(n.args[2]) : Value{};
          return Value::Bool(TimePredicate(n.builtin, a, b, tolerance));
        }
      }
    }
    case Op::EXISTS:
    case Op::COUNT:
      return Quantify(n);
  }
  return {};
}

Value Evaluator::Quantify(const Node& n) {
  return mode_ == EvalMode::REFERENCE ? QuantifyReference(n) : QuantifyPlanned(n);
}

Value Evaluator::QuantifyReference(const Node& n) {
  const bool exists = n.op == Op::EXISTS;
  double count = 0;
  const std::vector<Record>& records = view_->item->records;
  std::vector<std::uint32_t> candidates;  // quantifiers nest: a buffer per call
  Candidates(n.var, {}, candidates);
  for (std::uint32_t index : candidates) {
    const Record* r = &records[index];
    if (IsBound(r)) continue;
    bound_[n.var] = r;
    bool match = n.args.empty() || Test(n.args[0]);
    bound_[n.var] = nullptr;
    if (!match) continue;
    if (exists) return Value::Bool(true);
    ++count;
  }
  return exists ? Value::Bool(false) : Value::Number(count);
}

Value Evaluator::QuantifyPlanned(const Node& n) {
  const bool exists = n.op == Op::EXISTS;
  const Subplan& sub = rule_->subplans[n.id];
  if (!subplans_[n.id]) subplans_[n.id] = std::make_unique<SubplanState>();
  SubplanState& state = *subplans_[n.id];
  if (!state.built) {
    state.index.Build(*this, sub.step, sub.scan);
    state.built = true;
  }
  double count = 0;
  const std::vector<Record>& records = view_->item->records;
  const std::vector<std::uint32_t>& probed = state.index.Probe(*this);
  for (std::uint32_t index : probed) {
    const Record* r = &records[index];
    if (IsBound(r)) continue;
    bound_[n.var] = r;
    bool match = true;
    for (NodeId c : sub.step.residual) {
      if (!Test(c)) {
        match = false;
        break;
      }
    }
    bound_[n.var] = nullptr;
    if (!match) continue;
    if (exists) return Value::Bool(true);
    ++count;
  }
  return exists ? Value::Bool(false) : Value::Number(count);
}

}  // namespace accord::runtime::internal
