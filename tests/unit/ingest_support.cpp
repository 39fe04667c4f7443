#include "ingest_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace accord::testing {

const char* const kIngestOntology = R"(
ontology ingest_test version "1.0.0";
modality video  { extent: time; }
modality audio  { extent: time; }
modality text   { extent: time; }
modality description { extent: chars; }
modality camera { extent: time, box; }
modality lidar  { extent: time, box3d; }
modality gps    { extent: time, geo; }
modality image  { extent: box; }
enum Valence { negative, neutral, positive }
concept affect in video, audio, text { valence: Valence; intensity: int[1..5] = 3; }
concept hostile : affect in video as "aggressive", audio as "angry", text as "hostile" { valence = negative; }
concept calm : affect in video as "calm", audio as "neutral", text as "neutral" { valence = neutral; }
concept sarcasm in text as "sarcastic";
concept road_user in camera, lidar {
  moving: bool = false;
  speed: float[0.5..80.5];
  seen: duration;
  note: string;
}
concept pedestrian : road_user;
concept product in image, description { colour: string; }
concept fix in gps;
)";

const runtime::Bundle& IngestBundle() {
  static const runtime::Bundle bundle = CompileBundle(kIngestOntology);
  return bundle;
}

PaddedLine::PaddedLine(std::string text) : buffer_(std::move(text)), size_(buffer_.size()) {
  buffer_.append(runtime::kJsonPadding, '\0');
}

std::string TempDir() {
  static int counter = 0;
  const char* base = std::getenv("TMPDIR");
  std::filesystem::path dir =
      std::filesystem::path(base && *base ? base : "/tmp") /
      ("accord-ingest-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  static struct Cleanup {
    std::vector<std::filesystem::path> dirs;
    ~Cleanup() {
      std::error_code ignored;
      for (const auto& d : dirs) std::filesystem::remove_all(d, ignored);
    }
  } cleanup;
  cleanup.dirs.push_back(dir);
  return dir.string();
}

std::string WriteTempFile(const std::string& name, const std::string& contents) {
  static const std::string dir = TempDir();
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

}  // namespace accord::testing
