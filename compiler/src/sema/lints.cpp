// Pass 7: warnings. Unused enums and concepts, concepts no record can ever
// carry, and rules whose conditions can never hold.

#include <algorithm>

#include <fmt/format.h>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {
namespace {

void Conjuncts(const Expr* expr, std::vector<const Expr*>& out) {
  if (!expr) return;
  if (expr->op == ExprOp::AND) {
    for (const ExprPtr& arg : expr->args) Conjuncts(arg.get(), out);
    return;
  }
  out.push_back(expr);
}

/// The concept a conjunct requires of variable `var`, or kNoConcept.
ConceptId RequiredConcept(const Expr& e, std::uint32_t var) {
  if (e.op == ExprOp::IS && e.var == var) return e.concept_id;
  if (e.op != ExprOp::EQ) return kNoConcept;
  for (int side = 0; side < 2; ++side) {
    const Expr& field = *e.args[static_cast<std::size_t>(side)];
    const Expr& constant = *e.args[static_cast<std::size_t>(1 - side)];
    if (field.op == ExprOp::FIELD && field.field == Field::CONCEPT && field.var == var &&
        constant.op == ExprOp::CONST && constant.value.kind == TypeKind::CONCEPT) {
      return constant.value.concept_id;
    }
  }
  return kNoConcept;
}

void CheckNeverFires(Context& ctx, const Rule& rule) {
  const Program& program = ctx.program;
  std::vector<const Expr*> conjuncts;
  Conjuncts(rule.where.get(), conjuncts);
  for (std::uint32_t var = 0; var < rule.binding_count; ++var) {
    const Variable& variable = rule.vars[var];
    std::vector<std::pair<ConceptId, const Expr*>> required;
    for (const Expr* conjunct : conjuncts) {
      ConceptId c = RequiredConcept(*conjunct, var);
      if (c != kNoConcept) required.emplace_back(c, conjunct);
    }
    if (required.empty()) continue;
    if (variable.concept_id != kNoConcept) required.emplace_back(variable.concept_id, nullptr);
    const ModalitySet bit = ModalitySet{1} << variable.modality;
    bool possible = false;
    for (ConceptId c = 0; c < program.concepts.size() && !possible; ++c) {
      if ((program.concepts[c].modalities & bit) == 0) continue;
      possible = std::all_of(required.begin(), required.end(),
                             [&](const auto& r) { return program.IsA(c, r.first); });
    }
    if (possible) continue;
    // Name the explicit conditions; the binding's own concept only when it
    // is part of the contradiction (a single `is` that cannot hold below it).
    std::vector<std::string> names;
    for (const auto& r : required) {
      if (r.second || required.size() == 2) {
        names.push_back(fmt::format("`{}`", program.concepts[r.first].name));
      }
    }
    Diagnostic& d = ctx.diags.Warning(
        "W0004", rule.decl->name.range,
        fmt::format("rule `{}` can never fire: no concept annotated in `{}` is {}", rule.name,
                    program.modalities[variable.modality].name,
                    names.size() == 1   ? names[0]
                    : names.size() == 2 ? fmt::format("both {}", fmt::join(names, " and "))
                                        : fmt::format("all of {}", fmt::join(names, ", "))));
    d.Primary("this rule never fires");
    for (const auto& r : required) {
      if (!r.second && required.size() != 2) continue;  // not part of the contradiction
      d.Label(r.second ? r.second->range : variable.range,
              fmt::format("`{}` must be {}", variable.name,
                          WithArticle(fmt::format("`{}`", program.concepts[r.first].name))));
    }
    for (const auto& r : required) {
      const ConceptInfo& info = program.concepts[r.first];
      if ((info.reachable & bit) != 0) continue;
      std::vector<std::string> where;
      for (ModalityId m = 0; m < program.modalities.size(); ++m) {
        if ((info.reachable >> m) & 1) where.push_back(program.modalities[m].name);
      }
      d.Note(where.empty() ? fmt::format("`{}` is annotated in no modality", info.name)
                           : fmt::format("`{}` is annotated only in {}", info.name,
                                         fmt::join(where, ", ")));
    }
    for (const DisjointSet& set : program.disjoint) {
      for (const auto& a : required) {
        for (const auto& b : required) {
          for (ConceptId ma : set.members) {
            for (ConceptId mb : set.members) {
              if (ma < mb && program.IsA(a.first, ma) && program.IsA(b.first, mb)) {
                std::string note = fmt::format("`{}` and `{}` are declared disjoint",
                                               program.concepts[ma].name,
                                               program.concepts[mb].name);
                if (std::find(d.notes.begin(), d.notes.end(), note) == d.notes.end()) {
                  d.Note(std::move(note));
                }
              }
            }
          }
        }
      }
    }
    d.Help("remove the contradictory condition, or bind another concept");
  }
}

void Session(Context& ctx, const void* decl, Diagnostic diagnostic) {
  ctx.session_warnings.push_back({decl, std::move(diagnostic)});
}

Diagnostic Warning(std::string code, SourceRange range, std::string message, std::string primary,
                   std::string help) {
  Diagnostic d;
  d.severity = Severity::WARNING;
  d.code = std::move(code);
  d.range = range;
  d.message = std::move(message);
  d.label = std::move(primary);
  d.help = std::move(help);
  return d;
}

}  // namespace

void LintPass(Context& ctx) {
  const Program& program = ctx.program;
  for (EnumId id = 0; id < program.enums.size(); ++id) {
    const EnumInfo& info = program.enums[id];
    if (ctx.Used(SymbolKind::ENUM, id)) continue;
    Session(ctx, info.decl,
            Warning("W0001", info.decl->name.range, fmt::format("enum `{}` is never used", info.name),
                    "declared here", "use it as an attribute type, or remove it"));
  }
  for (ConceptId id = 0; id < program.concepts.size(); ++id) {
    const ConceptInfo& info = program.concepts[id];
    const bool used = ctx.Used(SymbolKind::CONCEPT, id);
    if (info.modalities == 0 && info.children.empty() && !used) {
      Session(ctx, info.decl,
              Warning("W0002", info.decl->name.range,
                      fmt::format("concept `{}` is never used", info.name),
                      "no label, no concept below it, and no rule mentions it",
                      "give it a label with `in MODALITY`, or remove it"));
    } else if (info.reachable == 0) {
      Session(ctx, info.decl,
              Warning("W0003", info.decl->name.range,
                      fmt::format("concept `{}` is annotatable in no modality", info.name),
                      "neither it nor any concept below it has a label",
                      fmt::format("add `in MODALITY` to `{}` or to a concept below it", info.name)));
    }
  }
  for (const Rule& rule : program.rules) CheckNeverFires(ctx, rule);
}

}  // namespace accord::sema::internal
