#include "accord/compiler/base/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace accord {

Diagnostic& Diagnostic::Label(SourceRange r, std::string msg) {
  secondary.push_back({r, std::move(msg)});
  return *this;
}

Diagnostic& Diagnostic::Note(std::string msg) {
  notes.push_back(std::move(msg));
  return *this;
}

Diagnostic& Diagnostic::Help(std::string msg) {
  help = std::move(msg);
  return *this;
}

Diagnostic& Diagnostic::Primary(std::string msg) {
  label = std::move(msg);
  return *this;
}

Diagnostic& Diagnostics::Error(std::string code, SourceRange range, std::string message) {
  return Add(Severity::ERROR, std::move(code), range, std::move(message));
}

Diagnostic& Diagnostics::Warning(std::string code, SourceRange range, std::string message) {
  return Add(Severity::WARNING, std::move(code), range, std::move(message));
}

Diagnostic& Diagnostics::Push(Diagnostic diagnostic) {
  Diagnostic& d = Add(diagnostic.severity, std::move(diagnostic.code), diagnostic.range,
                      std::move(diagnostic.message));
  d.label = std::move(diagnostic.label);
  d.secondary = std::move(diagnostic.secondary);
  d.notes = std::move(diagnostic.notes);
  d.help = std::move(diagnostic.help);
  return d;
}

Diagnostic& Diagnostics::Add(Severity severity, std::string code, SourceRange range,
                             std::string message) {
  std::size_t& count = severity == Severity::ERROR ? error_count_ : warning_count_;
  if (severity == Severity::ERROR && error_count_ >= max_errors_) {
    ++dropped_;
    overflow_ = Diagnostic{};
    return overflow_;
  }
  ++count;
  list_.push_back(Diagnostic{severity, std::move(code), std::move(message), range, {}, {}, {}, {}});
  return list_.back();
}

void Diagnostics::Finish(const SourceManager& sources) {
  auto key = [&](const Diagnostic& d) {
    const std::string* path = nullptr;
    static const std::string kEmpty;
    path = d.range.file == kNoFile ? &kEmpty : &sources.Get(d.range.file).Path();
    return std::tie(*path, d.range.begin, d.range.end, d.code, d.message);
  };
  std::stable_sort(list_.begin(), list_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  auto same = [&](const Diagnostic& a, const Diagnostic& b) {
    return key(a) == key(b) && a.label == b.label && a.help == b.help;
  };
  list_.erase(std::unique(list_.begin(), list_.end(), same), list_.end());
  error_count_ = static_cast<std::size_t>(std::count_if(
      list_.begin(), list_.end(), [](const Diagnostic& d) { return d.severity == Severity::ERROR; }));
  warning_count_ = list_.size() - error_count_;
}

namespace {

/// Edit distance counting an insertion, deletion, substitution or swap of two
/// adjacent characters as one edit, so that `clam` is one edit from `calm`.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rows: the one before the previous is needed for swaps.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

}  // namespace

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    if (candidate == name) continue;
    std::size_t d = EditDistance(name, candidate);
    if (d < best_distance || (d == best_distance && !best.empty() && candidate < best)) {
      best_distance = d;
      best = candidate;
    }
  }
  return best_distance <= limit ? best : std::string{};
}

std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best = ClosestName(name, candidates);
  return best.empty() ? std::string{} : "did you mean `" + best + "`?";
}

}  // namespace accord
