#include "accord/runtime/number.h"

#include <cmath>

#include <fmt/format.h>

namespace accord::runtime {

std::string FormatNumber(double number) {
  if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 1e15) {
    return fmt::format("{:.0f}", number == 0 ? 0.0 : number);
  }
  return fmt::format("{}", number);
}

}  // namespace accord::runtime
