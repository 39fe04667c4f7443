// The sections that declare names without structure of their own:
// modalities, enums and disjoint sets.

#include <array>

#include "internal/sections.h"

namespace accord::yaml::internal {
namespace {

std::string Named(std::string_view kind, std::string_view name) {
  return std::string(kind) + " `" + std::string(name) + "`";
}

/// The values of a modality property: one name or a list of names.
std::vector<ast::Name> ReadPropertyValues(Reader& reader, const Entry& entry,
                                          const std::string& what) {
  std::vector<ast::Name> values;
  const YAML::Node& value = entry.value;
  if (value.IsScalar()) {
    if (auto name = reader.ReadName(value, "property value")) values.push_back(std::move(*name));
  } else if (value.IsSequence() && value.size() > 0) {
    for (const YAML::Node& item : value) {
      if (auto name = reader.ReadName(item, "property value")) values.push_back(std::move(*name));
    }
  } else {
    reader.WrongShape(value, entry.key_range, what, "a list of names",
                      "e.g. `extent: [time, box]`");
  }
  return values;
}

void ReadModality(Reader& reader, const Entry& entry, ast::ModalityDecl& decl) {
  std::string what = Named("modality", decl.name.text);
  if (entry.value.IsNull()) return;
  if (!entry.value.IsMap()) {
    reader.WrongShape(entry.value, entry.key_range, what, "a map of properties",
                      "e.g. `" + decl.name.text + ": { extent: [time] }`");
    return;
  }
  // Property keys are open, as in .accord: later passes check them.
  for (const Entry& property : reader.Entries(entry.value, "property name")) {
    if (property.key == "doc") {
      decl.doc = reader.ReadDoc(property, "`doc` of " + what);
      continue;
    }
    auto key = reader.ReadName(property.key_node, "property name");
    if (!key) continue;
    std::vector<ast::Name> values =
        ReadPropertyValues(reader, property, "`" + property.key + "` of " + what);
    decl.properties.push_back(
        ast::ModalityDecl::Property{std::move(*key), std::move(values), property.range});
  }
}

void ReadEnumValues(Reader& reader, const Entry& entry, const std::string& what,
                    ast::EnumDecl& decl) {
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    reader.WrongShape(entry.value, entry.key_range, what, "a list of value names",
                      "e.g. `[negative, neutral, positive]`");
    return;
  }
  for (const YAML::Node& item : entry.value) {
    if (auto value = reader.ReadName(item, "enum value")) decl.values.push_back(std::move(*value));
  }
}

constexpr std::array<std::string_view, 2> kEnumKeys = {"values", "doc"};

void ReadEnum(Reader& reader, const Entry& entry, ast::EnumDecl& decl) {
  std::string what = Named("enum", decl.name.text);
  if (!entry.value.IsMap()) {
    if (entry.value.IsSequence()) {
      ReadEnumValues(reader, entry, what, decl);
    } else {
      reader.WrongShape(entry.value, entry.key_range, what,
                        "a list of values, or a map with `values` and `doc`",
                        "e.g. `" + decl.name.text + ": [negative, neutral, positive]`");
    }
    return;
  }
  bool has_values = false;
  for (const Entry& key : reader.KnownEntries(entry.value, kEnumKeys, "in " + what)) {
    if (key.key == "doc") {
      decl.doc = reader.ReadDoc(key, "`doc` of " + what);
    } else {
      has_values = true;
      ReadEnumValues(reader, key, "`values` of " + what, decl);
    }
  }
  if (!has_values) {
    reader.Error(entry.key_range, what + " has no `values`")
        .Help("add `values: [...]` with the enum's value names");
  }
}

}  // namespace

void ReadModalities(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls) {
  if (section.value.IsNull()) return;
  if (!section.value.IsMap()) {
    reader.WrongShape(section.value, section.key_range, "`modalities`",
                      "a map from modality name to its properties",
                      "e.g. `video: { extent: [time] }`");
    return;
  }
  for (const Entry& entry : reader.Entries(section.value, "modality name")) {
    auto name = reader.ReadName(entry.key_node, "modality name");
    if (!name) continue;
    auto decl = std::make_unique<ast::ModalityDecl>();
    decl->name = std::move(*name);
    decl->range = entry.range;
    ReadModality(reader, entry, *decl);
    decls.push_back(std::move(decl));
  }
}

void ReadEnums(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls) {
  if (section.value.IsNull()) return;
  if (!section.value.IsMap()) {
    reader.WrongShape(section.value, section.key_range, "`enums`",
                      "a map from enum name to its values",
                      "e.g. `Valence: [negative, neutral, positive]`");
    return;
  }
  for (const Entry& entry : reader.Entries(section.value, "enum name")) {
    auto name = reader.ReadName(entry.key_node, "enum name");
    if (!name) continue;
    auto decl = std::make_unique<ast::EnumDecl>();
    decl->name = std::move(*name);
    decl->range = entry.range;
    ReadEnum(reader, entry, *decl);
    decls.push_back(std::move(decl));
  }
}

void ReadDisjoint(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls) {
  constexpr std::string_view kExample =
      "e.g. `- [hostile, calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`";
  if (section.value.IsNull()) return;
  if (!section.value.IsSequence()) {
    reader.WrongShape(section.value, section.key_range, "`disjoint`", "a list of sets of concepts",
                      std::string(kExample));
    return;
  }
  const SourceMap& map = reader.Map();
  for (const YAML::Node& set : section.value) {
    SourceRange range = set.IsNull() ? map.NodeRange(section.value) : map.NodeRange(set);
    auto decl = std::make_unique<ast::DisjointDecl>();
    decl->range = range;
    // A list of members, or a map with the members and the set's doc. (Pointers, not
    // YAML::Node copies: assigning to a Node rewrites the node it refers to.)
    const YAML::Node* members = &set;
    std::vector<Entry> entries;  // holds what `members` points to
    if (set.IsMap()) {
      static constexpr std::string_view kKeys[] = {"members", "doc"};
      entries = reader.KnownEntries(set, kKeys, "in a disjoint set");
      members = nullptr;
      bool listed = false;
      // KnownEntries reported an unknown (maybe misspelt: it suggests `members`) or repeated key.
      const bool reported = entries.size() < set.size();
      for (const Entry& entry : entries) {
        if (entry.key == "doc") {
          decl->doc = reader.ReadDoc(entry, "`doc` of a disjoint set");
          continue;
        }
        listed = true;
        if (entry.value.IsSequence()) {
          members = &entry.value;
        } else {
          reader.WrongShape(entry.value, entry.key_range, "`members` of a disjoint set",
                            "a list of concept names", "e.g. `members: [hostile, calm]`");
        }
      }
      if (!listed && !reported) {
        reader.Error(range, "a disjoint set given as a map needs `members`")
            .Help(std::string(kExample));
      }
      if (members == nullptr) continue;  // reported
    } else if (!set.IsSequence()) {
      reader
          .Error(range,
                 "each item of `disjoint` must be a list of concept names or a map with "
                 "`members`, found " +
                     Reader::Describe(set))
          .Help(std::string(kExample));
      continue;
    }
    for (const YAML::Node& member : *members) {
      if (auto name = reader.ReadQualifiedName(member, "concept name")) {
        decl->members.push_back(std::move(*name));
      }
    }
    if (members->size() < 2) {
      reader.Error(range, "a disjoint set needs at least two concepts")
          .Help("list the concepts that exclude each other, " + std::string(kExample));
    }
    decls.push_back(std::move(decl));
  }
}

}  // namespace accord::yaml::internal
