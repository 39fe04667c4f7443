#pragma once
// A module's declarations by name: one flat open-addressing table over views
// of the AST's names (the AST outlives the analysis), so that declaring and
// looking up tens of thousands of concepts costs no allocation per name.

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/compiler/ast/decl.h"

namespace accord::sema::internal {

enum class SymbolKind { MODALITY, ENUM, CONCEPT, RULE, TEST };

struct Symbol {
  SymbolKind kind = SymbolKind::CONCEPT;
  std::uint32_t id = 0;  ///< index into the Program table of that kind
  std::uint32_t module = 0;
  const ast::Decl* decl = nullptr;
};

class Scope {
 public:
  /// Room for `count` names without growing.
  void Reserve(std::size_t count);

  /// Adds `name`: the new symbol and true, or the one already declared under
  /// that name and false.
  std::pair<const Symbol*, bool> Insert(std::string_view name, const Symbol& symbol);
  /// The symbol declared as `name`, or null.
  const Symbol* Find(std::string_view name) const;
  /// Removes `name`, which must be present.
  void Erase(std::string_view name);

  /// Calls `f(name, symbol)` for every name, in no particular order.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& slot : slots_) {
      if (slot.state == State::FULL) f(slot.name, slot.symbol);
    }
  }

 private:
  enum class State : std::uint8_t { EMPTY, FULL, ERASED };
  struct Slot {
    std::string_view name;
    Symbol symbol;
    std::uint32_t hash = 0;
    State state = State::EMPTY;
  };

  static std::uint32_t Hash(std::string_view name);
  /// The slot holding `name`, or the empty slot where it would go.
  std::size_t Probe(std::string_view name, std::uint32_t hash) const;
  void Grow();

  std::vector<Slot> slots_;  ///< a power of two in size, at most 3/4 used (erased slots count)
  std::size_t used_ = 0;
};

}  // namespace accord::sema::internal
