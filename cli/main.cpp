// The accord command: thin subcommands over the compiler and runtime libraries.

#include <malloc.h>

#include <CLI/CLI.hpp>

#include "common.h"

namespace {

/// Keeps freed memory in the process: glibc otherwise maps large blocks
/// afresh for each allocation and trims its heaps as soon as they shrink, so
/// a run of large items faults in the same megabytes again and again, and a
/// first touch of a page is costly (about 11 us per 4 KiB page in the KVM
/// guest of bench/RESULTS.md).
/// Memory stays bounded by the largest items in flight either way.
void KeepFreedMemory() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 4 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace accord::cli;
  KeepFreedMemory();
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
