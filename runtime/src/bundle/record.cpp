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

}  // namespace accord::runtime
