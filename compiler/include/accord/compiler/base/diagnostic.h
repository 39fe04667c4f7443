#pragma once
// Diagnostics are data: mistakes in the user's rules or ontology are
// collected here, sorted, and printed together by the CLI. Library code never
// prints them itself.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "accord/compiler/base/source.h"

namespace accord {

enum class Severity { ERROR, WARNING };

/// A secondary span with its own short message ("concept declared here").
struct SecondaryLabel {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::ERROR;
  std::string code;      ///< stable, e.g. "E0201"; see `accord explain`
  std::string message;   ///< the headline, in plain language
  SourceRange range;     ///< the exact span the caret goes under
  std::string label;     ///< short text printed beside the caret (may be empty)
  std::vector<SecondaryLabel> secondary;
  std::vector<std::string> notes;
  std::string help;      ///< a concrete fix, e.g. "did you mean `hostile`?"

  Diagnostic& Label(SourceRange r, std::string msg);
  Diagnostic& Note(std::string msg);
  Diagnostic& Help(std::string msg);
  Diagnostic& Primary(std::string msg);
};

/// The diagnostics of one run, with a cap on how many errors are kept.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_errors = 200) : max_errors_(max_errors) {}

  Diagnostic& Error(std::string code, SourceRange range, std::string message);
  Diagnostic& Warning(std::string code, SourceRange range, std::string message);
  /// Adds a diagnostic built elsewhere (subject to the same cap).
  Diagnostic& Push(Diagnostic diagnostic);

  bool HasErrors() const { return error_count_ > 0; }
  std::size_t ErrorCount() const { return error_count_; }
  std::size_t WarningCount() const { return warning_count_; }
  /// True once more errors were reported than are kept.
  bool Truncated() const { return dropped_ > 0; }
  std::size_t Dropped() const { return dropped_; }

  /// Sorts by file path, position, code and message, and drops exact repeats
  /// (a module imported by two roots is checked once per root).
  void Finish(const SourceManager& sources);
  const std::vector<Diagnostic>& All() const { return list_; }

 private:
  Diagnostic& Add(Severity severity, std::string code, SourceRange range, std::string message);

  std::vector<Diagnostic> list_;
  Diagnostic overflow_;
  std::size_t max_errors_;
  std::size_t error_count_ = 0;
  std::size_t warning_count_ = 0;
  std::size_t dropped_ = 0;
};

/// The closest of `candidates` to `name` by edit distance, or "" if none is
/// close enough to suggest (at most a third of the name's length).
std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates);

/// "did you mean `x`?" for the closest candidate, or "" if none is close.
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace accord
