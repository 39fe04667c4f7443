#include "internal/source_map.h"

#include <algorithm>
#include <string_view>

namespace accord::yaml::internal {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return IsBlank(c) || c == '\n' || c == '\r'; }

}  // namespace

std::uint64_t NodeKey(const YAML::Node& node) {
  auto pos = static_cast<std::uint32_t>(node.Mark().pos);
  return (std::uint64_t{pos} << 3) | static_cast<std::uint64_t>(node.Type());
}

SourceMap::SourceMap(const SourceFile& file, FileId id) : text_(file.Text()), file_(id) {
  if (text_.starts_with("\xEF\xBB\xBF")) bom_ = 3;
  // The same lines as SourceFile: split at '\n', no empty line after a final one.
  line_starts_.push_back(0);
  for (std::size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) {
    line_starts_.push_back(i + 1);
  }
  if (line_starts_.size() > 1 && line_starts_.back() == text_.size()) line_starts_.pop_back();
}

std::size_t SourceMap::Offset(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return 0;
  auto line = static_cast<std::size_t>(mark.line);
  if (line >= line_starts_.size()) return text_.size();
  // yaml-cpp skips the byte order mark without counting it.
  std::size_t offset =
      line_starts_[line] + (line == 0 ? bom_ : 0) + static_cast<std::size_t>(mark.column);
  return std::min(offset, text_.size());
}

std::size_t SourceMap::LineIndex(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin()) - 1;
}

std::size_t SourceMap::LineContentEnd(std::size_t index) const {
  std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] : text_.size();
  while (end > line_starts_[index] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

Position SourceMap::PositionAt(std::size_t offset) const {
  std::size_t index = LineIndex(offset);
  // A byte order mark is one column wide, as in SourceFile::Line and in the
  // .accord parser, so that carets line up with the line's text.
  std::size_t start = line_starts_[index];
  std::size_t end = LineContentEnd(index);
  offset = std::clamp(offset, start, end);
  std::string_view before(text_.data() + start, offset - start);
  return Position{static_cast<std::uint32_t>(index + 1), CountCodePoints(before) + 1};
}

SourceRange SourceMap::Range(std::size_t begin, std::size_t end) const {
  return SourceRange{file_, PositionAt(begin), PositionAt(std::max(begin, end))};
}

SourceRange SourceMap::PointAt(const YAML::Mark& mark) const {
  std::size_t offset = Offset(mark);
  std::size_t end = offset;
  if (end < LineContentEnd(LineIndex(offset))) {
    ++end;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
  }
  return Range(offset, end);
}

std::size_t SourceMap::Begin(const YAML::Node& node) const {
  std::size_t i = Offset(node.Mark());
  // yaml-cpp's mark is at the node's first property: skip `&anchor` and `!tag`.
  while (i < text_.size() && (text_[i] == '&' || text_[i] == '!')) {
    while (i < text_.size() && !IsSpace(text_[i])) ++i;
    while (i < text_.size() && IsSpace(text_[i])) ++i;
  }
  return std::min(i, text_.size());
}

bool SourceMap::IsQuoted(const YAML::Node& scalar, std::size_t begin) const {
  // A plain scalar cannot start with a quote, so a quote here opens the value.
  return scalar.Tag() != "?" && begin < text_.size() &&
         (text_[begin] == '"' || text_[begin] == '\'');
}

std::optional<std::size_t> SourceMap::QuotedEnd(std::size_t open) const {
  char quote = text_[open];
  for (std::size_t i = open + 1; i < text_.size(); ++i) {
    if (quote == '"' && text_[i] == '\\') {
      ++i;
    } else if (text_[i] == quote) {
      if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
        ++i;  // '' is an escaped quote
        continue;
      }
      return i + 1;
    }
  }
  return std::nullopt;
}

std::size_t SourceMap::BlockScalarEnd(std::size_t indicator) const {
  // The block's lines are those indented deeper than the line of `|` or `>`.
  std::size_t index = LineIndex(indicator);
  auto indent = [&](std::size_t line) {
    std::size_t i = line_starts_[line];
    while (i < text_.size() && text_[i] == ' ') ++i;
    return i - line_starts_[line];
  };
  std::size_t own_indent = indent(index);
  std::size_t end = LineContentEnd(index);
  for (std::size_t line = index + 1; line < line_starts_.size(); ++line) {
    std::size_t content_end = LineContentEnd(line);
    std::size_t first = line_starts_[line] + indent(line);
    if (first >= content_end) continue;  // blank lines belong to the block
    if (indent(line) <= own_indent) break;
    end = content_end;
  }
  return end;
}

std::size_t SourceMap::PlainEnd(std::size_t begin, const std::string& value) const {
  if (value.find('\n') == std::string::npos && text_.compare(begin, value.size(), value) == 0) {
    return begin + value.size();
  }
  // A plain scalar over several lines is folded: find its words in order.
  std::size_t pos = begin;
  std::size_t word = 0;
  while (word < value.size()) {
    std::size_t next = value.find_first_of(" \n", word);
    if (next == std::string::npos) next = value.size();
    if (next > word) {
      std::size_t found = text_.find(std::string_view(value).substr(word, next - word), pos);
      if (found == std::string::npos) break;
      pos = found + (next - word);
    }
    word = next + 1;
  }
  return pos;
}

std::size_t SourceMap::ScalarEnd(const YAML::Node& scalar, std::size_t begin) const {
  if (begin >= text_.size()) return begin;
  if (IsQuoted(scalar, begin)) return QuotedEnd(begin).value_or(text_.size());
  if (scalar.Tag() != "?" && (text_[begin] == '|' || text_[begin] == '>')) {
    return BlockScalarEnd(begin);
  }
  return PlainEnd(begin, scalar.Scalar());
}

std::size_t SourceMap::FlowEnd(std::size_t from) const {
  // Between a flow collection's last entry and its bracket there are only
  // blanks, `,`, `:` and comments.
  for (std::size_t i = from; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '#' && (i == 0 || IsSpace(text_[i - 1]))) {
      while (i < text_.size() && text_[i] != '\n') ++i;
    } else if (c == ']' || c == '}') {
      return i + 1;
    }
  }
  return from;
}

std::optional<std::size_t> SourceMap::End(const YAML::Node& node) const {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return ScalarEnd(node, Begin(node));
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: {
      auto cached = collection_ends_.find(NodeKey(node));
      if (cached != collection_ends_.end()) return cached->second;
      std::size_t begin = Begin(node);
      std::optional<std::size_t> last;
      auto extend = [&](std::optional<std::size_t> end) {
        if (end && (!last || *end > *last)) last = end;
      };
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (node.IsMap()) {
          extend(End(it->first));
          extend(End(it->second));
        } else {
          extend(End(*it));
        }
      }
      std::size_t end = node.Style() == YAML::EmitterStyle::Flow ? FlowEnd(last.value_or(begin + 1))
                                                                 : last.value_or(begin + 1);
      collection_ends_.emplace(NodeKey(node), end);
      return end;
    }
    default:
      return std::nullopt;
  }
}

SourceRange SourceMap::NodeRange(const YAML::Node& node) const {
  std::size_t begin = node.IsNull() ? Offset(node.Mark()) : Begin(node);
  return Range(begin, End(node).value_or(begin));
}

std::size_t SourceMap::EndOffset(const YAML::Node& node) const {
  std::size_t begin = node.IsNull() ? Offset(node.Mark()) : Begin(node);
  return End(node).value_or(begin);
}

SourceRange SourceMap::Span(const YAML::Node& first, const YAML::Node& last) const {
  std::size_t begin = Begin(first);
  std::size_t end = End(last).value_or(End(first).value_or(begin));
  return Range(begin, end);
}

SourceRange SourceMap::TextRange(const YAML::Node& scalar) const {
  std::size_t begin = Begin(scalar);
  std::size_t end = ScalarEnd(scalar, begin);
  if (IsQuoted(scalar, begin) && QuotedEnd(begin)) return Range(begin + 1, end - 1);
  return Range(begin, end);
}

std::optional<std::size_t> SourceMap::VerbatimStart(const YAML::Node& scalar) const {
  const std::string& value = scalar.Scalar();
  std::size_t begin = Begin(scalar);
  if (IsQuoted(scalar, begin)) ++begin;
  if (value.find('\n') != std::string::npos || text_.compare(begin, value.size(), value) != 0) {
    return std::nullopt;
  }
  return begin;
}

SourceRange SourceMap::SubRange(const YAML::Node& scalar, std::size_t from, std::size_t to) const {
  std::optional<std::size_t> start = VerbatimStart(scalar);
  if (!start) return TextRange(scalar);
  return Range(*start + from, *start + to);
}

bool SourceMap::IsUnclosedQuote(const YAML::Node& scalar) const {
  std::size_t begin = Begin(scalar);
  return IsQuoted(scalar, begin) && !QuotedEnd(begin);
}

}  // namespace accord::yaml::internal
