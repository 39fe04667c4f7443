// Pass 3: attribute declarations, their types and defaults, inheritance
// down the hierarchy, and fixed values.

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {
namespace {

constexpr std::array<std::pair<const char*, TypeKind>, 5> kBuiltinTypes = {{
    {"bool", TypeKind::BOOL}, {"int", TypeKind::INT}, {"float", TypeKind::FLOAT},
    {"string", TypeKind::STRING}, {"duration", TypeKind::DURATION},
}};

/// Type names from other languages, and what Accord calls them.
constexpr std::array<std::pair<const char*, const char*>, 7> kTypeAliases = {{
    {"integer", "int"}, {"long", "int"}, {"boolean", "bool"}, {"double", "float"},
    {"number", "float"}, {"str", "string"}, {"text", "string"},
}};

Type ResolveType(Context& ctx, std::uint32_t module, const ast::TypeRef& ref) {
  Type type;
  bool found = false;
  if (ref.name.parts.size() == 1) {
    for (const auto& [name, kind] : kBuiltinTypes) {
      if (ref.name.parts[0].text == name) {
        type.kind = kind;
        found = true;
      }
    }
  }
  if (!found) {
    LookupResult result = ctx.Lookup(module, ref.name);
    if (result.status == LookupStatus::FOUND && result.symbol.kind == SymbolKind::ENUM) {
      type = Type::Enum(result.symbol.id);
      ctx.MarkUsed(result.symbol);
      found = true;
    } else if (result.status == LookupStatus::AMBIGUOUS) {
      ctx.Resolve(module, ref.name, SymbolKind::ENUM, "E0203");  // reports E0104
      return type;
    }
  }
  if (!found) {
    if (ctx.ReportNotImported(module, ref.name, SymbolKind::ENUM, "E0203")) return type;
    std::vector<std::string> candidates = ctx.VisibleNames(module, SymbolKind::ENUM);
    for (const auto& builtin : kBuiltinTypes) candidates.emplace_back(builtin.first);
    Diagnostic& d = ctx.diags.Error("E0203", ref.name.range,
                                    fmt::format("unknown type `{}`", ref.name.Joined()));
    d.Primary("not a built-in type or a declared enum");
    const std::string& text = ref.name.parts.back().text;
    std::string suggestion = DidYouMean(text, candidates);
    for (const auto& [other, ours] : kTypeAliases) {
      if (suggestion.empty() && ref.name.parts.size() == 1 && text == other) {
        suggestion = fmt::format("did you mean `{}`?", ours);
      }
    }
    d.Help(suggestion.empty() ? "types are bool, int, float, string, duration, or an enum"
                              : suggestion);
    return type;
  }
  if (!ref.has_range) return type;
  if (type.kind != TypeKind::INT && type.kind != TypeKind::FLOAT) {
    ctx.diags
        .Error("E0215", ref.range_span,
               fmt::format("a range applies only to `int` and `float`, not `{}`",
                           ref.name.Joined()))
        .Primary("range not allowed here");
    return Type{};
  }
  if (type.kind == TypeKind::INT && !ref.integral_bounds) {
    ctx.diags.Error("E0215", ref.range_span, "the bounds of an `int` range must be integers")
        .Primary("fractional bound")
        .Help("use `float[lo..hi]` for a fractional range");
    return Type{};
  }
  if (ref.lo > ref.hi) {
    ctx.diags
        .Error("E0215", ref.range_span,
               fmt::format("empty range: the lower bound {} is above the upper bound {}", ref.lo,
                           ref.hi))
        .Primary("empty range")
        .Help(fmt::format("write `[{}..{}]`", ref.hi, ref.lo));
    return Type{};
  }
  type.has_range = true;
  type.lo = ref.lo;
  type.hi = ref.hi;
  return type;
}

using NamedAttrs = std::vector<std::pair<std::string, AttributeId>>;

/// Attributes visible through the parents; reports two unrelated attributes of one name.
NamedAttrs Inherit(Context& ctx, ConceptId c) {
  Program& program = ctx.program;
  NamedAttrs visible;
  for (ConceptId parent : program.concepts[c].parents) {
    for (const auto& [name, id] : program.concepts[parent].attributes) {
      auto it = std::find_if(visible.begin(), visible.end(),
                             [&](const auto& e) { return e.first == name; });
      if (it == visible.end()) {
        visible.emplace_back(name, id);
        continue;
      }
      if (it->second == id) continue;
      const AttributeInfo& a = program.attributes[it->second];
      const AttributeInfo& b = program.attributes[id];
      if (a.type.kind == b.type.kind && a.type.enum_id == b.type.enum_id) continue;
      ctx.diags
          .Error("E0210", program.concepts[c].decl->name.range,
                 fmt::format("`{}` inherits two different attributes `{}`: `{}` from `{}` and "
                             "`{}` from `{}`",
                             program.concepts[c].name, name, program.TypeName(a.type),
                             program.concepts[a.owner].name, program.TypeName(b.type),
                             program.concepts[b.owner].name))
          .Primary("conflicting inheritance")
          .Label(a.decl->name.range, "one declared here")
          .Label(b.decl->name.range, "the other declared here")
          .Help("declare the attribute once, on a common ancestor");
    }
  }
  return visible;
}

void DeclareOwn(Context& ctx, ConceptId c, NamedAttrs& visible) {
  Program& program = ctx.program;
  const ast::ConceptDecl& decl = *program.concepts[c].decl;
  const std::uint32_t module = program.concepts[c].module;
  for (std::size_t i = 0; i < decl.attributes.size(); ++i) {
    const ast::AttributeDecl& attr = *decl.attributes[i];
    const std::string& name = attr.name.text;
    bool duplicate = false;
    for (std::size_t j = 0; j < i && !duplicate; ++j) {
      if (decl.attributes[j]->name.text != name) continue;
      ctx.diags
          .Error("E0211", attr.name.range,
                 fmt::format("attribute `{}` is declared twice in `{}`", name, decl.name.text))
          .Primary("repeated here")
          .Label(decl.attributes[j]->name.range, "first declared here");
      duplicate = true;
    }
    if (duplicate) continue;
    Field field;
    if (FindField(name, &field)) {
      ctx.diags
          .Error("E0217", attr.name.range,
                 fmt::format("attribute `{}` would hide the record field `{}`", name, name))
          .Primary("a record field has this name")
          .Help("rename the attribute");
      continue;
    }
    auto inherited = std::find_if(visible.begin(), visible.end(),
                                  [&](const auto& e) { return e.first == name; });
    if (inherited != visible.end()) {
      const AttributeInfo& up = program.attributes[inherited->second];
      ctx.diags
          .Error("E0210", attr.name.range,
                 fmt::format("`{}` redeclares attribute `{}` inherited from `{}`", decl.name.text,
                             name, program.concepts[up.owner].name))
          .Primary("redeclared here")
          .Label(up.decl->name.range, "declared here")
          .Help(fmt::format("to give it another value below `{}`, write `{} = VALUE;`",
                            program.concepts[up.owner].name, name));
      continue;
    }
    AttributeInfo info;
    info.name = name;
    info.type = ResolveType(ctx, module, attr.type);
    info.owner = c;
    info.decl = &attr;
    if (attr.default_value) {
      info.default_value = EvalConstant(ctx, module, *attr.default_value, info.type,
                                        fmt::format("the default of `{}`", name));
    }
    auto id = static_cast<AttributeId>(program.attributes.size());
    program.attributes.push_back(std::move(info));
    visible.emplace_back(name, id);
  }
}

void FixValues(Context& ctx, ConceptId c) {
  Program& program = ctx.program;
  ConceptInfo& info = program.concepts[c];
  for (ConceptId parent : info.parents) {
    for (const auto& entry : program.concepts[parent].fixed) {
      bool present = std::any_of(info.fixed.begin(), info.fixed.end(),
                                 [&](const auto& e) { return e.first == entry.first; });
      if (!present) info.fixed.push_back(entry);
    }
  }
  const ast::ConceptDecl& decl = *info.decl;
  for (std::size_t i = 0; i < decl.fixed.size(); ++i) {
    const ast::FixedValue& fixed = *decl.fixed[i];
    bool duplicate = false;
    for (std::size_t j = 0; j < i && !duplicate; ++j) {
      if (decl.fixed[j]->name.text != fixed.name.text) continue;
      ctx.diags
          .Error("E0211", fixed.name.range,
                 fmt::format("`{}` is fixed twice in `{}`", fixed.name.text, decl.name.text))
          .Primary("repeated here")
          .Label(decl.fixed[j]->name.range, "first fixed here");
      duplicate = true;
    }
    if (duplicate) continue;
    AttributeId attr;
    if (!program.FindAttribute(c, fixed.name.text, &attr)) {
      std::vector<std::string> names;
      for (const auto& entry : info.attributes) names.push_back(entry.first);
      Diagnostic& d = ctx.diags.Error(
          "E0212", fixed.name.range,
          fmt::format("`{}` has no attribute `{}` to fix", decl.name.text, fixed.name.text));
      d.Primary("not declared on this concept or its ancestors");
      std::string suggestion = DidYouMean(fixed.name.text, names);
      d.Help(!suggestion.empty() ? suggestion
                                 : fmt::format("declare it first: `{}: TYPE;`", fixed.name.text));
      continue;
    }
    std::optional<Value> value =
        EvalConstant(ctx, info.module, *fixed.value, program.attributes[attr].type,
                     fmt::format("the value of `{}`", fixed.name.text));
    if (!value) continue;
    auto it = std::find_if(info.fixed.begin(), info.fixed.end(),
                           [&](const auto& e) { return e.first == attr; });
    if (it != info.fixed.end()) {
      it->second = std::move(*value);
    } else {
      info.fixed.emplace_back(attr, std::move(*value));
    }
  }
  std::sort(info.fixed.begin(), info.fixed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

void AttributePass(Context& ctx) {
  for (ConceptId c : ctx.topo_order) {
    NamedAttrs visible = Inherit(ctx, c);
    DeclareOwn(ctx, c, visible);
    std::sort(visible.begin(), visible.end());
    ctx.program.concepts[c].attributes = std::move(visible);
    FixValues(ctx, c);
  }
}

}  // namespace accord::sema::internal
