// bench_spawn: runs one command and reports its wall time and peak memory,
// as /usr/bin/time does but with a clock in nanoseconds (GNU time prints
// centiseconds) and with nothing else in between (bench/run used to wrap each
// run in bash, `ulimit`, time and timeout, whose start-up, about 12 ms here,
// counted as the tool's).
//
//   bench_spawn REPORT TIMEOUT_S MEM_KB COMMAND [ARG...]
//
// Runs COMMAND (looked up in PATH) with this process's stdin, stdout and
// stderr, an address-space limit of MEM_KB KiB (0: none), killed after
// TIMEOUT_S seconds (0: never). Writes one line to REPORT:
//   <exit code or -signal> <wall seconds> <peak RSS KiB> <1 if it timed out, else 0>
// The wall time runs from just before the fork to the end of wait4; the peak
// RSS is wait4's (COMMAND and the processes it waited for). Exits 0 once the
// report is written, 2 when it cannot run COMMAND or write REPORT.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

volatile sig_atomic_t g_timed_out = 0;
pid_t g_child = 0;

void OnAlarm(int) {
  g_timed_out = 1;
  if (g_child > 0) kill(g_child, SIGKILL);
}

double Now() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: bench_spawn REPORT TIMEOUT_S MEM_KB COMMAND [ARG...]\n");
    return 2;
  }
  const char* report = argv[1];
  const unsigned timeout = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
  const unsigned long long mem_kb = std::strtoull(argv[3], nullptr, 10);
  char** command = argv + 4;

  const double start = Now();
  g_child = fork();
  if (g_child < 0) {
    std::fprintf(stderr, "bench_spawn: fork: %s\n", std::strerror(errno));
    return 2;
  }
  if (g_child == 0) {
    if (mem_kb > 0) {
      const rlimit limit{mem_kb * 1024, mem_kb * 1024};
      setrlimit(RLIMIT_AS, &limit);
    }
    execvp(command[0], command);
    std::fprintf(stderr, "bench_spawn: cannot run %s: %s\n", command[0], std::strerror(errno));
    _exit(127);
  }
  struct sigaction action {};
  action.sa_handler = OnAlarm;
  sigaction(SIGALRM, &action, nullptr);
  if (timeout > 0) alarm(timeout);
  int status = 0;
  rusage usage{};
  while (wait4(g_child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "bench_spawn: wait4: %s\n", std::strerror(errno));
      return 2;
    }
  }
  const double wall = Now() - start;
  alarm(0);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  std::FILE* out = std::fopen(report, "w");
  if (!out) {
    std::fprintf(stderr, "bench_spawn: cannot write %s: %s\n", report, std::strerror(errno));
    return 2;
  }
  std::fprintf(out, "%d %.6f %ld %d\n", code, wall, usage.ru_maxrss, g_timed_out ? 1 : 0);
  return std::fclose(out) == 0 ? 0 : 2;
}
