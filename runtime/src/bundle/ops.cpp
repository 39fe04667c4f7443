#include "accord/runtime/ops.h"

#include <array>

namespace accord::runtime {
namespace {

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "id", "item", "modality", "label", "concept", "annotator",
    "source", "confidence", "track", "start", "end", "duration",
};

}  // namespace

std::string_view FieldName(Field field) { return kFieldNames[static_cast<std::size_t>(field)]; }

bool FindField(std::string_view name, Field* field) {
  for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
    if (name == kFieldNames[i]) {
      *field = static_cast<Field>(i);
      return true;
    }
  }
  return false;
}

std::string_view BuiltinName(Builtin builtin) {
  static constexpr std::array<std::string_view, 11> kNames = {
      "overlaps", "overlap", "before", "after", "meets", "during",
      "contains", "near", "iou", "distance", "has"};
  return kNames[static_cast<std::size_t>(builtin)];
}

std::string_view GeometryName(Geometry geometry) {
  static constexpr std::array<std::string_view, 4> kNames = {"time", "box", "box3d", "geo"};
  return kNames[static_cast<std::size_t>(geometry)];
}

std::string_view OpName(Op op) {
  static constexpr std::array<std::string_view, 23> kNames = {
      "const", "var", "field", "attr", "not", "neg", "and", "or", "==", "!=", "<", "<=",
      ">", ">=", "+", "-", "*", "/", "in", "is", "call", "exists", "count"};
  return kNames[static_cast<std::size_t>(op)];
}

std::string_view SeverityName(Severity severity) {
  static constexpr std::array<std::string_view, 3> kNames = {"error", "warning", "info"};
  return kNames[static_cast<std::size_t>(severity)];
}

}  // namespace accord::runtime
