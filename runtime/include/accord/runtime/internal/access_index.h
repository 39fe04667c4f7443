#pragma once
// The access path of one join step over one item: every candidate (scan), a
// hash table on the build-side keys, or an interval index (candidates
// sorted by start with a max-end segment tree) probed with a time window.
// Flat arrays only, reused from item to item: building an index allocates
// nothing once its memory has grown to the item's size.

#include <cstdint>
#include <vector>

#include "accord/runtime/internal/evaluator.h"

namespace accord::runtime::internal {

class AccessIndex {
 public:
  /// Indexes the candidates of `scan` (record indexes of the item) for `step`.
  void Build(Evaluator& ev, const Step& step, const Scan& scan);

  /// The candidates that may match given the variables bound now, as record
  /// indexes (a superset for interval probes; exact for hash keys). Valid
  /// until the next Probe or Build of this index.
  const std::vector<std::uint32_t>& Probe(Evaluator& ev);

  /// No probe can return a record.
  bool Empty() const;

 private:
  void BuildHash(Evaluator& ev, const std::vector<Record>& records);
  void BuildInterval(const std::vector<Record>& records);
  void QueryTree(std::size_t node, std::size_t node_lo, std::size_t node_hi, std::size_t limit,
                 double lo);
  /// The bucket of `hash`, or kNone.
  std::uint32_t FindBucket(std::uint64_t hash) const;
  /// Whether the probe keys equal the build keys of candidate position `pos`.
  bool KeysEqual(std::uint32_t pos) const;

  /// HASH steps: finds a residual temporal conjunct between the new variable
  /// and a bound one (as the planner's interval probes) to narrow buckets by time.
  bool FindWindow(const Rule& rule, const Step& step);

  const Step* step_ = nullptr;
  std::vector<std::uint32_t> candidates_;
  std::vector<std::uint32_t> result_;

  // HASH: an open-addressing table from key hash to bucket number; bucket b
  // holds the candidate positions entries_[bucket_begin_[b], bucket_begin_[b + 1])
  // in candidate order. Candidates with a missing key are in no bucket.
  std::size_t key_count_ = 0;
  std::vector<Value> build_keys_;  ///< key_count_ values per candidate position
  std::vector<Value> probe_keys_;
  std::vector<std::uint64_t> hashes_;     ///< per candidate position
  std::vector<std::uint32_t> bucket_of_;  ///< per candidate position; kNone: in no bucket
  std::vector<std::uint64_t> slot_hash_;
  std::vector<std::uint32_t> slot_bucket_;  ///< kNone: empty slot
  std::size_t slot_mask_ = 0;
  std::vector<std::uint32_t> bucket_begin_;
  std::vector<std::uint32_t> entries_;
  // HASH with a time window (`track == c.track and near(l, c, 100ms)`): only
  // candidates with time are in buckets, each bucket sorted by start; a
  // probe reads the entries whose start lies in [lo - longest duration of
  // the bucket, hi].
  bool windowed_ = false;
  IntervalProbe window_;
  Value window_tolerance_;             ///< the constant tolerance, or MISSING
  std::vector<double> entry_starts_;   ///< aligned with entries_
  std::vector<double> entry_ends_;
  std::vector<double> bucket_longest_;  ///< the longest end - start per bucket

  // INTERVAL: candidates with time sorted by start; tree_ holds the max end
  // per node (leaves_ == 0: too few candidates for a tree, probes scan).
  struct Timed {
    double start;
    double end;
    std::uint32_t record;
  };
  std::vector<Timed> timed_;
  std::vector<double> starts_;
  std::vector<double> ends_;
  std::vector<double> tree_;
  std::size_t leaves_ = 0;
};

/// Hash of a value for equality joins (numbers by value, strings by text).
std::uint64_t HashValue(const Value& v);

}  // namespace accord::runtime::internal
