#pragma once
// The report writers, one per format (text.cpp, jsonl.cpp, sarif.cpp,
// junit.cpp); MakeReportWriter (report.cpp) picks one.

#include <memory>
#include <string>
#include <vector>

#include "accord/runtime/report.h"

namespace accord::runtime::internal {

std::unique_ptr<ReportWriter> MakeTextWriter(ReportOutput& out, const ReportContext& context,
                                             std::vector<std::string> inputs);
std::unique_ptr<ReportWriter> MakeJsonlWriter(ReportOutput& out, const ReportContext& context,
                                              std::vector<std::string> inputs);
std::unique_ptr<ReportWriter> MakeSarifWriter(ReportOutput& out, const ReportContext& context,
                                              std::vector<std::string> inputs);
std::unique_ptr<ReportWriter> MakeJunitWriter(ReportOutput& out, const ReportContext& context,
                                              std::vector<std::string> inputs);

}  // namespace accord::runtime::internal
