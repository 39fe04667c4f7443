#include "accord/compiler/parse/internal/nesting.h"

namespace accord::parse::internal {

bool NestingTracker::Add(NestingKind kind) {
  switch (kind) {
    case NestingKind::OPEN:
      if (depth_ + prefix_run_ + 1 > max_depth_) return false;
      outer_.push_back(depth_);
      depth_ += prefix_run_ + 1;
      prefix_run_ = 0;
      after_operand_ = false;
      break;
    case NestingKind::CLOSE:
      if (!outer_.empty()) {
        depth_ = outer_.back();
        outer_.pop_back();
      }
      prefix_run_ = 0;
      after_operand_ = true;
      break;
    case NestingKind::MINUS:
      if (after_operand_) {  // binary minus
        prefix_run_ = 0;
        after_operand_ = false;
        break;
      }
      [[fallthrough]];
    case NestingKind::NOT:
      if (depth_ + prefix_run_ + 1 > max_depth_) return false;
      ++prefix_run_;
      after_operand_ = false;
      break;
    case NestingKind::OPERAND:
      prefix_run_ = 0;
      after_operand_ = true;
      break;
    case NestingKind::OTHER:
      prefix_run_ = 0;
      after_operand_ = false;
      break;
  }
  return true;
}

std::size_t FindExcessNesting(const std::vector<NestingKind>& tokens, std::uint32_t max_depth) {
  NestingTracker tracker(max_depth);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tracker.Add(tokens[i])) return i;
  }
  return static_cast<std::size_t>(-1);
}

}  // namespace accord::parse::internal
