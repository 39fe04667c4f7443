#include "accord/compiler/sema/analyze.h"

#include <chrono>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema {
namespace {

struct Pass {
  const char* name;
  void (*run)(internal::Context&);
};

constexpr Pass kPasses[] = {
    {"declare", internal::DeclarePass},     {"hierarchy", internal::HierarchyPass},
    {"attributes", internal::AttributePass}, {"disjoint", internal::DisjointPass},
    {"rules", internal::RulePass},           {"tests", internal::TestPass},
    {"lints", internal::LintPass},
};

}  // namespace

std::vector<std::string> PassNames() {
  std::vector<std::string> names;
  for (const Pass& pass : kPasses) names.emplace_back(pass.name);
  return names;
}

AnalyzeResult Analyze(const std::vector<ModuleInput>& modules, Diagnostics& diags) {
  AnalyzeResult result;
  result.program = std::make_unique<Program>();
  Program& program = *result.program;
  for (const ModuleInput& input : modules) {
    ModuleInfo info;
    info.name = input.ast->name.Joined();
    info.version = input.ast->version.value;
    info.path = input.path;
    info.ast = input.ast;
    info.imports = input.imports;
    program.modules.push_back(std::move(info));
  }
  program.root = modules.empty() ? 0 : static_cast<std::uint32_t>(modules.size() - 1);

  internal::Context ctx(program, diags);
  const std::size_t errors_before = diags.ErrorCount();
  for (const Pass& pass : kPasses) {
    // Lints on a unit with errors would mostly restate them (a concept whose
    // parent is misspelled looks unused), so they run on clean units only.
    if (pass.run == internal::LintPass && diags.ErrorCount() > errors_before) break;
    auto start = std::chrono::steady_clock::now();
    pass.run(ctx);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    result.timings.push_back({pass.name, elapsed.count()});
  }
  result.session_warnings = std::move(ctx.session_warnings);
  return result;
}

}  // namespace accord::sema
