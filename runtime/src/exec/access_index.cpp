#include "accord/runtime/internal/access_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "accord/runtime/internal/geometry.h"
#include "accord/runtime/internal/prefault.h"
#include "accord/runtime/internal/text_hash.h"

namespace accord::runtime::internal {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
/// Up to this many timed candidates an interval probe scans them instead of
/// walking a tree.
constexpr std::size_t kScanLimit = 16;

std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace

std::uint64_t HashValue(const Value& v) {
  std::uint64_t h = static_cast<std::uint64_t>(v.kind) * 0x9e3779b97f4a7c15ull;
  switch (v.kind) {
    case ValueKind::MISSING: break;
    case ValueKind::BOOL: h ^= v.boolean ? 1 : 2; break;
    case ValueKind::NUMBER: {
      double n = v.number == 0 ? 0.0 : v.number;  // -0 == 0
      std::uint64_t bits;
      std::memcpy(&bits, &n, sizeof bits);
      h ^= bits;
      break;
    }
    case ValueKind::STRING: h ^= HashText(v.text); break;
    case ValueKind::ENUM:
    case ValueKind::CONCEPT: h ^= v.id; break;
  }
  return Mix(h);
}

void AccessIndex::Build(Evaluator& ev, const Step& step, const Scan& scan) {
  step_ = &step;
  ev.Candidates(scan.var, scan.filters, candidates_);
  const std::vector<Record>& records = ev.View().item->records;
  if (step.access == Access::HASH) {
    BuildHash(ev, records);
  } else if (step.access == Access::INTERVAL) {
    BuildInterval(records);
  }
}

bool AccessIndex::Empty() const {
  return step_->access == Access::HASH ? entries_.empty() : candidates_.empty();
}

void AccessIndex::BuildHash(Evaluator& ev, const std::vector<Record>& records) {
  const Step& step = *step_;
  const std::size_t n = candidates_.size();
  const std::size_t k = step.keys.size();
  key_count_ = k;
  ResizePrefaulted(build_keys_, n * k);
  probe_keys_.resize(k);
  ResizePrefaulted(hashes_, n);
  ResizePrefaulted(bucket_of_, n);
  windowed_ = FindWindow(ev.GetRule(), step);
  window_tolerance_ =
      windowed_ && window_.tolerance != kNone ? ev.Eval(window_.tolerance) : Value{};
  // Keys and their hashes; candidates with a missing key match nothing, and
  // with a window, neither do candidates without time.
  std::size_t valid = 0;
  for (std::uint32_t pos = 0; pos < n; ++pos) {
    const Record& r = records[candidates_[pos]];
    bucket_of_[pos] = kNone;
    if (windowed_ && !r.HasTime()) continue;
    ev.Bind(step.var, &r);
    std::uint64_t h = 0;
    bool missing = false;
    for (std::size_t i = 0; i < k; ++i) {
      Value v = ev.Eval(step.keys[i].build);
      missing = missing || v.Missing();
      h = Mix(h ^ HashValue(v));
      build_keys_[pos * k + i] = v;
    }
    ev.Bind(step.var, nullptr);
    if (missing) continue;
    hashes_[pos] = h;
    bucket_of_[pos] = 0;
    ++valid;
  }
  // Buckets numbered in order of first appearance; bucket_begin_ counts first.
  std::size_t capacity = 16;
  while (capacity < 2 * valid) capacity *= 2;
  slot_mask_ = capacity - 1;
  ResizePrefaulted(slot_hash_, capacity);
  slot_bucket_.assign(capacity, kNone);
  bucket_begin_.clear();
  for (std::uint32_t pos = 0; pos < n; ++pos) {
    if (bucket_of_[pos] == kNone) continue;
    const std::uint64_t h = hashes_[pos];
    std::size_t s = h & slot_mask_;
    while (slot_bucket_[s] != kNone && slot_hash_[s] != h) s = (s + 1) & slot_mask_;
    if (slot_bucket_[s] == kNone) {
      slot_bucket_[s] = static_cast<std::uint32_t>(bucket_begin_.size());
      slot_hash_[s] = h;
      bucket_begin_.push_back(0);
    }
    bucket_of_[pos] = slot_bucket_[s];
    ++bucket_begin_[slot_bucket_[s]];
  }
  const std::size_t buckets = bucket_begin_.size();
  std::uint32_t sum = 0;
  for (std::uint32_t& b : bucket_begin_) {
    std::uint32_t count = b;
    b = sum;
    sum += count;
  }
  bucket_begin_.push_back(sum);
  // Scatter in candidate order: bucket_begin_[b] runs to the start of b + 1,
  // then everything shifts back one bucket.
  ResizePrefaulted(entries_, sum);
  for (std::uint32_t pos = 0; pos < n; ++pos) {
    if (bucket_of_[pos] != kNone) entries_[bucket_begin_[bucket_of_[pos]]++] = pos;
  }
  for (std::size_t b = buckets; b > 0; --b) bucket_begin_[b] = bucket_begin_[b - 1];
  bucket_begin_[0] = 0;
  if (!windowed_) return;
  // Each bucket by start (ties in candidate order), with its longest duration.
  ResizePrefaulted(entry_starts_, sum);
  ResizePrefaulted(entry_ends_, sum);
  bucket_longest_.assign(buckets, 0.0);
  ResizePrefaulted(timed_, sum);
  for (std::size_t j = 0; j < sum; ++j) {
    const Record& r = records[candidates_[entries_[j]]];
    timed_[j] = {r.start, r.end, entries_[j]};
  }
  for (std::size_t b = 0; b < buckets; ++b) {
    auto first = timed_.begin() + bucket_begin_[b];
    auto last = timed_.begin() + bucket_begin_[b + 1];
    std::sort(first, last, [](const Timed& x, const Timed& y) {
      return x.start < y.start || (x.start == y.start && x.record < y.record);
    });
    double longest = 0;
    for (auto t = first; t != last; ++t) longest = std::max(longest, t->end - t->start);
    bucket_longest_[b] = longest;
  }
  for (std::size_t j = 0; j < sum; ++j) {
    entries_[j] = timed_[j].record;
    entry_starts_[j] = timed_[j].start;
    entry_ends_[j] = timed_[j].end;
  }
}

void AccessIndex::BuildInterval(const std::vector<Record>& records) {
  // By start, ties in candidate (input) order.
  timed_.clear();
  for (std::uint32_t r : candidates_) {
    const Record& record = records[r];
    if (record.HasTime()) timed_.push_back({record.start, record.end, r});
  }
  std::sort(timed_.begin(), timed_.end(), [](const Timed& a, const Timed& b) {
    return a.start < b.start || (a.start == b.start && a.record < b.record);
  });
  const std::size_t n = timed_.size();
  ResizePrefaulted(candidates_, n);
  ResizePrefaulted(starts_, n);
  ResizePrefaulted(ends_, n);
  for (std::size_t i = 0; i < n; ++i) {
    candidates_[i] = timed_[i].record;
    starts_[i] = timed_[i].start;
    ends_[i] = timed_[i].end;
  }
  if (n <= kScanLimit) {
    leaves_ = 0;
    return;
  }
  leaves_ = 1;
  while (leaves_ < n) leaves_ *= 2;
  tree_.assign(2 * leaves_, kNegInf);
  for (std::size_t i = 0; i < n; ++i) tree_[leaves_ + i] = ends_[i];
  for (std::size_t node = leaves_ - 1; node >= 1; --node) {
    tree_[node] = std::max(tree_[2 * node], tree_[2 * node + 1]);
  }
}

bool AccessIndex::FindWindow(const Rule& rule, const Step& step) {
  // The same temporal conjuncts the planner turns into interval probes.
  for (NodeId id : step.residual) {
    const Node* n = &rule.nodes[id];
    Builtin builtin;
    NodeId tolerance = kNone;
    if ((n->op == Op::GE || n->op == Op::GT) && rule.nodes[n->args[0]].op == Op::CALL &&
        rule.nodes[n->args[0]].builtin == Builtin::OVERLAP) {
      // overlap(a, b) >= c with c > 0 (or > c with c >= 0) implies overlaps(a, b).
      const Node& c = rule.nodes[n->args[1]];
      if (c.op != Op::CONST || c.value.kind != ValueKind::NUMBER) continue;
      if (!(c.value.number > 0 || (n->op == Op::GT && c.value.number >= 0))) continue;
      n = &rule.nodes[n->args[0]];
      builtin = Builtin::OVERLAPS;
    } else if (n->op == Op::CALL && n->geometry == Geometry::TIME) {
      builtin = n->builtin;
      switch (builtin) {
        case Builtin::OVERLAPS: case Builtin::BEFORE: case Builtin::AFTER: case Builtin::MEETS:
        case Builtin::DURING: case Builtin::CONTAINS: case Builtin::NEAR:
          break;
        default:
          continue;
      }
      if (n->args.size() == 3) {
        tolerance = n->args[2];
        if (rule.nodes[tolerance].op != Op::CONST) continue;  // only constant windows
      }
    } else {
      continue;
    }
    const Node& a = rule.nodes[n->args[0]];
    const Node& b = rule.nodes[n->args[1]];
    if (a.op != Op::VAR || b.op != Op::VAR || a.var == b.var) continue;
    if (a.var == step.var) {
      window_ = {builtin, true, b.var, tolerance};
      return true;
    }
    if (b.var == step.var) {
      window_ = {builtin, false, a.var, tolerance};
      return true;
    }
  }
  return false;
}

void AccessIndex::QueryTree(std::size_t node, std::size_t node_lo, std::size_t node_hi,
                            std::size_t limit, double lo) {
  if (node_lo >= limit || tree_[node] < lo) return;
  if (node >= leaves_) {
    result_.push_back(candidates_[node - leaves_]);
    return;
  }
  std::size_t mid = (node_lo + node_hi) / 2;
  QueryTree(2 * node, node_lo, mid, limit, lo);
  QueryTree(2 * node + 1, mid, node_hi, limit, lo);
}

std::uint32_t AccessIndex::FindBucket(std::uint64_t hash) const {
  std::size_t s = hash & slot_mask_;
  while (slot_bucket_[s] != kNone) {
    if (slot_hash_[s] == hash) return slot_bucket_[s];
    s = (s + 1) & slot_mask_;
  }
  return kNone;
}

bool AccessIndex::KeysEqual(std::uint32_t pos) const {
  const Value* build = &build_keys_[pos * key_count_];
  for (std::size_t i = 0; i < key_count_; ++i) {
    if (!Compare(Op::EQ, probe_keys_[i], build[i])) return false;
  }
  return true;
}

const std::vector<std::uint32_t>& AccessIndex::Probe(Evaluator& ev) {
  switch (step_->access) {
    case Access::SCAN:
      return candidates_;
    case Access::HASH: {
      result_.clear();
      if (entries_.empty()) return result_;
      std::uint64_t h = 0;
      for (std::size_t i = 0; i < key_count_; ++i) {
        probe_keys_[i] = ev.Eval(step_->keys[i].probe);
        if (probe_keys_[i].Missing()) return result_;
        h = Mix(h ^ HashValue(probe_keys_[i]));
      }
      const std::uint32_t b = FindBucket(h);
      if (b == kNone) return result_;
      const std::uint32_t begin = bucket_begin_[b];
      const std::uint32_t end = bucket_begin_[b + 1];
      if (!windowed_) {
        for (std::uint32_t j = begin; j < end; ++j) {
          if (KeysEqual(entries_[j])) result_.push_back(candidates_[entries_[j]]);
        }
        return result_;
      }
      const Record* bound = ev.Bound(window_.bound_var);
      double lo = 0;
      double hi = 0;
      if (!bound ||
          !ProbeWindow(window_.builtin, window_.new_is_first, *bound, window_tolerance_, lo, hi)) {
        return result_;  // the temporal conjunct is false for every candidate
      }
      // A candidate with end >= lo starts at or after lo - longest; the
      // slack keeps rounding from losing one (the residual decides).
      double from = lo - bucket_longest_[b];
      from -= 1e-9 * (1 + std::fabs(from));
      const double* starts = entry_starts_.data();
      const double* first = std::lower_bound(starts + begin, starts + end, from);
      const double* last = std::upper_bound(first, starts + end, hi);
      for (auto j = static_cast<std::size_t>(first - starts); j < static_cast<std::size_t>(last - starts);
           ++j) {
        if (entry_ends_[j] < lo) continue;
        if (KeysEqual(entries_[j])) result_.push_back(candidates_[entries_[j]]);
      }
      return result_;
    }
    case Access::INTERVAL: {
      result_.clear();
      const IntervalProbe& probe = step_->interval;
      const Record* bound = ev.Bound(probe.bound_var);
      if (!bound || candidates_.empty()) return result_;
      Value tolerance = probe.tolerance == kNone ? Value{} : ev.Eval(probe.tolerance);
      double lo = 0;
      double hi = 0;
      if (!ProbeWindow(probe.builtin, probe.new_is_first, *bound, tolerance, lo, hi)) {
        return result_;
      }
      std::size_t limit = static_cast<std::size_t>(
          std::upper_bound(starts_.begin(), starts_.end(), hi) - starts_.begin());
      if (leaves_ == 0) {
        for (std::size_t j = 0; j < limit; ++j) {
          if (ends_[j] >= lo) result_.push_back(candidates_[j]);
        }
      } else if (limit > 0) {
        QueryTree(1, 0, leaves_, limit, lo);
      }
      return result_;
    }
  }
  return candidates_;
}

}  // namespace accord::runtime::internal
