#pragma once
// The shared machinery of the YAML ontology reader: E0107 diagnostics phrased
// in the format's terms, maps checked against the keys they may hold, and
// names, strings and docs read from scalars with their source ranges.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "accord/compiler/ast/node.h"
#include "accord/compiler/base/diagnostic.h"
#include "source_map.h"

namespace accord::yaml::internal {

/// One `key: value` of a YAML map whose key is a scalar.
struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
  SourceRange key_range;  ///< the key's text
  SourceRange range;      ///< from the key to the end of the value
};

/// Extra help for a key that a map does not accept, e.g. `rules` at the top.
using KeyHint = std::pair<std::string_view, std::string_view>;

/// True for `[A-Za-z_][A-Za-z0-9_]*`.
bool IsIdentifier(std::string_view text);
/// "a concept name", "an enum value".
std::string WithArticle(std::string_view noun);
/// True for words that are keywords of .accord and so cannot name anything.
bool IsReserved(std::string_view text);

class Reader {
 public:
  Reader(const SourceMap& map, Diagnostics& diags) : map_(map), diags_(diags) {}

  const SourceMap& Map() const { return map_; }
  /// True once this reader reported an error.
  bool Failed() const { return failed_; }

  /// Reports an error; E0107 unless `code` says otherwise.
  Diagnostic& Error(SourceRange range, std::string message, std::string code = "E0107");

  /// "a list", "a map", "nothing", or the scalar in backquotes.
  static std::string Describe(const YAML::Node& node);

  /// Reports "`what` must be EXPECTED, found ...", at the value or, when the
  /// value is empty, at `key_range`.
  void WrongShape(const YAML::Node& value, SourceRange key_range, std::string_view what,
                  std::string_view expected, std::string help = {});

  /// The entries of a map whose keys are fixed words. Unknown keys (with a
  /// suggestion, or the hint given for them) and repeated keys are reported
  /// and left out. `where` completes "unknown key `k` ...", e.g. "in concept `c`".
  std::vector<Entry> KnownEntries(const YAML::Node& map, std::span<const std::string_view> known,
                                  std::string_view where, std::span<const KeyHint> hints = {});
  /// The entries of a map whose keys are scalars (names chosen by the author);
  /// other keys are reported and left out.
  std::vector<Entry> Entries(const YAML::Node& map, std::string_view kind);

  /// A name from a scalar; `kind` ("concept name") appears in the errors.
  std::optional<ast::Name> ReadName(const YAML::Node& scalar, std::string_view kind);
  /// `a` or `a.b` from a scalar.
  std::optional<ast::QualifiedName> ReadQualifiedName(const YAML::Node& scalar,
                                                      std::string_view kind);
  /// A list of (qualified) names, or a single name; nothing for an empty value.
  /// Reports a map as "`what` must be EXPECTED".
  std::vector<ast::QualifiedName> ReadNameList(const Entry& entry, std::string_view what,
                                               std::string_view expected, std::string_view kind,
                                               std::string help = {});
  /// A string from any scalar; the range covers its quotes.
  std::optional<ast::StringLit> ReadString(const Entry& entry, std::string_view what);
  /// Documentation text from any scalar, without trailing line breaks; an
  /// empty value gives "".
  std::string ReadDoc(const Entry& entry, std::string_view what);

 private:
  const SourceMap& map_;
  Diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace accord::yaml::internal
