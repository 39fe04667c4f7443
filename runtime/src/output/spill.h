#pragma once
// SpillFile: bytes a report holds back (a run that may start over, SARIF
// results waiting for their header, JUnit test cases waiting for their
// suite), kept in memory up to a limit and beyond it in an unlinked
// temporary file in $TMPDIR (else /tmp), so memory stays flat however long
// the report. If no temporary file can be made or written, the bytes stay in
// memory: the report is still right, only bigger in memory.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "accord/runtime/report.h"

namespace accord::runtime::internal {

class SpillFile {
 public:
  explicit SpillFile(std::size_t memory_limit = kReportMemory) : limit_(memory_limit) {}
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  void Append(std::string_view bytes);
  std::uint64_t Size() const { return on_disk_ + memory_.size(); }
  /// Forgets every byte (the file, if any, is kept for reuse).
  void Clear();
  /// Calls `out` with the bytes [offset, offset + size) in consecutive pieces
  /// (of at most the memory limit, or 64 KiB).
  /// Returns "" or why the temporary file could not be read back.
  std::string Read(std::uint64_t offset, std::uint64_t size,
                   const std::function<void(std::string_view)>& out) const;
  /// Whether some bytes are in a temporary file.
  bool Spilled() const { return on_disk_ > 0; }

 private:
  void Spill();

  std::size_t limit_;
  int fd_ = -1;
  bool file_failed_ = false;   ///< no (more) temporary file: keep everything in memory
  std::uint64_t on_disk_ = 0;  ///< bytes [0, on_disk_) are in the file
  std::string memory_;         ///< the bytes after them
};

}  // namespace accord::runtime::internal
