// Streaming reports: a report written batch by batch, with a tiny memory
// limit (so every held-back part goes through a temporary file) and after a
// restart, is byte for byte the report written in one go; ReportOutput
// writes regular files in place and takes bytes back, holds everything back
// for pipes and appending files, and SpillFile reads back what it was given.

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "accord/runtime/report.h"
#include "output_fixtures.h"
#include "spill.h"

namespace accord::runtime {
namespace {

using fixtures::Context;
using fixtures::HostileRun;
using fixtures::MakeWitness;
using fixtures::Run;
using fixtures::SetTime;

constexpr ReportFormat kFormats[] = {ReportFormat::TEXT, ReportFormat::JSONL, ReportFormat::SARIF,
                                     ReportFormat::JUNIT};

/// 400 items with findings of built-ins, listed rules and a rule the context
/// does not list, at every severity; long enough that a SARIF or JUnit
/// report is well past 64 KiB.
ValidationResult ManyItems() {
  ValidationResult result;
  Summary& s = result.summary;
  s.inputs = {"a.jsonl", "b.jsonl"};
  s.input_errors.push_back({0, 17, "missing required field `label`"});
  s.seconds = 1.5;
  for (std::uint64_t i = 0; i < 400; ++i) {
    std::string item = fmt::format("item-{:03}", i);
    auto add = [&](std::string rule, bool builtin, std::uint32_t order, Severity severity,
                   int witnesses) {
      Finding f;
      f.rule = std::move(rule);
      f.builtin = builtin;
      f.order = order;
      f.severity = severity;
      f.item = item;
      f.item_sequence = i;
      f.message = fmt::format("finding of {} on {} with a \"quoted\" <word> & more", f.rule, item);
      if (order % 2 == 1) f.guideline = "Playbook 1.2";
      for (int w = 0; w < witnesses; ++w) {
        f.witnesses.push_back(MakeWitness(fmt::format("r{}-{}", i, w), w ? "audio" : "video",
                                          "calm", "calm", "ann", w % 2,
                                          static_cast<std::uint64_t>(i * 10 + w + 1)));
        SetTime(f.witnesses.back(), static_cast<double>(w), w + 0.5);
      }
      f.fingerprint = fmt::format("{:016x}", i * 31 + order);
      result.findings.push_back(std::move(f));
    };
    if (i % 7 == 0) add("unknown_label", true, 1, Severity::ERROR, 1);
    if (i % 3 != 0) add("tone_mismatch", false, 5, Severity::ERROR, 2);
    if (i % 5 == 0) {
      add("calm_caption", false, 6, Severity::INFO, 1);
      add("calm_caption", false, 6, Severity::WARNING, 2);
    }
    if (i % 11 == 0) add("unlisted_rule", false, 9, Severity::WARNING, 1);
  }
  s.items = 400;
  return result;
}

/// Consecutive findings of one item.
std::vector<std::vector<Finding>> ByItem(const std::vector<Finding>& findings) {
  std::vector<std::vector<Finding>> items;
  for (const Finding& f : findings) {
    if (items.empty() || items.back().back().item_sequence != f.item_sequence) items.emplace_back();
    items.back().push_back(f);
  }
  return items;
}

/// `result` streamed item by item (every batch prepared before any is
/// consumed, as out-of-order workers may), after a false start of two items
/// that is taken back, into an output that spills past `memory` bytes.
std::string Streamed(ReportFormat format, const ValidationResult& result,
                     const ReportContext& context, std::size_t memory) {
  std::ostringstream text;
  std::unique_ptr<ReportOutput> out = ReportOutput::ToStream(text, memory);
  std::unique_ptr<ReportWriter> writer =
      MakeReportWriter(format, *out, context, result.summary.inputs);
  std::vector<FindingBatch> batches;
  for (std::vector<Finding>& findings : ByItem(result.findings)) {
    batches.emplace_back().findings = std::move(findings);
  }
  for (FindingBatch& batch : batches) writer->Prepare(batch);
  for (std::size_t i = 0; i < batches.size() && i < 2; ++i) {
    FindingBatch copy = batches[i];
    writer->Consume(copy);
  }
  writer->Restart();
  for (FindingBatch& batch : batches) writer->Consume(batch);
  writer->Finish(result.summary);
  CHECK(out->Close() == "");
  return text.str();
}

std::string InOneGo(ReportFormat format, const ValidationResult& result,
                    const ReportContext& context) {
  std::ostringstream text;
  WriteReport(text, format, result, context);
  return text.str();
}

std::string ReadAll(int fd) {
  std::string text;
  char buffer[4096];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

/// A temporary regular file holding `content`, positioned at its end.
int TemporaryFile(std::string_view content, int extra_flags = 0) {
  char path[] = "/tmp/accord-output-test-XXXXXX";
  int fd = ::mkostemp(path, O_CLOEXEC | extra_flags);
  REQUIRE(fd >= 0);
  ::unlink(path);
  REQUIRE(::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  return fd;
}

TEST_CASE("streamed item by item, spilled and restarted: the same bytes as in one go") {
  struct Case {
    const char* name;
    ValidationResult result;
    ReportContext context;
  };
  std::vector<Case> cases = {{"run", Run(), Context()},
                             {"hostile", HostileRun(), Context()},
                             {"many items", ManyItems(), Context()},
                             {"no rules listed", ManyItems(), ReportContext{}}};
  for (const Case& c : cases) {
    for (ReportFormat format : kFormats) {
      for (std::size_t memory : {std::size_t{1}, std::size_t{100}, kReportMemory}) {
        CAPTURE(c.name);
        CAPTURE(ReportFormatName(format));
        CAPTURE(memory);
        std::string expected = InOneGo(format, c.result, c.context);
        std::string actual = Streamed(format, c.result, c.context, memory);
        CHECK(actual.size() == expected.size());
        CHECK(actual == expected);
      }
    }
  }
}

TEST_CASE("SARIF: every ruleIndex points at its rule, across spilled pieces") {
  ValidationResult result = ManyItems();
  std::string sarif = Streamed(ReportFormat::SARIF, result, Context(), 7);
  CHECK(sarif.find('\0') == std::string::npos);
  // driver.rules: unknown_label (built-in), tone_mismatch, calm_caption, unlisted_rule.
  std::map<std::string, std::size_t> count;
  for (const Finding& f : result.findings) ++count[f.rule];
  auto occurrences = [&](const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = sarif.find(needle); at != std::string::npos;
         at = sarif.find(needle, at + 1)) {
      ++n;
    }
    return n;
  };
  CHECK(occurrences("\"ruleId\": \"unknown_label\",\n          \"ruleIndex\": 0,") ==
        count["unknown_label"]);
  CHECK(occurrences("\"ruleId\": \"tone_mismatch\",\n          \"ruleIndex\": 1,") ==
        count["tone_mismatch"]);
  CHECK(occurrences("\"ruleId\": \"calm_caption\",\n          \"ruleIndex\": 2,") ==
        count["calm_caption"]);
  CHECK(occurrences("\"ruleId\": \"unlisted_rule\",\n          \"ruleIndex\": 3,") ==
        count["unlisted_rule"]);
}

TEST_CASE("ReportOutput: a regular file is written in place, and Discard takes it back") {
  int fd = TemporaryFile("kept from before\n");
  std::unique_ptr<ReportOutput> out = ReportOutput::ToFd(fd, 16);
  CHECK_FALSE(out->HoldsBack());
  out->Write("first attempt, ");
  out->Write(std::string(100000, 'x'));  // past the write buffer: on disk already
  CHECK(ReadAll(fd).size() > 100000);
  ::lseek(fd, 0, SEEK_END);
  out->Discard();
  CHECK(ReadAll(fd) == "kept from before\n");
  ::lseek(fd, 0, SEEK_END);
  out->Write("second attempt\n");
  out->Commit();
  out->Write("after the commit\n");
  CHECK(out->Close() == "");
  CHECK(ReadAll(fd) == "kept from before\nsecond attempt\nafter the commit\n");
  ::close(fd);
}

TEST_CASE("ReportOutput: a file opened for appending is held back, never truncated") {
  int fd = TemporaryFile("log line\n", O_APPEND);
  std::unique_ptr<ReportOutput> out = ReportOutput::ToFd(fd, 4);
  CHECK(out->HoldsBack());
  out->Write("taken back");
  out->Discard();
  out->Write("report\n");
  CHECK(ReadAll(fd) == "log line\n");
  CHECK(out->Close() == "");
  CHECK(ReadAll(fd) == "log line\nreport\n");
  ::close(fd);
}

TEST_CASE("ReportOutput: a pipe gets nothing before Commit, then only what was kept") {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  std::unique_ptr<ReportOutput> out = ReportOutput::ToFd(pipe_fds[1], 8);
  CHECK(out->HoldsBack());
  out->Write("taken back, spilled to a temporary file");
  out->Discard();
  out->Write("kept 1\n");
  out->Write("kept 2, spilled too\n");
  char byte;
  CHECK(::read(pipe_fds[0], &byte, 1) < 0);  // nothing yet (EAGAIN)
  out->Commit();
  CHECK_FALSE(out->HoldsBack());
  out->Write("after\n");
  CHECK(out->Close() == "");
  ::close(pipe_fds[1]);
  std::string text;
  char buffer[256];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  CHECK(text == "kept 1\nkept 2, spilled too\nafter\n");
}

TEST_CASE("ReportOutput: a write error is reported by Close") {
  int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;  // no /dev/full here
  std::unique_ptr<ReportOutput> out = ReportOutput::ToFd(fd);
  out->Write("cannot land\n");
  CHECK(out->Close() == "No space left on device");
  ::close(fd);
}

TEST_CASE("SpillFile: ranges across the file and memory; Clear; no temporary directory") {
  std::string all = "0123456789abcdefghijXY";
  auto read = [](const internal::SpillFile& spill, std::uint64_t offset, std::uint64_t size) {
    std::string text;
    CHECK(spill.Read(offset, size, [&](std::string_view piece) { text += piece; }) == "");
    return text;
  };
  {
    internal::SpillFile spill(8);
    spill.Append("0123456789");
    spill.Append("abcdefghij");
    spill.Append("XY");
    CHECK(spill.Spilled());
    CHECK(spill.Size() == all.size());
    CHECK(read(spill, 0, all.size()) == all);
    CHECK(read(spill, 5, 12) == all.substr(5, 12));
    CHECK(read(spill, 20, 2) == "XY");
    spill.Clear();
    CHECK(spill.Size() == 0);
    spill.Append("again");
    CHECK(read(spill, 0, 5) == "again");
  }
  {
    const char* old = std::getenv("TMPDIR");
    std::string saved = old != nullptr ? old : "";
    ::setenv("TMPDIR", "/nonexistent/accord", 1);
    internal::SpillFile spill(4);
    spill.Append("0123456789");
    spill.Append("abcdefghijXY");
    CHECK_FALSE(spill.Spilled());  // stays in memory, still right
    CHECK(read(spill, 0, all.size()) == all);
    if (old != nullptr) {
      ::setenv("TMPDIR", saved.c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
  }
}

}  // namespace
}  // namespace accord::runtime
