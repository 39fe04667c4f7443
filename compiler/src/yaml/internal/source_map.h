#pragma once
// Positions of yaml-cpp nodes in Accord terms. yaml-cpp records where a node
// starts as a 0-based line and byte column; Accord wants 1-based lines,
// code-point columns and an end. SourceMap converts the one into the other
// and finds each node's end in the file text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "accord/compiler/base/source.h"

namespace accord::yaml::internal {

class SourceMap {
 public:
  SourceMap(const SourceFile& file, FileId id);

  FileId File() const { return file_; }
  const std::string& Text() const { return text_; }

  /// Byte offset of `mark` in the file text, clamped to the text.
  std::size_t Offset(const YAML::Mark& mark) const;
  /// The 1-based position of a byte offset; an offset past the end of its
  /// line (the line break, the end of the file) is clamped to the line's end.
  Position PositionAt(std::size_t offset) const;
  /// The range of the bytes [begin, end).
  SourceRange Range(std::size_t begin, std::size_t end) const;
  /// One character at `mark`, or an empty range at the end of the file.
  SourceRange PointAt(const YAML::Mark& mark) const;

  /// The node as written, without anchor and tag: a scalar with its quotes,
  /// a collection up to its last entry or its closing bracket. A null node
  /// gives an empty range where yaml-cpp put it (often the next token).
  SourceRange NodeRange(const YAML::Node& node) const;
  /// From the start of `first` to the end of `last`; when `last` is null (an
  /// empty value) the span ends with `first`.
  SourceRange Span(const YAML::Node& first, const YAML::Node& last) const;
  /// The text a scalar's value was read from: inside the quotes of a quoted
  /// scalar, the whole scalar otherwise.
  SourceRange TextRange(const YAML::Node& scalar) const;
  /// The part [from, to) of a scalar's value (byte offsets into the value).
  /// Exact when the value is written verbatim on one line; otherwise the
  /// scalar's TextRange.
  SourceRange SubRange(const YAML::Node& scalar, std::size_t from, std::size_t to) const;
  /// The byte offset just past the node as NodeRange sees it.
  std::size_t EndOffset(const YAML::Node& node) const;
  /// True for a quoted scalar without its closing quote: yaml-cpp 0.7 reads
  /// such a string up to the end of the file instead of rejecting it.
  bool IsUnclosedQuote(const YAML::Node& scalar) const;

 private:
  std::size_t Begin(const YAML::Node& node) const;
  std::optional<std::size_t> End(const YAML::Node& node) const;
  std::size_t ScalarEnd(const YAML::Node& scalar, std::size_t begin) const;
  std::optional<std::size_t> QuotedEnd(std::size_t open) const;
  std::size_t BlockScalarEnd(std::size_t indicator) const;
  std::size_t PlainEnd(std::size_t begin, const std::string& value) const;
  std::size_t FlowEnd(std::size_t from) const;
  bool IsQuoted(const YAML::Node& scalar, std::size_t begin) const;
  std::optional<std::size_t> VerbatimStart(const YAML::Node& scalar) const;
  std::size_t LineIndex(std::size_t offset) const;
  std::size_t LineContentEnd(std::size_t index) const;

  const std::string& text_;
  FileId file_;
  std::size_t bom_ = 0;  ///< 3 when the file starts with a byte order mark (yaml-cpp skips it)
  std::vector<std::size_t> line_starts_;
  /// Ends of collections by node identity, so that aliases cost nothing extra.
  mutable std::unordered_map<std::uint64_t, std::size_t> collection_ends_;
};

/// A key that identifies a node of one document: yaml-cpp gives no two nodes
/// the same start and type, and an alias shares its anchor's node.
std::uint64_t NodeKey(const YAML::Node& node);

}  // namespace accord::yaml::internal
