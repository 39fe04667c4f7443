// BatchReader, grouped: a first pass indexes every line by item key (input,
// offset, size, line number), in order of first appearance; then each item's
// lines are read back with pread, nearby lines in one read. Memory: the
// index plus the largest item.

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <unistd.h>

#include "batch_reader.h"

namespace accord::runtime {
namespace {

constexpr std::uint32_t kEnd = ~std::uint32_t{0};
constexpr std::uint64_t kMaxGap = 4096;                    // bytes of other lines read through
constexpr std::uint64_t kMaxRun = std::uint64_t{1} << 20;  // bytes per read

/// Reads exactly `size` bytes at `offset`: 0, errno, or -1 when the input
/// is shorter than that.
int ReadAt(int fd, char* out, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return -1;
    out += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return 0;
}

}  // namespace

void BatchReader::Impl::BuildIndex() {
  internal::LineReader::Line line;
  bool repeated = false;
  std::uint32_t last = kEnd;  // the item of the last keyed line
  while (NextKeyedLine(line, repeated)) {
    const auto at = static_cast<std::uint32_t>(locations.size());
    locations.push_back({line.offset, line.number, static_cast<std::uint32_t>(line.size), current});
    if (!repeated || last == kEnd) {
      auto it = index.find(key);
      if (it == index.end()) {
        keys.push_back(key);
        last = static_cast<std::uint32_t>(items.size());
        index.emplace(keys.back(), last);
        items.push_back({at, at});
        continue;
      }
      last = it->second;
    }
    internal::IndexedItem& item = items[last];
    locations[item.last].next = at;
    item.last = at;
    ++item.lines;
  }
  indexed = true;
}

std::uint32_t BatchReader::Impl::ReadRun(std::uint32_t at, ItemBatch& batch) {
  const internal::LineLocation& first = locations[at];
  const std::uint64_t begin = first.offset;
  std::uint64_t end = first.offset + first.size;
  std::uint32_t after = first.next;
  while (after != kEnd) {
    const internal::LineLocation& next = locations[after];
    if (next.file != first.file || next.offset < end || next.offset - end > kMaxGap ||
        next.offset + next.size - begin > kMaxRun) {
      break;
    }
    end = next.offset + next.size;
    after = next.next;
  }
  const internal::Input& input = inputs[first.file];
  if (input.unreadable) return after;
  const int fd = input.spool ? input.spool->fd : input.fd;
  std::string& bytes = run_bytes;
  const std::size_t base = bytes.size();
  bytes.resize(base + (end - begin));
  if (int error = ReadAt(fd, bytes.data() + base, end - begin, begin); error != 0) {
    bytes.resize(base);
    const std::string& original = input.spool ? input.spool->original : input.name;
    AddError(first.file, 0,
             error > 0 ? CannotRead(first.file, error)
                       : fmt::format("cannot read {} again: it changed while it was read",
                                     internal::DisplayName(original)));
    return after;
  }
  // Keep only the item's lines, back to back.
  std::size_t out = base;
  for (std::uint32_t k = at; k != after; k = locations[k].next) {
    const internal::LineLocation& loc = locations[k];
    std::memmove(bytes.data() + out, bytes.data() + base + (loc.offset - begin), loc.size);
    batch.lines.push_back({out, loc.size, loc.number, loc.file, 0});
    out += loc.size;
  }
  bytes.resize(out);
  return after;
}

BatchReader::Status BatchReader::Impl::NextGrouped(ItemBatch& batch) {
  if (!indexed) BuildIndex();
  while (next_item < items.size()) {
    const std::uint32_t i = next_item++;
    batch.key = keys[i];
    batch.sequence = i;
    batch.segments.clear();
    batch.lines = tables.Take(items[i].lines);
    run_bytes = pool->Take();
    for (std::uint32_t at = items[i].first; at != kEnd;) at = ReadRun(at, batch);
    if (batch.lines.empty()) continue;  // every read failed; reported
    const std::size_t size = run_bytes.size();
    run_bytes.append(kJsonPadding, '\0');
    batch.segments.push_back(pool->Share(std::move(run_bytes), size));
    run_bytes = std::string();
    return Status::ITEM;
  }
  return Status::END;
}

}  // namespace accord::runtime
