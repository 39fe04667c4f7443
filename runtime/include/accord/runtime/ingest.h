#pragma once
// Ingestion: JSON Lines annotation records (LANGUAGE.md "Records") into
// Items. Lines are grouped by item key as they stream in; input that is not
// grouped (an item's lines are not contiguous) is detected and then read
// again grouped, through an index of line offsets, so memory stays bounded
// by the largest item either way. Malformed lines are input errors with
// file, line and reason; they never stop the run.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/record.h"

namespace accord::runtime {

/// Bytes that must be readable after a line handed to RecordParser.
inline constexpr std::size_t kJsonPadding = 64;

struct IngestOptions {
  std::size_t max_line_bytes = std::size_t{1} << 20;  ///< longer lines are input errors
};

/// A malformed line: it is reported, counted, and not validated.
struct InputError {
  std::uint32_t file = 0;  ///< index into the input names
  std::uint64_t line = 0;  ///< 1-based; 0 when the whole input failed (unreadable)
  std::string reason;      ///< e.g. "missing required field `item`"
};

namespace internal {
struct RecordParserAccess;
}

/// Parses single records: the common shape in one pass of its own, anything
/// else with simdjson (so simdjson words every input error); one per thread.
class RecordParser {
 public:
  explicit RecordParser(const Bundle& bundle);
  ~RecordParser();
  RecordParser(const RecordParser&) = delete;
  RecordParser& operator=(const RecordParser&) = delete;

  /// Appends the record on `line` (followed by kJsonPadding readable bytes)
  /// to `item`: strings are copied into item.arena, ids resolved, attributes
  /// type-checked, and record problems (unknown modality or label, bad
  /// attribute, missing extent) added to item.issues. Returns "" on
  /// success, or the reason the line is an input error (item unchanged).
  ///
  /// The whole line must be valid JSON. Unknown top-level keys are ignored
  /// (records may carry fields of newer versions); a known key given twice
  /// is an input error; `null` for an optional field or an `attrs` value
  /// means absent. `id` and `track` may be integers written without fraction
  /// or exponent (the id is their text). The record's `item` must be the
  /// item's key (the caller groups lines with ItemKey).
  std::string Parse(std::string_view line, std::uint32_t file, std::uint64_t line_number,
                    Item& item);

  /// Reads only the `item` field of `line` into `key`; returns "" or the
  /// reason the line is an input error. Only what it reads is checked: a
  /// line it accepts may still be rejected by Parse.
  std::string ItemKey(std::string_view line, std::string& key);

 private:
  friend struct internal::RecordParserAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Read-only bytes shared with the buffer they view: the reader's read
/// buffer (lines are not copied), or a copy of the batch's own. Copies of a
/// BatchBytes view the same bytes, which stay valid and unchanged while any
/// copy exists.
class BatchBytes {
 public:
  BatchBytes() = default;
  BatchBytes(std::shared_ptr<const void> owner, const char* data, std::size_t size)
      : owner_(std::move(owner)), data_(data), size_(size) {}

  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view substr(std::size_t offset, std::size_t count) const {
    return std::string_view(data_, size_).substr(offset, count);
  }

 private:
  std::shared_ptr<const void> owner_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// The raw lines of one item, ready for a worker to parse. Lines are in
/// input order (input by input, then line by line).
struct ItemBatch {
  std::string key;
  std::uint64_t sequence = 0;  ///< order of first appearance in the input
  /// The bytes the lines lie in: views of the reader's read buffers (an item
  /// longer than one read spans several; nothing is copied), or one buffer of
  /// the batch's own. Each line lies within one segment and is followed by
  /// at least kJsonPadding readable bytes (other lines, line ends, or
  /// padding), as RecordParser needs. Bytes between lines (line ends, blank
  /// or dropped lines) are not part of any line.
  std::vector<BatchBytes> segments;
  struct Line {
    std::size_t offset = 0;  ///< into segments[segment]
    std::size_t size = 0;
    std::uint64_t number = 0;
    std::uint32_t file = 0;
    std::uint32_t segment = 0;
  };
  std::vector<Line> lines;

  std::string_view Text(const Line& line) const {
    return segments[line.segment].substr(line.offset, line.size);
  }
  /// The bytes the segments span.
  std::size_t Bytes() const {
    std::size_t total = 0;
    for (const BatchBytes& segment : segments) total += segment.size();
    return total;
  }
};

/// Reads inputs ("-" is stdin) and yields one batch per item. Lines end at
/// `\n` (a `\r` before it is dropped); blank lines are counted and skipped.
/// Input errors: unreadable inputs (line 0: "cannot read `x.jsonl`: No such
/// file or directory"), lines over IngestOptions::max_line_bytes, lines whose
/// item key cannot be read (dropped). Stdin, pipes and devices are copied to
/// an unlinked temporary file in $TMPDIR while read, so they can be read again.
class BatchReader {
 public:
  enum class Status { ITEM, END, REGROUP };

  /// `grouped`: read through an index of line offsets, one item at a time
  /// in order of first appearance (for input whose items are interleaved).
  BatchReader(const Bundle& bundle, std::vector<std::string> inputs, IngestOptions options,
              bool grouped);
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  /// The next item. REGROUP means an item's lines turned out not to be
  /// contiguous: discard everything read so far (batches and errors) and
  /// start again with a reader constructed with grouped = true on Inputs()
  /// (stdin has been spooled so it can be read again; Inputs() then names the
  /// spool, which stays alive for that reader even if this one is destroyed
  /// first; input errors keep the original input's index and name). After
  /// END and REGROUP, `batch` holds nothing to use.
  Status Next(ItemBatch& batch);

  /// Takes back a batch the caller is done with, from any thread: the read
  /// buffers it views are released, and its line table is kept for a later
  /// item, so a run of large items does not allocate (and fault in) a fresh
  /// table for each.
  void Recycle(ItemBatch&& batch);

  /// Input errors found while splitting lines (unreadable inputs, lines over
  /// the size limit, lines whose item key cannot be read).
  std::vector<InputError> TakeErrors();
  /// The inputs to read again after REGROUP (stdin replaced by its spool).
  const std::vector<std::string>& Inputs() const;
  std::uint64_t LinesRead() const;
  std::uint64_t BytesRead() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace accord::runtime
