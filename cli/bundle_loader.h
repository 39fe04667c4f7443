#pragma once
// `--rules` for validate and plan: a bundle file, or sources compiled in memory.

#include <optional>
#include <string>
#include <vector>

#include "accord/runtime/bundle.h"
#include "common.h"

namespace accord::cli {

/// Loads one bundle file, or compiles the given sources (files or
/// directories) as one unit. Prints diagnostics or the bundle error to
/// stderr and returns nothing on failure (exit code EXIT_USAGE).
std::optional<runtime::Bundle> LoadRules(const std::vector<std::string>& paths,
                                         const CompilerFlags& flags);

/// Compiles sources into a bundle; prints diagnostics (warnings too).
std::optional<runtime::Bundle> CompileSources(const std::vector<std::string>& paths,
                                              const CompilerFlags& flags);

/// Compiles sources as one unit in `session` and prints diagnostics
/// (warnings too); the unit, or null when it has errors.
const CompiledUnit* CheckSources(Session& session, const std::vector<std::string>& paths,
                                 const CompilerFlags& flags);

}  // namespace accord::cli
