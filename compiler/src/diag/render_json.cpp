// Diagnostics as JSON and as SARIF 2.1.0.

#include <set>

#include <fmt/format.h>

#include "accord/compiler/base/codes.h"
#include "accord/compiler/diag/render.h"

namespace accord {
namespace {

const char* SeverityName(Severity severity) {
  return severity == Severity::ERROR ? "error" : "warning";
}

std::string JsonRange(const SourceManager& sources, const SourceRange& range) {
  if (!range.Valid()) return "null";
  return fmt::format(
      R"({{"file":{},"line":{},"column":{},"end_line":{},"end_column":{}}})",
      JsonQuote(sources.Get(range.file).Path()), range.begin.line, range.begin.column,
      range.end.line, range.end.column);
}

std::string SarifLocation(const SourceManager& sources, const SourceRange& range) {
  return fmt::format(
      R"({{"physicalLocation":{{"artifactLocation":{{"uri":{}}},"region":{{"startLine":{},"startColumn":{},"endLine":{},"endColumn":{}}}}}}})",
      JsonQuote(sources.Get(range.file).Path()), range.begin.line, range.begin.column,
      range.end.line, range.end.column);
}

}  // namespace

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string RenderJson(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  std::string out = "{\"diagnostics\":[";
  std::size_t errors = 0;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (d.severity == Severity::ERROR) ++errors;
    std::string labels;
    for (const SecondaryLabel& label : d.secondary) {
      if (!labels.empty()) labels += ',';
      labels += fmt::format(R"({{"range":{},"message":{}}})", JsonRange(sources, label.range),
                            JsonQuote(label.message));
    }
    std::string notes;
    for (const std::string& note : d.notes) {
      if (!notes.empty()) notes += ',';
      notes += JsonQuote(note);
    }
    out += fmt::format(
        R"({}{{"severity":"{}","code":"{}","message":{},"range":{},"label":{},"labels":[{}],"notes":[{}],"help":{}}})",
        i == 0 ? "\n" : ",\n", SeverityName(d.severity), d.code, JsonQuote(d.message),
        JsonRange(sources, d.range), JsonQuote(d.label), labels, notes,
        d.help.empty() ? "null" : JsonQuote(d.help));
  }
  out += fmt::format("\n],\"errors\":{},\"warnings\":{}}}\n", errors, diagnostics.size() - errors);
  return out;
}

std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        const std::string& tool_version) {
  std::set<std::string> used;
  for (const Diagnostic& d : diagnostics) used.insert(d.code);
  std::string rules;
  for (const std::string& code : used) {
    const CodeInfo* info = FindCode(code);
    if (!rules.empty()) rules += ',';
    rules += fmt::format(
        R"({{"id":"{}","shortDescription":{{"text":{}}},"fullDescription":{{"text":{}}},"help":{{"text":"accord explain {}"}}}})",
        code, JsonQuote(info ? info->title : code), JsonQuote(info ? info->explanation : ""), code);
  }
  std::string results;
  for (const Diagnostic& d : diagnostics) {
    std::string message = d.message;
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    for (const std::string& note : d.notes) message += "\nnote: " + note;
    std::string related;
    int id = 0;
    for (const SecondaryLabel& label : d.secondary) {
      if (!label.range.Valid()) continue;
      if (!related.empty()) related += ',';
      std::string location = SarifLocation(sources, label.range);
      location.pop_back();  // reopen the object to add id and message
      related += fmt::format(R"({},"id":{},"message":{{"text":{}}}}})", location, id++,
                             JsonQuote(label.message));
    }
    if (!results.empty()) results += ',';
    results += fmt::format(
        R"({{"ruleId":"{}","level":"{}","message":{{"text":{}}},"locations":[{}],"relatedLocations":[{}]}})",
        d.code, SeverityName(d.severity), JsonQuote(message),
        d.range.Valid() ? SarifLocation(sources, d.range) : "", related);
  }
  return fmt::format(
      R"({{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{{"tool":{{"driver":{{"name":"accord","version":{},"informationUri":"https://github.com/accord-lang/accord","rules":[{}]}}}},"columnKind":"unicodeCodePoints","results":[{}]}}]}})",
      JsonQuote(tool_version), rules, results) +
         "\n";
}

}  // namespace accord
