#include "accord/compiler/parse/internal/text.h"

#include <cstdio>
#include <cstring>

namespace accord::parse::internal {
namespace {

bool InRange(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

/// Length of the well-formed sequence starting at text[i], or 0 if ill-formed
/// (Unicode 15, table 3-7).
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  unsigned char b0 = at(0);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k) { return InRange(at(k), 0x80, 0xBF); };
  if (InRange(b0, 0xC2, 0xDF)) return cont(1) ? 2 : 0;
  if (b0 == 0xE0) return InRange(at(1), 0xA0, 0xBF) && cont(2) ? 3 : 0;
  if (InRange(b0, 0xE1, 0xEC) || InRange(b0, 0xEE, 0xEF)) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xED) return InRange(at(1), 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (b0 == 0xF0) return InRange(at(1), 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
  if (InRange(b0, 0xF1, 0xF3)) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 == 0xF4) return InRange(at(1), 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

char32_t DecodeUtf8At(std::string_view text, std::size_t& i) {
  auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  std::size_t n = SequenceLength(text, i);
  char32_t c = 0xFFFD;
  switch (n) {
    case 1: c = b(0); break;
    case 2: c = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
    case 3: c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
    case 4: c = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); break;
    default: n = 1; break;
  }
  i += n;
  return c;
}

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII fast path, eight bytes at a time: most source text is plain ASCII.
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = SequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

LineColumn LineColumnOf(std::string_view text, std::size_t offset) {
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  for (std::size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++lc.column;
  }
  return lc;
}

std::string EncodeUtf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

bool IsInvisible(char32_t c) {
  if (c < 0x20 || c == 0x7F) return true;
  if (c < 0x80) return false;
  return (c >= 0x80 && c <= 0xA0) || c == 0xAD || c == 0x034F || c == 0x061C || c == 0x115F ||
         c == 0x1160 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
         c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF0 && c <= 0xFFFF) || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0xE0000 && c <= 0xE0FFF) || c >= 0xF0000;
}

std::string ShowChar(char32_t c) {
  char buffer[16];
  if (c < 0x80 && IsInvisible(c)) {
    std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(c));
    return buffer;
  }
  if (IsInvisible(c)) {
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
  }
  return EncodeUtf8(c);
}

std::string ShowText(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (count == max_chars) {
      out += "...";
      break;
    }
    out += ShowChar(DecodeUtf8At(text, i));
    ++count;
  }
  return out;
}

}  // namespace accord::parse::internal
