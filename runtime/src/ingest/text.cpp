#include "text.h"

#include <cmath>

#include <fmt/format.h>

namespace accord::runtime::internal {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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

/// Skips `-?(0|[1-9][0-9]*)` from `i`; returns false if there is none.
bool SkipInteger(std::string_view t, std::size_t& i) {
  if (i < t.size() && t[i] == '-') ++i;
  if (i >= t.size() || !IsDigit(t[i])) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  return true;
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
  std::size_t i = 0;
  if (!SkipInteger(t, i)) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (i >= t.size() || !IsDigit(t[i])) return false;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (i >= t.size() || !IsDigit(t[i])) return false;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  return i == t.size();
}

bool IsJsonInteger(std::string_view t) {
  std::size_t i = 0;
  return SkipInteger(t, i) && i == t.size();
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (!IsJsonSpace(c)) return false;
  }
  return true;
}

}  // namespace accord::runtime::internal
