// Pass 6: test blocks. Records must use labels their modality knows and
// well-shaped fields; expectations must name rules and records that exist.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {
namespace {

constexpr std::array<const char*, 5> kBuiltinFindings = {
    "unknown_label", "unknown_modality", "bad_attribute", "missing_extent", "disjoint"};

struct GeometryField {
  const char* name;
  std::size_t arity;
  bool integral;
};
constexpr std::array<GeometryField, 4> kGeometry = {{
    {"box", 4, false}, {"box3d", 7, false}, {"geo", 2, false}, {"span", 2, true}}};
constexpr std::array<const char*, 4> kScalarFields = {"track", "annotator", "source", "confidence"};

class TestChecker {
 public:
  TestChecker(Context& ctx) : ctx_(ctx) {
    for (ConceptId c = 0; c < ctx.program.concepts.size(); ++c) {
      for (const auto& [m, label] : ctx.program.concepts[c].labels) labels_[{m, label}] = c;
    }
  }

  TestCase Check(std::uint32_t module, const ast::TestDecl& decl) {
    TestCase test;
    test.name = decl.name.text;
    test.module = module;
    test.range = decl.range;
    std::map<std::string, SourceRange> ids;
    for (const auto& item : decl.items) {
      for (const auto& record : item->records) {
        auto [it, inserted] = ids.emplace(record->id.text, record->id.range);
        if (!inserted) {
          ctx_.diags
              .Error("E0404", record->id.range,
                     fmt::format("record id `{}` is used twice in test `{}`", record->id.text,
                                 test.name))
              .Primary("repeated here")
              .Label(it->second, "first used here")
              .Help("rename one of them: record ids are unique within a test, across its items");
          continue;
        }
        if (std::optional<TestRecord> checked = CheckRecord(module, item->name.text, *record)) {
          test.records.push_back(std::move(*checked));
        }
      }
    }
    std::vector<std::string> id_names;
    for (const auto& entry : ids) id_names.push_back(entry.first);
    for (const auto& expectation : decl.expectations) {
      TestExpectation checked{expectation->none, {}, {}, expectation->range};
      if (!expectation->none) {
        checked.rule = CheckRuleName(module, expectation->rule);
        for (const ast::Name& id : expectation->ids) {
          if (ids.count(id.text) == 0) {
            Diagnostic& d = ctx_.diags.Error(
                "E0403", id.range,
                fmt::format("test `{}` has no record `{}`", test.name, id.text));
            d.Primary("not a record of this test");
            std::string suggestion = DidYouMean(id.text, id_names);
            if (!suggestion.empty()) d.Help(suggestion);
          }
          checked.ids.push_back(id.text);
        }
      }
      test.expectations.push_back(std::move(checked));
    }
    return test;
  }

 private:
  std::string CheckRuleName(std::uint32_t module, const ast::QualifiedName& name) {
    std::string joined = name.Joined();
    if (name.parts.size() == 1 &&
        std::find(kBuiltinFindings.begin(), kBuiltinFindings.end(), joined) !=
            kBuiltinFindings.end()) {
      return joined;
    }
    LookupResult found = ctx_.Lookup(module, name);
    if (found.status == LookupStatus::FOUND && found.symbol.kind == SymbolKind::RULE) {
      return found.symbol.decl->name.text;
    }
    std::vector<std::string> names = ctx_.VisibleNames(module, SymbolKind::RULE);
    names.insert(names.end(), kBuiltinFindings.begin(), kBuiltinFindings.end());
    Diagnostic& d = ctx_.diags.Error("E0402", name.range,
                                     fmt::format("`{}` is not a rule or a built-in finding", joined));
    d.Primary("unknown rule");
    std::string suggestion = DidYouMean(name.parts.back().text, names);
    if (!suggestion.empty()) d.Help(suggestion);
    return joined;
  }

  std::optional<TestRecord> CheckRecord(std::uint32_t module, const std::string& item,
                                        const ast::RecordLiteral& record) {
    TestRecord out;
    out.item = item;
    out.id = record.id.text;
    out.label = record.label.value;
    out.range = record.range;
    std::optional<Symbol> modality =
        ctx_.Resolve(module, Single(record.modality), SymbolKind::MODALITY, "E0202");
    if (!modality) return std::nullopt;
    out.modality = modality->id;
    auto it = labels_.find({modality->id, record.label.value});
    if (it == labels_.end()) {
      std::vector<std::string> known;
      for (const auto& [key, c] : labels_) {
        if (key.first == modality->id) known.push_back(key.second);
      }
      Diagnostic& d = ctx_.diags.Error(
          "E0401", record.label.range,
          fmt::format("\"{}\" is not a label in modality `{}`", record.label.value,
                      record.modality.text));
      d.Primary("no concept has this label here");
      std::string closest = ClosestName(record.label.value, known);
      if (!closest.empty()) {
        d.Help(fmt::format("did you mean \"{}\"?", closest));
      } else if (!known.empty() && known.size() <= 12) {
        std::vector<std::string> quoted;
        for (const std::string& label : known) quoted.push_back("\"" + label + "\"");
        d.Help(fmt::format("the labels of `{}` are {}", record.modality.text,
                           fmt::join(quoted, ", ")));
      }
      return std::nullopt;
    }
    out.concept_id = it->second;
    if (record.has_time) {
      out.has_time = true;
      out.start = record.start;
      out.end = record.end;
      if (record.end < record.start) {
        ctx_.diags
            .Error("E0406", record.time_range,
                   fmt::format("record `{}` ends at {}s, before it starts at {}s", out.id,
                               record.end, record.start))
            .Primary("end before start")
            .Help(fmt::format("the start comes first: `{}s..{}s`", record.end, record.start));
      }
    }
    for (const ast::RecordLiteral::Field& field : record.fields) {
      std::vector<Value> values;
      if (CheckField(module, out.concept_id, field, values)) {
        out.fields.emplace_back(field.key.text, std::move(values));
      }
    }
    return out;
  }

  bool CheckField(std::uint32_t module, ConceptId c, const ast::RecordLiteral::Field& field,
                  std::vector<Value>& values) {
    const std::string& key = field.key.text;
    for (const GeometryField& geometry : kGeometry) {
      if (key != geometry.name) continue;
      const ast::Expr& value = *field.value;
      bool ok = value.kind == ast::ExprKind::LIST &&
                static_cast<const ast::ListExpr&>(value).elements.size() == geometry.arity;
      if (ok) {
        Type element = Type::Of(geometry.integral ? TypeKind::INT : TypeKind::FLOAT);
        for (const auto& e : static_cast<const ast::ListExpr&>(value).elements) {
          std::optional<Value> v =
              EvalConstant(ctx_, module, *e, element, fmt::format("an element of `{}`", key));
          if (!v) return false;
          values.push_back(std::move(*v));
        }
        return true;
      }
      ctx_.diags
          .Error("E0405", value.range,
                 fmt::format("`{}` takes a list of {} {}", key, geometry.arity,
                             geometry.integral ? "integers" : "numbers"))
          .Primary("wrong shape")
          .Help(fmt::format("e.g. `{}: [{}]`", key,
                            geometry.arity == 4   ? "410, 220, 38, 96"
                            : geometry.arity == 7 ? "12.1, -3.4, 0.9, 0.8, 0.7, 1.8, 1.57"
                                                  : (geometry.integral ? "0, 12" : "48.85, 2.35")));
      return false;
    }
    Type type;
    std::string what = fmt::format("`{}`", key);
    if (key == "track" || key == "annotator" || key == "source") {
      type = Type::Of(TypeKind::STRING);
    } else if (key == "confidence") {
      type = Type::Of(TypeKind::FLOAT);
      type.has_range = true;
      type.hi = 1;
    } else {
      AttributeId attr;
      if (!ctx_.program.FindAttribute(c, key, &attr)) {
        std::vector<std::string> names(kScalarFields.begin(), kScalarFields.end());
        for (const GeometryField& g : kGeometry) names.emplace_back(g.name);
        for (const auto& entry : ctx_.program.concepts[c].attributes) names.push_back(entry.first);
        Diagnostic& d = ctx_.diags.Error(
            "E0405", field.key.range,
            fmt::format("`{}` is neither a record field nor an attribute of `{}`", key,
                        ctx_.program.concepts[c].name));
        d.Primary("unknown field");
        std::string suggestion = DidYouMean(key, names);
        if (!suggestion.empty()) d.Help(suggestion);
        return false;
      }
      type = ctx_.program.attributes[attr].type;
    }
    std::optional<Value> value = EvalConstant(ctx_, module, *field.value, type, what);
    if (!value) return false;
    if (key == "source" && value->string_value != "human" && value->string_value != "model") {
      ctx_.diags
          .Error("E0405", field.value->range,
                 fmt::format("`source` is \"human\" or \"model\", not \"{}\"",
                             value->string_value))
          .Primary("unknown source")
          .Help("write `source: \"human\"` for a person's annotation or `source: \"model\"` for a "
                "model's prediction");
      return false;
    }
    values.push_back(std::move(*value));
    return true;
  }

  Context& ctx_;
  std::map<std::pair<ModalityId, std::string>, ConceptId> labels_;
};

}  // namespace

void TestPass(Context& ctx) {
  Program& program = ctx.program;
  bool any = false;
  for (std::uint32_t m = 0; m < program.modules.size() && !any; ++m) {
    for (const ast::DeclPtr& decl : program.modules[m].ast->decls) {
      any = any || decl->kind == ast::DeclKind::TEST;
    }
  }
  if (!any) return;
  TestChecker checker(ctx);
  for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
    for (const ast::DeclPtr& decl : program.modules[m].ast->decls) {
      if (decl->kind != ast::DeclKind::TEST) continue;
      program.tests.push_back(checker.Check(m, static_cast<const ast::TestDecl&>(*decl)));
    }
  }
}

}  // namespace accord::sema::internal
