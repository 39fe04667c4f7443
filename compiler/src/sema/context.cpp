#include "accord/compiler/sema/internal/context.h"

#include <algorithm>

#include <fmt/format.h>

namespace accord::sema::internal {

const char* KindName(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::MODALITY: return "modality";
    case SymbolKind::ENUM: return "enum";
    case SymbolKind::CONCEPT: return "concept";
    case SymbolKind::RULE: return "rule";
    case SymbolKind::TEST: return "test";
  }
  return "name";
}

std::string WithArticle(std::string_view phrase) {
  std::size_t first = phrase.find_first_not_of('`');
  char c = first == std::string_view::npos ? 'x' : phrase[first];
  bool vowel = std::string_view("aeiouAEIOU").find(c) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(phrase);
}

ast::QualifiedName Single(const ast::Name& name) {
  ast::QualifiedName q;
  q.parts.push_back(name);
  q.range = name.range;
  return q;
}

void Context::MarkUsed(const Symbol& symbol) {
  std::vector<bool>& used = used_[static_cast<std::size_t>(symbol.kind)];
  if (used.size() <= symbol.id) used.resize(symbol.id + 1);
  used[symbol.id] = true;
}

bool Context::Used(SymbolKind kind, std::uint32_t id) const {
  const std::vector<bool>& used = used_[static_cast<std::size_t>(kind)];
  return id < used.size() && used[id];
}

int Context::FindModule(std::uint32_t module, const std::string& name) const {
  if (program.modules[module].name == name) return static_cast<int>(module);
  for (std::uint32_t imported : program.modules[module].imports) {
    if (program.modules[imported].name == name) return static_cast<int>(imported);
  }
  return -1;
}

LookupResult Context::Lookup(std::uint32_t module, const ast::QualifiedName& name) const {
  LookupResult result;
  if (name.parts.empty()) return result;
  if (name.parts.size() == 2) {
    int target = FindModule(module, name.parts[0].text);
    if (target < 0) return result;
    const Symbol* found = scopes[static_cast<std::size_t>(target)].Find(name.parts[1].text);
    if (found == nullptr) return result;
    result.status = LookupStatus::FOUND;
    result.symbol = *found;
    return result;
  }
  if (name.parts.size() != 1) return result;
  const std::string& text = name.parts[0].text;
  if (const Symbol* own = scopes[module].Find(text)) {
    result.status = LookupStatus::FOUND;
    result.symbol = *own;
    return result;
  }
  for (std::uint32_t imported : program.modules[module].imports) {
    const Symbol* found = scopes[imported].Find(text);
    if (found == nullptr) continue;
    result.candidates.push_back(imported);
    if (result.status == LookupStatus::NOT_FOUND) {
      result.status = LookupStatus::FOUND;
      result.symbol = *found;
    } else {
      result.status = LookupStatus::AMBIGUOUS;
    }
  }
  return result;
}

std::vector<std::string> Context::VisibleNames(std::uint32_t module, SymbolKind kind) const {
  std::vector<std::string> names;
  auto collect = [&](std::uint32_t m) {
    scopes[m].ForEach([&](std::string_view text, const Symbol& symbol) {
      if (symbol.kind == kind) names.emplace_back(text);
    });
  };
  collect(module);
  for (std::uint32_t imported : program.modules[module].imports) collect(imported);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<Symbol> Context::Resolve(std::uint32_t module, const ast::QualifiedName& name,
                               SymbolKind kind, const char* code) {
  LookupResult result = Lookup(module, name);
  if (result.status == LookupStatus::FOUND && result.symbol.kind == kind) {
    MarkUsed(result.symbol);
    return result.symbol;
  }
  std::string joined = name.Joined();
  if (result.status == LookupStatus::AMBIGUOUS) {
    std::vector<std::string> forms;
    for (std::uint32_t m : result.candidates) {
      forms.push_back(fmt::format("`{}.{}`", program.modules[m].name, joined));
    }
    Diagnostic& d = diags.Error("E0104", name.range,
                                fmt::format("`{}` is ambiguous: it is declared by {} imports",
                                            joined, result.candidates.size()));
    d.Primary("ambiguous name");
    for (std::uint32_t m : result.candidates) {
      const Symbol& other = *scopes[m].Find(joined);
      d.Label(other.decl->name.range, fmt::format("declared in `{}`", program.modules[m].name));
    }
    d.Help(fmt::format("write the qualified form: {}", fmt::join(forms, " or ")));
    return std::nullopt;
  }
  if (result.status == LookupStatus::FOUND) {
    const char* found = KindName(result.symbol.kind);
    const char* wanted = KindName(kind);
    Diagnostic& d = diags.Error(code, name.range,
                                fmt::format("`{}` is {}, not {}", joined, WithArticle(found),
                                            WithArticle(wanted)));
    d.Primary(fmt::format("expected {}", WithArticle(wanted)));
    d.Label(result.symbol.decl->name.range, fmt::format("{} `{}` declared here", found, joined));
    if (kind == SymbolKind::CONCEPT && result.symbol.kind == SymbolKind::MODALITY) {
      d.Help(fmt::format("a concept is annotated in a modality with `in {}` after its name",
                         joined));
    }
    return std::nullopt;
  }
  if (ReportNotImported(module, name, kind, code)) return std::nullopt;
  Diagnostic& d =
      diags.Error(code, name.range, fmt::format("unknown {} `{}`", KindName(kind), joined));
  d.Primary(fmt::format("no {} of this name is declared here or in an import", KindName(kind)));
  std::string suggestion = DidYouMean(name.parts.back().text, VisibleNames(module, kind));
  if (!suggestion.empty()) d.Help(suggestion);
  return std::nullopt;
}

bool Context::ReportNotImported(std::uint32_t module, const ast::QualifiedName& name,
                                SymbolKind kind, const char* code) {
  if (name.parts.size() != 1) return false;
  const std::string& text = name.parts[0].text;
  for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
    if (m == module) continue;
    const Symbol* found = scopes[m].Find(text);
    if (found == nullptr || found->kind != kind) continue;
    if (!not_imported.emplace(module, m).second) return true;
    const std::string& owner = program.modules[m].name;
    diags
        .Error(code, name.range,
               fmt::format("{} `{}` is declared in module `{}`, which `{}` does not import",
                           KindName(kind), text, owner, program.modules[module].name))
        .Primary("not visible here")
        .Label(found->decl->name.range, "declared here")
        .Note("a module sees its own declarations and those of the modules it imports directly")
        .Help(fmt::format("add `import {};` after the module header", owner));
    return true;
  }
  return false;
}

std::string Context::DisplayName(SymbolKind kind, std::uint32_t id) const {
  switch (kind) {
    case SymbolKind::CONCEPT: return program.concepts[id].name;
    case SymbolKind::MODALITY: return program.modalities[id].name;
    case SymbolKind::ENUM: return program.enums[id].name;
    default: return {};
  }
}

SourceRange Context::DeclRange(SymbolKind kind, std::uint32_t id) const {
  switch (kind) {
    case SymbolKind::CONCEPT: return program.concepts[id].decl->name.range;
    case SymbolKind::MODALITY: return program.modalities[id].decl->name.range;
    case SymbolKind::ENUM: return program.enums[id].decl->name.range;
    default: return {};
  }
}

}  // namespace accord::sema::internal
