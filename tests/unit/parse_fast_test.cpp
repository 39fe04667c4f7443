// The parser's fast path (fast_parser.h) against the ANTLR parse: the same
// AST (every node, name, value, range, doc comment and parenthesis) for every
// file the ANTLR parse accepts without a word, and no module at all from the
// fast path for every file it reports on. Over the examples, every .accord
// file in the repository, and generated and mutated programs.

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "accord/compiler/parse/internal/fast_parser.h"
#include "accord/compiler/parse/internal/text.h"
#include "parse_examples.h"
#include "parse_test_util.h"

namespace {

using accord::Diagnostics;
using accord::FileId;
using accord::ParseOptions;
using accord::SourceManager;
namespace internal = accord::parse::internal;
namespace test = accord::test;

struct Outcome {
  bool fast_accepted = false;  ///< FastParse built a module
  bool antlr_clean = false;    ///< the ANTLR parse built a module and reported nothing
};

/// Parses `text` both ways and checks that they agree. Returns what each did.
Outcome Compare(const std::string& text, const ParseOptions& options = {}) {
  SourceManager sources;
  FileId file = sources.Add("t.accord", text);
  Diagnostics fast_diags;
  Diagnostics antlr_diags;
  auto fast = accord::ParseModule(sources, file, fast_diags, options);
  auto antlr = internal::ParseModuleWithAntlr(sources, file, antlr_diags, options);
  CHECK(test::ExactDump(fast.get()) == test::ExactDump(antlr.get()));
  CHECK(test::Diags(fast_diags) == test::Diags(antlr_diags));

  Outcome outcome;
  if (internal::FindInvalidUtf8(text) == std::string::npos) {
    outcome.fast_accepted = internal::FastParse(sources.Get(file).Text(), file, options) != nullptr;
  }
  outcome.antlr_clean = antlr != nullptr && antlr_diags.All().empty();
  // The fast path takes every file the ANTLR parse has nothing to say about,
  // and none that it reports on.
  CHECK(outcome.fast_accepted == outcome.antlr_clean);
  return outcome;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Random programs from the grammar, with random spacing and comments.
class Generator {
 public:
  explicit Generator(std::mt19937& random) : random_(random) {}

  std::string Module() {
    out_.clear();
    if (Chance(10)) out_ += "\xEF\xBB\xBF";
    Space();
    Word("ontology");
    Qualified();
    if (Chance(50)) {
      Word("version");
      Word(String());
    }
    Word(";");
    for (int i = Pick(3); i > 0; --i) {
      Word("import");
      Qualified();
      Word(";");
    }
    for (int i = Pick(6); i > 0; --i) Decl();
    return out_;
  }

 private:
  int Pick(int n) { return static_cast<int>(random_() % static_cast<unsigned>(n)); }
  bool Chance(int percent) { return Pick(100) < percent; }
  template <typename T>
  const T& One(const std::vector<T>& options) {
    return options[static_cast<std::size_t>(Pick(static_cast<int>(options.size())))];
  }

  void Space() {
    static const std::vector<std::string> kSpaces = {" ",
                                                     " ",
                                                     " ",
                                                     "\n",
                                                     "\n  ",
                                                     "\t",
                                                     "  ",
                                                     " // note\n",
                                                     " /* c */ ",
                                                     "\n/// doc line\n",
                                                     "\n/// doc\n/// more\n",
                                                     "/// trailing doc\n",
                                                     "\n\n/// after blank\n",
                                                     "\r\n",
                                                     "\n////not doc\n",
                                                     "\n///\n"};
    out_ += Chance(75) ? std::string(" ") : One(kSpaces);
  }
  void Word(const std::string& word) {
    out_ += word;
    Space();
  }

  std::string Ident() {
    static const std::vector<std::string> kIdents = {
        "a",        "b",         "x",        "video", "m",      "version", "none",
        "severity", "guideline", "escalate", "_y2",   "camera", "Z9"};
    return One(kIdents);
  }
  std::string AnyName() {
    static const std::vector<std::string> kWords = {
        "concept", "in", "not", "count", "item", "is", "label", "for", "true", "expect", "rule"};
    return Chance(60) ? Ident() : One(kWords);
  }
  void Qualified() {
    Word(Ident());
    for (int i = Chance(20) ? 1 + Pick(2) : 0; i > 0; --i) {
      Word(".");
      Word(Ident());
    }
  }
  std::string String() {
    static const std::vector<std::string> kStrings = {
        "\"a\"",    "\"\"", "\"x\\n\\t\\\"\\\\\"", "\"\xC3\xA9t\xC3\xA9\"", "\"bad \\q escape\"",
        "\"1.0.0\""};
    return One(kStrings);
  }
  std::string Template() {
    static const std::vector<std::string> kTemplates = {
        "\"plain\"",         "\"v {x.label} ok\"",
        "\"{x}{y}\"",        "\"{{literal}}\"",
        "\"{x in {a, b}}\"", "\"{a + }\"",
        "\"{ }\"",           "\"{count(y in m)} {-x.f * 2}\"",
        "\"{a /// d\n}\"",   "\"{\\\"s\\\"}\"",
        "\"{x b}\"",         "\"{x.}\"",
        "\"{not a and b}\"", "\"{f(1, 2s)}\"",
        "\"unclosed {x\"",   "\"{x is a.b}\""};
    return One(kTemplates);
  }
  std::string Number() {
    static const std::vector<std::string> kNumbers = {"0",    "12",  "1.5",  "250ms",
                                                      "2min", "1h",  "1.5s", "99999999999999999999",
                                                      "0.25", "007", "3"};
    return One(kNumbers);
  }

  void Expr(int depth) {
    int choice = depth > 3 ? Pick(3) : Pick(16);
    switch (choice) {
      case 0:
        Word(Number());
        break;
      case 1:
        Word(Ident());
        break;
      case 2:
        Word(Chance(50) ? String() : (Chance(50) ? "true" : "false"));
        break;
      case 3:
        Word(Ident());
        Word("(");
        for (int i = Pick(3); i > 0; --i) {
          Expr(depth + 1);
          if (i > 1) Word(",");
        }
        Word(")");
        break;
      case 4:
        Word("(");
        Expr(depth + 1);
        Word(")");
        break;
      case 5:
        Word("[");
        for (int i = Pick(3); i > 0; --i) {
          Expr(depth + 1);
          if (i > 1) Word(",");
        }
        Word("]");
        break;
      case 6:
        Word("exists");
        Binding();
        if (Chance(60)) {
          Word("where");
          Expr(depth + 1);
        }
        break;
      case 7:
        Word("count");
        Word("(");
        Binding();
        if (Chance(60)) {
          Word("where");
          Expr(depth + 1);
        }
        Word(")");
        break;
      case 8:
        Word(Chance(50) ? "-" : "not");
        Expr(depth + 1);
        break;
      case 9:
      case 10:
      case 11: {
        static const std::vector<std::string> kOps = {
            "*", "/", "+", "-", "==", "!=", "<", "<=", ">", ">=", "and", "or"};
        Expr(depth + 1);
        Word(One(kOps));
        Expr(depth + 1);
        break;
      }
      case 12:
        Expr(depth + 1);
        Word(".");
        Word(AnyName());
        break;
      case 13:
        Expr(depth + 1);
        Word("in");
        Word("{");
        for (int i = 1 + Pick(3); i > 0; --i) {
          Expr(depth + 1);
          if (i > 1) Word(",");
        }
        Word("}");
        break;
      case 14:
        Expr(depth + 1);
        Word("is");
        Qualified();
        break;
      default:
        Word(Ident());
        Word(".");
        Word(Ident());
        break;
    }
  }

  void Binding() {
    Word(Ident());
    if (Chance(50)) {
      Word(":");
      Qualified();
    }
    Word("in");
    Word(Ident());
  }

  void Bound() {
    if (Chance(30)) Word("-");
    Word(Chance(50) ? "1" : (Chance(50) ? "0.5" : "99999999999999999999"));
  }

  void Decl() {
    switch (Pick(7)) {
      case 0:
        Word("modality");
        Word(Ident());
        Word("{");
        for (int i = Pick(3); i > 0; --i) {
          Word(Ident());
          Word(":");
          Word(Ident());
          if (Chance(40)) {
            Word(",");
            Word(Ident());
          }
          Word(";");
        }
        Word("}");
        break;
      case 1:
        Word("enum");
        Word(Ident());
        Word("{");
        Word(Ident());
        for (int i = Pick(3); i > 0; --i) {
          Word(",");
          Word(Ident());
        }
        if (Chance(30)) Word(",");
        Word("}");
        break;
      case 2:
      case 3:
        Word("concept");
        Word(Ident());
        if (Chance(60)) {
          Word(":");
          Qualified();
          if (Chance(30)) {
            Word(",");
            Qualified();
          }
        }
        if (Chance(60)) {
          Word("in");
          for (int i = 1 + Pick(2); i > 0; --i) {
            Qualified();
            if (Chance(50)) {
              Word("as");
              Word(String());
            }
            if (i > 1) Word(",");
          }
        }
        if (Chance(40)) {
          Word(";");
          break;
        }
        Word("{");
        for (int i = Pick(4); i > 0; --i) {
          Word(Ident());
          if (Chance(70)) {
            Word(":");
            Qualified();
            if (Chance(40)) {
              Word("[");
              Bound();
              Word("..");
              Bound();
              Word("]");
            }
            if (Chance(40)) {
              Word("=");
              Expr(2);
            }
          } else {
            Word("=");
            Expr(2);
          }
          Word(";");
        }
        Word("}");
        break;
      case 4:
        Word("disjoint");
        Qualified();
        for (int i = 1 + Pick(2); i > 0; --i) {
          Word(",");
          Qualified();
        }
        Word(";");
        break;
      case 5: {
        Word("rule");
        Word(Ident());
        for (int i = Pick(3); i > 0; --i) {
          switch (Pick(3)) {
            case 0:
              Word("severity");
              Word(Ident());
              break;
            case 1:
              Word("guideline");
              Word(String());
              break;
            default:
              Word("escalate");
              Word(String());
              break;
          }
        }
        Word("{");
        Word("for");
        Binding();
        for (int i = Pick(2); i > 0; --i) {
          Word(",");
          Binding();
        }
        for (const char* clause : {"where", "require", "unless"}) {
          if (Chance(50)) {
            Word(clause);
            Expr(0);
          }
        }
        if (Chance(60)) {
          Word("report");
          Word(Template());
        }
        Word(";");
        Word("}");
        break;
      }
      default:
        Word("test");
        Word(Ident());
        Word("{");
        for (int i = Pick(4); i > 0; --i) {
          if (Chance(50)) {
            Word("item");
            Word(Chance(70) ? Ident() : String());
            Word("{");
            for (int j = Pick(3); j > 0; --j) {
              Word(Ident());
              Word(Chance(70) ? Ident() : String());
              Word(String());
              if (Chance(50)) {
                if (Chance(30)) Word("-");
                Word(Number());
                Word("..");
                Word(Number());
              }
              if (Chance(50)) {
                Word("{");
                for (int k = Pick(3); k > 0; --k) {
                  Word(AnyName());
                  Word(":");
                  Expr(2);
                  if (k > 1 || Chance(30)) Word(",");
                }
                Word("}");
              }
              Word(";");
            }
            Word("}");
          } else {
            Word("expect");
            switch (Pick(3)) {
              case 0:
                Word("none");
                Word(";");
                break;
              case 1:
                Word("disjoint");
                Word("(");
                Word(Ident());
                Word(",");
                Word(String());
                Word(")");
                Word(";");
                break;
              default:
                Qualified();
                Word("(");
                Word(Ident());
                Word(")");
                Word(";");
                break;
            }
          }
        }
        Word("}");
        break;
    }
  }

  std::mt19937& random_;
  std::string out_;
};

/// `text` with one random edit: a character dropped, doubled or replaced.
std::string Mutate(const std::string& text, std::mt19937& random) {
  if (text.empty()) return text;
  static const std::vector<std::string> kInserts = {";",  "{",  "}",     "(",    ")",   ",",
                                                    ".",  "-",  "not",   " in ", "@",   "\"",
                                                    "/*", "..", " and ", "0",    " x ", "\n"};
  std::string out = text;
  std::size_t at = random() % out.size();
  // Stay on a character boundary so the mutant remains well-formed UTF-8.
  while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
  switch (random() % 3) {
    case 0: {
      std::size_t end = at + 1;
      while (end < out.size() && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) ++end;
      out.erase(at, end - at);
      break;
    }
    case 1:
      out.insert(at, kInserts[random() % kInserts.size()]);
      break;
    default:
      out.insert(at, out.substr(at, 1 + random() % 8));
      break;
  }
  return out;
}

}  // namespace

TEST_CASE(
    "fast path = ANTLR parse on the LANGUAGE.md examples and every .accord file of the "
    "repository") {
  namespace ex = accord::test::examples;
  std::vector<std::string> inputs = {ex::kHeader,   ex::kModalities, ex::kConcepts,
                                     ex::kToneRule, ex::kMoreRules,  ex::kTests};
  for (const char* dir : {"/tests", "/ontologies", "/bench/rules", "/docs"}) {
    std::filesystem::path root =
        std::filesystem::path(ACCORD_SOURCE_DIR) / std::string(dir).substr(1);
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.path().extension() == ".accord") inputs.push_back(ReadAll(entry.path()));
    }
  }
  CHECK(inputs.size() > 100);
  int accepted = 0;
  for (const std::string& input : inputs) {
    CAPTURE(input.substr(0, 300));
    if (Compare(input).fast_accepted) ++accepted;
  }
  // Most of them are well-formed and take the fast path.
  CHECK(accepted > 50);
}

TEST_CASE("fast path = ANTLR parse at the edges: precedence, docs, holes, limits") {
  const char* const kCases[] = {
      "ontology t;\nrule r { for x in m where - a.b * c - d == not e and f or g is h.i.j; }",
      "ontology t;\nrule r { for x in m where a == not b == c and not d; }",
      "ontology t;\nrule r { for x in m where exists y in m where p and q or r; }",
      "ontology t;\nrule r { for x in m where x is a.b.concept; }",
      "ontology t;\nrule r { for x in m where (a).b + ((c)) * -(-d); }",
      "ontology t;\nrule r { for x: a.b in m, y in n where x.f in {1, 2s, \"s\", [1, [2]]} report "
      "\"{x.f} {{}}\"; }",
      "ontology t;\nconcept a in m { v: int[-1..2]; w: float[0.5..-0] = -0; f = x.y; }",
      "ontology t; /// not attached\nconcept a;\n/// one\n\n/// two\n/// three\nconcept b; /// "
      "x\nconcept c;",
      "ontology t;\nconcept a { /// attr doc\n  v: int; x: int; /// trailing\n  /// y doc\n  y: "
      "int; }",
      "ontology t;\ntest u { item \"i 1\" { m r \"l\" -1s..2 { concept: 1, in: x, }; m r2 \"l\"; } "
      "expect none; "
      "expect none(a); expect disjoint(a, \"b\"); expect a.b(c); }",
      "\xEF\xBB\xBFontology t version \"1\";\nimport a.b;\nimport c;\nenum E { a, b, }\nmodality m "
      "{ extent: time, box; }",
      "ontology version version \"v\";",
      "ontology t;\nrule r severity warning guideline \"g\" escalate \"e\" { for x in m; }",
      "ontology t;\nrule r severity a severity b { for x in m; }",
      "ontology t;\nrule r guideline \"g\" guideline \"h\" { for x in m; }",
      "ontology t;\nrule r { for x in m report \"{x.}\"; }",
      "ontology t;\nrule r { for x in m where f(1) + g() - count(y in m where y.f) > 2; }",
      "ontology t;\nconcept a { v: int = 99999999999999999999; }",
      "ontology t;\nconcept a { v: string = \"\\q\"; }",
      "ontology t;\nrule r { for x in m where a; where b; }",
      "ontology t;",
      "",
      "// only a comment",
      "concept a;",
      "ontology t;\nconcept a @",
      "ontology t;\nconcept a \"unterminated",
      "ontology t;\n/* unterminated",
  };
  for (const char* text : kCases) {
    CAPTURE(text);
    Compare(text);
  }
  // Expression depth and nesting limits, at and past the edge.
  ParseOptions tight;
  tight.max_depth = 4;
  tight.max_expr_depth = 5;
  for (const char* text : {"ontology t;\nrule r { for x in m where ((((a)))); }",
                           "ontology t;\nrule r { for x in m where (((((a))))); }",
                           "ontology t;\nrule r { for x in m where not not not - a; }",
                           "ontology t;\nrule r { for x in m where not not not not - a; }",
                           "ontology t;\nrule r { for x in m where a and b and c and d; }",
                           "ontology t;\nrule r { for x in m where a and b and c and d and e; }",
                           "ontology t;\nrule r { for x in m where a.b.c.d; }",
                           "ontology t;\nrule r { for x in m where a.b.c.d.e; }",
                           "ontology t;\nrule r { for x in m report \"{a.b.c.d.e}\"; }",
                           "ontology t;\nrule r { for x in m report \"{((((a))))}\"; }"}) {
    CAPTURE(text);
    Compare(text, tight);
  }
}

TEST_CASE("fast path = ANTLR parse on generated and mutated programs") {
  std::mt19937 random(20241125);
  Generator generator(random);
  int accepted = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string program = generator.Module();
    CAPTURE(program);
    if (Compare(program).fast_accepted) ++accepted;
    for (int m = 0; m < 3; ++m) {
      std::string mutant = Mutate(program, random);
      CAPTURE(mutant);
      Compare(mutant);
    }
  }
  CHECK(accepted > 100);  // the generator writes well-formed programs often enough to matter
}
