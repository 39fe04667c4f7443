#pragma once
// Compiles in-memory sources through the real driver (a Session with the
// files as overlays), for the semantic tests and for the runtime tests that
// need a bundle.

#include <map>
#include <string>
#include <vector>

#include "accord/runtime/bundle.h"

namespace accord::testing {

/// Files by path; the root is "main.accord".
using Files = std::map<std::string, std::string>;

/// The bundle of main.accord, which must compile cleanly.
runtime::Bundle CompileBundle(const Files& files);
runtime::Bundle CompileBundle(const std::string& main);

/// Every diagnostic of checking main.accord, one line each:
/// "E0201 4:10 unknown concept `hostle`" (warnings too), sorted as printed.
std::vector<std::string> Diagnose(const Files& files);
std::vector<std::string> Diagnose(const std::string& main);

/// The `--dump-ir` text of main.accord; empty if it has errors.
std::string Dump(const Files& files);
std::string Dump(const std::string& main);

/// A prelude of modalities, enums and concepts the rule tests share.
extern const char* const kPrelude;

}  // namespace accord::testing

#include <doctest/doctest.h>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const std::string& line : lines) out += "\n    \"" + line + "\"";
    out += "\n}";
    return out.c_str();
  }
};
}  // namespace doctest
