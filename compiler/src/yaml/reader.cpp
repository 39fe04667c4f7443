#include "internal/reader.h"

#include <algorithm>
#include <array>
#include <map>

namespace accord::yaml::internal {
namespace {

constexpr std::string_view kNameHelp =
    "names are letters, digits and `_`, and do not start with a digit";

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string Quoted(std::string_view word) { return "`" + std::string(word) + "`"; }

std::string JoinQuoted(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += Quoted(word);
  }
  return out;
}

}  // namespace

bool IsIdentifier(std::string_view text) {
  if (text.empty() || !(IsAsciiAlpha(text[0]) || text[0] == '_')) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_'; });
}

std::string WithArticle(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

bool IsReserved(std::string_view text) {
  // The keywords of Accord.g4 that `ident` does not accept.
  // (`version`, `severity`, `guideline`, `escalate` and `none` remain names.)
  static constexpr std::array<std::string_view, 25> kReserved = {
      "ontology", "import", "modality", "enum",   "concept", "in",     "as",    "disjoint", "rule",
      "for",      "where",  "require",  "unless", "report",  "exists", "count", "is",       "not",
      "and",      "or",     "true",     "false",  "test",    "item",   "expect"};
  return std::find(kReserved.begin(), kReserved.end(), text) != kReserved.end();
}

Diagnostic& Reader::Error(SourceRange range, std::string message, std::string code) {
  failed_ = true;
  return diags_.Error(std::move(code), range, std::move(message));
}

std::string Reader::Describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return node.size() == 0 ? "an empty list" : "a list";
    case YAML::NodeType::Map:
      return node.size() == 0 ? "an empty map" : "a map";
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (text.empty()) return "an empty string";
      std::string shown = text.substr(0, std::min(text.find('\n'), std::size_t{40}));
      if (shown.size() < text.size()) shown += "...";
      return Quoted(shown);
    }
    default:
      return "nothing";
  }
}

void Reader::WrongShape(const YAML::Node& value, SourceRange key_range, std::string_view what,
                        std::string_view expected, std::string help) {
  SourceRange range = value.IsNull() || !value.IsDefined() ? key_range : map_.NodeRange(value);
  Error(range,
        std::string(what) + " must be " + std::string(expected) + ", found " + Describe(value))
      .Help(std::move(help));
}

std::vector<Entry> Reader::KnownEntries(const YAML::Node& map,
                                        std::span<const std::string_view> known,
                                        std::string_view where, std::span<const KeyHint> hints) {
  std::vector<Entry> entries;
  std::map<std::string, SourceRange, std::less<>> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    YAML::Node key = it->first;  // a copy: `it->` yields a temporary
    if (!key.IsScalar()) {
      Error(map_.NodeRange(key),
            "a key " + std::string(where) + " must be a word, found " + Describe(key));
      continue;
    }
    Entry entry{key.Scalar(), key, it->second, map_.TextRange(key), map_.Span(key, it->second)};
    if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
      std::string help;
      for (const KeyHint& hint : hints) {
        if (hint.first == entry.key) help = hint.second;
      }
      if (help.empty())
        help = DidYouMean(entry.key, std::vector<std::string>(known.begin(), known.end()));
      if (help.empty()) help = "expected one of " + JoinQuoted(known);
      Error(entry.key_range, "unknown key " + Quoted(entry.key) + " " + std::string(where))
          .Help(help);
      continue;
    }
    auto [first, inserted] = seen.emplace(entry.key, entry.key_range);
    if (!inserted) {
      Error(entry.key_range, "duplicate key " + Quoted(entry.key) + " " + std::string(where))
          .Label(first->second, "first given here");
      continue;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<Entry> Reader::Entries(const YAML::Node& map, std::string_view kind) {
  std::vector<Entry> entries;
  for (auto it = map.begin(); it != map.end(); ++it) {
    YAML::Node key = it->first;  // a copy: `it->` yields a temporary
    if (!key.IsScalar()) {
      Error(map_.NodeRange(key), "expected " + WithArticle(kind) + ", found " + Describe(key));
      continue;
    }
    entries.push_back(
        Entry{key.Scalar(), key, it->second, map_.TextRange(key), map_.Span(key, it->second)});
  }
  return entries;
}

std::optional<ast::Name> Reader::ReadName(const YAML::Node& scalar, std::string_view kind) {
  if (!scalar.IsScalar()) {
    Error(map_.NodeRange(scalar), "expected " + WithArticle(kind) + ", found " + Describe(scalar));
    return std::nullopt;
  }
  const std::string& text = scalar.Scalar();
  SourceRange range = map_.TextRange(scalar);
  if (IsReserved(text)) {
    Error(range, Quoted(text) + " is a reserved word and cannot be " + WithArticle(kind))
        .Help("choose another name, such as `" + text + "_`");
    return std::nullopt;
  }
  if (!IsIdentifier(text)) {
    Error(range, Describe(scalar) + " is not " + WithArticle("valid " + std::string(kind)))
        .Help(std::string(kNameHelp));
    return std::nullopt;
  }
  return ast::Name{text, range};
}

std::optional<ast::QualifiedName> Reader::ReadQualifiedName(const YAML::Node& scalar,
                                                            std::string_view kind) {
  if (!scalar.IsScalar()) {
    Error(map_.NodeRange(scalar), "expected " + WithArticle(kind) + ", found " + Describe(scalar));
    return std::nullopt;
  }
  const std::string& text = scalar.Scalar();
  ast::QualifiedName name;
  name.range = map_.TextRange(scalar);
  std::size_t start = 0;
  while (true) {
    std::size_t dot = std::min(text.find('.', start), text.size());
    std::string part = text.substr(start, dot - start);
    if (IsReserved(part)) {
      Error(name.range, Quoted(part) + " is a reserved word and cannot be " + WithArticle(kind))
          .Help("choose another name, such as `" + part + "_`");
      return std::nullopt;
    }
    if (!IsIdentifier(part)) {
      Error(name.range, Describe(scalar) + " is not " + WithArticle("valid " + std::string(kind)))
          .Help(std::string(kNameHelp) +
                "; qualified names join names with `.`, as in `core.Valence`");
      return std::nullopt;
    }
    name.parts.push_back(ast::Name{part, map_.SubRange(scalar, start, dot)});
    if (dot == text.size()) break;
    start = dot + 1;
  }
  return name;
}

std::vector<ast::QualifiedName> Reader::ReadNameList(const Entry& entry, std::string_view what,
                                                     std::string_view expected,
                                                     std::string_view kind, std::string help) {
  std::vector<ast::QualifiedName> names;
  const YAML::Node& value = entry.value;
  if (value.IsScalar()) {
    if (auto name = ReadQualifiedName(value, kind)) names.push_back(std::move(*name));
  } else if (value.IsSequence()) {
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) {
        Error(item.IsNull() ? map_.NodeRange(value) : map_.NodeRange(item),
              "each item of " + std::string(what) + " must be " + WithArticle(kind) + ", found " +
                  Describe(item));
        continue;
      }
      if (auto name = ReadQualifiedName(item, kind)) names.push_back(std::move(*name));
    }
  } else if (!value.IsNull()) {
    WrongShape(value, entry.key_range, what, expected, std::move(help));
  }
  return names;
}

std::optional<ast::StringLit> Reader::ReadString(const Entry& entry, std::string_view what) {
  if (!entry.value.IsScalar()) {
    WrongShape(entry.value, entry.key_range, what, "a string");
    return std::nullopt;
  }
  return ast::StringLit{entry.value.Scalar(), map_.NodeRange(entry.value)};
}

std::string Reader::ReadDoc(const Entry& entry, std::string_view what) {
  if (entry.value.IsNull()) return {};
  if (!entry.value.IsScalar()) {
    WrongShape(entry.value, entry.key_range, what, "a string");
    return {};
  }
  std::string doc = entry.value.Scalar();
  while (!doc.empty() && doc.back() == '\n') doc.pop_back();
  return doc;
}

}  // namespace accord::yaml::internal
