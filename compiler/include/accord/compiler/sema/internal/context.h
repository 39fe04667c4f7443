#pragma once
// State shared by the semantic passes: the program being built, per-module
// scopes, and name lookup with did-you-mean.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/compiler/ast/expr.h"
#include "accord/compiler/base/diagnostic.h"
#include "accord/compiler/sema/analyze.h"
#include "accord/compiler/sema/internal/scope.h"
#include "accord/compiler/sema/program.h"

namespace accord::sema::internal {

const char* KindName(SymbolKind kind);

/// `phrase` with its indefinite article, chosen by its first letter (a
/// leading backquote is skipped): "an enum", "a `Valence`", "an `affect`".
std::string WithArticle(std::string_view phrase);

enum class LookupStatus { FOUND, NOT_FOUND, AMBIGUOUS, WRONG_KIND };

struct LookupResult {
  LookupStatus status = LookupStatus::NOT_FOUND;
  Symbol symbol;
  std::vector<std::uint32_t> candidates;  ///< modules defining the name, when AMBIGUOUS
};

class Context {
 public:
  Context(Program& program, Diagnostics& diags) : program(program), diags(diags) {}

  Program& program;
  Diagnostics& diags;
  /// Per module: its own declarations by name.
  std::vector<Scope> scopes;
  std::vector<SessionWarning> session_warnings;
  /// Concepts with every parent before its children (set by HierarchyPass).
  std::vector<ConceptId> topo_order;
  /// (module, module it should import) already reported by ReportNotImported.
  std::set<std::pair<std::uint32_t, std::uint32_t>> not_imported;

  /// Records that `symbol` is referenced (for the unused-declaration lints).
  void MarkUsed(const Symbol& symbol);
  /// Whether the `kind` declaration `id` was referenced.
  bool Used(SymbolKind kind, std::uint32_t id) const;

  /// Looks `name` up from `module`: its own declarations first, then its
  /// direct imports; `mod.name` looks in the module named `mod`.
  LookupResult Lookup(std::uint32_t module, const ast::QualifiedName& name) const;

  /// Looks up a name that must be of `kind`; reports `code` (unknown), E0104
  /// (ambiguous) with did-you-mean, and returns nothing on failure. Marks the
  /// declaration used.
  std::optional<Symbol> Resolve(std::uint32_t module, const ast::QualifiedName& name, SymbolKind kind,
                        const char* code);

  /// When the single name `name` is not visible from `module` but another
  /// module of the compilation declares it as a `kind`, reports `code`
  /// ("declared in `core`, which this module does not import") and returns
  /// true. Only the first such name per missing import is reported, so one
  /// missing import is one error. False if no such declaration exists.
  bool ReportNotImported(std::uint32_t module, const ast::QualifiedName& name, SymbolKind kind,
                         const char* code);

  /// Names of kind `kind` visible from `module`, for did-you-mean.
  std::vector<std::string> VisibleNames(std::uint32_t module, SymbolKind kind) const;

  /// The module whose name is `name` among `module` and its imports, or -1.
  int FindModule(std::uint32_t module, const std::string& name) const;

  /// "`name`" qualified by its module when it comes from another module.
  std::string DisplayName(SymbolKind kind, std::uint32_t id) const;
  /// The declaration range of a concept, modality, enum.
  SourceRange DeclRange(SymbolKind kind, std::uint32_t id) const;

 private:
  std::vector<bool> used_[5];  ///< per SymbolKind, by id
};

/// Evaluates a constant (default, fixed value, test field) against
/// `expected`, reporting E0213/E0204/E0214; `what` names the value's use in
/// messages ("the default of `intensity`").
std::optional<Value> EvalConstant(Context& ctx, std::uint32_t module, const ast::Expr& expr,
                                  const Type& expected, const std::string& what);

/// `a.b.c` as its names when `expr` is a plain dotted path, else empty.
std::vector<const ast::Name*> PathOf(const ast::Expr& expr);

/// Builds a single-part qualified name (for lookups of plain identifiers).
ast::QualifiedName Single(const ast::Name& name);

}  // namespace accord::sema::internal
