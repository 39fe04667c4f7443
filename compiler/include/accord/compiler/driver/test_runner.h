#pragma once
// Runs the `test` blocks of a compiled program against its bundle: each
// test's items are evaluated with the planned executor and the findings
// compared, as sets of (rule, record ids), with the test's expectations.

#include <string>
#include <tuple>
#include <vector>

#include "accord/compiler/sema/program.h"
#include "accord/runtime/bundle.h"
#include "accord/runtime/record.h"

namespace accord {

/// One finding as a test sees it: the rule and the sorted record ids.
struct TestFinding {
  std::string rule;
  std::vector<std::string> ids;
  std::string message;  ///< for actual findings (empty for expectations)

  std::string Text() const;  ///< "tone_mismatch(a1, v1)"
  friend bool operator<(const TestFinding& a, const TestFinding& b) {
    return std::tie(a.rule, a.ids) < std::tie(b.rule, b.ids);
  }
};

struct TestResult {
  std::string name;
  std::string file;
  std::uint32_t line = 0;
  bool passed = false;
  std::vector<TestFinding> missing;     ///< expected, not found
  std::vector<TestFinding> unexpected;  ///< found, not expected
  std::vector<TestFinding> actual;
  double seconds = 0;
};

struct TestReport {
  std::vector<TestResult> tests;
  std::vector<std::string> rules_never_fired;  ///< rules of the tested modules no test made fire
};

/// The items of a test as runtime records (strings owned by each Item).
std::vector<runtime::Item> LowerTestItems(const sema::Program& program, const sema::TestCase& test,
                                          const runtime::Bundle& bundle);

/// Runs the tests declared in module `module` (or in every module when
/// `module` is -1). `paths[m]` names module m's file for the report.
TestReport RunTests(const sema::Program& program, const runtime::Bundle& bundle, int module,
                    const SourceManager& sources);

}  // namespace accord
