#pragma once
// A fast hash for the short texts of the hot paths: the name index of
// ingestion and the join keys of evaluation.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace accord::runtime::internal {

/// A hash of a short text (names, keys): a word at a time, then a final mix.
/// Not stable across versions: for in-memory tables only.
inline std::uint64_t HashText(std::string_view text, std::uint32_t salt = 0) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = (std::uint64_t{salt} + 1) * kMul ^ n;
  auto mix = [&](std::uint64_t word) {
    h = (h ^ word) * kMul;
    h ^= h >> 32;
  };
  for (; n > 8; n -= 8, p += 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    mix(word);
  }
  // The last 1 to 8 bytes, in two loads that may overlap.
  std::uint64_t word = 0;
  if (n >= 4) {
    std::uint32_t lo;
    std::uint32_t hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    word = lo | (std::uint64_t{hi} << 32);
  } else if (n > 0) {
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    word = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }
  mix(word);
  return h ^ (h >> 29);
}

}  // namespace accord::runtime::internal
