#pragma once
// Annotation records at run time: flat, with every name resolved to an id
// once at ingestion. An Item owns its records and the bytes their strings
// view.

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "accord/runtime/bundle.h"

namespace accord::runtime {

/// Which optional parts a record carries.
enum RecordFlag : std::uint16_t {
  HAS_START = 1 << 0,
  HAS_END = 1 << 1,
  HAS_SPAN = 1 << 2,
  HAS_BOX = 1 << 3,
  HAS_BOX3D = 1 << 4,
  HAS_GEO = 1 << 5,
  HAS_TRACK = 1 << 6,
  HAS_ANNOTATOR = 1 << 7,
  HAS_CONFIDENCE = 1 << 8,
  FROM_MODEL = 1 << 9,  ///< "source": "model" (absent means "human")
};

/// An attribute value given in a record's `attrs`, already type-checked.
struct AttrValue {
  AttributeId attr = 0;
  Value value;
};

/// A record's geometric extents as read, before they are stored with the
/// item (StoreExtents); only those its flags name are meaningful.
struct Extents {
  std::array<double, 2> span{};
  std::array<double, 4> box{};
  std::array<double, 7> box3d{};
  std::array<double, 2> geo{};
};

/// 144 bytes on 64-bit targets (`file` sits beside `flags`): the geometric
/// extents, which most records have one of or none, are stored beside the
/// item's strings and viewed through `extents`, so a scene of 20,000 records
/// writes and reads 56 % of the bytes it would with them inline (256).
struct Record {
  std::string_view id;
  std::string_view modality_name;
  std::string_view label;
  std::string_view annotator;
  std::string_view track;
  ModalityId modality = kNone;   ///< kNone: unknown modality
  ConceptId concept_id = kNone;  ///< kNone: unknown label (binds to no rule)
  std::uint16_t flags = 0;
  std::uint32_t file = 0;  ///< index of the input it came from
  double start = 0;
  double end = 0;
  double confidence = 0;
  /// The extents the flags name, in the order span, box, box3d, geo (set by
  /// StoreExtents; null when there are none).
  const double* extents = nullptr;
  std::uint32_t attr_begin = 0;  ///< into Item::attrs
  std::uint32_t attr_count = 0;
  std::uint64_t line = 0;  ///< 1-based line number in that input

  bool Has(RecordFlag flag) const { return (flags & flag) != 0; }
  /// Both ends of the interval are known.
  bool HasTime() const { return (flags & (HAS_START | HAS_END)) == (HAS_START | HAS_END); }

  /// The extents, each valid only when its flag is set: span[2], box[4]
  /// (x, y, width, height), box3d[7] (centre, size, yaw), geo[2] (lat, lon).
  const double* Span() const { return extents; }
  const double* Box() const { return Span() + (Has(HAS_SPAN) ? 2 : 0); }
  const double* Box3d() const { return Box() + (Has(HAS_BOX) ? 4 : 0); }
  const double* Geo() const { return Box3d() + (Has(HAS_BOX3D) ? 7 : 0); }
};

static_assert(sizeof(void*) != 8 || sizeof(Record) == 144, "a Record's size is documented above");

/// A problem with one record that is a built-in finding, not an input error.
enum class RecordProblem : std::uint8_t {
  UNKNOWN_MODALITY,
  UNKNOWN_LABEL,
  BAD_ATTRIBUTE,
  MISSING_EXTENT,
};

struct RecordIssue {
  std::uint32_t record = 0;  ///< index into Item::records
  RecordProblem problem = RecordProblem::UNKNOWN_LABEL;
  std::string detail;  ///< e.g. "`intensity` is 7, outside 1..5"
};

/// "`camera` records need `box`" when `record` lacks an extent its modality
/// declares (time needs both `start` and `end`), else "".
std::string MissingExtentDetail(const Bundle& bundle, const Record& record);

/// Stable storage for the strings and extents records view.
class Arena {
 public:
  std::string_view Copy(std::string_view text) {
    if (text.empty()) return {};
    char* at = Allocate(text.size(), 1);
    std::memcpy(at, text.data(), text.size());
    return {at, text.size()};
  }
  /// Room for `bytes` at a multiple of `align` (a power of two up to 16),
  /// valid until Reset.
  char* Allocate(std::size_t bytes, std::size_t align) {
    const std::size_t at = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || at + bytes > blocks_[current_].capacity) {
      return AllocateInNextBlock(bytes);
    }
    used_ = at + bytes;
    return blocks_[current_].bytes.get() + at;
  }
  /// Forgets every string (their views dangle) but keeps the blocks for the
  /// next strings, so an arena reused item after item allocates only while
  /// it grows to the largest item.
  void Reset();

 private:
  char* AllocateInNextBlock(std::size_t bytes);

  struct Block {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
  };
  std::vector<Block> blocks_;
  std::size_t current_ = 0;  ///< the block being filled, when blocks_ is not empty
  std::size_t used_ = 0;     ///< of blocks_[current_]
};

/// Stores the extents `r.flags` names (from `values`) in `arena` and points
/// r.extents at them; with none, r.extents is null.
void StoreExtents(Record& r, const Extents& values, Arena& arena);

/// All records of one item, in input order.
struct Item {
  std::string_view key;
  std::uint64_t sequence = 0;  ///< position among the run's items (first appearance)
  std::vector<Record> records;
  std::vector<AttrValue> attrs;
  std::vector<RecordIssue> issues;
  Arena arena;

  /// Empties the item for the next one, keeping its memory: a thread that
  /// reuses one Item allocates only while items grow (a 20,000-record scene
  /// would otherwise map and fault in megabytes that glibc returns at once).
  void Clear() {
    key = {};
    sequence = 0;
    records.clear();
    attrs.clear();
    issues.clear();
    arena.Reset();
  }
};

}  // namespace accord::runtime
