#pragma once
// The readers of the top-level sections of a YAML ontology. Each appends the
// declarations it reads to `decls`, in the order they are written, and reports
// what does not follow the format through the Reader.

#include <memory>
#include <vector>

#include "accord/compiler/ast/module.h"
#include "reader.h"

namespace accord::yaml::internal {

/// The whole document: header, imports and every section.
std::unique_ptr<ast::Module> ReadModule(Reader& reader, const YAML::Node& root);

/// `modalities: { video: { extent: [time] } }`.
void ReadModalities(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls);
/// `enums: { Valence: [negative, neutral, positive] }`.
void ReadEnums(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls);
/// `concepts: { hostile: { parents: [affect], in: {...}, attributes: {...}, fixed: {...} } }`.
void ReadConcepts(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls);
/// `disjoint: [[hostile, calm, cheerful]]`.
void ReadDisjoint(Reader& reader, const Entry& section, std::vector<ast::DeclPtr>& decls);

}  // namespace accord::yaml::internal
