#pragma once
// The compiler driver: reads files, resolves imports (beside the importing
// file, then `-I` directories, then ACCORD_PATH), parses each module once,
// and runs semantic analysis per compilation unit (a root file and its
// transitive imports).

#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "accord/compiler/ast/module.h"
#include "accord/compiler/base/diagnostic.h"
#include "accord/compiler/parse/parser.h"
#include "accord/compiler/sema/analyze.h"

namespace accord {

struct CompileOptions {
  std::vector<std::string> include_dirs;  ///< `-I DIR`, searched in order
  std::vector<std::string> path_dirs;     ///< from ACCORD_PATH, searched after include_dirs
  ParseOptions parse;
  /// Compute CompiledUnit::sources_hash (bundles carry it; checking alone
  /// does not need it).
  bool hash_sources = true;
};

/// Splits a `:`-separated search path (ACCORD_PATH), dropping empty entries.
std::vector<std::string> SplitSearchPath(const std::string& value);

/// `.accord`, `.yaml` and `.yml` files under each path (directories
/// recursively, sorted); plain files are kept as given. Unreadable paths are
/// reported as E0101.
std::vector<std::string> ExpandSourcePaths(const std::vector<std::string>& paths,
                                           Diagnostics& diags);

/// A compiled unit: the checked program of one root file.
struct CompiledUnit {
  std::string root_path;
  /// 16 hex digits over every module's name and text, in name order; empty
  /// without CompileOptions::hash_sources.
  std::string sources_hash;
  std::unique_ptr<sema::Program> program;
  /// "parse" (reading and parsing the files this unit loaded first), then
  /// each semantic pass.
  std::vector<sema::PassTiming> timings;
};

class Session {
 public:
  explicit Session(CompileOptions options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Makes `text` the contents of `path` for this session, in place of the
  /// disk (for tests, editors and services). Imports find overlay files too.
  void AddOverlay(const std::string& path, std::string text);

  /// Loads `path` with its imports and analyses it. Returns null when any
  /// module of the unit could not be read or parsed, or has errors in
  /// import resolution; semantic errors still yield a program (check
  /// Diags().HasErrors()).
  const CompiledUnit* Compile(const std::string& path);

  /// Compiles several root files as one unit (their modules and imports
  /// together; rules of every module included). For `compile`/`validate`
  /// with several sources.
  const CompiledUnit* CompileAll(const std::vector<std::string>& paths);

  /// Emits the warnings that hold across every unit of the session and
  /// sorts the diagnostics. Call once, after the last Compile.
  void Finish();

  const SourceManager& Sources() const { return sources_; }
  Diagnostics& Diags() { return diags_; }
  const std::vector<std::unique_ptr<CompiledUnit>>& Units() const { return units_; }

 private:
  struct LoadedModule;
  int Load(const std::string& path, const ast::Import* from);
  /// The file for `import name;` from `importer_path`, or "" with the
  /// folders searched (each with where it came from) and, if a module of a
  /// similar name exists in them, its name in `closest`.
  std::string FindImport(const std::string& importer_path, const ast::QualifiedName& name,
                         std::vector<std::string>& searched, std::string& closest) const;

  CompileOptions options_;
  SourceManager sources_;
  Diagnostics diags_;
  std::vector<std::unique_ptr<LoadedModule>> modules_;
  std::map<std::string, int> by_path_;
  std::map<std::string, std::string> overlay_;  ///< by lexically normal path
  std::map<FileId, int> file_module_;
  std::set<int> roots_;  ///< modules given as roots (unused-declaration lints apply to them)
  std::vector<int> loading_chain_;  ///< modules whose imports are being loaded
  std::vector<const ast::Import*> import_chain_;  ///< the import that loaded each of them
  std::vector<std::unique_ptr<CompiledUnit>> units_;
  /// Per module: how many units included it; per (code, decl): how many flagged it.
  std::vector<int> unit_count_;
  struct Pending {
    Diagnostic diagnostic;
    int module = 0;
    int count = 0;
  };
  std::map<std::pair<std::string, const void*>, Pending> session_warnings_;
};

}  // namespace accord
