#pragma once
// Attribute types and values written as YAML scalars, turned into the same
// TypeRef and expressions that a .accord file gives.

#include <optional>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "accord/compiler/ast/decl.h"
#include "reader.h"

namespace accord::yaml::internal {

/// A default or fixed value. Quoted scalars are strings; plain ones are
/// `true`/`false`, integers, floats, durations (in seconds) or (qualified)
/// names, as in .accord; anything else is reported. `what` names the value in
/// errors ("the default of attribute `x` of concept `c`"). Null on error.
ast::ExprPtr ReadValue(Reader& reader, const Entry& entry, std::string_view what);

/// An attribute type: `int`, `core.Valence`, `int[1..5]`, `float[-1..1.5]`.
/// `attribute` names the attribute in errors. Empty on error.
std::optional<ast::TypeRef> ReadType(Reader& reader, const YAML::Node& node, SourceRange key_range,
                                     std::string_view attribute);

}  // namespace accord::yaml::internal
