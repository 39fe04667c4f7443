// SARIF 2.1.0: one run; rules that fired as reporting descriptors, findings
// as results located at their witnesses, input errors as notifications.

#include <map>

#include "accord/runtime/report.h"
#include "common.h"
#include "escape.h"
#include "json_writer.h"

namespace accord::runtime {
namespace {

using internal::FiredRule;
using internal::JsonWriter;

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::ERROR:
      return "error";
    case Severity::WARNING:
      return "warning";
    case Severity::INFO:
      return "note";
  }
  return "none";
}

/// `"key": {"text": text}`: a message or multiformatMessageString.
void WriteMessage(JsonWriter& json, std::string_view key, std::string_view text) {
  json.Key(key).BeginObject();
  json.Key("text").String(text);
  json.EndObject();
}

/// Which ontology and bundle a run used (property bag entries).
void WriteProvenance(JsonWriter& json, const BundleInfo& bundle) {
  json.Key("ontology").String(bundle.ontology);
  if (!bundle.version.empty()) json.Key("ontology_version").String(bundle.version);
  json.Key("bundle_hash").String(bundle.bundle_hash);
}

/// A physicalLocation at `line` of input `file` (no region when line is 0).
void WritePhysicalLocation(JsonWriter& json, std::string_view file, std::uint64_t line) {
  json.Key("physicalLocation").BeginObject();
  json.Key("artifactLocation").BeginObject();
  json.Key("uri").String(internal::UriReference(file));
  json.EndObject();
  if (line > 0) {
    json.Key("region").BeginObject();
    json.Key("startLine").Uint(line);
    json.EndObject();
  }
  json.EndObject();
}

void WriteRule(JsonWriter& json, const FiredRule& rule, const ReportContext& context) {
  std::string_view doc;
  for (const RuleDescriptor& d : context.rules) {
    if (d.name == rule.name) doc = d.doc;
  }
  std::string summary;
  if (rule.builtin) summary = internal::BuiltinDescription(rule.name);
  if (summary.empty() && !doc.empty()) summary = doc.substr(0, doc.find('\n'));
  if (summary.empty()) summary = "Accord rule `" + std::string(rule.name) + "`.";
  json.BeginObject();
  json.Key("id").String(rule.name);
  WriteMessage(json, "shortDescription", summary);
  if (!doc.empty() && doc != summary) {
    WriteMessage(json, "fullDescription", doc);
  }
  json.Key("defaultConfiguration").BeginObject();
  json.Key("level").String(Level(rule.severity));
  json.EndObject();
  json.Key("properties").BeginObject();
  json.Key("builtin").Bool(rule.builtin);
  json.EndObject();
  json.EndObject();
}

void WriteResult(JsonWriter& json, const Finding& f, std::size_t rule_index,
                 const ReportContext& context, const std::vector<std::string>& inputs) {
  json.BeginObject();
  json.Key("ruleId").String(f.rule);
  json.Key("ruleIndex").Uint(rule_index);
  json.Key("level").String(Level(f.severity));
  WriteMessage(json, "message", f.message);
  json.Key("locations").BeginArray();
  for (const Witness& w : f.witnesses) {
    json.BeginObject();
    std::string_view file = internal::InputName(inputs, w.file);
    if (!file.empty()) WritePhysicalLocation(json, file, w.line);
    WriteMessage(json, "message", internal::WitnessText(w, inputs, false));
    json.EndObject();
  }
  json.EndArray();
  json.Key("partialFingerprints").BeginObject();
  json.Key("accordFingerprint/v1").String(f.fingerprint);
  json.EndObject();
  json.Key("properties").BeginObject();
  json.Key("item").String(f.item);
  json.Key("builtin").Bool(f.builtin);
  if (!f.guideline.empty()) json.Key("guideline").String(f.guideline);
  if (!f.escalate.empty()) json.Key("escalate").String(f.escalate);
  WriteProvenance(json, context.bundle);
  json.EndObject().EndObject();
}

void WriteInvocation(JsonWriter& json, const Summary& summary) {
  json.BeginObject();
  json.Key("executionSuccessful").Bool(summary.input_errors.empty());
  json.Key("toolExecutionNotifications").BeginArray();
  for (const InputError& e : summary.input_errors) {
    json.BeginObject();
    json.Key("level").String("error");
    WriteMessage(json, "message", e.reason);
    std::string_view file = internal::InputName(summary.inputs, e.file);
    if (!file.empty()) {
      json.Key("locations").BeginArray().BeginObject();
      WritePhysicalLocation(json, file, e.line);
      json.EndObject().EndArray();
    }
    json.EndObject();
  }
  json.EndArray().EndObject();
}

}  // namespace

void WriteSarif(std::ostream& out, const ValidationResult& result, const ReportContext& context) {
  std::vector<FiredRule> rules = internal::FiredRules(result.findings);
  std::map<std::string_view, std::size_t> rule_index;
  for (std::size_t i = 0; i < rules.size(); ++i) rule_index[rules[i].name] = i;

  JsonWriter json(2);
  json.BeginObject();
  json.Key("$schema").String("https://json.schemastore.org/sarif-2.1.0.json");
  json.Key("version").String("2.1.0");
  json.Key("runs").BeginArray().BeginObject();
  json.Key("tool").BeginObject().Key("driver").BeginObject();
  json.Key("name").String("accord");
  json.Key("version").String(context.tool_version);
  json.Key("informationUri").String("https://github.com/accord-lang/accord");
  json.Key("rules").BeginArray();
  for (const FiredRule& rule : rules) WriteRule(json, rule, context);
  json.EndArray().EndObject().EndObject();

  json.Key("invocations").BeginArray();
  WriteInvocation(json, result.summary);
  json.EndArray();

  json.Key("results").BeginArray();
  for (const Finding& f : result.findings) {
    WriteResult(json, f, rule_index[f.rule], context, result.summary.inputs);
  }
  json.EndArray();

  json.Key("properties").BeginObject();
  WriteProvenance(json, context.bundle);
  json.EndObject();
  json.EndObject().EndArray().EndObject();
  out << json.Text() << '\n';
}

}  // namespace accord::runtime
