// Text: findings grouped by item, for people, written item by item.

#include <fmt/format.h>

#include "common.h"
#include "escape.h"
#include "writers.h"

namespace accord::runtime::internal {
namespace {

class TextWriter final : public ReportWriter {
 public:
  TextWriter(ReportOutput& out, const ReportContext& context, std::vector<std::string> inputs)
      : out_(out), palette_(Palette::For(context.color)), inputs_(std::move(inputs)) {}

  /// The batch's items, a block each, separated by blank lines.
  void Prepare(FindingBatch& batch) const override {
    const std::vector<Finding>& findings = batch.findings;
    std::string& text = batch.text;
    // Findings come sorted by item, so an item's findings are consecutive.
    for (std::size_t begin = 0, end = 0; begin < findings.size(); begin = end) {
      end = begin + 1;
      while (end < findings.size() && findings[end].item == findings[begin].item) ++end;
      if (begin > 0) text += '\n';
      std::size_t count = end - begin;
      text += fmt::format("{}item {}{}: {} finding{}\n", palette_.bold,
                          TerminalSafe(findings[begin].item), palette_.reset, count,
                          count == 1 ? "" : "s");
      for (std::size_t i = begin; i < end; ++i) {
        AppendFindingBlock(text, findings[i], inputs_, palette_, "  ");
      }
    }
  }

  void Consume(FindingBatch& batch) override {
    if (batch.text.empty()) return;
    if (written_) out_.Write("\n");
    out_.Write(batch.text);
    written_ = true;
  }

  void Restart() override {
    out_.Discard();
    written_ = false;
  }

  void Finish(const Summary&) override { out_.Commit(); }

 private:
  ReportOutput& out_;
  Palette palette_;
  std::vector<std::string> inputs_;
  bool written_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeTextWriter(ReportOutput& out, const ReportContext& context,
                                             std::vector<std::string> inputs) {
  return std::make_unique<TextWriter>(out, context, std::move(inputs));
}

}  // namespace accord::runtime::internal
