// Built-in functions: temporal and spatial predicates over bindings, and `has`.

#include <array>

#include <fmt/format.h>

#include "accord/compiler/sema/internal/expr_checker.h"

namespace accord::sema::internal {
namespace {

struct BuiltinSpec {
  const char* name;
  Builtin builtin;
  std::size_t min_args;
  std::size_t max_args;
  TypeKind result;
};

constexpr std::array<BuiltinSpec, 11> kBuiltins = {{
    {"overlaps", Builtin::OVERLAPS, 2, 2, TypeKind::BOOL},
    {"overlap", Builtin::OVERLAP, 2, 2, TypeKind::DURATION},
    {"before", Builtin::BEFORE, 2, 3, TypeKind::BOOL},
    {"after", Builtin::AFTER, 2, 3, TypeKind::BOOL},
    {"meets", Builtin::MEETS, 2, 2, TypeKind::BOOL},
    {"during", Builtin::DURING, 2, 2, TypeKind::BOOL},
    {"contains", Builtin::CONTAINS, 2, 2, TypeKind::BOOL},
    {"near", Builtin::NEAR, 3, 3, TypeKind::BOOL},
    {"iou", Builtin::IOU, 2, 2, TypeKind::FLOAT},
    {"distance", Builtin::DISTANCE, 2, 2, TypeKind::FLOAT},
    {"has", Builtin::HAS, 1, 1, TypeKind::BOOL},
}};

std::string Arity(const BuiltinSpec& spec) {
  if (spec.min_args == spec.max_args) {
    return fmt::format("{} argument{}", spec.min_args, spec.min_args == 1 ? "" : "s");
  }
  return fmt::format("{} or {} arguments", spec.min_args, spec.max_args);
}

/// An example call; `a` and `b` name the two bindings.
std::string Usage(const BuiltinSpec& spec, const std::string& a = "a", const std::string& b = "b") {
  switch (spec.builtin) {
    case Builtin::HAS: return "has(x.field)";
    case Builtin::NEAR: return fmt::format("near({}, {}, 100ms)", a, b);
    case Builtin::BEFORE:
    case Builtin::AFTER:
      return fmt::format("{}({}, {}) or {}({}, {}, 5s)", spec.name, a, b, spec.name, a, b);
    default: return fmt::format("{}({}, {})", spec.name, a, b);
  }
}

/// The name at the root of `x`, `x.start` or `x.a.b`, or "".
std::string RootName(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::NAME) return static_cast<const ast::NameExpr&>(expr).name.text;
  if (expr.kind == ast::ExprKind::FIELD) {
    return RootName(*static_cast<const ast::FieldExpr&>(expr).object);
  }
  return {};
}

}  // namespace

ExprPtr ExprChecker::CheckCall(const ast::CallExpr& expr) {
  const BuiltinSpec* spec = nullptr;
  for (const BuiltinSpec& candidate : kBuiltins) {
    if (expr.callee.text == candidate.name) spec = &candidate;
  }
  if (!spec) {
    std::vector<std::string> names;
    for (const BuiltinSpec& candidate : kBuiltins) names.emplace_back(candidate.name);
    Diagnostic& d = ctx_.diags.Error("E0307", expr.callee.range,
                                     fmt::format("unknown function `{}`", expr.callee.text));
    d.Primary("not a built-in function");
    std::string suggestion = DidYouMean(expr.callee.text, names);
    d.Help(!suggestion.empty() ? suggestion
                               : fmt::format("functions are {}", fmt::join(names, ", ")));
    return Error(expr);
  }
  if (expr.args.size() < spec->min_args || expr.args.size() > spec->max_args) {
    ctx_.diags
        .Error("E0308", expr.range,
               fmt::format("`{}` takes {}, but {} {} given", spec->name, Arity(*spec),
                           expr.args.size(), expr.args.size() == 1 ? "was" : "were"))
        .Primary("wrong number of arguments")
        .Help(fmt::format("write `{}`", Usage(*spec)));
    return Error(expr);
  }
  auto node = std::make_unique<Expr>();
  node->op = ExprOp::CALL;
  node->builtin = spec->builtin;
  node->type = Type::Of(spec->result);
  node->range = expr.range;

  if (spec->builtin == Builtin::HAS) {
    const ast::Expr& arg = *expr.args[0];
    ExprPtr checked = Check(arg);
    if (checked->type.IsError()) return Error(expr);
    if (checked->op != ExprOp::FIELD && checked->op != ExprOp::ATTR) {
      std::string example = "has(x.attribute)";
      if (checked->op == ExprOp::VAR) {
        // Name an attribute the binding really has, or a field every record has.
        const Variable& var = rule_.vars[checked->var];
        std::string member = "track";
        if (var.concept_id != kNoConcept &&
            !ctx_.program.concepts[var.concept_id].attributes.empty()) {
          member = ctx_.program.concepts[var.concept_id].attributes.front().first;
        }
        example = fmt::format("has({}.{})", var.name, member);
      }
      ctx_.diags
          .Error("E0313", arg.range, "`has` tests a field or attribute of a binding")
          .Primary(fmt::format("this is {}", TypePhrase(ctx_.program, checked->type)))
          .Help(fmt::format("name the field or attribute to test, e.g. `{}`", example));
      return Error(expr);
    }
    node->args.push_back(std::move(checked));
    return node;
  }

  // Extent predicates: the first two arguments are bindings.
  bool ok = true;
  std::array<ExtentSet, 2> extents{};
  for (std::size_t i = 0; i < 2; ++i) {
    ExprPtr checked = Check(*expr.args[i]);
    if (checked->type.IsError()) {
      ok = false;
    } else if (checked->op != ExprOp::VAR) {
      ctx_.diags
          .Error("E0308", expr.args[i]->range,
                 fmt::format("the arguments of `{}` are bindings, but this is {}", spec->name,
                             TypePhrase(ctx_.program, checked->type)))
          .Primary("not a binding")
          .Help(fmt::format("pass the bindings themselves: `{}`", [&] {
            // `overlaps(v.start, a)` -> `overlaps(v, a)`.
            std::string a = RootName(*expr.args[0]);
            std::string b = RootName(*expr.args[1]);
            bool named = FindVar(a) >= 0 && FindVar(b) >= 0;
            return named ? Usage(*spec, a, b) : Usage(*spec);
          }()));
      ok = false;
    } else {
      extents[i] = ctx_.program.modalities[rule_.vars[checked->var].modality].extents;
    }
    node->args.push_back(std::move(checked));
  }
  if (expr.args.size() == 3) {
    ExprPtr tolerance = Check(*expr.args[2]);
    if (!tolerance->type.IsError() && !tolerance->type.IsNumeric()) {
      ctx_.diags
          .Error("E0308", expr.args[2]->range,
                 fmt::format("the third argument of `{}` is a duration, but this is {}",
                             spec->name, TypePhrase(ctx_.program, tolerance->type)))
          .Primary("expected a duration")
          .Help(fmt::format("write `{}`", Usage(*spec)));
      ok = false;
    }
    if (tolerance->type.IsError()) ok = false;
    node->args.push_back(std::move(tolerance));
  }
  if (!ok) return Error(expr);

  auto both = [&](ExtentSet bit) { return (extents[0] & bit) && (extents[1] & bit); };
  const char* needs = "time";
  switch (spec->builtin) {
    case Builtin::IOU:
      if (both(EXTENT_BOX)) {
        node->geometry = Geometry::BOX;
      } else if (both(EXTENT_TIME)) {
        node->geometry = Geometry::TIME;
      } else {
        needs = "box or time";
        ok = false;
      }
      break;
    case Builtin::DISTANCE:
      if (both(EXTENT_GEO)) {
        node->geometry = Geometry::GEO;
      } else if (both(EXTENT_BOX3D)) {
        node->geometry = Geometry::BOX3D;
      } else {
        needs = "geo or box3d";
        ok = false;
      }
      break;
    default:
      node->geometry = Geometry::TIME;
      ok = both(EXTENT_TIME);
      break;
  }
  if (ok) return node;

  const Variable& a = rule_.vars[node->args[0]->var];
  const Variable& b = rule_.vars[node->args[1]->var];
  const ModalityInfo& ma = ctx_.program.modalities[a.modality];
  const ModalityInfo& mb = ctx_.program.modalities[b.modality];
  Diagnostic& d = ctx_.diags.Error(
      "E0304", expr.range,
      fmt::format("`{}` needs {} on both sides, but `{}` is in `{}` ({}) and `{}` is in `{}` ({})",
                  spec->name, needs, a.name, ma.name, ExtentNames(ma.extents), b.name, mb.name,
                  ExtentNames(mb.extents)));
  d.Primary(fmt::format("no common {}", needs));
  if (node->geometry == Geometry::TIME && spec->builtin != Builtin::IOU &&
      spec->builtin != Builtin::DISTANCE) {
    // Blame the first side without time.
    const bool first = (extents[0] & EXTENT_TIME) == 0;
    const ModalityInfo& blamed = first ? ma : mb;
    d.Label(expr.args[first ? 0 : 1]->range,
            fmt::format("`{}` has no time", (first ? a : b).name));
    d.Label(blamed.decl->name.range, fmt::format("modality `{}` declared with extent {}",
                                                 blamed.name, ExtentNames(blamed.extents)));
    d.Help("temporal predicates compare records of modalities with `extent: time`");
  } else {
    d.Label(expr.args[0]->range, fmt::format("`{}` has {}", a.name, ExtentNames(ma.extents)));
    d.Label(expr.args[1]->range, fmt::format("`{}` has {}", b.name, ExtentNames(mb.extents)));
    d.Help(spec->builtin == Builtin::IOU
               ? "`iou` compares boxes when both modalities have `extent: box`, else intervals "
                 "when both have `extent: time`"
               : "`distance` compares positions when both modalities have `extent: geo`, else "
                 "cuboid centres when both have `extent: box3d`");
  }
  return Error(expr);
}

}  // namespace accord::sema::internal
