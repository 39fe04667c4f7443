#include "text.h"

#include <cmath>

#include <fmt/format.h>

#include "json_number.h"

namespace accord::runtime::internal {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Appends the escape for a control character, or `c` itself.
void AppendEscaped(std::string& out, char c) {
  switch (c) {
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
  }
}

/// Whether all of `t` is one JSON number (in a double's range or not), and
/// whether it is written as an integer.
bool WholeJsonNumber(std::string_view t, bool& integral) {
  const char* p = t.data();
  const char* end = t.data() + t.size();
  double ignored = 0;
  return ScanJsonNumber(p, end, ignored, integral) != JsonNumber::MALFORMED && p == end;
}

}  // namespace

std::string Quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    AppendEscaped(out, c);
  }
  out += '"';
  return out;
}

std::string Code(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '`';
  for (char c : text) AppendEscaped(out, c);
  out += '`';
  return out;
}

std::string FormatNumber(double number) {
  if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 1e15) {
    return fmt::format("{:.0f}", number == 0 ? 0.0 : number);
  }
  return fmt::format("{}", number);
}

std::string CountOf(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string_view TrimJsonSpace(std::string_view text) {
  while (!text.empty() && IsJsonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsJsonSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsJsonNumber(std::string_view t) {
  bool integral = false;
  return WholeJsonNumber(t, integral);
}

bool IsJsonInteger(std::string_view t) {
  bool integral = false;
  return WholeJsonNumber(t, integral) && integral;
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (!IsJsonSpace(c)) return false;
  }
  return true;
}

}  // namespace accord::runtime::internal
