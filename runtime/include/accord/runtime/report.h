#pragma once
// Reports of a validation run: the findings as text, JSON Lines, SARIF 2.1.0
// or JUnit XML, a run summary for stderr, and a progress line. Every
// function returns text or writes to the caller's stream; none prints or
// exits. docs/output-formats.md describes each format field by field.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/finding.h"
#include "accord/runtime/validate.h"

namespace accord::runtime {

enum class ReportFormat : std::uint8_t { TEXT, JSONL, SARIF, JUNIT };

/// "text", "jsonl", "sarif" or "junit".
std::string_view ReportFormatName(ReportFormat format);
/// The format called `name`, or false.
bool FindReportFormat(std::string_view name, ReportFormat* format);

/// A rule as reports describe it (SARIF rule metadata, JUnit suites).
struct RuleDescriptor {
  std::string name;
  bool builtin = false;
  std::string doc;  ///< "" when the rule has no doc comment
};

/// The five built-in checks (in BuiltinKind order), then the bundle's rules
/// in bundle order.
std::vector<RuleDescriptor> DescribeRules(const Bundle& bundle);

/// What every report needs besides the findings.
struct ReportContext {
  BundleInfo bundle;                   ///< ontology name, version, bundle hash
  std::string tool_version;            ///< SARIF tool.driver.version
  std::vector<RuleDescriptor> rules;   ///< SARIF descriptions, JUnit suites; may be empty
  Severity fail_on = Severity::ERROR;  ///< JUnit: findings at or above it are failures
  bool color = false;                  ///< ANSI colours in text and the summary
  /// The summary lists the first input errors; off when they are printed
  /// separately with RenderInputErrors.
  bool summary_lists_input_errors = true;
};

/// Findings grouped by item, for people; writes nothing when there are none.
void WriteText(std::ostream& out, const ValidationResult& result, const ReportContext& context);
/// One JSON object per finding and line.
void WriteJsonl(std::ostream& out, const ValidationResult& result, const ReportContext& context);
/// A SARIF 2.1.0 log with one run; input errors are tool execution notifications.
void WriteSarif(std::ostream& out, const ValidationResult& result, const ReportContext& context);
/// JUnit XML: a suite per rule, a test case per item and rule with findings,
/// and a suite "input errors".
void WriteJunit(std::ostream& out, const ValidationResult& result, const ReportContext& context);
/// Dispatches to the writer of `format`.
void WriteReport(std::ostream& out, ReportFormat format, const ValidationResult& result,
                 const ReportContext& context);

/// One finding as the single-line JSON object of WriteJsonl (no newline).
/// `inputs` names the files that witness records' `file` indexes.
std::string FindingJson(const Finding& finding, const ReportContext& context,
                        const std::vector<std::string>& inputs);

/// The run summary for stderr: counts by severity, rule and modalities, what
/// was read and how fast, the first input errors, regrouping and sharding.
/// Ends with a newline.
std::string RenderSummary(const Summary& summary, const ReportContext& context);

/// Input errors as compiler-style lines for stderr, `FILE:LINE: error: reason`,
/// at most `limit` of them followed by "… and N more input errors".
std::string RenderInputErrors(const Summary& summary, const ReportContext& context,
                              std::size_t limit);

/// A one-line reading status for a terminal (no newline or carriage return:
/// the caller rewrites the line with "\r" and, when it shrinks, "\033[K").
std::string ProgressLine(std::uint64_t lines, std::uint64_t bytes, double seconds);

}  // namespace accord::runtime
