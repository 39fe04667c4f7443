#include "accord/compiler/sema/internal/scope.h"

#include <functional>

namespace accord::sema::internal {

std::uint32_t Scope::Hash(std::string_view name) {
  std::size_t h = std::hash<std::string_view>{}(name);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

void Scope::Reserve(std::size_t count) {
  std::size_t size = 16;
  while (size * 3 / 4 < count) size *= 2;
  if (size <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  used_ = 0;
  for (const Slot& slot : old) {
    if (slot.state != State::FULL) continue;
    slots_[Probe(slot.name, slot.hash)] = slot;
    ++used_;
  }
}

void Scope::Grow() { Reserve(slots_.empty() ? 12 : slots_.size()); }

std::size_t Scope::Probe(std::string_view name, std::uint32_t hash) const {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.state == State::EMPTY) return i;
    if (slot.state == State::FULL && slot.hash == hash && slot.name == name) return i;
  }
}

std::pair<const Symbol*, bool> Scope::Insert(std::string_view name, const Symbol& symbol) {
  if ((used_ + 1) * 4 > slots_.size() * 3) Grow();
  std::uint32_t hash = Hash(name);
  Slot& slot = slots_[Probe(name, hash)];
  if (slot.state == State::FULL) return {&slot.symbol, false};
  slot = {name, symbol, hash, State::FULL};
  ++used_;
  return {&slot.symbol, true};
}

const Symbol* Scope::Find(std::string_view name) const {
  if (slots_.empty()) return nullptr;
  const Slot& slot = slots_[Probe(name, Hash(name))];
  return slot.state == State::FULL ? &slot.symbol : nullptr;
}

void Scope::Erase(std::string_view name) {
  if (slots_.empty()) return;
  Slot& slot = slots_[Probe(name, Hash(name))];
  if (slot.state == State::FULL) slot.state = State::ERASED;  // still counted in used_
}

}  // namespace accord::sema::internal
