// The planner is proved right against the semantics: for every rule form,
// the planned evaluator (pushed filters, hash joins, interval probes,
// quantifier subplans) and the reference evaluator (nested loops straight
// from LANGUAGE.md) must produce identical findings on thousands of random
// items.

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "accord/compiler/driver/session.h"
#include "accord/compiler/plan/lower.h"
#include "accord/runtime/describe.h"
#include "accord/runtime/evaluate.h"

namespace accord::testing {
namespace {

using runtime::Bundle;
using runtime::Finding;
using runtime::Item;
using runtime::Record;

constexpr const char* kSource = R"(ontology diff version "1";
modality video  { extent: time; }
modality audio  { extent: time; }
modality text   { extent: time; }
modality camera { extent: time, box; }
modality lidar  { extent: time, box3d; }
modality gps    { extent: time, geo; }
enum Valence { negative, neutral, positive }
concept affect in video, audio, text { valence: Valence; intensity: int[1..5] = 3; }
concept hostile : affect in video as "aggressive", audio as "angry", text as "hostile" { valence = negative; }
concept calm : affect in video as "calm", audio as "neutral", text as "neutral" { valence = neutral; }
concept cheerful : affect in video as "smiling", audio as "cheerful", text as "happy" { valence = positive; }
concept sarcasm in text as "sarcastic";
concept road_user in camera, lidar { moving: bool; }
concept pedestrian : road_user;
concept vehicle : road_user;
concept cyclist : road_user;
concept fix in gps;

rule r01 { for v: affect in video, a: affect in audio
  where overlaps(v, a) and v.valence != a.valence
  unless exists t: sarcasm in text where overlaps(t, v)
  report "{v.id} {a.id}"; }
rule r02 { for c: pedestrian in camera
  require exists l: pedestrian in lidar where l.track == c.track and near(l, c, 0.5s); }
rule r03 { for c: road_user in camera, l: road_user in lidar
  where c.track == l.track and near(c, l, 1s) and c.concept != l.concept; }
rule r04 { for x: affect in video, y: affect in video
  where x.annotator != y.annotator and overlap(x, y) >= 1s and x.valence != y.valence
  report "{x.annotator} {y.annotator} {x.start}"; }
rule r05 { for p: hostile in video
  require count(e: affect in audio where near(e, p, 2s) and e is hostile) >= 2; }
rule r06 { for m: affect in video, h: affect in video
  where m.source == "model" and h.source == "human" and m.confidence >= 0.5
    and overlaps(m, h) and m.valence != h.valence; }
rule r07 { for a: affect in audio, b: affect in text where before(a, b, 3s) and a.intensity > b.intensity; }
rule r08 { for a: affect in audio, b: affect in text where after(a, b) and a.valence == b.valence; }
rule r09 { for a: affect in video, b: affect in audio where meets(a, b); }
rule r10 { for a: affect in video, b: affect in text where during(a, b) and not (a is calm); }
rule r11 { for a: affect in video, b: affect in audio where contains(a, b) and b.valence in {negative, positive}; }
rule r12 { for a: road_user in camera, b: road_user in camera where iou(a, b) > 0.1 and a.track != b.track; }
rule r13 { for f: fix in gps, g: fix in gps where f.track == g.track and distance(f, g) > 500.0 and f.end <= g.start; }
rule r14 { for l: road_user in lidar, m: road_user in lidar where l.track == m.track and distance(l, m) > 3.0 and near(l, m, 0.2s); }
rule r15 { for v: affect in video where has(v.annotator) and v.intensity >= 4
  unless exists w: affect in video where w.annotator != v.annotator and overlaps(w, v) and w.intensity >= 4; }
rule r16 { for v: affect in video, a: affect in audio, t: affect in text
  where overlaps(v, a) and overlaps(a, t) and v.valence == t.valence and a.valence != v.valence; }
rule r17 { for c: road_user in camera, l: road_user in lidar
  where c.track == l.track and c.annotator == l.annotator and c.moving != l.moving; }
rule r18 { for v in video, a in audio where v.label == a.label and v.end - v.start > 2 * (a.end - a.start); }
rule r19 { for v: affect in video where v.duration >= 3s
  require exists a: affect in audio where during(a, v) and (a.valence == v.valence or a is sarcasm); }
rule r20 { for x: affect in text where x.valence == negative or x.intensity < 2
  require count(y: affect in text where y.annotator == x.annotator and overlaps(x, y)) >= 1
  unless exists z: sarcasm in text where contains(z, x); }
rule r21 { for c: road_user in camera, d: road_user in camera
  where c.track == d.track and c.start < d.start and iou(c, d) < 0.3 and d.start - c.end <= 0.5; }
rule r22 { for a: affect in audio, b: affect in audio where overlap(a, b) > 0.0 and a.annotator == b.annotator; }
)";

/// A second, differently shaped ontology (fewer modalities, a disjoint set,
/// other rules), so one workspace can be shown to serve both.
constexpr const char* kOtherSource = R"(ontology other version "1";
modality audio { extent: time; }
modality video { extent: time; }
enum Valence { negative, neutral, positive }
concept affect in audio, video { valence: Valence; }
concept hostile : affect in audio as "angry", video as "aggressive" { valence = negative; }
concept calm : affect in audio as "neutral", video as "calm" { valence = neutral; }
concept cheerful : affect in audio as "cheerful", video as "smiling" { valence = positive; }
disjoint hostile, calm, cheerful;
rule o1 { for a: affect in audio, v: affect in video
  where a.track == v.track and near(a, v, 1s) and a.valence != v.valence
  report "{a.id} {v.id} {a.valence}"; }
rule o2 { for v: hostile in video
  require exists a: affect in audio where overlaps(a, v) and a.annotator == v.annotator; }
)";

struct Fixture {
  Bundle bundle;
  explicit Fixture(const char* source = kSource) {
    Session session(CompileOptions{});
    session.AddOverlay("diff.accord", source);
    const CompiledUnit* unit = session.Compile("diff.accord");
    session.Finish();
    REQUIRE(unit != nullptr);
    REQUIRE_MESSAGE(!session.Diags().HasErrors(), "the differential rules must compile");
    bundle = LowerProgram(*unit->program, {"test", "0"});
  }
};

/// Random items: few tracks, annotators and grid times, so keys collide,
/// intervals meet and touch, and fields are sometimes missing.
class Generator {
 public:
  Generator(const Bundle& bundle, std::uint32_t seed) : bundle_(bundle), rng_(seed) {}

  void Fill(Item& item, std::size_t count) {
    item.key = item.arena.Copy(fmt::format("item-{}", item.sequence));
    for (std::size_t i = 0; i < count; ++i) item.records.push_back(MakeRecord(item, i));
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }
  double Grid(int max, double step) { return Pick(max) * step; }

  Record MakeRecord(Item& item, std::size_t i) {
    Record r;
    runtime::Extents extents;
    r.id = item.arena.Copy(fmt::format("r{}", i));
    r.modality = static_cast<runtime::ModalityId>(Pick(static_cast<int>(bundle_.modalities.size())));
    r.modality_name = item.arena.Copy(bundle_.modalities[r.modality].name);
    std::vector<std::pair<std::string, runtime::ConceptId>> labels;
    for (const auto& [label, c] : bundle_.label_index[r.modality]) labels.emplace_back(label, c);
    std::sort(labels.begin(), labels.end());
    const auto& [label, concept_id] = labels[static_cast<std::size_t>(Pick(static_cast<int>(labels.size())))];
    r.label = item.arena.Copy(label);
    r.concept_id = concept_id;
    if (Chance(95)) {
      r.start = Grid(20, 0.5);
      r.end = r.start + Grid(8, 0.5);
      r.flags |= runtime::HAS_START | runtime::HAS_END;
    }
    if (Chance(85)) {
      r.track = item.arena.Copy(fmt::format("t{}", Pick(4)));
      r.flags |= runtime::HAS_TRACK;
    }
    if (Chance(85)) {
      r.annotator = item.arena.Copy(fmt::format("ann{}", Pick(3)));
      r.flags |= runtime::HAS_ANNOTATOR;
    }
    if (Chance(30)) r.flags |= runtime::FROM_MODEL;
    if (Chance(70)) {
      r.confidence = Grid(11, 0.1);
      r.flags |= runtime::HAS_CONFIDENCE;
    }
    if (Chance(90)) {
      extents.box = {Grid(10, 10), Grid(10, 10), 5 + Grid(6, 10), 5 + Grid(6, 10)};
      r.flags |= runtime::HAS_BOX;
    }
    if (Chance(90)) {
      extents.box3d = {Grid(10, 1), Grid(10, 1), 0, 1, 1, 1, 0};
      r.flags |= runtime::HAS_BOX3D;
    }
    if (Chance(90)) {
      extents.geo = {48.85 + Grid(10, 0.003), 2.35 + Grid(10, 0.003)};
      r.flags |= runtime::HAS_GEO;
    }
    r.attr_begin = static_cast<std::uint32_t>(item.attrs.size());
    for (const auto& [name, attr] : bundle_.concepts[concept_id].attributes) {
      if (!Chance(60)) continue;
      const runtime::Attribute& a = bundle_.attributes[attr];
      runtime::Value v;
      switch (a.type) {
        case runtime::AttrType::ENUM: v = runtime::Value::Enum(static_cast<std::uint32_t>(Pick(3))); break;
        case runtime::AttrType::INT: v = runtime::Value::Number(1 + Pick(5)); break;
        case runtime::AttrType::BOOL: v = runtime::Value::Bool(Chance(50)); break;
        default: continue;
      }
      item.attrs.push_back({attr, v});
    }
    r.attr_count = static_cast<std::uint32_t>(item.attrs.size()) - r.attr_begin;
    runtime::StoreExtents(r, extents, item.arena);
    r.line = i + 1;
    return r;
  }

  const Bundle& bundle_;
  std::mt19937 rng_;
};

std::vector<std::string> Describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    std::string ids;
    for (const runtime::Witness& w : f.witnesses) ids += " " + w.id;
    out.push_back(fmt::format("{} [{}]{} | {} | {}", f.rule, f.item, ids, f.message, f.fingerprint));
  }
  return out;
}

/// Compares planned evaluation, with `workspace` (reused across calls) and
/// with a fresh one, against the reference, rule by rule; false on the
/// first difference.
bool AgreeRuleByRule(const Bundle& bundle, const Item& item, runtime::EvalWorkspace& workspace,
                     std::vector<std::size_t>& fired) {
  for (std::uint32_t r = 0; r < bundle.rules.size(); ++r) {
    std::vector<Finding> planned;
    std::vector<Finding> reused;
    std::vector<Finding> reference;
    runtime::EvaluateRule(bundle, item, r, runtime::EvalMode::PLANNED, planned);
    runtime::EvaluateRule(bundle, item, r, runtime::EvalMode::PLANNED, workspace, reused);
    runtime::EvaluateRule(bundle, item, r, runtime::EvalMode::REFERENCE, reference);
    fired[r] += reference.size();
    if (Describe(planned) != Describe(reference) || Describe(reused) != Describe(planned)) {
      FAIL_CHECK("rule ", bundle.rules[r].name, " differs on item ", item.sequence, " of ",
                 item.records.size(), " records\nplan:\n", runtime::DescribePlan(bundle, bundle.rules[r]));
      CHECK(Describe(planned) == Describe(reference));
      CHECK(Describe(reused) == Describe(planned));
      return false;
    }
  }
  return true;
}

TEST_CASE("planned and reference evaluation agree on random items, rule by rule") {
  Fixture fixture;
  const Bundle& bundle = fixture.bundle;
  std::vector<std::size_t> fired(bundle.rules.size(), 0);
  // One workspace for every item and rule, as a validation thread uses it.
  runtime::EvalWorkspace workspace;
  for (std::uint32_t seed = 1; seed <= 2000; ++seed) {
    Item item;
    item.sequence = seed;
    Generator(bundle, seed).Fill(item, 10 + seed % 40);
    if (!AgreeRuleByRule(bundle, item, workspace, fired)) return;
  }
  // Every rule form must actually fire somewhere, or the comparison proves nothing.
  for (std::uint32_t r = 0; r < bundle.rules.size(); ++r) {
    CAPTURE(bundle.rules[r].name);
    CHECK(fired[r] > 0);
  }
}

TEST_CASE("planned and reference evaluation agree on large items") {
  // Enough records per modality for interval trees (more than 16 timed
  // candidates), hash tables that grow, and long buckets.
  Fixture fixture;
  const Bundle& bundle = fixture.bundle;
  std::vector<std::size_t> fired(bundle.rules.size(), 0);
  runtime::EvalWorkspace workspace;
  for (std::uint32_t seed = 5001; seed <= 5030; ++seed) {
    Item item;
    item.sequence = seed;
    Generator(bundle, seed).Fill(item, 120 + (seed % 7) * 30);
    if (!AgreeRuleByRule(bundle, item, workspace, fired)) return;
  }
  for (std::uint32_t r = 0; r < bundle.rules.size(); ++r) {
    CAPTURE(bundle.rules[r].name);
    CHECK(fired[r] > 0);
  }
}

TEST_CASE("one workspace across items of every size and two bundles gives fresh results") {
  Fixture first;
  Fixture second(kOtherSource);
  runtime::EvalWorkspace workspace;
  std::size_t findings = 0;
  std::size_t disjoint = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    // Sizes jump between small and large, and the bundle alternates, so the
    // workspace shrinks and grows in every part.
    const Bundle& bundle = seed % 3 == 0 ? second.bundle : first.bundle;
    Item item;
    item.sequence = seed;
    Generator(bundle, seed).Fill(item, seed % 5 == 0 ? 150 + seed % 50 : seed % 30);
    std::vector<Finding> fresh;
    std::vector<Finding> reused;
    runtime::EvaluateItem(bundle, item, runtime::EvalMode::PLANNED, fresh);
    runtime::EvaluateItem(bundle, item, runtime::EvalMode::PLANNED, workspace, reused);
    findings += fresh.size();
    for (const Finding& f : fresh) disjoint += f.rule == "disjoint";
    if (Describe(reused) != Describe(fresh)) {
      FAIL_CHECK("seed ", seed, " (", item.records.size(), " records) differs");
      CHECK(Describe(reused) == Describe(fresh));
      return;
    }
  }
  CHECK(findings > 1000);
  CHECK(disjoint > 0);
}

TEST_CASE("the planner uses an index for every rule with a key or temporal predicate") {
  Fixture fixture;
  for (const runtime::Rule& rule : fixture.bundle.rules) {
    CAPTURE(rule.name);
    // r12 links its bindings only by `iou` on boxes, neither a key nor time.
    if (rule.name == "r12") continue;
    for (std::size_t i = 1; i < rule.steps.size(); ++i) {
      CHECK(rule.steps[i].access != runtime::Access::SCAN);
    }
    for (const runtime::Subplan& sub : rule.subplans) CHECK(sub.step.access != runtime::Access::SCAN);
  }
}

}  // namespace
}  // namespace accord::testing
