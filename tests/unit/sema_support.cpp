#include "sema_support.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "accord/compiler/driver/session.h"
#include "accord/compiler/plan/lower.h"
#include "accord/compiler/sema/dump.h"

namespace accord::testing {

const char* const kPrelude = R"(
modality video  { extent: time; }
modality audio  { extent: time; }
modality text   { extent: time; }
modality camera { extent: time, box; }
modality lidar  { extent: time, box3d; }
modality gps    { extent: time, geo; }
modality image  { extent: box; }
enum Valence { negative, neutral, positive }
concept affect in video, audio, text { valence: Valence; intensity: int[1..5] = 3; }
concept hostile : affect in video as "aggressive", audio as "angry", text as "hostile" { valence = negative; }
concept calm : affect in video as "calm", audio as "neutral", text as "neutral" { valence = neutral; }
concept sarcasm in text as "sarcastic";
disjoint hostile, calm;
concept road_user in camera, lidar { moving: bool = false; }
concept pedestrian : road_user;
concept vehicle : road_user;
concept product in image { colour: string; }
concept fix in gps;
)";

namespace {

/// main.accord of `files`, compiled with the files as overlays.
struct Compiled {
  explicit Compiled(const Files& files) : session(CompileOptions{}) {
    for (const auto& [path, text] : files) session.AddOverlay(path, text);
    unit = session.Compile("main.accord");
    session.Finish();
  }
  bool Clean() { return unit != nullptr && !session.Diags().HasErrors(); }

  Session session;
  const CompiledUnit* unit = nullptr;
};

}  // namespace

std::vector<std::string> Diagnose(const Files& files) {
  Compiled compiled(files);
  std::vector<std::string> out;
  for (const Diagnostic& d : compiled.session.Diags().All()) {
    out.push_back(
        fmt::format("{} {}:{} {}", d.code, d.range.begin.line, d.range.begin.column, d.message));
  }
  return out;
}

std::vector<std::string> Diagnose(const std::string& main) {
  return Diagnose(Files{{"main.accord", main}});
}

std::string Dump(const Files& files) {
  Compiled compiled(files);
  if (!compiled.Clean()) return {};
  return sema::DumpProgram(*compiled.unit->program);
}

std::string Dump(const std::string& main) { return Dump(Files{{"main.accord", main}}); }

runtime::Bundle CompileBundle(const Files& files) {
  Compiled compiled(files);
  REQUIRE(compiled.unit != nullptr);
  REQUIRE_FALSE(compiled.session.Diags().HasErrors());
  return LowerProgram(*compiled.unit->program, {"test", "0"});
}

runtime::Bundle CompileBundle(const std::string& main) {
  return CompileBundle(Files{{"main.accord", main}});
}

}  // namespace accord::testing
