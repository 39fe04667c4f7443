// accord test PATH...: run every test block; report pass/fail per test, the
// difference when one fails, and the rules no test makes fire.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "accord/compiler/driver/test_runner.h"
#include "accord/compiler/plan/lower.h"
#include "common.h"

namespace accord::cli {
namespace {

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Difference(const TestResult& t) {
  std::string out;
  for (const TestFinding& f : t.missing) out += fmt::format("    expected, not found: {}\n", f.Text());
  for (const TestFinding& f : t.unexpected) {
    out += fmt::format("    found, not expected: {}  \"{}\"\n", f.Text(), f.message);
  }
  return out;
}

struct FileReport {
  std::string path;
  TestReport report;
};

void PrintText(const std::vector<FileReport>& files, bool color) {
  const char* green = color ? "\033[32m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* reset = color ? "\033[0m" : "";
  for (const FileReport& file : files) {
    for (const TestResult& t : file.report.tests) {
      std::cout << fmt::format("test {}:{} {} ... {}{}{}\n", t.file, t.line, t.name,
                               t.passed ? green : red, t.passed ? "ok" : "FAILED", reset);
      if (!t.passed) std::cout << Difference(t);
    }
    if (!file.report.rules_never_fired.empty()) {
      std::cout << fmt::format("{}: no test makes these rules fire: {}\n", file.path,
                               fmt::join(file.report.rules_never_fired, ", "));
    }
  }
}

void PrintJunit(const std::vector<FileReport>& files) {
  std::cout << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"accord test\">\n";
  for (const FileReport& file : files) {
    std::size_t failures = 0;
    double seconds = 0;
    for (const TestResult& t : file.report.tests) {
      failures += t.passed ? 0 : 1;
      seconds += t.seconds;
    }
    std::cout << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" time=\"{:.6f}\">\n",
                             XmlEscape(file.path), file.report.tests.size(), failures, seconds);
    for (const TestResult& t : file.report.tests) {
      std::cout << fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\" time=\"{:.6f}\"",
                               XmlEscape(t.name), XmlEscape(file.path), XmlEscape(t.file), t.line,
                               t.seconds);
      if (t.passed) {
        std::cout << "/>\n";
        continue;
      }
      std::cout << fmt::format(">\n      <failure message=\"{} expected finding(s) missing, {} unexpected\">{}</failure>\n    </testcase>\n",
                               t.missing.size(), t.unexpected.size(), XmlEscape(Difference(t)));
    }
    if (!file.report.rules_never_fired.empty()) {
      std::cout << fmt::format("    <system-out>no test makes these rules fire: {}</system-out>\n",
                               XmlEscape(fmt::format("{}", fmt::join(file.report.rules_never_fired, ", "))));
    }
    std::cout << "  </testsuite>\n";
  }
  std::cout << "</testsuites>\n";
}

}  // namespace

Command RegisterTest(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    CompilerFlags flags;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("test", "Run the test blocks of .accord files");
  command->add_option("paths", state->paths, "Files or directories")->required();
  state->flags.Register(*command, {"text", "junit"});
  return {command, [state] {
            Session session(state->flags.Options());
            std::vector<std::string> files = ExpandSourcePaths(state->paths, session.Diags());
            std::vector<FileReport> reports;
            for (const std::string& file : files) {
              if (file.size() < 7 || file.substr(file.size() - 7) != ".accord") continue;
              const CompiledUnit* unit = session.Compile(file);
              if (!unit || session.Diags().HasErrors()) continue;
              runtime::Bundle bundle = LowerProgram(*unit->program, {Version(), unit->sources_hash});
              TestReport report = RunTests(*unit->program, bundle,
                                           static_cast<int>(unit->program->root), session.Sources());
              if (!report.tests.empty()) reports.push_back({file, std::move(report)});
            }
            CompilerFlags text = state->flags;
            text.format = "text";
            if (session.Diags().HasErrors()) {
              return ReportDiagnostics(session, text, files.size());
            }
            if (state->flags.format == "junit") {
              PrintJunit(reports);
            } else {
              PrintText(reports, state->flags.UseColor());
            }
            std::size_t total = 0;
            std::size_t failed = 0;
            for (const FileReport& r : reports) {
              for (const TestResult& t : r.report.tests) {
                ++total;
                failed += t.passed ? 0 : 1;
              }
            }
            std::cerr << fmt::format("accord test: {} test{}, {} passed, {} failed\n", total,
                                     total == 1 ? "" : "s", total - failed, failed);
            return failed == 0 ? static_cast<int>(EXIT_CLEAN) : static_cast<int>(EXIT_FINDINGS);
          }};
}

}  // namespace accord::cli
