// The boundary to yaml-cpp: everything it throws is caught here and turned
// into diagnostics; nothing leaves LoadYamlModule but a module or null.

#include "accord/compiler/yaml/yaml_loader.h"

#include <exception>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "internal/input_checks.h"
#include "internal/sections.h"

namespace accord {
namespace {

using yaml::internal::SourceMap;

SourceRange StartOfFile(FileId file) { return SourceRange{file, {1, 1}, {1, 1}}; }

/// Records where each document starts and ignores everything else.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;

  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

/// The `---` line that starts the second document, else where it starts.
SourceRange SecondDocument(const SourceMap& map, const YAML::Mark& second, std::size_t after) {
  const std::string& text = map.Text();
  for (std::size_t i = text.find("\n---", after); i != std::string::npos;
       i = text.find("\n---", i + 1)) {
    std::size_t end = i + 4;
    if (end == text.size() ||
        std::string_view(" \t\r\n").find(text[end]) != std::string_view::npos) {
      return map.Range(i + 1, end);
    }
  }
  return map.PointAt(second);
}

/// Checks that the file holds one YAML document. yaml-cpp's LoadAll loops
/// forever on a stray `,` outside brackets (each call of HandleNextDocument
/// yields an empty document without moving on), so at most three documents
/// are read, and one that starts where the previous one did is reported.
bool CheckOneDocument(const SourceMap& map, Diagnostics& diags) {
  std::istringstream stream(map.Text());
  YAML::Parser parser(stream);
  DocumentStarts documents;
  for (int i = 0; i < 3 && parser.HandleNextDocument(documents); ++i) {
  }
  const std::vector<YAML::Mark>& starts = documents.starts;
  for (std::size_t i = 1; i < starts.size(); ++i) {
    if (starts[i].pos != starts[i - 1].pos) continue;
    std::size_t offset = map.Offset(starts[i]);
    char at = offset < map.Text().size() ? map.Text()[offset] : ' ';
    diags
        .Error("E0106", map.PointAt(starts[i]),
               "invalid YAML: `" + std::string(1, at) + "` is not allowed here")
        .Help(at == ',' ? "`,` separates items only inside `[ ]` and `{ }`" : "");
    return false;
  }
  if (starts.size() > 1) {
    diags
        .Error("E0107", SecondDocument(map, starts[1], map.Offset(starts[0])),
               "a YAML ontology holds one document, but a second one starts here")
        .Help("remove this `---` and what follows it, or move it into a file of its own");
    return false;
  }
  return true;
}

/// True when `root` is a map and nothing but blanks and comments follows it:
/// then the file holds that one document, and CheckOneDocument (a second
/// full parse) has nothing to find.
bool EndsTheFile(const SourceMap& map, const YAML::Node& root) {
  if (!root.IsMap()) return false;
  const std::string& text = map.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (std::size_t i = map.EndOffset(root); i < text.size(); ++i) {
    if (blank(text[i])) continue;
    if (text[i] != '#' || i == 0 || !blank(text[i - 1])) return false;
    while (i + 1 < text.size() && text[i + 1] != '\n') ++i;  // a comment, to the end of its line
  }
  return true;
}

std::unique_ptr<ast::Module> Load(const SourceManager& sources, FileId file, Diagnostics& diags) {
  SourceMap map(sources.Get(file), file);
  if (!yaml::internal::CheckCharacters(map, diags)) return nullptr;

  YAML::Node root;
  try {
    // YAML::Load reads the first document only; what follows it is checked
    // by parsing the whole file again unless it is plainly blank.
    root = YAML::Load(map.Text());
    if (!EndsTheFile(map, root) && !CheckOneDocument(map, diags)) return nullptr;
  } catch (const YAML::ParserException& error) {
    yaml::internal::ReportParserError(map, error, diags);
    return nullptr;
  } catch (const YAML::Exception& error) {
    diags.Error("E0106", error.mark.is_null() ? StartOfFile(file) : map.PointAt(error.mark),
                "invalid YAML: " + error.msg);
    return nullptr;
  }
  if (root.IsNull()) {
    diags.Error("E0107", StartOfFile(file), "the YAML ontology is empty")
        .Help("a YAML ontology starts with `ontology: NAME`");
    return nullptr;
  }
  if (!yaml::internal::CheckDocument(map, root, diags)) return nullptr;

  yaml::internal::Reader reader(map, diags);
  std::unique_ptr<ast::Module> module = yaml::internal::ReadModule(reader, root);
  return reader.Failed() ? nullptr : std::move(module);
}

}  // namespace

std::unique_ptr<ast::Module> LoadYamlModule(const SourceManager& sources, FileId file,
                                            Diagnostics& diags) {
  try {
    return Load(sources, file, diags);
  } catch (const YAML::Exception& error) {
    diags.Error("E0106", StartOfFile(file), "invalid YAML: " + error.msg);
  } catch (const std::exception& error) {
    diags.Error("E0106", StartOfFile(file),
                std::string("could not read the YAML ontology: ") + error.what());
  } catch (...) {
    diags.Error("E0106", StartOfFile(file), "could not read the YAML ontology");
  }
  return nullptr;
}

}  // namespace accord
