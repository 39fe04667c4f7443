// The accord command: thin subcommands over the compiler and runtime libraries.

#include <CLI/CLI.hpp>

#include "common.h"

int main(int argc, char** argv) {
  using namespace accord::cli;
  CLI::App app{"Accord: cross-modal annotation guidelines, compiled and checked", "accord"};
  app.set_version_flag("--version", Version());
  app.require_subcommand(1);
  std::vector<Command> commands = {RegisterCheck(app),   RegisterCompile(app), RegisterValidate(app),
                                  RegisterPlan(app),
                                  RegisterTest(app),    RegisterGraph(app),
                                  RegisterExplain(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return EXIT_USAGE;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return EXIT_USAGE;
}
