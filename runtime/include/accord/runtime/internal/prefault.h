#pragma once
// Faulting memory in ahead of writing it, in one system call. A process's
// first write to a page costs a page fault each (about 11 us per 4 KiB page
// in the KVM guest of bench/RESULTS.md, 6 of them in the guest's fault path);
// MADV_POPULATE_WRITE maps a whole range at once for about 1 us a page. Used
// where the runtime is about to write megabytes it has not written before:
// read buffers, an item's records, line tables, join indexes. Only a hint:
// where the call is unsupported (Linux before 5.14, other systems) the pages
// fault in as they are written, as before.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace accord::runtime::internal {

/// Below this, one system call costs more than the faults it saves.
inline constexpr std::size_t kPrefaultMinBytes = std::size_t{64} << 10;

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
/// items grow one after another); when that takes new memory, the first
/// `used` elements' bytes (those about to be written) are faulted in at once.
template <class T>
void ReservePrefaulted(std::vector<T>& v, std::size_t n, std::size_t used) {
  if (v.capacity() >= n) return;
  v.reserve(std::max(n, v.capacity() + v.capacity() / 2));
  PrefaultForWrite(v.data(), used * sizeof(T));
}

/// v.resize(n), faulting new memory in at once.
template <class T>
void ResizePrefaulted(std::vector<T>& v, std::size_t n) {
  ReservePrefaulted(v, n, n);
  v.resize(n);
}

}  // namespace accord::runtime::internal
