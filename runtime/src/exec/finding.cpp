#include "accord/runtime/finding.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "accord/runtime/bundle_io.h"

namespace accord::runtime {

std::string_view BuiltinKindName(BuiltinKind kind) {
  static constexpr std::array<std::string_view, kBuiltinKindCount> kNames = {
      "unknown_modality", "unknown_label", "bad_attribute", "missing_extent", "disjoint"};
  return kNames[static_cast<std::size_t>(kind)];
}

Witness MakeWitness(const Bundle& bundle, const Record& r) {
  Witness w;
  w.id = std::string(r.id);
  w.modality = std::string(r.modality_name);
  w.label = std::string(r.label);
  if (r.concept_id != kNone) w.concept_name = bundle.concepts[r.concept_id].name;
  if (r.Has(HAS_ANNOTATOR)) w.annotator = std::string(r.annotator);
  w.flags = r.flags;
  w.start = r.start;
  w.end = r.end;
  if (r.Has(HAS_SPAN)) std::copy_n(r.Span(), 2, w.span.begin());
  if (r.Has(HAS_BOX)) std::copy_n(r.Box(), 4, w.box.begin());
  if (r.Has(HAS_BOX3D)) std::copy_n(r.Box3d(), 7, w.box3d.begin());
  if (r.Has(HAS_GEO)) std::copy_n(r.Geo(), 2, w.geo.begin());
  w.file = r.file;
  w.line = r.line;
  return w;
}

std::string Fingerprint(const std::string& rule, const std::string& item,
                        const std::vector<Witness>& witnesses) {
  std::vector<std::string_view> ids;
  for (const Witness& w : witnesses) ids.push_back(w.id);
  std::sort(ids.begin(), ids.end());
  std::string text = rule;
  text += '\0';
  text += item;
  for (std::string_view id : ids) {
    text += '\0';
    text += id;
  }
  return HashHex(text);
}

bool FindingLess(const Finding& a, const Finding& b) {
  if (a.item_sequence != b.item_sequence) return a.item_sequence < b.item_sequence;
  if (a.order != b.order) return a.order < b.order;
  return std::lexicographical_compare(
      a.witnesses.begin(), a.witnesses.end(), b.witnesses.begin(), b.witnesses.end(),
      [](const Witness& x, const Witness& y) { return x.id < y.id; });
}

}  // namespace accord::runtime
