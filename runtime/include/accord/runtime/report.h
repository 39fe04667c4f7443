#pragma once
// Reports of a validation run: the findings as text, JSON Lines, SARIF 2.1.0
// or JUnit XML, a run summary for stderr, and a progress line. Reports are
// written while the run goes on (a ReportWriter is the run's FindingSink)
// into a ReportOutput, which can take back what it was given when the run
// starts over. Nothing here prints or exits: bytes go to the caller's file
// descriptor or stream. docs/output-formats.md describes each format field
// by field.

#include <cstdint>
#include <memory>
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

/// Bytes a report keeps in memory before it spills them to a temporary file.
inline constexpr std::size_t kReportMemory = std::size_t{4} << 20;

/// Where a report goes. A run whose input turns out not to be grouped by
/// item starts over, so until Commit() everything written can be discarded:
/// a regular file is written in place and truncated back on Discard();
/// anything else (a pipe, a terminal, a stream) gets the bytes at Commit(),
/// held back until then in memory and, past a few MiB, in an unlinked
/// temporary file in $TMPDIR. After Commit() bytes go straight through.
class ReportOutput {
 public:
  /// Writes to `fd` (not closed here). A regular file not opened for
  /// appending is written in place from its current offset; anything else is
  /// held back. `hold_in_memory`: bytes held in memory before spilling.
  static std::unique_ptr<ReportOutput> ToFd(int fd, std::size_t hold_in_memory = kReportMemory);
  /// Writes to `out`, holding everything back until Commit().
  static std::unique_ptr<ReportOutput> ToStream(std::ostream& out,
                                                std::size_t hold_in_memory = kReportMemory);
  ~ReportOutput();
  ReportOutput(const ReportOutput&) = delete;
  ReportOutput& operator=(const ReportOutput&) = delete;

  void Write(std::string_view bytes);
  /// Forgets every byte written so far (before Commit() only).
  void Discard();
  /// Nothing will be discarded any more: held-back bytes go out now.
  void Commit();
  /// Commits and flushes. Returns "" or the first error ("No space left on
  /// device").
  std::string Close();
  /// Records an error of a writer (a held-back part it could not read
  /// back), for Close to report unless an earlier one is there.
  void Fail(std::string_view reason);
  /// Whether bytes are held back until Commit() (false: written in place).
  bool HoldsBack() const;
  /// Bytes held in memory before spilling (writers holding back parts of a
  /// report use the same limit).
  std::size_t MemoryLimit() const;

 private:
  struct Impl;
  explicit ReportOutput(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Writes one report while the run goes on: pass it to ValidateInputs as
/// the sink, then call Finish. Text and JSONL go out item by item; SARIF
/// and JUnit need counts and rule lists that precede the findings, so they
/// hold their findings back (SpillFile) and write everything in Finish.
class ReportWriter : public FindingSink {
 public:
  /// After the run: writes what remains of the report and commits the output.
  virtual void Finish(const Summary& summary) = 0;
};

/// A writer of `format` into `out`. `inputs` names the files that witness
/// records' `file` indexes (Summary::inputs).
std::unique_ptr<ReportWriter> MakeReportWriter(ReportFormat format, ReportOutput& out,
                                               const ReportContext& context,
                                               std::vector<std::string> inputs);

/// The report of a finished run in one go (a ReportWriter given all the
/// findings as one batch). Text: findings grouped by item, for people;
/// nothing when there are none. JSONL: one JSON object per finding and
/// line. SARIF 2.1.0: one run; input errors are tool execution
/// notifications. JUnit XML: a suite per rule, a test case per item and
/// rule with findings, and a suite "input errors".
void WriteReport(std::ostream& out, ReportFormat format, const ValidationResult& result,
                 const ReportContext& context);

/// One finding as the single-line JSON object of the JSONL report (no newline).
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
