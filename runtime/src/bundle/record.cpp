#include "accord/runtime/record.h"

#include <algorithm>
#include <cstring>

namespace accord::runtime {

std::string_view Arena::Copy(std::string_view text) {
  if (text.empty()) return {};
  if (used_ + text.size() > capacity_) {
    capacity_ = std::max<std::size_t>(text.size(), 64 * 1024);
    blocks_.push_back(std::make_unique<char[]>(capacity_));
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  std::memcpy(at, text.data(), text.size());
  used_ += text.size();
  return {at, text.size()};
}

std::string MissingExtentDetail(const Bundle& bundle, const Record& record) {
  const Modality& modality = bundle.modalities[record.modality];
  std::string missing;
  auto need = [&](std::uint8_t extent, bool present, const char* what) {
    if ((modality.extents & extent) == 0 || present) return;
    if (!missing.empty()) missing += " and ";
    missing += what;
  };
  need(EXTENT_TIME, record.HasTime(), "`start` and `end`");
  need(EXTENT_CHARS, record.Has(HAS_SPAN), "`span`");
  need(EXTENT_BOX, record.Has(HAS_BOX), "`box`");
  need(EXTENT_BOX3D, record.Has(HAS_BOX3D), "`box3d`");
  need(EXTENT_GEO, record.Has(HAS_GEO), "`geo`");
  if (missing.empty()) return {};
  return "`" + modality.name + "` records need " + missing;
}

}  // namespace accord::runtime
