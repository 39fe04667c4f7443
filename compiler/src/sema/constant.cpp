// Constant values: attribute defaults, fixed values and test record fields.

#include <cmath>

#include <fmt/format.h>

#include "accord/compiler/ast/expr.h"
#include "accord/compiler/sema/internal/context.h"

namespace accord::sema::internal {
namespace {

std::string Describe(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::LITERAL:
      switch (static_cast<const ast::LiteralExpr&>(expr).literal) {
        case ast::LiteralKind::INT: return "an int";
        case ast::LiteralKind::FLOAT: return "a float";
        case ast::LiteralKind::STRING: return "a string";
        case ast::LiteralKind::DURATION: return "a duration";
        case ast::LiteralKind::BOOL: return "a bool";
      }
      break;
    case ast::ExprKind::NAME:
    case ast::ExprKind::FIELD: return "a name";
    case ast::ExprKind::LIST: return "a list";
    default: break;
  }
  return "an expression";
}


std::optional<Value> EnumValue(Context& ctx, std::uint32_t module, const ast::Expr& expr,
                               const Type& expected, const std::string& what) {
  const EnumInfo& info = ctx.program.enums[expected.enum_id];
  std::vector<const ast::Name*> path = PathOf(expr);
  const ast::Name& value = *path.back();
  if (path.size() > 1) {
    ast::QualifiedName enum_name;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) enum_name.parts.push_back(*path[i]);
    enum_name.range = {path.front()->range.file, path.front()->range.begin,
                       path[path.size() - 2]->range.end};
    LookupResult found = ctx.Lookup(module, enum_name);
    if (found.status != LookupStatus::FOUND || found.symbol.kind != SymbolKind::ENUM ||
        found.symbol.id != expected.enum_id) {
      ctx.diags
          .Error("E0213", expr.range,
                 fmt::format("{} must be {} value, found `{}`", what,
                             WithArticle(fmt::format("`{}`", info.name)),
                             enum_name.Joined() + "." + value.text))
          .Primary(fmt::format("expected `{}`", info.name))
          .Help(fmt::format("`{}` has the values {}", info.name, fmt::join(info.values, ", ")));
      return std::nullopt;
    }
    ctx.MarkUsed(found.symbol);
  }
  for (std::uint32_t i = 0; i < info.values.size(); ++i) {
    if (info.values[i] == value.text) {
      Value v;
      v.kind = TypeKind::ENUM;
      v.enum_id = expected.enum_id;
      v.enum_index = i;
      return v;
    }
  }
  Diagnostic& d = ctx.diags.Error(
      "E0204", value.range, fmt::format("`{}` is not a value of enum `{}`", value.text, info.name));
  d.Primary(fmt::format("expected one of {}", fmt::join(info.values, ", ")));
  d.Label(info.decl->name.range, fmt::format("enum `{}` declared here", info.name));
  std::string suggestion = DidYouMean(value.text, info.values);
  if (!suggestion.empty()) d.Help(suggestion);
  return std::nullopt;
}

bool InRange(const Type& type, double v) { return !type.has_range || (v >= type.lo && v <= type.hi); }

}  // namespace

std::vector<const ast::Name*> PathOf(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::NAME) return {&static_cast<const ast::NameExpr&>(expr).name};
  if (expr.kind != ast::ExprKind::FIELD) return {};
  const auto& field = static_cast<const ast::FieldExpr&>(expr);
  std::vector<const ast::Name*> parts = PathOf(*field.object);
  if (!parts.empty()) parts.push_back(&field.field);
  return parts;
}

std::optional<Value> EvalConstant(Context& ctx, std::uint32_t module, const ast::Expr& expr,
                                  const Type& expected, const std::string& what) {
  if (expected.IsError()) return std::nullopt;
  const std::string type_name = ctx.program.TypeName(expected);
  auto mismatch = [&]() -> std::optional<Value> {
    Diagnostic& d = ctx.diags.Error(
        "E0213", expr.range,
        fmt::format("{} must be {}, found {}", what,
                    WithArticle(fmt::format("`{}`", type_name)), Describe(expr)));
    d.Primary(fmt::format("expected `{}`", type_name));
    if (expected.kind == TypeKind::STRING && expr.kind == ast::ExprKind::NAME) {
      d.Help(fmt::format("strings are quoted: \"{}\"",
                         static_cast<const ast::NameExpr&>(expr).name.text));
    } else if (expected.kind == TypeKind::ENUM) {
      d.Help(fmt::format("`{}` has the values {}", type_name,
                         fmt::join(ctx.program.enums[expected.enum_id].values, ", ")));
    }
    return std::nullopt;
  };
  if (expected.kind == TypeKind::ENUM) {
    if (PathOf(expr).empty()) return mismatch();
    return EnumValue(ctx, module, expr, expected, what);
  }

  double sign = 1;
  const ast::Expr* inner = &expr;
  if (expr.kind == ast::ExprKind::UNARY &&
      static_cast<const ast::UnaryExpr&>(expr).op == ast::UnaryOp::NEG) {
    sign = -1;
    inner = static_cast<const ast::UnaryExpr&>(expr).operand.get();
  }
  if (inner->kind != ast::ExprKind::LITERAL) return mismatch();
  const auto& literal = static_cast<const ast::LiteralExpr&>(*inner);
  if (sign < 0 && (literal.literal == ast::LiteralKind::STRING ||
                   literal.literal == ast::LiteralKind::BOOL)) {
    return mismatch();
  }
  Value v;
  v.kind = expected.kind;
  switch (expected.kind) {
    case TypeKind::BOOL:
      if (literal.literal != ast::LiteralKind::BOOL) return mismatch();
      v.bool_value = literal.bool_value;
      return v;
    case TypeKind::STRING:
      if (literal.literal != ast::LiteralKind::STRING) return mismatch();
      v.string_value = literal.string_value;
      return v;
    case TypeKind::INT:
      if (literal.literal != ast::LiteralKind::INT) return mismatch();
      v.int_value = static_cast<std::int64_t>(sign) * literal.int_value;
      break;
    case TypeKind::FLOAT:
      if (literal.literal == ast::LiteralKind::INT) {
        v.number = sign * static_cast<double>(literal.int_value);
      } else if (literal.literal == ast::LiteralKind::FLOAT) {
        v.number = sign * literal.number;
      } else {
        return mismatch();
      }
      break;
    case TypeKind::DURATION:
      if (literal.literal == ast::LiteralKind::INT) {
        v.number = sign * static_cast<double>(literal.int_value);
      } else if (literal.literal == ast::LiteralKind::DURATION ||
                 literal.literal == ast::LiteralKind::FLOAT) {
        v.number = sign * literal.number;
      } else {
        return mismatch();
      }
      break;
    default:
      return mismatch();
  }
  if (!InRange(expected, v.AsNumber())) {
    ctx.diags
        .Error("E0214", expr.range,
               fmt::format("{} is {}, outside the range {}..{} of `{}`", what,
                           v.kind == TypeKind::INT ? fmt::format("{}", v.int_value)
                                                   : fmt::format("{}", v.number),
                           expected.lo, expected.hi, type_name))
        .Primary("out of range");
    return std::nullopt;
  }
  return v;
}

}  // namespace accord::sema::internal
