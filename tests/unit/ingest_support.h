#pragma once
// Shared by the ingestion tests: a bundle compiled from Accord source, and
// helpers to parse padded lines and to write input files. Compiling sources
// (CompileBundle) is sema_support's.

#include <string>
#include <vector>

#include "accord/runtime/bundle.h"
#include "accord/runtime/ingest.h"
#include "sema_support.h"

namespace accord::testing {

/// Modalities of every extent kind, an enum, and attributes of every type:
///   affect (video, audio, text): valence: Valence; intensity: int[1..5]
///   road_user (camera, lidar): moving: bool; speed: float[0.5..80.5];
///     seen: duration; note: string — and pedestrian below it
///   product (image, description): colour: string; fix (gps)
extern const char* const kIngestOntology;

/// The bundle of kIngestOntology, compiled once.
const runtime::Bundle& IngestBundle();

/// `text` followed by kJsonPadding zero bytes, as RecordParser requires.
class PaddedLine {
 public:
  explicit PaddedLine(std::string text);
  std::string_view View() const { return {buffer_.data(), size_}; }

 private:
  std::string buffer_;
  std::size_t size_;
};

/// A file under a fresh temporary directory, removed with it at exit.
std::string WriteTempFile(const std::string& name, const std::string& contents);
/// A fresh temporary directory.
std::string TempDir();

}  // namespace accord::testing
