// Text: findings grouped by item, for people.

#include <fmt/format.h>

#include "accord/runtime/report.h"
#include "common.h"
#include "escape.h"

namespace accord::runtime {

void WriteText(std::ostream& out, const ValidationResult& result, const ReportContext& context) {
  internal::Palette palette = internal::Palette::For(context.color);
  const std::vector<Finding>& findings = result.findings;
  const std::vector<std::string>& inputs = result.summary.inputs;
  std::string text;
  // Findings come sorted by item, so an item's findings are consecutive.
  for (std::size_t begin = 0, end = 0; begin < findings.size(); begin = end) {
    end = begin + 1;
    while (end < findings.size() && findings[end].item == findings[begin].item) ++end;
    if (begin > 0) text += '\n';
    std::size_t count = end - begin;
    text += fmt::format("{}item {}{}: {} finding{}\n", palette.bold,
                        internal::TerminalSafe(findings[begin].item), palette.reset, count,
                        count == 1 ? "" : "s");
    for (std::size_t i = begin; i < end; ++i) {
      internal::AppendFindingBlock(text, findings[i], inputs, palette, "  ");
    }
  }
  out << text;
}

}  // namespace accord::runtime
