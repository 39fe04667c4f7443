// Pass 4: `disjoint` sets. Members must be distinct and unrelated; no concept
// may lie below two members of one set.

#include <fmt/format.h>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {

void DisjointPass(Context& ctx) {
  Program& program = ctx.program;
  for (std::uint32_t m = 0; m < program.modules.size(); ++m) {
    for (const ast::DeclPtr& decl : program.modules[m].ast->decls) {
      if (decl->kind != ast::DeclKind::DISJOINT) continue;
      const auto& disjoint = static_cast<const ast::DisjointDecl&>(*decl);
      DisjointSet set{{}, m, &disjoint};
      std::vector<const ast::QualifiedName*> names;
      bool valid = true;
      for (const ast::QualifiedName& member : disjoint.members) {
        std::optional<Symbol> symbol = ctx.Resolve(m, member, SymbolKind::CONCEPT, "E0201");
        if (!symbol) {
          valid = false;
          continue;
        }
        for (std::size_t i = 0; i < set.members.size(); ++i) {
          ConceptId other = set.members[i];
          if (other == symbol->id) {
            ctx.diags
                .Error("E0209", member.range,
                       fmt::format("`{}` is listed twice in this disjoint set", member.Joined()))
                .Primary("repeated here")
                .Label(names[i]->range, "first listed here")
                .Help(fmt::format("remove the repeated `{}`", member.Joined()));
            valid = false;
          } else if (program.IsA(symbol->id, other) || program.IsA(other, symbol->id)) {
            bool below = program.IsA(symbol->id, other);
            const std::string& lower = program.concepts[below ? symbol->id : other].name;
            const std::string& upper = program.concepts[below ? other : symbol->id].name;
            ctx.diags
                .Error("E0209", member.range,
                       fmt::format("`{}` and `{}` cannot be disjoint: `{}` is below `{}`",
                                   names[i]->Joined(), member.Joined(), lower, upper))
                .Primary("related by the hierarchy")
                .Label(names[i]->range, "the other member")
                .Help(fmt::format("every `{}` is also a `{}`; remove one of them from the set",
                                  lower, upper));
            valid = false;
          }
        }
        set.members.push_back(symbol->id);
        names.push_back(&member);
      }
      if (!valid) continue;
      // A concept below two members contradicts the set.
      for (ConceptId c = 0; c < program.concepts.size(); ++c) {
        std::vector<std::size_t> under;
        for (std::size_t i = 0; i < set.members.size(); ++i) {
          if (program.IsA(c, set.members[i])) under.push_back(i);
        }
        if (under.size() < 2) continue;
        const std::string& a = program.concepts[set.members[under[0]]].name;
        const std::string& b = program.concepts[set.members[under[1]]].name;
        ctx.diags
            .Error("E0208", program.concepts[c].decl->name.range,
                   fmt::format("`{}` is below both `{}` and `{}`, which are declared disjoint",
                               program.concepts[c].name, a, b))
            .Primary("under two disjoint concepts")
            .Label(disjoint.range, "disjoint set declared here")
            .Help(fmt::format("remove the link to `{}` or to `{}`, or drop the disjoint set", a,
                              b));
      }
      program.disjoint.push_back(std::move(set));
    }
  }
}

}  // namespace accord::sema::internal
