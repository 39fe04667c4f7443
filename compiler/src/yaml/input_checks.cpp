#include "internal/input_checks.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>

namespace accord::yaml::internal {
namespace {

constexpr std::string_view kTabHelp = "indent with spaces: YAML does not allow tabs in indentation";
constexpr std::string_view kIndentHelp = "check the indentation of this line";

SourceRange OneColumn(const SourceMap& map, std::size_t offset) {
  Position at = map.PositionAt(offset);
  return SourceRange{map.File(), at, Position{at.line, at.column + 1}};
}

std::string Hex(unsigned value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*X", digits, value);
  return buffer;
}

/// The length of the UTF-8 sequence at `i` and its code point, or 0.
std::size_t Decode(const std::string& text, std::size_t i, char32_t& cp) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    auto d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  return overlong || surrogate || cp > 0x10FFFF ? 0 : length;
}

/// YAML's printable characters (YAML 1.2, section 5.1).
bool IsPrintable(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85) return true;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

/// The offset of the first tab in the indentation of the line holding `offset`.
std::optional<std::size_t> IndentTab(const std::string& text, std::size_t offset) {
  std::size_t start = offset == 0 ? 0 : text.rfind('\n', offset - 1);
  start = start == std::string::npos || offset == 0 ? 0 : start + 1;
  for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return i;
  }
  return std::nullopt;
}

/// The message and help for one of yaml-cpp's messages.
std::pair<std::string, std::string> Explain(const SourceMap& map,
                                            const YAML::ParserException& error) {
  namespace msg = YAML::ErrorMsg;
  const std::string& text = map.Text();
  std::size_t offset = map.Offset(error.mark);
  char at = offset < text.size() ? text[offset] : '\0';
  const std::string& what = error.msg;
  if (dynamic_cast<const YAML::DeepRecursion*>(&error)) {
    return {"nesting is too deep", "a YAML ontology needs only a few levels of nesting"};
  }
  if (what == msg::TAB_IN_INDENTATION)
    return {"a tab is used for indentation", std::string(kTabHelp)};
  if (what == msg::MAP_VALUE) {
    return {"a map value (`:`) is not allowed here",
            "check the indentation of this line, and quote values that contain `: `"};
  }
  if (what == msg::END_OF_MAP || what == msg::END_OF_SEQ || what == msg::BLOCK_ENTRY ||
      what == msg::MAP_KEY) {
    std::string kind = what == msg::END_OF_MAP ? "map" : what == msg::END_OF_SEQ ? "list" : "";
    std::string message = what == msg::BLOCK_ENTRY ? "a list item (`- `) is not allowed here"
                          : what == msg::MAP_KEY
                              ? "a map key is not allowed here"
                              : "this line does not continue the " + kind + " above it";
    return {message, std::string(kIndentHelp)};
  }
  if (what == msg::END_OF_MAP_FLOW || what == msg::END_OF_SEQ_FLOW) {
    bool map_flow = what == msg::END_OF_MAP_FLOW;
    std::string message = map_flow ? "`{` is not closed by `}`" : "`[` is not closed by `]`";
    bool inside_word = offset > 0 && std::string_view("[]{},").find(at) != std::string_view::npos &&
                       std::isalnum(static_cast<unsigned char>(text[offset - 1]));
    if (inside_word) {
      return {message,
              "inside `{ }` and `[ ]`, quote values that contain brackets or commas, "
              "e.g. `\"int[1..5]\"`"};
    }
    return {message, map_flow ? "close the map with `}` and separate its entries with `,`"
                              : "close the list with `]` and separate its items with `,`"};
  }
  if (what == msg::FLOW_END) {
    std::string bracket = at == '}' || at == ']' ? std::string(1, at) : "]";
    return {"`" + bracket + "` closes nothing",
            "remove it, or open the list or map it is meant to close"};
  }
  if (what == msg::UNKNOWN_TOKEN && at != '\0') {
    return {"`" + std::string(1, at) + "` cannot start a value", "quote the value"};
  }
  if (what.starts_with(msg::INVALID_ESCAPE)) {
    return {"unknown escape `\\" + what.substr(std::string_view(msg::INVALID_ESCAPE).size()) +
                "` in a double-quoted string",
            "write `\\\\` for a backslash, or use single quotes, which have no escapes"};
  }
  if (what == msg::EOF_IN_SCALAR)
    return {"the file ends inside a quoted string", "close the string"};
  if (what == msg::UNKNOWN_ANCHOR) {
    std::size_t end = offset;
    while (end < text.size() &&
           std::string_view(" \t\r\n,[]{}").find(text[end]) == std::string_view::npos)
      ++end;
    std::string alias = text.substr(offset, end - offset);
    return {"alias `" + alias + "` refers to no anchor",
            "define the anchor with `&" + alias.substr(std::min<std::size_t>(1, alias.size())) +
                "` before this alias"};
  }
  return {what, ""};
}

struct DocumentWalk {
  const SourceMap& map;
  Diagnostics& diags;
  std::size_t max_nodes;
  bool quotes_ok = true;
  std::unordered_map<std::uint64_t, std::size_t> sizes;

  /// The number of nodes under `node` with aliases expanded, at most max_nodes + 1.
  std::size_t Size(const YAML::Node& node) {
    if (!node.IsSequence() && !node.IsMap()) {  // one node, aliased or not: nothing to remember
      if (node.IsScalar() && quotes_ok && map.IsUnclosedQuote(node)) {
        quotes_ok = false;
        SourceRange range = map.NodeRange(node);
        range.end = Position{range.begin.line, range.begin.column + 1};
        diags.Error("E0106", range, "invalid YAML: this quoted string is never closed")
            .Help("end it with the same quote it starts with");
      }
      return 1;
    }
    std::uint64_t key = NodeKey(node);
    if (auto it = sizes.find(key); it != sizes.end()) return it->second;
    std::size_t size = 1;
    auto add = [&](std::size_t more) { size = std::min(size + more, max_nodes + 1); };
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) add(Size(item));
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        add(Size(it->first));
        add(Size(it->second));
      }
    }
    sizes.emplace(key, size);
    return size;
  }
};

}  // namespace

bool CheckCharacters(const SourceMap& map, Diagnostics& diags) {
  const std::string& text = map.Text();
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t length = Decode(text, i, cp);
    if (length == 0) {
      // The wording of the .accord parser's E0003.
      diags.Error("E0003", OneColumn(map, i), "invalid UTF-8 in source file")
          .Primary("byte 0x" + Hex(static_cast<unsigned char>(text[i]), 2) +
                   " is not valid UTF-8 here")
          .Help("re-encode the file as UTF-8, or check that the path names a YAML ontology");
      return false;
    }
    if (!IsPrintable(cp)) {
      diags
          .Error("E0106", OneColumn(map, i),
                 "invalid YAML: control character U+" + Hex(static_cast<unsigned>(cp), 4) +
                     " is not allowed")
          .Help("YAML text may hold tabs and line breaks but no other control characters");
      return false;
    }
    i += length;
  }
  return true;
}

void ReportParserError(const SourceMap& map, const YAML::ParserException& error,
                       Diagnostics& diags) {
  // A tab in the indentation of the line yaml-cpp stopped on is the cause,
  // whatever yaml-cpp calls it ("illegal map value", "end of map not found").
  namespace msg = YAML::ErrorMsg;
  const std::string& what = error.msg;
  bool block_error = what == msg::TAB_IN_INDENTATION || what == msg::MAP_VALUE ||
                     what == msg::END_OF_MAP || what == msg::END_OF_SEQ ||
                     what == msg::BLOCK_ENTRY || what == msg::MAP_KEY;
  std::optional<std::size_t> tab = IndentTab(map.Text(), map.Offset(error.mark));
  if (block_error && tab) {
    diags.Error("E0106", OneColumn(map, *tab), "invalid YAML: a tab is used for indentation")
        .Help(std::string(kTabHelp));
    return;
  }
  auto [message, help] = Explain(map, error);
  diags.Error("E0106", map.PointAt(error.mark), "invalid YAML: " + message).Help(help);
}

bool CheckDocument(const SourceMap& map, const YAML::Node& root, Diagnostics& diags,
                   std::size_t max_nodes) {
  DocumentWalk walk{map, diags, max_nodes, true, {}};
  std::size_t size = walk.Size(root);
  if (!walk.quotes_ok) return false;
  if (size > max_nodes) {
    SourceRange range = map.NodeRange(root);
    range.end = range.begin;
    diags
        .Error("E0106", range,
               "invalid YAML: aliases expand the document to more than " +
                   std::to_string(max_nodes) + " nodes")
        .Help("refer to large anchors from fewer places");
    return false;
  }
  return true;
}

}  // namespace accord::yaml::internal
