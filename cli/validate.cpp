// accord validate --rules (BUNDLE|PATH)... DATA...: check annotation records
// against compiled guidelines.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "accord/runtime/report.h"
#include "accord/runtime/validate.h"
#include "bundle_loader.h"
#include "common.h"

namespace accord::cli {
namespace {

bool ParseShard(const std::string& text, std::uint32_t& k, std::uint32_t& n) {
  unsigned long a = 0;
  unsigned long b = 0;
  char slash = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%lu%c%lu%c", &a, &slash, &b, &extra) != 3 || slash != '/') {
    return false;
  }
  if (b == 0 || a == 0 || a > b || b > 1000000) return false;
  k = static_cast<std::uint32_t>(a);
  n = static_cast<std::uint32_t>(b);
  return true;
}

runtime::Severity Threshold(const std::string& name) {
  if (name == "warning") return runtime::Severity::WARNING;
  if (name == "info") return runtime::Severity::INFO;
  return runtime::Severity::ERROR;
}

/// Whether the run found something at or above `threshold`.
bool FoundAtOrAbove(const runtime::Summary& summary, runtime::Severity threshold) {
  for (runtime::Severity severity :
       {runtime::Severity::ERROR, runtime::Severity::WARNING, runtime::Severity::INFO}) {
    if (severity > threshold) break;
    auto found = summary.by_severity.find(std::string(runtime::SeverityName(severity)));
    if (found != summary.by_severity.end() && found->second > 0) return true;
  }
  return false;
}

/// Closes the -o file on every path.
struct FileCloser {
  int fd = -1;
  ~FileCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Command RegisterValidate(CLI::App& app) {
  struct State {
    std::vector<std::string> rules;
    std::vector<std::string> data;
    CompilerFlags flags;
    std::string fail_on = "error";
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string shard;
    std::size_t max_line_bytes = std::size_t{1} << 20;
    std::string output;
    bool quiet = false;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("validate", "Validate annotation records (JSON Lines)");
  command->add_option("--rules", state->rules,
                      "A bundle, or .accord/.yaml sources (repeat --rules for several)")
      ->required()
      ->allow_extra_args(false)
      ->type_name("BUNDLE|PATH");
  command->add_option("data", state->data, "JSON Lines files, or - for stdin")->required();
  state->flags.format = "text";
  state->flags.Register(*command, {"text", "jsonl", "sarif", "junit"});
  command->add_option("--fail-on", state->fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->capture_default_str();
  command->add_option("--threads", state->threads,
                      "Threads in all, the reading thread included")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  command->add_option("--shard", state->shard, "Validate only shard K of N (items by key hash)")
      ->type_name("K/N");
  command->add_option("--max-line-bytes", state->max_line_bytes,
                      "Longer lines are input errors")
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 30))
      ->capture_default_str();
  command->add_option("-o,--output", state->output, "Write the report here instead of stdout")
      ->type_name("FILE");
  command->add_flag("-q,--quiet", state->quiet, "No summary or progress on stderr");
  return {command, [state] {
            runtime::ValidateOptions options;
            options.threads = state->threads;
            options.ingest.max_line_bytes = state->max_line_bytes;
            if (!state->shard.empty()) {
              std::uint32_t k = 0;
              std::uint32_t n = 0;
              if (!ParseShard(state->shard, k, n)) {
                std::cerr << fmt::format(
                    "error: --shard takes K/N with 1 <= K <= N, e.g. 2/8; got `{}`\n",
                    state->shard);
                return static_cast<int>(EXIT_USAGE);
              }
              options.shard = std::make_pair(k, n);
            }
            std::optional<runtime::Bundle> bundle = LoadRules(state->rules, state->flags);
            if (!bundle) return static_cast<int>(EXIT_USAGE);

            const bool color = state->flags.UseColor();
            runtime::ReportContext context;
            context.bundle = bundle->info;
            context.tool_version = Version();
            context.rules = runtime::DescribeRules(*bundle);
            context.fail_on = Threshold(state->fail_on);
            context.color = color && state->output.empty();
            runtime::ReportFormat format;
            runtime::FindReportFormat(state->flags.format, &format);

            // The report streams into -o FILE, or stdout, while items are
            // validated (see ReportOutput for what happens on a regrouped run).
            FileCloser file;
            std::cout.flush();
            if (!state->output.empty()) {
              file.fd =
                  ::open(state->output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
              if (file.fd < 0) {
                std::cerr << fmt::format("error: cannot write `{}`: {}\n", state->output,
                                         std::strerror(errno));
                return static_cast<int>(EXIT_USAGE);
              }
            }
            std::unique_ptr<runtime::ReportOutput> output =
                runtime::ReportOutput::ToFd(file.fd >= 0 ? file.fd : STDOUT_FILENO);
            std::unique_ptr<runtime::ReportWriter> writer =
                runtime::MakeReportWriter(format, *output, context, state->data);

            const bool show_progress = !state->quiet && isatty(STDERR_FILENO);
            auto start = std::chrono::steady_clock::now();
            std::size_t last_width = 0;
            runtime::ProgressFn progress;
            if (show_progress) {
              progress = [&](std::uint64_t lines, std::uint64_t bytes) {
                double seconds = std::chrono::duration<double>(
                                     std::chrono::steady_clock::now() - start)
                                     .count();
                if (seconds < 1.0) return;
                std::string line = runtime::ProgressLine(lines, bytes, seconds);
                std::cerr << "\r" << line << (line.size() < last_width ? "\033[K" : "");
                last_width = line.size();
              };
            }
            runtime::Summary summary =
                runtime::ValidateInputs(*bundle, state->data, options, *writer, progress);
            if (last_width > 0) std::cerr << "\r\033[K";

            writer->Finish(summary);
            if (std::string error = output->Close(); !error.empty()) {
              std::cerr << fmt::format("error: cannot write {}: {}\n",
                                       state->output.empty()
                                           ? std::string("the report to standard output")
                                           : fmt::format("`{}`", state->output),
                                       error);
              return static_cast<int>(EXIT_USAGE);
            }
            // Input errors are errors: they reach stderr even with --quiet.
            runtime::ReportContext stderr_context = context;
            stderr_context.color = color;
            stderr_context.summary_lists_input_errors = false;
            std::cerr << runtime::RenderInputErrors(summary, stderr_context, 100);
            if (!state->quiet) std::cerr << runtime::RenderSummary(summary, stderr_context);
            if (!summary.input_errors.empty()) return static_cast<int>(EXIT_INPUT);
            if (FoundAtOrAbove(summary, context.fail_on)) return static_cast<int>(EXIT_FINDINGS);
            return static_cast<int>(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
