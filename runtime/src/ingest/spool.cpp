#include "spool.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "text.h"

namespace accord::runtime::internal {
namespace {

std::mutex& RegistryMutex() {
  static std::mutex mutex;
  return mutex;
}

struct Entry {
  std::weak_ptr<Spool> spool;
  std::shared_ptr<Spool> exported;  ///< set from ExportSpool until adopted
};

std::map<std::string, Entry, std::less<>>& Registry() {
  static std::map<std::string, Entry, std::less<>> registry;
  return registry;
}

}  // namespace

Spool::~Spool() {
  if (fd >= 0) ::close(fd);
}

void Spool::Write(const char* data, std::size_t n) {
  if (!failure.empty()) return;
  while (n > 0) {
    const ssize_t written = ::write(fd, data, n);
    if (written < 0) {
      if (errno == EINTR) continue;
      failure = std::string("cannot write its temporary copy: ") + std::strerror(errno);
      return;
    }
    data += written;
    n -= static_cast<std::size_t>(written);
    size += static_cast<std::uint64_t>(written);
  }
}

std::shared_ptr<Spool> CreateSpool(std::string original) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern =
      (dir && *dir ? std::string(dir) : std::string("/tmp")) + "/accord-spool-XXXXXX";
  std::lock_guard<std::mutex> lock(RegistryMutex());
  auto& registry = Registry();
  for (auto it = registry.begin(); it != registry.end();) {
    it = it->second.spool.expired() ? registry.erase(it) : std::next(it);
  }
  auto spool = std::make_shared<Spool>();
  spool->original = std::move(original);
  for (int attempt = 0; attempt < 8 && spool->fd < 0; ++attempt) {
    std::vector<char> path(pattern.begin(), pattern.end());
    path.push_back('\0');
    const int fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd < 0) {
      spool->failure = fmt::format("cannot create a temporary file in `{}`: {}",
                                   pattern.substr(0, pattern.rfind('/')), std::strerror(errno));
      break;
    }
    ::unlink(path.data());
    if (registry.count(path.data()) > 0) {  // a name reused while its first spool lives
      ::close(fd);
      continue;
    }
    spool->name = path.data();
    spool->fd = fd;
  }
  if (spool->fd < 0) {
    static std::uint64_t failed = 0;
    spool->name = fmt::format("(unspooled input {})", ++failed);
    if (spool->failure.empty()) spool->failure = "cannot create a temporary file";
  }
  registry.emplace(spool->name, Entry{spool, nullptr});
  return spool;
}

void ExportSpool(const std::shared_ptr<Spool>& spool) {
  std::lock_guard<std::mutex> lock(RegistryMutex());
  auto it = Registry().find(spool->name);
  if (it != Registry().end()) it->second.exported = spool;
}

std::shared_ptr<Spool> AdoptSpool(std::string_view name) {
  std::lock_guard<std::mutex> lock(RegistryMutex());
  auto& registry = Registry();
  auto it = registry.find(name);
  if (it == registry.end()) return nullptr;
  std::shared_ptr<Spool> spool = it->second.spool.lock();  // before releasing the export
  it->second.exported.reset();
  return spool;
}

std::string DisplayName(std::string_view original) {
  return original == "-" ? "standard input" : Code(original);
}

}  // namespace accord::runtime::internal
