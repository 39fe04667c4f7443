// Format names, rule descriptions, and dispatch to the writers.

#include "accord/runtime/report.h"

#include <array>

#include "common.h"
#include "writers.h"

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

std::unique_ptr<ReportWriter> MakeReportWriter(ReportFormat format, ReportOutput& out,
                                               const ReportContext& context,
                                               std::vector<std::string> inputs) {
  switch (format) {
    case ReportFormat::TEXT:
      return internal::MakeTextWriter(out, context, std::move(inputs));
    case ReportFormat::JSONL:
      return internal::MakeJsonlWriter(out, context, std::move(inputs));
    case ReportFormat::SARIF:
      return internal::MakeSarifWriter(out, context, std::move(inputs));
    case ReportFormat::JUNIT:
      return internal::MakeJunitWriter(out, context, std::move(inputs));
  }
  return nullptr;
}

void WriteReport(std::ostream& out, ReportFormat format, const ValidationResult& result,
                 const ReportContext& context) {
  std::unique_ptr<ReportOutput> output = ReportOutput::ToStream(out);
  std::unique_ptr<ReportWriter> writer =
      MakeReportWriter(format, *output, context, result.summary.inputs);
  FindingBatch batch;
  batch.findings = result.findings;
  writer->Prepare(batch);
  writer->Consume(batch);
  writer->Finish(result.summary);
  output->Close();
}

}  // namespace accord::runtime
