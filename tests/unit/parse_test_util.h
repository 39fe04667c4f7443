#pragma once
// Helpers for the parser tests: parse a string, and print the AST and the
// diagnostics in a compact exact form to compare against.

#include <charconv>
#include <memory>
#include <sstream>
#include <string>

#include "accord/compiler/parse/parser.h"

namespace accord::test {

struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  std::unique_ptr<ast::Module> module;
};

inline std::unique_ptr<Parsed> Parse(std::string text, const ParseOptions& options = {}) {
  auto p = std::make_unique<Parsed>();
  FileId file = p->sources.Add("t.accord", std::move(text));
  p->module = ParseModule(p->sources, file, p->diags, options);
  return p;
}

/// "3:5-12" on one line, "3:5-4:2" across lines.
inline std::string R(const SourceRange& r) {
  std::string out = std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-";
  if (r.end.line != r.begin.line) out += std::to_string(r.end.line) + ":";
  return out + std::to_string(r.end.column);
}

/// A string with quotes, backslashes, newlines and tabs escaped back.
inline std::string Q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

/// A number as the shortest text that reads back the same.
inline std::string N(double v) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, result.ptr);
}

inline bool& ExactExprs();

inline std::string Name(const ast::Name& n) { return n.text + "@" + R(n.range); }
inline std::string Name(const ast::QualifiedName& q) {
  std::string out;
  for (const auto& part : q.parts) {
    out += (out.empty() ? "" : ".") + part.text;
    if (ExactExprs()) out += "@" + R(part.range);
  }
  return out + "@" + R(q.range);
}
inline std::string Str(const ast::StringLit& s) { return Q(s.value) + "@" + R(s.range); }

/// Set by ExactDump: expressions also show `parenthesized` (a leading `^`)
/// and every field of a literal, so that two parsers can be compared.
inline bool& ExactExprs() {
  static bool exact = false;
  return exact;
}

/// Expressions as S-expressions; with `ranges`, every node gets `@range`.
inline std::string Expr(const ast::Expr* e, bool ranges = false) {
  if (e == nullptr) return "<null>";
  std::string at = ranges ? "@" + R(e->range) : "";
  if (ExactExprs() && e->parenthesized) at = "^" + at;
  switch (e->kind) {
    case ast::ExprKind::LITERAL: {
      const auto& l = static_cast<const ast::LiteralExpr&>(*e);
      if (ExactExprs()) {
        return "lit" + std::to_string(static_cast<int>(l.literal)) + ":" + std::to_string(l.int_value) + ":" +
               N(l.number) + ":" + Q(l.string_value) + ":" + (l.bool_value ? "T" : "F") + at;
      }
      switch (l.literal) {
        case ast::LiteralKind::INT: return std::to_string(l.int_value) + at;
        case ast::LiteralKind::FLOAT: return "float:" + N(l.number) + at;
        case ast::LiteralKind::DURATION: return N(l.number) + "s" + at;
        case ast::LiteralKind::STRING: return Q(l.string_value) + at;
        case ast::LiteralKind::BOOL: return (l.bool_value ? "true" : "false") + at;
      }
      return "?";
    }
    case ast::ExprKind::NAME: return static_cast<const ast::NameExpr&>(*e).name.text + at;
    case ast::ExprKind::FIELD: {
      const auto& f = static_cast<const ast::FieldExpr&>(*e);
      return "(." + at + " " + Expr(f.object.get(), ranges) + " " + (ranges ? Name(f.field) : f.field.text) + ")";
    }
    case ast::ExprKind::UNARY: {
      const auto& u = static_cast<const ast::UnaryExpr&>(*e);
      return std::string("(") + (u.op == ast::UnaryOp::NOT ? "not" : "neg") + at + " " +
             Expr(u.operand.get(), ranges) + ")";
    }
    case ast::ExprKind::BINARY: {
      const auto& b = static_cast<const ast::BinaryExpr&>(*e);
      std::string op = ast::Spelling(b.op);
      if (ranges) op += "@" + R(b.range) + "/" + R(b.op_range);
      return "(" + op + " " + Expr(b.lhs.get(), ranges) + " " + Expr(b.rhs.get(), ranges) + ")";
    }
    case ast::ExprKind::IN_SET: {
      const auto& s = static_cast<const ast::InSetExpr&>(*e);
      std::string out = "(in" + at + " " + Expr(s.value.get(), ranges) + " {";
      for (std::size_t i = 0; i < s.elements.size(); ++i) {
        out += (i ? " " : "") + Expr(s.elements[i].get(), ranges);
      }
      return out + "})";
    }
    case ast::ExprKind::IS: {
      const auto& s = static_cast<const ast::IsExpr&>(*e);
      return "(is" + at + " " + Expr(s.value.get(), ranges) + " " +
             (ranges ? Name(s.concept_name) : s.concept_name.Joined()) + ")";
    }
    case ast::ExprKind::CALL: {
      const auto& c = static_cast<const ast::CallExpr&>(*e);
      std::string out = "(" + (ranges ? Name(c.callee) : c.callee.text) + at;
      for (const auto& a : c.args) out += " " + Expr(a.get(), ranges);
      return out + ")";
    }
    case ast::ExprKind::QUANTIFIER: {
      const auto& q = static_cast<const ast::QuantifierExpr&>(*e);
      const ast::Binding& b = q.binding;
      std::string out = std::string("(") + (q.quantifier == ast::QuantifierKind::EXISTS ? "exists" : "count") + at +
                        " " + (ranges ? Name(b.var) : b.var.text);
      if (b.concept_name) out += ": " + (ranges ? Name(*b.concept_name) : b.concept_name->Joined());
      out += " in " + (ranges ? Name(b.modality) : b.modality.text);
      if (ranges) out += " [" + R(b.range) + "]";
      if (q.where) out += " where " + Expr(q.where.get(), ranges);
      return out + ")";
    }
    case ast::ExprKind::LIST: {
      const auto& l = static_cast<const ast::ListExpr&>(*e);
      std::string out = "[";
      for (std::size_t i = 0; i < l.elements.size(); ++i) out += (i ? " " : "") + Expr(l.elements[i].get(), ranges);
      return out + "]" + at;
    }
  }
  return "?";
}

inline std::string Template(const ast::Template& t, bool ranges = true) {
  std::string out = "[" + R(t.range) + "]";
  for (const auto& part : t.parts) {
    out += " ";
    out += part.expr ? "{" + Expr(part.expr.get(), ranges) + "}" : Q(part.text);
  }
  return out;
}

/// The whole module, one line per declaration part, every name and node
/// with its range.
inline std::string Module(const ast::Module& m) {
  std::ostringstream out;
  out << "module " << Name(m.name) << " [" << R(m.range) << "]";
  if (m.version.range.Valid()) out << " version " << Str(m.version);
  out << "\n";
  for (const auto& i : m.imports) out << "import " << Name(i.path) << " [" << R(i.range) << "]\n";
  auto binding = [](const ast::Binding& b) {
    std::string s = Name(b.var);
    if (b.concept_name) s += ": " + Name(*b.concept_name);
    return s + " in " + Name(b.modality) + " [" + R(b.range) + "]";
  };
  for (const auto& d : m.decls) {
    static const char* kKinds[] = {"modality", "enum", "concept", "disjoint", "rule", "test"};
    out << kKinds[static_cast<int>(d->kind)];
    if (d->kind != ast::DeclKind::DISJOINT) out << " " << Name(d->name);
    out << " [" << R(d->range) << "]";
    if (!d->doc.empty()) out << " doc " << Q(d->doc);
    out << "\n";
    switch (d->kind) {
      case ast::DeclKind::MODALITY:
        for (const auto& p : static_cast<const ast::ModalityDecl&>(*d).properties) {
          out << "  " << Name(p.key) << " [" << R(p.range) << "]:";
          for (const auto& v : p.values) out << " " << Name(v);
          out << "\n";
        }
        break;
      case ast::DeclKind::ENUM:
        out << " ";
        for (const auto& v : static_cast<const ast::EnumDecl&>(*d).values) out << " " << Name(v);
        out << "\n";
        break;
      case ast::DeclKind::CONCEPT: {
        const auto& c = static_cast<const ast::ConceptDecl&>(*d);
        if (!c.parents.empty()) {
          out << "  parents";
          for (const auto& p : c.parents) out << " " << Name(p);
          out << "\n";
        }
        if (c.has_in_clause) {
          out << "  in";
          for (const auto& u : c.modalities) {
            out << " " << Name(u.modality);
            if (u.label) out << " as " << Str(*u.label);
            out << " [" << R(u.range) << "]";
          }
          out << "\n";
        }
        for (const auto& a : c.attributes) {
          out << "  attribute " << Name(a->name) << " [" << R(a->range) << "]: " << Name(a->type.name) << " ["
              << R(a->type.range) << "]";
          if (a->type.has_range) {
            out << " range " << N(a->type.lo) << ".." << N(a->type.hi)
                << (a->type.integral_bounds ? " integral" : " fractional") << " [" << R(a->type.range_span) << "]";
          }
          if (a->default_value) out << " = " << Expr(a->default_value.get(), true);
          if (!a->doc.empty()) out << " doc " << Q(a->doc);
          out << "\n";
        }
        for (const auto& f : c.fixed) {
          out << "  fixed " << Name(f->name) << " [" << R(f->range) << "] = " << Expr(f->value.get(), true) << "\n";
        }
        break;
      }
      case ast::DeclKind::DISJOINT:
        out << " ";
        for (const auto& v : static_cast<const ast::DisjointDecl&>(*d).members) out << " " << Name(v);
        out << "\n";
        break;
      case ast::DeclKind::RULE: {
        const auto& r = static_cast<const ast::RuleDecl&>(*d);
        if (r.severity) out << "  severity " << Name(*r.severity) << "\n";
        if (r.guideline) out << "  guideline " << Str(*r.guideline) << "\n";
        if (r.escalate) out << "  escalate " << Str(*r.escalate) << "\n";
        for (const auto& b : r.bindings) out << "  for " << binding(b) << "\n";
        if (r.where) out << "  where " << Expr(r.where.get(), true) << "\n";
        if (r.require) out << "  require " << Expr(r.require.get(), true) << "\n";
        if (r.unless) out << "  unless " << Expr(r.unless.get(), true) << "\n";
        if (r.report) out << "  report " << Template(*r.report) << "\n";
        break;
      }
      case ast::DeclKind::TEST: {
        const auto& t = static_cast<const ast::TestDecl&>(*d);
        for (const auto& item : t.items) {
          out << "  item " << Name(item->name) << " [" << R(item->range) << "]\n";
          for (const auto& rec : item->records) {
            out << "    " << Name(rec->modality) << " " << Name(rec->id) << " " << Str(rec->label);
            if (rec->has_time) out << " " << N(rec->start) << ".." << N(rec->end) << " [" << R(rec->time_range) << "]";
            out << " [" << R(rec->range) << "]";
            for (const auto& f : rec->fields) out << " " << Name(f.key) << "=" << Expr(f.value.get(), true);
            out << "\n";
          }
        }
        for (const auto& e : t.expectations) {
          out << "  expect ";
          if (e->none) {
            out << "none";
          } else {
            out << Name(e->rule) << "(";
            for (std::size_t i = 0; i < e->ids.size(); ++i) out << (i ? ", " : "") << Name(e->ids[i]);
            out << ")";
          }
          out << " [" << R(e->range) << "]\n";
        }
        break;
      }
    }
  }
  return out.str();
}

/// Module() with ExactExprs() on: everything the parser sets, for comparing
/// the fast path with the ANTLR parse. "<null>" for no module.
inline std::string ExactDump(const ast::Module* m) {
  if (m == nullptr) return "<null>";
  ExactExprs() = true;
  std::string out = "file " + std::to_string(m->file) + "\n" + Module(*m);
  ExactExprs() = false;
  return out;
}

/// Every diagnostic: "CODE range message", then its label, secondary labels,
/// notes and help on indented lines.
inline std::string Diags(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.All()) {
    out += d.code + " " + R(d.range) + " " + d.message + "\n";
    if (!d.label.empty()) out += "  label: " + d.label + "\n";
    for (const auto& s : d.secondary) out += "  at " + R(s.range) + ": " + s.message + "\n";
    for (const auto& n : d.notes) out += "  note: " + n + "\n";
    if (!d.help.empty()) out += "  help: " + d.help + "\n";
  }
  return out;
}

/// Parses `source` and returns its diagnostics (the module must be null).
inline std::string Errors(std::string source, const ParseOptions& options = {}) {
  auto p = Parse(std::move(source), options);
  std::string out = Diags(p->diags);
  if (p->module != nullptr) out += "(module returned)\n";
  return out;
}

/// Parses `ontology t;\nrule r { for x in m where EXPR; }` and prints the
/// `where` expression (EXPR starts at line 2, column 27).
inline std::string WhereExpr(const std::string& expr, bool ranges = false) {
  auto p = Parse("ontology t;\nrule r { for x in m where " + expr + "; }");
  if (p->module == nullptr) return "error: " + Diags(p->diags);
  const auto& rule = static_cast<const ast::RuleDecl&>(*p->module->decls.at(0));
  return Expr(rule.where.get(), ranges);
}

}  // namespace accord::test
