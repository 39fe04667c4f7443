#pragma once
// The access path of one join step over one item: every candidate (scan), a
// hash table on the build-side keys, or an interval index (candidates
// sorted by start with a max-end segment tree) probed with a time window.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "accord/runtime/internal/evaluator.h"

namespace accord::runtime::internal {

class AccessIndex {
 public:
  /// Indexes `candidates` (record indexes of the item) for `step`.
  void Build(Evaluator& ev, const Step& step, std::vector<std::uint32_t> candidates);

  /// The candidates that may match given the variables bound now, as record
  /// indexes (a superset for interval probes; exact for hash keys).
  const std::vector<std::uint32_t>& Probe(Evaluator& ev);

  bool Empty() const { return candidates_.empty(); }

 private:
  void QueryTree(std::size_t node, std::size_t node_lo, std::size_t node_hi, std::size_t limit,
                 double lo);

  /// HASH steps: finds a residual temporal conjunct between the new variable
  /// and a bound one (as the planner's interval probes) to narrow buckets by time.
  bool FindWindow(const Rule& rule, const Step& step);
  void SortBuckets(const std::vector<Record>& records);

  const Step* step_ = nullptr;
  std::vector<std::uint32_t> candidates_;
  std::vector<std::uint32_t> result_;
  // HASH: candidate positions by key hash, and each candidate's key values.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;
  std::vector<Value> build_keys_;  ///< keys.size() values per candidate position
  std::vector<Value> probe_keys_;
  // HASH with a time window (`track == c.track and near(l, c, 100ms)`): each
  // bucket holds only candidates with time, sorted by start; a probe reads
  // the entries whose start lies in [lo - longest duration of the bucket, hi].
  bool windowed_ = false;
  IntervalProbe window_;
  struct TimedBucket {
    std::vector<std::uint32_t> positions;  ///< candidate positions, by start
    std::vector<double> starts;
    std::vector<double> ends;
    double longest = 0;  ///< the longest end - start in the bucket
  };
  std::unordered_map<std::uint64_t, TimedBucket> timed_;
  // INTERVAL: candidates with time sorted by start; tree_ holds the max end per node.
  std::vector<double> starts_;
  std::vector<double> ends_;
  std::vector<double> tree_;
  std::size_t leaves_ = 0;
};

/// Hash of a value for equality joins (numbers by value, strings by text).
std::uint64_t HashValue(const Value& v);

}  // namespace accord::runtime::internal
