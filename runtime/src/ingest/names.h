#pragma once
// Name lookups on the ingestion hot path: modality by name, and concept by
// (modality, label), in open-addressing tables with a cheap hash, built once
// per parser from the bundle. Same answers as Bundle::ModalityFor and
// Bundle::ConceptFor; the views point into the bundle.

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/runtime/bundle.h"

namespace accord::runtime::internal {

class NameIndex {
 public:
  explicit NameIndex(const Bundle& bundle);

  /// The modality called `name`, or kNone; `stored` is then set to the
  /// bundle's copy of the name.
  ModalityId Modality(std::string_view name, std::string_view& stored) const;
  /// The concept labelled `label` in `m`, or kNone; `stored` is then set to
  /// the bundle's copy of the label.
  ConceptId Concept(ModalityId m, std::string_view label, std::string_view& stored) const;

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view name;
    std::uint32_t modality = kNone;
    std::uint32_t id = kNone;  ///< kNone: empty slot
  };
  static std::vector<Slot> Table(std::size_t count);
  static void Insert(std::vector<Slot>& table, Slot slot);
  static const Slot* Find(const std::vector<Slot>& table, std::uint64_t hash, std::string_view name,
                          std::uint32_t modality);

  std::vector<Slot> modalities_;
  std::vector<Slot> labels_;
};

/// A parser's memory of the names it found last, in front of the shared
/// index: records repeat a few modalities and labels, and a name found here
/// costs one comparison instead of a hash and a probe. Same answers as the
/// index (names it does not know are not remembered).
class RecentNames {
 public:
  explicit RecentNames(std::shared_ptr<const NameIndex> index) : index_(std::move(index)) {}

  ModalityId Modality(std::string_view name);
  ConceptId Concept(ModalityId m, std::string_view label, std::string_view& stored);

 private:
  struct Entry {
    std::string_view name;  ///< the bundle's copy
    std::uint32_t modality = kNone;
    std::uint32_t id = kNone;  ///< kNone: empty
  };
  std::shared_ptr<const NameIndex> index_;
  std::array<Entry, 8> modalities_;
  std::array<Entry, 64> labels_;
};

/// The index of `bundle`, shared by every parser of that bundle alive at the
/// same time (workers of one run), so a large ontology is indexed once.
std::shared_ptr<const NameIndex> SharedNameIndex(const Bundle& bundle);

}  // namespace accord::runtime::internal
