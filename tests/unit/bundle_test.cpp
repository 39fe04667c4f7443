// The bundle format: a round trip is exact, and no truncation or corruption
// of the bytes crashes the reader (each is an error, or a bundle that
// passes validation).

#include <doctest/doctest.h>

#include <random>

#include "accord/compiler/driver/session.h"
#include "accord/compiler/plan/lower.h"
#include "accord/runtime/bundle_io.h"
#include "accord/runtime/describe.h"

namespace accord::testing {
namespace {

constexpr const char* kSource = R"acc(ontology b version "2.1";
modality video { extent: time; }
modality audio { extent: time; }
modality text  { extent: time; }
enum Valence { negative, neutral, positive }
concept affect in video, audio, text { valence: Valence; intensity: int[1..5] = 3; note: string = "n"; }
concept hostile : affect in video as "aggressive", audio as "angry", text as "hostile" { valence = negative; }
concept calm : affect in video as "calm", audio as "neutral", text as "neutral" { valence = neutral; }
concept sarcasm in text as "sarcastic";
disjoint hostile, calm;
/// Tone must agree.
rule tone severity warning guideline "G 1" escalate "leads" {
  for v: affect in video, a: affect in audio
  where overlaps(v, a) and v.valence != a.valence and v.label in {"aggressive", "calm"}
  unless exists t: sarcasm in text where overlaps(t, v)
  report "{v.label} vs {a.label} ({v.valence}, {overlap(v, a)}s)";
}
rule count_it { for v: hostile in video require count(a: affect in audio where near(a, v, 2s)) >= 2; }
)acc";

std::string Bytes() {
  Session session(CompileOptions{});
  session.AddOverlay("b.accord", kSource);
  const CompiledUnit* unit = session.Compile("b.accord");
  session.Finish();
  REQUIRE(unit != nullptr);
  REQUIRE(!session.Diags().HasErrors());
  runtime::Bundle bundle = LowerProgram(*unit->program, {"9.9.9", unit->sources_hash});
  return runtime::SerializeBundle(bundle);
}

/// Rewrites the header checksum so the corruption reaches the table reader.
void FixChecksum(std::string& bytes) {
  std::string body = bytes.substr(28);
  std::uint64_t hash = std::stoull(runtime::HashHex(body), nullptr, 16);
  for (int i = 0; i < 8; ++i) bytes[20 + i] = static_cast<char>((hash >> (8 * i)) & 0xFF);
}

TEST_CASE("a bundle round-trips exactly and carries its identity") {
  std::string bytes = Bytes();
  runtime::Result<runtime::Bundle> loaded = runtime::DeserializeBundle(bytes, "b.acb");
  REQUIRE(loaded.ok());
  runtime::Bundle& bundle = loaded.value();
  CHECK(bundle.info.ontology == "b");
  CHECK(bundle.info.version == "2.1");
  CHECK(bundle.info.compiler_version == "9.9.9");
  CHECK(bundle.info.sources_hash.size() == 16);
  CHECK(bundle.info.bundle_hash == runtime::HashHex(bytes.substr(28)));
  CHECK(bundle.rules.size() == 2);
  CHECK(bundle.ConceptFor(bundle.ModalityFor("audio"), "angry") != runtime::kNone);
  CHECK(runtime::SerializeBundle(bundle) == bytes);
  CHECK(runtime::DescribePlan(bundle, bundle.rules[0]) ==
        "rule tone (warning)\n"
        "  for v: affect in video by scan\n"
        "    filter v.label in {\"aggressive\", \"calm\"}\n"
        "  join a: affect in audio by interval index on overlaps(v, a)\n"
        "    check overlaps(v, a) and v.valence != a.valence\n"
        "  unless exists t: sarcasm in text where overlaps(t, v)\n"
        "  quantifier #0: t: sarcasm in text by interval index on overlaps(t, v)\n"
        "    check overlaps(t, v)\n");
}

TEST_CASE("every truncation of a bundle is an error") {
  std::string bytes = Bytes();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    CHECK_FALSE(runtime::DeserializeBundle(bytes.substr(0, n), "b.acb").ok());
  }
}

TEST_CASE("corrupted tables behind a valid checksum never crash the reader") {
  const std::string bytes = Bytes();
  std::mt19937 rng(7);
  std::size_t rejected = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string damaged = bytes;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      std::size_t at = 28 + rng() % (damaged.size() - 28);
      damaged[at] = static_cast<char>(rng() & 0xFF);
    }
    FixChecksum(damaged);
    runtime::Result<runtime::Bundle> loaded = runtime::DeserializeBundle(damaged, "b.acb");
    if (!loaded.ok()) {
      ++rejected;
      CHECK(loaded.error().message.rfind("b.acb: ", 0) == 0);
    } else {
      // Whatever got through is structurally valid: plans can be printed.
      for (const runtime::Rule& rule : loaded.value().rules) {
        CHECK_FALSE(runtime::DescribePlan(loaded.value(), rule).empty());
      }
    }
  }
  CHECK(rejected > 1000);
}

TEST_CASE("bundle errors name the problem") {
  std::string bytes = Bytes();
  CHECK(runtime::DeserializeBundle("hello", "x.acb").error().message ==
        "x.acb: not an Accord bundle (bad magic number)");
  std::string flipped = bytes;
  flipped[40] ^= 1;
  CHECK(runtime::DeserializeBundle(flipped, "x.acb").error().message ==
        "x.acb: checksum mismatch: the bundle is corrupt");
  std::string padded = bytes + "x";
  CHECK(runtime::DeserializeBundle(padded, "x.acb").error().message ==
        "x.acb: truncated or padded bundle: the header promises " +
            std::to_string(bytes.size() - 28) + " bytes of tables, the file holds " +
            std::to_string(bytes.size() - 27));
  CHECK(runtime::ReadBundleFile("/nonexistent/x.acb").error().message ==
        "cannot read bundle `/nonexistent/x.acb`");
}

}  // namespace
}  // namespace accord::testing
