// The validation pipeline: the calling thread reads item batches and groups
// them into numbered chunks; worker threads (and the reader, whenever enough
// chunks are queued) parse each chunk's records and evaluate the bundle on
// its items, finishing in any order; a reorder buffer releases the results
// to the sink in chunk order. So the output does not depend on the number of
// threads, and memory is bounded by the chunks in flight rather than by the
// dataset. docs/cli.md ("Threads", "Streaming") gives the numbers.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>

#include "accord/runtime/evaluate.h"
#include "accord/runtime/internal/prefault.h"
#include "accord/runtime/validate.h"

namespace accord::runtime {
namespace {

/// Items travel between threads in chunks, so that small items do not pay
/// a handoff each.
constexpr std::size_t kChunkBytes = std::size_t{256} << 10;
constexpr std::size_t kChunkItems = 512;
/// Chunks to validate (queued or being validated) per thread, and their
/// bytes: enough to keep every thread busy, few enough that memory holds a
/// few chunks per thread. A large item is a chunk of its own, so there may
/// always be one chunk per thread, whatever their size; beyond these the
/// reader validates the chunk it has read itself rather than queue it, so
/// it holds no more than one.
constexpr std::size_t kChunksPerThread = 4;
/// Validated chunks waiting for an earlier, slower one (a large item) to be
/// delivered: the other threads go on meanwhile, up to this much memory per
/// thread (mostly findings) or this many chunks in all.
constexpr std::size_t kWaitingBytesPerThread = std::size_t{4} << 20;
constexpr std::size_t kMaxWaiting = 1024;

struct Chunk {
  std::uint64_t number = 0;
  std::size_t bytes = 0;  ///< of the items' lines
  std::vector<ItemBatch> items;
};

/// What validating a chunk produced.
struct WorkerResult {
  std::vector<Finding> findings;  ///< of the chunk's items, in item order
  FindingBatch batch;             ///< the findings, once the sink prepared them
  std::vector<InputError> errors;
  std::uint64_t records = 0;
  std::uint64_t items = 0;
};

/// What one thread validates with, reused item after item for the run: the
/// parser, the item (records, attributes, strings) and the evaluation
/// workspace keep their memory, so a thread allocates only while items grow,
/// and gives it all back when the run ends.
struct ThreadState {
  explicit ThreadState(const Bundle& bundle) : parser(bundle) {}
  RecordParser parser;
  Item item;
  EvalWorkspace workspace;
};

void Validate(const Bundle& bundle, ThreadState& state, const ItemBatch& batch,
              WorkerResult& result) {
  Item& item = state.item;
  item.Clear();
  item.key = item.arena.Copy(batch.key);
  item.sequence = batch.sequence;
  const std::size_t lines = batch.lines.size();
  internal::ReservePrefaulted(item.records, lines + lines / 4);  // room to grow
  for (const ItemBatch::Line& line : batch.lines) {
    std::string reason = state.parser.Parse(batch.Text(line), line.file, line.number, item);
    if (!reason.empty()) result.errors.push_back({line.file, line.number, std::move(reason)});
  }
  result.records += item.records.size();
  ++result.items;
  EvaluateItem(bundle, item, EvalMode::PLANNED, state.workspace, result.findings);
}

/// Validates every item of `chunk` and lets the sink prepare the findings.
WorkerResult ValidateChunk(const Bundle& bundle, ThreadState& state, const FindingSink& sink,
                           const Chunk& chunk) {
  WorkerResult result;
  for (const ItemBatch& batch : chunk.items) Validate(bundle, state, batch, result);
  result.batch.findings = std::move(result.findings);
  sink.Prepare(result.batch);
  return result;
}

/// Gives the chunk's batches back to the reader (which may then reuse the
/// buffers they view, and their line tables).
void Recycle(BatchReader& reader, Chunk& chunk) {
  for (ItemBatch& batch : chunk.items) reader.Recycle(std::move(batch));
  chunk.items.clear();
}

/// About how much memory a validated chunk holds until it is delivered.
std::size_t Footprint(const WorkerResult& result) {
  constexpr std::size_t kPerFinding = sizeof(Finding) + 2 * sizeof(Witness) + 128;
  return result.batch.text.capacity() + result.batch.findings.size() * kPerFinding +
         result.errors.size() * sizeof(InputError);
}

/// Chunks on their way from the reader to the workers and back: a bounded
/// queue in front, a reorder buffer behind. Results are delivered in chunk
/// order, one delivery at a time, by whichever thread completes the chunk
/// that was holding them back.
class Conveyor {
 public:
  using Deliver = std::function<void(WorkerResult&)>;
  using Process = std::function<void(Chunk&)>;

  Conveyor(unsigned threads, Deliver deliver) : threads_(threads), deliver_(std::move(deliver)) {}

  /// Takes the next chunk (numbered here): queues it, or, while the
  /// conveyor is full, runs `help` on it (the workers have enough to do, and
  /// the caller holds no chunk but the one it works on), or waits.
  void Push(Chunk chunk, const Process& help) {
    std::unique_lock lock(mutex_);
    while (!closed_) {
      const bool waiting = EnoughWaiting();
      if (!waiting && !EnoughToValidate()) break;
      if (!help || queue_.empty()) {
        not_full_.wait(lock);
      } else if (waiting) {
        // Results wait for an earlier chunk: help the oldest along.
        Chunk queued = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        help(queued);
        lock.lock();
      } else {
        Take(chunk);
        lock.unlock();
        help(chunk);
        return;
      }
    }
    if (closed_) return;
    Take(chunk);
    queue_.push_back(std::move(chunk));
    not_empty_.notify_one();
  }

  /// The next queued chunk for a worker; false when there will be no more.
  bool Pop(Chunk& chunk) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_ || finished_; });
    if (closed_ || queue_.empty()) return false;
    chunk = std::move(queue_.front());
    queue_.pop_front();
    return true;
  }

  /// `chunk` (its number and size) is validated: delivers its result and every later one already
  /// done, unless an earlier chunk is still running (its thread delivers them).
  void Done(const Chunk& chunk, WorkerResult result) {
    const std::size_t footprint = Footprint(result);
    std::unique_lock lock(mutex_);
    if (closed_) return;
    --to_validate_;
    bytes_to_validate_ -= chunk.bytes;
    waiting_bytes_ += footprint;
    done_.emplace(chunk.number, Waiting{std::move(result), footprint});
    not_full_.notify_all();
    if (delivering_) return;
    delivering_ = true;
    for (auto next = done_.begin(); !closed_ && next != done_.end() && next->first == delivered_;
         next = done_.begin()) {
      WorkerResult ready = std::move(next->second.result);
      const std::size_t ready_footprint = next->second.footprint;
      done_.erase(next);
      lock.unlock();
      deliver_(ready);
      ready = WorkerResult{};  // free the findings outside the lock
      lock.lock();
      ++delivered_;
      waiting_bytes_ -= ready_footprint;
      not_full_.notify_all();
    }
    delivering_ = false;
  }

  /// No more chunks will come; workers finish what is queued.
  void Finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    not_empty_.notify_all();
  }

  /// Abandon everything (the input must be read again).
  void Abort() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    queue_.clear();
    done_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  struct Waiting {
    WorkerResult result;
    std::size_t footprint = 0;
  };

  /// Numbers `chunk` and counts it as to be validated.
  void Take(Chunk& chunk) {
    chunk.number = pushed_++;
    ++to_validate_;
    bytes_to_validate_ += chunk.bytes;
  }
  /// Every thread has a chunk (the workers, queued ones), and enough are
  /// queued or their bytes are.
  bool EnoughToValidate() const {
    return to_validate_ >= threads_ &&
           (to_validate_ >= kChunksPerThread * threads_ ||
            bytes_to_validate_ >= kChunksPerThread * threads_ * kChunkBytes);
  }
  bool EnoughWaiting() const {
    return done_.size() >= kMaxWaiting || waiting_bytes_ >= kWaitingBytesPerThread * threads_;
  }

  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<Chunk> queue_;
  std::map<std::uint64_t, Waiting> done_;  ///< validated, waiting for an earlier chunk
  std::size_t threads_;
  std::size_t to_validate_ = 0;  ///< chunks queued or being validated
  std::size_t bytes_to_validate_ = 0;
  std::size_t waiting_bytes_ = 0;  ///< footprints of the results in done_
  std::uint64_t pushed_ = 0;
  std::uint64_t delivered_ = 0;
  bool delivering_ = false;
  bool finished_ = false;
  bool closed_ = false;
  Deliver deliver_;
};

/// Adds a delivered chunk to the summary and hands its findings to the sink.
void Tally(WorkerResult& result, FindingSink& sink, Summary& summary) {
  summary.records += result.records;
  summary.items += result.items;
  summary.input_errors.insert(summary.input_errors.end(),
                              std::make_move_iterator(result.errors.begin()),
                              std::make_move_iterator(result.errors.end()));
  for (const Finding& f : result.batch.findings) CountFinding(f, summary);
  sink.Consume(result.batch);
}

enum class Attempt { DONE, REGROUP };

Attempt Run(const Bundle& bundle, std::vector<std::string>& inputs, const ValidateOptions& options,
            bool grouped, const ProgressFn& progress, FindingSink& sink, Summary& summary) {
  BatchReader reader(bundle, inputs, options.ingest, grouped);
  // `threads` in all: this one reads, and validates whenever it is ahead of
  // the workers (or all the time, with one thread).
  const unsigned threads = std::max(1u, options.threads);
  ThreadState reader_state(bundle);
  Conveyor conveyor(threads, [&](WorkerResult& result) { Tally(result, sink, summary); });
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back([&] {
      ThreadState state(bundle);
      Chunk chunk;
      while (conveyor.Pop(chunk)) {
        WorkerResult result = ValidateChunk(bundle, state, sink, chunk);
        Recycle(reader, chunk);
        conveyor.Done(chunk, std::move(result));
      }
    });
  }
  const Conveyor::Process help = [&](Chunk& chunk) {
    WorkerResult result = ValidateChunk(bundle, reader_state, sink, chunk);
    Recycle(reader, chunk);
    conveyor.Done(chunk, std::move(result));
  };

  Attempt attempt = Attempt::DONE;
  std::uint64_t items_skipped = 0;
  ItemBatch batch;
  Chunk chunk;
  std::uint64_t batches = 0;
  auto flush = [&] {
    if (chunk.items.empty()) return;
    if (workers.empty()) {
      WorkerResult result = ValidateChunk(bundle, reader_state, sink, chunk);
      Tally(result, sink, summary);
      Recycle(reader, chunk);
      chunk.bytes = 0;
    } else {
      conveyor.Push(std::move(chunk), help);
      chunk = Chunk{};
    }
  };
  for (;;) {
    BatchReader::Status status = reader.Next(batch);
    if (status == BatchReader::Status::END) break;
    if (status == BatchReader::Status::REGROUP) {
      attempt = Attempt::REGROUP;
      break;
    }
    if (options.shard && !InShard(batch.key, options.shard->first, options.shard->second)) {
      ++items_skipped;
      continue;
    }
    chunk.bytes += batch.Bytes();
    chunk.items.push_back(std::move(batch));
    batch = ItemBatch{};
    if (chunk.bytes >= kChunkBytes || chunk.items.size() >= kChunkItems) flush();
    if (progress && (++batches & 1023) == 0) progress(reader.LinesRead(), reader.BytesRead());
  }
  if (attempt == Attempt::REGROUP) {
    conveyor.Abort();
  } else {
    flush();
    conveyor.Finish();
    for (Chunk rest; conveyor.Pop(rest);) help(rest);
  }
  for (std::thread& worker : workers) worker.join();
  if (attempt == Attempt::REGROUP) {
    inputs = reader.Inputs();
    return attempt;
  }
  summary.items_skipped = items_skipped;
  summary.lines = reader.LinesRead();
  summary.bytes = reader.BytesRead();
  std::vector<InputError> errors = reader.TakeErrors();
  summary.input_errors.insert(summary.input_errors.end(), std::make_move_iterator(errors.begin()),
                              std::make_move_iterator(errors.end()));
  return attempt;
}

/// Keeps every finding (the in-memory form of ValidateInputs).
class Collector : public FindingSink {
 public:
  explicit Collector(std::vector<Finding>& findings) : findings_(findings) {}
  void Consume(FindingBatch& batch) override {
    findings_.insert(findings_.end(), std::make_move_iterator(batch.findings.begin()),
                     std::make_move_iterator(batch.findings.end()));
  }
  void Restart() override { findings_.clear(); }

 private:
  std::vector<Finding>& findings_;
};

}  // namespace

void CountFinding(const Finding& finding, Summary& summary) {
  ++summary.by_rule[finding.rule];
  ++summary.by_severity[std::string(SeverityName(finding.severity))];
  // The set of modalities, sorted, joined with '+'.
  std::vector<std::string_view> modalities;
  modalities.reserve(finding.witnesses.size());
  for (const Witness& w : finding.witnesses) modalities.push_back(w.modality);
  std::sort(modalities.begin(), modalities.end());
  modalities.erase(std::unique(modalities.begin(), modalities.end()), modalities.end());
  std::string key;
  for (std::string_view m : modalities) {
    if (!key.empty()) key += '+';
    key += m;
  }
  ++summary.by_modalities[key];
}

bool InShard(std::string_view key, std::uint32_t k, std::uint32_t n) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: stable across platforms and runs
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash % n == k - 1;
}

Summary ValidateInputs(const Bundle& bundle, const std::vector<std::string>& inputs,
                       const ValidateOptions& options, FindingSink& sink,
                       const ProgressFn& progress) {
  auto start = std::chrono::steady_clock::now();
  Summary summary;
  summary.inputs = inputs;
  std::vector<std::string> to_read = inputs;
  if (Run(bundle, to_read, options, /*grouped=*/false, progress, sink, summary) ==
      Attempt::REGROUP) {
    // Whatever was delivered came from items that may continue later: void.
    sink.Restart();
    summary = Summary{};
    summary.inputs = inputs;
    summary.regrouped = true;
    Run(bundle, to_read, options, /*grouped=*/true, progress, sink, summary);
  }
  std::sort(summary.input_errors.begin(), summary.input_errors.end(),
            [](const InputError& a, const InputError& b) {
              return std::tie(a.file, a.line) < std::tie(b.file, b.line);
            });
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

ValidationResult ValidateInputs(const Bundle& bundle, const std::vector<std::string>& inputs,
                                const ValidateOptions& options, const ProgressFn& progress) {
  ValidationResult result;
  Collector collector(result.findings);
  result.summary = ValidateInputs(bundle, inputs, options, collector, progress);
  return result;
}

}  // namespace accord::runtime
