// Output formats: the exact text of every format for a hand-built run
// (golden files in tests/golden/output/), escaping of hostile strings, the
// summary and the progress line.
//
// To accept new output after reviewing it:
//   ACCORD_UPDATE_GOLDEN=1 ./build/tests/accord_output_tests

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "accord/runtime/report.h"
#include "escape.h"
#include "output_fixtures.h"

namespace accord::runtime {
namespace {

using fixtures::Context;
using fixtures::HostileRun;
using fixtures::Run;

// ---------------------------------------------------------------- helpers

std::string GoldenPath(const std::string& name) {
  return std::string(ACCORD_SOURCE_DIR) + "/tests/golden/output/" + name;
}

/// Compares `actual` with the golden file `name`, or rewrites the file when
/// ACCORD_UPDATE_GOLDEN is set.
void CheckGolden(const std::string& name, const std::string& actual) {
  if (std::getenv("ACCORD_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(GoldenPath(name), std::ios::binary) << actual;
  }
  std::ifstream in(GoldenPath(name), std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << name);
  std::stringstream expected;
  expected << in.rdbuf();
  INFO("golden file ", name);
  CHECK(actual == expected.str());
}

std::string Render(ReportFormat format, const ValidationResult& result,
                   const ReportContext& context) {
  std::ostringstream out;
  WriteReport(out, format, result, context);
  return out.str();
}

// ---------------------------------------------------------------- formats

TEST_CASE("every format of a run, exactly") {
  ValidationResult result = Run();
  ReportContext context = Context();
  CheckGolden("run.txt", Render(ReportFormat::TEXT, result, context));
  CheckGolden("run.jsonl", Render(ReportFormat::JSONL, result, context));
  CheckGolden("run.sarif", Render(ReportFormat::SARIF, result, context));
  CheckGolden("run.junit.xml", Render(ReportFormat::JUNIT, result, context));
  CheckGolden("run.summary.txt", RenderSummary(result.summary, context));
}

TEST_CASE("junit: --fail-on decides which findings fail") {
  ValidationResult result = Run();
  ReportContext context = Context();
  context.fail_on = Severity::INFO;
  CheckGolden("run.fail_on_info.junit.xml", Render(ReportFormat::JUNIT, result, context));
}

TEST_CASE("hostile strings stay well-formed in every format") {
  ValidationResult result = HostileRun();
  ReportContext context = Context();
  context.bundle.version = "";  // an ontology without a version
  CheckGolden("hostile.txt", Render(ReportFormat::TEXT, result, context));
  CheckGolden("hostile.jsonl", Render(ReportFormat::JSONL, result, context));
  CheckGolden("hostile.sarif", Render(ReportFormat::SARIF, result, context));
  CheckGolden("hostile.junit.xml", Render(ReportFormat::JUNIT, result, context));
  CheckGolden("hostile.summary.txt", RenderSummary(result.summary, context));
}

TEST_CASE("a clean run") {
  ValidationResult result;
  result.summary.inputs = {"a.jsonl", "b.jsonl"};
  result.summary.lines = 1;
  result.summary.records = 1;
  result.summary.items = 1;
  result.summary.bytes = 80;
  ReportContext context = Context();
  CHECK(Render(ReportFormat::TEXT, result, context) == "");
  CHECK(Render(ReportFormat::JSONL, result, context) == "");
  CheckGolden("clean.sarif", Render(ReportFormat::SARIF, result, context));
  CheckGolden("clean.junit.xml", Render(ReportFormat::JUNIT, result, context));
  CHECK(RenderSummary(result.summary, context) ==
        "accord: no findings\n"
        "  read           1 record in 1 item (1 line, 80 B) from 2 inputs\n");
}

TEST_CASE("text and summary in colour") {
  ValidationResult result = Run();
  result.findings.erase(result.findings.begin(), result.findings.begin() + 2);
  result.summary.input_errors.clear();
  result.summary.by_rule = {{"calm_caption", 1}};
  result.summary.by_severity = {{"info", 1}};
  result.summary.by_modalities = {};
  result.summary.seconds = 0;
  ReportContext context = Context();
  context.color = true;
  CHECK(Render(ReportFormat::TEXT, result, context) ==
        "\033[1mitem clip-002\033[0m: 1 finding\n"
        "  \033[1;34minfo[calm_caption]\033[0m: caption says <calm> & video agrees\n"
        "    witness:   t1 (text \"calm\" → calm, [0, 12), more data.jsonl:7)\n");
  CHECK(RenderSummary(result.summary, context) ==
        "\033[1maccord:\033[0m 1 finding (\033[1;34m1 info\033[0m)\n"
        "  by rule        1  calm_caption\n"
        "  read           9 records in 2 items (12 lines, 1.5 KiB) from 2 inputs\n");
}

TEST_CASE("summary: many input errors, regrouped input, a shard") {
  Summary s;
  s.inputs = {"big.jsonl"};
  s.lines = 1234567;
  s.bytes = 3u << 30;
  s.records = 1234000;
  s.items = 61700;
  s.items_skipped = 185100;
  s.regrouped = true;
  s.seconds = 2;
  for (std::uint64_t line = 1; line <= 25; ++line) {
    s.input_errors.push_back({0, line * 10, "expected a JSON object"});
  }
  s.by_rule = {{"a_rule", 7}, {"b_rule", 1200}, {"c_rule", 7}};
  s.by_severity = {{"error", 1207}, {"warning", 7}};
  s.by_modalities = {{"audio+video", 1214}};
  CheckGolden("many.summary.txt", RenderSummary(s, ReportContext{}));
}

TEST_CASE("progress line") {
  CHECK(ProgressLine(0, 0, 0) == "read 0 lines (0 B)");
  CHECK(ProgressLine(1, 512, 0) == "read 1 line (512 B)");
  CHECK(ProgressLine(1234567, 120u << 20, 3.2) ==
        "read 1,234,567 lines (120.0 MiB) in 3.2 s: 385,802 lines/s, 37.5 MiB/s");
}

TEST_CASE("format names") {
  for (ReportFormat f :
       {ReportFormat::TEXT, ReportFormat::JSONL, ReportFormat::SARIF, ReportFormat::JUNIT}) {
    ReportFormat found = ReportFormat::TEXT;
    REQUIRE(FindReportFormat(ReportFormatName(f), &found));
    CHECK(found == f);
  }
  ReportFormat unused;
  CHECK_FALSE(FindReportFormat("json", &unused));
  CHECK(ReportFormatName(ReportFormat::JUNIT) == "junit");
}

TEST_CASE("DescribeRules: built-ins, then the bundle's rules") {
  std::vector<RuleDescriptor> rules = Context().rules;
  std::vector<std::string> names;
  for (const RuleDescriptor& r : rules) names.push_back(r.name + (r.builtin ? "*" : ""));
  CHECK(names == std::vector<std::string>{"unknown_modality*", "unknown_label*", "bad_attribute*",
                                          "missing_extent*", "disjoint*", "tone_mismatch",
                                          "calm_caption", "never_fires"});
  CHECK(rules[1].doc == "A record's label is not a label of its modality.");
  CHECK(rules[6].doc == "");
}

// ---------------------------------------------------------------- escaping

TEST_CASE("escaping") {
  using namespace internal;
  struct Case {
    std::string input, json, xml_text, xml_attr, terminal;
  };
  const std::vector<Case> cases = {
      {"plain", "\"plain\"", "plain", "plain", "plain"},
      {"a\"b\\c", R"("a\"b\\c")", "a\"b\\c", "a&quot;b\\c", "a\"b\\c"},
      {"<&>'", "\"<&>'\"", "&lt;&amp;&gt;'", "&lt;&amp;&gt;'", "<&>'"},
      {"\n\t\r", R"("\n\t\r")", "\n\t&#13;", "&#10;&#9;&#13;", "\\n\\t\\r"},
      {"\x1b[1m", R"("\u001b[1m")", "\\u{1b}[1m", "\\u{1b}[1m", "\\u{1b}[1m"},
      {"\x7f\xc2\x85", "\"\\u007f\xc2\x85\"", "\x7f\xc2\x85", "\x7f\xc2\x85", "\\u{7f}\\u{85}"},
      {"é→😀", "\"é→😀\"", "é→😀", "é→😀", "é→😀"},
      {"\xff\xc3(\xe2\x82", "\"\xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD\"",
       "\xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD",
       "\xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD",
       "\xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xc0\xaf\xed\xa0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xef\xbf\xbe", "\"\xef\xbf\xbe\"", "\xEF\xBF\xBD", "\xEF\xBF\xBD", "\xef\xbf\xbe"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(JsonQuote(c.input) == c.json);
    CHECK(XmlEscape(c.input, false) == c.xml_text);
    CHECK(XmlEscape(c.input, true) == c.xml_attr);
    CHECK(TerminalSafe(c.input) == c.terminal);
  }
}

TEST_CASE("URI references and numbers") {
  using namespace internal;
  CHECK(UriReference("data/a.jsonl") == "data/a.jsonl");
  CHECK(UriReference("/abs/a b.jsonl") == "/abs/a%20b.jsonl");
  CHECK(UriReference("a:b/c.jsonl") == "./a:b/c.jsonl");
  CHECK(UriReference("dir/a:b.jsonl") == "dir/a:b.jsonl");
  CHECK(UriReference("//host/x") == "/.//host/x");
  CHECK(UriReference("50%#?é") == "50%25%23%3F%C3%A9");
  CHECK(UriReference("-") == "-");
  CHECK(FormatNumber(12) == "12");
  CHECK(FormatNumber(15.5) == "15.5");
  CHECK(FormatNumber(0.1) == "0.1");
  CHECK(FormatNumber(-0.25) == "-0.25");
  CHECK(FormatNumber(1e21) == "1e+21");
  CHECK(JsonNumber(std::numeric_limits<double>::infinity()) == "null");
  CHECK(JsonNumber(std::nan("")) == "null");
}

}  // namespace
}  // namespace accord::runtime
