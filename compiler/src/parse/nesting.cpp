#include "accord/compiler/parse/internal/nesting.h"

namespace accord::parse::internal {

std::size_t FindExcessNesting(const std::vector<NestingKind>& tokens, std::uint32_t max_depth) {
  std::vector<std::uint32_t> outer;  // the depth outside each open bracket
  std::uint32_t depth = 0;           // inside the innermost open bracket
  std::uint32_t prefix_run = 0;      // prefix operators just before this token
  bool after_operand = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    switch (tokens[i]) {
      case NestingKind::OPEN:
        if (depth + prefix_run + 1 > max_depth) return i;
        outer.push_back(depth);
        depth += prefix_run + 1;
        prefix_run = 0;
        after_operand = false;
        break;
      case NestingKind::CLOSE:
        if (!outer.empty()) {
          depth = outer.back();
          outer.pop_back();
        }
        prefix_run = 0;
        after_operand = true;
        break;
      case NestingKind::MINUS:
        if (after_operand) {  // binary minus
          prefix_run = 0;
          after_operand = false;
          break;
        }
        [[fallthrough]];
      case NestingKind::NOT:
        if (depth + prefix_run + 1 > max_depth) return i;
        ++prefix_run;
        after_operand = false;
        break;
      case NestingKind::OPERAND:
        prefix_run = 0;
        after_operand = true;
        break;
      case NestingKind::OTHER:
        prefix_run = 0;
        after_operand = false;
        break;
    }
  }
  return static_cast<std::size_t>(-1);
}

}  // namespace accord::parse::internal
