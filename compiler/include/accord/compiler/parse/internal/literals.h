#pragma once
// Decoding of literal tokens: strings with escapes, integers, floats and
// durations. Free of ANTLR; positions are code-point offsets into the token.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::parse::internal {

/// A backslash sequence other than `\" \\ \n \t`.
struct BadEscape {
  std::uint32_t offset = 0;  ///< code points from the token's first character to the backslash
  std::string shown;         ///< the sequence as shown in a message, e.g. `\q`
};

/// Decodes one escape: the character after a backslash. Returns the decoded
/// byte for `" \ n t`, or nullopt for anything else.
std::optional<char> DecodeEscape(char32_t after_backslash);

/// The value of a STRING token (quotes included). Invalid escapes are kept
/// as written and appended to `bad`.
std::string DecodeString(std::string_view token, std::vector<BadEscape>& bad);

/// An INT token's value, or nullopt when it does not fit in int64.
std::optional<std::int64_t> ParseInt(std::string_view digits);

/// A FLOAT token's value, or nullopt when it is not finite.
std::optional<double> ParseFloat(std::string_view text);

/// A DURATION token (`250ms`, `1.5s`, `2min`, `1h`) in seconds, or nullopt
/// when it is not finite.
std::optional<double> ParseDurationSeconds(std::string_view text);

}  // namespace accord::parse::internal
