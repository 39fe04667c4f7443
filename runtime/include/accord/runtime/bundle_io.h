#pragma once
// The bundle file format: a header (magic, format version, payload size,
// checksum) followed by the tables in a fixed order, little-endian. Reading
// checks the magic, the version, the size and the checksum, bounds-checks
// every read and validates every id, so a corrupt, truncated or incompatible
// bundle is an error, never a crash.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/status.h"

namespace accord::runtime {

inline constexpr std::uint32_t kBundleFormatVersion = 2;

/// The bundle as bytes. Also sets bundle.info.bundle_hash to the checksum
/// of the payload (the hash that findings carry).
std::string SerializeBundle(Bundle& bundle);

/// Parses bytes written by SerializeBundle; `name` prefixes error messages.
Result<Bundle> DeserializeBundle(std::string_view bytes, const std::string& name);

/// Reads and parses a bundle file.
Result<Bundle> ReadBundleFile(const std::string& path);

/// Checks that every id in `bundle` refers to an existing entry, that
/// expression nodes only refer to earlier nodes (so evaluation terminates),
/// and that plans bind each variable once. Returns "" or the first problem.
std::string ValidateBundle(const Bundle& bundle);

/// Whether `bytes` start like a bundle (to tell bundles from sources).
bool LooksLikeBundle(std::string_view bytes);

/// 64-bit FNV-1a, as 16 hex digits.
std::string HashHex(std::string_view bytes);
/// HashHex of the concatenation of `parts`, without concatenating them.
std::string HashHex(const std::vector<std::string_view>& parts);

}  // namespace accord::runtime
