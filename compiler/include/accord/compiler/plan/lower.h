#pragma once
// Lowering: the checked Program becomes a runtime Bundle. Ontology tables
// are copied without AST pointers; each rule's checked IR becomes a flat
// expression pool, and the planner chooses its evaluation plan: filters
// pushed into scans, hash joins on equality keys, interval-index probes for
// temporal predicates, and the same for every quantifier.

#include <string>
#include <vector>

#include "accord/compiler/sema/analyze.h"
#include "accord/compiler/sema/program.h"
#include "accord/runtime/bundle.h"

namespace accord {

struct LowerOptions {
  std::string compiler_version;
  std::string sources_hash;
  /// Build the bundle's lookup indexes (Bundle::Index), which validation
  /// needs and serializing does not.
  bool index = true;
};

/// The bundle of `program`. With `timings`, appends the time spent lowering
/// ("lower") and planning ("plan").
runtime::Bundle LowerProgram(const sema::Program& program, const LowerOptions& options,
                             std::vector<sema::PassTiming>* timings = nullptr);

}  // namespace accord
