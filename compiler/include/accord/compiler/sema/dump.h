#pragma once
// A readable dump of the checked program (`accord check --dump-ir`): the
// ontology tables, the hierarchy closure and each rule's checked IR as
// S-expressions. Used by golden tests and for debugging passes.

#include <string>

#include "accord/compiler/sema/program.h"

namespace accord::sema {

std::string DumpExpr(const Program& program, const Rule& rule, const Expr& expr);
std::string DumpRule(const Program& program, const Rule& rule);
std::string DumpProgram(const Program& program);

}  // namespace accord::sema
