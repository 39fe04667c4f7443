#pragma once
// A compiled bundle: everything the runtime needs to validate annotation
// data, with no reference to the compiler. Written by `accord compile`,
// read by `accord validate`, or built in memory from sources.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "accord/runtime/ops.h"

namespace accord::runtime {

using ConceptId = std::uint32_t;
using ModalityId = std::uint32_t;
using AttributeId = std::uint32_t;
using EnumId = std::uint32_t;
using NodeId = std::uint32_t;
inline constexpr std::uint32_t kNone = ~std::uint32_t{0};

enum class ValueKind : std::uint8_t { MISSING, BOOL, NUMBER, STRING, ENUM, CONCEPT };

/// A run-time value. Numbers (ints, floats, durations in seconds) are
/// doubles. Strings view storage owned by the bundle or by the item.
struct Value {
  ValueKind kind = ValueKind::MISSING;
  bool boolean = false;
  double number = 0;
  std::uint32_t id = 0;  ///< enum value index, or concept id
  std::string_view text;

  static Value Bool(bool b) {
    Value v;
    v.kind = ValueKind::BOOL;
    v.boolean = b;
    return v;
  }
  static Value Number(double n) {
    Value v;
    v.kind = ValueKind::NUMBER;
    v.number = n;
    return v;
  }
  static Value String(std::string_view s) {
    Value v;
    v.kind = ValueKind::STRING;
    v.text = s;
    return v;
  }
  static Value Enum(std::uint32_t index) {
    Value v;
    v.kind = ValueKind::ENUM;
    v.id = index;
    return v;
  }
  static Value Concept(ConceptId c) {
    Value v;
    v.kind = ValueKind::CONCEPT;
    v.id = c;
    return v;
  }
  bool Missing() const { return kind == ValueKind::MISSING; }
};

enum class AttrType : std::uint8_t { BOOL, INT, FLOAT, STRING, DURATION, ENUM };

struct Modality {
  std::string name;
  std::uint8_t extents = 0;  ///< Extent bits
};

struct EnumType {
  std::string name;
  std::vector<std::string> values;
};

struct Attribute {
  std::string name;
  AttrType type = AttrType::STRING;
  EnumId enum_id = 0;
  bool has_range = false;
  double lo = 0;
  double hi = 0;
  Value default_value;  ///< MISSING when there is no default
  ConceptId owner = kNone;
};

struct Concept {
  std::string name;
  std::vector<ConceptId> parents;
  std::vector<ConceptId> ancestors;  ///< sorted, includes itself
  std::vector<std::pair<ModalityId, std::string>> labels;
  /// Visible attributes (own and inherited), sorted by name.
  std::vector<std::pair<std::string, AttributeId>> attributes;
  /// Effective fixed values, sorted by attribute id.
  std::vector<std::pair<AttributeId, Value>> fixed;
};

struct DisjointSet {
  std::vector<ConceptId> members;
  std::string doc;  ///< the set's doc comment: the guideline of its findings ("" without one)
};

/// One node of a rule's expression pool. Children are `args`, indexes into
/// the same pool.
struct Node {
  Op op = Op::CONST;
  Field field = Field::ID;
  Builtin builtin = Builtin::HAS;
  Geometry geometry = Geometry::TIME;
  std::uint32_t var = 0;
  std::uint32_t id = 0;  ///< ATTR: attribute; IS: concept; EXISTS/COUNT: subplan; CONST enum: enum
  std::vector<NodeId> args;
  Value value;           ///< CONST
};

/// A rule binding or quantifier variable.
struct Variable {
  std::string name;
  ConceptId concept_id = kNone;  ///< kNone: any concept (`x in m`)
  ModalityId modality = 0;
};

/// How a variable's candidates are found once earlier variables are bound.
enum class Access : std::uint8_t {
  SCAN,      ///< every candidate (only for the first variable, or with no key/time link)
  HASH,      ///< equality keys against bound variables
  INTERVAL,  ///< an interval index probed with a window from a bound variable
};

/// `probe` (over bound variables) == `build` (over the new variable).
struct HashKey {
  NodeId probe = 0;
  NodeId build = 0;
};

/// A temporal predicate between the new variable and a bound one, used to
/// probe the interval index of the new variable's candidates.
struct IntervalProbe {
  Builtin builtin = Builtin::OVERLAPS;
  bool new_is_first = false;     ///< the new variable is the predicate's first argument
  std::uint32_t bound_var = 0;
  NodeId tolerance = kNone;      ///< NEAR's tolerance, BEFORE/AFTER's window
};

/// Binding one more variable.
struct Step {
  std::uint32_t var = 0;
  Access access = Access::SCAN;
  std::vector<HashKey> keys;
  IntervalProbe interval;
  std::vector<NodeId> residual;  ///< conjuncts checked once `var` is bound
};

/// Candidates of one variable: records of a modality under a concept that
/// pass the conjuncts mentioning only this variable.
struct Scan {
  std::uint32_t var = 0;
  std::vector<NodeId> filters;
};

/// A quantifier's plan: its variable's scan and how it is probed from the
/// variables bound around it.
struct Subplan {
  Scan scan;
  Step step;
};

struct TemplatePiece {
  std::string text;
  NodeId node = kNone;  ///< kNone: literal text
};

struct Rule {
  std::string name;
  Severity severity = Severity::ERROR;
  std::string guideline;
  std::string escalate;
  std::string doc;
  std::vector<Variable> vars;  ///< rule bindings first, then quantifier variables
  std::uint32_t binding_count = 0;
  std::vector<Node> nodes;
  NodeId where = kNone;    ///< the full conditions, for the reference evaluator
  NodeId require = kNone;
  NodeId unless = kNone;
  std::vector<TemplatePiece> report;
  // The plan, chosen at compile time.
  std::vector<Scan> scans;    ///< one per rule binding, indexed by var
  std::vector<Step> steps;    ///< join order; steps[0] binds the first variable
  std::vector<Subplan> subplans;
};

/// Identity and provenance, carried into every finding.
struct BundleInfo {
  std::string ontology;        ///< the root module's name
  std::string version;         ///< the root module's version
  std::string compiler_version;
  std::string sources_hash;    ///< hex, over the sources' paths and contents
  std::string bundle_hash;     ///< hex, over the serialized bundle
};

/// Hash for string-keyed maps looked up with string_views.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Bundle {
  BundleInfo info;
  std::vector<Modality> modalities;
  std::vector<EnumType> enums;
  std::vector<Attribute> attributes;
  std::vector<Concept> concepts;
  std::vector<DisjointSet> disjoint;
  std::vector<Rule> rules;

  /// Storage for the strings that Values view (constants, defaults, fixed
  /// values). A deque never moves its elements, so views stay valid.
  std::deque<std::string> string_pool;

  /// Derived on load: concept by label, per modality; modality by name.
  std::vector<std::unordered_map<std::string, ConceptId, StringHash, std::equal_to<>>> label_index;
  std::unordered_map<std::string, ModalityId, StringHash, std::equal_to<>> modality_index;

  Bundle() = default;
  Bundle(const Bundle&) = delete;
  Bundle& operator=(const Bundle&) = delete;
  Bundle(Bundle&&) = default;
  Bundle& operator=(Bundle&&) = default;

  /// Copies `text` into the pool and returns a stable view of it.
  std::string_view Intern(std::string_view text);

  /// Builds the derived indexes; call after filling the tables.
  void Index();
  bool IsA(ConceptId c, ConceptId ancestor) const;
  /// The concept labelled `label` in `m`, or kNone.
  ConceptId ConceptFor(ModalityId m, std::string_view label) const;
  /// The modality called `name`, or kNone.
  ModalityId ModalityFor(std::string_view name) const;
  /// The attribute `name` visible on `c`, or kNone.
  AttributeId AttributeFor(ConceptId c, std::string_view name) const;
};

}  // namespace accord::runtime
