#pragma once
// Checks at the yaml-cpp boundary: the bytes before yaml-cpp reads them, its
// exceptions turned into diagnostics, and what it accepts but should not.

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "accord/compiler/base/diagnostic.h"
#include "source_map.h"

namespace accord::yaml::internal {

/// Reports the first byte that is not UTF-8 (E0003) or the first character
/// YAML does not allow, such as NUL (E0106). True when the text is clean.
/// yaml-cpp itself guesses UTF-16 from stray bytes and drops control
/// characters, so garbage must be stopped before it.
bool CheckCharacters(const SourceMap& map, Diagnostics& diags);

/// Reports a yaml-cpp parser exception as E0106 at its mark, in plain words.
void ReportParserError(const SourceMap& map, const YAML::ParserException& error,
                       Diagnostics& diags);

/// Reports quoted strings that never close (yaml-cpp 0.7 reads them to the
/// end of the file) and aliases that expand the document beyond
/// `max_nodes` nodes. True when there is neither.
bool CheckDocument(const SourceMap& map, const YAML::Node& root, Diagnostics& diags,
                   std::size_t max_nodes = 1'000'000);

}  // namespace accord::yaml::internal
