#pragma once
// The top-level keys of a record (LANGUAGE.md "Records") and how a raw key
// (just past its opening quote, in a line followed by kJsonPadding bytes) is
// recognised without unescaping it.

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace accord::runtime::internal {

enum class Key : std::uint8_t {
  ITEM,
  ID,
  MODALITY,
  LABEL,
  START,
  END,
  SPAN,
  BOX,
  BOX3D,
  GEO,
  TRACK,
  ANNOTATOR,
  SOURCE,
  CONFIDENCE,
  ATTRS,
  UNKNOWN,
};
inline constexpr std::size_t kKeyCount = static_cast<std::size_t>(Key::UNKNOWN);
inline constexpr std::array<std::string_view, kKeyCount> kKeyNames = {
    "item",  "id",  "modality", "label",     "start",  "end",        "span",  "box",
    "box3d", "geo", "track",    "annotator", "source", "confidence", "attrs",
};

inline std::string_view Name(Key key) { return kKeyNames[static_cast<std::size_t>(key)]; }
constexpr std::uint32_t Bit(Key key) { return std::uint32_t{1} << static_cast<unsigned>(key); }

static_assert(std::endian::native == std::endian::little, "key patterns are little-endian words");

/// A key and its closing quote as two little-endian words, with masks.
struct KeyPattern {
  std::uint64_t word[2] = {0, 0};
  std::uint64_t mask[2] = {0, 0};
};

inline constexpr std::array<KeyPattern, kKeyCount> kKeyPatterns = [] {
  std::array<KeyPattern, kKeyCount> out{};
  for (std::size_t k = 0; k < kKeyCount; ++k) {
    const std::string_view name = kKeyNames[k];
    for (std::size_t i = 0; i <= name.size(); ++i) {
      const std::uint64_t byte = i < name.size() ? static_cast<unsigned char>(name[i]) : '"';
      out[k].word[i / 8] |= byte << (8 * (i % 8));
      out[k].mask[i / 8] |= std::uint64_t{0xFF} << (8 * (i % 8));
    }
  }
  return out;
}();

/// Whether the raw key at `raw` is exactly `key`. Reads 16 bytes.
inline bool RawIsKey(const char* raw, Key key) {
  const KeyPattern& p = kKeyPatterns[static_cast<std::size_t>(key)];
  std::uint64_t w[2];
  std::memcpy(w, raw, sizeof w);
  return ((w[0] & p.mask[0]) == p.word[0]) & ((w[1] & p.mask[1]) == p.word[1]);
}

/// The known key spelled (without escapes) at `raw`, or UNKNOWN.
inline Key ClassifyRaw(const char* raw) {
  for (std::size_t k = 0; k < kKeyCount; ++k) {
    if (RawIsKey(raw, static_cast<Key>(k))) return static_cast<Key>(k);
  }
  return Key::UNKNOWN;
}

}  // namespace accord::runtime::internal
