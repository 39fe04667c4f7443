// JUnit XML for CI dashboards: a suite per rule, a test case per item and
// rule with findings (a failure when a finding is at or above --fail-on),
// and a suite of input errors.
//
// Counts come first in JUnit (on <testsuites> and each <testsuite>) and the
// test cases are ordered by rule, then item, while findings arrive by item.
// So test cases are rendered on the worker threads, filed under their suite
// as they arrive (in memory, in blocks of a SpillFile once they grow), and
// the whole document is written in Finish.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "accord/runtime/report.h"
#include "common.h"
#include "escape.h"
#include "spill.h"
#include "writers.h"

namespace accord::runtime::internal {
namespace {

constexpr std::string_view kInputSuite = "input errors";
/// A suite's test cases move to the SpillFile in blocks of this size (at
/// most), and all of them once the suites hold the output's memory limit.
constexpr std::size_t kSuiteBlock = std::size_t{64} << 10;

/// Severity::ERROR is 0: a lower value is more severe.
bool AtOrAbove(Severity severity, Severity threshold) { return severity <= threshold; }

struct Suite {
  Suite(std::string suite_name, bool is_builtin, std::uint32_t rule_order)
      : name(std::move(suite_name)), builtin(is_builtin), order(rule_order) {}
  std::string name;
  bool builtin = false;
  std::uint32_t order = 0;
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::string cases;  ///< the latest <testcase> elements
  /// Earlier <testcase> elements: [offset, offset + size) of the SpillFile.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> blocks;
};

std::string Blocks(const std::vector<const Finding*>& findings,
                   const std::vector<std::string>& inputs) {
  std::string text;
  for (const Finding* f : findings) AppendFindingBlock(text, *f, inputs, Palette{}, "");
  return text;
}

/// The <testcase> of one item's findings of one rule; whether it fails.
bool AppendCase(std::string& out, const std::vector<const Finding*>& findings,
                const std::vector<std::string>& inputs, const ReportContext& context) {
  std::vector<const Finding*> failing, passing;
  for (const Finding* f : findings) {
    (AtOrAbove(f->severity, context.fail_on) ? failing : passing).push_back(f);
  }
  std::string body;
  if (!failing.empty()) {
    Severity worst = failing.front()->severity;
    for (const Finding* f : failing) worst = std::min(worst, f->severity);
    std::string message = failing.front()->message;
    if (failing.size() > 1) message += fmt::format(" (and {} more)", failing.size() - 1);
    body += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                        XmlEscape(TerminalSafe(message), true), SeverityName(worst),
                        XmlEscape(Blocks(failing, inputs), false));
  }
  if (!passing.empty()) {
    body += fmt::format("      <system-out>{}</system-out>\n",
                        XmlEscape(Blocks(passing, inputs), false));
  }
  const Finding& first = *findings.front();
  out += fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n{}    </testcase>\n",
                     XmlEscape(first.rule, true), XmlEscape(first.item, true), body);
  return !failing.empty();
}

std::string PassingCase(std::string_view suite, std::string_view name) {
  return fmt::format("    <testcase classname=\"{}\" name=\"{}\"/>\n", XmlEscape(suite, true),
                     name);
}

Suite InputSuite(const Summary& summary) {
  Suite suite(std::string(kInputSuite), false, 0);
  for (const InputError& e : summary.input_errors) {
    std::string where = DisplayLocation(summary.inputs, e.file, e.line);
    suite.cases += fmt::format(
        "    <testcase classname=\"{}\" name=\"{}\">\n"
        "      <error message=\"{}\" type=\"input\"/>\n"
        "    </testcase>\n",
        kInputSuite, XmlEscape(where, true), XmlEscape(TerminalSafe(e.reason), true));
    ++suite.tests;
    ++suite.errors;
  }
  if (suite.tests == 0) {
    suite.cases = PassingCase(suite.name, "all lines");
    suite.tests = 1;
  }
  return suite;
}

class JunitWriter final : public ReportWriter {
 public:
  JunitWriter(ReportOutput& out, const ReportContext& context, std::vector<std::string> inputs)
      : out_(out),
        context_(context),
        inputs_(std::move(inputs)),
        spill_(out.MemoryLimit()),
        block_(std::min(kSuiteBlock, out.MemoryLimit())) {
    ListRules();
  }

  /// One piece per test case: an item's findings of one rule (the piece's
  /// finding is the first of them; its flag says whether the case fails).
  void Prepare(FindingBatch& batch) const override {
    const std::vector<Finding>& findings = batch.findings;
    std::vector<const Finding*> group;
    std::vector<bool> taken;
    // Findings come sorted by item, so an item's findings are consecutive.
    for (std::size_t begin = 0, end = 0; begin < findings.size(); begin = end) {
      end = begin + 1;
      while (end < findings.size() && findings[end].item == findings[begin].item) ++end;
      taken.assign(end - begin, false);
      for (std::size_t first = begin; first < end; ++first) {
        if (taken[first - begin]) continue;
        group.clear();
        for (std::size_t i = first; i < end; ++i) {
          if (!taken[i - begin] && findings[i].rule == findings[first].rule) {
            taken[i - begin] = true;
            group.push_back(&findings[i]);
          }
        }
        bool fails = AppendCase(batch.text, group, inputs_, context_);
        batch.pieces.push_back({batch.text.size(), first, fails});
      }
    }
  }

  void Consume(FindingBatch& batch) override {
    std::size_t begin = 0;
    for (const FindingBatch::Piece& piece : batch.pieces) {
      Suite& suite = SuiteOf(batch.findings[piece.finding]);
      ++suite.tests;
      if (piece.flag) ++suite.failures;
      suite.cases.append(batch.text, begin, piece.end - begin);
      in_memory_ += piece.end - begin;
      begin = piece.end;
      if (suite.cases.size() >= block_) Spill(suite);
    }
    if (in_memory_ >= out_.MemoryLimit()) {
      for (Suite& suite : suites_) Spill(suite);
    }
  }

  void Restart() override {
    out_.Discard();
    spill_.Clear();
    in_memory_ = 0;
    ListRules();
  }

  void Finish(const Summary& summary) override {
    out_.Commit();
    // Rules not in the context: built-ins first, then by rule order, then by name.
    std::stable_sort(suites_.begin() + static_cast<std::ptrdiff_t>(listed_), suites_.end(),
                     [](const Suite& a, const Suite& b) {
                       if (a.builtin != b.builtin) return a.builtin;
                       if (a.order != b.order) return a.order < b.order;
                       return a.name < b.name;
                     });
    for (Suite& suite : suites_) {
      if (suite.tests == 0) {
        suite.cases = PassingCase(suite.name, "all items");
        suite.tests = 1;
      }
    }
    Suite inputs = InputSuite(summary);
    std::size_t tests = inputs.tests, failures = inputs.failures, errors = inputs.errors;
    for (const Suite& s : suites_) tests += s.tests, failures += s.failures, errors += s.errors;
    std::string name = "accord";
    if (!context_.bundle.ontology.empty()) name += ": " + context_.bundle.ontology;
    if (!context_.bundle.version.empty()) name += " " + context_.bundle.version;
    out_.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out_.Write(fmt::format(
        "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
        XmlEscape(name, true), tests, failures, errors, summary.seconds));
    for (const Suite& s : suites_) WriteSuite(s);
    WriteSuite(inputs);
    out_.Write("</testsuites>\n");
  }

 private:
  /// The context's rules, each once, as suites without test cases.
  void ListRules() {
    suites_.clear();
    suite_index_.clear();
    for (const RuleDescriptor& rule : context_.rules) {
      if (suite_index_.emplace(rule.name, suites_.size()).second) {
        suites_.emplace_back(rule.name, rule.builtin, 0);
      }
    }
    listed_ = suites_.size();
  }

  Suite& SuiteOf(const Finding& f) {
    auto [at, added] = suite_index_.emplace(f.rule, suites_.size());
    if (added) suites_.emplace_back(f.rule, f.builtin, f.order);
    return suites_[at->second];
  }

  void Spill(Suite& suite) {
    if (suite.cases.empty()) return;
    suite.blocks.emplace_back(spill_.Size(), suite.cases.size());
    spill_.Append(suite.cases);
    in_memory_ -= suite.cases.size();
    suite.cases.clear();
  }

  void WriteSuite(const Suite& s) {
    out_.Write(fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                           XmlEscape(s.name, true), s.tests, s.failures, s.errors));
    for (const auto& [offset, size] : s.blocks) {
      std::string failure =
          spill_.Read(offset, size, [this](std::string_view piece) { out_.Write(piece); });
      if (!failure.empty()) out_.Fail("cannot read the held-back test cases: " + failure);
    }
    out_.Write(s.cases);
    out_.Write("  </testsuite>\n");
  }

  ReportOutput& out_;
  ReportContext context_;
  std::vector<std::string> inputs_;
  std::vector<Suite> suites_;  ///< the context's rules, then other rules with findings
  std::size_t listed_ = 0;     ///< how many suites come from the context
  std::map<std::string, std::size_t, std::less<>> suite_index_;
  SpillFile spill_;
  std::size_t block_;
  std::size_t in_memory_ = 0;  ///< bytes of test cases in Suite::cases
};

}  // namespace

std::unique_ptr<ReportWriter> MakeJunitWriter(ReportOutput& out, const ReportContext& context,
                                              std::vector<std::string> inputs) {
  return std::make_unique<JunitWriter>(out, context, std::move(inputs));
}

}  // namespace accord::runtime::internal
