#include "names.h"

#include <cstring>
#include <map>
#include <mutex>

#include "accord/runtime/internal/text_hash.h"

namespace accord::runtime::internal {
namespace {

/// Whether the `n` bytes at `a` and `b` are equal; reads only those bytes,
/// in words (names are short: no call to memcmp).
inline bool SameBytes(const char* a, const char* b, std::size_t n) {
  if (n >= 8) {
    std::uint64_t x;
    std::uint64_t y;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);  // the last 8, overlapping
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    std::uint32_t x[2];
    std::uint32_t y[2];
    std::memcpy(&x[0], a, 4);
    std::memcpy(&x[1], a + n - 4, 4);
    std::memcpy(&y[0], b, 4);
    std::memcpy(&y[1], b + n - 4, 4);
    return x[0] == y[0] && x[1] == y[1];
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<NameIndex::Slot> NameIndex::Table(std::size_t count) {
  std::size_t capacity = 8;
  while (capacity < 2 * count) capacity *= 2;
  return std::vector<Slot>(capacity);
}

void NameIndex::Insert(std::vector<Slot>& table, Slot slot) {
  if (Find(table, slot.hash, slot.name, slot.modality)) return;  // the first one wins
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = slot.hash & mask;; i = (i + 1) & mask) {
    if (table[i].id == kNone) {
      table[i] = slot;
      return;
    }
  }
}

const NameIndex::Slot* NameIndex::Find(const std::vector<Slot>& table, std::uint64_t hash,
                                       std::string_view name, std::uint32_t modality) {
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = table[i];
    if (slot.id == kNone) return nullptr;
    if (slot.hash == hash && slot.modality == modality && slot.name.size() == name.size() &&
        SameBytes(slot.name.data(), name.data(), name.size())) {
      return &slot;
    }
  }
}

NameIndex::NameIndex(const Bundle& bundle) {
  modalities_ = Table(bundle.modalities.size());
  for (ModalityId m = 0; m < bundle.modalities.size(); ++m) {
    const std::string& name = bundle.modalities[m].name;
    Insert(modalities_, {HashText(name, 0), name, 0, m});
  }
  std::size_t labels = 0;
  for (const runtime::Concept& c : bundle.concepts) labels += c.labels.size();
  labels_ = Table(labels);
  for (ConceptId c = 0; c < bundle.concepts.size(); ++c) {
    for (const auto& [m, label] : bundle.concepts[c].labels) {
      Insert(labels_, {HashText(label, m + 1), label, m, c});
    }
  }
}

ModalityId NameIndex::Modality(std::string_view name, std::string_view& stored) const {
  const Slot* slot = Find(modalities_, HashText(name, 0), name, 0);
  if (!slot) return kNone;
  stored = slot->name;
  return slot->id;
}

ConceptId NameIndex::Concept(ModalityId m, std::string_view label, std::string_view& stored) const {
  const Slot* slot = Find(labels_, HashText(label, m + 1), label, m);
  if (!slot) return kNone;
  stored = slot->name;
  return slot->id;
}

namespace {

/// A slot for `name` in a small table: its size and its first and last bytes.
inline std::size_t RecentSlot(std::string_view name, std::uint32_t salt, std::size_t mask) {
  if (name.empty()) return salt & mask;
  const auto first = static_cast<unsigned char>(name.front());
  const auto last = static_cast<unsigned char>(name.back());
  return (name.size() * 7 + first * 3 + last * 5 + salt * 11) & mask;
}

}  // namespace

ModalityId RecentNames::Modality(std::string_view name) {
  Entry& entry = modalities_[RecentSlot(name, 0, modalities_.size() - 1)];
  if (entry.id != kNone && entry.name.size() == name.size() &&
      SameBytes(entry.name.data(), name.data(), name.size())) {
    return entry.id;
  }
  std::string_view stored;
  const ModalityId m = index_->Modality(name, stored);
  if (m != kNone) entry = {stored, 0, m};
  return m;
}

ConceptId RecentNames::Concept(ModalityId m, std::string_view label, std::string_view& stored) {
  Entry& entry = labels_[RecentSlot(label, m, labels_.size() - 1)];
  if (entry.id != kNone && entry.modality == m && entry.name.size() == label.size() &&
      SameBytes(entry.name.data(), label.data(), label.size())) {
    stored = entry.name;
    return entry.id;
  }
  const ConceptId c = index_->Concept(m, label, stored);
  if (c != kNone) entry = {stored, m, c};
  return c;
}

std::shared_ptr<const NameIndex> SharedNameIndex(const Bundle& bundle) {
  static std::mutex mutex;
  static std::map<const Bundle*, std::weak_ptr<const NameIndex>> live;
  std::lock_guard<std::mutex> lock(mutex);
  // A bundle outlives its parsers, so a live entry for this address is this
  // bundle's (its address cannot have been reused while it exists).
  std::weak_ptr<const NameIndex>& entry = live[&bundle];
  std::shared_ptr<const NameIndex> index = entry.lock();
  if (!index) {
    index = std::make_shared<const NameIndex>(bundle);
    entry = index;
  }
  for (auto it = live.begin(); it != live.end();) {
    it = it->second.expired() ? live.erase(it) : std::next(it);
  }
  return index;
}

}  // namespace accord::runtime::internal
