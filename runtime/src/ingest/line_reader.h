#pragma once
// Splits one input into lines, reading it in large chunks: `\n` ends a line,
// a `\r` before it is dropped, a UTF-8 byte order mark at the start of the
// input is skipped. Lines over the size limit are skipped without being
// buffered whole. Every line handed out is followed by kJsonPadding
// readable bytes.
//
// Lines are views into the read buffer, which a caller may share (Buffer())
// to keep lines without copying them: a buffer that is shared is never
// written again; the reader reads on into another one (a spare that nobody
// holds any more, or a new one).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace accord::runtime::internal {

struct Spool;

class LineReader {
 public:
  explicit LineReader(std::size_t max_line_bytes);

  enum class Kind { LINE, BLANK, TOO_LONG, END, FAILED };

  struct Line {
    std::string_view text;     ///< without the line end; valid until the next call
    std::uint64_t number = 0;  ///< 1-based
    std::uint64_t offset = 0;  ///< of the line's first byte in the input
    std::uint64_t size = 0;    ///< bytes without the line end (TOO_LONG: the full size)
  };

  /// Starts on `fd`: with `positional`, reads it with pread from offset 0
  /// (regular files, spools); else with read from where it is (pipes),
  /// copying what it reads to `spool` when given. The fd is not owned.
  void Start(int fd, bool positional, Spool* spool);

  /// The next line. FAILED: a read error (errno in Error()); the input ends.
  Kind Next(Line& line);

  /// Reads the rest of the input into the spool (for REGROUP).
  void Drain();

  /// The buffer the lines handed out since the last call to Next or Start
  /// view; holding a copy keeps them valid and unchanged.
  const std::shared_ptr<char[]>& Buffer() const { return buffer_; }

  int Error() const { return error_; }
  std::uint64_t Lines() const { return number_; }
  std::uint64_t Bytes() const { return bytes_; }

 private:
  bool Refill();  // false at end of input or on error
  Kind Finish(std::size_t begin, std::size_t end, Line& line);
  /// Makes buffer_ a buffer that nobody else holds, keeping its first
  /// `keep` bytes from offset `from`.
  void Unshare(std::size_t from, std::size_t keep);

  std::size_t max_line_;
  std::size_t capacity_ = 0;  ///< of every buffer, without the padding
  std::shared_ptr<char[]> buffer_;
  std::vector<std::shared_ptr<char[]>> spares_;  ///< earlier buffers, maybe still shared
  std::size_t begin_ = 0;                        ///< first unconsumed byte
  std::size_t end_ = 0;                          ///< end of the bytes read
  std::uint64_t buffer_offset_ = 0;              ///< input offset of buffer_[0]
  std::uint64_t read_offset_ = 0;                ///< input offset of the next read
  int fd_ = -1;
  bool positional_ = false;
  Spool* spool_ = nullptr;
  bool eof_ = false;
  bool bom_checked_ = false;
  int error_ = 0;
  std::uint64_t number_ = 0;
  std::uint64_t bytes_ = 0;
  // An over-long line being skipped.
  bool skipping_ = false;
  std::uint64_t skip_size_ = 0;
  std::uint64_t skip_offset_ = 0;
  char skip_last_ = 0;
};

}  // namespace accord::runtime::internal
