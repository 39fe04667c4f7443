#include "json_number.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace accord::runtime::internal {

bool ConvertJsonNumber(const char* begin, const char* end, double& value) {
  const auto [stop, error] = std::from_chars(begin, end, value);
  return error == std::errc() && stop == end && std::isfinite(value);
}

}  // namespace accord::runtime::internal
