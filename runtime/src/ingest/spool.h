#pragma once
// Spools: inputs that cannot be read twice (stdin, pipes) are copied to a
// temporary file as they are read, so a reader built after REGROUP can read
// them again. The file is created in $TMPDIR (else /tmp) and unlinked at
// once: it disappears when the last reader holding it is gone, even after a
// crash. Its name stays registered in this process while a reader holds it,
// which is how a new BatchReader given that name finds it. At REGROUP the
// reader exports its spools: the registry keeps them alive, even after that
// reader is gone, until a new reader adopts them.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace accord::runtime::internal {

struct Spool {
  std::string name;      ///< the temporary file's path (unlinked; a key, not a file)
  std::string original;  ///< what the user named: "-" or a path
  int fd = -1;           ///< read-write; written sequentially, read with pread
  std::uint64_t size = 0;
  bool complete = false;  ///< the whole input is in the spool
  std::string failure;    ///< why the spool is unusable ("" while it works)

  Spool() = default;
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  /// Appends `data`; on failure records it in `failure` and stops spooling.
  void Write(const char* data, std::size_t size);
};

/// A new, registered spool for `original`. When no temporary file can be
/// created it has fd -1 and `failure` says why, so that a reader given its
/// name reports that instead of reading nothing.
std::shared_ptr<Spool> CreateSpool(std::string original);

/// Keeps `spool` alive until a reader adopts it with AdoptSpool.
void ExportSpool(const std::shared_ptr<Spool>& spool);

/// The live spool registered under `name` (taking it over if exported), or null.
std::shared_ptr<Spool> AdoptSpool(std::string_view name);

/// How an input is named in messages: "standard input" or "`path`".
std::string DisplayName(std::string_view original);

}  // namespace accord::runtime::internal
