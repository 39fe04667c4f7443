#pragma once
// Rendering diagnostics for people (rustc-style text with the source line
// and carets) and for tools (JSON, SARIF 2.1.0). Rendering returns strings;
// the CLI decides where they go.

#include <string>
#include <vector>

#include "accord/compiler/base/diagnostic.h"

namespace accord {

struct TextStyle {
  bool color = false;  ///< ANSI colours (the CLI enables them on a terminal without NO_COLOR)
};

/// One diagnostic as text, ending in a blank line.
std::string RenderText(const Diagnostic& diagnostic, const SourceManager& sources,
                       const TextStyle& style = {});

/// All diagnostics as one JSON document:
/// {"diagnostics": [...], "errors": N, "warnings": M}.
std::string RenderJson(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);

/// All diagnostics as a SARIF 2.1.0 log with one run; every code used
/// appears under tool.driver.rules with its title and explanation.
std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        const std::string& tool_version);

/// `text` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view text);

}  // namespace accord
