#pragma once
// Checked rules: every name resolved to an id, every node typed. This is
// what the planner and the bundle writer consume; no AST names remain.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "accord/compiler/base/source.h"
#include "accord/compiler/sema/types.h"
#include "accord/runtime/ops.h"

namespace accord::ast {
struct RuleDecl;
}

namespace accord::sema {

// Fields, builtins, geometries, operators and severities are shared with the
// runtime, which executes the plans lowered from this IR.
using runtime::Builtin;
using runtime::Field;
using runtime::FieldName;
using runtime::FindField;
using runtime::Geometry;
using runtime::kFieldCount;
using ExprOp = runtime::Op;
using RuleSeverity = runtime::Severity;
using runtime::BuiltinName;
using runtime::SeverityName;

/// The type of a record field.
Type FieldType(Field field);

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
