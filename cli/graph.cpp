// accord graph FILE --format dot|svg: draw the concept hierarchy.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "accord/compiler/driver/hierarchy_dot.h"
#include "common.h"

namespace accord::cli {
namespace {

/// Renders DOT to SVG with graphviz's `dot`; false if it is missing or fails.
bool DotToSvg(const std::string& dot, const std::string& output, std::string& error) {
  std::string command = "dot -Tsvg";
  if (!output.empty() && output != "-") command += " -o '" + output + "'";
  FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) {
    error = "cannot start graphviz's `dot`";
    return false;
  }
  std::fwrite(dot.data(), 1, dot.size(), pipe);
  int status = pclose(pipe);
  if (status != 0) {
    error = "graphviz's `dot` failed (is the graphviz package installed? scripts/setup installs it)";
    return false;
  }
  return true;
}

}  // namespace

Command RegisterGraph(CLI::App& app) {
  struct State {
    std::string path;
    std::string output;
    CompilerFlags flags;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("graph", "Draw the concept hierarchy of a file");
  command->add_option("path", state->path, "An .accord or YAML file")->required();
  command->add_option("-o,--output", state->output, "Write here instead of stdout")
      ->type_name("FILE");
  state->flags.format = "dot";
  state->flags.Register(*command, {"dot", "svg"});
  return {command, [state] {
            Session session(state->flags.Options());
            const CompiledUnit* unit = session.Compile(state->path);
            if (!unit || session.Diags().HasErrors()) {
              CompilerFlags text = state->flags;
              text.format = "text";
              return ReportDiagnostics(session, text, 1);
            }
            std::string dot = HierarchyToDot(*unit->program);
            if (state->flags.format == "svg") {
              std::string error;
              if (!DotToSvg(dot, state->output, error)) {
                std::cerr << "error: " << error << "\n";
                return static_cast<int>(EXIT_USAGE);
              }
              return static_cast<int>(EXIT_CLEAN);
            }
            if (state->output.empty() || state->output == "-") {
              std::cout << dot;
            } else {
              std::ofstream out(state->output);
              out << dot;
              if (!out) {
                std::cerr << fmt::format("error: cannot write `{}`\n", state->output);
                return static_cast<int>(EXIT_USAGE);
              }
            }
            return static_cast<int>(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
