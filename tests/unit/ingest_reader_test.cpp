// BatchReader: line splitting (CRLF, blank lines, BOM, last line without a
// line end), size limits, unreadable inputs, grouping by item across inputs,
// REGROUP and the grouped re-read, and stdin spooling.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "accord/runtime/ingest.h"
#include "ingest_support.h"

namespace accord::testing {
namespace {

using runtime::BatchReader;
using runtime::IngestOptions;
using runtime::ItemBatch;
using Status = BatchReader::Status;

/// A line that only needs its item key.
std::string J(const std::string& item, const std::string& id) {
  return R"({"item":")" + item + R"(","id":")" + id + R"("})";
}

/// "seq key: file:line <text>, …", after checking the batch's layout: lines
/// in order within their segments, not overlapping, segments in order and
/// ending with their last line.
std::string Show(const ItemBatch& batch) {
  std::string out = std::to_string(batch.sequence) + " " + batch.key + ":";
  std::size_t segment = 0;
  std::size_t end = 0;
  for (const ItemBatch::Line& line : batch.lines) {
    REQUIRE(line.segment < batch.segments.size());
    if (line.segment != segment) {
      CHECK(line.segment == segment + 1);
      CHECK(batch.segments[segment].size() == end);
      segment = line.segment;
      end = 0;
    }
    CHECK(line.offset >= end);
    end = line.offset + line.size;
    CHECK(end <= batch.segments[segment].size());
    out += " " + std::to_string(line.file) + ":" + std::to_string(line.number) + " " +
           std::string(batch.Text(line));
  }
  CHECK(batch.segments.size() == segment + 1);
  CHECK(batch.segments[segment].size() == end);
  return out;
}

struct Run {
  std::vector<std::string> batches;
  std::vector<std::string> errors;  ///< "file:line reason"
  Status last = Status::END;
};

/// Reads until END or REGROUP.
Run ReadAll(BatchReader& reader) {
  Run run;
  ItemBatch batch;
  while ((run.last = reader.Next(batch)) == Status::ITEM) run.batches.push_back(Show(batch));
  for (const runtime::InputError& e : reader.TakeErrors()) {
    run.errors.push_back(std::to_string(e.file) + ":" + std::to_string(e.line) + " " + e.reason);
  }
  return run;
}

Run ReadAll(const std::vector<std::string>& inputs, bool grouped, IngestOptions options = {}) {
  BatchReader reader(IngestBundle(), inputs, options, grouped);
  return ReadAll(reader);
}

/// Makes a pipe fed by a thread the process's stdin for its lifetime.
class StdinFrom {
 public:
  explicit StdinFrom(std::string data) {
    ::signal(SIGPIPE, SIG_IGN);
    saved_ = ::dup(STDIN_FILENO);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    writer_ = std::thread([fd = fds[1], data = std::move(data)] {
      std::size_t at = 0;
      while (at < data.size()) {
        const ssize_t n = ::write(fd, data.data() + at, data.size() - at);
        if (n <= 0) break;
        at += static_cast<std::size_t>(n);
      }
      ::close(fd);
    });
  }
  ~StdinFrom() {
    ::dup2(saved_, STDIN_FILENO);  // closes the pipe: a blocked writer stops
    ::close(saved_);
    writer_.join();
  }

 private:
  int saved_ = -1;
  std::thread writer_;
};

TEST_CASE("lines: CRLF, blank lines, BOM, no final line end") {
  const std::string text = "\xEF\xBB\xBF" + J("A", "a1") + "\n" + J("A", "a2") + "\r\n\n \t \r\n" +
                           J("B", "b1") + "\n" + J("C", "c1");
  const std::string path = WriteTempFile("lines.jsonl", text);
  BatchReader reader(IngestBundle(), {path}, {}, false);
  Run run = ReadAll(reader);
  CHECK(run.last == Status::END);
  CHECK(run.batches == std::vector<std::string>{
                           "0 A: 0:1 " + J("A", "a1") + " 0:2 " + J("A", "a2"),
                           "1 B: 0:5 " + J("B", "b1"),
                           "2 C: 0:6 " + J("C", "c1"),
                       });
  CHECK(run.errors.empty());
  CHECK(reader.LinesRead() == 6);
  CHECK(reader.BytesRead() == text.size());
  CHECK(reader.Inputs() == std::vector<std::string>{path});
  ItemBatch batch;
  CHECK(reader.Next(batch) == Status::END);  // and stays there
}

TEST_CASE("items continue across inputs; line numbers are per input") {
  const std::string a = WriteTempFile("first.jsonl", J("A", "1") + "\n" + J("B", "1") + "\n");
  const std::string b = WriteTempFile("second.jsonl", J("B", "2") + "\n" + J("C", "1") + "\n");
  for (bool grouped : {false, true}) {
    CAPTURE(grouped);
    Run run = ReadAll({a, b}, grouped);
    CHECK(run.last == Status::END);
    CHECK(run.batches == std::vector<std::string>{
                             "0 A: 0:1 " + J("A", "1"),
                             "1 B: 0:2 " + J("B", "1") + " 1:1 " + J("B", "2"),
                             "2 C: 1:2 " + J("C", "1"),
                         });
    CHECK(run.errors.empty());
  }
}

TEST_CASE("input errors: unreadable inputs, bad keys, long lines; the rest is read") {
  IngestOptions options;
  options.max_line_bytes = 40;
  const std::string exact = R"({"item":"A","id":"x","pad":"1234567890"})";  // 40 bytes
  REQUIRE(exact.size() == 40);
  const std::string over = R"({"item":"A","id":"x","pad":"12345678901"})";  // 41 bytes
  const std::string good = WriteTempFile(
      "errors.jsonl", J("A", "1") + "\n" + R"({"id":"x"})" + "\n[1]\n" + over + "\n" + exact +
                          "\r\n" + over + "\r\n" + R"({"item":7})" + "\n" + J("A", "2") + "\n");
  const std::string dir = TempDir();
  const std::string other = WriteTempFile("other.jsonl", J("B", "1"));
  for (bool grouped : {false, true}) {
    CAPTURE(grouped);
    Run run = ReadAll({good, "/nonexistent/x.jsonl", dir, other}, grouped, options);
    CHECK(run.last == Status::END);
    CHECK(run.batches == std::vector<std::string>{
                             "0 A: 0:1 " + J("A", "1") + " 0:5 " + exact + " 0:8 " + J("A", "2"),
                             "1 B: 3:1 " + J("B", "1"),
                         });
    CHECK(run.errors == std::vector<std::string>{
                            "0:2 missing required field `item`",
                            "0:3 a record must be a JSON object, found an array",
                            "0:4 line is 41 bytes, over the limit of 40 bytes",
                            "0:6 line is 41 bytes, over the limit of 40 bytes",
                            "0:7 field `item` must be a string, found a number",
                            "1:0 cannot read `/nonexistent/x.jsonl`: No such file or directory",
                            "2:0 cannot read `" + dir + "`: Is a directory",
                        });
  }
}

TEST_CASE("long lines across reads") {
  const std::string huge(3 << 20, 'x');
  const std::string big_line = R"({"item":"A","id":"big","pad":")" + huge + "\"}";
  SUBCASE("over the limit: skipped without buffering, wherever it ends") {
    const std::string path =
        WriteTempFile("huge.jsonl", J("A", "1") + "\n" + huge + "\n" + J("A", "2") + "\n" + huge +
                                        "\r\n" + J("A", "3") + "\n" + huge);
    Run run = ReadAll({path}, false);
    CHECK(run.batches == std::vector<std::string>{"0 A: 0:1 " + J("A", "1") + " 0:3 " +
                                                  J("A", "2") + " 0:5 " + J("A", "3")});
    CHECK(run.errors == std::vector<std::string>{
                            "0:2 line is 3145728 bytes, over the limit of 1048576 bytes",
                            "0:4 line is 3145728 bytes, over the limit of 1048576 bytes",
                            "0:6 line is 3145728 bytes, over the limit of 1048576 bytes",
                        });
  }
  SUBCASE("within a raised limit: the buffer grows") {
    IngestOptions options;
    options.max_line_bytes = 4 << 20;
    const std::string path =
        WriteTempFile("big.jsonl", J("A", "1") + "\n" + big_line + "\n" + J("A", "2") + "\n");
    for (bool grouped : {false, true}) {
      CAPTURE(grouped);
      BatchReader reader(IngestBundle(), {path}, options, grouped);
      ItemBatch batch;
      REQUIRE(reader.Next(batch) == Status::ITEM);
      REQUIRE(batch.lines.size() == 3);
      CHECK(batch.lines[1].size == big_line.size());
      CHECK(batch.Text(batch.lines[1]) == big_line);
      CHECK(batch.Text(batch.lines[2]) == J("A", "2"));
      CHECK(reader.Next(batch) == Status::END);
      CHECK(reader.TakeErrors().empty());
    }
  }
}

TEST_CASE("interleaved input: REGROUP, then each item once with its lines in input order") {
  const std::string a =
      WriteTempFile("mixed1.jsonl", J("A", "1") + "\n" + J("A", "2") + "\n" + J("B", "1") + "\n" +
                                        J("A", "3") + "\n" + "{bad}\n" + J("C", "1") + "\n");
  const std::string b = WriteTempFile("mixed2.jsonl", J("B", "2") + "\n" + J("A", "4") + "\n");
  BatchReader first(IngestBundle(), {a, b}, {}, false);
  Run streamed = ReadAll(first);
  CHECK(streamed.last == Status::REGROUP);
  CHECK(streamed.batches ==
        std::vector<std::string>{"0 A: 0:1 " + J("A", "1") + " 0:2 " + J("A", "2")});
  ItemBatch batch;
  CHECK(first.Next(batch) == Status::REGROUP);  // and stays there
  CHECK(first.Inputs() == std::vector<std::string>{a, b});

  Run grouped = ReadAll(first.Inputs(), true);
  CHECK(grouped.last == Status::END);
  CHECK(grouped.batches == std::vector<std::string>{
                               "0 A: 0:1 " + J("A", "1") + " 0:2 " + J("A", "2") + " 0:4 " +
                                   J("A", "3") + " 1:2 " + J("A", "4"),
                               "1 B: 0:3 " + J("B", "1") + " 1:1 " + J("B", "2"),
                               "2 C: 0:6 " + J("C", "1"),
                           });
  CHECK(grouped.errors ==
        std::vector<std::string>{"0:5 invalid JSON: improper structure (missing or "
                                 "superfluous commas, colons, braces or brackets)"});
}

TEST_CASE("grouped reading: lines far apart and close together") {
  // A's lines: two adjacent, then one after ~20 KiB of B's lines, then one
  // after a blank line.
  std::string text = J("A", "1") + "\n" + J("A", "2") + "\n";
  std::string expected_b = "1 B:";
  const std::string pad(150, 'p');
  for (int i = 0; i < 128; ++i) {
    const std::string line =
        R"({"item":"B","id":")" + std::to_string(i) + R"(","pad":")" + pad + "\"}";
    text += line + "\n";
    expected_b += " 0:" + std::to_string(i + 3) + " " + line;
  }
  text += J("A", "3") + "\n\n" + J("A", "4") + "\n";
  const std::string path = WriteTempFile("far.jsonl", text);
  Run run = ReadAll({path}, true);
  CHECK(run.batches == std::vector<std::string>{
                           "0 A: 0:1 " + J("A", "1") + " 0:2 " + J("A", "2") + " 0:131 " +
                               J("A", "3") + " 0:133 " + J("A", "4"),
                           expected_b,
                       });
  CHECK(run.errors.empty());
}

/// Lines of `items` items of `per_item` records each, round robin when
/// `interleaved`, else item by item; with `pad` bytes of padding each.
std::string Dataset(int items, int per_item, bool interleaved, std::size_t pad = 0) {
  std::string text;
  const std::string padding(pad, 'p');
  for (int a = 0; a < items * per_item; ++a) {
    const int item = interleaved ? a % items : a / per_item;
    const int record = interleaved ? a / items : a % per_item;
    text += R"({"item":"item-)" + std::to_string(item) + R"(","id":"r)" + std::to_string(record) +
            R"(","pad":")" + padding + "\"}\n";
  }
  return text;
}

TEST_CASE("batches keep their bytes while the reader reads on, and after it is gone") {
  // Items of 1 to 60 lines of ~330 bytes: several read buffers' worth, so
  // items start, end and straddle buffers; then a few items larger than a
  // buffer.
  std::string text;
  std::vector<std::string> expected;
  int number = 0;
  const std::string pad(300, 'p');
  auto add = [&](int item, int lines) {
    std::string shown = std::to_string(item) + " item-" + std::to_string(item) + ":";
    for (int r = 0; r < lines; ++r) {
      const std::string line = R"({"item":"item-)" + std::to_string(item) + R"(","id":"r)" +
                               std::to_string(r) + R"(","pad":")" + pad + "\"}";
      text += line + (r % 7 == 3 ? "\r\n\n" : "\n");
      number += r % 7 == 3 ? 2 : 1;
      shown += " 0:" + std::to_string(number - (r % 7 == 3 ? 1 : 0)) + " " + line;
    }
    expected.push_back(shown);
  };
  int item = 0;
  for (; item < 200; ++item) add(item, 1 + (item * 37) % 60);
  for (; item < 203; ++item) add(item, 5000);
  const std::string path = WriteTempFile("kept.jsonl", text);
  std::vector<ItemBatch> kept;
  {
    BatchReader reader(IngestBundle(), {path}, {}, false);
    ItemBatch batch;
    while (reader.Next(batch) == Status::ITEM) {
      kept.push_back(std::move(batch));
      batch = ItemBatch{};
    }
    CHECK(reader.TakeErrors().empty());
  }
  std::vector<std::string> shown;
  for (const ItemBatch& b : kept) shown.push_back(Show(b));
  CHECK(shown == expected);
}


TEST_CASE("large items' bytes are reused only once nobody holds them") {
  // Items larger than a read buffer span several buffers (streaming) or get
  // bytes of their own (grouped), which come back to the reader for later
  // items when released. Every third batch is kept to the end, the others
  // dropped at once: what is kept must never be written again.
  std::string text;
  std::vector<std::string> expected;
  const std::string pad(300, 'q');
  int number = 0;
  for (int item = 0; item < 12; ++item) {
    std::string shown = std::to_string(item) + " big-" + std::to_string(item) + ":";
    const int lines = 2000 + 700 * (item % 4);  // 0.6 to 1.3 MB: sizes go up and down
    for (int r = 0; r < lines; ++r) {
      const std::string line = R"({"item":"big-)" + std::to_string(item) + R"(","id":"r)" +
                               std::to_string(r) + R"(","pad":")" + pad + "\"}";
      text += line + "\n";
      shown += " 0:" + std::to_string(++number) + " " + line;
    }
    expected.push_back(shown);
  }
  const std::string path = WriteTempFile("recycled.jsonl", text);
  for (bool grouped : {false, true}) {
    CAPTURE(grouped);
    std::vector<ItemBatch> kept;
    std::vector<std::string> shown(expected.size());
    BatchReader reader(IngestBundle(), {path}, {}, grouped);
    ItemBatch batch;
    while (reader.Next(batch) == Status::ITEM) {
      const auto at = static_cast<std::size_t>(batch.sequence);
      if (at % 3 == 0) {
        kept.push_back(std::move(batch));
      } else {
        shown[at] = Show(batch);
      }
      batch = ItemBatch{};
    }
    CHECK(reader.TakeErrors().empty());
    for (const ItemBatch& b : kept) shown[b.sequence] = Show(b);
    CHECK(shown == expected);
  }
}
TEST_CASE("stdin: spooled while read, read again after REGROUP") {
  // A private TMPDIR shows the spool is unlinked from the start.
  const std::string tmp = TempDir();
  const char* old_tmpdir = std::getenv("TMPDIR");
  const std::string saved_tmpdir = old_tmpdir ? old_tmpdir : "";
  ::setenv("TMPDIR", tmp.c_str(), 1);
  const auto tmp_is_empty = [&] { return std::filesystem::is_empty(tmp); };

  SUBCASE("interleaved, larger than a pipe and a read chunk") {
    const std::string text = Dataset(50, 40, true, 600);  // ~1.3 MiB
    StdinFrom stdin_data(text);
    std::vector<std::string> names;
    {
      BatchReader first(IngestBundle(), {"-"}, {}, false);
      Run run = ReadAll(first);
      CHECK(run.last == Status::REGROUP);
      CHECK(run.batches.size() == 49);  // item-49 was pending when item-0 came back
      names = first.Inputs();
      REQUIRE(names.size() == 1);
      CHECK(names[0] != "-");
      CHECK(names[0].rfind(tmp + "/accord-spool-", 0) == 0);
      CHECK(tmp_is_empty());
    }  // the first reader is gone before the grouped one exists
    BatchReader grouped(IngestBundle(), names, {}, true);
    ItemBatch batch;
    std::uint64_t items = 0;
    std::uint64_t lines = 0;
    while (grouped.Next(batch) == Status::ITEM) {
      CHECK(batch.key == "item-" + std::to_string(items));
      CHECK(batch.sequence == items);
      REQUIRE(batch.lines.size() == 40);
      for (std::size_t r = 0; r < 40; ++r) {
        CHECK(batch.lines[r].file == 0);
        CHECK(batch.lines[r].number == r * 50 + items + 1);
      }
      ++items;
      lines += batch.lines.size();
    }
    CHECK(items == 50);
    CHECK(lines == 2000);
    std::vector<std::string> errors;
    for (const auto& e : grouped.TakeErrors()) errors.push_back(e.reason);
    CHECK(errors == std::vector<std::string>{});
    CHECK(grouped.LinesRead() == 2000);
    CHECK(grouped.BytesRead() == text.size());
    CHECK(tmp_is_empty());
  }
  SUBCASE("grouped from the start") {
    StdinFrom stdin_data(Dataset(3, 2, true) + "[1]\n");
    Run run = ReadAll({"-"}, true);
    CHECK(run.batches.size() == 3);
    CHECK(run.errors ==
          std::vector<std::string>{"0:7 a record must be a JSON object, found an array"});
  }
  SUBCASE("already grouped: one pass") {
    StdinFrom stdin_data(Dataset(3, 2, false));
    BatchReader reader(IngestBundle(), {"-"}, {}, false);
    Run run = ReadAll(reader);
    CHECK(run.last == Status::END);
    CHECK(run.batches.size() == 3);
    CHECK(reader.LinesRead() == 6);
  }
  SUBCASE("a spool name no reader holds any more") {
    std::vector<std::string> names;
    {
      StdinFrom stdin_data(Dataset(2, 2, true));
      BatchReader first(IngestBundle(), {"-"}, {}, false);
      CHECK(ReadAll(first).last == Status::REGROUP);
      names = first.Inputs();
      BatchReader grouped(IngestBundle(), names, {}, true);  // adopts, then is gone
    }
    Run run = ReadAll(names, true);
    CHECK(run.batches.empty());
    CHECK(run.errors == std::vector<std::string>{"0:0 cannot read `" + names[0] +
                                                 "`: No such file or directory"});
  }
  if (old_tmpdir) {
    ::setenv("TMPDIR", saved_tmpdir.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
}

}  // namespace
}  // namespace accord::testing
