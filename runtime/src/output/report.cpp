// Format names, rule descriptions, and dispatch to the writers.

#include "accord/runtime/report.h"

#include <array>

#include "common.h"

namespace accord::runtime {
namespace {

constexpr std::array<std::string_view, 4> kFormatNames = {"text", "jsonl", "sarif", "junit"};

}  // namespace

std::string_view ReportFormatName(ReportFormat format) {
  return kFormatNames[static_cast<std::size_t>(format)];
}

bool FindReportFormat(std::string_view name, ReportFormat* format) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (name == kFormatNames[i]) {
      *format = static_cast<ReportFormat>(i);
      return true;
    }
  }
  return false;
}

std::vector<RuleDescriptor> DescribeRules(const Bundle& bundle) {
  std::vector<RuleDescriptor> rules;
  for (std::string_view name : internal::BuiltinNames()) {
    rules.push_back({std::string(name), true, std::string(internal::BuiltinDescription(name))});
  }
  for (const Rule& rule : bundle.rules) rules.push_back({rule.name, false, rule.doc});
  return rules;
}

void WriteReport(std::ostream& out, ReportFormat format, const ValidationResult& result,
                 const ReportContext& context) {
  switch (format) {
    case ReportFormat::TEXT:
      return WriteText(out, result, context);
    case ReportFormat::JSONL:
      return WriteJsonl(out, result, context);
    case ReportFormat::SARIF:
      return WriteSarif(out, result, context);
    case ReportFormat::JUNIT:
      return WriteJunit(out, result, context);
  }
}

}  // namespace accord::runtime
