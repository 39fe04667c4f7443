#pragma once
// The validation pipeline: read inputs item by item, parse each item's
// records on worker threads, evaluate every rule's plan, and collect the
// findings in a deterministic order (independent of the thread count).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/finding.h"
#include "accord/runtime/ingest.h"

namespace accord::runtime {

struct ValidateOptions {
  unsigned threads = 1;
  /// Keep only items whose key hashes to shard K of N (K in 1..N).
  std::optional<std::pair<std::uint32_t, std::uint32_t>> shard;
  IngestOptions ingest;
};

struct Summary {
  std::vector<std::string> inputs;  ///< as named on the command line ("-" for stdin)
  std::uint64_t lines = 0;          ///< lines read, blank lines included
  std::uint64_t bytes = 0;
  std::uint64_t records = 0;        ///< records validated
  std::uint64_t items = 0;          ///< items validated (after sharding)
  std::uint64_t items_skipped = 0;  ///< items left to other shards
  bool regrouped = false;           ///< the input was not grouped by item and was grouped first
  std::vector<InputError> input_errors;
  std::map<std::string, std::uint64_t> by_rule;
  std::map<std::string, std::uint64_t> by_severity;
  std::map<std::string, std::uint64_t> by_modalities;  ///< e.g. "audio+video"
  double seconds = 0;
};

struct ValidationResult {
  std::vector<Finding> findings;  ///< sorted by FindingLess
  Summary summary;
};

/// Called from the reading thread with (lines read, bytes read) now and then.
using ProgressFn = std::function<void(std::uint64_t, std::uint64_t)>;

ValidationResult ValidateInputs(const Bundle& bundle, const std::vector<std::string>& inputs,
                                const ValidateOptions& options, const ProgressFn& progress = {});

/// Whether item `key` belongs to shard K of N (a stable hash of the key).
bool InShard(std::string_view key, std::uint32_t k, std::uint32_t n);

}  // namespace accord::runtime
