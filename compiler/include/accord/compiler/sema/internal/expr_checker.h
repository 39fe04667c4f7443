#pragma once
// Type-checks rule expressions into the checked IR, resolving bindings,
// fields, attributes, enum values and concepts on the way.

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "accord/compiler/ast/expr.h"
#include "accord/compiler/sema/internal/context.h"

namespace accord::sema::internal {

class ExprChecker {
 public:
  ExprChecker(Context& ctx, std::uint32_t module, Rule& rule)
      : ctx_(ctx), module_(module), rule_(rule) {}

  /// Checks `expr`; `expected` guides bare names (`negative` after
  /// `v.valence ==`). Never null; the type is ERROR after a reported error.
  ExprPtr Check(const ast::Expr& expr, const Type* expected = nullptr);
  /// Checks a condition that must be boolean (`what` names it: "`where`").
  ExprPtr CheckCondition(const ast::Expr& expr, const char* what);

  /// Declares `x: C in m`; returns its variable index. Reports E0201,
  /// E0202, E0303, E0309; a failed binding still gets an index.
  std::uint32_t Bind(const ast::Binding& binding, bool quantified);
  /// Ends the scope of the most recent quantifier variable.
  void Unbind() { scope_.pop_back(); }
  bool VarValid(std::uint32_t var) const { return valid_[var]; }

 private:
  ExprPtr Error(const ast::Expr& expr);
  int FindVar(const std::string& name) const;
  bool IsConstName(const ast::Expr& expr) const;
  ExprPtr CheckName(const ast::Expr& expr, const Type* expected);
  ExprPtr CheckField(const ast::FieldExpr& expr);
  ExprPtr CheckBinary(const ast::BinaryExpr& expr);
  ExprPtr CheckComparison(const ast::BinaryExpr& expr);
  ExprPtr CheckInSet(const ast::InSetExpr& expr);
  ExprPtr CheckIs(const ast::IsExpr& expr);
  ExprPtr CheckCall(const ast::CallExpr& expr);
  ExprPtr CheckQuantifier(const ast::QuantifierExpr& expr);
  /// Reports E0305 unless `a` and `b` may be compared with `op`.
  bool Comparable(const ast::BinaryExpr& expr, const Expr& a, const Expr& b);
  /// A comparison that makes `expr` (checked as `checked`) a condition, for help lines.
  std::string ComparisonExample(const ast::Expr& expr, const Expr& checked) const;

  Context& ctx_;
  std::uint32_t module_;
  Rule& rule_;
  std::vector<std::uint32_t> scope_;
  std::vector<bool> valid_;
  /// (variable, name) pairs already reported as unknown fields (E0302).
  std::set<std::pair<std::uint32_t, std::string>> reported_fields_;
};

/// "an int" / "a `Valence`" for messages.
std::string TypePhrase(const Program& program, const Type& type);

}  // namespace accord::sema::internal
