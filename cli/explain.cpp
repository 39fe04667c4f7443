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
  CLI::App* command = app.add_subcommand("explain", "Explain a diagnostic code, e.g. E0201");
  command->add_option("code", *code, "The code, e.g. E0201")->required();
  return {command, [code] {
            const CodeInfo* info = FindCode(*code);
            if (!info) {
              std::vector<std::string> codes;
              for (const CodeInfo& entry : AllCodes()) codes.emplace_back(entry.code);
              std::string suggestion = DidYouMean(*code, codes);
              std::cerr << fmt::format("error: `{}` is not a diagnostic code{}\n", *code,
                                       suggestion.empty() ? "" : "; " + suggestion);
              return static_cast<int>(EXIT_USAGE);
            }
            std::cout << fmt::format("{}: {}\n\n{}\n", info->code, info->title, info->explanation);
            return static_cast<int>(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
