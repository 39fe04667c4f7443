// The run summary for stderr and the progress line.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "accord/runtime/report.h"
#include "common.h"
#include "escape.h"

namespace accord::runtime {
namespace {

constexpr std::size_t kMaxInputErrors = 20;
constexpr std::string_view kIndent = "  ";
constexpr std::size_t kLabelWidth = 15;  ///< "input errors" and a gap

std::string Plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", internal::Grouped(n), n == 1 ? one : many);
}

/// A row: `  label          value`; an empty label continues the row above.
void AppendRow(std::string& out, std::string_view label, std::string_view value) {
  out += fmt::format("{}{:<{}}{}\n", kIndent, label, kLabelWidth, value);
}

/// `count  name` rows, most frequent first, counts right-aligned.
void AppendCounts(std::string& out, std::string_view label,
                  const std::map<std::string, std::uint64_t>& counts) {
  std::vector<std::pair<std::string_view, std::uint64_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, internal::Grouped(row.second).size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    AppendRow(out, i == 0 ? label : "",
              fmt::format("{:>{}}  {}", internal::Grouped(rows[i].second), width,
                          internal::TerminalSafe(rows[i].first)));
  }
}

/// "3 findings (1 error, 1 warning, 1 info)": severities in order, each coloured.
std::string Headline(const Summary& summary, const internal::Palette& palette) {
  std::uint64_t total = 0;
  for (const auto& [name, count] : summary.by_severity) total += count;
  if (total == 0) {
    for (const auto& [name, count] : summary.by_rule) total += count;
  }
  if (total == 0) return "no findings";
  std::vector<std::string> parts;
  auto add = [&](std::string_view name, std::uint64_t count, std::string_view color) {
    if (count == 0) return;
    std::string many = name == "info" ? std::string(name) : std::string(name) + "s";
    parts.push_back(fmt::format("{}{}{}", color, Plural(count, name, many),
                                color.empty() ? "" : palette.reset));
  };
  for (Severity severity : {Severity::ERROR, Severity::WARNING, Severity::INFO}) {
    auto found = summary.by_severity.find(std::string(SeverityName(severity)));
    if (found != summary.by_severity.end()) add(found->first, found->second, palette.For(severity));
  }
  for (const auto& [name, count] : summary.by_severity) {  // names this version does not know
    if (name != "error" && name != "warning" && name != "info") add(name, count, "");
  }
  std::string line = Plural(total, "finding", "findings");
  if (!parts.empty()) line += fmt::format(" ({})", fmt::join(parts, ", "));
  return line;
}

/// "5 records in 2 items (7 lines, 1.2 KiB) from data.jsonl in 0.25 s, 20 records/s".
std::string ReadRow(const Summary& summary) {
  std::string row =
      fmt::format("{} in {} ({}, {})", Plural(summary.records, "record", "records"),
                  Plural(summary.items, "item", "items"), Plural(summary.lines, "line", "lines"),
                  internal::HumanBytes(static_cast<double>(summary.bytes)));
  if (summary.inputs.size() == 1) {
    row += " from " + internal::DisplayInput(summary.inputs.front());
  } else if (summary.inputs.size() > 1) {
    row += fmt::format(" from {} inputs", summary.inputs.size());
  }
  if (summary.seconds > 0) {
    row += fmt::format(" in {:.2f} s, {} records/s", summary.seconds,
                       internal::Grouped(static_cast<std::uint64_t>(
                           std::llround(static_cast<double>(summary.records) / summary.seconds))));
  }
  return row;
}

}  // namespace

std::string RenderSummary(const Summary& summary, const ReportContext& context) {
  internal::Palette palette = internal::Palette::For(context.color);
  std::string out =
      fmt::format("{}accord:{} {}\n", palette.bold, palette.reset, Headline(summary, palette));
  AppendCounts(out, "by rule", summary.by_rule);
  AppendCounts(out, "by modality", summary.by_modalities);
  AppendRow(out, "read", ReadRow(summary));
  if (!summary.input_errors.empty()) {
    AppendRow(out, "input errors",
              fmt::format("{}{}{}", palette.error, internal::Grouped(summary.input_errors.size()),
                          palette.reset));
    std::size_t shown = context.summary_lists_input_errors
                            ? std::min(summary.input_errors.size(), kMaxInputErrors)
                            : 0;
    for (std::size_t i = 0; i < shown; ++i) {
      const InputError& e = summary.input_errors[i];
      AppendRow(out, "",
                fmt::format("{}: {}", internal::DisplayLocation(summary.inputs, e.file, e.line),
                            internal::TerminalSafe(e.reason)));
    }
    if (shown > 0 && summary.input_errors.size() > shown) {
      AppendRow(
          out, "",
          fmt::format("… and {} more", internal::Grouped(summary.input_errors.size() - shown)));
    }
  }
  if (summary.regrouped) AppendRow(out, "note", "input was not grouped by item; grouped it first");
  if (summary.items_skipped > 0) {
    AppendRow(out, "shard",
              Plural(summary.items_skipped, "item", "items") + " left to other shards");
  }
  return out;
}

std::string ProgressLine(std::uint64_t lines, std::uint64_t bytes, double seconds) {
  std::string line = fmt::format("read {} ({})", Plural(lines, "line", "lines"),
                                 internal::HumanBytes(static_cast<double>(bytes)));
  if (seconds > 0) {
    line +=
        fmt::format(" in {:.1f} s: {} lines/s, {}/s", seconds,
                    internal::Grouped(static_cast<std::uint64_t>(std::llround(lines / seconds))),
                    internal::HumanBytes(static_cast<double>(bytes) / seconds));
  }
  return line;
}

std::string RenderInputErrors(const Summary& summary, const ReportContext& context,
                              std::size_t limit) {
  internal::Palette palette = internal::Palette::For(context.color);
  std::string out;
  std::size_t shown = std::min(summary.input_errors.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    const InputError& e = summary.input_errors[i];
    out += fmt::format("{}: {}error{}: {}\n",
                       internal::DisplayLocation(summary.inputs, e.file, e.line), palette.error,
                       palette.reset, internal::TerminalSafe(e.reason));
  }
  if (summary.input_errors.size() > shown) {
    out += fmt::format("… and {} more input errors\n",
                       internal::Grouped(summary.input_errors.size() - shown));
  }
  return out;
}

}  // namespace accord::runtime
