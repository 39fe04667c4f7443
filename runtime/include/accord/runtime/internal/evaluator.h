#pragma once
// Expression evaluation over bound records, and the two ways of running a
// rule on an item: the planned executor and the reference nested loops.

#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "accord/runtime/evaluate.h"

namespace accord::runtime::internal {

/// Records of one item split by modality, shared by every rule.
struct ItemView {
  const Item* item = nullptr;
  std::vector<std::vector<std::uint32_t>> by_modality;  ///< record indexes, input order
};
ItemView MakeItemView(const Bundle& bundle, const Item& item);

/// Evaluates one rule's expressions. `bound[v]` is the record bound to
/// variable v (null when unbound).
class Evaluator {
 public:
  Evaluator(const Bundle& bundle, const Rule& rule, const ItemView& view, EvalMode mode);
  ~Evaluator();

  Value Eval(NodeId node);
  bool Test(NodeId node) {
    Value v = Eval(node);
    return v.kind == ValueKind::BOOL && v.boolean;
  }
  void Bind(std::uint32_t var, const Record* record) { bound_[var] = record; }
  const Record* Bound(std::uint32_t var) const { return bound_[var]; }
  /// Whether `record` is bound to any variable now (two bindings never share a record).
  bool IsBound(const Record* record) const;
  /// Candidates of variable `var`: records of its modality under its concept,
  /// with a known concept, optionally passing `filters` (evaluated with only
  /// `var` bound).
  std::vector<std::uint32_t> Candidates(std::uint32_t var, const std::vector<NodeId>& filters);
  const ItemView& View() const { return view_; }
  const Rule& GetRule() const { return rule_; }
  const Bundle& GetBundle() const { return bundle_; }

 private:
  struct SubplanState;
  Value Quantify(const Node& node);
  Value QuantifyReference(const Node& node);
  Value QuantifyPlanned(const Node& node);
  Value AttrValue(const Record& record, AttributeId attr) const;
  Value FieldValue(const Record& record, Field field) const;

  const Bundle& bundle_;
  const Rule& rule_;
  const ItemView& view_;
  EvalMode mode_;
  std::vector<const Record*> bound_;
  std::vector<std::unique_ptr<SubplanState>> subplans_;
};

/// Compares two values of one type; MISSING on either side is false.
bool Compare(Op op, const Value& a, const Value& b);

/// Runs `rule` on the item and appends its findings (deduplicated by the
/// set of records bound; the representative tuple is the smallest in
/// binding order, so both modes produce identical findings).
void RunRule(const Bundle& bundle, std::uint32_t rule_index, const ItemView& view, EvalMode mode,
             std::vector<Finding>& out);

/// Built-in findings of the item: record issues and `disjoint` overlaps.
void RunBuiltins(const Bundle& bundle, const ItemView& view, std::vector<Finding>& out);

}  // namespace accord::runtime::internal
