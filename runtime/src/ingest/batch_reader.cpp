// BatchReader: lines to item batches, streaming. Consecutive lines with the
// same item key form one batch; a key that comes back after its item was
// handed out means the input is not grouped (REGROUP). Grouped reading is in
// grouped_reader.cpp.

#include "batch_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <limits>
#include <utility>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accord/runtime/internal/prefault.h"
#include "item_key.h"

namespace accord::runtime {
namespace {

/// Lines are indexed with 32-bit sizes.
constexpr std::size_t kLargestLineLimit = std::numeric_limits<std::uint32_t>::max() - 2;

IngestOptions Clamped(IngestOptions options) {
  options.max_line_bytes = std::min(options.max_line_bytes, kLargestLineLimit);
  return options;
}

/// Whether `line` starts with `prefix` (at least 8 bytes, at most the line).
inline bool StartsWith(std::string_view line, const std::string& prefix) {
  const std::size_t n = prefix.size();
  const char* a = line.data();
  const char* b = prefix.data();
  std::uint64_t x;
  std::uint64_t y;
  std::size_t i = 0;
  for (; i + 8 < n; i += 8) {
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a + n - 8, 8);  // the last 8 bytes, overlapping
  std::memcpy(&y, b + n - 8, 8);
  return x == y;
}

}  // namespace

namespace internal {

bool HashSet::Insert(std::uint64_t hash) {
  hash |= hash == 0;  // 0 marks an empty slot
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<std::uint64_t> old = std::exchange(slots_, {});
    slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), 0);
    size_ = 0;
    for (std::uint64_t h : old) {
      if (h != 0) Insert(h);
    }
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Home(hash);; i = (i + 1) & mask) {
    if (slots_[i] == hash) return false;
    if (slots_[i] == 0) {
      slots_[i] = hash;
      ++size_;
      return true;
    }
  }
}

std::string BytePool::Take() {
  std::lock_guard lock(mutex_);
  if (free_.empty()) return {};
  std::string bytes = std::move(free_.back());
  free_.pop_back();
  bytes.clear();
  return bytes;
}

BatchBytes BytePool::Share(std::string bytes, std::size_t size) {
  std::shared_ptr<std::string> owned(new std::string(std::move(bytes)),
                                     [pool = shared_from_this()](std::string* s) { pool->Give(s); });
  const char* data = owned->data();
  return BatchBytes(std::move(owned), data, size);
}

void BytePool::Give(std::string* bytes) noexcept {
  {
    std::lock_guard lock(mutex_);
    if (free_.size() < kKeep) free_.push_back(std::move(*bytes));  // reserved: does not throw
  }
  delete bytes;
}

std::vector<ItemBatch::Line> LineTables::Take(std::size_t lines) {
  std::vector<ItemBatch::Line> table;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      table = std::move(free_.back());
      free_.pop_back();
      kept_bytes_ -= Bytes(table);
    }
  }
  table.clear();
  ReservePrefaulted(table, lines + lines / 4);  // items tend to be alike, give or take
  return table;
}

void LineTables::Give(std::vector<ItemBatch::Line> table) {
  std::lock_guard lock(mutex_);
  if (free_.size() < kKeep && kept_bytes_ + Bytes(table) <= kKeepBytes) {
    kept_bytes_ += Bytes(table);
    free_.push_back(std::move(table));  // reserved: does not throw
  }
}

}  // namespace internal

BatchReader::Impl::Impl(const Bundle& bundle, std::vector<std::string> names, IngestOptions opts,
                        bool group)
    : parser(bundle),
      options(Clamped(opts)),
      grouped(group),
      shown(names),
      reader(options.max_line_bytes) {
  inputs.resize(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    inputs[i].name = std::move(names[i]);
    // A spool named by an earlier reader (Inputs() after REGROUP).
    inputs[i].spool = internal::AdoptSpool(inputs[i].name);
    inputs[i].adopted = inputs[i].spool != nullptr;
  }
}

BatchReader::Impl::~Impl() {
  for (internal::Input& input : inputs) {
    if (input.owns_fd) ::close(input.fd);
  }
}

void BatchReader::Impl::AddError(std::uint32_t file, std::uint64_t line, std::string reason) {
  errors.push_back({file, line, std::move(reason)});
}

std::string BatchReader::Impl::CannotRead(std::uint32_t file, int error) const {
  const internal::Input& input = inputs[file];
  const std::string& original = input.spool ? input.spool->original : input.name;
  return fmt::format("cannot read {}: {}", internal::DisplayName(original), std::strerror(error));
}

bool BatchReader::Impl::Open(std::uint32_t file) {
  internal::Input& input = inputs[file];
  if (input.adopted) {
    if (!input.spool->failure.empty() || !input.spool->complete) {
      AddError(file, 0,
               fmt::format("cannot read {} again to group it by item: {}",
                           internal::DisplayName(input.spool->original),
                           input.spool->failure.empty() ? "it was not read to the end"
                                                        : input.spool->failure));
      return false;
    }
    input.fd = input.spool->fd;
    input.positional = true;
    return true;
  }
  if (input.name == "-") {
    input.fd = STDIN_FILENO;
  } else {
    input.fd = ::open(input.name.c_str(), O_RDONLY | O_CLOEXEC);
    if (input.fd < 0) {
      AddError(file, 0, CannotRead(file, errno));
      return false;
    }
    input.owns_fd = true;
  }
  struct stat st {};
  if (::fstat(input.fd, &st) != 0) {
    AddError(file, 0, CannotRead(file, errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    AddError(file, 0, CannotRead(file, EISDIR));
    return false;
  }
  if (input.name != "-" && S_ISREG(st.st_mode)) {
    input.positional = true;
    return true;
  }
  // stdin, a pipe or a device: copied to a spool while it is read.
  input.spool = internal::CreateSpool(input.name);
  shown[file] = input.spool->name;
  if (grouped && !input.spool->failure.empty()) {
    AddError(file, 0,
             fmt::format("cannot read {} to group it by item: {}",
                         internal::DisplayName(input.name), input.spool->failure));
    return false;
  }
  return true;
}

void BatchReader::Impl::FinishInput() {
  lines_done += reader.Lines();
  bytes_done += reader.Bytes();
  internal::Input& input = inputs[current];
  if (!grouped && input.owns_fd) {
    ::close(input.fd);
    input.owns_fd = false;
  }
  if (grouped && input.spool && !input.adopted && !input.spool->failure.empty()) {
    // Its lines cannot be read back: report it once, skip them.
    AddError(current, 0,
             fmt::format("cannot read {} to group it by item: {}",
                         internal::DisplayName(input.name), input.spool->failure));
    input.unreadable = true;
  }
  reading = false;
  ++current;
}

bool BatchReader::Impl::NextKeyedLine(internal::LineReader::Line& line, bool& repeated) {
  using Kind = internal::LineReader::Kind;
  for (;;) {
    if (!reading) {
      if (current >= inputs.size()) return false;
      if (!Open(current)) {
        inputs[current].unreadable = true;
        ++current;
        continue;
      }
      const internal::Input& input = inputs[current];
      reader.Start(input.fd, input.positional, input.positional ? nullptr : input.spool.get());
      reading = true;
    }
    switch (reader.Next(line)) {
      case Kind::LINE:
        break;
      case Kind::BLANK:
        continue;
      case Kind::TOO_LONG:
        AddError(current, line.number,
                 fmt::format("line is {} bytes, over the limit of {} bytes", line.size,
                             options.max_line_bytes));
        continue;
      case Kind::FAILED:
        AddError(current, 0, CannotRead(current, reader.Error()));
        FinishInput();
        continue;
      case Kind::END:
        FinishInput();
        continue;
    }
    // Most lines repeat the previous line's `{"item":"key"`.
    repeated = !key_prefix.empty() && line.text.size() >= key_prefix.size() &&
               StartsWith(line.text, key_prefix);
    if (repeated) return true;
    std::string_view fast;
    std::size_t fast_prefix = 0;
    if (internal::FastItemKey(line.text, fast, fast_prefix)) {
      key.assign(fast);
      key_prefix.assign(line.text.data(), fast_prefix);
      return true;
    }
    if (std::string reason = parser.ItemKey(line.text, key); !reason.empty()) {
      AddError(current, line.number, std::move(reason));
      continue;  // `key` is unchanged
    }
    key_prefix.clear();
    return true;
  }
}

void BatchReader::Impl::StartRegroup() {
  regroup = true;
  if (reading) {
    internal::Input& input = inputs[current];
    if (input.spool && !input.positional) {
      reader.Drain();
      if (reader.Error() != 0 && input.spool->failure.empty()) {
        input.spool->failure =
            fmt::format("cannot read it to the end: {}", std::strerror(reader.Error()));
      }
    }
  }
  // The grouped reader may be built after this one is gone.
  for (const internal::Input& input : inputs) {
    if (input.spool && !input.adopted) internal::ExportSpool(input.spool);
  }
}

void BatchReader::Impl::AddPending(const internal::LineReader::Line& line) {
  const char* text = line.text.data();
  const std::size_t size = line.text.size();
  // A buffer is not written while `view` holds it: offsets in it are stable.
  if (pending.lines.empty() || reader.Buffer() != view) {
    if (!pending.lines.empty()) CloseSegment();
    view = reader.Buffer();
    view_begin = text;
  }
  const auto offset = static_cast<std::size_t>(text - view_begin);
  view_size = offset + size;
  // A table growing past its capacity would fault in page by page.
  internal::PushBackPrefaulted(pending.lines, {offset, size, line.number, current,
                                               static_cast<std::uint32_t>(pending.segments.size())});
}

void BatchReader::Impl::CloseSegment() {
  // Other lines, line ends or the buffer's padding follow each line.
  pending.segments.emplace_back(std::move(view), view_begin, view_size);
  view.reset();
}

void BatchReader::Impl::HandOut(ItemBatch& batch) {
  CloseSegment();
  const std::size_t count = pending.lines.size();
  std::swap(batch, pending);
  pending.segments.clear();
  pending.lines = tables.Take(count);  // items tend to be alike
}

BatchReader::Status BatchReader::Impl::NextStreaming(ItemBatch& batch) {
  internal::LineReader::Line line;
  bool repeated = false;
  for (;;) {
    if (!NextKeyedLine(line, repeated)) {
      if (pending.lines.empty()) return Status::END;
      HandOut(batch);
      return Status::ITEM;
    }
    const bool same = !pending.lines.empty() && (repeated || key == pending.key);
    bool emitted = false;
    if (!same) {
      // The slot is likely a cache miss: hand the last item out meanwhile
      // (on REGROUP the caller discards it with everything else).
      const std::uint64_t hash = std::hash<std::string_view>{}(key);
      started.Prefetch(hash);
      if (!pending.lines.empty()) {
        HandOut(batch);
        emitted = true;
      }
      if (!started.Insert(hash)) {
        // Seen before (or a hash collision, which only costs a regroup).
        StartRegroup();
        return Status::REGROUP;
      }
      pending.key = key;
      pending.sequence = next_sequence++;
    }
    AddPending(line);
    if (emitted) return Status::ITEM;
  }
}

BatchReader::BatchReader(const Bundle& bundle, std::vector<std::string> inputs,
                         IngestOptions options, bool grouped)
    : impl_(std::make_unique<Impl>(bundle, std::move(inputs), options, grouped)) {}

BatchReader::~BatchReader() = default;

BatchReader::Status BatchReader::Next(ItemBatch& batch) {
  if (impl_->regroup) return Status::REGROUP;
  return impl_->grouped ? impl_->NextGrouped(batch) : impl_->NextStreaming(batch);
}

void BatchReader::Recycle(ItemBatch&& batch) {
  batch.segments.clear();
  impl_->tables.Give(std::move(batch.lines));
}

std::vector<InputError> BatchReader::TakeErrors() { return std::exchange(impl_->errors, {}); }

const std::vector<std::string>& BatchReader::Inputs() const { return impl_->shown; }

std::uint64_t BatchReader::LinesRead() const {
  return impl_->lines_done + (impl_->reading ? impl_->reader.Lines() : 0);
}

std::uint64_t BatchReader::BytesRead() const {
  return impl_->bytes_done + (impl_->reading ? impl_->reader.Bytes() : 0);
}

}  // namespace accord::runtime
