// accord compile PATH... -o BUNDLE: write a self-contained bundle.

#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "accord/runtime/bundle_io.h"
#include "bundle_loader.h"
#include "common.h"

namespace accord::cli {

Command RegisterCompile(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    std::string output;
    CompilerFlags flags;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("compile", "Compile sources into a bundle");
  command->add_option("paths", state->paths, "Files or directories, compiled as one unit")
      ->required();
  command->add_option("-o,--output", state->output, "The bundle to write")
      ->required()
      ->type_name("BUNDLE");
  state->flags.Register(*command, {"text"});
  return {command, [state] {
            std::optional<runtime::Bundle> bundle = CompileSources(state->paths, state->flags);
            if (!bundle) return static_cast<int>(EXIT_USAGE);
            std::string bytes = runtime::SerializeBundle(*bundle);
            std::ofstream out(state->output, std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            out.close();
            if (!out) {
              std::cerr << fmt::format("error: cannot write `{}`\n", state->output);
              return static_cast<int>(EXIT_USAGE);
            }
            std::cerr << fmt::format(
                "accord: wrote {} ({} {} {}, {} rules, {} concepts, {} bytes, hash {})\n",
                state->output, bundle->info.ontology, "version",
                bundle->info.version.empty() ? "-" : bundle->info.version, bundle->rules.size(),
                bundle->concepts.size(), bytes.size(), bundle->info.bundle_hash);
            return static_cast<int>(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
