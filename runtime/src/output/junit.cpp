// JUnit XML for CI dashboards: a suite per rule, a test case per item and
// rule with findings (a failure when a finding is at or above --fail-on),
// and a suite of input errors.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "accord/runtime/report.h"
#include "common.h"
#include "escape.h"

namespace accord::runtime {
namespace {

using internal::XmlEscape;

constexpr std::string_view kInputSuite = "input errors";

/// Severity::ERROR is 0: a lower value is more severe.
bool AtOrAbove(Severity severity, Severity threshold) { return severity <= threshold; }

struct Suite {
  explicit Suite(std::string suite_name) : name(std::move(suite_name)) {}
  std::string name;
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::string cases;  ///< the <testcase> elements
};

std::string Blocks(const std::vector<const Finding*>& findings,
                   const std::vector<std::string>& inputs) {
  std::string text;
  for (const Finding* f : findings) {
    internal::AppendFindingBlock(text, *f, inputs, internal::Palette{}, "");
  }
  return text;
}

/// The <testcase> of one item's findings of one rule.
void AddCase(Suite& suite, const std::vector<const Finding*>& findings,
             const ValidationResult& result, const ReportContext& context) {
  std::vector<const Finding*> failing, passing;
  for (const Finding* f : findings) {
    (AtOrAbove(f->severity, context.fail_on) ? failing : passing).push_back(f);
  }
  const std::vector<std::string>& inputs = result.summary.inputs;
  std::string body;
  if (!failing.empty()) {
    Severity worst = failing.front()->severity;
    for (const Finding* f : failing) worst = std::min(worst, f->severity);
    std::string message = failing.front()->message;
    if (failing.size() > 1) message += fmt::format(" (and {} more)", failing.size() - 1);
    body += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                        XmlEscape(internal::TerminalSafe(message), true), SeverityName(worst),
                        XmlEscape(Blocks(failing, inputs), false));
    ++suite.failures;
  }
  if (!passing.empty()) {
    body += fmt::format("      <system-out>{}</system-out>\n",
                        XmlEscape(Blocks(passing, inputs), false));
  }
  suite.cases +=
      fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n{}    </testcase>\n",
                  XmlEscape(suite.name, true), XmlEscape(findings.front()->item, true), body);
  ++suite.tests;
}

void AddPassingCase(Suite& suite, std::string_view name) {
  suite.cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"/>\n",
                             XmlEscape(suite.name, true), name);
  ++suite.tests;
}

Suite InputSuite(const Summary& summary) {
  Suite suite(std::string{kInputSuite});
  for (const InputError& e : summary.input_errors) {
    std::string where = internal::DisplayLocation(summary.inputs, e.file, e.line);
    suite.cases += fmt::format(
        "    <testcase classname=\"{}\" name=\"{}\">\n"
        "      <error message=\"{}\" type=\"input\"/>\n"
        "    </testcase>\n",
        kInputSuite, XmlEscape(where, true), XmlEscape(internal::TerminalSafe(e.reason), true));
    ++suite.tests;
    ++suite.errors;
  }
  if (suite.tests == 0) AddPassingCase(suite, "all lines");
  return suite;
}

}  // namespace

void WriteJunit(std::ostream& out, const ValidationResult& result, const ReportContext& context) {
  // Suites: the context's rules in order, then rules that fired but were not listed.
  std::vector<std::string> names;
  std::set<std::string, std::less<>> listed;
  for (const RuleDescriptor& rule : context.rules) {
    if (listed.insert(rule.name).second) names.push_back(rule.name);
  }
  for (const internal::FiredRule& rule : internal::FiredRules(result.findings)) {
    if (listed.insert(std::string(rule.name)).second) names.emplace_back(rule.name);
  }
  std::map<std::string_view, std::vector<const Finding*>> by_rule;
  for (const Finding& f : result.findings) by_rule[f.rule].push_back(&f);

  std::vector<Suite> suites;
  for (const std::string& name : names) {
    Suite& suite = suites.emplace_back(name);
    auto found = by_rule.find(name);
    if (found == by_rule.end()) {
      AddPassingCase(suite, "all items");
      continue;
    }
    // Findings come sorted by item, so an item's findings are consecutive.
    const std::vector<const Finding*>& findings = found->second;
    for (std::size_t begin = 0, end = 0; begin < findings.size(); begin = end) {
      end = begin + 1;
      while (end < findings.size() && findings[end]->item == findings[begin]->item) ++end;
      AddCase(suite, {findings.begin() + begin, findings.begin() + end}, result, context);
    }
  }
  suites.push_back(InputSuite(result.summary));

  std::size_t tests = 0, failures = 0, errors = 0;
  for (const Suite& s : suites) tests += s.tests, failures += s.failures, errors += s.errors;
  std::string name = "accord";
  if (!context.bundle.ontology.empty()) name += ": " + context.bundle.ontology;
  if (!context.bundle.version.empty()) name += " " + context.bundle.version;
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += fmt::format(
      "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
      XmlEscape(name, true), tests, failures, errors, result.summary.seconds);
  for (const Suite& s : suites) {
    xml += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                       XmlEscape(s.name, true), s.tests, s.failures, s.errors);
    xml += s.cases;
    xml += "  </testsuite>\n";
  }
  xml += "</testsuites>\n";
  out << xml;
}

}  // namespace accord::runtime
