#pragma once
// One source file: `ontology NAME version "V";`, imports and declarations.
// YAML ontologies produce the same tree.

#include <memory>
#include <string>
#include <vector>

#include "accord/compiler/ast/decl.h"

namespace accord::ast {

struct Import {
  QualifiedName path;
  SourceRange range;
};

struct Module : Node {
  FileId file = kNoFile;
  QualifiedName name;
  StringLit version;  ///< empty value when the header has none
  std::vector<Import> imports;
  std::vector<DeclPtr> decls;
};

}  // namespace accord::ast
