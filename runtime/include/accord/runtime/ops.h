#pragma once
// The vocabulary shared by checked rules (compiler) and executable plans
// (runtime): record fields, built-in functions, geometries and operators.
// Header-only enums plus their names; the compiler's IR aliases these.

#include <cstdint>
#include <string_view>

namespace accord::runtime {

/// Fields every record has, whatever its concept.
enum class Field : std::uint8_t {
  ID, ITEM, MODALITY, LABEL, CONCEPT, ANNOTATOR, SOURCE, CONFIDENCE, TRACK, START, END, DURATION,
};
inline constexpr int kFieldCount = 12;

enum class Builtin : std::uint8_t {
  OVERLAPS, OVERLAP, BEFORE, AFTER, MEETS, DURING, CONTAINS, NEAR, IOU, DISTANCE, HAS,
};

/// Which geometry a spatial or temporal builtin works on.
enum class Geometry : std::uint8_t { TIME, BOX, BOX3D, GEO };

enum class Op : std::uint8_t {
  CONST,   ///< a constant value
  VAR,     ///< the record bound to `var` (report holes, predicate arguments)
  FIELD,   ///< field of var
  ATTR,    ///< attribute of var
  NOT, NEG,
  AND, OR,
  EQ, NE, LT, LE, GT, GE,
  ADD, SUB, MUL, DIV,
  IN_SET,  ///< args[0] in {args[1..]}
  IS,      ///< var's concept is concept_id or below
  CALL,    ///< builtin over args
  EXISTS,  ///< exists var (quantified) where args[0] (no args: no where)
  COUNT,   ///< count of var where args[0]
};

enum class Severity : std::uint8_t { ERROR, WARNING, INFO };

/// Extent bits a modality declares.
enum Extent : std::uint8_t {
  EXTENT_TIME = 1,
  EXTENT_CHARS = 2,
  EXTENT_BOX = 4,
  EXTENT_BOX3D = 8,
  EXTENT_GEO = 16,
};

std::string_view FieldName(Field field);
/// The field called `name`, or false.
bool FindField(std::string_view name, Field* field);
std::string_view BuiltinName(Builtin builtin);
std::string_view GeometryName(Geometry geometry);
std::string_view OpName(Op op);
std::string_view SeverityName(Severity severity);

}  // namespace accord::runtime
