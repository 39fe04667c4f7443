#pragma once
// Byte tests on eight bytes at a time (SIMD within a register). Each returns
// bit 7 of every byte that passes; only the lowest such byte is exact (a
// borrow may also mark bytes above it), which is all a scan for the first
// one needs.

#include <cstdint>

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

}  // namespace accord::runtime::internal
