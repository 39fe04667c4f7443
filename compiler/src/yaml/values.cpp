#include "internal/values.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace accord::yaml::internal {
namespace {

constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }

std::size_t SkipDigits(std::string_view text, std::size_t i) {
  while (i < text.size() && IsDigit(text[i])) ++i;
  return i;
}

/// `DIGITS ('.' DIGITS)? (exponent | unit)?` after an optional `-`.
struct NumberText {
  bool negative = false;
  std::string_view number;  ///< without sign and unit
  bool is_float = false;
  std::string_view unit;  ///< "ms", "s", "min", "h" or empty
};

std::optional<NumberText> SplitNumber(std::string_view text) {
  NumberText out;
  std::size_t i = 0;
  if (!text.empty() && text[0] == '-') {
    out.negative = true;
    i = 1;
  }
  std::size_t start = i;
  if (i >= text.size() || !IsDigit(text[i])) return std::nullopt;
  i = SkipDigits(text, i);
  if (i + 1 < text.size() && text[i] == '.' && IsDigit(text[i + 1])) {
    i = SkipDigits(text, i + 1);
    out.is_float = true;
  }
  std::string_view rest = text.substr(i);
  if (rest == "ms" || rest == "s" || rest == "min" || rest == "h") {
    out.number = text.substr(start, i - start);
    out.unit = rest;
    return out;
  }
  if (!rest.empty() && (rest[0] == 'e' || rest[0] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j >= text.size() || !IsDigit(text[j])) return std::nullopt;
    i = SkipDigits(text, j);
    out.is_float = true;
  }
  if (i != text.size()) return std::nullopt;
  out.number = text.substr(start, i - start);
  return out;
}

double UnitSeconds(std::string_view unit) {
  if (unit == "ms") return 0.001;
  if (unit == "min") return 60;
  if (unit == "h") return 3600;
  return 1;
}

template <typename T>
std::unique_ptr<T> Make(SourceRange range) {
  auto node = std::make_unique<T>();
  node->range = range;
  return node;
}

ast::ExprPtr ReadNumber(Reader& reader, const YAML::Node& scalar, const NumberText& number) {
  const SourceMap& map = reader.Map();
  const std::string& text = scalar.Scalar();
  std::size_t from = number.negative ? 1 : 0;
  auto literal = Make<ast::LiteralExpr>(map.SubRange(scalar, from, text.size()));
  const char* first = number.number.data();
  const char* last = first + number.number.size();
  // Out-of-range numbers are reported with the .accord parser's E0008 wording.
  if (!number.unit.empty() || number.is_float) {
    double value = 0;
    auto [end, ec] = std::from_chars(first, last, value);
    value *= UnitSeconds(number.unit);
    if (ec != std::errc{} || end != last || !std::isfinite(value)) {
      std::string kind = number.unit.empty() ? "number " : "duration ";
      reader.Error(map.TextRange(scalar), kind + Reader::Describe(scalar) + " is too large",
                   "E0008");
      return nullptr;
    }
    literal->literal = number.unit.empty() ? ast::LiteralKind::FLOAT : ast::LiteralKind::DURATION;
    literal->number = value;
  } else {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc{} || end != last) {
      reader
          .Error(map.TextRange(scalar),
                 "integer " + Reader::Describe(scalar) + " does not fit in 64 bits", "E0008")
          .Help("the largest integer is 9223372036854775807");
      return nullptr;
    }
    literal->literal = ast::LiteralKind::INT;
    literal->int_value = value;
    literal->number = static_cast<double>(value);
  }
  if (!number.negative) return literal;
  // `-3` in .accord is negation applied to the literal `3`.
  auto negation = Make<ast::UnaryExpr>(map.TextRange(scalar));
  negation->op = ast::UnaryOp::NEG;
  negation->operand = std::move(literal);
  return negation;
}

/// Calls `check` on each `.`-separated part of `text`; true if all pass.
template <typename Check>
bool AllParts(std::string_view text, Check check) {
  std::size_t start = 0;
  while (true) {
    std::size_t dot = std::min(text.find('.', start), text.size());
    if (!check(text.substr(start, dot - start))) return false;
    if (dot == text.size()) return true;
    start = dot + 1;
  }
}

/// `negative`, `Valence.negative`: names that are not reserved words.
bool IsValueName(std::string_view text) {
  return AllParts(text,
                  [](std::string_view part) { return IsIdentifier(part) && !IsReserved(part); });
}

/// A name with a reserved word among its parts, such as `in` or `Valence.in`.
bool IsReservedName(std::string_view text) {
  return AllParts(text, IsIdentifier) && !IsValueName(text);
}

/// `negative` or `Valence.negative`: a name, then a field per further part.
ast::ExprPtr ReadNames(Reader& reader, const YAML::Node& scalar) {
  auto name = reader.ReadQualifiedName(scalar, "value");
  if (!name) return nullptr;
  const SourceMap& map = reader.Map();
  auto head = Make<ast::NameExpr>(name->parts[0].range);
  head->name = name->parts[0];
  ast::ExprPtr expr = std::move(head);
  std::size_t end = name->parts[0].text.size();
  for (std::size_t i = 1; i < name->parts.size(); ++i) {
    end += 1 + name->parts[i].text.size();
    auto field = Make<ast::FieldExpr>(map.SubRange(scalar, 0, end));
    field->object = std::move(expr);
    field->field = name->parts[i];
    expr = std::move(field);
  }
  return expr;
}

}  // namespace

ast::ExprPtr ReadValue(Reader& reader, const Entry& entry, std::string_view what) {
  const YAML::Node& value = entry.value;
  const SourceMap& map = reader.Map();
  if (!value.IsScalar()) {
    reader.WrongShape(
        value, entry.key_range, what, "a single value",
        value.IsNull()
            ? "write a value, e.g. `3`, `0.5`, `250ms`, `true`, `\"text\"` or an enum value"
            : "");
    return nullptr;
  }
  const std::string& text = value.Scalar();
  const std::string& tag = value.Tag();
  if (tag == "!" || tag == kStrTag) {  // quoted or block scalar: a string
    auto literal = Make<ast::LiteralExpr>(map.NodeRange(value));
    literal->literal = ast::LiteralKind::STRING;
    literal->string_value = text;
    return literal;
  }
  if (tag != "?") {
    constexpr std::string_view kCoreTags = "tag:yaml.org,2002:";
    std::string shown = tag.starts_with(kCoreTags) ? "!!" + tag.substr(kCoreTags.size()) : tag;
    SourceRange range = map.NodeRange(value);
    range.begin = map.PositionAt(map.Offset(value.Mark()));  // from the tag on
    reader.Error(range, "unsupported YAML tag `" + shown + "` on " + std::string(what))
        .Help("remove the tag: a value's type follows from how it is written");
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" ||
      text == "FALSE") {
    auto literal = Make<ast::LiteralExpr>(map.TextRange(value));
    literal->literal = ast::LiteralKind::BOOL;
    literal->bool_value = text[0] == 't' || text[0] == 'T';
    return literal;
  }
  if (auto number = SplitNumber(text)) return ReadNumber(reader, value, *number);
  if (IsValueName(text)) return ReadNames(reader, value);
  std::string help = "quote it to make it a string: `\"" + text + "\"`";
  if (IsReservedName(text)) {
    help = "`" + text + "` is a reserved word; " + help;
  } else if (!text.empty() &&
             (IsDigit(text[0]) || text[0] == '.' || text[0] == '+' || text[0] == '-')) {
    help =
        "write numbers as `3`, `-2` or `0.5`, durations as `250ms`, `1.5s`, `2min` or `1h`, "
        "or quote it to make it a string";
  }
  reader.Error(map.TextRange(value), "cannot read `" + text + "` as " + std::string(what))
      .Help(help);
  return nullptr;
}

std::optional<ast::TypeRef> ReadType(Reader& reader, const YAML::Node& node, SourceRange key_range,
                                     std::string_view attribute) {
  const SourceMap& map = reader.Map();
  if (!node.IsScalar()) {
    reader.WrongShape(node, key_range, "the type of " + std::string(attribute), "a type",
                      "e.g. `int`, `Valence` or `\"int[1..5]\"`");
    return std::nullopt;
  }
  std::string_view text = node.Scalar();
  auto fail = [&]() -> std::optional<ast::TypeRef> {
    reader
        .Error(map.TextRange(node),
               "invalid type " + Reader::Describe(node) + " for " + std::string(attribute))
        .Help(
            "write a type name (`bool`, `int`, `float`, `string`, `duration` or an enum), "
            "optionally with a range as in `int[1..5]`");
    return std::nullopt;
  };
  std::size_t i = 0;
  auto skip_blanks = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  skip_blanks();
  std::size_t name_begin = i;
  ast::TypeRef type;
  while (true) {
    std::size_t part_begin = i;
    if (i >= text.size() || !IsNameStart(text[i])) return fail();
    while (i < text.size() && IsNameChar(text[i])) ++i;
    std::string part(text.substr(part_begin, i - part_begin));
    if (IsReserved(part)) {
      reader.Error(map.TextRange(node), "`" + part + "` is a reserved word and cannot name a type");
      return std::nullopt;
    }
    type.name.parts.push_back(ast::Name{part, map.SubRange(node, part_begin, i)});
    if (i >= text.size() || text[i] != '.') break;
    ++i;
  }
  std::size_t type_end = i;
  type.name.range = map.SubRange(node, name_begin, i);
  skip_blanks();
  if (i < text.size() && text[i] == '[') {
    std::size_t span_begin = i++;
    auto bound = [&](double& out) {
      skip_blanks();
      std::size_t begin = i;
      if (i < text.size() && text[i] == '-') ++i;
      skip_blanks();
      std::size_t digits = i;
      if (i >= text.size() || !IsDigit(text[i])) return false;
      i = SkipDigits(text, i);
      if (i + 1 < text.size() && text[i] == '.' && IsDigit(text[i + 1])) {
        i = SkipDigits(text, i + 1);
        type.integral_bounds = false;
      }
      std::string_view number = text.substr(digits, i - digits);
      auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), out);
      if (ec != std::errc{} || !std::isfinite(out)) return false;
      if (text[begin] == '-') out = -out;
      skip_blanks();
      return true;
    };
    if (!bound(type.lo) || text.substr(i, 2) != "..") return fail();
    i += 2;
    if (!bound(type.hi) || i >= text.size() || text[i] != ']') return fail();
    type.has_range = true;
    type.range_span = map.SubRange(node, span_begin, ++i);
    type_end = i;
    skip_blanks();
  }
  if (i != text.size()) return fail();
  type.range = map.SubRange(node, name_begin, type_end);
  return type;
}

}  // namespace accord::yaml::internal
