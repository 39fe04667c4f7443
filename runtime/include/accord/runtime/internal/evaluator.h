#pragma once
// Expression evaluation over bound records, and the two ways of running a
// rule on an item: the planned executor and the reference nested loops.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "accord/runtime/evaluate.h"

namespace accord::runtime::internal {

/// Records of one item by modality, shared by every rule: only records
/// with a known modality and concept, in input order per modality.
struct ItemView {
  const Item* item = nullptr;
  /// Record indexes per modality; cleared, not freed, from item to item.
  std::vector<std::vector<std::uint32_t>> by_modality;

  std::span<const std::uint32_t> Modality(ModalityId m) const { return by_modality[m]; }
  std::size_t ModalityCount() const { return by_modality.size(); }
};
/// Fills `view` for `item`, reusing its memory.
void BuildItemView(const Bundle& bundle, const Item& item, ItemView& view);

/// Evaluates one rule's expressions. `bound[v]` is the record bound to
/// variable v (null when unbound). Reusable: Reset starts over on another
/// rule or item and keeps the memory of quantifier indexes.
class Evaluator {
 public:
  Evaluator();
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  /// Prepares to evaluate `rule` on the item of `view`: nothing bound, no
  /// quantifier index built.
  void Reset(const Bundle& bundle, const Rule& rule, const ItemView& view, EvalMode mode);

  Value Eval(NodeId node);
  /// Eval(node) is BOOL true, without building the boolean Values.
  bool Test(NodeId node);
  void Bind(std::uint32_t var, const Record* record) { bound_[var] = record; }
  const Record* Bound(std::uint32_t var) const { return bound_[var]; }
  /// Whether `record` is bound to any variable now (two bindings never share a record).
  bool IsBound(const Record* record) const {
    for (const Record* b : bound_) {
      if (b == record) return true;
    }
    return false;
  }
  /// Candidates of variable `var` into `out` (cleared first): records of its
  /// modality under its concept, with a known concept, optionally passing
  /// `filters` (evaluated with only `var` bound), in input order.
  void Candidates(std::uint32_t var, const std::vector<NodeId>& filters,
                  std::vector<std::uint32_t>& out);
  const ItemView& View() const { return *view_; }
  const Rule& GetRule() const { return *rule_; }
  const Bundle& GetBundle() const { return *bundle_; }

 private:
  struct SubplanState;
  /// Eval for the leaves comparisons read (constants, fields, attributes) without the full dispatch.
  inline Value Operand(NodeId node);
  Value Quantify(const Node& node);
  Value QuantifyReference(const Node& node);
  Value QuantifyPlanned(const Node& node);
  Value AttrValue(const Record& record, AttributeId attr) const;
  Value FieldValue(const Record& record, Field field) const;

  const Bundle* bundle_ = nullptr;
  const Rule* rule_ = nullptr;
  const ItemView* view_ = nullptr;
  EvalMode mode_ = EvalMode::PLANNED;
  std::vector<const Record*> bound_;
  /// One per quantifier of the rule; grown as rules need, never freed.
  std::vector<std::unique_ptr<SubplanState>> subplans_;
};

/// Compares two values of one type; MISSING on either side is false.
bool Compare(Op op, const Value& a, const Value& b);

struct Workspace;

/// Runs `rule` on the item of `workspace.view` and appends its findings
/// (deduplicated by the set of records bound; the representative tuple is
/// the smallest in binding order, so both modes produce identical findings).
void RunRule(const Bundle& bundle, std::uint32_t rule_index, Workspace& workspace, EvalMode mode,
             std::vector<Finding>& out);

/// Built-in findings of the item: record issues and `disjoint` overlaps.
void RunBuiltins(const Bundle& bundle, const ItemView& view, std::vector<Finding>& out);

}  // namespace accord::runtime::internal
