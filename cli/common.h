#pragma once
// Shared by the subcommands: compiler options from flags and ACCORD_PATH,
// colour detection, diagnostic output, and exit codes.

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "accord/compiler/driver/session.h"

namespace accord::cli {

/// Exit codes shared by check, compile, validate and test (DESIGN.md).
enum ExitCode : int {
  EXIT_CLEAN = 0,
  EXIT_FINDINGS = 1,
  EXIT_USAGE = 2,  ///< usage, compile or bundle error
  EXIT_INPUT = 3,  ///< unreadable or malformed data
};

struct CompilerFlags {
  std::vector<std::string> include_dirs;
  std::string format = "text";
  std::string color = "auto";

  /// Adds -I, --format and --color to `command`; `formats` lists what --format accepts.
  void Register(CLI::App& command, const std::vector<std::string>& formats);
  CompileOptions Options() const;
  bool UseColor() const;
};

/// Prints the session's diagnostics in `flags.format` (text to stderr,
/// json/sarif to stdout) and returns EXIT_USAGE if any is an error.
/// With `summary_when_clean` false, the summary line is printed only when
/// there is something to report.
int ReportDiagnostics(Session& session, const CompilerFlags& flags, std::size_t files,
                      bool summary_when_clean = true);

const char* Version();

/// Ends the process with `code` once output is flushed, without tearing down
/// the compiler's data structures (as compilers do: freeing a large AST and
/// ANTLR's caches costs a noticeable share of a run). Sanitizer builds return
/// `code` instead, so leak checking still sees every allocation freed.
int Finish(int code);

/// A subcommand: its CLI11 node and what runs when it was chosen.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command RegisterCheck(CLI::App& app);
Command RegisterGraph(CLI::App& app);
Command RegisterExplain(CLI::App& app);
Command RegisterCompile(CLI::App& app);
Command RegisterPlan(CLI::App& app);
Command RegisterTest(CLI::App& app);
Command RegisterValidate(CLI::App& app);

}  // namespace accord::cli
