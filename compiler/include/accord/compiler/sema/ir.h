#pragma once
// Checked rules: every name resolved to an id, every node typed. This is
// what the planner and the bundle writer consume; no AST names remain.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "accord/compiler/base/source.h"
#include "accord/compiler/sema/types.h"

namespace accord::ast {
struct RuleDecl;
}

namespace accord::sema {

/// Fields every record has, whatever its concept.
enum class Field : std::uint8_t {
  ID, ITEM, MODALITY, LABEL, CONCEPT, ANNOTATOR, SOURCE, CONFIDENCE, TRACK, START, END, DURATION,
};
inline constexpr int kFieldCount = 12;
const char* FieldName(Field field);
/// The field called `name`, or false.
bool FindField(const std::string& name, Field* field);
Type FieldType(Field field);

enum class Builtin : std::uint8_t {
  OVERLAPS, OVERLAP, BEFORE, AFTER, MEETS, DURING, CONTAINS, NEAR, IOU, DISTANCE, HAS,
};
const char* BuiltinName(Builtin builtin);

/// Which geometry a spatial or temporal builtin works on.
enum class Geometry : std::uint8_t { TIME, BOX, BOX3D, GEO };

enum class ExprOp : std::uint8_t {
  CONST,   ///< value
  VAR,     ///< the record bound to `var` (template holes, predicate arguments)
  FIELD,   ///< field of var
  ATTR,    ///< attribute attr of var
  NOT, NEG,
  AND, OR,
  EQ, NE, LT, LE, GT, GE,
  ADD, SUB, MUL, DIV,
  IN_SET,  ///< args[0] in {args[1..]}
  IS,      ///< var's concept is concept_id or below
  CALL,    ///< builtin over args
  EXISTS,  ///< exists var (quantified) where args[0] (args empty: no where)
  COUNT,   ///< count of var where args[0]
};

struct Expr {
  ExprOp op = ExprOp::CONST;
  Type type;
  SourceRange range;
  std::vector<std::unique_ptr<Expr>> args;
  std::uint32_t var = 0;
  Field field = Field::ID;
  AttributeId attr = 0;
  ConceptId concept_id = kNoConcept;
  Builtin builtin = Builtin::HAS;
  Geometry geometry = Geometry::TIME;
  Value value;
};
using ExprPtr = std::unique_ptr<Expr>;

/// A rule binding (`for x: C in m`) or a quantifier's variable.
struct Variable {
  std::string name;
  ConceptId concept_id = kNoConcept;  ///< kNoConcept for `x in m`
  ModalityId modality = 0;
  bool quantified = false;
  SourceRange range;
};

enum class RuleSeverity : std::uint8_t { ERROR, WARNING, INFO };
const char* SeverityName(RuleSeverity severity);

struct TemplatePiece {
  std::string text;  ///< literal text when expr is null
  ExprPtr expr;
};

struct Rule {
  std::string name;
  std::uint32_t module = 0;
  RuleSeverity severity = RuleSeverity::ERROR;
  std::string guideline;
  std::string escalate;
  std::string doc;
  std::vector<Variable> vars;  ///< the rule's bindings first, then quantifier variables
  std::uint32_t binding_count = 0;
  ExprPtr where;    ///< null: true
  ExprPtr require;  ///< null: absent
  ExprPtr unless;   ///< null: absent
  std::vector<TemplatePiece> report;
  SourceRange range;
  const ast::RuleDecl* decl = nullptr;
};

}  // namespace accord::sema
