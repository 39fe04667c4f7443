#pragma once
// Source files and positions. Every AST node and diagnostic points into a
// SourceFile through a SourceRange; lines and columns are 1-based and columns
// count Unicode code points, as editors and SARIF viewers do.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = ~FileId{0};

struct Position {
  std::uint32_t line = 0;    ///< 1-based; 0 means unknown
  std::uint32_t column = 0;  ///< 1-based, in code points

  friend auto operator<=>(const Position&, const Position&) = default;
};

/// A half-open span [begin, end) in one file.
struct SourceRange {
  FileId file = kNoFile;
  Position begin;
  Position end;

  bool Valid() const { return file != kNoFile && begin.line != 0; }
  friend auto operator<=>(const SourceRange&, const SourceRange&) = default;
};

/// One file's text, indexed by line.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& Path() const { return path_; }
  const std::string& Text() const { return text_; }
  std::uint32_t LineCount() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// The text of 1-based `line` without its line terminator; empty if out of range.
  std::string_view Line(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

/// Owns every file a compilation reads; FileIds index into it.
class SourceManager {
 public:
  FileId Add(std::string path, std::string text);
  const SourceFile& Get(FileId id) const { return *files_.at(id); }
  std::size_t Size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

/// Number of code points in a UTF-8 byte string (invalid bytes count as one each).
std::uint32_t CountCodePoints(std::string_view text);

/// Byte offset of the 1-based code point `column` in `line` (clamped to its size).
std::size_t ByteOffsetOfColumn(std::string_view line, std::uint32_t column);

}  // namespace accord
