// Findings that need no rule: record issues found at ingestion, and records
// of one annotator under two disjoint concepts with intersecting extents.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "accord/runtime/internal/evaluator.h"
#include "accord/runtime/internal/geometry.h"

namespace accord::runtime::internal {
namespace {

BuiltinKind KindOf(RecordProblem problem) {
  switch (problem) {
    case RecordProblem::UNKNOWN_MODALITY: return BuiltinKind::UNKNOWN_MODALITY;
    case RecordProblem::UNKNOWN_LABEL: return BuiltinKind::UNKNOWN_LABEL;
    case RecordProblem::BAD_ATTRIBUTE: return BuiltinKind::BAD_ATTRIBUTE;
    case RecordProblem::MISSING_EXTENT: return BuiltinKind::MISSING_EXTENT;
  }
  return BuiltinKind::UNKNOWN_LABEL;
}

Finding Builtin(const Bundle& bundle, const Item& item, BuiltinKind kind, std::string message,
                const std::vector<std::uint32_t>& records) {
  Finding f;
  f.rule = std::string(BuiltinKindName(kind));
  f.builtin = true;
  f.order = static_cast<std::uint32_t>(kind);
  f.severity = Severity::ERROR;
  f.item = std::string(item.key);
  f.item_sequence = item.sequence;
  f.message = std::move(message);
  for (std::uint32_t r : records) f.witnesses.push_back(MakeWitness(bundle, item.records[r]));
  f.fingerprint = Fingerprint(f.rule, f.item, f.witnesses);
  return f;
}

/// Pairs of one annotator's records, in one modality, under different
/// members of `set`, whose extents intersect.
void DisjointPairs(const Bundle& bundle, const ItemView& view, const DisjointSet& set,
                   std::vector<Finding>& out) {
  const Item& item = *view.item;
  for (ModalityId m = 0; m < view.ModalityCount(); ++m) {
    // (annotator, member) for each record under some member.
    std::map<std::string_view, std::vector<std::pair<std::uint32_t, std::size_t>>> by_annotator;
    for (std::uint32_t index : view.Modality(m)) {
      const Record& r = item.records[index];
      for (std::size_t k = 0; k < set.members.size(); ++k) {
        if (bundle.IsA(r.concept_id, set.members[k])) {
          by_annotator[r.Has(HAS_ANNOTATOR) ? r.annotator : std::string_view{}].emplace_back(index, k);
          break;
        }
      }
    }
    const std::uint8_t extents = bundle.modalities[m].extents;
    for (auto& [annotator, records] : by_annotator) {
      // Sweep by start time when the modality has time; otherwise all pairs.
      if (extents & EXTENT_TIME) {
        std::stable_sort(records.begin(), records.end(), [&](const auto& a, const auto& b) {
          return item.records[a.first].start < item.records[b.first].start;
        });
      }
      for (std::size_t i = 0; i < records.size(); ++i) {
        const Record& a = item.records[records[i].first];
        for (std::size_t j = i + 1; j < records.size(); ++j) {
          const Record& b = item.records[records[j].first];
          if ((extents & EXTENT_TIME) && a.HasTime() && b.HasTime() && b.start > a.end) break;
          if (records[i].second == records[j].second) continue;
          if (!ExtentsIntersect(extents, a, b)) continue;
          std::uint32_t first = std::min(records[i].first, records[j].first);
          std::uint32_t second = std::max(records[i].first, records[j].first);
          const Record& x = item.records[first];
          const Record& y = item.records[second];
          std::string who = annotator.empty() ? std::string("one annotator")
                                              : fmt::format("annotator {}", annotator);
          out.push_back(Builtin(
              bundle, item, BuiltinKind::DISJOINT,
              fmt::format("{} labelled `{}` as {} and `{}` as {}, which are disjoint, on "
                          "intersecting extents",
                          who, x.id, bundle.concepts[x.concept_id].name, y.id,
                          bundle.concepts[y.concept_id].name),
              {first, second}));
          out.back().guideline = set.doc;
        }
      }
    }
  }
}

}  // namespace

void RunBuiltins(const Bundle& bundle, const ItemView& view, std::vector<Finding>& out) {
  const Item& item = *view.item;
  for (const RecordIssue& issue : item.issues) {
    out.push_back(Builtin(bundle, item, KindOf(issue.problem), issue.detail, {issue.record}));
  }
  std::size_t first = out.size();
  for (const DisjointSet& set : bundle.disjoint) DisjointPairs(bundle, view, set, out);
  // A pair under two sets is one finding, with the first set's guideline.
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), FindingLess);
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                        [](const Finding& a, const Finding& b) {
                          return a.rule == b.rule && a.fingerprint == b.fingerprint;
                        }),
            out.end());
}

}  // namespace accord::runtime::internal
