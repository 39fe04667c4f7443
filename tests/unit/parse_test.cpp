#include <doctest/doctest.h>

#include "accord/compiler/parse/parser.h"

TEST_CASE("smoke") {
  accord::SourceManager sources;
  accord::FileId f = sources.Add("a.accord", "ontology a;\nmodality video { extent: time; }\n");
  accord::Diagnostics diags;
  auto m = accord::ParseModule(sources, f, diags);
  REQUIRE(m != nullptr);
  CHECK(m->decls.size() == 1);
}
