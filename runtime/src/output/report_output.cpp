// ReportOutput: a report's bytes on their way to a file descriptor or a
// stream, written in place where they can be taken back (a regular file),
// held back until the run is final everywhere else.

#include <cerrno>
#include <cstring>
#include <ostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accord/runtime/report.h"
#include "spill.h"

namespace accord::runtime {
namespace {

/// Bytes gathered before a write reaches the file descriptor or stream.
constexpr std::size_t kWriteBuffer = std::size_t{1} << 16;

}  // namespace

struct ReportOutput::Impl {
  int fd = -1;
  std::ostream* stream = nullptr;
  bool in_place = false;  ///< a regular file, truncated back to `base` on Discard
  off_t base = 0;
  bool committed = false;
  std::size_t limit;         ///< bytes held in memory before spilling
  internal::SpillFile held;  ///< until Commit, when not in place
  std::string buffer;        ///< in place, or after Commit
  std::string error;         ///< the first write error

  explicit Impl(std::size_t hold_in_memory) : limit(hold_in_memory), held(hold_in_memory) {}

  /// Writes `bytes` to the destination now; remembers the first error.
  void Emit(std::string_view bytes) {
    if (!error.empty()) return;
    if (stream != nullptr) {
      stream->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!*stream) error = "the stream failed";
      return;
    }
    while (!bytes.empty()) {
      ssize_t n = ::write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = std::strerror(errno);
        return;
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  void Flush() {
    Emit(buffer);
    buffer.clear();
  }

  void Commit() {
    if (committed) return;
    committed = true;
    if (in_place) return;
    std::string failure =
        held.Read(0, held.Size(), [this](std::string_view piece) { Emit(piece); });
    if (!failure.empty() && error.empty()) error = "cannot read the report back: " + failure;
    held.Clear();
  }
};

ReportOutput::ReportOutput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReportOutput::~ReportOutput() = default;

std::unique_ptr<ReportOutput> ReportOutput::ToFd(int fd, std::size_t hold_in_memory) {
  auto impl = std::make_unique<Impl>(hold_in_memory);
  impl->fd = fd;
  struct stat st {};
  int flags = ::fcntl(fd, F_GETFL);
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flags >= 0 && (flags & O_APPEND) == 0) {
    off_t offset = ::lseek(fd, 0, SEEK_CUR);
    if (offset >= 0) {
      impl->in_place = true;
      impl->base = offset;
    }
  }
  return std::unique_ptr<ReportOutput>(new ReportOutput(std::move(impl)));
}

std::unique_ptr<ReportOutput> ReportOutput::ToStream(std::ostream& out,
                                                     std::size_t hold_in_memory) {
  auto impl = std::make_unique<Impl>(hold_in_memory);
  impl->stream = &out;
  return std::unique_ptr<ReportOutput>(new ReportOutput(std::move(impl)));
}

void ReportOutput::Write(std::string_view bytes) {
  Impl& o = *impl_;
  if (!o.committed && !o.in_place) {
    o.held.Append(bytes);
    return;
  }
  if (o.buffer.size() + bytes.size() > kWriteBuffer) {
    o.Flush();
    if (bytes.size() >= kWriteBuffer) {
      o.Emit(bytes);
      return;
    }
  }
  o.buffer.append(bytes);
}

void ReportOutput::Discard() {
  Impl& o = *impl_;
  if (o.committed) return;
  if (!o.in_place) {
    o.held.Clear();
    return;
  }
  o.buffer.clear();
  if (!o.error.empty()) return;
  if (::ftruncate(o.fd, o.base) != 0 || ::lseek(o.fd, o.base, SEEK_SET) < 0) {
    o.error = std::strerror(errno);
  }
}

void ReportOutput::Commit() { impl_->Commit(); }

std::string ReportOutput::Close() {
  impl_->Commit();
  impl_->Flush();
  if (impl_->stream != nullptr && impl_->error.empty()) {
    impl_->stream->flush();
    if (!*impl_->stream) impl_->error = "the stream failed";
  }
  return impl_->error;
}

void ReportOutput::Fail(std::string_view reason) {
  if (impl_->error.empty()) impl_->error = reason;
}

bool ReportOutput::HoldsBack() const { return !impl_->in_place && !impl_->committed; }

std::size_t ReportOutput::MemoryLimit() const { return impl_->limit; }

}  // namespace accord::runtime
