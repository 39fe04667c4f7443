#pragma once
// Faulting memory in ahead of writing it, in one system call. A process's
// first write to a 4 KiB page costs a page fault each (about 12 us in the KVM
// guest of bench/RESULTS.md); MADV_POPULATE_WRITE maps a whole range at once
// for about 1 us a page (in that guest the first write still costs an exit to
// the host, 6 us, which is why the accord command also serves its heap from
// huge pages: cli/main.cpp). Used where the runtime is about to write memory
// it has not written before: read buffers, an item's records and arena
// blocks, line tables, join indexes. Only a hint: where the call is
// unsupported (Linux before 5.14, other systems) the pages fault in as they
// are written, as before.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace accord::runtime::internal {

/// Below this, one system call costs about what the faults it saves do.
inline constexpr std::size_t kPrefaultMinBytes = std::size_t{16} << 10;

/// Maps the whole pages within [p, p + bytes) for writing, now.
inline void PrefaultForWrite(const void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  if (bytes < kPrefaultMinBytes) return;
  constexpr std::uintptr_t kPage = 4096;
  const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kPage - 1);
  if (end > begin) {
    // Its result does not matter: memory it could not map faults in later.
    (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
  }
#else
  (void)p;
  (void)bytes;
#endif
}

/// Room for `n` elements in `v` (growing by half its capacity at least, as
/// items grow one after another); when that takes new memory, all of it is
/// faulted in at once: the vector is reused item after item, and a later,
/// larger item would otherwise fault in the rest page by page.
template <class T>
void ReservePrefaulted(std::vector<T>& v, std::size_t n) {
  if (v.capacity() >= n) return;
  const std::size_t capacity = std::max(n, v.capacity() + v.capacity() / 2);
  // An empty vector lets its memory go first: the old and the new block are
  // not held at once (for the largest items, the run's peak).
  if (v.empty()) std::vector<T>().swap(v);
  std::vector<T> bigger;
  bigger.reserve(capacity);
  // Before the elements move in, or they would fault it in page by page.
  PrefaultForWrite(bigger.data(), bigger.capacity() * sizeof(T));
  bigger.insert(bigger.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(bigger);
}

/// v.push_back(x), faulting new memory in at once.
template <class T>
void PushBackPrefaulted(std::vector<T>& v, const T& x) {
  if (v.size() == v.capacity()) ReservePrefaulted(v, std::max<std::size_t>(64, v.size() + 1));
  v.push_back(x);
}

/// v.resize(n), faulting new memory in at once.
template <class T>
void ResizePrefaulted(std::vector<T>& v, std::size_t n) {
  ReservePrefaulted(v, n);
  v.resize(n);
}

}  // namespace accord::runtime::internal
