#include "accord/compiler/parse/internal/template_text.h"

#include "accord/compiler/parse/internal/literals.h"
#include "accord/compiler/parse/internal/text.h"

namespace accord::parse::internal {
namespace {

/// One character of the template after escape decoding.
struct Unit {
  char32_t c = 0;
  std::uint32_t offset = 0;  ///< where it was written (the backslash of an escape)
  bool escaped = false;
};

std::vector<Unit> DecodeUnits(std::string_view body, std::vector<TemplateProblem>& problems) {
  std::vector<Unit> units;
  units.reserve(body.size());
  std::uint32_t offset = 1;  // the opening quote is offset 0
  std::size_t i = 0;
  while (i < body.size()) {
    char32_t c = DecodeUtf8At(body, i);
    if (c == '\\' && i < body.size()) {
      char32_t after = DecodeUtf8At(body, i);
      if (auto decoded = DecodeEscape(after)) {
        units.push_back({static_cast<unsigned char>(*decoded), offset, true});
      } else {
        problems.push_back({"E0007", offset, 2, "invalid escape `\\" + ShowChar(after) + "` in string",
                            "strings accept `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash"});
        units.push_back({'\\', offset, true});
        units.push_back({after, offset + 1, true});
      }
      offset += 2;
      continue;
    }
    units.push_back({c, offset, false});
    ++offset;
  }
  return units;
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\n") == std::string_view::npos;
}

}  // namespace

SplitTemplateResult SplitTemplate(std::string_view token) {
  SplitTemplateResult result;
  if (token.size() < 2) return result;
  std::vector<Unit> units = DecodeUnits(token.substr(1, token.size() - 2), result.problems);
  auto literal = [&]() -> std::string& {
    if (result.segments.empty() || result.segments.back().is_hole) result.segments.emplace_back();
    return result.segments.back().text;
  };
  auto is = [&](std::size_t k, char32_t c) { return k < units.size() && units[k].c == c; };

  std::size_t i = 0;
  while (i < units.size()) {
    const Unit& u = units[i];
    if (u.c == '{' && is(i + 1, '{')) {
      literal() += '{';
      i += 2;
      continue;
    }
    if (u.c == '}' && is(i + 1, '}')) {
      literal() += '}';
      i += 2;
      continue;
    }
    if (u.c == '}') {
      result.problems.push_back({"E0310", u.offset, 1, "unmatched `}` in report template",
                                 "write `}}` for a literal `}`"});
      ++i;
      continue;
    }
    if (u.c != '{') {
      literal() += EncodeUtf8(u.c);
      ++i;
      continue;
    }

    // A hole: runs to the `}` that closes this `{`.
    TemplateHole hole;
    hole.open = u.offset;
    int depth = 1;
    bool in_string = false;
    bool string_escape = false;
    std::size_t k = i + 1;
    for (; k < units.size(); ++k) {
      char32_t c = units[k].c;
      if (in_string) {
        if (string_escape) {
          string_escape = false;
        } else if (c == '\\') {
          string_escape = true;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        break;
      }
      hole.text += EncodeUtf8(c);
      hole.offsets.push_back(units[k].offset);
    }
    if (k == units.size()) {
      result.problems.push_back({"E0310", hole.open, 1, "unclosed `{` in report template",
                                 "close the hole with `}`, or write `{{` for a literal `{`"});
      break;
    }
    std::uint32_t close = units[k].offset;
    if (IsBlank(hole.text)) {
      result.problems.push_back(
          {"E0310", hole.open, close - hole.open + 1, "empty `{}` in report template",
           "write an expression between the braces, such as `{v.label}`, or `{{}}` for literal braces"});
    } else {
      hole.offsets.push_back(close);
      TemplateSegment segment;
      segment.is_hole = true;
      segment.hole = std::move(hole);
      result.segments.push_back(std::move(segment));
    }
    i = k + 1;
  }
  return result;
}

}  // namespace accord::parse::internal
