#include "resolve.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "text.h"

namespace accord::runtime::internal {
namespace {

/// "`a`", "`a` and `b`", "`a`, `b` and `c`".
std::string JoinCodes(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += Code(names[i]);
  }
  return out;
}

/// The fields the record's modality requires but the record lacks.
std::vector<std::string_view> MissingExtents(const Modality& m, const Record& r) {
  std::vector<std::string_view> missing;
  if (m.extents & EXTENT_TIME) {
    if (!r.Has(HAS_START)) missing.push_back("start");
    if (!r.Has(HAS_END)) missing.push_back("end");
  }
  if ((m.extents & EXTENT_CHARS) && !r.Has(HAS_SPAN)) missing.push_back("span");
  if ((m.extents & EXTENT_BOX) && !r.Has(HAS_BOX)) missing.push_back("box");
  if ((m.extents & EXTENT_BOX3D) && !r.Has(HAS_BOX3D)) missing.push_back("box3d");
  if ((m.extents & EXTENT_GEO) && !r.Has(HAS_GEO)) missing.push_back("geo");
  return missing;
}

/// How a value found in `attrs` is shown: "\"angry\"", "4.5", "true", "an object".
std::string Found(const ParsedAttr& a) {
  switch (a.kind) {
    case AttrKind::STRING:
      return Quote(a.text);
    case AttrKind::NUMBER:
      return FormatNumber(a.number);
    case AttrKind::BOOL:
      return a.boolean ? "true" : "false";
    case AttrKind::OBJECT:
      return "an object";
    case AttrKind::ARRAY:
      return "an array";
  }
  return {};
}

/// "a" or "an" before `word`, by how it is most likely said: "an" before a
/// vowel (`Intensity`, `Emotion`), "a" before the sound "you" or "w"
/// (`Unit`, `Usage`, `Euro`, `One`) and before other consonants, "an"
/// before a silent h (`Hour`, `Honest`, `Heir`).
std::string_view Article(std::string_view word) {
  std::string lower;
  for (char c : word.substr(0, 6)) {
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  auto starts = [&](std::string_view prefix) { return lower.rfind(prefix, 0) == 0; };
  for (std::string_view you : {"uni", "use", "usu", "uti", "ure", "eu", "one", "once"}) {
    if (starts(you)) return "a";
  }
  for (std::string_view silent : {"hour", "honest", "honor", "honour", "heir"}) {
    if (starts(silent)) return "an";
  }
  if (!lower.empty() && std::string_view("aeiou").find(lower[0]) != std::string_view::npos) {
    return "an";
  }
  return "a";
}

/// What an attribute of `type` accepts, as in "`x` must be <expected>".
std::string Expected(const Bundle& bundle, const Attribute& attr) {
  switch (attr.type) {
    case AttrType::BOOL:
      return "true or false";
    case AttrType::INT:
      return "an integer";
    case AttrType::FLOAT:
      return "a number";
    case AttrType::DURATION:
      return "a number of seconds";
    case AttrType::STRING:
      return "a string";
    case AttrType::ENUM: {
      const EnumType& e = bundle.enums[attr.enum_id];
      return fmt::format("{} {} value ({})", Article(e.name), Code(e.name),
                         fmt::join(e.values, ", "));
    }
  }
  return {};
}

/// The typed value of `a` for `attr`, or an issue detail in `problem`.
Value Convert(const Bundle& bundle, const Attribute& attr, const ParsedAttr& a, Arena& arena,
              std::string& problem) {
  bool ok = false;
  Value value;
  switch (attr.type) {
    case AttrType::BOOL:
      ok = a.kind == AttrKind::BOOL;
      if (ok) value = Value::Bool(a.boolean);
      break;
    case AttrType::INT:
      ok = a.kind == AttrKind::NUMBER && std::trunc(a.number) == a.number;
      if (ok) value = Value::Number(a.number);
      break;
    case AttrType::FLOAT:
    case AttrType::DURATION:
      ok = a.kind == AttrKind::NUMBER;
      if (ok) value = Value::Number(a.number);
      break;
    case AttrType::STRING:
      ok = a.kind == AttrKind::STRING;
      if (ok) value = Value::String(arena.Copy(a.text));
      break;
    case AttrType::ENUM:
      if (a.kind == AttrKind::STRING) {
        const std::vector<std::string>& values = bundle.enums[attr.enum_id].values;
        auto it = std::find(values.begin(), values.end(), a.text);
        ok = it != values.end();
        if (ok) value = Value::Enum(static_cast<std::uint32_t>(it - values.begin()));
      }
      break;
  }
  if (!ok) {
    problem =
        fmt::format("{} must be {}, found {}", Code(attr.name), Expected(bundle, attr), Found(a));
    return {};
  }
  if (attr.has_range && value.kind == ValueKind::NUMBER &&
      (value.number < attr.lo || value.number > attr.hi)) {
    problem = fmt::format("{} is {}, outside {}..{}", Code(attr.name), FormatNumber(value.number),
                          FormatNumber(attr.lo), FormatNumber(attr.hi));
    return {};
  }
  return value;
}

/// An issue about the last record of `item`.
void AddIssue(Item& item, RecordProblem problem, std::string detail) {
  item.issues.push_back(
      {static_cast<std::uint32_t>(item.records.size() - 1), problem, std::move(detail)});
}

}  // namespace

void ResolveLast(const Bundle& bundle, const std::vector<ParsedAttr>& attrs, Item& item,
                 std::vector<AttributeId>& seen) {
  Record& record = item.records.back();
  record.attr_begin = static_cast<std::uint32_t>(item.attrs.size());
  record.attr_count = 0;
  if (record.modality == kNone) {
    AddIssue(item, RecordProblem::UNKNOWN_MODALITY,
             fmt::format("modality {} is not declared", Code(record.modality_name)));
    return;
  }
  const Modality& modality = bundle.modalities[record.modality];
  if (record.concept_id == kNone) {
    AddIssue(item, RecordProblem::UNKNOWN_LABEL,
             fmt::format("{} is not a label in {}", Quote(record.label), Code(modality.name)));
  }
  std::vector<std::string_view> missing = MissingExtents(modality, record);
  if (!missing.empty()) {
    AddIssue(item, RecordProblem::MISSING_EXTENT,
             fmt::format("{} records need {}", Code(modality.name), JoinCodes(missing)));
  }
  if (record.concept_id != kNone && !attrs.empty()) {
    const Concept& concept_entry = bundle.concepts[record.concept_id];
    seen.clear();
    for (const ParsedAttr& a : attrs) {
      const AttributeId id = bundle.AttributeFor(record.concept_id, a.name);
      if (id == kNone) {
        AddIssue(
            item, RecordProblem::BAD_ATTRIBUTE,
            fmt::format("{} is not an attribute of {}", Code(a.name), Code(concept_entry.name)));
        continue;
      }
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
        AddIssue(item, RecordProblem::BAD_ATTRIBUTE,
                 fmt::format("{} is given twice in `attrs`", Code(a.name)));
        continue;
      }
      seen.push_back(id);
      std::string problem;
      Value value = Convert(bundle, bundle.attributes[id], a, item.arena, problem);
      if (!problem.empty()) {
        AddIssue(item, RecordProblem::BAD_ATTRIBUTE, std::move(problem));
        continue;
      }
      item.attrs.push_back({id, value});
      ++record.attr_count;
    }
  }
}

}  // namespace accord::runtime::internal
