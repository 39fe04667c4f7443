#pragma once
// BatchReader's state, shared by its streaming half (batch_reader.cpp) and
// its grouped half (grouped_reader.cpp).

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
};

}  // namespace internal

struct BatchReader::Impl {
  Impl(const Bundle& bundle, std::vector<std::string> names, IngestOptions options, bool grouped);
  ~Impl();

  /// The next line with an item key (in `key`) from the inputs in order;
  /// reports unreadable inputs and bad lines. False when all are read.
  bool NextKeyedLine(internal::LineReader::Line& line);
  bool Open(std::uint32_t file);
  void FinishInput();
  void AddError(std::uint32_t file, std::uint64_t line, std::string reason);
  std::string CannotRead(std::uint32_t file, int error) const;

  Status NextStreaming(ItemBatch& batch);
  void StartRegroup();

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

  // Streaming.
  ItemBatch pending;
  std::unordered_set<std::uint64_t> started;  ///< hashes of the keys of items begun
  std::uint64_t next_sequence = 0;
  bool regroup = false;

  // Grouped.
  bool indexed = false;
  std::deque<std::string> keys;  ///< stable storage for `index` keys
  std::unordered_map<std::string_view, std::uint32_t> index;
  std::vector<internal::IndexedItem> items;
  std::vector<internal::LineLocation> locations;
  std::uint32_t next_item = 0;
};

}  // namespace accord::runtime
