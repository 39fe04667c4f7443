#pragma once
// Findings: the product's output. Each names the rule, the item, the
// message, the guideline and escalation target, and the records that
// witness it; its fingerprint identifies it across runs.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/record.h"

namespace accord::runtime {

/// Findings that need no rule.
enum class BuiltinKind : std::uint8_t {
  UNKNOWN_MODALITY, UNKNOWN_LABEL, BAD_ATTRIBUTE, MISSING_EXTENT, DISJOINT,
};
inline constexpr std::uint32_t kBuiltinKindCount = 5;
std::string_view BuiltinKindName(BuiltinKind kind);

/// One bound record, copied out of its item so findings outlive it.
struct Witness {
  std::string id;
  std::string modality;
  std::string label;
  std::string concept_name;  ///< "" for an unknown label
  std::string annotator;     ///< "" when absent
  std::uint16_t flags = 0;   ///< RecordFlag bits (which extents are present)
  double start = 0;
  double end = 0;
  std::array<double, 2> span{};
  std::array<double, 4> box{};
  std::array<double, 7> box3d{};
  std::array<double, 2> geo{};
  std::uint32_t file = 0;
  std::uint64_t line = 0;
};

struct Finding {
  std::string rule;          ///< rule name, or the built-in kind's name
  bool builtin = false;
  std::uint32_t order = 0;   ///< built-ins first (by kind), then rules in bundle order
  Severity severity = Severity::ERROR;
  std::string item;
  std::uint64_t item_sequence = 0;
  std::string message;
  std::string guideline;
  std::string escalate;
  std::vector<Witness> witnesses;  ///< in binding order
  std::string fingerprint;         ///< 16 hex digits: hash(rule, item, sorted witness ids)
};

/// Copies what a finding needs from a record.
Witness MakeWitness(const Bundle& bundle, const Record& record);

/// hash(rule, item, sorted witness ids) as 16 hex digits.
std::string Fingerprint(const std::string& rule, const std::string& item,
                        const std::vector<Witness>& witnesses);

/// Item order, then built-ins before rules, rule order, then witness ids.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace accord::runtime
