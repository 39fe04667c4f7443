// The fast path of ParseModule (see fast_parser.h). It mirrors, rule for
// rule, what the ANTLR parse and parser.cpp's tree walk produce: the same
// nodes, names, values and ranges (a rule's range runs from its first token
// to its last), the same precedence climbing for `expr` (ANTLR's rewrite of
// the left-recursive rule), and the same doc-comment attachment. Whenever the
// ANTLR path would report something it throws FastPathGiveUp instead, so every
// diagnostic still comes from one place.

#include "accord/compiler/parse/internal/fast_parser.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "accord/compiler/parse/internal/literals.h"
#include "accord/compiler/parse/internal/template_text.h"
#include "accord/compiler/parse/internal/token_stream.h"

namespace accord::parse::internal {
namespace {

using Kind = TokenType;

/// Recursive descent over a TokenStream, building the AST as parser.cpp's Builder
/// does from the parse tree.
class Parser {
 public:
  Parser(TokenStream& in, FileId file, const ParseOptions& options)
      : in_(in), file_(file), options_(options) {}

  std::unique_ptr<ast::Module> Module() {
    auto m = std::make_unique<ast::Module>();
    m->file = file_;
    Position begin = in_.Peek().begin;
    Expect(Kind::ONTOLOGY);
    m->name = Qualified();
    if (in_.Current() == Kind::VERSION && in_.PeekSecond().kind == Kind::STRING) {
      in_.Take();
      m->version = String(in_.Take());
    }
    Expect(Kind::SEMI);
    while (in_.Current() == Kind::IMPORT) {
      Position import_begin = in_.Take().begin;
      ast::QualifiedName path = Qualified();
      Expect(Kind::SEMI);
      m->imports.push_back({std::move(path), Range(import_begin)});
    }
    while (in_.Current() != Kind::END) m->decls.push_back(Decl());
    m->range = Range(begin);
    return m;
  }

  /// A report template hole: one expression and nothing after it.
  ast::ExprPtr HoleExpr() {
    ast::ExprPtr e = TopExpr();
    if (in_.Current() != Kind::END) throw FastPathGiveUp{};
    return e;
  }

 private:
  // ------------------------------------------------------------ tokens

  Token Expect(Kind kind) {
    if (in_.Current() != kind) throw FastPathGiveUp{};
    return in_.Take();
  }
  bool Accept(Kind kind) {
    if (in_.Current() != kind) return false;
    in_.Take();
    return true;
  }
  Token ExpectIdent() {
    if (!IsIdent(in_.Current())) throw FastPathGiveUp{};
    return in_.Take();
  }

  /// From `begin` to the end of the last token taken.
  SourceRange Range(Position begin) const { return {file_, begin, in_.LastEnd()}; }
  SourceRange Range(const Token& t) const { return {file_, t.begin, t.end}; }

  // ------------------------------------------------------------ names and literals

  ast::Name Name(const Token& t) { return {std::string(t.text), Range(t)}; }
  ast::Name Ident() { return Name(ExpectIdent()); }

  /// name : ident | STRING
  ast::Name NameOrString() {
    if (in_.Current() == Kind::STRING) {
      ast::StringLit s = String(in_.Take());
      return {std::move(s.value), s.range};
    }
    return Ident();
  }

  ast::QualifiedName Qualified() {
    ast::QualifiedName q;
    Position begin = in_.Peek().begin;
    q.parts.push_back(Ident());
    while (in_.Current() == Kind::DOT && IsIdent(in_.PeekSecond().kind)) {
      in_.Take();
      q.parts.push_back(Ident());
    }
    q.range = Range(begin);
    return q;
  }

  ast::StringLit String(const Token& t) {
    std::vector<BadEscape> bad;
    ast::StringLit s{DecodeString(t.text, bad), Range(t)};
    if (!bad.empty()) throw FastPathGiveUp{};
    return s;
  }

  static std::int64_t Int(const Token& t) {
    if (auto value = ParseInt(t.text)) return *value;
    throw FastPathGiveUp{};
  }
  static double Float(const Token& t) {
    if (auto value = ParseFloat(t.text)) return *value;
    throw FastPathGiveUp{};
  }
  static double Duration(const Token& t) {
    if (auto value = ParseDurationSeconds(t.text)) return *value;
    throw FastPathGiveUp{};
  }
  static double Number(const Token& t, bool negative) {
    double value = t.kind == Kind::INT        ? static_cast<double>(Int(t))
                   : t.kind == Kind::DURATION ? Duration(t)
                                              : Float(t);
    return negative ? -value : value;
  }

  // ------------------------------------------------------------ declarations

  ast::DeclPtr Decl() {
    const Token& first = in_.Peek();
    Position begin = first.begin;
    std::string doc = in_.Doc(first);
    ast::DeclPtr d;
    switch (first.kind) {
      case Kind::MODALITY: d = Modality(); break;
      case Kind::ENUM: d = Enum(); break;
      case Kind::CONCEPT: d = Concept(); break;
      case Kind::DISJOINT: d = Disjoint(); break;
      case Kind::RULE: d = Rule(); break;
      case Kind::TEST: d = Test(); break;
      default: throw FastPathGiveUp{};
    }
    d->range = Range(begin);
    d->doc = std::move(doc);
    return d;
  }

  ast::DeclPtr Modality() {
    auto d = std::make_unique<ast::ModalityDecl>();
    in_.Take();
    d->name = Ident();
    Expect(Kind::LBRACE);
    while (IsIdent(in_.Current())) {
      ast::ModalityDecl::Property property;
      Position begin = in_.Peek().begin;
      property.key = Ident();
      Expect(Kind::COLON);
      property.values.push_back(Ident());
      while (Accept(Kind::COMMA)) property.values.push_back(Ident());
      Expect(Kind::SEMI);
      property.range = Range(begin);
      d->properties.push_back(std::move(property));
    }
    Expect(Kind::RBRACE);
    return d;
  }

  ast::DeclPtr Enum() {
    auto d = std::make_unique<ast::EnumDecl>();
    in_.Take();
    d->name = Ident();
    Expect(Kind::LBRACE);
    d->values.push_back(Ident());
    while (Accept(Kind::COMMA)) {
      if (in_.Current() == Kind::RBRACE) break;  // `','?` before the brace
      d->values.push_back(Ident());
    }
    Expect(Kind::RBRACE);
    return d;
  }

  ast::DeclPtr Concept() {
    auto d = std::make_unique<ast::ConceptDecl>();
    in_.Take();
    d->name = Ident();
    if (Accept(Kind::COLON)) {
      d->parents.push_back(Qualified());
      while (Accept(Kind::COMMA)) d->parents.push_back(Qualified());
    }
    if (Accept(Kind::IN)) {
      d->has_in_clause = true;
      d->modalities.push_back(Use());
      while (Accept(Kind::COMMA)) d->modalities.push_back(Use());
    }
    if (Accept(Kind::SEMI)) return d;
    Expect(Kind::LBRACE);
    while (in_.Current() != Kind::RBRACE) Member(*d);
    in_.Take();
    return d;
  }

  ast::ModalityUse Use() {
    ast::ModalityUse use;
    Position begin = in_.Peek().begin;
    use.modality = Qualified();
    if (Accept(Kind::AS)) use.label = String(Expect(Kind::STRING));
    use.range = Range(begin);
    return use;
  }

  /// attributeMember : ident ':' typeRef ('=' expr)? ';'  |  fixedMember : ident '=' expr ';'
  void Member(ast::ConceptDecl& d) {
    const Token& first = in_.Peek();
    if (!IsIdent(first.kind)) throw FastPathGiveUp{};
    Position begin = first.begin;
    Kind second = in_.PeekSecond().kind;
    if (second == Kind::COLON) {
      auto attribute = std::make_unique<ast::AttributeDecl>();
      attribute->doc = in_.Doc(first);
      attribute->name = Ident();
      in_.Take();
      attribute->type = Type();
      if (Accept(Kind::ASSIGN)) attribute->default_value = TopExpr();
      Expect(Kind::SEMI);
      attribute->range = Range(begin);
      d.attributes.push_back(std::move(attribute));
    } else if (second == Kind::ASSIGN) {
      auto fixed = std::make_unique<ast::FixedValue>();
      fixed->name = Ident();
      in_.Take();
      fixed->value = TopExpr();
      Expect(Kind::SEMI);
      fixed->range = Range(begin);
      d.fixed.push_back(std::move(fixed));
    } else {
      throw FastPathGiveUp{};
    }
  }

  /// typeRef : qualifiedName ('[' bound '..' bound ']')? ;  bound : '-'? (INT | FLOAT)
  ast::TypeRef Type() {
    ast::TypeRef type;
    Position begin = in_.Peek().begin;
    type.name = Qualified();
    if (in_.Current() == Kind::LBRACKET) {
      Position open = in_.Take().begin;
      auto bound = [&] {
        bool negative = Accept(Kind::MINUS);
        Kind kind = in_.Current();
        if (kind != Kind::INT && kind != Kind::FLOAT) throw FastPathGiveUp{};
        if (kind == Kind::FLOAT) type.integral_bounds = false;
        return Number(in_.Take(), negative);
      };
      type.has_range = true;
      type.lo = bound();
      Expect(Kind::DOTDOT);
      type.hi = bound();
      Expect(Kind::RBRACKET);
      type.range_span = Range(open);
    }
    type.range = Range(begin);
    return type;
  }

  ast::DeclPtr Disjoint() {
    auto d = std::make_unique<ast::DisjointDecl>();
    in_.Take();
    d->members.push_back(Qualified());
    Expect(Kind::COMMA);
    d->members.push_back(Qualified());
    while (Accept(Kind::COMMA)) d->members.push_back(Qualified());
    Expect(Kind::SEMI);
    return d;
  }

  ast::DeclPtr Rule() {
    auto d = std::make_unique<ast::RuleDecl>();
    in_.Take();
    d->name = Ident();
    for (;;) {
      Kind kind = in_.Current();
      if (kind == Kind::SEVERITY) {
        in_.Take();
        if (d->severity) throw FastPathGiveUp{};  // E0311
        d->severity = Ident();
      } else if (kind == Kind::GUIDELINE || kind == Kind::ESCALATE) {
        in_.Take();
        std::optional<ast::StringLit>& slot = kind == Kind::GUIDELINE ? d->guideline : d->escalate;
        ast::StringLit value = String(Expect(Kind::STRING));
        if (slot) throw FastPathGiveUp{};  // E0311
        slot = std::move(value);
      } else {
        break;
      }
    }
    Expect(Kind::LBRACE);
    Expect(Kind::FOR);
    d->bindings.push_back(Binding());
    while (Accept(Kind::COMMA)) d->bindings.push_back(Binding());
    if (Accept(Kind::WHERE)) d->where = TopExpr();
    if (Accept(Kind::REQUIRE)) d->require = TopExpr();
    if (Accept(Kind::UNLESS)) d->unless = TopExpr();
    if (Accept(Kind::REPORT)) d->report = Template(Expect(Kind::STRING));
    Expect(Kind::SEMI);
    Expect(Kind::RBRACE);
    return d;
  }

  /// binding : ident ':' qualifiedName IN ident | ident IN ident
  ast::Binding Binding() {
    ast::Binding b;
    Position begin = in_.Peek().begin;
    b.var = Ident();
    if (Accept(Kind::COLON)) b.concept_name = Qualified();
    Expect(Kind::IN);
    b.modality = Ident();
    b.range = Range(begin);
    return b;
  }

  ast::DeclPtr Test() {
    auto d = std::make_unique<ast::TestDecl>();
    in_.Take();
    d->name = Ident();
    Expect(Kind::LBRACE);
    for (;;) {
      Kind kind = in_.Current();
      if (kind == Kind::ITEM) {
        d->items.push_back(Item());
      } else if (kind == Kind::EXPECT) {
        d->expectations.push_back(Expectation());
      } else {
        break;
      }
    }
    Expect(Kind::RBRACE);
    return d;
  }

  std::unique_ptr<ast::TestItem> Item() {
    auto i = std::make_unique<ast::TestItem>();
    Position begin = in_.Take().begin;
    i->name = NameOrString();
    Expect(Kind::LBRACE);
    while (IsIdent(in_.Current())) i->records.push_back(Record());
    Expect(Kind::RBRACE);
    i->range = Range(begin);
    return i;
  }

  /// recordLit : ident name STRING timeRange? recordFields? ';'
  std::unique_ptr<ast::RecordLiteral> Record() {
    auto r = std::make_unique<ast::RecordLiteral>();
    Position begin = in_.Peek().begin;
    r->modality = Ident();
    r->id = NameOrString();
    r->label = String(Expect(Kind::STRING));
    Kind kind = in_.Current();
    if (kind == Kind::MINUS || kind == Kind::DURATION || kind == Kind::INT || kind == Kind::FLOAT) {
      Position time_begin = in_.Peek().begin;
      auto point = [&] {
        bool negative = Accept(Kind::MINUS);
        Kind k = in_.Current();
        if (k != Kind::DURATION && k != Kind::INT && k != Kind::FLOAT) throw FastPathGiveUp{};
        return Number(in_.Take(), negative);
      };
      r->has_time = true;
      r->start = point();
      Expect(Kind::DOTDOT);
      r->end = point();
      r->time_range = Range(time_begin);
    }
    if (Accept(Kind::LBRACE)) {
      // (recordField (',' recordField)* ','?)?
      if (in_.Current() != Kind::RBRACE) {
        r->fields.push_back(Field());
        while (Accept(Kind::COMMA)) {
          if (in_.Current() == Kind::RBRACE) break;
          r->fields.push_back(Field());
        }
      }
      Expect(Kind::RBRACE);
    }
    Expect(Kind::SEMI);
    r->range = Range(begin);
    return r;
  }

  /// recordField : anyName ':' expr
  ast::RecordLiteral::Field Field() {
    if (!IsWord(in_.Current())) throw FastPathGiveUp{};
    ast::Name key = Name(in_.Take());
    Expect(Kind::COLON);
    return {std::move(key), TopExpr()};
  }

  std::unique_ptr<ast::Expectation> Expectation() {
    auto e = std::make_unique<ast::Expectation>();
    Position begin = in_.Take().begin;
    if (in_.Current() == Kind::NONE && in_.PeekSecond().kind == Kind::SEMI) {
      in_.Take();
      e->none = true;
    } else {
      if (in_.Current() == Kind::DISJOINT) {
        // The built-in finding `disjoint` is spelled like the keyword.
        Token word = in_.Take();
        e->rule.parts.push_back(Name(word));
        e->rule.range = Range(word);
      } else {
        e->rule = Qualified();
      }
      Expect(Kind::LPAREN);
      e->ids.push_back(NameOrString());
      while (Accept(Kind::COMMA)) e->ids.push_back(NameOrString());
      Expect(Kind::RPAREN);
    }
    Expect(Kind::SEMI);
    e->range = Range(begin);
    return e;
  }

  // ------------------------------------------------------------ expressions
  //
  // ANTLR rewrites the left-recursive `expr` into precedence climbing: the
  // alternatives' precedences run from 10 (`.`) down to 1 (`or`); a binary
  // operator of precedence p takes a right operand of precedence p + 1, a
  // prefix operator an operand of its own precedence, and the loop after an
  // operand goes on while the next operator's precedence is at least the
  // level being parsed. Heights count nodes (parentheses add none), so the
  // Builder's expression-depth limit can be checked as the tree is built.

  static constexpr int kField = 10, kNeg = 9, kMul = 8, kAdd = 7, kCmp = 6, kIn = 5, kIs = 4,
                       kNot = 3, kAnd = 2, kOr = 1;

  /// An expression at depth 1 (rule clauses, defaults, record fields, holes).
  ast::ExprPtr TopExpr() {
    std::uint32_t height = 0;
    return Expr(0, height);
  }

  /// Height of a node over children of `height`; gives up past the limit.
  std::uint32_t Above(std::uint32_t height) const {
    if (height + 1 > options_.max_expr_depth) throw FastPathGiveUp{};  // E0002
    return height + 1;
  }

  template <typename T>
  std::unique_ptr<T> Node(Position begin) {
    auto node = std::make_unique<T>();
    node->range = Range(begin);
    return node;
  }

  ast::ExprPtr Expr(int precedence, std::uint32_t& height) {
    // Deeper recursion than parentheses plus the depth limit allow means the
    // tree is too deep anyway; leave that to the ANTLR path.
    if (++recursion_ > options_.max_expr_depth + options_.max_depth + 2) throw FastPathGiveUp{};
    Position begin = in_.Peek().begin;
    ast::ExprPtr e;
    Kind kind = in_.Current();
    if (kind == Kind::MINUS || kind == Kind::NOT) {
      in_.Take();
      std::uint32_t operand_height = 0;
      ast::ExprPtr operand = Expr(kind == Kind::MINUS ? kNeg : kNot, operand_height);
      auto u = Node<ast::UnaryExpr>(begin);
      u->op = kind == Kind::MINUS ? ast::UnaryOp::NEG : ast::UnaryOp::NOT;
      u->operand = std::move(operand);
      height = Above(operand_height);
      e = std::move(u);
    } else {
      e = Primary(height);
    }
    for (;;) {
      Kind op = in_.Current();
      int level = BinaryLevel(op);
      if (op == Kind::DOT && kField >= precedence) {
        in_.Take();
        if (!IsWord(in_.Current())) throw FastPathGiveUp{};
        auto f = std::make_unique<ast::FieldExpr>();
        f->field = Name(in_.Take());
        f->range = Range(begin);
        f->object = std::move(e);
        height = Above(height);
        e = std::move(f);
      } else if (level != 0 && level >= precedence) {
        Token op_token = in_.Take();
        std::uint32_t rhs_height = 0;
        ast::ExprPtr rhs = Expr(level + 1, rhs_height);
        auto b = Node<ast::BinaryExpr>(begin);
        b->op = BinaryOpOf(op);
        b->op_range = Range(op_token);
        b->lhs = std::move(e);
        b->rhs = std::move(rhs);
        height = Above(std::max(height, rhs_height));
        e = std::move(b);
      } else if (op == Kind::IN && kIn >= precedence) {
        in_.Take();
        Expect(Kind::LBRACE);
        std::vector<ast::ExprPtr> elements;
        std::uint32_t max_height = height;
        do {
          std::uint32_t h = 0;
          elements.push_back(Expr(0, h));
          max_height = std::max(max_height, h);
        } while (Accept(Kind::COMMA));
        Expect(Kind::RBRACE);
        auto s = Node<ast::InSetExpr>(begin);
        s->value = std::move(e);
        s->elements = std::move(elements);
        height = Above(max_height);
        e = std::move(s);
      } else if (op == Kind::IS && kIs >= precedence) {
        in_.Take();
        ast::QualifiedName name = Qualified();
        auto s = Node<ast::IsExpr>(begin);
        s->value = std::move(e);
        s->concept_name = std::move(name);
        height = Above(height);
        e = std::move(s);
      } else {
        break;
      }
    }
    --recursion_;
    return e;
  }

  static int BinaryLevel(Kind k) {
    switch (k) {
      case Kind::STAR: case Kind::SLASH: return kMul;
      case Kind::PLUS: case Kind::MINUS: return kAdd;
      case Kind::EQ: case Kind::NE: case Kind::LT: case Kind::LE: case Kind::GT: case Kind::GE:
        return kCmp;
      case Kind::AND: return kAnd;
      case Kind::OR: return kOr;
      default: return 0;
    }
  }

  static ast::BinaryOp BinaryOpOf(Kind k) {
    switch (k) {
      case Kind::STAR: return ast::BinaryOp::MUL;
      case Kind::SLASH: return ast::BinaryOp::DIV;
      case Kind::PLUS: return ast::BinaryOp::ADD;
      case Kind::MINUS: return ast::BinaryOp::SUB;
      case Kind::EQ: return ast::BinaryOp::EQ;
      case Kind::NE: return ast::BinaryOp::NE;
      case Kind::LT: return ast::BinaryOp::LT;
      case Kind::LE: return ast::BinaryOp::LE;
      case Kind::GT: return ast::BinaryOp::GT;
      case Kind::GE: return ast::BinaryOp::GE;
      case Kind::AND: return ast::BinaryOp::AND;
      default: return ast::BinaryOp::OR;
    }
  }

  /// Comma-separated expressions up to `close` (which is taken); `empty_ok`
  /// allows none. Returns the tallest one's height.
  std::uint32_t List(std::vector<ast::ExprPtr>& out, Kind close, bool empty_ok) {
    std::uint32_t max_height = 0;
    if (!(empty_ok && in_.Current() == close)) {
      do {
        std::uint32_t h = 0;
        out.push_back(Expr(0, h));
        max_height = std::max(max_height, h);
      } while (Accept(Kind::COMMA));
    }
    Expect(close);
    return max_height;
  }

  ast::ExprPtr Primary(std::uint32_t& height) {
    const Token& first = in_.Peek();
    Position begin = first.begin;
    switch (first.kind) {
      case Kind::INT: case Kind::FLOAT: case Kind::DURATION: case Kind::STRING: case Kind::TRUE:
      case Kind::FALSE:
        height = 1;
        return Literal(in_.Take());
      case Kind::EXISTS:
      case Kind::COUNT: {
        bool count = first.kind == Kind::COUNT;
        in_.Take();
        if (count) Expect(Kind::LPAREN);
        auto q = std::make_unique<ast::QuantifierExpr>();
        q->quantifier = count ? ast::QuantifierKind::COUNT : ast::QuantifierKind::EXISTS;
        q->binding = Binding();
        std::uint32_t where_height = 0;
        if (Accept(Kind::WHERE)) q->where = Expr(0, where_height);
        if (count) Expect(Kind::RPAREN);
        q->range = Range(begin);
        height = Above(where_height);
        return q;
      }
      case Kind::LPAREN: {
        in_.Take();
        ast::ExprPtr inner = Expr(0, height);
        Expect(Kind::RPAREN);
        inner->parenthesized = true;
        return inner;
      }
      case Kind::LBRACKET: {
        in_.Take();
        auto l = std::make_unique<ast::ListExpr>();
        std::uint32_t h = List(l->elements, Kind::RBRACKET, true);
        l->range = Range(begin);
        height = Above(h);
        return l;
      }
      default:
        break;
    }
    if (!IsIdent(first.kind)) throw FastPathGiveUp{};
    if (in_.PeekSecond().kind == Kind::LPAREN) {
      auto c = std::make_unique<ast::CallExpr>();
      c->callee = Name(in_.Take());
      in_.Take();
      std::uint32_t h = List(c->args, Kind::RPAREN, true);
      c->range = Range(begin);
      height = Above(h);
      return c;
    }
    auto n = std::make_unique<ast::NameExpr>();
    n->name = Name(in_.Take());
    n->range = n->name.range;
    height = 1;
    return n;
  }

  ast::ExprPtr Literal(const Token& t) {
    auto e = std::make_unique<ast::LiteralExpr>();
    e->range = Range(t);
    switch (t.kind) {
      case Kind::INT:
        e->literal = ast::LiteralKind::INT;
        e->int_value = Int(t);
        e->number = static_cast<double>(e->int_value);
        break;
      case Kind::FLOAT:
        e->literal = ast::LiteralKind::FLOAT;
        e->number = Float(t);
        break;
      case Kind::DURATION:
        e->literal = ast::LiteralKind::DURATION;
        e->number = Duration(t);
        break;
      case Kind::STRING:
        e->literal = ast::LiteralKind::STRING;
        e->string_value = String(t).value;
        break;
      default:
        e->literal = ast::LiteralKind::BOOL;
        e->bool_value = t.kind == Kind::TRUE;
        break;
    }
    return e;
  }

  // ------------------------------------------------------------ report templates

  ast::Template Template(const Token& t) {
    ast::Template result;
    result.range = Range(t);
    SplitTemplateResult split = SplitTemplate(t.text);
    if (!split.problems.empty()) throw FastPathGiveUp{};
    for (TemplateSegment& segment : split.segments) {
      if (!segment.is_hole) {
        result.parts.push_back({std::move(segment.text), nullptr});
        continue;
      }
      // A hole is lexed and parsed on its own; positions map back into the string.
      Placement placement{&segment.hole.offsets, t.begin.line, t.begin.column};
      TokenStream hole(segment.hole.text, placement, /*skip_byte_order_mark=*/false,
                       options_.max_depth);
      Parser parser(hole, file_, options_);
      result.parts.push_back({{}, parser.HoleExpr()});
    }
    return result;
  }

  TokenStream& in_;
  FileId file_;
  const ParseOptions& options_;
  std::uint32_t recursion_ = 0;
};

}  // namespace

std::unique_ptr<ast::Module> FastParse(std::string_view text, FileId file,
                                       const ParseOptions& options) {
  try {
    TokenStream in(text, Placement{}, /*skip_byte_order_mark=*/true, options.max_depth);
    Parser parser(in, file, options);
    return parser.Module();
  } catch (const FastPathGiveUp&) {
    return nullptr;
  }
}

}  // namespace accord::parse::internal
