// accord check PATH...: type-check .accord and YAML files or directories.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "accord/compiler/sema/dump.h"
#include "common.h"

namespace accord::cli {

Command RegisterCheck(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    CompilerFlags flags;
    bool time_passes = false;
    bool dump_ir = false;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("check", "Check .accord/.yaml files or directories");
  command->add_option("paths", state->paths, "Files or directories")->required();
  state->flags.Register(*command, {"text", "json", "sarif"});
  command->add_flag("--time-passes", state->time_passes,
                    "Print the time parsing and each semantic pass took, per file, to stderr");
  command->add_flag("--dump-ir", state->dump_ir,
                    "Print each file's checked program (ontology tables and rule IR) to stdout");
  return {command, [state] {
            CompileOptions options = state->flags.Options();
            options.hash_sources = false;  // no bundle is written
            Session session(std::move(options));
            std::vector<std::string> files = ExpandSourcePaths(state->paths, session.Diags());
            for (const std::string& file : files) {
              const CompiledUnit* unit = session.Compile(file);
              if (unit && state->dump_ir) std::cout << sema::DumpProgram(*unit->program);
              if (unit && state->time_passes) {
                for (const sema::PassTiming& timing : unit->timings) {
                  std::cerr << fmt::format("{}: pass {:<10} {:8.3f} ms\n", file, timing.name,
                                           timing.seconds * 1000);
                }
              }
            }
            return Finish(ReportDiagnostics(session, state->flags, files.size()));
          }};
}

}  // namespace accord::cli
