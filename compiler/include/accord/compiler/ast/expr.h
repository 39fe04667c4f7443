#pragma once
// Expressions, bindings and report templates, as written.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/compiler/ast/node.h"

namespace accord::ast {

enum class ExprKind { LITERAL, NAME, FIELD, UNARY, BINARY, IN_SET, IS, CALL, QUANTIFIER, LIST };

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  ExprKind kind;
  bool parenthesized = false;  ///< written inside `( )` (the range excludes them)
};
using ExprPtr = std::unique_ptr<Expr>;

enum class LiteralKind { INT, FLOAT, STRING, DURATION, BOOL };

struct LiteralExpr : Expr {
  LiteralExpr() : Expr(ExprKind::LITERAL) {}
  LiteralKind literal = LiteralKind::INT;
  std::int64_t int_value = 0;
  double number = 0;  ///< FLOAT and DURATION (in seconds)
  std::string string_value;
  bool bool_value = false;
};

/// A bare identifier: a binding, an enum value, a concept, an enum.
struct NameExpr : Expr {
  NameExpr() : Expr(ExprKind::NAME) {}
  Name name;
};

/// `object.field` — a record field, an attribute, or a qualified name such as
/// `Valence.negative`; name resolution decides which.
struct FieldExpr : Expr {
  FieldExpr() : Expr(ExprKind::FIELD) {}
  ExprPtr object;
  Name field;
};

enum class UnaryOp { NOT, NEG };

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::UNARY) {}
  UnaryOp op = UnaryOp::NOT;
  ExprPtr operand;
};

enum class BinaryOp { AND, OR, EQ, NE, LT, LE, GT, GE, ADD, SUB, MUL, DIV };

/// The operator as written, e.g. "==" or "and".
const char* Spelling(BinaryOp op);

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::BINARY) {}
  BinaryOp op = BinaryOp::AND;
  SourceRange op_range;
  ExprPtr lhs;
  ExprPtr rhs;
};

/// `value in {a, b, c}`.
struct InSetExpr : Expr {
  InSetExpr() : Expr(ExprKind::IN_SET) {}
  ExprPtr value;
  std::vector<ExprPtr> elements;
};

/// `value is Concept`.
struct IsExpr : Expr {
  IsExpr() : Expr(ExprKind::IS) {}
  ExprPtr value;
  QualifiedName concept_name;
};

/// `overlaps(a, b)`, `near(a, b, 1s)`, `has(x.f)`, ...
struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::CALL) {}
  Name callee;
  std::vector<ExprPtr> args;
};

/// `x: C in m` or `x in m`.
struct Binding {
  Name var;
  std::optional<QualifiedName> concept_name;
  Name modality;
  SourceRange range;
};

enum class QuantifierKind { EXISTS, COUNT };

/// `exists y: C in m where ...` or `count(y: C in m where ...)`.
struct QuantifierExpr : Expr {
  QuantifierExpr() : Expr(ExprKind::QUANTIFIER) {}
  QuantifierKind quantifier = QuantifierKind::EXISTS;
  Binding binding;
  ExprPtr where;  ///< may be null
};

/// `[1, 2, 3]`, only meaningful as a value in test records.
struct ListExpr : Expr {
  ListExpr() : Expr(ExprKind::LIST) {}
  std::vector<ExprPtr> elements;
};

/// A report template: literal text and `{expr}` holes in order.
struct TemplatePart {
  std::string text;  ///< literal text (when expr is null)
  ExprPtr expr;
};

struct Template {
  std::vector<TemplatePart> parts;
  SourceRange range;
};

}  // namespace accord::ast
