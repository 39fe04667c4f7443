#include "accord/compiler/parse/internal/literals.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "accord/compiler/parse/internal/text.h"

namespace accord::parse::internal {
std::optional<char> DecodeEscape(char32_t after_backslash) {
  switch (after_backslash) {
    case '"': return '"';
    case '\\': return '\\';
    case 'n': return '\n';
    case 't': return '\t';
    default: return std::nullopt;
  }
}

std::string DecodeString(std::string_view token, std::vector<BadEscape>& bad) {
  std::string out;
  if (token.size() < 2) return out;
  std::string_view body = token.substr(1, token.size() - 2);
  out.reserve(body.size());
  std::uint32_t offset = 1;  // the opening quote is offset 0
  std::size_t i = 0;
  while (i < body.size()) {
    std::size_t start = i;
    char32_t c = DecodeUtf8At(body, i);
    if (c == '\\' && i < body.size()) {
      char32_t after = DecodeUtf8At(body, i);
      if (auto decoded = DecodeEscape(after)) {
        out += *decoded;
      } else {
        bad.push_back({offset, "\\" + ShowChar(after)});
        out.append(body.substr(start, i - start));
      }
      offset += 2;
      continue;
    }
    out.append(body.substr(start, i - start));
    ++offset;
  }
  return out;
}

std::optional<std::int64_t> ParseInt(std::string_view digits) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseFloat(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (error == std::errc::result_out_of_range) {
    // Underflow (`0.000…01` past the smallest double) is zero; overflow is an error.
    bool integral_zero = text.substr(0, text.find('.')).find_first_not_of('0') == std::string_view::npos;
    return integral_zero ? std::optional<double>(0.0) : std::nullopt;
  }
  if (error != std::errc{} || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> ParseDurationSeconds(std::string_view text) {
  std::size_t unit = text.find_first_not_of("0123456789.");
  if (unit == std::string_view::npos || unit == 0) return std::nullopt;
  std::optional<double> number = ParseFloat(text.substr(0, unit));
  if (!number) return std::nullopt;
  std::string_view suffix = text.substr(unit);
  double seconds = 0;
  if (suffix == "ms") {
    seconds = *number / 1000.0;
  } else if (suffix == "s") {
    seconds = *number;
  } else if (suffix == "min") {
    seconds = *number * 60.0;
  } else if (suffix == "h") {
    seconds = *number * 3600.0;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(seconds)) return std::nullopt;
  return seconds;
}

}  // namespace accord::parse::internal
