// The accord command: thin subcommands over the compiler and runtime libraries.

#include <malloc.h>
#include <sys/mman.h>

#include <array>
#include <cstdint>
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "common.h"

namespace {

/// Keeps freed memory in the process: glibc otherwise maps large blocks
/// afresh for each allocation and trims its heaps as soon as they shrink, so
/// a run of large items faults in the same megabytes again and again, and a
/// first touch of a page is costly (12 us per 4 KiB page in the KVM guest of
/// bench/RESULTS.md).
/// Memory stays bounded by the largest items in flight either way.
void KeepFreedMemory() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 4 << 20);
#endif
}

/// Serves the heap from transparent huge pages. A process's first write to a
/// 4 KiB page costs a page fault, and in a virtual machine an exit to the host
/// as well (12 us a page in bench/RESULTS.md's guest, against 0.25 us per
/// 4 KiB of a 2 MiB huge page): for large items, where a run writes tens of
/// megabytes of records, text and indexes, that was a sixth of the time.
/// glibc asks for huge pages only when the environment says so
/// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), which a program cannot set for
/// itself; so the heap is grown here, once, by 120 MiB of address space
/// (nothing is written), which are marked for huge pages and handed back to
/// malloc, which keeps them (the trim threshold above) and serves later
/// allocations from them. One arena for all threads, so that the workers'
/// allocations come from there too. Only a hint: where the kernel has no
/// transparent huge pages, or they are off, pages are 4 KiB as before; memory
/// that is never written is never used.
void UseHugePages() {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  constexpr std::size_t kBlock = std::size_t{30} << 20;  // under the mmap threshold: from the heap
  constexpr int kBlocks = 4;
  mallopt(M_ARENA_MAX, 1);
  std::array<void*, kBlocks> blocks{};
  for (void*& block : blocks) block = std::malloc(kBlock);
  // Only if they are consecutive blocks from the top of the heap, one range
  // (not where brk failed and glibc mapped them elsewhere).
  bool heap = blocks.front() != nullptr;
  for (std::size_t i = 1; heap && i < blocks.size(); ++i) {
    const auto gap = reinterpret_cast<std::uintptr_t>(blocks[i]) -
                     reinterpret_cast<std::uintptr_t>(blocks[i - 1]);
    heap = blocks[i] != nullptr && gap >= kBlock && gap <= kBlock + 64;  // a chunk header apart
  }
  if (heap) {
    const std::uintptr_t begin =
        (reinterpret_cast<std::uintptr_t>(blocks.front()) + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(blocks.back()) + kBlock) & ~(kHuge - 1);
    if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) std::free(*it);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace accord::cli;
  KeepFreedMemory();
  UseHugePages();
  CLI::App app{"Accord: cross-modal annotation guidelines, compiled and checked", "accord"};
  app.set_version_flag("--version", Version());
  app.require_subcommand(1);
  std::vector<Command> commands = {RegisterCheck(app),   RegisterCompile(app), RegisterValidate(app),
                                  RegisterPlan(app),
                                  RegisterTest(app),    RegisterGraph(app),
                                  RegisterExplain(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return EXIT_USAGE;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return EXIT_USAGE;
}
