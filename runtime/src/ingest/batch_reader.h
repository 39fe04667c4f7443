#pragma once
// BatchReader's state, shared by its streaming half (batch_reader.cpp) and
// its grouped half (grouped_reader.cpp).

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "accord/runtime/ingest.h"
#include "line_reader.h"
#include "spool.h"

namespace accord::runtime {

namespace internal {

/// One input as named by the caller.
struct Input {
  std::string name;              ///< as given ("-" is stdin)
  std::shared_ptr<Spool> spool;  ///< its copy, when it cannot be read twice
  int fd = -1;
  bool owns_fd = false;
  bool positional = false;  ///< read with pread (regular files, spools)
  bool adopted = false;     ///< `spool` was made by an earlier reader
  bool unreadable = false;  ///< an input error was reported for the whole input
};

/// Where an indexed line is (grouped reading).
struct LineLocation {
  std::uint64_t offset = 0;
  std::uint64_t number = 0;
  std::uint32_t size = 0;
  std::uint32_t file = 0;
  std::uint32_t next = ~std::uint32_t{0};  ///< the item's next line
};

struct IndexedItem {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t lines = 1;
};

/// A set of 64-bit hashes in one open-addressing table (linear probing).
class HashSet {
 public:
  /// False when `hash` was there already.
  bool Insert(std::uint64_t hash);
  /// Starts loading the slot where Insert(hash) looks first.
  void Prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(hash)]);
  }

 private:
  std::size_t Home(std::uint64_t hash) const { return (hash ^ (hash >> 32)) & (slots_.size() - 1); }

  std::vector<std::uint64_t> slots_;  ///< 0: empty
  std::size_t size_ = 0;
};

/// Byte strings for batches that cannot view the read buffers (items read
/// back grouped), recycled: a batch's bytes come back here when its last
/// holder lets them go, from whichever thread, so a run of large items reuses
/// a few strings instead of mapping and faulting in fresh megabytes for each.
class BytePool : public std::enable_shared_from_this<BytePool> {
 public:
  BytePool() { free_.reserve(kKeep); }
  /// An empty string, with the capacity of one that came back if any.
  std::string Take();
  /// `bytes` as a batch's bytes: the first `size` are the lines, the rest
  /// (at least kJsonPadding) padding.
  BatchBytes Share(std::string bytes, std::size_t size);

 private:
  static constexpr std::size_t kKeep = 8;  // more than the chunks in flight (of two threads)
  void Give(std::string* bytes) noexcept;

  std::mutex mutex_;
  std::vector<std::string> free_;
};

/// Line tables of batches their users are done with, for later items (from
/// any thread). A table keeps the capacity of the largest item it held, so
/// what is kept is bounded in bytes too: otherwise, one large item after
/// another, every kept table would grow to the largest item's size, and
/// memory with the number of large items read.
class LineTables {
 public:
  LineTables() { free_.reserve(kKeep); }
  /// An empty table with room for `lines`.
  std::vector<ItemBatch::Line> Take(std::size_t lines);
  void Give(std::vector<ItemBatch::Line> table);

 private:
  static constexpr std::size_t kKeep = 64;  // more than the items of the chunks in flight
  static constexpr std::size_t kKeepBytes = std::size_t{4} << 20;
  static std::size_t Bytes(const std::vector<ItemBatch::Line>& table) {
    return table.capacity() * sizeof(ItemBatch::Line);
  }
  std::mutex mutex_;
  std::vector<std::vector<ItemBatch::Line>> free_;
  std::size_t kept_bytes_ = 0;  ///< of the tables in free_
};

}  // namespace internal

struct BatchReader::Impl {
  Impl(const Bundle& bundle, std::vector<std::string> names, IngestOptions options, bool grouped);
  ~Impl();

  /// The next line with an item key (in `key`) from the inputs in order;
  /// reports unreadable inputs and bad lines. False when all are read.
  /// `repeated`: the line starts like the last keyed line up to the end of
  /// its key, so its key is that line's (`key` unchanged).
  bool NextKeyedLine(internal::LineReader::Line& line, bool& repeated);
  bool Open(std::uint32_t file);
  void FinishInput();
  void AddError(std::uint32_t file, std::uint64_t line, std::string reason);
  std::string CannotRead(std::uint32_t file, int error) const;

  Status NextStreaming(ItemBatch& batch);
  void StartRegroup();
  /// Adds `line` (from the reader's buffer) to `pending`.
  void AddPending(const internal::LineReader::Line& line);
  /// Moves `pending` to `batch`.
  void HandOut(ItemBatch& batch);
  /// Adds the current segment (`view`) to `pending`.
  void CloseSegment();

  Status NextGrouped(ItemBatch& batch);
  void BuildIndex();
  /// Appends the lines of the run of `item` starting at `at` to `batch`;
  /// returns the location after the run.
  std::uint32_t ReadRun(std::uint32_t at, ItemBatch& batch);

  RecordParser parser;
  IngestOptions options;
  bool grouped;
  std::vector<internal::Input> inputs;
  std::vector<std::string> shown;  ///< Inputs()
  std::vector<InputError> errors;
  internal::LineReader reader;
  std::uint32_t current = 0;  ///< the input being read
  bool reading = false;       ///< `reader` is on inputs[current]
  std::uint64_t lines_done = 0;
  std::uint64_t bytes_done = 0;
  std::string key;
  std::string key_prefix;  ///< of the last line FastItemKey read (empty: none)
  std::shared_ptr<internal::BytePool> pool = std::make_shared<internal::BytePool>();
  internal::LineTables tables;

  // Streaming. The pending item's lines are viewed in the reader's buffers:
  // the current segment is `view`, from `view_begin`, `view_size` bytes;
  // earlier segments are in pending.segments already.
  ItemBatch pending;
  std::shared_ptr<char[]> view;
  const char* view_begin = nullptr;
  std::size_t view_size = 0;
  internal::HashSet started;  ///< hashes of the keys of items begun
  std::uint64_t next_sequence = 0;
  bool regroup = false;

  // Grouped.
  bool indexed = false;
  std::string run_bytes;         ///< the lines of the item being read
  std::deque<std::string> keys;  ///< stable storage for `index` keys
  std::unordered_map<std::string_view, std::uint32_t> index;
  std::vector<internal::IndexedItem> items;
  std::vector<internal::LineLocation> locations;
  std::uint32_t next_item = 0;
};

}  // namespace accord::runtime
