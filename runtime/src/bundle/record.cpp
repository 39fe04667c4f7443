#include "accord/runtime/record.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "accord/runtime/internal/prefault.h"

namespace accord::runtime {

char* Arena::AllocateInNextBlock(std::size_t bytes) {
  // The next kept block that holds the bytes, else a new one. Blocks start
  // small (most items are small) and double up to 1 MiB; their bytes are
  // written before they are read, so they are not zeroed. A block's start is
  // aligned for any type (operator new[]).
  std::size_t next = blocks_.empty() ? 0 : current_ + 1;
  while (next < blocks_.size() && blocks_[next].capacity < bytes) ++next;
  if (next == blocks_.size()) {
    const std::size_t last = blocks_.empty() ? 0 : blocks_.back().capacity;
    const std::size_t capacity = std::max<std::size_t>(
        bytes, last == 0 ? 1024 : std::min<std::size_t>(last * 2, 1 << 20));
    blocks_.push_back({std::make_unique_for_overwrite<char[]>(capacity), capacity});
    internal::PrefaultForWrite(blocks_.back().bytes.get(), capacity);  // to be filled, and kept
  }
  current_ = next;
  used_ = bytes;
  return blocks_[current_].bytes.get();
}

void StoreExtents(Record& r, const Extents& values, Arena& arena) {
  struct Part {
    RecordFlag flag;
    const double* numbers;
    std::size_t count;
  };
  const Part parts[] = {{HAS_SPAN, values.span.data(), 2},
                        {HAS_BOX, values.box.data(), 4},
                        {HAS_BOX3D, values.box3d.data(), 7},
                        {HAS_GEO, values.geo.data(), 2}};
  std::size_t n = 0;
  for (const Part& part : parts) n += r.Has(part.flag) ? part.count : 0;
  if (n == 0) {
    r.extents = nullptr;
    return;
  }
  char* out = arena.Allocate(n * sizeof(double), alignof(double));
  r.extents = reinterpret_cast<const double*>(out);
  for (const Part& part : parts) {
    if (!r.Has(part.flag)) continue;
    std::memcpy(out, part.numbers, part.count * sizeof(double));  // begins the doubles' lifetime
    out += part.count * sizeof(double);
  }
}

void Arena::Reset() {
  current_ = 0;
  used_ = 0;
}

std::string MissingExtentDetail(const Bundle& bundle, const Record& record) {
  const Modality& modality = bundle.modalities[record.modality];
  std::vector<const char*> missing;
  auto need = [&](std::uint8_t extent, bool present, const char* what) {
    if ((modality.extents & extent) != 0 && !present) missing.push_back(what);
  };
  need(EXTENT_TIME, record.Has(HAS_START), "`start`");
  need(EXTENT_TIME, record.Has(HAS_END), "`end`");
  need(EXTENT_CHARS, record.Has(HAS_SPAN), "`span`");
  need(EXTENT_BOX, record.Has(HAS_BOX), "`box`");
  need(EXTENT_BOX3D, record.Has(HAS_BOX3D), "`box3d`");
  need(EXTENT_GEO, record.Has(HAS_GEO), "`geo`");
  if (missing.empty()) return {};
  // "`camera` records need `start`, `end` and `box`", as ingestion words it.
  std::string list = missing[0];
  for (std::size_t i = 1; i < missing.size(); ++i) {
    list += i + 1 == missing.size() ? " and " : ", ";
    list += missing[i];
  }
  return "`" + modality.name + "` records need " + list;
}

}  // namespace accord::runtime
