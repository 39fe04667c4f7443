#pragma once
// Types and constant values of the checked program.

#include <cstdint>
#include <string>

namespace accord::sema {

using ConceptId = std::uint32_t;
using ModalityId = std::uint32_t;
using EnumId = std::uint32_t;
using AttributeId = std::uint32_t;
inline constexpr ConceptId kNoConcept = ~ConceptId{0};

enum class TypeKind : std::uint8_t {
  ERROR,  ///< already reported; suppresses follow-on diagnostics
  BOOL,
  INT,
  FLOAT,
  STRING,
  DURATION,  ///< seconds at run time
  ENUM,
  CONCEPT,
  RECORD,  ///< a binding; only valid as a predicate argument or template hole
  LIST,    ///< a list literal; only valid in test records
};

struct Type {
  TypeKind kind = TypeKind::ERROR;
  EnumId enum_id = 0;  ///< for ENUM
  bool has_range = false;
  double lo = 0;
  double hi = 0;

  static Type Of(TypeKind k) { return Type{k}; }
  static Type Enum(EnumId id) { return Type{TypeKind::ENUM, id}; }
  bool IsError() const { return kind == TypeKind::ERROR; }
  bool IsNumeric() const {
    return kind == TypeKind::INT || kind == TypeKind::FLOAT || kind == TypeKind::DURATION;
  }
};

/// A constant: defaults, fixed values, literals in rules and tests.
struct Value {
  TypeKind kind = TypeKind::ERROR;
  bool bool_value = false;
  std::int64_t int_value = 0;
  double number = 0;  ///< FLOAT and DURATION
  std::string string_value;
  EnumId enum_id = 0;
  std::uint32_t enum_index = 0;
  ConceptId concept_id = kNoConcept;

  /// The value as a double, for INT, FLOAT and DURATION.
  double AsNumber() const { return kind == TypeKind::INT ? static_cast<double>(int_value) : number; }
};

/// Bit per extent kind a modality declares.
enum Extent : std::uint8_t {
  EXTENT_TIME = 1,
  EXTENT_CHARS = 2,
  EXTENT_BOX = 4,
  EXTENT_BOX3D = 8,
  EXTENT_GEO = 16,
};
using ExtentSet = std::uint8_t;

/// "time, box" for a set of extents.
std::string ExtentNames(ExtentSet set);

}  // namespace accord::sema
