#pragma once
// Escaping for the output formats: JSON strings, XML text and attributes,
// URI references, and text safe to print on a terminal. Every function
// accepts arbitrary bytes: invalid UTF-8 becomes U+FFFD, so the output is
// always well-formed whatever the input names and records contain.

#include <string>
#include <string_view>

#include "accord/runtime/number.h"

namespace accord::runtime::internal {

/// `text` as a JSON string literal, quotes included. Control characters are
/// escaped (\n, \t, \u001b, ...).
std::string JsonQuote(std::string_view text);
void AppendJsonQuoted(std::string& out, std::string_view text);

/// `text` escaped for XML 1.0 character data (`attribute`: also for a
/// double-quoted attribute value, where tabs and newlines are kept as
/// character references). Characters XML 1.0 forbids are written as `\u{1b}`.
std::string XmlEscape(std::string_view text, bool attribute);

/// A file name as a relative or absolute URI reference (RFC 3986): bytes
/// outside the unreserved, sub-delims, ':', '@' and '/' sets are
/// percent-encoded, and "./" is prepended when the first segment holds ':'.
std::string UriReference(std::string_view path);

/// `text` safe for a terminal: \n, \r, \t are written as those escapes,
/// other C0/C1 controls and DEL as `\u{1b}`.
std::string TerminalSafe(std::string_view text);

/// As runtime::FormatNumber (number.h), but `null` for NaN and infinities, which JSON lacks.
std::string JsonNumber(double value);

}  // namespace accord::runtime::internal
