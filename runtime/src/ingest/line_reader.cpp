#include "line_reader.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <unistd.h>

#include "accord/runtime/ingest.h"
#include "accord/runtime/internal/prefault.h"
#include "spool.h"
#include "text.h"

namespace accord::runtime::internal {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 17;  // bytes per read
constexpr std::size_t kMaxSpares = 32;  // buffers kept for reuse (items in flight may hold many)

/// Not zeroed: every read is followed by zeroing the padding after it, so
/// only bytes read or zeroed are ever looked at. Faulted in at once, as reads
/// will fill it.
std::shared_ptr<char[]> NewBuffer(std::size_t capacity) {
  auto buffer = std::make_shared_for_overwrite<char[]>(capacity + kJsonPadding);
  PrefaultForWrite(buffer.get(), capacity + kJsonPadding);
  return buffer;
}

}  // namespace

LineReader::LineReader(std::size_t max_line_bytes) : max_line_(max_line_bytes) {}

void LineReader::Start(int fd, bool positional, Spool* spool) {
  if (!buffer_) {
    // Room for a chunk plus a partial line; grown when a longer line needs it.
    capacity_ = kChunk + std::min(max_line_ + 2, kChunk);
    buffer_ = NewBuffer(capacity_);
  }
  Unshare(0, 0);  // lines of the previous input may be held
  std::memset(buffer_.get(), 0, kJsonPadding);
  fd_ = fd;
  positional_ = positional;
  spool_ = spool;
  begin_ = end_ = 0;
  buffer_offset_ = read_offset_ = 0;
  eof_ = false;
  bom_checked_ = false;
  error_ = 0;
  number_ = 0;
  bytes_ = 0;
  skipping_ = false;
}

void LineReader::Unshare(std::size_t from, std::size_t keep) {
  // use_count() is a relaxed load; the fence orders the last holder's reads
  // (its release of the count) before the writes to come.
  if (buffer_.use_count() == 1) {
    std::atomic_thread_fence(std::memory_order_acquire);
    if (keep > 0 && from > 0) std::memmove(buffer_.get(), buffer_.get() + from, keep);
    return;
  }
  std::shared_ptr<char[]> next;
  for (std::shared_ptr<char[]>& spare : spares_) {
    if (spare.use_count() == 1) {
      std::atomic_thread_fence(std::memory_order_acquire);
      next = std::move(spare);
      spare = buffer_;  // kept for later, once its holders are done
      break;
    }
  }
  if (!next) {
    next = NewBuffer(capacity_);
    if (spares_.size() < kMaxSpares) spares_.push_back(buffer_);
  }
  if (keep > 0) std::memcpy(next.get(), buffer_.get() + from, keep);
  buffer_ = std::move(next);
}

bool LineReader::Refill() {
  if (eof_ || error_ != 0) return false;
  if (begin_ > 0) {  // keep only the partial line
    Unshare(begin_, end_ - begin_);
    buffer_offset_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // a partial line fills the buffer: it may still be within the limit
    const std::size_t grown = std::min(capacity_ * 2, max_line_ + 2 + kChunk);
    std::shared_ptr<char[]> bigger = NewBuffer(grown);
    std::memcpy(bigger.get(), buffer_.get(), end_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
    spares_.clear();  // smaller: not reused
  }
  for (;;) {
    const std::size_t room = capacity_ - end_;
    const ssize_t n =
        positional_ ? ::pread(fd_, buffer_.get() + end_, room, static_cast<off_t>(read_offset_))
                    : ::read(fd_, buffer_.get() + end_, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    if (n == 0) {
      eof_ = true;
      if (spool_) spool_->complete = spool_->failure.empty();
      std::memset(buffer_.get() + end_, 0, kJsonPadding);  // a partial line may have moved
      return false;
    }
    if (spool_) spool_->Write(buffer_.get() + end_, static_cast<std::size_t>(n));
    end_ += static_cast<std::size_t>(n);
    read_offset_ += static_cast<std::uint64_t>(n);
    bytes_ += static_cast<std::uint64_t>(n);
    std::memset(buffer_.get() + end_, 0, kJsonPadding);
    return true;
  }
}

void LineReader::Drain() {
  if (!spool_) return;
  while (!eof_ && error_ == 0) {
    begin_ = end_;  // nothing buffered is needed any more
    Refill();
  }
}

LineReader::Kind LineReader::Finish(std::size_t begin, std::size_t end, Line& line) {
  line.number = ++number_;
  if (end > begin && buffer_[end - 1] == '\r') --end;
  line.offset = buffer_offset_ + begin;
  line.size = end - begin;
  line.text = std::string_view(buffer_.get() + begin, end - begin);
  if (line.size > max_line_) return Kind::TOO_LONG;
  return IsBlank(line.text) ? Kind::BLANK : Kind::LINE;
}

LineReader::Kind LineReader::Next(Line& line) {
  if (!bom_checked_) {
    while (end_ - begin_ < 3 && Refill()) {
    }
    if (end_ - begin_ >= 3 && std::memcmp(buffer_.get() + begin_, "\xEF\xBB\xBF", 3) == 0) {
      begin_ += 3;
    }
    bom_checked_ = true;
  }
  for (;;) {
    char* data = buffer_.get();
    if (skipping_) {
      auto* nl = static_cast<char*>(std::memchr(data + begin_, '\n', end_ - begin_));
      const std::size_t stop = nl ? static_cast<std::size_t>(nl - data) : end_;
      skip_size_ += stop - begin_;
      if (stop > begin_) skip_last_ = data[stop - 1];
      begin_ = nl ? stop + 1 : end_;
      if (nl || !Refill()) {
        skipping_ = false;
        line.number = number_;
        line.offset = skip_offset_;
        line.size = skip_size_ - (skip_last_ == '\r' ? 1 : 0);
        line.text = {};
        if (!nl && error_ != 0) return Kind::FAILED;
        return Kind::TOO_LONG;
      }
      continue;
    }
    auto* nl = static_cast<char*>(std::memchr(data + begin_, '\n', end_ - begin_));
    if (nl) {
      const std::size_t begin = begin_;
      const auto end = static_cast<std::size_t>(nl - data);
      begin_ = end + 1;
      return Finish(begin, end, line);
    }
    if (end_ - begin_ > max_line_ + 1) {  // over the limit whatever its end: skip it
      skipping_ = true;
      ++number_;
      skip_offset_ = buffer_offset_ + begin_;
      skip_size_ = end_ - begin_;
      skip_last_ = data[end_ - 1];
      begin_ = end_;
      continue;
    }
    if (Refill()) continue;
    if (error_ != 0) return Kind::FAILED;
    if (begin_ < end_) {  // the last line has no line end
      const std::size_t begin = begin_;
      begin_ = end_;
      return Finish(begin, end_, line);
    }
    return Kind::END;
  }
}

}  // namespace accord::runtime::internal
