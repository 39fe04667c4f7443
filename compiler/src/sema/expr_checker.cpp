#include "accord/compiler/sema/internal/expr_checker.h"

#include <fmt/format.h>

namespace accord::sema::internal {
namespace {

ExprPtr Node(ExprOp op, Type type, SourceRange range) {
  auto node = std::make_unique<Expr>();
  node->op = op;
  node->type = type;
  node->range = range;
  return node;
}

ast::QualifiedName Qualified(const std::vector<const ast::Name*>& parts, std::size_t count) {
  ast::QualifiedName q;
  for (std::size_t i = 0; i < count; ++i) q.parts.push_back(*parts[i]);
  q.range = {parts[0]->range.file, parts[0]->range.begin, parts[count - 1]->range.end};
  return q;
}

bool Numeric(const Type& t) { return t.IsNumeric(); }

}  // namespace

std::string TypePhrase(const Program& program, const Type& type) {
  switch (type.kind) {
    case TypeKind::INT: return "an `int`";
    case TypeKind::ENUM: return WithArticle(fmt::format("`{}` value", program.TypeName(type)));
    case TypeKind::RECORD: return "a record";
    case TypeKind::LIST: return "a list";
    case TypeKind::CONCEPT: return "a concept";
    default: return WithArticle(fmt::format("`{}`", program.TypeName(type)));
  }
}

ExprPtr ExprChecker::Error(const ast::Expr& expr) { return Node(ExprOp::CONST, Type{}, expr.range); }

int ExprChecker::FindVar(const std::string& name) const {
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (rule_.vars[*it].name == name) return static_cast<int>(*it);
  }
  return -1;
}

bool ExprChecker::IsConstName(const ast::Expr& expr) const {
  std::vector<const ast::Name*> path = PathOf(expr);
  return !path.empty() && FindVar(path[0]->text) < 0;
}

std::uint32_t ExprChecker::Bind(const ast::Binding& binding, bool quantified) {
  Variable var;
  var.name = binding.var.text;
  var.quantified = quantified;
  var.range = binding.range;
  bool ok = true;
  if (int previous = FindVar(var.name); previous >= 0) {
    ctx_.diags
        .Error("E0309", binding.var.range,
               fmt::format("`{}` is already bound in this rule", var.name))
        .Primary("bound again here")
        .Label(rule_.vars[static_cast<std::size_t>(previous)].range, "first bound here")
        .Help("give the new binding another name");
    ok = false;
  }
  std::optional<Symbol> modality =
      ctx_.Resolve(module_, Single(binding.modality), SymbolKind::MODALITY, "E0202");
  if (modality) {
    var.modality = modality->id;
  } else {
    ok = false;
  }
  if (binding.concept_name) {
    std::optional<Symbol> concept_symbol =
        ctx_.Resolve(module_, *binding.concept_name, SymbolKind::CONCEPT, "E0201");
    if (concept_symbol) {
      var.concept_id = concept_symbol->id;
    } else {
      ok = false;
    }
  }
  if (ok && var.concept_id != kNoConcept &&
      ((ctx_.program.concepts[var.concept_id].reachable >> var.modality) & 1) == 0) {
    const ConceptInfo& info = ctx_.program.concepts[var.concept_id];
    std::vector<std::string> where;
    for (ModalityId m = 0; m < ctx_.program.modalities.size(); ++m) {
      if ((info.reachable >> m) & 1) where.push_back(ctx_.program.modalities[m].name);
    }
    Diagnostic& d = ctx_.diags.Error(
        "E0303", binding.modality.range,
        fmt::format("`{}` is never annotated in modality `{}`", info.name, binding.modality.text));
    d.Primary(fmt::format("no concept at or below `{}` has a label in `{}`", info.name,
                          binding.modality.text));
    d.Label(info.decl->name.range,
            where.empty() ? fmt::format("`{}` is annotatable in no modality", info.name)
                          : fmt::format("`{}` is annotated in {}", info.name,
                                        fmt::join(where, ", ")));
    d.Help(where.empty()
               ? fmt::format("add `in {}` to `{}` or to a concept below it", binding.modality.text,
                             info.name)
               : fmt::format("bind `{}` in {}, or add `{}` to the concept's `in` clause",
                             var.name, fmt::join(where, " or "), binding.modality.text));
    ok = false;
  }
  auto index = static_cast<std::uint32_t>(rule_.vars.size());
  rule_.vars.push_back(std::move(var));
  valid_.push_back(ok);
  scope_.push_back(index);
  return index;
}

std::string ExprChecker::ComparisonExample(const ast::Expr& expr, const Expr& checked) const {
  std::vector<const ast::Name*> path = PathOf(expr);
  std::string text;
  for (const ast::Name* part : path) text += (text.empty() ? "" : ".") + part->text;
  if (text.empty()) return "x.confidence >= 0.9";
  switch (checked.type.kind) {
    case TypeKind::INT: return text + " >= 1";
    case TypeKind::FLOAT: return text + " >= 0.9";
    case TypeKind::DURATION: return text + " >= 1s";
    case TypeKind::STRING: return text + " == \"...\"";
    case TypeKind::ENUM:
      return fmt::format("{} == {}", text, ctx_.program.enums[checked.type.enum_id].values.front());
    default: return "x.confidence >= 0.9";
  }
}

ExprPtr ExprChecker::CheckCondition(const ast::Expr& expr, const char* what) {
  ExprPtr checked = Check(expr);
  if (!checked->type.IsError() && checked->type.kind != TypeKind::BOOL) {
    ctx_.diags
        .Error("E0306", expr.range,
               fmt::format("{} must be a condition, but this is {}", what,
                           TypePhrase(ctx_.program, checked->type)))
        .Primary("not a boolean")
        .Help(fmt::format("compare it with something, e.g. `{}`",
                          ComparisonExample(expr, *checked)));
    return Error(expr);
  }
  return checked;
}

ExprPtr ExprChecker::Check(const ast::Expr& expr, const Type* expected) {
  switch (expr.kind) {
    case ast::ExprKind::LITERAL: {
      const auto& literal = static_cast<const ast::LiteralExpr&>(expr);
      Value v;
      switch (literal.literal) {
        case ast::LiteralKind::INT:
          v.kind = TypeKind::INT;
          v.int_value = literal.int_value;
          break;
        case ast::LiteralKind::FLOAT:
          v.kind = TypeKind::FLOAT;
          v.number = literal.number;
          break;
        case ast::LiteralKind::DURATION:
          v.kind = TypeKind::DURATION;
          v.number = literal.number;
          break;
        case ast::LiteralKind::STRING:
          v.kind = TypeKind::STRING;
          v.string_value = literal.string_value;
          break;
        case ast::LiteralKind::BOOL:
          v.kind = TypeKind::BOOL;
          v.bool_value = literal.bool_value;
          break;
      }
      ExprPtr node = Node(ExprOp::CONST, Type::Of(v.kind), expr.range);
      node->value = std::move(v);
      return node;
    }
    case ast::ExprKind::NAME:
      return CheckName(expr, expected);
    case ast::ExprKind::FIELD:
      if (IsConstName(expr)) return CheckName(expr, expected);
      return CheckField(static_cast<const ast::FieldExpr&>(expr));
    case ast::ExprKind::UNARY: {
      const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
      if (unary.op == ast::UnaryOp::NOT) {
        ExprPtr operand = CheckCondition(*unary.operand, "the operand of `not`");
        ExprPtr node = Node(ExprOp::NOT, Type::Of(TypeKind::BOOL), expr.range);
        node->args.push_back(std::move(operand));
        return node;
      }
      ExprPtr operand = Check(*unary.operand);
      if (operand->type.IsError()) return Error(expr);
      if (!Numeric(operand->type)) {
        ctx_.diags
            .Error("E0305", expr.range,
                   fmt::format("cannot negate {}", TypePhrase(ctx_.program, operand->type)))
            .Primary("`-` needs a number or a duration");
        return Error(expr);
      }
      ExprPtr node = Node(ExprOp::NEG, operand->type, expr.range);
      node->type.has_range = false;
      node->args.push_back(std::move(operand));
      return node;
    }
    case ast::ExprKind::BINARY:
      return CheckBinary(static_cast<const ast::BinaryExpr&>(expr));
    case ast::ExprKind::IN_SET:
      return CheckInSet(static_cast<const ast::InSetExpr&>(expr));
    case ast::ExprKind::IS:
      return CheckIs(static_cast<const ast::IsExpr&>(expr));
    case ast::ExprKind::CALL:
      return CheckCall(static_cast<const ast::CallExpr&>(expr));
    case ast::ExprKind::QUANTIFIER:
      return CheckQuantifier(static_cast<const ast::QuantifierExpr&>(expr));
    case ast::ExprKind::LIST:
      ctx_.diags.Error("E0312", expr.range, "a list is only allowed as a value in a test record")
          .Primary("list not allowed here");
      return Error(expr);
  }
  return Error(expr);
}

ExprPtr ExprChecker::CheckName(const ast::Expr& expr, const Type* expected) {
  std::vector<const ast::Name*> path = PathOf(expr);
  if (path.size() == 1) {
    if (int var = FindVar(path[0]->text); var >= 0) {
      ExprPtr node = Node(ExprOp::VAR, Type::Of(TypeKind::RECORD), expr.range);
      node->var = static_cast<std::uint32_t>(var);
      if (!valid_[static_cast<std::size_t>(var)]) node->type = Type{};
      return node;
    }
  }
  // An enum value where an enum is expected.
  if (expected && expected->kind == TypeKind::ENUM) {
    std::optional<Value> value = EvalConstant(ctx_, module_, expr, *expected, "the value");
    if (!value) return Error(expr);
    ExprPtr node = Node(ExprOp::CONST, *expected, expr.range);
    node->type.has_range = false;
    node->value = std::move(*value);
    return node;
  }
  // `Enum.value` or `module.Enum.value`.
  if (path.size() >= 2) {
    LookupResult owner = ctx_.Lookup(module_, Qualified(path, path.size() - 1));
    if (owner.status == LookupStatus::FOUND && owner.symbol.kind == SymbolKind::ENUM) {
      Type type = Type::Enum(owner.symbol.id);
      std::optional<Value> value = EvalConstant(ctx_, module_, expr, type, "the value");
      if (!value) return Error(expr);
      ExprPtr node = Node(ExprOp::CONST, type, expr.range);
      node->value = std::move(*value);
      return node;
    }
  }
  // A concept (`x.concept == pedestrian`, `core.pedestrian`).
  ast::QualifiedName qualified = Qualified(path, path.size());
  LookupResult found = ctx_.Lookup(module_, qualified);
  if ((found.status == LookupStatus::FOUND && found.symbol.kind == SymbolKind::CONCEPT) ||
      (expected && expected->kind == TypeKind::CONCEPT)) {
    std::optional<Symbol> symbol =
        ctx_.Resolve(module_, qualified, SymbolKind::CONCEPT, "E0201");
    if (!symbol) return Error(expr);
    ExprPtr node = Node(ExprOp::CONST, Type::Of(TypeKind::CONCEPT), expr.range);
    node->value.kind = TypeKind::CONCEPT;
    node->value.concept_id = symbol->id;
    return node;
  }
  if (found.status == LookupStatus::AMBIGUOUS) {
    ctx_.Resolve(module_, qualified, SymbolKind::CONCEPT, "E0201");  // reports E0104
    return Error(expr);
  }
  if (ctx_.ReportNotImported(module_, qualified, SymbolKind::CONCEPT, "E0201")) return Error(expr);
  std::vector<std::string> names;
  for (std::uint32_t var : scope_) names.push_back(rule_.vars[var].name);
  if (path.size() >= 2 && ctx_.FindModule(module_, path[0]->text) < 0 &&
      ctx_.Lookup(module_, Single(*path[0])).status == LookupStatus::NOT_FOUND) {
    // `vide_rec.valence`: what is unknown is the first name, not the path.
    const ast::Name& head = *path[0];
    std::vector<std::string> candidates = names;
    for (const std::string& e : ctx_.VisibleNames(module_, SymbolKind::ENUM)) {
      candidates.push_back(e);
    }
    Diagnostic& d =
        ctx_.diags.Error("E0301", head.range, fmt::format("unknown name `{}`", head.text));
    d.Primary("not a binding of this rule, an enum or a module");
    std::string suggestion = DidYouMean(head.text, candidates);
    if (!suggestion.empty()) {
      d.Help(suggestion);
    } else if (!names.empty()) {
      d.Help(fmt::format("the bindings here are {}", fmt::join(names, ", ")));
    }
    return Error(expr);
  }
  Diagnostic& d = ctx_.diags.Error("E0301", expr.range,
                                   fmt::format("unknown name `{}`", qualified.Joined()));
  d.Primary("not a binding, an enum value or a concept");
  std::string suggestion = DidYouMean(path[0]->text, names);
  if (!suggestion.empty()) {
    d.Help(suggestion);
  } else if (expected && expected->kind == TypeKind::STRING) {
    d.Help(fmt::format("strings are quoted: \"{}\"", qualified.Joined()));
  } else if (!names.empty()) {
    d.Help(fmt::format("the bindings here are {}", fmt::join(names, ", ")));
  }
  return Error(expr);
}

ExprPtr ExprChecker::CheckField(const ast::FieldExpr& expr) {
  if (expr.object->kind != ast::ExprKind::NAME) {
    // `c.track.id`: only a binding has fields.
    ExprPtr object = Check(*expr.object);
    if (object->type.IsError()) return Error(expr);
    std::vector<const ast::Name*> path = PathOf(*expr.object);
    std::string shown;
    for (const ast::Name* part : path) shown += (shown.empty() ? "" : ".") + part->text;
    Diagnostic& d = ctx_.diags.Error(
        "E0302", expr.field.range,
        shown.empty() ? fmt::format("`{}` is not a field of a binding", expr.field.text)
                      : fmt::format("`{}` is {}, which has no field `{}`", shown,
                                    TypePhrase(ctx_.program, object->type), expr.field.text));
    d.Primary("only bindings have fields");
    Field field;
    if (!path.empty() && FindVar(path[0]->text) >= 0 && FindField(expr.field.text, &field)) {
      d.Help(fmt::format("to read the record's `{}`, write `{}.{}`", expr.field.text,
                         path[0]->text, expr.field.text));
    } else {
      d.Help("write `x.field` where `x` is a binding of the rule");
    }
    return Error(expr);
  }
  auto var = static_cast<std::uint32_t>(
      FindVar(static_cast<const ast::NameExpr&>(*expr.object).name.text));
  if (!valid_[var]) return Error(expr);
  const Variable& variable = rule_.vars[var];
  const std::string& name = expr.field.text;
  Field field;
  if (FindField(name, &field)) {
    ExprPtr node = Node(ExprOp::FIELD, FieldType(field), expr.range);
    node->var = var;
    node->field = field;
    return node;
  }
  AttributeId attr;
  if (variable.concept_id != kNoConcept &&
      ctx_.program.FindAttribute(variable.concept_id, name, &attr)) {
    ExprPtr node = Node(ExprOp::ATTR, ctx_.program.attributes[attr].type, expr.range);
    node->type.has_range = false;
    node->var = var;
    node->attr = attr;
    return node;
  }
  // One report per binding and name: the same misspelling in `where` and
  // in the report is one mistake.
  if (!reported_fields_.emplace(var, name).second) return Error(expr);
  std::vector<std::string> names;
  for (int f = 0; f < kFieldCount; ++f) names.emplace_back(FieldName(static_cast<Field>(f)));
  Diagnostic& d = ctx_.diags.Error("E0302", expr.field.range,
                                   fmt::format("`{}` has no field or attribute `{}`",
                                               variable.name, name));
  if (variable.concept_id == kNoConcept) {
    d.Primary(fmt::format("`{}` is bound without a concept, so only record fields exist",
                          variable.name));
    std::string suggestion = DidYouMean(name, names);
    const std::string& modality = ctx_.program.modalities[variable.modality].name;
    // A concept annotated in the binding's modality that declares the attribute.
    std::string owner;
    for (const AttributeInfo& attribute : ctx_.program.attributes) {
      const ConceptInfo& c = ctx_.program.concepts[attribute.owner];
      if (attribute.name == name && ((c.reachable >> variable.modality) & 1) != 0) {
        owner = c.name;
        break;
      }
    }
    if (!owner.empty()) {
      d.Help(fmt::format("`{}` is an attribute of `{}`; bind it with that concept: `{}: {} in {}`",
                         name, owner, variable.name, owner, modality));
    } else {
      d.Help(!suggestion.empty()
                 ? suggestion
                 : fmt::format("bind it with a concept to use attributes: `{}: CONCEPT in {}`",
                               variable.name, modality));
    }
    return Error(expr);
  }
  const ConceptInfo& info = ctx_.program.concepts[variable.concept_id];
  for (const auto& entry : info.attributes) names.push_back(entry.first);
  d.Primary(fmt::format("not a record field, nor an attribute of `{}`", info.name));
  d.Label(info.decl->name.range, fmt::format("`{}` declared here", info.name));
  std::string suggestion = DidYouMean(name, names);
  if (!suggestion.empty()) d.Help(suggestion);
  return Error(expr);
}

ExprPtr ExprChecker::CheckBinary(const ast::BinaryExpr& expr) {
  switch (expr.op) {
    case ast::BinaryOp::AND:
    case ast::BinaryOp::OR: {
      const char* what = expr.op == ast::BinaryOp::AND ? "an operand of `and`" : "an operand of `or`";
      ExprPtr lhs = CheckCondition(*expr.lhs, what);
      ExprPtr rhs = CheckCondition(*expr.rhs, what);
      ExprPtr node = Node(expr.op == ast::BinaryOp::AND ? ExprOp::AND : ExprOp::OR,
                          Type::Of(TypeKind::BOOL), expr.range);
      node->args.push_back(std::move(lhs));
      node->args.push_back(std::move(rhs));
      return node;
    }
    case ast::BinaryOp::ADD:
    case ast::BinaryOp::SUB:
    case ast::BinaryOp::MUL:
    case ast::BinaryOp::DIV: {
      ExprPtr lhs = Check(*expr.lhs);
      ExprPtr rhs = Check(*expr.rhs);
      if (lhs->type.IsError() || rhs->type.IsError()) return Error(expr);
      if (!Numeric(lhs->type) || !Numeric(rhs->type)) {
        const Expr& bad = Numeric(lhs->type) ? *rhs : *lhs;
        ctx_.diags
            .Error("E0305", expr.op_range,
                   fmt::format("`{}` needs numbers or durations, but one side is {}",
                               ast::Spelling(expr.op), TypePhrase(ctx_.program, bad.type)))
            .Primary("arithmetic on a non-number")
            .Label(bad.range, fmt::format("this is {}", TypePhrase(ctx_.program, bad.type)));
        return Error(expr);
      }
      TypeKind kind = TypeKind::INT;
      if (lhs->type.kind == TypeKind::DURATION || rhs->type.kind == TypeKind::DURATION) {
        kind = TypeKind::DURATION;
      } else if (lhs->type.kind == TypeKind::FLOAT || rhs->type.kind == TypeKind::FLOAT ||
                 expr.op == ast::BinaryOp::DIV) {
        kind = TypeKind::FLOAT;
      }
      static constexpr ExprOp kOps[] = {ExprOp::ADD, ExprOp::SUB, ExprOp::MUL, ExprOp::DIV};
      ExprPtr node = Node(kOps[static_cast<int>(expr.op) - static_cast<int>(ast::BinaryOp::ADD)],
                          Type::Of(kind), expr.range);
      node->args.push_back(std::move(lhs));
      node->args.push_back(std::move(rhs));
      return node;
    }
    default:
      return CheckComparison(expr);
  }
}

bool ExprChecker::Comparable(const ast::BinaryExpr& expr, const Expr& a, const Expr& b) {
  if (a.type.IsError() || b.type.IsError()) return false;
  const bool ordering = expr.op != ast::BinaryOp::EQ && expr.op != ast::BinaryOp::NE;
  bool ok = false;
  if (Numeric(a.type) && Numeric(b.type)) {
    ok = true;
  } else if (a.type.kind == b.type.kind) {
    switch (a.type.kind) {
      case TypeKind::STRING: ok = true; break;
      case TypeKind::ENUM: ok = a.type.enum_id == b.type.enum_id; break;
      case TypeKind::BOOL:
      case TypeKind::CONCEPT: ok = !ordering; break;
      default: ok = false; break;
    }
  }
  if (ok) return true;
  const Program& program = ctx_.program;
  Diagnostic& d = ctx_.diags.Error(
      "E0305", expr.op_range,
      a.type.kind == b.type.kind && a.type.kind != TypeKind::ENUM
          ? fmt::format("`{}` cannot order {} values", ast::Spelling(expr.op),
                        program.TypeName(a.type))
          : fmt::format("cannot compare {} with {}", TypePhrase(program, a.type),
                        TypePhrase(program, b.type)));
  d.Primary("type mismatch");
  d.Label(a.range, fmt::format("this is {}", TypePhrase(program, a.type)));
  d.Label(b.range, fmt::format("this is {}", TypePhrase(program, b.type)));
  const Expr* enum_side = a.type.kind == TypeKind::ENUM ? &a : &b;
  const Expr* string_side = a.type.kind == TypeKind::STRING ? &a : &b;
  if (enum_side->type.kind == TypeKind::ENUM && string_side->type.kind == TypeKind::STRING &&
      string_side->op == ExprOp::CONST) {
    const auto& values = program.enums[enum_side->type.enum_id].values;
    const std::string& text = string_side->value.string_value;
    if (std::find(values.begin(), values.end(), text) != values.end()) {
      d.Help(fmt::format("write the enum value without quotes: `{}`", text));
    } else {
      d.Help(fmt::format("`{}` has the values {}", program.TypeName(enum_side->type),
                         fmt::join(values, ", ")));
    }
  } else if (a.type.kind == TypeKind::RECORD || b.type.kind == TypeKind::RECORD) {
    d.Help("compare fields of the records, e.g. `x.track == y.track`");
  }
  return false;
}

ExprPtr ExprChecker::CheckComparison(const ast::BinaryExpr& expr) {
  // `c.track == ["p14", "p15"]` means membership, which is written `in {...}`.
  for (const ast::Expr* side : {expr.lhs.get(), expr.rhs.get()}) {
    if (side->kind != ast::ExprKind::LIST) continue;
    ctx_.diags.Error("E0312", side->range, "a list is only allowed as a value in a test record")
        .Primary("list not allowed here")
        .Help("to test whether a value is one of several, write `x in {a, b}`");
    return Error(expr);
  }
  ExprPtr lhs;
  ExprPtr rhs;
  if (IsConstName(*expr.lhs) && !IsConstName(*expr.rhs)) {
    rhs = Check(*expr.rhs);
    lhs = Check(*expr.lhs, &rhs->type);
  } else {
    lhs = Check(*expr.lhs);
    // A bare name on the right takes its meaning from the left; if the left
    // is already an error, checking the name would only add noise.
    if (lhs->type.IsError() && IsConstName(*expr.rhs)) return Error(expr);
    rhs = Check(*expr.rhs, &lhs->type);
  }
  if (!Comparable(expr, *lhs, *rhs)) return Error(expr);
  static constexpr ExprOp kOps[] = {ExprOp::EQ, ExprOp::NE, ExprOp::LT,
                                    ExprOp::LE, ExprOp::GT, ExprOp::GE};
  ExprPtr node = Node(kOps[static_cast<int>(expr.op) - static_cast<int>(ast::BinaryOp::EQ)],
                      Type::Of(TypeKind::BOOL), expr.range);
  node->args.push_back(std::move(lhs));
  node->args.push_back(std::move(rhs));
  return node;
}

ExprPtr ExprChecker::CheckInSet(const ast::InSetExpr& expr) {
  ExprPtr value = Check(*expr.value);
  if (value->type.IsError()) return Error(expr);
  ExprPtr node = Node(ExprOp::IN_SET, Type::Of(TypeKind::BOOL), expr.range);
  bool ok = true;
  const Type value_type = value->type;
  node->args.push_back(std::move(value));
  for (const ast::ExprPtr& element : expr.elements) {
    ExprPtr checked = Check(*element, ok ? &value_type : nullptr);
    if (ok && !checked->type.IsError()) {
      ast::BinaryExpr as_eq;
      as_eq.op = ast::BinaryOp::EQ;
      as_eq.op_range = element->range;
      if (!Comparable(as_eq, *node->args[0], *checked)) ok = false;
    }
    if (checked->type.IsError()) ok = false;
    node->args.push_back(std::move(checked));
  }
  if (!ok) return Error(expr);
  return node;
}

ExprPtr ExprChecker::CheckIs(const ast::IsExpr& expr) {
  ExprPtr value = Check(*expr.value);
  std::optional<Symbol> concept_symbol =
      ctx_.Resolve(module_, expr.concept_name, SymbolKind::CONCEPT, "E0201");
  if (value->type.IsError() || !concept_symbol) return Error(expr);
  if (value->op != ExprOp::VAR) {
    ctx_.diags
        .Error("E0305", expr.value->range,
               fmt::format("`is` tests a binding's concept, but this is {}",
                           TypePhrase(ctx_.program, value->type)))
        .Primary("not a binding")
        .Help(fmt::format("write `x is {}` for a binding `x`", expr.concept_name.Joined()));
    return Error(expr);
  }
  ExprPtr node = Node(ExprOp::IS, Type::Of(TypeKind::BOOL), expr.range);
  node->var = value->var;
  node->concept_id = concept_symbol->id;
  return node;
}

ExprPtr ExprChecker::CheckQuantifier(const ast::QuantifierExpr& expr) {
  // `exists x ... where A or B` quantifies over `A or B`; when B is written
  // like a separate condition, say so (W0005).
  if (expr.quantifier == ast::QuantifierKind::EXISTS && expr.where &&
      expr.where->kind == ast::ExprKind::BINARY && !expr.where->parenthesized &&
      static_cast<const ast::BinaryExpr&>(*expr.where).op == ast::BinaryOp::OR) {
    const auto& disjunction = static_cast<const ast::BinaryExpr&>(*expr.where);
    ctx_.diags
        .Warning("W0005", disjunction.op_range,
                 fmt::format("this `or` is part of the `where` of `exists {}`",
                             expr.binding.var.text))
        .Primary("the quantifier's condition extends over this `or`")
        .Label(expr.binding.range, "quantifier declared here")
        .Help(fmt::format("write `exists {} ... where (A or B)` if that is meant, or "
                          "`(exists {} ... where A) or B` to end the quantifier first",
                          expr.binding.var.text, expr.binding.var.text));
  }
  std::uint32_t var = Bind(expr.binding, /*quantified=*/true);
  ExprPtr where;
  if (expr.where) {
    where = CheckCondition(*expr.where, "the `where` of a quantifier");
  }
  Unbind();
  bool exists = expr.quantifier == ast::QuantifierKind::EXISTS;
  ExprPtr node = Node(exists ? ExprOp::EXISTS : ExprOp::COUNT,
                      Type::Of(exists ? TypeKind::BOOL : TypeKind::INT), expr.range);
  node->var = var;
  if (where) {
    if (where->type.IsError()) return Error(expr);
    node->args.push_back(std::move(where));
  }
  if (!valid_[var]) return Error(expr);
  return node;
}

}  // namespace accord::sema::internal
