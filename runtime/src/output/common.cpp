#include "common.h"

#include <array>

#include <fmt/format.h>

#include "escape.h"

namespace accord::runtime::internal {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kBuiltins = {{
    {"unknown_modality", "A record names a modality the ontology does not declare."},
    {"unknown_label", "A record's label is not a label of its modality."},
    {"bad_attribute", "An attribute value has the wrong type or is out of range."},
    {"missing_extent", "A record lacks the extent (time, span, box...) its modality requires."},
    {"disjoint",
     "Records of one annotator, modality and item under two members of a disjoint set have "
     "intersecting extents."},
}};

std::string JoinNumbers(const double* values, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ',';
    out += FormatNumber(values[i]);
  }
  return out;
}

/// `"label"` with quotes and backslashes escaped, terminal-safe.
std::string QuotedLabel(std::string_view label) {
  std::string out = "\"";
  for (char ch : TerminalSafe(label)) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + '"';
}

}  // namespace

Palette Palette::For(bool color) {
  if (!color) return Palette{};
  return Palette{"\033[1;31m", "\033[1;33m", "\033[1;34m", "\033[1m", "\033[0m"};
}

std::string_view Palette::For(Severity severity) const {
  switch (severity) {
    case Severity::ERROR:
      return error;
    case Severity::WARNING:
      return warning;
    case Severity::INFO:
      return info;
  }
  return {};
}

std::string_view InputName(const std::vector<std::string>& inputs, std::uint32_t file) {
  return file < inputs.size() ? std::string_view(inputs[file]) : std::string_view();
}

std::string DisplayInput(std::string_view name) {
  if (name.empty()) return "?";
  if (name == "-") return "<stdin>";
  return TerminalSafe(name);
}

std::string DisplayLocation(const std::vector<std::string>& inputs, std::uint32_t file,
                            std::uint64_t line) {
  std::string location = DisplayInput(InputName(inputs, file));
  if (line > 0) location += fmt::format(":{}", line);
  return location;
}

std::vector<std::string> ExtentTexts(const Witness& w) {
  std::vector<std::string> parts;
  bool has_start = (w.flags & HAS_START) != 0;
  bool has_end = (w.flags & HAS_END) != 0;
  if (has_start || has_end) {
    parts.push_back(fmt::format("{}..{}", has_start ? FormatNumber(w.start) + "s" : "?",
                                has_end ? FormatNumber(w.end) + "s" : "?"));
  }
  if (w.flags & HAS_SPAN) {
    parts.push_back(fmt::format("[{}, {})", FormatNumber(w.span[0]), FormatNumber(w.span[1])));
  }
  if (w.flags & HAS_BOX) parts.push_back("box[" + JoinNumbers(w.box.data(), 4) + "]");
  if (w.flags & HAS_BOX3D) parts.push_back("box3d[" + JoinNumbers(w.box3d.data(), 7) + "]");
  if (w.flags & HAS_GEO) parts.push_back("geo[" + JoinNumbers(w.geo.data(), 2) + "]");
  return parts;
}

std::string WitnessText(const Witness& w, const std::vector<std::string>& inputs,
                        bool with_location) {
  std::string head = TerminalSafe(w.modality) + " " + QuotedLabel(w.label);
  if (!w.concept_name.empty()) head += " → " + TerminalSafe(w.concept_name);
  std::vector<std::string> parts = {head};
  for (std::string& extent : ExtentTexts(w)) parts.push_back(std::move(extent));
  if (!w.annotator.empty()) parts.push_back(TerminalSafe(w.annotator));
  if (with_location) parts.push_back(DisplayLocation(inputs, w.file, w.line));
  return fmt::format("{} ({})", TerminalSafe(w.id), fmt::join(parts, ", "));
}

void AppendFindingBlock(std::string& out, const Finding& finding,
                        const std::vector<std::string>& inputs, const Palette& palette,
                        std::string_view indent) {
  out += fmt::format("{}{}{}[{}]{}: {}\n", indent, palette.For(finding.severity),
                     SeverityName(finding.severity), TerminalSafe(finding.rule), palette.reset,
                     TerminalSafe(finding.message));
  std::string detail = std::string(indent) + "  ";
  if (!finding.guideline.empty()) {
    out += fmt::format("{}guideline: {}\n", detail, TerminalSafe(finding.guideline));
  }
  if (!finding.escalate.empty()) {
    out += fmt::format("{}escalate:  {}\n", detail, TerminalSafe(finding.escalate));
  }
  for (std::size_t i = 0; i < finding.witnesses.size(); ++i) {
    std::string_view label = i > 0                           ? "           "
                             : finding.witnesses.size() == 1 ? "witness:   "
                                                             : "witnesses: ";
    out += fmt::format("{}{}{}\n", detail, label, WitnessText(finding.witnesses[i], inputs, true));
  }
}

std::string_view BuiltinDescription(std::string_view name) {
  for (const auto& [builtin, description] : kBuiltins) {
    if (builtin == name) return description;
  }
  return {};
}

const std::vector<std::string_view>& BuiltinNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    out.reserve(kBuiltins.size());
    for (const auto& entry : kBuiltins) out.push_back(entry.first);
    return out;
  }();
  return names;
}

std::string Grouped(std::uint64_t n) {
  std::string digits = fmt::format("{}", n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string HumanBytes(double bytes) {
  static constexpr std::array<std::string_view, 4> kUnits = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} B", static_cast<std::uint64_t>(bytes));
  std::size_t unit = 0;
  bytes /= 1024;
  while (bytes >= 1024 && unit + 1 < kUnits.size()) {
    bytes /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", bytes, kUnits[unit]);
}

}  // namespace accord::runtime::internal
