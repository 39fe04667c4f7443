#include "escape.h"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace accord::runtime::internal {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// The code point starting at text[i], advancing i past it. An invalid,
/// overlong or truncated sequence yields kInvalid and advances one byte.
char32_t NextCodePoint(std::string_view text, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kInvalid;
  }
  if (i + length > text.size()) {
    ++i;
    return kInvalid;
  }
  for (std::size_t k = 1; k < length; ++k) {
    auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kInvalid;
  }
  i += length;
  return cp;
}

/// Calls emit(cp, bytes) for each code point of `text` (kInvalid with the
/// one offending byte for invalid UTF-8), except that runs of bytes for
/// which plain(byte) holds (ASCII the format writes as it is) are appended
/// to `out` at once.
template <typename Plain, typename Emit>
void EscapeInto(std::string& out, std::string_view text, Plain plain, Emit emit) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t run = i;
    while (run < n && plain(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text.data() + i, run - i);
    if (run == n) return;
    i = run;
    char32_t cp = NextCodePoint(text, i);
    emit(cp, text.substr(run, i - run));
  }
}

void AppendBraced(std::string& out, char32_t cp) {
  out += fmt::format("\\u{{{:x}}}", static_cast<std::uint32_t>(cp));
}

bool IsUriSafe(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~!$&'()*+,;=:@/").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

}  // namespace

void AppendJsonQuoted(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; };
  EscapeInto(out, text, plain, [&out](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '\b':
        out += "\\b";
        return;
      case '\f':
        out += "\\f";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      default:
        break;
    }
    if (cp == kInvalid) {
      out += kReplacement;
    } else if (cp < 0x20 || cp == 0x7F) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
    } else {
      out += bytes;
    }
  });
  out += '"';
}

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonQuoted(out, text);
  return out;
}

std::string XmlEscape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  auto plain = [](unsigned char c) {
    return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';
  };
  EscapeInto(out, text, plain, [&out, attribute](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += attribute ? "&quot;" : "\"";
        return;
      case '\r':
        out += "&#13;";
        return;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        return;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        return;
      default:
        break;
    }
    if (cp == kInvalid || cp == 0xFFFE || cp == 0xFFFF) {
      out += kReplacement;
    } else if (cp < 0x20) {
      AppendBraced(out, cp);  // not even a character reference may name it in XML 1.0
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string UriReference(std::string_view path) {
  std::string out;
  std::string_view first_segment = path.substr(0, path.find('/'));
  if (first_segment.find(':') != std::string_view::npos) out += "./";  // not a scheme
  if (path.starts_with("//")) out += "/.";                             // not an authority
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (IsUriSafe(c)) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string TerminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x7F; };
  EscapeInto(out, text, plain, [&out](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      default:
        break;
    }
    if (cp == kInvalid) {
      out += kReplacement;
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      AppendBraced(out, cp);
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string JsonNumber(double value) {
  return std::isfinite(value) ? FormatNumber(value) : std::string("null");
}

}  // namespace accord::runtime::internal
