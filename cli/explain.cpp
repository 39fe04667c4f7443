// accord explain CODE: the long form of a diagnostic.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "accord/compiler/base/codes.h"
#include "accord/compiler/base/diagnostic.h"
#include "common.h"

namespace accord::cli {

Command RegisterExplain(CLI::App& app) {
  auto code = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("explain", "Explain a diagnostic code, e.g. E0201");
  command->add_option("code", *code, "The code, e.g. E0201");
  command->add_flag("--list", *list, "List every code with its title");
  return {command, [code, list] {
            if (*list) {
              for (const CodeInfo& entry : AllCodes()) {
                std::cout << fmt::format("{}  {}\n", entry.code, entry.title);
              }
              return static_cast<int>(EXIT_CLEAN);
            }
            if (code->empty()) {
              std::cerr << "error: give a code, e.g. `accord explain E0201`, or --list\n";
              return static_cast<int>(EXIT_USAGE);
            }
            const CodeInfo* info = FindCode(*code);
            if (!info) {
              std::vector<std::string> codes;
              for (const CodeInfo& entry : AllCodes()) codes.emplace_back(entry.code);
              std::string suggestion = DidYouMean(*code, codes);
              std::cerr << fmt::format("error: `{}` is not a diagnostic code{}\n", *code,
                                       suggestion.empty() ? "" : "; " + suggestion);
              if (suggestion.empty()) {
                std::cerr << "help: `accord explain --list` lists every code\n";
              }
              return static_cast<int>(EXIT_USAGE);
            }
            std::cout << fmt::format("{}: {}\n\n{}\n", info->code, info->title, info->explanation);
            return static_cast<int>(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
