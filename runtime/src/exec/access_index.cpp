#include "accord/runtime/internal/access_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include "accord/runtime/internal/geometry.h"

namespace accord::runtime::internal {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

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
    case ValueKind::STRING: h ^= std::hash<std::string_view>{}(v.text); break;
    case ValueKind::ENUM:
    case ValueKind::CONCEPT: h ^= v.id; break;
  }
  return Mix(h);
}

void AccessIndex::Build(Evaluator& ev, const Step& step, std::vector<std::uint32_t> candidates) {
  step_ = &step;
  candidates_ = std::move(candidates);
  const std::vector<Record>& records = ev.View().item->records;
  if (step.access == Access::HASH) {
    const std::size_t k = step.keys.size();
    build_keys_.assign(candidates_.size() * k, Value{});
    buckets_.clear();
    for (std::uint32_t pos = 0; pos < candidates_.size(); ++pos) {
      ev.Bind(step.var, &records[candidates_[pos]]);
      std::uint64_t h = 0;
      bool missing = false;
      for (std::size_t i = 0; i < k; ++i) {
        Value v = ev.Eval(step.keys[i].build);
        missing = missing || v.Missing();
        h = Mix(h ^ HashValue(v));
        build_keys_[pos * k + i] = v;
      }
      ev.Bind(step.var, nullptr);
      if (!missing) buckets_[h].push_back(pos);
    }
    probe_keys_.resize(k);
    windowed_ = FindWindow(ev.GetRule(), step);
    if (windowed_) SortBuckets(records);
  } else if (step.access == Access::INTERVAL) {
    std::vector<std::uint32_t> timed;
    for (std::uint32_t r : candidates_) {
      if (records[r].HasTime()) timed.push_back(r);
    }
    std::stable_sort(timed.begin(), timed.end(), [&](std::uint32_t a, std::uint32_t b) {
      return records[a].start < records[b].start;
    });
    candidates_ = std::move(timed);
    starts_.resize(candidates_.size());
    ends_.resize(candidates_.size());
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      starts_[i] = records[candidates_[i]].start;
      ends_[i] = records[candidates_[i]].end;
    }
    leaves_ = 1;
    while (leaves_ < candidates_.size()) leaves_ *= 2;
    tree_.assign(2 * leaves_, kNegInf);
    for (std::size_t i = 0; i < candidates_.size(); ++i) tree_[leaves_ + i] = ends_[i];
    for (std::size_t n = leaves_ - 1; n >= 1; --n) tree_[n] = std::max(tree_[2 * n], tree_[2 * n + 1]);
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

void AccessIndex::SortBuckets(const std::vector<Record>& records) {
  // Candidates without time fail every temporal predicate: they are left out.
  timed_.clear();
  for (auto& [hash, positions] : buckets_) {
    std::vector<std::uint32_t> timed;
    for (std::uint32_t pos : positions) {
      if (records[candidates_[pos]].HasTime()) timed.push_back(pos);
    }
    if (timed.empty()) continue;
    std::stable_sort(timed.begin(), timed.end(), [&](std::uint32_t x, std::uint32_t y) {
      return records[candidates_[x]].start < records[candidates_[y]].start;
    });
    TimedBucket& bucket = timed_[hash];
    bucket.positions = std::move(timed);
    for (std::uint32_t pos : bucket.positions) {
      const Record& r = records[candidates_[pos]];
      bucket.starts.push_back(r.start);
      bucket.ends.push_back(r.end);
      bucket.longest = std::max(bucket.longest, r.end - r.start);
    }
  }
  buckets_.clear();
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

const std::vector<std::uint32_t>& AccessIndex::Probe(Evaluator& ev) {
  switch (step_->access) {
    case Access::SCAN:
      return candidates_;
    case Access::HASH: {
      result_.clear();
      const std::size_t k = step_->keys.size();
      std::uint64_t h = 0;
      for (std::size_t i = 0; i < k; ++i) {
        probe_keys_[i] = ev.Eval(step_->keys[i].probe);
        if (probe_keys_[i].Missing()) return result_;
        h = Mix(h ^ HashValue(probe_keys_[i]));
      }
      if (windowed_) {
        auto it = timed_.find(h);
        if (it == timed_.end()) return result_;
        const TimedBucket& bucket = it->second;
        const Record* bound = ev.Bound(window_.bound_var);
        Value tolerance = window_.tolerance == kNone ? Value{} : ev.Eval(window_.tolerance);
        double lo = 0;
        double hi = 0;
        if (!bound || !ProbeWindow(window_.builtin, window_.new_is_first, *bound, tolerance, lo, hi)) {
          return result_;  // the temporal conjunct is false for every candidate
        }
        // A candidate with end >= lo starts at or after lo - longest; the
        // slack keeps rounding from losing one (the residual decides).
        double from = lo - bucket.longest;
        from -= 1e-9 * (1 + std::fabs(from));
        auto first = std::lower_bound(bucket.starts.begin(), bucket.starts.end(), from);
        auto last = std::upper_bound(bucket.starts.begin(), bucket.starts.end(), hi);
        for (auto s = first; s < last; ++s) {
          std::size_t j = static_cast<std::size_t>(s - bucket.starts.begin());
          if (bucket.ends[j] < lo) continue;
          std::uint32_t pos = bucket.positions[j];
          bool equal = true;
          for (std::size_t i = 0; i < k && equal; ++i) {
            equal = Compare(Op::EQ, probe_keys_[i], build_keys_[pos * k + i]);
          }
          if (equal) result_.push_back(candidates_[pos]);
        }
        return result_;
      }
      auto it = buckets_.find(h);
      if (it == buckets_.end()) return result_;
      for (std::uint32_t pos : it->second) {
        bool equal = true;
        for (std::size_t i = 0; i < k && equal; ++i) {
          equal = Compare(Op::EQ, probe_keys_[i], build_keys_[pos * k + i]);
        }
        if (equal) result_.push_back(candidates_[pos]);
      }
      return result_;
    }
    case Access::INTERVAL: {
      result_.clear();
      const IntervalProbe& probe = step_->interval;
      const Record* bound = ev.Bound(probe.bound_var);
      Value tolerance = probe.tolerance == kNone ? Value{} : ev.Eval(probe.tolerance);
      double lo = 0;
      double hi = 0;
      if (!bound || candidates_.empty() ||
          !ProbeWindow(probe.builtin, probe.new_is_first, *bound, tolerance, lo, hi)) {
        return result_;
      }
      std::size_t limit = static_cast<std::size_t>(
          std::upper_bound(starts_.begin(), starts_.end(), hi) - starts_.begin());
      if (limit > 0) QueryTree(1, 0, leaves_, limit, lo);
      return result_;
    }
  }
  return candidates_;
}

}  // namespace accord::runtime::internal
