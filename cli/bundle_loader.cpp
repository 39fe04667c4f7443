#include "bundle_loader.h"

#include <fstream>
#include <iostream>

#include "accord/compiler/plan/lower.h"
#include "accord/runtime/bundle_io.h"

namespace accord::cli {
namespace {

bool IsBundleFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && runtime::LooksLikeBundle(std::string_view(head, sizeof head));
}

}  // namespace

const CompiledUnit* CheckSources(Session& session, const std::vector<std::string>& paths,
                                 const CompilerFlags& flags) {
  std::vector<std::string> files = ExpandSourcePaths(paths, session.Diags());
  const CompiledUnit* unit = files.empty() ? nullptr : session.CompileAll(files);
  CompilerFlags text = flags;
  text.format = "text";
  bool failed = !unit || session.Diags().HasErrors();
  if (failed || session.Diags().WarningCount() > 0 || !session.Diags().All().empty()) {
    ReportDiagnostics(session, text, files.size(), /*summary_when_clean=*/false);
  }
  return failed ? nullptr : unit;
}

std::optional<runtime::Bundle> CompileSources(const std::vector<std::string>& paths,
                                              const CompilerFlags& flags) {
  Session session(flags.Options());
  const CompiledUnit* unit = CheckSources(session, paths, flags);
  if (unit == nullptr) return std::nullopt;
  return LowerProgram(*unit->program, {Version(), unit->sources_hash});
}

std::optional<runtime::Bundle> LoadRules(const std::vector<std::string>& paths,
                                         const CompilerFlags& flags) {
  if (paths.size() == 1 && IsBundleFile(paths[0])) {
    runtime::Result<runtime::Bundle> bundle = runtime::ReadBundleFile(paths[0]);
    if (!bundle) {
      std::cerr << "error: " << bundle.error().message << "\n";
      return std::nullopt;
    }
    return std::move(bundle.value());
  }
  std::optional<runtime::Bundle> bundle = CompileSources(paths, flags);
  if (bundle) runtime::SerializeBundle(*bundle);  // sets the bundle hash findings carry
  return bundle;
}

}  // namespace accord::cli
