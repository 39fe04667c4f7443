// rustc-style text: headline, location, the user's lines with carets under
// the exact spans, secondary labels, notes and help.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "accord/compiler/diag/render.h"

namespace accord {
namespace {

struct Palette {
  std::string error, warning, note, help, gutter, bold, reset;
  explicit Palette(bool color) {
    if (!color) return;
    error = "\033[1;31m";
    warning = "\033[1;33m";
    note = "\033[1;36m";
    help = "\033[1;32m";
    gutter = "\033[1;34m";
    bold = "\033[1m";
    reset = "\033[0m";
  }
};

/// Display column (1-based) of code point `column`, expanding tabs to 4.
std::uint32_t DisplayColumn(std::string_view line, std::uint32_t column) {
  std::uint32_t display = 1;
  std::uint32_t seen = 1;
  for (std::size_t i = 0; i < line.size() && seen < column; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    display += c == '\t' ? 4 : 1;
    ++seen;
  }
  return display + (column > seen ? column - seen : 0);
}

/// Length of the well-formed UTF-8 sequence at line[i], or 0.
std::size_t SequenceLength(std::string_view line, std::size_t i) {
  auto c = static_cast<unsigned char>(line[i]);
  std::size_t length = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (length == 0 || i + length > line.size()) return 0;
  std::uint32_t cp = length == 1 ? c : c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    auto d = static_cast<unsigned char>(line[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  return overlong || surrogate || cp > 0x10FFFF ? 0 : length;
}

/// The line as it is safe to print: tabs expanded, control bytes as spaces,
/// and each byte that is not valid UTF-8 as U+FFFD, so that a Latin-1 or
/// binary file never sends raw bytes to the terminal.
std::string ExpandTabs(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    char c = line[i];
    std::size_t length = SequenceLength(line, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (c == '\t') {
      out += "    ";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';  // keep control bytes out of the terminal
    } else {
      out.append(line.substr(i, length));
    }
    i += length;
  }
  return out;
}

struct Mark {
  SourceRange range;
  std::string message;
  bool primary;
};

std::string Location(const SourceManager& sources, const SourceRange& range) {
  return fmt::format("{}:{}:{}", sources.Get(range.file).Path(), range.begin.line,
                     range.begin.column);
}

void RenderSnippet(std::string& out, const SourceManager& sources, FileId file,
                   std::vector<Mark> marks, std::size_t width, const Palette& p,
                   const std::string& primary_color) {
  const SourceFile& source = sources.Get(file);
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.range.begin < b.range.begin;
  });
  std::string pad(width, ' ');
  // `12 | text`; an empty line gets no trailing space.
  auto source_line = [&](std::uint32_t number, std::string_view text) {
    std::string shown = ExpandTabs(text);
    return fmt::format("{}{:>{}} |{}{}{}\n", p.gutter, number, width, p.reset,
                       shown.empty() ? "" : " ", shown);
  };
  out += fmt::format("{}{} |{}\n", p.gutter, pad, p.reset);
  std::uint32_t last_line = 0;
  for (const Mark& mark : marks) {
    std::uint32_t line_no = mark.range.begin.line;
    if (line_no != last_line) {
      if (last_line != 0 && line_no == last_line + 2) {
        // One line between two marks: show it rather than an elision.
        out += source_line(last_line + 1, source.Line(last_line + 1));
      } else if (last_line != 0 && line_no > last_line + 2) {
        out += fmt::format("{}...{}\n", p.gutter, p.reset);
      }
      std::string_view line = source.Line(line_no);
      out += source_line(line_no, line);
      last_line = line_no;
    }
    std::string_view line = source.Line(line_no);
    std::uint32_t begin = DisplayColumn(line, mark.range.begin.column);
    std::uint32_t end = mark.range.end.line == line_no
                            ? DisplayColumn(line, mark.range.end.column)
                            : DisplayColumn(line, CountCodePoints(line) + 1);
    std::uint32_t length = end > begin ? end - begin : 1;
    const std::string& color = mark.primary ? primary_color : p.gutter;
    out += fmt::format("{}{} |{} {}{}{}{}{}\n", p.gutter, pad, p.reset, std::string(begin - 1, ' '),
                       color, std::string(length, mark.primary ? '^' : '-'),
                       mark.message.empty() ? "" : " " + mark.message, p.reset);
  }
}

}  // namespace

std::string RenderText(const Diagnostic& d, const SourceManager& sources, const TextStyle& style) {
  Palette p(style.color);
  const bool is_error = d.severity == Severity::ERROR;
  const std::string& color = is_error ? p.error : p.warning;
  std::string out = fmt::format("{}{}[{}]{}{}: {}{}\n", color, is_error ? "error" : "warning",
                                d.code, p.reset, p.bold, d.message, p.reset);

  // Group the marks by file: the primary's file first, then the others.
  std::map<FileId, std::vector<Mark>> by_file;
  std::vector<FileId> files;
  auto add = [&](const SourceRange& range, const std::string& message, bool primary) {
    if (!range.Valid()) return;
    if (by_file.find(range.file) == by_file.end()) files.push_back(range.file);
    by_file[range.file].push_back({range, message, primary});
  };
  add(d.range, d.label, true);
  for (const SecondaryLabel& label : d.secondary) add(label.range, label.message, false);

  std::uint32_t max_line = 0;
  for (const auto& [file, marks] : by_file) {
    for (const Mark& mark : marks) max_line = std::max(max_line, mark.range.begin.line);
  }
  std::size_t width = fmt::format("{}", max_line).size();
  std::string pad(width, ' ');
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Mark& first = by_file[files[i]].front();
    out += fmt::format("{}{}{}{} {}\n", p.gutter, pad, i == 0 ? "-->" : ":::", p.reset,
                       Location(sources, first.range));
    RenderSnippet(out, sources, files[i], by_file[files[i]], width, p, color);
  }
  if (!d.notes.empty() || !d.help.empty()) {
    if (!files.empty()) out += fmt::format("{}{} |{}\n", p.gutter, pad, p.reset);
    for (const std::string& note : d.notes) {
      out += fmt::format("{}{} = {}note{}: {}\n", p.gutter, pad, p.bold, p.reset, note);
    }
    if (!d.help.empty()) {
      out += fmt::format("{}{} = {}help{}: {}\n", p.gutter, pad, p.help, p.reset, d.help);
    }
  }
  out += "\n";
  return out;
}

}  // namespace accord
