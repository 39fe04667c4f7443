#include "common.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "accord/compiler/diag/render.h"

namespace accord::cli {

const char* Version() { return ACCORD_VERSION; }

int Finish(int code) {
#ifndef ACCORD_SANITIZE
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
#else
  return code;
#endif
}

void CompilerFlags::Register(CLI::App& command, const std::vector<std::string>& formats) {
  command.add_option("-I,--include", include_dirs, "Directory to search for imports (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  command.add_option("--format", format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  command.add_option("--color", color, "Colour diagnostics: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

CompileOptions CompilerFlags::Options() const {
  CompileOptions options;
  options.include_dirs = include_dirs;
  if (const char* path = std::getenv("ACCORD_PATH")) options.path_dirs = SplitSearchPath(path);
  return options;
}

bool CompilerFlags::UseColor() const {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDERR_FILENO) && (no_color == nullptr || *no_color == '\0');
}

int ReportDiagnostics(Session& session, const CompilerFlags& flags, std::size_t files,
                      bool summary_when_clean) {
  session.Finish();
  Diagnostics& diags = session.Diags();
  const auto& all = diags.All();
  if (flags.format == "json") {
    std::cout << RenderJson(all, session.Sources());
  } else if (flags.format == "sarif") {
    std::cout << RenderSarif(all, session.Sources(), Version());
  } else {
    TextStyle style{flags.UseColor()};
    for (const Diagnostic& d : all) std::cerr << RenderText(d, session.Sources(), style);
  }
  std::size_t errors = diags.ErrorCount();
  std::size_t warnings = diags.WarningCount();
  std::string summary =
      errors + warnings == 0
          ? "no problems"
          : fmt::format("{} error{}, {} warning{}", errors, errors == 1 ? "" : "s", warnings,
                        warnings == 1 ? "" : "s");
  if (diags.Truncated()) summary += fmt::format(" (and {} more errors not shown)", diags.Dropped());
  if (!summary_when_clean && errors + warnings == 0) return EXIT_CLEAN;
  std::cerr << fmt::format("accord: {} file{} checked: {}\n", files, files == 1 ? "" : "s",
                           summary);
  return diags.HasErrors() ? EXIT_USAGE : EXIT_CLEAN;
}

}  // namespace accord::cli
