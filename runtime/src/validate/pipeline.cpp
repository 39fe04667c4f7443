// The validation pipeline: the calling thread reads item batches; worker
// threads parse each batch's records and evaluate the bundle on the item.
// Results are merged and sorted at the end, so the output does not depend on
// the number of threads.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "accord/runtime/evaluate.h"
#include "accord/runtime/validate.h"

namespace accord::runtime {
namespace {

/// Items travel between threads in chunks, so that small items do not pay
/// a handoff each.
using Chunk = std::vector<ItemBatch>;
constexpr std::size_t kChunkBytes = 256 * 1024;
constexpr std::size_t kChunkItems = 512;

/// A bounded queue of chunks between the reader and the workers.
class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  void Push(Chunk batch) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_ || closed_; });
    if (closed_) return;
    queue_.push_back(std::move(batch));
    not_empty_.notify_one();
  }
  bool Pop(Chunk& batch) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_ || done_; });
    if (closed_ || queue_.empty()) return false;
    batch = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }
  /// No more batches will come; workers finish what is queued.
  void Finish() {
    std::lock_guard lock(mutex_);
    done_ = true;
    not_empty_.notify_all();
  }
  /// Abandon everything (the input must be read again).
  void Abort() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    queue_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<Chunk> queue_;
  std::size_t capacity_;
  bool done_ = false;
  bool closed_ = false;
};

struct WorkerResult {
  std::vector<Finding> findings;
  std::vector<InputError> errors;
  std::uint64_t records = 0;
  std::uint64_t items = 0;
};

void Validate(const Bundle& bundle, RecordParser& parser, const ItemBatch& batch,
              WorkerResult& result) {
  Item item;
  item.key = item.arena.Copy(batch.key);
  item.sequence = batch.sequence;
  item.records.reserve(batch.lines.size());
  for (const ItemBatch::Line& line : batch.lines) {
    std::string reason = parser.Parse(std::string_view(batch.bytes.data() + line.offset, line.size),
                                      line.file, line.number, item);
    if (!reason.empty()) result.errors.push_back({line.file, line.number, std::move(reason)});
  }
  result.records += item.records.size();
  ++result.items;
  EvaluateItem(bundle, item, EvalMode::PLANNED, result.findings);
}

void Work(const Bundle& bundle, BatchQueue& queue, WorkerResult& result) {
  RecordParser parser(bundle);
  Chunk chunk;
  while (queue.Pop(chunk)) {
    for (const ItemBatch& batch : chunk) Validate(bundle, parser, batch, result);
  }
}

enum class Attempt { DONE, REGROUP };

Attempt Run(const Bundle& bundle, std::vector<std::string>& inputs, const ValidateOptions& options,
            bool grouped, const ProgressFn& progress, ValidationResult& out) {
  BatchReader reader(bundle, inputs, options.ingest, grouped);
  // One thread reads and validates inline; more run a reader and workers.
  const unsigned threads = std::max(1u, options.threads);
  const bool inline_work = threads == 1;
  BatchQueue queue(2 * threads);
  std::vector<WorkerResult> results(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads && !inline_work; ++t) {
    workers.emplace_back(Work, std::cref(bundle), std::ref(queue), std::ref(results[t]));
  }
  std::unique_ptr<RecordParser> inline_parser;
  if (inline_work) inline_parser = std::make_unique<RecordParser>(bundle);
  Attempt attempt = Attempt::DONE;
  ItemBatch batch;
  Chunk chunk;
  std::size_t chunk_bytes = 0;
  std::uint64_t batches = 0;
  auto flush = [&] {
    if (chunk.empty()) return;
    if (inline_work) {
      for (const ItemBatch& b : chunk) Validate(bundle, *inline_parser, b, results[0]);
      chunk.clear();
    } else {
      queue.Push(std::move(chunk));
      chunk = Chunk{};
    }
    chunk_bytes = 0;
  };
  for (;;) {
    BatchReader::Status status = reader.Next(batch);
    if (status == BatchReader::Status::END) break;
    if (status == BatchReader::Status::REGROUP) {
      attempt = Attempt::REGROUP;
      break;
    }
    if (options.shard && !InShard(batch.key, options.shard->first, options.shard->second)) {
      ++out.summary.items_skipped;
      continue;
    }
    chunk_bytes += batch.bytes.size();
    chunk.push_back(std::move(batch));
    batch = ItemBatch{};
    if (chunk_bytes >= kChunkBytes || chunk.size() >= kChunkItems) flush();
    if (progress && (++batches & 1023) == 0) progress(reader.LinesRead(), reader.BytesRead());
  }
  if (attempt == Attempt::REGROUP) {
    queue.Abort();
  } else {
    flush();
    queue.Finish();
  }
  for (std::thread& worker : workers) worker.join();
  if (attempt == Attempt::REGROUP) {
    inputs = reader.Inputs();
    return attempt;
  }
  Summary& summary = out.summary;
  summary.lines = reader.LinesRead();
  summary.bytes = reader.BytesRead();
  summary.input_errors = reader.TakeErrors();
  for (WorkerResult& r : results) {
    summary.records += r.records;
    summary.items += r.items;
    summary.input_errors.insert(summary.input_errors.end(), r.errors.begin(), r.errors.end());
    out.findings.insert(out.findings.end(), std::make_move_iterator(r.findings.begin()),
                        std::make_move_iterator(r.findings.end()));
  }
  return attempt;
}

}  // namespace

bool InShard(std::string_view key, std::uint32_t k, std::uint32_t n) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: stable across platforms and runs
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash % n == k - 1;
}

ValidationResult ValidateInputs(const Bundle& bundle, const std::vector<std::string>& inputs,
                                const ValidateOptions& options, const ProgressFn& progress) {
  auto start = std::chrono::steady_clock::now();
  ValidationResult result;
  result.summary.inputs = inputs;
  std::vector<std::string> to_read = inputs;
  if (Run(bundle, to_read, options, /*grouped=*/false, progress, result) == Attempt::REGROUP) {
    result = ValidationResult{};
    result.summary.inputs = inputs;
    result.summary.regrouped = true;
    Run(bundle, to_read, options, /*grouped=*/true, progress, result);
  }
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  std::sort(result.summary.input_errors.begin(), result.summary.input_errors.end(),
            [](const InputError& a, const InputError& b) {
              return std::tie(a.file, a.line) < std::tie(b.file, b.line);
            });
  Summary& summary = result.summary;
  for (const Finding& f : result.findings) {
    ++summary.by_rule[f.rule];
    ++summary.by_severity[std::string(SeverityName(f.severity))];
    std::set<std::string> modalities;
    for (const Witness& w : f.witnesses) modalities.insert(w.modality);
    std::string key;
    for (const std::string& m : modalities) key += (key.empty() ? "" : "+") + m;
    ++summary.by_modalities[key];
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace accord::runtime
