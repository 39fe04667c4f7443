#include "accord/runtime/record.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace accord::runtime {

std::string_view Arena::Copy(std::string_view text) {
  if (text.empty()) return {};
  if (blocks_.empty() || used_ + text.size() > blocks_[current_].capacity) {
    // The next kept block that holds the text, else a new one. Blocks start
    // small (most items are small) and double up to 1 MiB; their bytes are
    // written before they are read, so they are not zeroed.
    std::size_t next = blocks_.empty() ? 0 : current_ + 1;
    while (next < blocks_.size() && blocks_[next].capacity < text.size()) ++next;
    if (next == blocks_.size()) {
      const std::size_t last = blocks_.empty() ? 0 : blocks_.back().capacity;
      const std::size_t capacity = std::max<std::size_t>(
          text.size(), last == 0 ? 1024 : std::min<std::size_t>(last * 2, 1 << 20));
      blocks_.push_back({std::make_unique_for_overwrite<char[]>(capacity), capacity});
    }
    current_ = next;
    used_ = 0;
  }
  char* at = blocks_[current_].bytes.get() + used_;
  std::memcpy(at, text.data(), text.size());
  used_ += text.size();
  return {at, text.size()};
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
