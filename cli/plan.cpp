// accord plan PATH...: print each rule's evaluation plan.

#include <iostream>
#include <memory>

#include "accord/runtime/describe.h"
#include "bundle_loader.h"
#include "common.h"

namespace accord::cli {

Command RegisterPlan(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    CompilerFlags flags;
  };
  auto state = std::make_shared<State>();
  CLI::App* command = app.add_subcommand("plan", "Print each rule's evaluation plan");
  command->add_option("paths", state->paths, "A bundle, or sources compiled as one unit")
      ->required();
  state->flags.Register(*command, {"text"});
  return {command, [state] {
            std::optional<runtime::Bundle> bundle = LoadRules(state->paths, state->flags);
            if (!bundle) return static_cast<int>(EXIT_USAGE);
            for (std::size_t i = 0; i < bundle->rules.size(); ++i) {
              if (i > 0) std::cout << "\n";
              std::cout << runtime::DescribePlan(*bundle, bundle->rules[i]);
            }
            return static_cast<int>(EXIT_CLEAN);
          }};
}

}  // namespace accord::cli
