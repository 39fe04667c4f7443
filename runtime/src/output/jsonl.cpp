// JSON Lines: one object per finding, keys in a fixed order, written
// finding by finding.

#include "accord/runtime/report.h"
#include "common.h"
#include "json_writer.h"
#include "writers.h"

namespace accord::runtime {
namespace {

void WriteExtent(internal::JsonWriter& json, const Witness& w) {
  json.BeginObject();
  if (w.flags & HAS_START) json.Key("start").Number(w.start);
  if (w.flags & HAS_END) json.Key("end").Number(w.end);
  auto numbers = [&json](std::string_view key, const double* values, std::size_t count) {
    json.Key(key).BeginArray();
    for (std::size_t i = 0; i < count; ++i) json.Number(values[i]);
    json.EndArray();
  };
  if (w.flags & HAS_SPAN) numbers("span", w.span.data(), 2);
  if (w.flags & HAS_BOX) numbers("box", w.box.data(), 4);
  if (w.flags & HAS_BOX3D) numbers("box3d", w.box3d.data(), 7);
  if (w.flags & HAS_GEO) numbers("geo", w.geo.data(), 2);
  json.EndObject();
}

}  // namespace

std::string FindingJson(const Finding& finding, const ReportContext& context,
                        const std::vector<std::string>& inputs) {
  internal::JsonWriter json;
  json.BeginObject();
  json.Key("rule").String(finding.rule);
  json.Key("builtin").Bool(finding.builtin);
  json.Key("severity").String(SeverityName(finding.severity));
  json.Key("item").String(finding.item);
  json.Key("message").String(finding.message);
  json.Key("guideline").StringOrNull(finding.guideline);
  json.Key("escalate").StringOrNull(finding.escalate);
  json.Key("ontology").String(context.bundle.ontology);
  json.Key("ontology_version").StringOrNull(context.bundle.version);
  json.Key("bundle_hash").String(context.bundle.bundle_hash);
  json.Key("fingerprint").String(finding.fingerprint);
  json.Key("witnesses").BeginArray();
  for (const Witness& w : finding.witnesses) {
    json.BeginObject();
    json.Key("id").String(w.id);
    json.Key("modality").String(w.modality);
    json.Key("label").String(w.label);
    json.Key("concept").StringOrNull(w.concept_name);
    json.Key("annotator").StringOrNull(w.annotator);
    json.Key("extent");
    WriteExtent(json, w);
    json.Key("file").StringOrNull(internal::InputName(inputs, w.file));
    json.Key("line").Uint(w.line);
    json.EndObject();
  }
  json.EndArray().EndObject();
  return json.Take();
}

namespace internal {
namespace {

class JsonlWriter final : public ReportWriter {
 public:
  JsonlWriter(ReportOutput& out, const ReportContext& context, std::vector<std::string> inputs)
      : out_(out), context_(context), inputs_(std::move(inputs)) {}

  void Prepare(FindingBatch& batch) const override {
    for (const Finding& finding : batch.findings) {
      batch.text += FindingJson(finding, context_, inputs_);
      batch.text += '\n';
    }
  }
  void Consume(FindingBatch& batch) override { out_.Write(batch.text); }
  void Restart() override { out_.Discard(); }
  void Finish(const Summary&) override { out_.Commit(); }

 private:
  ReportOutput& out_;
  ReportContext context_;
  std::vector<std::string> inputs_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeJsonlWriter(ReportOutput& out, const ReportContext& context,
                                              std::vector<std::string> inputs) {
  return std::make_unique<JsonlWriter>(out, context, std::move(inputs));
}

}  // namespace internal
}  // namespace accord::runtime
