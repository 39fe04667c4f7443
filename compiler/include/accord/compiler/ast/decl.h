#pragma once
// Declarations: modalities, enums, concepts, disjoint sets, rules, tests.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/compiler/ast/expr.h"

namespace accord::ast {

enum class DeclKind { MODALITY, ENUM, CONCEPT, DISJOINT, RULE, TEST };

struct Decl : Node {
  explicit Decl(DeclKind k) : kind(k) {}
  DeclKind kind;
  Name name;        ///< empty for `disjoint`
  std::string doc;  ///< `///` comments above the declaration, joined by newlines
};
using DeclPtr = std::unique_ptr<Decl>;

/// `modality camera { extent: time, box; }`.
struct ModalityDecl : Decl {
  ModalityDecl() : Decl(DeclKind::MODALITY) {}
  struct Property {
    Name key;
    std::vector<Name> values;
    SourceRange range;
  };
  std::vector<Property> properties;
};

/// `enum Valence { negative, neutral, positive }`.
struct EnumDecl : Decl {
  EnumDecl() : Decl(DeclKind::ENUM) {}
  std::vector<Name> values;
};

/// `video as "aggressive"` in a concept's `in` clause.
struct ModalityUse {
  QualifiedName modality;
  std::optional<StringLit> label;
  SourceRange range;
};

/// `int`, `Valence`, `int[1..5]`, `float[0..1]`.
struct TypeRef {
  QualifiedName name;
  bool has_range = false;
  double lo = 0;
  double hi = 0;
  bool integral_bounds = true;  ///< both bounds written without a decimal point
  SourceRange range;
  SourceRange range_span;  ///< the `[lo..hi]` part
};

/// `intensity: int[1..5] = 3;`.
struct AttributeDecl : Node {
  Name name;
  TypeRef type;
  ExprPtr default_value;  ///< may be null
  std::string doc;
};

/// `valence = negative;`.
struct FixedValue : Node {
  Name name;
  ExprPtr value;
};

struct ConceptDecl : Decl {
  ConceptDecl() : Decl(DeclKind::CONCEPT) {}
  std::vector<QualifiedName> parents;
  bool has_in_clause = false;
  std::vector<ModalityUse> modalities;
  std::vector<std::unique_ptr<AttributeDecl>> attributes;
  std::vector<std::unique_ptr<FixedValue>> fixed;
};

/// `disjoint hostile, calm, cheerful;`.
struct DisjointDecl : Decl {
  DisjointDecl() : Decl(DeclKind::DISJOINT) {}
  std::vector<QualifiedName> members;
};

struct RuleDecl : Decl {
  RuleDecl() : Decl(DeclKind::RULE) {}
  std::optional<Name> severity;  ///< `error` when absent
  std::optional<StringLit> guideline;
  std::optional<StringLit> escalate;
  std::vector<Binding> bindings;
  ExprPtr where;    ///< may be null
  ExprPtr require;  ///< may be null
  ExprPtr unless;   ///< may be null
  std::optional<Template> report;
};

/// `video v1 "aggressive" 0s..5s { annotator: "ann-7" };`.
struct RecordLiteral : Node {
  Name modality;
  Name id;
  StringLit label;
  bool has_time = false;
  double start = 0;
  double end = 0;
  SourceRange time_range;
  struct Field {
    Name key;
    ExprPtr value;
  };
  std::vector<Field> fields;
};

struct TestItem : Node {
  Name name;
  std::vector<std::unique_ptr<RecordLiteral>> records;
};

/// `expect none;` or `expect rule(id, ...);`.
struct Expectation : Node {
  bool none = false;
  QualifiedName rule;
  std::vector<Name> ids;
};

struct TestDecl : Decl {
  TestDecl() : Decl(DeclKind::TEST) {}
  std::vector<std::unique_ptr<TestItem>> items;
  std::vector<std::unique_ptr<Expectation>> expectations;
};

}  // namespace accord::ast
