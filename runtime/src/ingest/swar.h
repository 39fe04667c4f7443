#pragma once
// Byte tests on eight bytes at a time (SIMD within a register). Each returns
// bit 7 of every byte that passes; only the lowest such byte is exact (a
// borrow may also mark bytes above it), which is all a scan for the first
// one needs.

#include <bit>
#include <cstdint>
#include <cstring>

namespace accord::runtime::internal {

inline constexpr std::uint64_t kByteOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kByteHighs = kByteOnes << 7;

/// Bytes of `word` equal to `c`.
inline std::uint64_t BytesEqual(std::uint64_t word, char c) {
  const std::uint64_t x = word ^ (kByteOnes * static_cast<unsigned char>(c));
  return (x - kByteOnes) & ~x & kByteHighs;
}

/// Bytes of `word` below `n` (n <= 128).
inline std::uint64_t BytesBelow(std::uint64_t word, unsigned char n) {
  return (word - kByteOnes * n) & ~word & kByteHighs;
}

/// The closing quote of a JSON string whose contents start at `begin`, when
/// no escape or control character comes before it and it lies before `end`;
/// else null. Reads whole words, so `end` must be followed by 8 readable
/// bytes (the JSON padding). Sets `high` when a byte >= 0x80 precedes the
/// quote (and maybe when one follows it in the last word read: a hint to
/// check UTF-8, never a verdict).
inline const char* PlainStringEnd(const char* begin, const char* end, bool& high) {
  for (const char* q = begin; q < end; q += 8) {
    std::uint64_t word;
    std::memcpy(&word, q, 8);
    const std::uint64_t quote = BytesEqual(word, '"');
    const std::uint64_t stop = quote | BytesEqual(word, '\\') | BytesBelow(word, 0x20);
    if (stop == 0) {
      high |= (word & kByteHighs) != 0;
      continue;
    }
    const int at = std::countr_zero(stop);  // bit 7 of the first stop byte
    if (!(quote & (std::uint64_t{1} << at))) return nullptr;  // an escape or control character
    const char* close = q + at / 8;
    if (close >= end) return nullptr;
    high |= (word & kByteHighs & ((std::uint64_t{1} << at) - 1)) != 0;
    return close;
  }
  return nullptr;
}

}  // namespace accord::runtime::internal
