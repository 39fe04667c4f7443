#include "accord/compiler/driver/test_runner.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "accord/runtime/evaluate.h"

namespace accord {
namespace {

runtime::Value ToRuntime(runtime::Item& item, const sema::Value& v) {
  switch (v.kind) {
    case sema::TypeKind::BOOL: return runtime::Value::Bool(v.bool_value);
    case sema::TypeKind::INT: return runtime::Value::Number(static_cast<double>(v.int_value));
    case sema::TypeKind::FLOAT:
    case sema::TypeKind::DURATION: return runtime::Value::Number(v.number);
    case sema::TypeKind::STRING: return runtime::Value::String(item.arena.Copy(v.string_value));
    case sema::TypeKind::ENUM: return runtime::Value::Enum(v.enum_index);
    case sema::TypeKind::CONCEPT: return runtime::Value::Concept(v.concept_id);
    default: return {};
  }
}

template <std::size_t N>
void Numbers(std::array<double, N>& out, const std::vector<sema::Value>& values) {
  for (std::size_t i = 0; i < N && i < values.size(); ++i) out[i] = values[i].AsNumber();
}

runtime::Record LowerRecord(const sema::Program& program, const sema::TestRecord& source,
                            const runtime::Bundle& bundle, runtime::Item& item) {
  runtime::Record r;
  runtime::Extents extents;
  r.id = item.arena.Copy(source.id);
  r.modality = source.modality;
  r.modality_name = item.arena.Copy(program.modalities[source.modality].name);
  r.label = item.arena.Copy(source.label);
  r.concept_id = source.concept_id == sema::kNoConcept ? runtime::kNone : source.concept_id;
  if (source.has_time) {
    r.start = source.start;
    r.end = source.end;
    r.flags |= runtime::HAS_START | runtime::HAS_END;
  }
  r.attr_begin = static_cast<std::uint32_t>(item.attrs.size());
  for (const auto& [name, values] : source.fields) {
    if (name == "track") {
      r.track = item.arena.Copy(values[0].string_value);
      r.flags |= runtime::HAS_TRACK;
    } else if (name == "annotator") {
      r.annotator = item.arena.Copy(values[0].string_value);
      r.flags |= runtime::HAS_ANNOTATOR;
    } else if (name == "source") {
      if (values[0].string_value == "model") r.flags |= runtime::FROM_MODEL;
    } else if (name == "confidence") {
      r.confidence = values[0].AsNumber();
      r.flags |= runtime::HAS_CONFIDENCE;
    } else if (name == "box") {
      Numbers(extents.box, values);
      r.flags |= runtime::HAS_BOX;
    } else if (name == "box3d") {
      Numbers(extents.box3d, values);
      r.flags |= runtime::HAS_BOX3D;
    } else if (name == "geo") {
      Numbers(extents.geo, values);
      r.flags |= runtime::HAS_GEO;
    } else if (name == "span") {
      Numbers(extents.span, values);
      r.flags |= runtime::HAS_SPAN;
    } else if (r.concept_id != runtime::kNone) {
      runtime::AttributeId attr = bundle.AttributeFor(r.concept_id, name);
      if (attr != runtime::kNone) item.attrs.push_back({attr, ToRuntime(item, values[0])});
    }
  }
  r.attr_count = static_cast<std::uint32_t>(item.attrs.size()) - r.attr_begin;
  runtime::StoreExtents(r, extents, item.arena);
  r.line = source.range.begin.line;
  return r;
}

}  // namespace

std::string TestFinding::Text() const { return fmt::format("{}({})", rule, fmt::join(ids, ", ")); }

std::vector<runtime::Item> LowerTestItems(const sema::Program& program, const sema::TestCase& test,
                                          const runtime::Bundle& bundle) {
  std::vector<runtime::Item> items;
  std::map<std::string, std::size_t> by_name;
  for (const sema::TestRecord& source : test.records) {
    auto [it, inserted] = by_name.emplace(source.item, items.size());
    if (inserted) {
      items.emplace_back();
      items.back().key = items.back().arena.Copy(source.item);
      items.back().sequence = items.size() - 1;
    }
    runtime::Item& item = items[it->second];
    item.records.push_back(LowerRecord(program, source, bundle, item));
    std::string missing = runtime::MissingExtentDetail(bundle, item.records.back());
    if (!missing.empty()) {
      item.issues.push_back({static_cast<std::uint32_t>(item.records.size() - 1),
                             runtime::RecordProblem::MISSING_EXTENT, std::move(missing)});
    }
  }
  return items;
}

TestReport RunTests(const sema::Program& program, const runtime::Bundle& bundle, int module,
                    const SourceManager& sources) {
  TestReport report;
  std::set<std::string> fired;
  for (const sema::TestCase& test : program.tests) {
    if (module >= 0 && test.module != static_cast<std::uint32_t>(module)) continue;
    auto start = std::chrono::steady_clock::now();
    TestResult result;
    result.name = test.name;
    result.file = sources.Get(test.range.file).Path();
    result.line = test.range.begin.line;
    std::vector<runtime::Finding> findings;
    for (const runtime::Item& item : LowerTestItems(program, test, bundle)) {
      runtime::EvaluateItem(bundle, item, runtime::EvalMode::PLANNED, findings);
    }
    for (const runtime::Finding& f : findings) {
      TestFinding actual{f.rule, {}, f.message};
      for (const runtime::Witness& w : f.witnesses) actual.ids.push_back(w.id);
      std::sort(actual.ids.begin(), actual.ids.end());
      fired.insert(f.rule);
      result.actual.push_back(std::move(actual));
    }
    std::vector<TestFinding> expected;
    for (const sema::TestExpectation& e : test.expectations) {
      if (e.none) continue;
      TestFinding finding{e.rule, e.ids, {}};
      std::sort(finding.ids.begin(), finding.ids.end());
      expected.push_back(std::move(finding));
    }
    std::sort(expected.begin(), expected.end());
    std::vector<TestFinding> actual = result.actual;
    std::sort(actual.begin(), actual.end());
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                        std::back_inserter(result.missing));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                        std::back_inserter(result.unexpected));
    result.passed = result.missing.empty() && result.unexpected.empty();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.tests.push_back(std::move(result));
  }
  for (const sema::Rule& rule : program.rules) {
    if (module >= 0 && rule.module != static_cast<std::uint32_t>(module)) continue;
    if (!fired.count(rule.name)) report.rules_never_fired.push_back(rule.name);
  }
  return report;
}

}  // namespace accord
