// SARIF 2.1.0: one run; rules that fired as reporting descriptors, findings
// as results located at their witnesses, input errors as notifications.
//
// The rules that fired, and so each result's ruleIndex, are known only at the
// end, but they come before the results. So results are rendered on the
// worker threads with a placeholder for ruleIndex (NUL, the rule name in hex,
// NUL: JSON text never holds a raw NUL), held back in a SpillFile, and
// written after the header in Finish with the placeholders filled in.

#include <algorithm>
#include <map>

#include "accord/runtime/report.h"
#include "common.h"
#include "escape.h"
#include "json_writer.h"
#include "spill.h"
#include "writers.h"

namespace accord::runtime::internal {
namespace {

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
  json.Key("uri").String(UriReference(file));
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
  if (rule.builtin) summary = BuiltinDescription(rule.name);
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

/// Nesting of the results array: the log, `runs`, the run, `results`.
constexpr std::size_t kResultsDepth = 4;

/// The ruleIndex placeholder of rule `name`.
void AppendPlaceholder(std::string& out, std::string_view name) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '\0';
  for (unsigned char c : name) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  out += '\0';
}

std::string NameOfPlaceholder(std::string_view hex) {
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string name;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    name += static_cast<char>(digit(hex[i]) << 4 | digit(hex[i + 1]));
  }
  return name;
}

void WriteResult(JsonWriter& json, const Finding& f, std::string_view rule_index,
                 const ReportContext& context, const std::vector<std::string>& inputs) {
  json.BeginObject();
  json.Key("ruleId").String(f.rule);
  json.Key("ruleIndex").Raw(rule_index);
  json.Key("level").String(Level(f.severity));
  WriteMessage(json, "message", f.message);
  json.Key("locations").BeginArray();
  for (const Witness& w : f.witnesses) {
    json.BeginObject();
    std::string_view file = InputName(inputs, w.file);
    if (!file.empty()) WritePhysicalLocation(json, file, w.line);
    WriteMessage(json, "message", WitnessText(w, inputs, false));
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
    std::string_view file = InputName(summary.inputs, e.file);
    if (!file.empty()) {
      json.Key("locations").BeginArray().BeginObject();
      WritePhysicalLocation(json, file, e.line);
      json.EndObject().EndArray();
    }
    json.EndObject();
  }
  json.EndArray().EndObject();
}

/// A rule with findings, with storage of its own (findings come and go).
struct Fired {
  std::string name;
  bool builtin = false;
  std::uint32_t order = 0;
  Severity severity = Severity::ERROR;  ///< of its first finding
};

class SarifWriter final : public ReportWriter {
 public:
  SarifWriter(ReportOutput& out, const ReportContext& context, std::vector<std::string> inputs)
      : out_(out),
        context_(context),
        inputs_(std::move(inputs)),
        results_text_(out.MemoryLimit()) {}

  void Prepare(FindingBatch& batch) const override {
    JsonWriter json(2, kResultsDepth);
    std::string placeholder;
    for (const Finding& f : batch.findings) {
      placeholder.clear();
      AppendPlaceholder(placeholder, f.rule);
      WriteResult(json, f, placeholder, context_, inputs_);
    }
    batch.text = json.Take();
  }

  void Consume(FindingBatch& batch) override {
    if (batch.findings.empty()) return;
    if (results_ > 0) results_text_.Append(",");
    results_text_.Append(batch.text);
    results_ += batch.findings.size();
    for (const Finding& f : batch.findings) {
      if (fired_index_.emplace(f.rule, fired_.size()).second) {
        fired_.push_back({f.rule, f.builtin, f.order, f.severity});
      }
    }
  }

  void Restart() override {
    out_.Discard();
    results_text_.Clear();
    results_ = 0;
    fired_.clear();
    fired_index_.clear();
  }

  void Finish(const Summary& summary) override {
    out_.Commit();
    // Built-ins first, then by rule order, then by name.
    std::vector<FiredRule> rules;
    for (const Fired& f : fired_) rules.push_back({f.name, f.builtin, f.order, f.severity});
    std::stable_sort(rules.begin(), rules.end(), [](const FiredRule& a, const FiredRule& b) {
      if (a.builtin != b.builtin) return a.builtin;
      if (a.order != b.order) return a.order < b.order;
      return a.name < b.name;
    });
    std::map<std::string, std::string, std::less<>> rule_index;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      rule_index[std::string(rules[i].name)] = std::to_string(i);
    }

    JsonWriter json(2);
    json.BeginObject();
    json.Key("$schema").String("https://json.schemastore.org/sarif-2.1.0.json");
    json.Key("version").String("2.1.0");
    json.Key("runs").BeginArray().BeginObject();
    json.Key("tool").BeginObject().Key("driver").BeginObject();
    json.Key("name").String("accord");
    json.Key("version").String(context_.tool_version);
    json.Key("informationUri").String("https://github.com/accord-lang/accord");
    json.Key("rules").BeginArray();
    for (const FiredRule& rule : rules) WriteRule(json, rule, context_);
    json.EndArray().EndObject().EndObject();

    json.Key("invocations").BeginArray();
    WriteInvocation(json, summary);
    json.EndArray();

    json.Key("results").BeginArray();
    out_.Write(json.Take());
    WriteResults(rule_index);
    if (results_ > 0) json.MarkNotEmpty();
    json.EndArray();

    json.Key("properties").BeginObject();
    WriteProvenance(json, context_.bundle);
    json.EndObject();
    json.EndObject().EndArray().EndObject();
    out_.Write(json.Take());
    out_.Write("\n");
  }

 private:
  /// The held-back results with their placeholders filled in.
  void WriteResults(const std::map<std::string, std::string, std::less<>>& rule_index) {
    bool in_placeholder = false;
    std::string hex;
    std::string failure = results_text_.Read(0, results_text_.Size(), [&](std::string_view piece) {
      while (!piece.empty()) {
        std::size_t nul = piece.find('\0');
        std::string_view before = piece.substr(0, nul);
        if (in_placeholder) {
          hex += before;
        } else {
          out_.Write(before);
        }
        if (nul == std::string_view::npos) return;
        if (in_placeholder) {
          auto found = rule_index.find(NameOfPlaceholder(hex));
          out_.Write(found != rule_index.end() ? std::string_view(found->second) : "0");
          hex.clear();
        }
        in_placeholder = !in_placeholder;
        piece.remove_prefix(nul + 1);
      }
    });
    if (!failure.empty()) out_.Fail("cannot read the held-back results: " + failure);
  }

  ReportOutput& out_;
  ReportContext context_;
  std::vector<std::string> inputs_;
  SpillFile results_text_;  ///< the results so far, comma-separated, with placeholders
  std::uint64_t results_ = 0;
  std::vector<Fired> fired_;  ///< in order of first finding
  std::map<std::string, std::size_t, std::less<>> fired_index_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeSarifWriter(ReportOutput& out, const ReportContext& context,
                                              std::vector<std::string> inputs) {
  return std::make_unique<SarifWriter>(out, context, std::move(inputs));
}

}  // namespace accord::runtime::internal
