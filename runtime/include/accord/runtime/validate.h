#pragma once
// The validation pipeline: read inputs item by item, parse each item's
// records on worker threads, evaluate every rule's plan, and hand the
// findings to a sink in a deterministic order (independent of the thread
// count) as soon as every earlier item is done, so memory stays bounded by
// the items in flight, not by the dataset.

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
  /// Threads in all, the reading thread included: 1 validates inline; N > 1
  /// runs N - 1 workers, and the reader validates too whenever it is ahead.
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
  std::vector<InputError> input_errors;  ///< sorted by file and line
  std::map<std::string, std::uint64_t> by_rule;
  std::map<std::string, std::uint64_t> by_severity;
  std::map<std::string, std::uint64_t> by_modalities;  ///< e.g. "audio+video"
  double seconds = 0;
};

/// Counts `finding` in the summary's by_rule, by_severity and by_modalities.
void CountFinding(const Finding& finding, Summary& summary);

struct ValidationResult {
  std::vector<Finding> findings;  ///< sorted by FindingLess
  Summary summary;
};

/// The findings of consecutive whole items, sorted by FindingLess, on their
/// way from the pipeline to a FindingSink.
struct FindingBatch {
  std::vector<Finding> findings;
  /// What FindingSink::Prepare made of the findings, for its Consume: text,
  /// and pieces of it (text[previous piece's end, end)), each about the
  /// findings from `finding` on, with a flag of the sink's choosing.
  std::string text;
  struct Piece {
    std::size_t end = 0;
    std::size_t finding = 0;
    bool flag = false;
  };
  std::vector<Piece> pieces;
};

/// Receives a run's findings while the run goes on (a report writer).
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  /// Called on worker threads, concurrently with other batches and with
  /// Consume: may only read shared state (e.g. renders the findings as text).
  virtual void Prepare(FindingBatch& batch) const {}
  /// Every batch, one call at a time, in item order: the concatenation of
  /// all batches is the run's findings sorted by FindingLess.
  virtual void Consume(FindingBatch& batch) = 0;
  /// The input turned out not to be grouped by item and is read again from
  /// the start: forget every batch consumed so far.
  virtual void Restart() = 0;
};

/// Called from the reading thread with (lines read, bytes read) now and then.
using ProgressFn = std::function<void(std::uint64_t, std::uint64_t)>;

/// Validates `inputs`, handing every finding to `sink` in order as soon as
/// all earlier items are done. Returns the run's summary.
Summary ValidateInputs(const Bundle& bundle, const std::vector<std::string>& inputs,
                       const ValidateOptions& options, FindingSink& sink,
                       const ProgressFn& progress = {});

/// The same, keeping every finding in memory (for embedding and tests on
/// small inputs; memory grows with the findings).
ValidationResult ValidateInputs(const Bundle& bundle, const std::vector<std::string>& inputs,
                                const ValidateOptions& options, const ProgressFn& progress = {});

/// Whether item `key` belongs to shard K of N (a stable hash of the key).
bool InShard(std::string_view key, std::uint32_t k, std::uint32_t n);

}  // namespace accord::runtime
