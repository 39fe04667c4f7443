#pragma once
// Text helpers of the parser front end: UTF-8 validation and how characters
// are shown in diagnostics. Free of ANTLR.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace accord::parse::internal {

/// Byte offset of the first byte of the first ill-formed UTF-8 sequence in
/// `text` (overlong forms, surrogates and values above U+10FFFF are
/// ill-formed), or npos when the whole text is well-formed.
std::size_t FindInvalidUtf8(std::string_view text);

/// 1-based line and code-point column of byte `offset` in `text`.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};
LineColumn LineColumnOf(std::string_view text, std::size_t offset);

/// The code point starting at byte `i` of well-formed UTF-8 `text`; advances
/// `i` past it.
char32_t DecodeUtf8At(std::string_view text, std::size_t& i);

/// UTF-8 encoding of one code point.
std::string EncodeUtf8(char32_t c);

/// True for characters an editor shows as nothing or as blank space
/// (controls, non-ASCII spaces, zero-width and format characters, BOM).
bool IsInvisible(char32_t c);

/// How a character is written inside backquotes in a message: `\xNN` for
/// ASCII controls, `U+XXXX` for other invisible characters, else itself.
std::string ShowChar(char32_t c);

/// `text` made safe to quote in one line of a message: invisible characters
/// are shown as by ShowChar, and text longer than `max_chars` code points is
/// cut with "...".
std::string ShowText(std::string_view text, std::size_t max_chars = 40);

}  // namespace accord::parse::internal
