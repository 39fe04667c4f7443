#pragma once
// The checked program: the ontology as flat tables indexed by integer ids,
// the concept hierarchy's closure, checked rules and tests. One Program per
// compilation unit (a root file and everything it imports).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accord/compiler/ast/module.h"
#include "accord/compiler/sema/ir.h"
#include "accord/compiler/sema/types.h"

namespace accord::sema {

inline constexpr std::size_t kMaxModalities = 64;
using ModalitySet = std::uint64_t;

struct ModuleInfo {
  std::string name;
  std::string version;
  std::string path;
  const ast::Module* ast = nullptr;
  std::vector<std::uint32_t> imports;  ///< direct imports, as module indexes
};

struct ModalityInfo {
  std::string name;
  ExtentSet extents = 0;
  std::uint32_t module = 0;
  const ast::ModalityDecl* decl = nullptr;
};

struct EnumInfo {
  std::string name;
  std::vector<std::string> values;
  std::uint32_t module = 0;
  const ast::EnumDecl* decl = nullptr;
};

struct AttributeInfo {
  std::string name;
  Type type;
  std::optional<Value> default_value;
  ConceptId owner = kNoConcept;
  const ast::AttributeDecl* decl = nullptr;
};

struct ConceptInfo {
  std::string name;
  std::uint32_t module = 0;
  const ast::ConceptDecl* decl = nullptr;
  std::vector<ConceptId> parents;
  std::vector<ConceptId> children;
  /// Effective labels: own `in` clause, or the parents' modalities under this
  /// concept's own name when it has none. Sorted by modality.
  std::vector<std::pair<ModalityId, std::string>> labels;
  ModalitySet modalities = 0;  ///< where this concept itself may be annotated
  ModalitySet reachable = 0;   ///< where it or any concept below it may be annotated
  std::vector<ConceptId> ancestors;  ///< sorted, includes itself
  /// Attributes visible on this concept (own and inherited), sorted by name.
  std::vector<std::pair<std::string, AttributeId>> attributes;
  /// Effective fixed values (own override inherited), sorted by attribute id.
  std::vector<std::pair<AttributeId, Value>> fixed;
};

struct DisjointSet {
  std::vector<ConceptId> members;
  std::uint32_t module = 0;
  const ast::DisjointDecl* decl = nullptr;
};

/// A record of a test item, checked against the ontology.
struct TestRecord {
  std::string item;
  std::string id;
  ModalityId modality = 0;
  std::string label;
  ConceptId concept_id = kNoConcept;  ///< kNoConcept if the label is unknown
  bool has_time = false;
  double start = 0;
  double end = 0;
  /// Record fields (`track`, `box`, ...) and attributes, by name, as written.
  std::vector<std::pair<std::string, std::vector<Value>>> fields;
  SourceRange range;
};

struct TestExpectation {
  bool none = false;
  std::string rule;  ///< a rule name or a built-in finding kind
  std::vector<std::string> ids;
  SourceRange range;
};

struct TestCase {
  std::string name;
  std::uint32_t module = 0;
  std::vector<TestRecord> records;
  std::vector<TestExpectation> expectations;
  SourceRange range;
};

struct Program {
  std::uint32_t root = 0;  ///< module index of the root file
  std::vector<ModuleInfo> modules;  ///< imports before importers
  std::vector<ModalityInfo> modalities;
  std::vector<EnumInfo> enums;
  std::vector<ConceptInfo> concepts;
  std::vector<AttributeInfo> attributes;
  std::vector<DisjointSet> disjoint;
  std::vector<Rule> rules;
  std::vector<TestCase> tests;

  /// `c` is `ancestor` or below it. O(log depth).
  bool IsA(ConceptId c, ConceptId ancestor) const;
  /// The attribute `name` visible on concept `c`, or false.
  bool FindAttribute(ConceptId c, const std::string& name, AttributeId* out) const;
  /// "int[1..5]", "Valence", "string", ... for messages.
  std::string TypeName(const Type& type) const;
  /// The label of concept `c` in modality `m`, or null.
  const std::string* LabelIn(ConceptId c, ModalityId m) const;
};

}  // namespace accord::sema
