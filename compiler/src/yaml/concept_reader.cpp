// `concepts:` — parents, modalities with labels, attributes, fixed values.

#include <array>

#include "internal/sections.h"
#include "internal/values.h"

namespace accord::yaml::internal {
namespace {

constexpr std::array<std::string_view, 6> kConceptKeys = {"doc", "parents",    "parent",
                                                          "in",  "attributes", "fixed"};
constexpr std::array<std::string_view, 3> kAttributeKeys = {"type", "default", "doc"};

constexpr std::string_view kInExpected = "a list of modality names or a map from modality to label";
constexpr std::string_view kInExample =
    "e.g. `in: [video, audio]` or `in: { video: aggressive, audio: angry }`";

/// One concept being read, with the phrases its errors use.
struct ConceptContext {
  Reader& reader;
  ast::ConceptDecl& decl;
  std::string what;  ///< "concept `hostile`"
};

void ReadInList(ConceptContext& c, const Entry& entry) {
  const SourceMap& map = c.reader.Map();
  for (const YAML::Node& item : entry.value) {
    if (!item.IsScalar()) {
      c.reader
          .Error(item.IsNull() ? map.NodeRange(entry.value) : map.NodeRange(item),
                 "each item of `in` of " + c.what + " must be a modality name, found " +
                     Reader::Describe(item))
          .Help("to give labels, write `in` as a map: `in: { video: aggressive }`");
      continue;
    }
    if (auto modality = c.reader.ReadQualifiedName(item, "modality name")) {
      c.decl.modalities.push_back(
          ast::ModalityUse{std::move(*modality), std::nullopt, map.NodeRange(item)});
    }
  }
}

void ReadInMap(ConceptContext& c, const Entry& entry) {
  const SourceMap& map = c.reader.Map();
  for (const Entry& use : c.reader.Entries(entry.value, "modality name")) {
    auto modality = c.reader.ReadQualifiedName(use.key_node, "modality name");
    std::optional<ast::StringLit> label;
    if (use.value.IsScalar()) {
      label = ast::StringLit{use.value.Scalar(), map.NodeRange(use.value)};
    } else if (!use.value.IsNull()) {  // null: the concept's own name
      c.reader.WrongShape(use.value, use.key_range, "the label of `" + use.key + "` in " + c.what,
                          "a string");
      continue;
    }
    if (modality)
      c.decl.modalities.push_back(
          ast::ModalityUse{std::move(*modality), std::move(label), use.range});
  }
}

void ReadIn(ConceptContext& c, const Entry& entry) {
  const YAML::Node& value = entry.value;
  std::string what = "`in` of " + c.what;
  c.decl.has_in_clause = true;
  if (value.IsScalar()) {
    if (auto modality = c.reader.ReadQualifiedName(value, "modality name")) {
      c.decl.modalities.push_back(
          ast::ModalityUse{std::move(*modality), std::nullopt, c.reader.Map().NodeRange(value)});
    }
  } else if ((value.IsSequence() || value.IsMap()) && value.size() == 0) {
    c.reader.Error(c.reader.Map().NodeRange(value), what + " names no modality")
        .Help("omit `in` to inherit the parents' modalities");
  } else if (value.IsSequence()) {
    ReadInList(c, entry);
  } else if (value.IsMap()) {
    ReadInMap(c, entry);
  } else {
    c.reader.WrongShape(value, entry.key_range, what, kInExpected, std::string(kInExample));
  }
}

void ReadAttribute(ConceptContext& c, const Entry& entry, ast::AttributeDecl& attribute) {
  std::string what = "attribute `" + attribute.name.text + "` of " + c.what;
  const YAML::Node& value = entry.value;
  if (value.IsScalar()) {
    if (auto type = ReadType(c.reader, value, entry.key_range, what))
      attribute.type = std::move(*type);
    return;
  }
  if (!value.IsMap()) {
    c.reader.WrongShape(value, entry.key_range, what,
                        "a type, or a map with `type`, `default` and `doc`",
                        "e.g. `" + attribute.name.text + ": int` or `" + attribute.name.text +
                            ": { type: \"int[1..5]\", default: 3 }`");
    return;
  }
  bool has_type = false;
  for (const Entry& key : c.reader.KnownEntries(value, kAttributeKeys, "in " + what)) {
    if (key.key == "type") {
      has_type = true;
      if (auto type = ReadType(c.reader, key.value, key.key_range, what))
        attribute.type = std::move(*type);
    } else if (key.key == "default") {
      attribute.default_value = ReadValue(c.reader, key, "the default of " + what);
    } else {
      attribute.doc = c.reader.ReadDoc(key, "`doc` of " + what);
    }
  }
  if (!has_type) {
    c.reader.Error(entry.key_range, what + " has no `type`").Help("add one, e.g. `type: int`");
  }
}

void ReadAttributes(ConceptContext& c, const Entry& entry) {
  if (entry.value.IsNull()) return;
  if (!entry.value.IsMap()) {
    c.reader.WrongShape(entry.value, entry.key_range, "`attributes` of " + c.what,
                        "a map from attribute name to type",
                        "e.g. `attributes: { valence: Valence, intensity: \"int[1..5]\" }`");
    return;
  }
  for (const Entry& item : c.reader.Entries(entry.value, "attribute name")) {
    auto name = c.reader.ReadName(item.key_node, "attribute name");
    if (!name) continue;
    auto attribute = std::make_unique<ast::AttributeDecl>();
    attribute->name = std::move(*name);
    attribute->range = item.range;
    ReadAttribute(c, item, *attribute);
    c.decl.attributes.push_back(std::move(attribute));
  }
}

void ReadFixed(ConceptContext& c, const Entry& entry) {
  if (entry.value.IsNull()) return;
  if (!entry.value.IsMap()) {
    c.reader.WrongShape(entry.value, entry.key_range, "`fixed` of " + c.what,
                        "a map from attribute name to value",
                        "e.g. `fixed: { valence: negative }`");
    return;
  }
  for (const Entry& item : c.reader.Entries(entry.value, "attribute name")) {
    auto name = c.reader.ReadName(item.key_node, "attribute name");
    if (!name) continue;
    auto fixed = std::make_unique<ast::FixedValue>();
    fixed->name = std::move(*name);
    fixed->range = item.range;
    fixed->value = ReadValue(c.reader, item, "the fixed value of `" + item.key + "` in " + c.what);
    c.decl.fixed.push_back(std::move(fixed));
  }
}

void ReadConcept(ConceptContext& c, const Entry& entry) {
  if (entry.value.IsNull()) return;  // `sarcasm:` alone, like `concept sarcasm;`
  if (!entry.value.IsMap()) {
    c.reader.WrongShape(entry.value, entry.key_range, c.what,
                        "a map with keys such as `parents`, `in` and `attributes`",
                        "e.g. `" + c.decl.name.text + ": { parents: [affect], in: [video] }`");
    return;
  }
  const Entry* parents = nullptr;
  for (const Entry& key : c.reader.KnownEntries(entry.value, kConceptKeys, "in " + c.what)) {
    if (key.key == "doc") {
      c.decl.doc = c.reader.ReadDoc(key, "`doc` of " + c.what);
    } else if (key.key == "parents" || key.key == "parent") {
      if (parents) {
        c.reader.Error(key.key_range, c.what + " has both `parent` and `parents`")
            .Label(parents->key_range, "first given here")
            .Help("list every parent under `parents`");
        continue;
      }
      parents = &key;
      c.decl.parents =
          c.reader.ReadNameList(key, "`" + key.key + "` of " + c.what, "a list of concept names",
                                "concept name", "e.g. `parents: [affect]`");
    } else if (key.key == "in") {
      ReadIn(c, key);
    } else if (key.key == "attributes") {
      ReadAttributes(c, key);
    } else {
      ReadFixed(c, key);
    }
  }
}

}  // namespace

void ReadConcepts(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls) {
  if (section.value.IsNull()) return;
  if (!section.value.IsMap()) {
    reader.WrongShape(section.value, section.key_range, "`concepts`",
                      "a map from concept name to its definition",
                      "e.g. `hostile: { parents: [affect], in: [video] }`");
    return;
  }
  for (const Entry& entry : reader.Entries(section.value, "concept name")) {
    auto name = reader.ReadName(entry.key_node, "concept name");
    if (!name) continue;
    auto decl = std::make_unique<ast::ConceptDecl>();
    decl->name = std::move(*name);
    decl->range = entry.range;
    ConceptContext context{reader, *decl, "concept `" + decl->name.text + "`"};
    ReadConcept(context, entry);
    decls.push_back(std::move(decl));
  }
}

}  // namespace accord::yaml::internal
