#pragma once
// Pieces the formats share: input names, witnesses and findings as text,
// colours, and the descriptions of the built-in checks.

#include <string>
#include <string_view>
#include <vector>

#include "accord/runtime/finding.h"
#include "accord/runtime/report.h"

namespace accord::runtime::internal {

/// ANSI escapes, all empty without colour.
struct Palette {
  std::string_view error, warning, info, bold, reset;
  static Palette For(bool color);
  std::string_view For(Severity severity) const;
};

/// Input `file` as named on the command line, or "" when out of range.
std::string_view InputName(const std::vector<std::string>& inputs, std::uint32_t file);
/// An input name for people: "<stdin>" for "-", "?" when unknown; terminal-safe.
std::string DisplayInput(std::string_view name);

/// "data.jsonl:4" for people (no ":line" when line is 0).
std::string DisplayLocation(const std::vector<std::string>& inputs, std::uint32_t file,
                            std::uint64_t line);

/// The witness's extents, compactly: "12s..15.5s", "[3, 17)", "box[x,y,w,h]",
/// "box3d[cx,cy,cz,l,w,h,yaw]", "geo[lat,lon]" (only those present).
std::vector<std::string> ExtentTexts(const Witness& witness);

/// `id (modality "label" → concept, extents..., annotator, file:line)`, with
/// absent parts left out; `with_location` false leaves out file:line.
std::string WitnessText(const Witness& witness, const std::vector<std::string>& inputs,
                        bool with_location);

/// `severity[rule]: message` on one line after `indent`, then guideline,
/// escalate and witnesses, each on its own line indented two more spaces.
void AppendFindingBlock(std::string& out, const Finding& finding,
                        const std::vector<std::string>& inputs, const Palette& palette,
                        std::string_view indent);

/// A rule with findings in this run.
struct FiredRule {
  std::string_view name;
  bool builtin = false;
  std::uint32_t order = 0;
  Severity severity = Severity::ERROR;  ///< of its first finding
};

/// One line describing a built-in check (`unknown_label`...), or "" for
/// other names.
std::string_view BuiltinDescription(std::string_view name);
/// The built-in checks' names in BuiltinKind order (as docs/language.md lists them).
const std::vector<std::string_view>& BuiltinNames();

/// `n` with thousands separators: 1,234,567.
std::string Grouped(std::uint64_t n);
/// "412 B", "1.2 KiB", "37.6 MiB", "2.0 GiB".
std::string HumanBytes(double bytes);

}  // namespace accord::runtime::internal
