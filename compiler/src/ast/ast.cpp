#include "accord/compiler/ast/expr.h"
#include "accord/compiler/ast/node.h"

namespace accord::ast {

std::string QualifiedName::Joined() const {
  std::string out;
  for (const Name& part : parts) {
    if (!out.empty()) out += '.';
    out += part.text;
  }
  return out;
}

const char* Spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::AND: return "and";
    case BinaryOp::OR: return "or";
    case BinaryOp::EQ: return "==";
    case BinaryOp::NE: return "!=";
    case BinaryOp::LT: return "<";
    case BinaryOp::LE: return "<=";
    case BinaryOp::GT: return ">";
    case BinaryOp::GE: return ">=";
    case BinaryOp::ADD: return "+";
    case BinaryOp::SUB: return "-";
    case BinaryOp::MUL: return "*";
    case BinaryOp::DIV: return "/";
  }
  return "?";
}

}  // namespace accord::ast
