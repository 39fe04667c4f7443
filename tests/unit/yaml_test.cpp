// YAML ontologies: the AST they produce (content and source ranges) and the
// exact diagnostics for every kind of mistake.

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "accord/compiler/yaml/yaml_loader.h"

namespace accord {
namespace {

// ---------------------------------------------------------------- helpers

std::string Str(Position p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }
std::string Str(const SourceRange& r) { return Str(r.begin) + "-" + Str(r.end); }

/// Renders a module one declaration per line, with `@range` after every name
/// and `[range]` after every node.
class Dumper {
 public:
  explicit Dumper(bool ranges) : ranges_(ranges) {}

  std::string Module(const ast::Module& m) {
    out_ << "module" << Node(m.range) << " " << Qualified(m.name);
    if (!m.version.value.empty()) out_ << " version " << String(m.version);
    out_ << "\n";
    for (const ast::Import& i : m.imports)
      out_ << "import " << Qualified(i.path) << Node(i.range) << "\n";
    for (const ast::DeclPtr& d : m.decls) Decl(*d);
    return out_.str();
  }

  std::string Expr(const ast::Expr& e) {
    std::ostringstream s;
    switch (e.kind) {
      case ast::ExprKind::LITERAL: {
        const auto& l = static_cast<const ast::LiteralExpr&>(e);
        switch (l.literal) {
          case ast::LiteralKind::INT:
            s << "INT " << l.int_value;
            break;
          case ast::LiteralKind::FLOAT:
            s << "FLOAT " << l.number;
            break;
          case ast::LiteralKind::DURATION:
            s << "DURATION " << l.number << "s";
            break;
          case ast::LiteralKind::STRING:
            s << "STRING \"" << l.string_value << "\"";
            break;
          case ast::LiteralKind::BOOL:
            s << "BOOL " << (l.bool_value ? "true" : "false");
            break;
        }
        break;
      }
      case ast::ExprKind::NAME:
        s << "NAME " << Name(static_cast<const ast::NameExpr&>(e).name);
        break;
      case ast::ExprKind::FIELD: {
        const auto& f = static_cast<const ast::FieldExpr&>(e);
        s << "FIELD(" << Expr(*f.object) << ")." << Name(f.field);
        break;
      }
      case ast::ExprKind::UNARY: {
        const auto& u = static_cast<const ast::UnaryExpr&>(e);
        s << (u.op == ast::UnaryOp::NEG ? "NEG(" : "NOT(") << Expr(*u.operand) << ")";
        break;
      }
      default:
        s << "?";
        break;
    }
    s << Node(e.range);
    return s.str();
  }

 private:
  std::string Node(const SourceRange& r) const { return ranges_ ? " [" + Str(r) + "]" : ""; }
  std::string At(const SourceRange& r) const { return ranges_ ? "@" + Str(r) : ""; }
  std::string Name(const ast::Name& n) const { return n.text + At(n.range); }
  std::string String(const ast::StringLit& s) const { return "\"" + s.value + "\"" + At(s.range); }
  std::string Qualified(const ast::QualifiedName& q) const {
    if (q.parts.size() == 1) return Name(q.parts[0]);
    std::string parts;
    for (const ast::Name& p : q.parts) parts += (parts.empty() ? "" : ",") + Name(p);
    return q.Joined() + At(q.range) + "{" + parts + "}";
  }
  std::string Type(const ast::TypeRef& t) const {
    std::ostringstream s;
    s << Qualified(t.name);
    if (t.has_range) {
      s << "[" << t.lo << ".." << t.hi << (t.integral_bounds ? " int" : " float") << "]"
        << At(t.range_span);
    }
    s << Node(t.range);
    return s.str();
  }

  void Decl(const ast::Decl& d) {
    switch (d.kind) {
      case ast::DeclKind::MODALITY: {
        const auto& m = static_cast<const ast::ModalityDecl&>(d);
        out_ << "modality " << Name(m.name) << Node(m.range) << Doc(m.doc) << "\n";
        for (const auto& p : m.properties) {
          out_ << "  " << Name(p.key) << Node(p.range) << ":";
          for (const ast::Name& v : p.values) out_ << " " << Name(v);
          out_ << "\n";
        }
        break;
      }
      case ast::DeclKind::ENUM: {
        const auto& e = static_cast<const ast::EnumDecl&>(d);
        out_ << "enum " << Name(e.name) << Node(e.range) << Doc(e.doc) << ":";
        for (const ast::Name& v : e.values) out_ << " " << Name(v);
        out_ << "\n";
        break;
      }
      case ast::DeclKind::CONCEPT:
        Concept(static_cast<const ast::ConceptDecl&>(d));
        break;
      case ast::DeclKind::DISJOINT: {
        const auto& j = static_cast<const ast::DisjointDecl&>(d);
        out_ << "disjoint" << Node(j.range) << ":";
        for (const auto& m : j.members) out_ << " " << Qualified(m);
        out_ << Doc(j.doc) << "\n";
        break;
      }
      default:
        out_ << "?\n";
        break;
    }
  }

  void Concept(const ast::ConceptDecl& c) {
    out_ << "concept " << Name(c.name) << Node(c.range) << Doc(c.doc) << "\n";
    for (const auto& p : c.parents) out_ << "  parent " << Qualified(p) << "\n";
    if (c.has_in_clause) out_ << "  in:" << (c.modalities.empty() ? " (none)" : "") << "\n";
    for (const auto& u : c.modalities) {
      out_ << "    " << Qualified(u.modality);
      if (u.label) out_ << " as " << String(*u.label);
      out_ << Node(u.range) << "\n";
    }
    for (const auto& a : c.attributes) {
      out_ << "  attribute " << Name(a->name) << Node(a->range) << ": " << Type(a->type);
      if (a->default_value) out_ << " = " << Expr(*a->default_value);
      out_ << Doc(a->doc) << "\n";
    }
    for (const auto& f : c.fixed) {
      out_ << "  fixed " << Name(f->name) << Node(f->range) << " = "
           << (f->value ? Expr(*f->value) : "null") << "\n";
    }
  }

  static std::string Doc(const std::string& doc) {
    return doc.empty() ? "" : " doc \"" + doc + "\"";
  }

  bool ranges_;
  std::ostringstream out_;
};

struct Loaded {
  std::unique_ptr<ast::Module> module;
  /// One line per diagnostic: "CODE L:C-L:C message | label: ... | help: ... | L:C-L:C secondary".
  std::string diagnostics;
};

Loaded Load(std::string_view text) {
  SourceManager sources;
  FileId file = sources.Add("test.yaml", std::string(text));
  Diagnostics diags;
  Loaded loaded;
  loaded.module = LoadYamlModule(sources, file, diags);
  diags.Finish(sources);
  for (const Diagnostic& d : diags.All()) {
    std::string line = d.code + " " + Str(d.range) + " " + d.message;
    if (!d.label.empty()) line += " | label: " + d.label;
    if (!d.help.empty()) line += " | help: " + d.help;
    for (const SecondaryLabel& label : d.secondary)
      line += " | " + Str(label.range) + " " + label.message;
    loaded.diagnostics += line + "\n";
  }
  return loaded;
}

/// The module's dump; fails the test if the file does not load.
std::string Dump(std::string_view text, bool ranges = true) {
  Loaded loaded = Load(text);
  CHECK(loaded.diagnostics == "");
  REQUIRE(loaded.module != nullptr);
  return Dumper(ranges).Module(*loaded.module);
}

// ---------------------------------------------------------------- the AST

TEST_CASE("the example ontology gives the AST a .accord file gives, with ranges") {
  // The ontology of LANGUAGE.md's "Enums, concepts, attributes", in YAML.
  std::string text = R"(ontology: affect
version: "1.0.0"
imports: [core]
modalities:
  video: { extent: [time] }
  camera: { extent: [time, box] }
enums:
  Valence: [negative, neutral, positive]
concepts:
  affect:
    doc: Any emotional reading of a person.
    in: [video, audio, text]
    attributes:
      valence: Valence
      intensity: { type: "int[1..5]", default: 3 }
  hostile:
    parents: [affect]
    in: { video: aggressive, audio: angry, text: hostile }
    fixed: { valence: negative }
  sarcasm:
    in: { text: sarcastic }
disjoint:
  - [hostile, calm, cheerful]
)";
  CHECK(Dump(text) == R"(module [1:1-23:30] affect@1:11-1:17 version "1.0.0"@2:10-2:17
import core@3:11-3:15 [3:11-3:15]
modality video@5:3-5:8 [5:3-5:28]
  extent@5:12-5:18 [5:12-5:26]: time@5:21-5:25
modality camera@6:3-6:9 [6:3-6:34]
  extent@6:13-6:19 [6:13-6:32]: time@6:22-6:26 box@6:28-6:31
enum Valence@8:3-8:10 [8:3-8:41]: negative@8:13-8:21 neutral@8:23-8:30 positive@8:32-8:40
concept affect@10:3-10:9 [10:3-15:51] doc "Any emotional reading of a person."
  in:
    video@12:10-12:15 [12:10-12:15]
    audio@12:17-12:22 [12:17-12:22]
    text@12:24-12:28 [12:24-12:28]
  attribute valence@14:7-14:14 [14:7-14:23]: Valence@14:16-14:23 [14:16-14:23]
  attribute intensity@15:7-15:16 [15:7-15:51]: int@15:27-15:30[1..5 int]@15:30-15:36 [15:27-15:36] = INT 3 [15:48-15:49]
concept hostile@16:3-16:10 [16:3-19:33]
  parent affect@17:15-17:21
  in:
    video@18:11-18:16 as "aggressive"@18:18-18:28 [18:11-18:28]
    audio@18:30-18:35 as "angry"@18:37-18:42 [18:30-18:42]
    text@18:44-18:48 as "hostile"@18:50-18:57 [18:44-18:57]
  fixed valence@19:14-19:21 [19:14-19:31] = NAME negative@19:23-19:31 [19:23-19:31]
concept sarcasm@20:3-20:10 [20:3-21:28]
  in:
    text@21:11-21:15 as "sarcastic"@21:17-21:26 [21:11-21:26]
disjoint [23:5-23:30]: hostile@23:6-23:13 calm@23:15-23:19 cheerful@23:21-23:29
)");
}

TEST_CASE("block style, qualified names, docs and every optional key") {
  std::string text = R"(ontology: retail.products
version: 2
imports:
  - core
  - retail.shared
modalities:
  image:
    doc: Product photos.
    extent: box
  description:
    extent:
      - chars
enums:
  Colour:
    doc: |
      Colours a product
      can have.
    values:
      - red
      - "blue"
concepts:
  product:
    in:
      core.image:
      description: 'product name'
    attributes:
      colour:
        type: core.Colour
        doc: The main colour.
      price: { type: "float[0..1e3]" }
  shoe:
    parent: product
  boot:
    parents: shoe
    in: image
disjoint:
  - - shoe
    - retail.shared.hat
  - members: [shoe, product]
    doc: |
      A shoe is never
      a hat.
)";
  Loaded loaded = Load(text);
  // `float[0..1e3]` is no type: exponents are not bounds.
  CHECK(loaded.diagnostics ==
        "E0107 30:23-30:36 invalid type `float[0..1e3]` for attribute `price` of concept `product` "
        "| help: write a "
        "type name (`bool`, `int`, `float`, `string`, `duration` or an enum), optionally with a "
        "range as in "
        "`int[1..5]`\n");
  CHECK(loaded.module == nullptr);

  std::string fixed = text;
  fixed.replace(fixed.find("0..1e3"), 6, "0..1000");
  CHECK(
      Dump(fixed) ==
      R"(module [1:1-42:13] retail.products@1:11-1:26{retail@1:11-1:17,products@1:18-1:26} version "2"@2:10-2:11
import core@4:5-4:9 [4:5-4:9]
import retail.shared@5:5-5:18{retail@5:5-5:11,shared@5:12-5:18} [5:5-5:18]
modality image@7:3-7:8 [7:3-9:16] doc "Product photos."
  extent@9:5-9:11 [9:5-9:16]: box@9:13-9:16
modality description@10:3-10:14 [10:3-12:14]
  extent@11:5-11:11 [11:5-12:14]: chars@12:9-12:14
enum Colour@14:3-14:9 [14:3-20:15] doc "Colours a product
can have.": red@19:9-19:12 blue@20:10-20:14
concept product@22:3-22:10 [22:3-30:40]
  in:
    core.image@24:7-24:17{core@24:7-24:11,image@24:12-24:17} [24:7-24:17]
    description@25:7-25:18 as "product name"@25:20-25:34 [25:7-25:34]
  attribute colour@27:7-27:13 [27:7-29:30]: core.Colour@28:15-28:26{core@28:15-28:19,Colour@28:20-28:26} [28:15-28:26] doc "The main colour."
  attribute price@30:7-30:12 [30:7-30:40]: float@30:23-30:28[0..1000 int]@30:28-30:37 [30:23-30:37]
concept shoe@31:3-31:7 [31:3-32:20]
  parent product@32:13-32:20
concept boot@33:3-33:7 [33:3-35:14]
  parent shoe@34:14-34:18
  in:
    image@35:9-35:14 [35:9-35:14]
disjoint [37:5-38:24]: shoe@37:7-37:11 retail.shared.hat@38:7-38:24{retail@38:7-38:13,shared@38:14-38:20,hat@38:21-38:24}
disjoint [39:5-42:13]: shoe@39:15-39:19 product@39:21-39:28 doc "A shoe is never
a hat."
)");
}

TEST_CASE("`in` as a name, a list or a map; a null label means the concept's own name") {
  std::string text = R"(ontology: t
concepts:
  a:
    in: video
  b:
    in: [core.video, "audio"]
  c:
    in:
      - text
  d:
    in: { video: ~, audio: null, text: "", image: 'x' }
  e:
    in:
      video:
      audio: 42
  f:
)";
  CHECK(Dump(text) == R"(module [1:1-16:4] t@1:11-1:12
concept a@3:3-3:4 [3:3-4:14]
  in:
    video@4:9-4:14 [4:9-4:14]
concept b@5:3-5:4 [5:3-6:30]
  in:
    core.video@6:10-6:20{core@6:10-6:14,video@6:15-6:20} [6:10-6:20]
    audio@6:23-6:28 [6:22-6:29]
concept c@7:3-7:4 [7:3-9:13]
  in:
    text@9:9-9:13 [9:9-9:13]
concept d@10:3-10:4 [10:3-11:56]
  in:
    video@11:11-11:16 [11:11-11:16]
    audio@11:21-11:26 [11:21-11:26]
    text@11:34-11:38 as ""@11:40-11:42 [11:34-11:42]
    image@11:44-11:49 as "x"@11:51-11:54 [11:44-11:54]
concept e@12:3-12:4 [12:3-15:16]
  in:
    video@14:7-14:12 [14:7-14:12]
    audio@15:7-15:12 as "42"@15:14-15:16 [15:7-15:16]
concept f@16:3-16:4 [16:3-16:4]
)");
}

TEST_CASE("values: how a plain scalar is typed") {
  struct Case {
    const char* yaml;
    const char* expr;
  };
  const Case cases[] = {
      {"3", "INT 3 [5:10-5:11]"},
      {"-2", "NEG(INT 2 [5:11-5:12]) [5:10-5:12]"},
      {"0", "INT 0 [5:10-5:11]"},
      {"9223372036854775807", "INT 9223372036854775807 [5:10-5:29]"},
      {"0.5", "FLOAT 0.5 [5:10-5:13]"},
      {"1e-3", "FLOAT 0.001 [5:10-5:14]"},
      {"2.5E2", "FLOAT 250 [5:10-5:15]"},
      {"250ms", "DURATION 0.25s [5:10-5:15]"},
      {"1.5s", "DURATION 1.5s [5:10-5:14]"},
      {"2min", "DURATION 120s [5:10-5:14]"},
      {"1h", "DURATION 3600s [5:10-5:12]"},
      {"-100ms", "NEG(DURATION 0.1s [5:11-5:16]) [5:10-5:16]"},
      {"true", "BOOL true [5:10-5:14]"},
      {"False", "BOOL false [5:10-5:15]"},
      {"TRUE", "BOOL true [5:10-5:14]"},
      {"negative", "NAME negative@5:10-5:18 [5:10-5:18]"},
      {"Valence.negative",
       "FIELD(NAME Valence@5:10-5:17 [5:10-5:17]).negative@5:18-5:26 [5:10-5:26]"},
      {"core.Valence.negative",
       "FIELD(FIELD(NAME core@5:10-5:14 [5:10-5:14]).Valence@5:15-5:22 "
       "[5:10-5:22]).negative@5:23-5:31 "
       "[5:10-5:31]"},
      {"yes", "NAME yes@5:10-5:13 [5:10-5:13]"},  // YAML 1.1 booleans are names
      {"none", "NAME none@5:10-5:14 [5:10-5:14]"},
      {"\"hostile\"", "STRING \"hostile\" [5:10-5:19]"},
      {"'it''s'", "STRING \"it's\" [5:10-5:17]"},
      {"\"3\"", "STRING \"3\" [5:10-5:13]"},
      {"\"true\"", "STRING \"true\" [5:10-5:16]"},
      {"\"say \\\"hi\\\"\"", "STRING \"say \"hi\"\" [5:10-5:22]"},
      {"\"\"", "STRING \"\" [5:10-5:12]"},
      {"!!str 3", "STRING \"3\" [5:16-5:17]"},
      {"|\n        two\n        lines", "STRING \"two\nlines\n\" [5:10-7:14]"},
      {">-\n        folded\n        text", "STRING \"folded text\" [5:10-7:13]"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.yaml) {
      std::string text =
          std::string("ontology: t\nconcepts:\n  c:\n    fixed:\n      v: ") + c.yaml + "\n";
      Loaded loaded = Load(text);
      CHECK(loaded.diagnostics == "");
      REQUIRE(loaded.module != nullptr);
      const auto& concept_decl = static_cast<const ast::ConceptDecl&>(*loaded.module->decls.at(0));
      REQUIRE(concept_decl.fixed.size() == 1);
      REQUIRE(concept_decl.fixed[0]->value != nullptr);
      CHECK(Dumper(true).Expr(*concept_decl.fixed[0]->value) == c.expr);
    }
  }
}

TEST_CASE("types: names, qualified names and ranges") {
  struct Case {
    const char* yaml;
    const char* attribute;
  };
  const Case cases[] = {
      {"int", "a@5:7-5:8 [5:7-5:13]: int@5:10-5:13 [5:10-5:13]"},
      {"core.Valence",
       "a@5:7-5:8 [5:7-5:22]: core.Valence@5:10-5:22{core@5:10-5:14,Valence@5:15-5:22} "
       "[5:10-5:22]"},
      {"int[1..5]", "a@5:7-5:8 [5:7-5:19]: int@5:10-5:13[1..5 int]@5:13-5:19 [5:10-5:19]"},
      {"\"float[0..1]\"", "a@5:7-5:8 [5:7-5:23]: float@5:11-5:16[0..1 int]@5:16-5:22 [5:11-5:22]"},
      {"\"float[-1.5..2]\"",
       "a@5:7-5:8 [5:7-5:26]: float@5:11-5:16[-1.5..2 float]@5:16-5:25 [5:11-5:25]"},
      {"\"int[ -5 .. 5 ]\"",
       "a@5:7-5:8 [5:7-5:26]: int@5:11-5:14[-5..5 int]@5:14-5:25 [5:11-5:25]"},
      {"'duration'", "a@5:7-5:8 [5:7-5:20]: duration@5:11-5:19 [5:11-5:19]"},
      {"{ type: Valence, default: neutral, doc: Mood. }",
       "a@5:7-5:8 [5:7-5:57]: Valence@5:18-5:25 [5:18-5:25] = NAME neutral@5:36-5:43 [5:36-5:43] "
       "doc \"Mood.\""},
  };
  for (const Case& c : cases) {
    SUBCASE(c.yaml) {
      std::string text =
          std::string("ontology: t\nconcepts:\n  c:\n    attributes:\n      a: ") + c.yaml + "\n";
      CHECK(Dump(text) == "module [1:1-5:" + std::to_string(10 + std::string_view(c.yaml).size()) +
                              "] t@1:11-1:12\nconcept c@3:3-3:4 [3:3-5:" +
                              std::to_string(10 + std::string_view(c.yaml).size()) +
                              "]\n  attribute " + c.attribute + "\n");
    }
  }
}

TEST_CASE("positions count code points (a byte order mark is one) and ignore CR") {
  std::string text =
      "\xEF\xBB\xBFontology: t\r\nconcepts:\r\n  c:\r\n    in: { video: \"agresi\xC3\xB3n\", "
      "audio: \xC3\xB1 }\r\n";
  CHECK(Dump(text) ==
        "module [1:2-4:40] t@1:12-1:13\n"
        "concept c@3:3-3:4 [3:3-4:40]\n"
        "  in:\n"
        "    video@4:11-4:16 as \"agresi\xC3\xB3n\"@4:18-4:28 [4:11-4:28]\n"
        "    audio@4:30-4:35 as \"\xC3\xB1\"@4:37-4:38 [4:30-4:38]\n");
}

TEST_CASE("what later passes check passes through unchanged") {
  // Duplicate names, unknown modality properties, labels that collide, unknown
  // references: name resolution reports these as it does for .accord files.
  std::string text = R"(ontology: t
modalities:
  video: { extnet: [time], extent: [time, sound] }
enums:
  Valence: [a, a]
concepts:
  c: { parents: [nowhere], in: { video: x, video: x } }
  c: { fixed: { valence: 3 } }
)";
  CHECK(Dump(text, false) == R"(module t
modality video
  extnet: time
  extent: time sound
enum Valence: a a
concept c
  parent nowhere
  in:
    video as "x"
    video as "x"
concept c
  fixed valence = INT 3
)");
}

TEST_CASE("anchors and aliases share a value") {
  std::string text = R"(ontology: t
concepts:
  a: { in: &channels [video, audio] }
  b: { in: *channels }
)";
  CHECK(Dump(text, false) == R"(module t
concept a
  in:
    video
    audio
concept b
  in:
    video
    audio
)");
}

// ---------------------------------------------------------------- diagnostics

struct ErrorCase {
  const char* name;
  std::string yaml;
  std::string diagnostics;
};

void CheckErrors(const std::vector<ErrorCase>& cases) {
  for (const ErrorCase& c : cases) {
    SUBCASE(c.name) {
      Loaded loaded = Load(c.yaml);
      CHECK(loaded.diagnostics == c.diagnostics);
      CHECK(loaded.module == nullptr);
    }
  }
}

const std::string top_yaml = "ontology: t\n";
const std::string concept_yaml = "ontology: t\nconcepts:\n  c:\n";
const std::string attribute_yaml = "ontology: t\nconcepts:\n  c:\n    attributes:\n";

TEST_CASE("E0106 invalid YAML and E0003 invalid UTF-8") {
  const std::string tab_help = "indent with spaces: YAML does not allow tabs in indentation";
  CheckErrors({
      {"tab indentation", "ontology: t\nconcepts:\n\tc: {}\n",
       "E0106 3:1-3:2 invalid YAML: a tab is used for indentation | help: " + tab_help + "\n"},
      {"tab indentation of a nested key", "ontology: t\nconcepts:\n  c:\n\t  in: [video]\n",
       "E0106 4:1-4:2 invalid YAML: a tab is used for indentation | help: " + tab_help + "\n"},
      {"tab after spaces", "ontology: t\nconcepts:\n  c:\n  \tin: [video]\n",
       "E0106 4:3-4:4 invalid YAML: a tab is used for indentation | help: " + tab_help + "\n"},
      {"unclosed flow list", "ontology: t\nimports: [core\n",
       "E0106 2:15-2:15 invalid YAML: `[` is not closed by `]` | help: close the list with `]` and "
       "separate its "
       "items with `,`\n"},
      {"unquoted brackets in a flow map", attribute_yaml + "      n: { type: int[1..5] }\n",
       "E0106 5:21-5:22 invalid YAML: `{` is not closed by `}` | help: inside `{ }` and `[ ]`, "
       "quote values that "
       "contain brackets or commas, e.g. `\"int[1..5]\"`\n"},
      {"unknown escape", "ontology: t\nversion: \"a\\qb\"\n",
       "E0106 2:14-2:15 invalid YAML: unknown escape `\\q` in a double-quoted string | help: write "
       "`\\\\` for a "
       "backslash, or use single quotes, which have no escapes\n"},
      {"unclosed quote", "ontology: t\nversion: \"1.0\nimports: [core]\n",
       "E0106 2:10-2:11 invalid YAML: this quoted string is never closed | help: end it with the "
       "same quote it "
       "starts with\n"},
      {"undefined alias", "ontology: t\nimports: *core\n",
       "E0106 2:10-2:11 invalid YAML: alias `*core` refers to no anchor | help: define the anchor "
       "with `&core` "
       "before this alias\n"},
      {"colon in a plain value", "ontology: t\nversion: a: b\n",
       "E0106 2:11-2:12 invalid YAML: a map value (`:`) is not allowed here | help: check the "
       "indentation of this "
       "line, and quote values that contain `: `\n"},
      {"reserved indicator", "ontology: @t\n",
       "E0106 1:11-1:12 invalid YAML: `@` cannot start a value | help: quote the value\n"},
      {"stray closing bracket", "ontology: t\nimports: [core]]\n",
       "E0106 2:16-2:17 invalid YAML: `]` closes nothing | help: remove it, or open the list or "
       "map it is meant "
       "to close\n"},
      {"wrong indentation", "ontology: t\nconcepts:\n  c:\n    in: [video]\n   doc: x\n",
       "E0106 5:4-5:5 invalid YAML: this line does not continue the map above it | help: check the "
       "indentation "
       "of this line\n"},
      {"stray comma (yaml-cpp's LoadAll would loop forever)", ",0\nontology: t\n",
       "E0106 1:1-1:2 invalid YAML: `,` is not allowed here | help: `,` separates items only "
       "inside `[ ]` and "
       "`{ }`\n"},
      {"stray comma after the document", "[a]\n,\n",
       "E0106 2:1-2:2 invalid YAML: `,` is not allowed here | help: `,` separates items only "
       "inside `[ ]` and "
       "`{ }`\n"},
      {"nesting too deep",
       "ontology: t\nimports: " + std::string(600, '[') + std::string(600, ']') + "\n",
       "E0106 2:1210-2:1210 invalid YAML: nesting is too deep | help: a YAML ontology needs only a "
       "few levels "
       "of nesting\n"},
      {"binary garbage", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
       "E0003 1:1-1:2 invalid UTF-8 in source file | label: byte 0x89 is not valid UTF-8 here | "
       "help: re-encode "
       "the file as UTF-8, or check that the path names a YAML ontology\n"},
      {"Latin-1 text", "ontology: t\nconcepts:\n  caf\xE9: {}\n",
       "E0003 3:6-3:7 invalid UTF-8 in source file | label: byte 0xE9 is not valid UTF-8 here | "
       "help: re-encode "
       "the file as UTF-8, or check that the path names a YAML ontology\n"},
      {"NUL byte", std::string("ontology: t\0\n", 13),
       "E0106 1:12-1:13 invalid YAML: control character U+0000 is not allowed | help: YAML text "
       "may hold tabs "
       "and line breaks but no other control characters\n"},
      {"alias expansion",
       top_yaml +
           "x0: &a [z, z, z, z, z, z, z, z, z, z]\nx1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, "
           "*a]\n"
           "x2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nx3: &d [*c, *c, *c, *c, *c, *c, "
           "*c, *c, *c, *c]\n"
           "x4: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nx5: &f [*e, *e, *e, *e, *e, *e, "
           "*e, *e, *e, *e]\n",
       "E0106 1:1-1:1 invalid YAML: aliases expand the document to more than 1000000 nodes | help: "
       "refer to "
       "large anchors from fewer places\n"},
  });
}

TEST_CASE("E0107 the file as a whole") {
  const std::string rules_help =
      "rules and tests are written in .accord files, which `import` this ontology";
  CheckErrors({
      {"empty file", "",
       "E0107 1:1-1:1 the YAML ontology is empty | help: a YAML ontology starts with `ontology: "
       "NAME`\n"},
      {"only comments", "# nothing here\n\n",
       "E0107 1:1-1:1 the YAML ontology is empty | help: a YAML ontology starts with `ontology: "
       "NAME`\n"},
      {"a list", "- ontology: t\n",
       "E0107 1:1-1:14 a YAML ontology must be a map with keys such as `ontology` and `concepts`, "
       "found a list "
       "| help: start the file with `ontology: NAME`\n"},
      {"a scalar", "just some words\n",
       "E0107 1:1-1:16 a YAML ontology must be a map with keys such as `ontology` and `concepts`, "
       "found `just "
       "some words` | help: start the file with `ontology: NAME`\n"},
      {"two documents", "ontology: t\n---\nontology: u\n",
       "E0107 2:1-2:4 a YAML ontology holds one document, but a second one starts here | help: "
       "remove this "
       "`---` and what follows it, or move it into a file of its own\n"},
      {"a document after `...`", "ontology: t\n...\nontology: u\n",
       "E0107 3:1-3:2 a YAML ontology holds one document, but a second one starts here | help: "
       "remove this "
       "`---` and what follows it, or move it into a file of its own\n"},
      {"missing ontology", "version: \"1\"\nconcepts: {}\n",
       "E0107 1:1-1:1 missing `ontology` key: the ontology has no name | help: add `ontology: "
       "NAME` at the top "
       "of the file\n"},
      {"unknown key, close to a known one", top_yaml + "import: [core]\n",
       "E0107 2:1-2:7 unknown key `import` at the top level | help: did you mean `imports`?\n"},
      {"rules in YAML", top_yaml + "rules: {}\n",
       "E0107 2:1-2:6 unknown key `rules` at the top level | help: " + rules_help + "\n"},
      {"unknown key, far from any", top_yaml + "colour: red\n",
       "E0107 2:1-2:7 unknown key `colour` at the top level | help: expected one of `ontology`, "
       "`version`, "
       "`imports`, `modalities`, `enums`, `concepts`, `disjoint`\n"},
      {"duplicate key", top_yaml + "concepts: {}\nconcepts: {}\n",
       "E0107 3:1-3:9 duplicate key `concepts` at the top level | 2:1-2:9 first given here\n"},
      {"every error is reported, in order",
       "version: [1]\nconcepts:\n  hostile: { parent_s: [affect], in: [] }\ndisjoint: [[a]]\n",
       "E0107 1:1-1:1 missing `ontology` key: the ontology has no name | help: add `ontology: "
       "NAME` at the top "
       "of the file\n"
       "E0107 1:10-1:13 `version` must be a string, found a list\n"
       "E0107 3:14-3:22 unknown key `parent_s` in concept `hostile` | help: did you mean "
       "`parents`?\n"
       "E0107 3:38-3:40 `in` of concept `hostile` names no modality | help: omit `in` to inherit "
       "the parents' "
       "modalities\n"
       "E0107 4:12-4:15 a disjoint set needs at least two concepts | help: list the concepts that "
       "exclude each "
       "other, e.g. `- [hostile, calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`\n"},
  });
}

TEST_CASE("E0107 a wrong kind of node at every key") {
  const std::string name_help = "names are letters, digits and `_`, and do not start with a digit";
  const std::string in_help =
      "e.g. `in: [video, audio]` or `in: { video: aggressive, audio: angry }`";
  const std::string value_help =
      "write a value, e.g. `3`, `0.5`, `250ms`, `true`, `\"text\"` or an enum value";
  const std::string type_help =
      "write a type name (`bool`, `int`, `float`, `string`, `duration` or an enum), optionally "
      "with a range as "
      "in `int[1..5]`";
  CheckErrors({
      // header
      {"ontology: list", "ontology: [a]\n",
       "E0107 1:11-1:14 `ontology` must be the ontology's name, found a list | help: e.g. "
       "`ontology: affect`\n"},
      {"ontology: nothing", "ontology:\nversion: \"1\"\n",
       "E0107 1:1-1:9 `ontology` must be the ontology's name, found nothing | help: e.g. "
       "`ontology: affect`\n"},
      {"ontology: not a name", "ontology: my ontology\n",
       "E0107 1:11-1:22 `my ontology` is not a valid ontology name | help: " + name_help +
           "; qualified names join names with `.`, as in `core.Valence`\n"},
      {"version: map", top_yaml + "version: {major: 1}\n",
       "E0107 2:10-2:20 `version` must be a string, found a map\n"},
      {"imports: map", top_yaml + "imports: {core: x}\n",
       "E0107 2:10-2:19 `imports` must be a list of module names, found a map | help: e.g. "
       "`imports: [core]`\n"},
      {"imports: nested list", top_yaml + "imports: [[core]]\n",
       "E0107 2:11-2:17 each item of `imports` must be a module name, found a list\n"},
      // modalities
      {"modalities: list", top_yaml + "modalities: [video]\n",
       "E0107 2:13-2:20 `modalities` must be a map from modality name to its properties, found a "
       "list | help: "
       "e.g. `video: { extent: [time] }`\n"},
      {"modality: list", top_yaml + "modalities:\n  video: [time]\n",
       "E0107 3:10-3:16 modality `video` must be a map of properties, found a list | help: e.g. "
       "`video: { "
       "extent: [time] }`\n"},
      {"extent: nothing", top_yaml + "modalities:\n  video: { extent: }\n",
       "E0107 3:12-3:18 `extent` of modality `video` must be a list of names, found nothing | "
       "help: e.g. "
       "`extent: [time, box]`\n"},
      {"extent: empty list", top_yaml + "modalities:\n  video: { extent: [] }\n",
       "E0107 3:20-3:22 `extent` of modality `video` must be a list of names, found an empty list "
       "| help: e.g. "
       "`extent: [time, box]`\n"},
      {"extent: nested list", top_yaml + "modalities:\n  video: { extent: [[time]] }\n",
       "E0107 3:21-3:27 expected a property value, found a list\n"},
      // enums
      {"enums: list", top_yaml + "enums: [Valence]\n",
       "E0107 2:8-2:17 `enums` must be a map from enum name to its values, found a list | help: "
       "e.g. `Valence: "
       "[negative, neutral, positive]`\n"},
      {"enum: scalar", top_yaml + "enums:\n  Valence: negative\n",
       "E0107 3:12-3:20 enum `Valence` must be a list of values, or a map with `values` and `doc`, "
       "found "
       "`negative` | help: e.g. `Valence: [negative, neutral, positive]`\n"},
      {"enum: empty list", top_yaml + "enums:\n  Valence: []\n",
       "E0107 3:12-3:14 enum `Valence` must be a list of value names, found an empty list | help: "
       "e.g. "
       "`[negative, neutral, positive]`\n"},
      {"enum: map without values", top_yaml + "enums:\n  Valence: { doc: Mood. }\n",
       "E0107 3:3-3:10 enum `Valence` has no `values` | help: add `values: [...]` with the enum's "
       "value names\n"},
      {"enum: misspelt values", top_yaml + "enums:\n  Valence: { valeus: [a] }\n",
       "E0107 3:3-3:10 enum `Valence` has no `values` | help: add `values: [...]` with the enum's "
       "value names\n"
       "E0107 3:14-3:20 unknown key `valeus` in enum `Valence` | help: did you mean `values`?\n"},
      {"enum value: not a name", top_yaml + "enums:\n  Valence: [1st, ok]\n",
       "E0107 3:13-3:16 `1st` is not a valid enum value | help: " + name_help + "\n"},
      // concepts
      {"concepts: list", top_yaml + "concepts: [a]\n",
       "E0107 2:11-2:14 `concepts` must be a map from concept name to its definition, found a list "
       "| help: e.g. "
       "`hostile: { parents: [affect], in: [video] }`\n"},
      {"concept: scalar", top_yaml + "concepts:\n  hostile: affect\n",
       "E0107 3:12-3:18 concept `hostile` must be a map with keys such as `parents`, `in` and "
       "`attributes`, "
       "found `affect` | help: e.g. `hostile: { parents: [affect], in: [video] }`\n"},
      {"concept: unknown key", top_yaml + "concepts:\n  hostile:\n    parent_s: [affect]\n",
       "E0107 4:5-4:13 unknown key `parent_s` in concept `hostile` | help: did you mean "
       "`parents`?\n"},
      {"concept: parent and parents", concept_yaml + "    parent: a\n    parents: [b]\n",
       "E0107 5:5-5:12 concept `c` has both `parent` and `parents` | help: list every parent under "
       "`parents` | "
       "4:5-4:11 first given here\n"},
      {"concept: reserved name", top_yaml + "concepts:\n  in: {}\n",
       "E0107 3:3-3:5 `in` is a reserved word and cannot be a concept name | help: choose another "
       "name, such as "
       "`in_`\n"},
      {"concept: not a name", top_yaml + "concepts:\n  road-user: {}\n",
       "E0107 3:3-3:12 `road-user` is not a valid concept name | help: " + name_help + "\n"},
      {"concept: list as key", top_yaml + "concepts:\n  ? [a, b]\n  : {}\n",
       "E0107 3:5-3:11 expected a concept name, found a list\n"},
      {"doc: list", concept_yaml + "    doc: [a]\n",
       "E0107 4:10-4:13 `doc` of concept `c` must be a string, found a list\n"},
      {"parents: map", concept_yaml + "    parents: { a: b }\n",
       "E0107 4:14-4:22 `parents` of concept `c` must be a list of concept names, found a map | "
       "help: e.g. "
       "`parents: [affect]`\n"},
      {"parent: nested list", concept_yaml + "    parent: [[a]]\n",
       "E0107 4:14-4:17 each item of `parent` of concept `c` must be a concept name, found a "
       "list\n"},
      {"in: nothing", concept_yaml + "    in:\n",
       "E0107 4:5-4:7 `in` of concept `c` must be a list of modality names or a map from modality "
       "to label, "
       "found nothing | help: " +
           in_help + "\n"},
      {"in: empty list", concept_yaml + "    in: []\n",
       "E0107 4:9-4:11 `in` of concept `c` names no modality | help: omit `in` to inherit the "
       "parents' "
       "modalities\n"},
      {"in: list of maps", concept_yaml + "    in: [{video: x}]\n",
       "E0107 4:10-4:20 each item of `in` of concept `c` must be a modality name, found a map | "
       "help: to give "
       "labels, write `in` as a map: `in: { video: aggressive }`\n"},
      {"in: label is a list", concept_yaml + "    in: { video: [a, b] }\n",
       "E0107 4:18-4:24 the label of `video` in concept `c` must be a string, found a list\n"},
      {"in: names in code points", concept_yaml + "    in: { vid\xC3\xA9o: x, 1video: y }\n",
       "E0107 4:11-4:16 `vid\xC3\xA9o` is not a valid modality name | help: " + name_help +
           "; qualified names join names with `.`, as in `core.Valence`\n"
           "E0107 4:21-4:27 `1video` is not a valid modality name | help: " +
           name_help + "; qualified names join names with `.`, as in `core.Valence`\n"},
      // attributes
      {"attributes: list", concept_yaml + "    attributes: [a]\n",
       "E0107 4:17-4:20 `attributes` of concept `c` must be a map from attribute name to type, "
       "found a list | "
       "help: e.g. `attributes: { valence: Valence, intensity: \"int[1..5]\" }`\n"},
      {"attribute: nothing", attribute_yaml + "      a:\n",
       "E0107 5:7-5:8 attribute `a` of concept `c` must be a type, or a map with `type`, `default` "
       "and `doc`, "
       "found nothing | help: e.g. `a: int` or `a: { type: \"int[1..5]\", default: 3 }`\n"},
      {"attribute: list", attribute_yaml + "      a: [int]\n",
       "E0107 5:10-5:15 attribute `a` of concept `c` must be a type, or a map with `type`, "
       "`default` and `doc`, "
       "found a list | help: e.g. `a: int` or `a: { type: \"int[1..5]\", default: 3 }`\n"},
      {"attribute: no type", attribute_yaml + "      a: { default: 3 }\n",
       "E0107 5:7-5:8 attribute `a` of concept `c` has no `type` | help: add one, e.g. `type: "
       "int`\n"},
      {"attribute: unknown key", attribute_yaml + "      a: { type: int, defualt: 3 }\n",
       "E0107 5:23-5:30 unknown key `defualt` in attribute `a` of concept `c` | help: did you mean "
       "`default`?\n"},
      {"type: list", attribute_yaml + "      a: { type: [int] }\n",
       "E0107 5:18-5:23 the type of attribute `a` of concept `c` must be a type, found a list | "
       "help: e.g. "
       "`int`, `Valence` or `\"int[1..5]\"`\n"},
      {"type: malformed range", attribute_yaml + "      a: \"int[1..]\"\n",
       "E0107 5:11-5:19 invalid type `int[1..]` for attribute `a` of concept `c` | help: " +
           type_help + "\n"},
      {"type: reserved word", attribute_yaml + "      a: in\n",
       "E0107 5:10-5:12 `in` is a reserved word and cannot name a type\n"},
      {"default: list", attribute_yaml + "      a: { type: int, default: [1, 2] }\n",
       "E0107 5:32-5:38 the default of attribute `a` of concept `c` must be a single value, found "
       "a list\n"},
      {"default: nothing", attribute_yaml + "      a: { type: int, default: }\n",
       "E0107 5:23-5:30 the default of attribute `a` of concept `c` must be a single value, found "
       "nothing | help: " +
           value_help + "\n"},
      {"default: words", attribute_yaml + "      a: { type: string, default: hello world }\n",
       "E0107 5:35-5:46 cannot read `hello world` as the default of attribute `a` of concept `c` | "
       "help: quote "
       "it to make it a string: `\"hello world\"`\n"},
      {"default: not a number", attribute_yaml + "      a: { type: duration, default: 1.5sec }\n",
       "E0107 5:37-5:43 cannot read `1.5sec` as the default of attribute `a` of concept `c` | "
       "help: write "
       "numbers as `3`, `-2` or `0.5`, durations as `250ms`, `1.5s`, `2min` or `1h`, or quote it "
       "to make it a "
       "string\n"},
      {"default: reserved word", attribute_yaml + "      a: { type: string, default: not }\n",
       "E0107 5:35-5:38 cannot read `not` as the default of attribute `a` of concept `c` | help: "
       "`not` is a "
       "reserved word; quote it to make it a string: `\"not\"`\n"},
      {"default: integer too large",
       attribute_yaml + "      a: { type: int, default: 99999999999999999999 }\n",
       "E0008 5:32-5:52 integer `99999999999999999999` does not fit in 64 bits | help: the largest "
       "integer is "
       "9223372036854775807\n"},
      {"default: duration too large",
       attribute_yaml + "      a: { type: duration, default: 1" + std::string(400, '0') + "h }\n",
       "E0008 5:37-5:439 duration `1" + std::string(39, '0') + "...` is too large\n"},
      {"default: float too large", attribute_yaml + "      a: { type: float, default: 1e999 }\n",
       "E0008 5:34-5:39 number `1e999` is too large\n"},
      {"default: tagged", attribute_yaml + "      a: { type: int, default: !!int 3 }\n",
       "E0107 5:32-5:39 unsupported YAML tag `!!int` on the default of attribute `a` of concept "
       "`c` | help: "
       "remove the tag: a value's type follows from how it is written\n"},
      // fixed values
      {"fixed: list", concept_yaml + "    fixed: [a]\n",
       "E0107 4:12-4:15 `fixed` of concept `c` must be a map from attribute name to value, found a "
       "list | help: "
       "e.g. `fixed: { valence: negative }`\n"},
      {"fixed: nothing", concept_yaml + "    fixed: { valence: }\n",
       "E0107 4:14-4:21 the fixed value of `valence` in concept `c` must be a single value, found "
       "nothing | "
       "help: " +
           value_help + "\n"},
      // disjoint
      {"disjoint: map", top_yaml + "disjoint: { a: b }\n",
       "E0107 2:11-2:19 `disjoint` must be a list of sets of concepts, found a map | help: e.g. `- "
       "[hostile, "
       "calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`\n"},
      {"disjoint: flat list", top_yaml + "disjoint: [a, b]\n",
       "E0107 2:12-2:13 each item of `disjoint` must be a list of concept names or a map with `members`, found `a` | help: "
       "e.g. `- "
       "[hostile, calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`\n"
       "E0107 2:15-2:16 each item of `disjoint` must be a list of concept names or a map with `members`, found `b` | help: "
       "e.g. `- "
       "[hostile, calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`\n"},
      {"disjoint: one member", top_yaml + "disjoint:\n  - [a]\n",
       "E0107 3:5-3:8 a disjoint set needs at least two concepts | help: list the concepts that "
       "exclude each "
       "other, e.g. `- [hostile, calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`\n"},
      {"disjoint: nested member", top_yaml + "disjoint:\n  - [a, [b]]\n",
       "E0107 3:9-3:12 expected a concept name, found a list\n"},
      {"disjoint: a map without members", top_yaml + "disjoint:\n  - { doc: x }\n",
       "E0107 3:5-3:15 a disjoint set given as a map needs `members` | help: e.g. `- [hostile, "
       "calm, cheerful]` or `- { members: [hostile, calm], doc: ... }`\n"},
      {"disjoint: members not a list", top_yaml + "disjoint:\n  - { members: a }\n",
       "E0107 3:16-3:17 `members` of a disjoint set must be a list of concept names, found `a` | "
       "help: e.g. `members: [hostile, calm]`\n"},
      {"disjoint: unknown key in a set", top_yaml + "disjoint:\n  - { member: [a, b] }\n",
       "E0107 3:7-3:13 unknown key `member` in a disjoint set | help: did you mean `members`?\n"},
  });
}

}  // namespace
}  // namespace accord
