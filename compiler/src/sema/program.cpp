#include "accord/compiler/sema/program.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace accord::sema {

Type FieldType(Field field) {
  switch (field) {
    case Field::CONCEPT: return Type::Of(TypeKind::CONCEPT);
    case Field::CONFIDENCE: return Type::Of(TypeKind::FLOAT);
    case Field::START:
    case Field::END:
    case Field::DURATION: return Type::Of(TypeKind::DURATION);
    default: return Type::Of(TypeKind::STRING);
  }
}

std::string ExtentNames(ExtentSet set) {
  static constexpr std::array<std::pair<Extent, const char*>, 5> kNames = {{
      {EXTENT_TIME, "time"}, {EXTENT_CHARS, "chars"}, {EXTENT_BOX, "box"},
      {EXTENT_BOX3D, "box3d"}, {EXTENT_GEO, "geo"},
  }};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if ((set & bit) == 0) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "none" : out;
}

bool Program::IsA(ConceptId c, ConceptId ancestor) const {
  const std::vector<ConceptId>& up = concepts[c].ancestors;
  return std::binary_search(up.begin(), up.end(), ancestor);
}

bool Program::FindAttribute(ConceptId c, const std::string& name, AttributeId* out) const {
  const auto& attrs = concepts[c].attributes;
  auto it = std::lower_bound(attrs.begin(), attrs.end(), name,
                             [](const auto& entry, const std::string& n) { return entry.first < n; });
  if (it == attrs.end() || it->first != name) return false;
  *out = it->second;
  return true;
}

std::string Program::TypeName(const Type& type) const {
  auto number = [](double v) { return fmt::format("{}", v); };
  switch (type.kind) {
    case TypeKind::ERROR: return "<error>";
    case TypeKind::BOOL: return "bool";
    case TypeKind::INT:
      return type.has_range ? fmt::format("int[{}..{}]", number(type.lo), number(type.hi)) : "int";
    case TypeKind::FLOAT:
      return type.has_range ? fmt::format("float[{}..{}]", number(type.lo), number(type.hi))
                            : "float";
    case TypeKind::STRING: return "string";
    case TypeKind::DURATION: return "duration";
    case TypeKind::ENUM: return enums[type.enum_id].name;
    case TypeKind::CONCEPT: return "concept";
    case TypeKind::RECORD: return "record";
    case TypeKind::LIST: return "list";
  }
  return "?";
}

const std::string* Program::LabelIn(ConceptId c, ModalityId m) const {
  for (const auto& [modality, label] : concepts[c].labels) {
    if (modality == m) return &label;
  }
  return nullptr;
}

}  // namespace accord::sema
