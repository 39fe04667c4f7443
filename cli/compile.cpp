// accord compile PATH... -o BUNDLE: write a self-contained bundle.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "accord/compiler/plan/lower.h"
#include "accord/runtime/bundle_io.h"
#include "bundle_loader.h"
#include "common.h"

namespace accord::cli {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Writes `bytes` to `path`, replacing it; false on any failure.
bool WriteFile(const std::string& path, const std::string& bytes) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) return false;
  bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  return std::fclose(out) == 0 && written;
}

}  // namespace

Command RegisterCompile(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    std::string output;
    CompilerFlags flags;
    bool time_passes = false;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("compile", "Compile sources into a bundle");
  command->add_option("paths", state->paths, "Files or directories, compiled as one unit")
      ->required();
  command->add_option("-o,--output", state->output, "The bundle to write")
      ->required()
      ->type_name("BUNDLE");
  state->flags.Register(*command, {"text"});
  command->add_flag("--time-passes", state->time_passes,
                    "Print the time parsing, each semantic pass, lowering, planning, serializing "
                    "and writing took, to stderr");
  return {command, [state] {
            // The session and the bundle live until Finish: the process ends
            // without freeing them.
            Session session(state->flags.Options());
            const CompiledUnit* unit = CheckSources(session, state->paths, state->flags);
            if (unit == nullptr) return Finish(EXIT_USAGE);
            std::vector<sema::PassTiming> timings = unit->timings;
            LowerOptions options{Version(), unit->sources_hash, /*index=*/false};
            runtime::Bundle bundle = LowerProgram(*unit->program, options, &timings);
            Clock::time_point start = Clock::now();
            std::string bytes = runtime::SerializeBundle(bundle);
            timings.push_back({"serialize", SecondsSince(start)});
            start = Clock::now();
            bool written = WriteFile(state->output, bytes);
            timings.push_back({"write", SecondsSince(start)});
            if (!written) {
              std::cerr << fmt::format("error: cannot write `{}`\n", state->output);
              return Finish(EXIT_USAGE);
            }
            if (state->time_passes) {
              for (const sema::PassTiming& timing : timings) {
                std::cerr << fmt::format("{}: pass {:<10} {:8.3f} ms\n", unit->root_path,
                                         timing.name, timing.seconds * 1000);
              }
            }
            std::cerr << fmt::format(
                "accord: wrote {} ({} {} {}, {} rules, {} concepts, {} bytes, hash {})\n",
                state->output, bundle.info.ontology, "version",
                bundle.info.version.empty() ? "-" : bundle.info.version, bundle.rules.size(),
                bundle.concepts.size(), bytes.size(), bundle.info.bundle_hash);
            return Finish(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
