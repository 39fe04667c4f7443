// The hand-written lexer against the lexer ANTLR generates from
// grammar/Accord.g4: the same tokens, types, channels, positions and text for
// every example, every golden input, and thousands of random strings.

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "accord/compiler/parse/internal/text.h"
#include "accord/compiler/parse/internal/token_dump.h"
#include "parse_examples.h"

using accord::parse::internal::DumpTokens;
using accord::parse::internal::FindInvalidUtf8;

TEST_CASE("hand-written lexer: exact tokens at the edges of the lexer rules") {
  struct Case {
    const char* text;
    const char* tokens;
  };
  const Case cases[] = {
      {"1.5s..2min 0..5 1.5x 10sec 3h 7m",
       "DURATION 0 1:0 0..3 1.5s\n'..' 0 1:4 4..5 ..\nDURATION 0 1:6 6..9 2min\nINT 0 1:11 11..11 0\n"
       "'..' 0 1:12 12..13 ..\nINT 0 1:14 14..14 5\nFLOAT 0 1:16 16..18 1.5\nID 0 1:19 19..19 x\n"
       "DURATION 0 1:21 21..23 10s\nID 0 1:24 24..25 ec\nDURATION 0 1:27 27..28 3h\nINT 0 1:30 30..30 7\n"
       "ID 0 1:31 31..31 m\nEOF 0 1:32 32..31 \n"},
      {"/// doc\n////x\n///\n//",
       "DOC_COMMENT 2 1:0 0..6 /// doc\nDOC_COMMENT 2 3:0 14..16 ///\nEOF 0 4:2 20..19 \n"},
      {"/*/ a */b/* c", "ID 0 1:8 8..8 b\nUNTERMINATED_COMMENT 0 1:9 9..12 /* c\nEOF 0 1:13 13..12 \n"},
      {"\"a\\\"b\" \"c\\", "STRING 0 1:0 0..5 \"a\\\"b\"\nUNTERMINATED_STRING 0 1:7 7..9 \"c\\\nEOF 0 1:10 10..9 \n"},
      {"in index none != ! .", "IN 0 1:0 0..1 in\nID 0 1:3 3..7 index\nNONE 0 1:9 9..12 none\n'!=' 0 1:14 14..15 !=\n"
                                 "ERROR_CHAR 0 1:17 17..17 !\n'.' 0 1:19 19..19 .\nEOF 0 1:20 20..19 \n"},
      {"\xC3\xA9x \xF0\x9F\x98\x80",
       "ERROR_CHAR 0 1:0 0..0 \xC3\xA9\nID 0 1:1 1..1 x\nERROR_CHAR 0 1:3 3..3 \xF0\x9F\x98\x80\nEOF 0 1:4 4..3 \n"},
      {"\xEF\xBB\xBFx", "ID 0 1:1 1..1 x\nEOF 0 1:2 2..1 \n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(DumpTokens(c.text, false) == c.tokens);
    CHECK(DumpTokens(c.text, true) == c.tokens);
  }
}

TEST_CASE("hand-written lexer = generated lexer on the LANGUAGE.md examples and the golden inputs") {
  namespace ex = accord::test::examples;
  std::vector<std::string> inputs = {ex::kHeader, ex::kModalities, ex::kConcepts, ex::kToneRule, ex::kMoreRules,
                                     ex::kTests};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ACCORD_SOURCE_DIR "/tests/golden")) {
    if (entry.path().extension() != ".accord") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (FindInvalidUtf8(text.str()) == std::string::npos) inputs.push_back(text.str());
  }
  CHECK(inputs.size() > 6);
  for (const std::string& input : inputs) {
    CAPTURE(input.substr(0, 200));
    CHECK(DumpTokens(input, false) == DumpTokens(input, true));
  }
}

TEST_CASE("hand-written lexer = generated lexer on random input") {
  const std::vector<std::string> pieces = {
      "/", "*", "/*", "*/", "//", "///", "////", "\"", "\\", "\\\"", "\n", "\r\n", " ", "\t", "0", "12", ".", "..",
      "1.5", "ms", "s", "min", "h", "m", "e", "in", "index", "x", "_y", "\xC3\xA9", "\xF0\x9F\x98\x80", "@", "=", "==",
      "!", "!=", "<", "<=", ">", ">=", "-", "{", "}", "(", ")", "[", "]", ";", ":", ",", "concept", "not", "none",
      "version", "report", std::string(1, '\0'), "\x7F", "\xE2\x80\x8B"};
  std::mt19937 random(20240607);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    int length = 1 + static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    REQUIRE(DumpTokens(text, false) == DumpTokens(text, true));
  }
}
