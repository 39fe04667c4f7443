#pragma once
// Text helpers for ingestion messages: how user text and numbers appear in
// input errors and record issues. Shared by the record parser and the
// resolver; no simdjson here.

#include <cstdint>
#include <string>
#include <string_view>

namespace accord::runtime::internal {

/// `text` as a JSON string literal: quotes, backslashes and control
/// characters escaped ("agressive" -> "\"agressive\"").
std::string Quote(std::string_view text);

/// `text` in backticks, control characters escaped (`vidio`).
std::string Code(std::string_view text);

/// A number as people write it: integral values without a fraction
/// ("7", "-3"), others in the shortest form that reads back exactly ("4.5").
std::string FormatNumber(double number);

/// "1 element", "3 elements".
std::string CountOf(std::size_t count, std::string_view noun);

/// `text` without leading and trailing JSON whitespace.
std::string_view TrimJsonSpace(std::string_view text);

/// Whether `token` is a JSON number (RFC 8259 grammar).
bool IsJsonNumber(std::string_view token);

/// Whether `token` is a JSON number written as an integer: `-?(0|[1-9][0-9]*)`.
bool IsJsonInteger(std::string_view token);

/// Whether every byte of `text` is JSON whitespace (an empty text is blank).
bool IsBlank(std::string_view text);

}  // namespace accord::runtime::internal
