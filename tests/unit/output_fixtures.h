#pragma once
// Hand-built runs shared by the output tests: Run() (two items, three
// findings, one malformed line) and HostileRun() (strings that break naive
// writers), with the context they are reported in.

#include <string>
#include <utility>

#include "accord/runtime/report.h"

namespace accord::runtime::fixtures {

inline Witness MakeWitness(std::string id, std::string modality, std::string label,
                           std::string concept_name, std::string annotator, std::uint32_t file,
                           std::uint64_t line) {
  Witness w;
  w.id = std::move(id);
  w.modality = std::move(modality);
  w.label = std::move(label);
  w.concept_name = std::move(concept_name);
  w.annotator = std::move(annotator);
  w.file = file;
  w.line = line;
  return w;
}

inline void SetTime(Witness& w, double start, double end) {
  w.flags |= HAS_START | HAS_END;
  w.start = start;
  w.end = end;
}

inline ReportContext Context() {
  ReportContext context;
  context.bundle.ontology = "affect";
  context.bundle.version = "1.2.0";
  context.bundle.compiler_version = "0.1.0";
  context.bundle.bundle_hash = "3f2a9c0d1e4b5a67";
  context.tool_version = "0.1.0";
  Bundle bundle;
  Rule tone;
  tone.name = "tone_mismatch";
  tone.doc = "Tone must agree across channels unless sarcasm is marked.\nSee the playbook.";
  Rule calm;
  calm.name = "calm_caption";
  Rule quiet;
  quiet.name = "never_fires";
  bundle.rules.push_back(std::move(tone));
  bundle.rules.push_back(std::move(calm));
  bundle.rules.push_back(std::move(quiet));
  context.rules = DescribeRules(bundle);
  return context;
}

/// Two items: a built-in finding and a rule finding with two witnesses
/// (time and box extents) in the first, an info finding in the second, and
/// one malformed line.
inline ValidationResult Run() {
  ValidationResult result;
  Summary& s = result.summary;
  s.inputs = {"data.jsonl", "more data.jsonl"};
  s.lines = 12;
  s.bytes = 1536;
  s.records = 9;
  s.items = 2;
  s.input_errors.push_back({1, 4, "missing required field `item`"});
  s.by_rule = {{"calm_caption", 1}, {"tone_mismatch", 1}, {"unknown_label", 1}};
  s.by_severity = {{"error", 2}, {"info", 1}};
  s.by_modalities = {{"camera+audio", 1}, {"text", 1}, {"video", 1}};
  s.seconds = 0.25;

  Finding unknown;
  unknown.rule = "unknown_label";
  unknown.builtin = true;
  unknown.order = 1;
  unknown.item = "clip-001";
  unknown.message = "`agressive` is not a label of modality `video`";
  unknown.witnesses.push_back(MakeWitness("v9", "video", "agressive", "", "ann-a", 0, 3));
  SetTime(unknown.witnesses.back(), 3, 4);
  unknown.fingerprint = "a1b2c3d4e5f60718";

  Finding tone;
  tone.rule = "tone_mismatch";
  tone.order = 5;
  tone.item = "clip-001";
  tone.message = "camera says \"hostile\" but audio says \"neutral\"";
  tone.guideline = "Affect playbook 4.2";
  tone.escalate = "qa-lead";
  Witness v1 = MakeWitness("v1", "camera", "hostile", "hostile", "ann-a", 0, 1);
  SetTime(v1, 12, 15.5);
  v1.flags |= HAS_BOX;
  v1.box = {10, 20, 30.5, 40};
  Witness a1 = MakeWitness("a1", "audio", "neutral", "neutral", "ann-b", 0, 2);
  SetTime(a1, 12.25, 16);
  tone.witnesses = {v1, a1};
  tone.fingerprint = "0f1e2d3c4b5a6978";

  Finding calm;
  calm.rule = "calm_caption";
  calm.order = 6;
  calm.severity = Severity::INFO;
  calm.item = "clip-002";
  calm.item_sequence = 1;
  calm.message = "caption says <calm> & video agrees";
  Witness t1 = MakeWitness("t1", "text", "calm", "calm", "", 1, 7);
  t1.flags |= HAS_SPAN;
  t1.span = {0, 12};
  calm.witnesses = {t1};
  calm.fingerprint = "8899aabbccddeeff";

  result.findings = {unknown, tone, calm};
  return result;
}

/// Strings that break naive writers: quotes, markup, control characters,
/// invalid UTF-8, stdin, a path with a space and a colon, every extent kind,
/// and an unreadable input (line 0).
inline ValidationResult HostileRun() {
  ValidationResult result;
  Summary& s = result.summary;
  s.inputs = {"-", "dir/a:b c.jsonl"};
  s.input_errors.push_back({1, 0, "cannot open: No such file or directory"});
  s.input_errors.push_back({0, 2, "bad \"json\" <here> & \x01"});
  Finding f;
  f.rule = "odd";
  f.order = 5;
  f.severity = Severity::WARNING;
  f.item = "it\"em<1>&\n\x1b[31m\xff";
  f.message = "tab\there, bell\x07, é, \xe2\x82";
  f.guideline = "]]> & </failure>";
  Witness w = MakeWitness("r\"1", "lidar", "car\\", "vehicle", "bot", 0, 9);
  w.flags |= HAS_START | HAS_SPAN | HAS_BOX3D | HAS_GEO;
  w.start = 0.1;
  w.span = {5, 9};
  w.box3d = {1, 2, 3, 4.5, 2, 1.5, -0.25};
  w.geo = {48.8566, 2.3522};
  f.witnesses = {w, MakeWitness("r2", "lidar", "car", "vehicle", "", 7, 0)};
  f.fingerprint = "0000000000000001";
  result.findings = {f};
  return result;
}

}  // namespace accord::runtime::fixtures
