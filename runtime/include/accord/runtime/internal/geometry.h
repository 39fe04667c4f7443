#pragma once
// The temporal and spatial predicates of the language, on records.

#include "accord/runtime/ops.h"
#include "accord/runtime/record.h"

namespace accord::runtime::internal {

/// Evaluates a time predicate (OVERLAPS, BEFORE, AFTER, MEETS, DURING,
/// CONTAINS, NEAR); false if either record lacks time or `tolerance` is
/// needed and missing.
bool TimePredicate(Builtin builtin, const Record& a, const Record& b, const Value& tolerance);
/// overlap(a, b) in seconds, or MISSING.
Value Overlap(const Record& a, const Record& b);
/// iou(a, b) on the geometry, or MISSING.
Value Iou(Geometry geometry, const Record& a, const Record& b);
/// distance(a, b) in metres on the geometry, or MISSING.
Value Distance(Geometry geometry, const Record& a, const Record& b);

/// The window [lo, hi] such that every interval [s, e] of the new variable
/// for which the predicate can hold has s <= hi and e >= lo. False when no
/// interval can match (the bound record lacks time, or the tolerance is
/// missing).
bool ProbeWindow(Builtin builtin, bool new_is_first, const Record& bound, const Value& tolerance,
                 double& lo, double& hi);

/// Whether two records' extents intersect for the built-in `disjoint`
/// check: every extent their modality declares must intersect (a modality
/// without extents covers the whole item).
bool ExtentsIntersect(std::uint8_t extents, const Record& a, const Record& b);

}  // namespace accord::runtime::internal
