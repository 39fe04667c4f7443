#include <array>

#include "internal/sections.h"

namespace accord::yaml::internal {
namespace {

constexpr std::array<std::string_view, 7> kTopKeys = {
    "ontology", "version", "imports", "modalities", "enums", "concepts", "disjoint"};

constexpr std::string_view kRulesHelp =
    "rules and tests are written in .accord files, which `import` this ontology";
constexpr std::array<KeyHint, 5> kTopHints = {{{"rules", kRulesHelp},
                                               {"rule", kRulesHelp},
                                               {"tests", kRulesHelp},
                                               {"test", kRulesHelp},
                                               {"name", "the name is given as `ontology: NAME`"}}};

void ReadImports(Reader& reader, const Entry& entry, ast::Module& module) {
  for (ast::QualifiedName& path : reader.ReadNameList(entry, "`imports`", "a list of module names",
                                                      "module name", "e.g. `imports: [core]`")) {
    SourceRange range = path.range;
    module.imports.push_back(ast::Import{std::move(path), range});
  }
}

}  // namespace

std::unique_ptr<ast::Module> ReadModule(Reader& reader, const YAML::Node& root) {
  const SourceMap& map = reader.Map();
  auto module = std::make_unique<ast::Module>();
  module->file = map.File();
  module->range = map.NodeRange(root);
  if (!root.IsMap()) {
    reader
        .Error(module->range,
               "a YAML ontology must be a map with keys such as `ontology` and `concepts`, found " +
                   Reader::Describe(root))
        .Help("start the file with `ontology: NAME`");
    return nullptr;
  }
  bool has_name = false;
  for (const Entry& entry : reader.KnownEntries(root, kTopKeys, "at the top level", kTopHints)) {
    if (entry.key == "ontology") {
      has_name = true;
      if (!entry.value.IsScalar()) {
        reader.WrongShape(entry.value, entry.key_range, "`ontology`", "the ontology's name",
                          "e.g. `ontology: affect`");
      } else if (auto name = reader.ReadQualifiedName(entry.value, "ontology name")) {
        module->name = std::move(*name);
      }
    } else if (entry.key == "version") {
      if (auto version = reader.ReadString(entry, "`version`"))
        module->version = std::move(*version);
    } else if (entry.key == "imports") {
      ReadImports(reader, entry, *module);
    } else if (entry.key == "modalities") {
      ReadModalities(reader, entry, module->decls);
    } else if (entry.key == "enums") {
      ReadEnums(reader, entry, module->decls);
    } else if (entry.key == "concepts") {
      ReadConcepts(reader, entry, module->decls);
    } else if (entry.key == "disjoint") {
      ReadDisjoint(reader, entry, module->decls);
    }
  }
  if (!has_name) {
    SourceRange start{map.File(), module->range.begin, module->range.begin};
    reader.Error(start, "missing `ontology` key: the ontology has no name")
        .Help("add `ontology: NAME` at the top of the file");
  }
  return module;
}

}  // namespace accord::yaml::internal
