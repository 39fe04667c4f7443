// Pass 1: every declaration gets a symbol in its module's scope; modalities
// and enums are complete after this pass, concepts only named.

#include <array>
#include <map>

#include <fmt/format.h>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {
namespace {

constexpr std::array<std::pair<const char*, Extent>, 5> kExtents = {{
    {"time", EXTENT_TIME}, {"chars", EXTENT_CHARS}, {"box", EXTENT_BOX},
    {"box3d", EXTENT_BOX3D}, {"geo", EXTENT_GEO},
}};

bool DeclareModality(Context& ctx, std::uint32_t module, const ast::ModalityDecl& decl) {
  ModalityInfo info{decl.name.text, 0, module, &decl};
  std::map<std::string, SourceRange> first_listed;
  for (const ast::ModalityDecl::Property& property : decl.properties) {
    if (property.key.text != "extent") {
      std::string suggestion = DidYouMean(property.key.text, {"extent"});
      ctx.diags
          .Error("E0205", property.key.range,
                 fmt::format("unknown modality property `{}`", property.key.text))
          .Primary("modalities have only `extent`")
          .Help(!suggestion.empty()
                    ? suggestion
                    : fmt::format("remove `{}`; a modality declares only `extent: KIND, ...;` "
                                  "with the kinds time, chars, box, box3d, geo",
                                  property.key.text));
      continue;
    }
    for (const ast::Name& value : property.values) {
      Extent bit{};
      bool known = false;
      for (const auto& [name, extent] : kExtents) {
        if (value.text == name) {
          bit = extent;
          known = true;
        }
      }
      if (!known) {
        Diagnostic& d = ctx.diags.Error("E0205", value.range,
                                        fmt::format("unknown extent kind `{}`", value.text));
        d.Primary("not an extent kind");
        std::string suggestion =
            DidYouMean(value.text, {"time", "chars", "box", "box3d", "geo"});
        d.Help(suggestion.empty() ? "extent kinds are time, chars, box, box3d, geo" : suggestion);
        continue;
      }
      if ((info.extents & bit) != 0) {
        ctx.diags.Error("E0211", value.range, fmt::format("extent `{}` listed twice", value.text))
            .Primary("repeated here")
            .Label(first_listed[value.text], "first listed here");
        continue;
      }
      info.extents = static_cast<ExtentSet>(info.extents | bit);
      first_listed[value.text] = value.range;
    }
  }
  if (ctx.program.modalities.size() == kMaxModalities) {
    ctx.diags.Error("E0216", decl.name.range,
                    fmt::format("too many modalities: at most {} are supported", kMaxModalities))
        .Primary("this is one too many");
    return false;
  }
  ctx.program.modalities.push_back(std::move(info));
  return true;
}

void DeclareEnum(Context& ctx, std::uint32_t module, const ast::EnumDecl& decl) {
  EnumInfo info{decl.name.text, {}, module, &decl};
  for (std::size_t i = 0; i < decl.values.size(); ++i) {
    const ast::Name& value = decl.values[i];
    bool repeated = false;
    for (std::size_t j = 0; j < i; ++j) {
      if (decl.values[j].text == value.text) {
        ctx.diags
            .Error("E0211", value.range,
                   fmt::format("enum `{}` lists `{}` twice", decl.name.text, value.text))
            .Primary("repeated here")
            .Label(decl.values[j].range, "first listed here");
        repeated = true;
        break;
      }
    }
    if (!repeated) info.values.push_back(value.text);
  }
  ctx.program.enums.push_back(std::move(info));
}

}  // namespace

void DeclarePass(Context& ctx) {
  Program& program = ctx.program;
  ctx.scopes.resize(program.modules.size());
  std::size_t concepts = 0;
  for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
    const auto& decls = program.modules[m].ast->decls;
    ctx.scopes[m].Reserve(decls.size());
    for (const ast::DeclPtr& decl : decls) concepts += decl->kind == ast::DeclKind::CONCEPT;
  }
  program.concepts.reserve(concepts);
  std::uint32_t rule_count = 0;
  std::uint32_t test_count = 0;
  for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
    for (const ast::DeclPtr& decl : program.modules[m].ast->decls) {
      Symbol symbol{SymbolKind::CONCEPT, 0, m, decl.get()};
      switch (decl->kind) {
        case ast::DeclKind::MODALITY:
          symbol.kind = SymbolKind::MODALITY;
          symbol.id = static_cast<std::uint32_t>(program.modalities.size());
          break;
        case ast::DeclKind::ENUM:
          symbol.kind = SymbolKind::ENUM;
          symbol.id = static_cast<std::uint32_t>(program.enums.size());
          break;
        case ast::DeclKind::CONCEPT:
          symbol.id = static_cast<std::uint32_t>(program.concepts.size());
          break;
        case ast::DeclKind::RULE:
          symbol.kind = SymbolKind::RULE;
          symbol.id = rule_count++;
          break;
        case ast::DeclKind::TEST:
          symbol.kind = SymbolKind::TEST;
          symbol.id = test_count++;
          break;
        case ast::DeclKind::DISJOINT:
          continue;
      }
      auto [first, inserted] = ctx.scopes[m].Insert(decl->name.text, symbol);
      if (!inserted) {
        ctx.diags
            .Error("E0105", decl->name.range,
                   fmt::format("`{}` is declared twice in module `{}`", decl->name.text,
                               program.modules[m].name))
            .Primary(fmt::format("{} redeclared here", KindName(symbol.kind)))
            .Label(first->decl->name.range,
                   fmt::format("first declared here as {}", WithArticle(KindName(first->kind))))
            .Help("rename one of them");
        if (symbol.kind == SymbolKind::RULE || symbol.kind == SymbolKind::TEST) continue;
        if (symbol.kind != SymbolKind::CONCEPT) continue;
      }
      switch (decl->kind) {
        case ast::DeclKind::MODALITY:
          if (inserted && !DeclareModality(ctx, m, static_cast<const ast::ModalityDecl&>(*decl))) {
            ctx.scopes[m].Erase(decl->name.text);
          }
          break;
        case ast::DeclKind::ENUM:
          if (inserted) DeclareEnum(ctx, m, static_cast<const ast::EnumDecl&>(*decl));
          break;
        case ast::DeclKind::CONCEPT: {
          if (!inserted) break;
          ConceptInfo info;
          info.name = decl->name.text;
          info.module = m;
          info.decl = static_cast<const ast::ConceptDecl*>(decl.get());
          program.concepts.push_back(std::move(info));
          break;
        }
        default:
          break;
      }
    }
  }
}

}  // namespace accord::sema::internal
