// Pass 5: rules. Bindings, conditions and report templates are type-checked
// into the checked IR that the planner consumes.

#include <fmt/format.h>

#include "accord/compiler/sema/internal/expr_checker.h"
#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {
namespace {

RuleSeverity CheckSeverity(Context& ctx, const ast::RuleDecl& decl) {
  if (!decl.severity) return RuleSeverity::ERROR;
  const std::string& text = decl.severity->text;
  if (text == "error") return RuleSeverity::ERROR;
  if (text == "warning") return RuleSeverity::WARNING;
  if (text == "info") return RuleSeverity::INFO;
  Diagnostic& d = ctx.diags.Error("E0311", decl.severity->range,
                                  fmt::format("unknown severity `{}`", text));
  d.Primary("expected `error`, `warning` or `info`");
  std::string suggestion = DidYouMean(text, {"error", "warning", "info"});
  if (!suggestion.empty()) d.Help(suggestion);
  return RuleSeverity::ERROR;
}

Rule CheckRule(Context& ctx, std::uint32_t module, const ast::RuleDecl& decl) {
  Rule rule;
  rule.name = decl.name.text;
  rule.module = module;
  rule.doc = decl.doc;
  rule.range = decl.range;
  rule.decl = &decl;
  rule.severity = CheckSeverity(ctx, decl);
  if (decl.guideline) rule.guideline = decl.guideline->value;
  if (decl.escalate) rule.escalate = decl.escalate->value;

  ExprChecker checker(ctx, module, rule);
  for (const ast::Binding& binding : decl.bindings) checker.Bind(binding, /*quantified=*/false);
  rule.binding_count = static_cast<std::uint32_t>(decl.bindings.size());
  if (decl.where) rule.where = checker.CheckCondition(*decl.where, "`where`");
  if (decl.require) rule.require = checker.CheckCondition(*decl.require, "`require`");
  if (decl.unless) rule.unless = checker.CheckCondition(*decl.unless, "`unless`");
  if (decl.report) {
    for (const ast::TemplatePart& part : decl.report->parts) {
      TemplatePiece piece;
      piece.text = part.text;
      if (part.expr) {
        piece.expr = checker.Check(*part.expr);  // lists are rejected there (E0312)
      }
      rule.report.push_back(std::move(piece));
    }
  } else {
    // Without a template the finding says which rule fired and what it binds.
    rule.report.push_back({fmt::format("rule `{}` fired", rule.name), nullptr});
  }
  return rule;
}

}  // namespace

void RulePass(Context& ctx) {
  Program& program = ctx.program;
  for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
    for (const ast::DeclPtr& decl : program.modules[m].ast->decls) {
      if (decl->kind != ast::DeclKind::RULE) continue;
      program.rules.push_back(CheckRule(ctx, m, static_cast<const ast::RuleDecl&>(*decl)));
    }
  }
}

}  // namespace accord::sema::internal
