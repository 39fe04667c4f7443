#include "spill.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace accord::runtime::internal {
namespace {

/// An unlinked temporary file in $TMPDIR (else /tmp), or -1.
int CreateTemporaryFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = (dir != nullptr && *dir != '\0' ? std::string(dir) : std::string("/tmp")) +
                     "/accord-report-XXXXXX";
  int fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(path.c_str());
  return fd;
}

}  // namespace

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillFile::Append(std::string_view bytes) {
  memory_.append(bytes);
  if (memory_.size() >= limit_ && !file_failed_) Spill();
}

void SpillFile::Spill() {
  if (fd_ < 0) fd_ = CreateTemporaryFile();
  if (fd_ < 0) {
    file_failed_ = true;
    return;
  }
  std::size_t done = 0;
  while (done < memory_.size()) {
    ssize_t n = ::pwrite(fd_, memory_.data() + done, memory_.size() - done,
                         static_cast<off_t>(on_disk_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {  // the disk is full: what was written stays, the rest stays in memory
      file_failed_ = true;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  on_disk_ += done;
  memory_.erase(0, done);
}

void SpillFile::Clear() {
  memory_.clear();
  on_disk_ = 0;
  if (fd_ >= 0 && ::ftruncate(fd_, 0) != 0) file_failed_ = true;
}

std::string SpillFile::Read(std::uint64_t offset, std::uint64_t size,
                            const std::function<void(std::string_view)>& out) const {
  // Pieces of at most the memory limit, so that callers that parse what
  // they read (SARIF placeholders) meet pieces that split anything.
  const std::size_t piece = std::clamp<std::size_t>(limit_, 1, std::size_t{1} << 16);
  std::uint64_t end = offset + size;
  if (offset < on_disk_) {
    std::vector<char> buffer(static_cast<std::size_t>(std::min<std::uint64_t>(piece, size)));
    while (offset < std::min(end, on_disk_)) {
      std::size_t want = static_cast<std::size_t>(
          std::min<std::uint64_t>(buffer.size(), std::min(end, on_disk_) - offset));
      ssize_t n = ::pread(fd_, buffer.data(), want, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return std::strerror(errno);
      if (n == 0) return "the temporary file is shorter than what was written to it";
      out(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
      offset += static_cast<std::uint64_t>(n);
    }
  }
  while (offset < end) {
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(piece, end - offset));
    out(std::string_view(memory_).substr(static_cast<std::size_t>(offset - on_disk_), n));
    offset += n;
  }
  return {};
}

}  // namespace accord::runtime::internal
