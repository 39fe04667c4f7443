#include "accord/runtime/bundle.h"

#include <algorithm>

namespace accord::runtime {

std::string_view Bundle::Intern(std::string_view text) {
  string_pool.emplace_back(text);
  return string_pool.back();
}

void Bundle::Index() {
  label_index.assign(modalities.size(), {});
  modality_index.clear();
  for (ModalityId m = 0; m < modalities.size(); ++m) modality_index.emplace(modalities[m].name, m);
  for (ConceptId c = 0; c < concepts.size(); ++c) {
    for (const auto& [m, label] : concepts[c].labels) label_index[m].emplace(label, c);
  }
}

bool Bundle::IsA(ConceptId c, ConceptId ancestor) const {
  const std::vector<ConceptId>& up = concepts[c].ancestors;
  return std::binary_search(up.begin(), up.end(), ancestor);
}

ConceptId Bundle::ConceptFor(ModalityId m, std::string_view label) const {
  const auto& index = label_index[m];
  auto it = index.find(label);
  return it == index.end() ? kNone : it->second;
}

ModalityId Bundle::ModalityFor(std::string_view name) const {
  auto it = modality_index.find(name);
  return it == modality_index.end() ? kNone : it->second;
}

AttributeId Bundle::AttributeFor(ConceptId c, std::string_view name) const {
  const auto& attrs = concepts[c].attributes;
  auto it = std::lower_bound(attrs.begin(), attrs.end(), name,
                             [](const auto& entry, std::string_view n) { return entry.first < n; });
  return it == attrs.end() || it->first != name ? kNone : it->second;
}

}  // namespace accord::runtime
