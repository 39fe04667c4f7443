#pragma once
// Semantic analysis: resolves names, builds the concept hierarchy, checks
// attributes, rules and tests, and produces the checked Program.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "accord/compiler/ast/module.h"
#include "accord/compiler/base/diagnostic.h"
#include "accord/compiler/sema/program.h"

namespace accord::sema {

/// A parsed module with its imports already resolved to other entries.
struct ModuleInput {
  const ast::Module* ast = nullptr;
  std::string path;
  std::vector<std::uint32_t> imports;  ///< indexes into the same input list
};

/// A warning whose truth depends on every program that includes the
/// declaration (e.g. "unused enum"): the driver emits it only if every
/// compilation unit containing `decl` reported it.
struct SessionWarning {
  const void* decl = nullptr;
  Diagnostic diagnostic;
};

/// One named pass, for `--time-passes` and `--dump-after`.
struct PassTiming {
  std::string name;
  double seconds = 0;
};

struct AnalyzeResult {
  std::unique_ptr<Program> program;
  std::vector<SessionWarning> session_warnings;
  std::vector<PassTiming> timings;
};

/// Runs every semantic pass in order over `modules` (imports before
/// importers; the last entry is the root). Errors and immediate warnings go
/// to `diags`.
AnalyzeResult Analyze(const std::vector<ModuleInput>& modules, Diagnostics& diags);

/// The names of the passes Analyze runs, in order.
std::vector<std::string> PassNames();

}  // namespace accord::sema
