#pragma once
// YAML ontologies: modalities, enums, concepts and disjoint sets written in
// YAML instead of .accord, producing the same AST. The format is documented in
// docs/yaml-ontologies.md. This header is free of yaml-cpp.

#include <memory>

#include "accord/compiler/ast/module.h"
#include "accord/compiler/base/diagnostic.h"

namespace accord {

/// Loads one YAML ontology file. Returns null when the file is not valid YAML
/// or does not follow the format (all reported into `diags` at YAML
/// line:column); later passes check names and types as for .accord files.
std::unique_ptr<ast::Module> LoadYamlModule(const SourceManager& sources, FileId file,
                                            Diagnostics& diags);

}  // namespace accord
