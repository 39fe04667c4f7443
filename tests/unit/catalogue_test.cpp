// The catalogue of diagnostic codes (base/codes.cpp): every code has a title,
// an explanation `accord explain` can print, and at least one golden case in
// tests/golden/check/ whose expected output shows it as `[CODE]`.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "accord/compiler/base/codes.h"

namespace accord {
namespace {

namespace fs = std::filesystem;

/// The text of every `*.expected` file under tests/golden/check/.
std::string ExpectedOutputs() {
  std::string all;
  fs::path root = fs::path(ACCORD_SOURCE_DIR) / "tests" / "golden" / "check";
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".expected") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    all += '\n';
  }
  return all;
}

TEST_CASE("every code has a golden case in tests/golden/check") {
  const std::string outputs = ExpectedOutputs();
  REQUIRE_FALSE(outputs.empty());
  for (const CodeInfo& info : AllCodes()) {
    std::string code(info.code);
    INFO("code ", code);
    CHECK(outputs.find("[" + code + "]") != std::string::npos);
  }
}

TEST_CASE("every code has a title and an explanation of at least two lines") {
  std::set<std::string> seen;
  for (const CodeInfo& info : AllCodes()) {
    std::string code(info.code);
    INFO("code ", code);
    CHECK(seen.insert(code).second);
    CHECK((code.size() == 5 && (code[0] == 'E' || code[0] == 'W') &&
           std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; })));
    CHECK_FALSE(info.title.empty());
    CHECK(std::count(info.explanation.begin(), info.explanation.end(), '\n') >= 1);
    CHECK(info.explanation.find_first_not_of(" \n") != std::string_view::npos);
  }
}

TEST_CASE("codes are listed in order") {
  auto codes = AllCodes();
  CHECK(std::is_sorted(codes.begin(), codes.end(),
                       [](const CodeInfo& a, const CodeInfo& b) { return a.code < b.code; }));
}

TEST_CASE("FindCode is case-insensitive and null for unknown codes") {
  struct Case {
    const char* query;
    const char* found;  ///< null: not found
  };
  const Case cases[] = {
      {"E0201", "E0201"}, {"e0201", "E0201"}, {"w0004", "W0004"},  {"W0004", "W0004"},
      {"E9999", nullptr}, {"E201", nullptr},  {"E02010", nullptr}, {"", nullptr},
      {"0201", nullptr},  {"X0201", nullptr},
  };
  for (const Case& c : cases) {
    SUBCASE(c.query) {
      const CodeInfo* info = FindCode(c.query);
      if (c.found == nullptr) {
        CHECK(info == nullptr);
      } else {
        REQUIRE(info != nullptr);
        CHECK(info->code == c.found);
      }
    }
  }
}

}  // namespace
}  // namespace accord
