#include "accord/compiler/base/codes.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace accord {
namespace {

constexpr std::array kCodes = {
    // ---------------------------------------------------------------- lexical and syntax
    CodeInfo{"E0001", "syntax error",
             "The parser met a token it did not expect at this point. The message names what\n"
             "it found and what it expected instead.\n\n"
             "    rule r { for x: a in video report \"x\" }   // missing `;` after the report\n\n"
             "Fix: add or remove the token the message points at. After 20 syntax errors in one\n"
             "file the parser stops, since later errors are usually consequences of earlier ones."},
    CodeInfo{"E0002", "nesting too deep",
             "Expressions may nest brackets and prefix operators (`not`, `-`) at most 256 levels\n"
             "deep. Deeper input is rejected before parsing so that it cannot exhaust the stack.\n\n"
             "Fix: split the condition into several rules, or remove redundant parentheses."},
    CodeInfo{"E0003", "invalid UTF-8",
             "Accord source files must be UTF-8. The byte at the reported position does not start\n"
             "or continue a valid UTF-8 sequence (binary files and Latin-1 text cause this).\n\n"
             "Fix: re-encode the file as UTF-8, or check that the path names a source file."},
    CodeInfo{"E0004", "unterminated string",
             "A string literal starts with `\"` but the line ends before the closing quote.\n"
             "Strings cannot span lines; write `\\n` for a line break.\n\n"
             "    guideline \"Affect playbook 4.2;      // missing closing quote"},
    CodeInfo{"E0005", "unterminated block comment",
             "A `/*` comment is never closed with `*/` before the end of the file, so the rest of\n"
             "the file would be commented out. Block comments do not nest.\n\n"
             "    /* disabled until the new guidelines are out\n"
             "    rule colour_agrees { ... }\n\n"
             "Fix: close the comment with `*/`, or use `//` on each line."},
    CodeInfo{"E0006", "unexpected character",
             "The character cannot start any token of the language. Identifiers are ASCII\n"
             "letters, digits and `_`; non-ASCII text belongs in strings and comments."},
    CodeInfo{"E0007", "invalid escape in string",
             "Strings accept the escapes `\\\"`, `\\\\`, `\\n` and `\\t`. Any other backslash\n"
             "sequence is an error, so that a typo does not silently change a label.\n"
             "In report templates `{{` and `}}` write literal braces."},
    CodeInfo{"E0008", "number out of range",
             "An integer literal does not fit in 64 bits (the largest is 9223372036854775807),\n"
             "or a float or duration is too large to be finite.\n\n"
             "    intensity: int[1..5] = 99999999999999999999;\n\n"
             "Fix: use a smaller number; a value this large is usually a typo."},
    // ---------------------------------------------------------------- files and modules
    CodeInfo{"E0101", "cannot read file",
             "The file given on the command line, or found for an import, could not be read\n"
             "(missing, a directory, or no permission)."},
    CodeInfo{"E0102", "import not found",
             "`import core;` looks for `core.accord`, then `core.yaml` (and `core.yml`), first\n"
             "beside the importing file, then in each `-I` directory, then in each directory of\n"
             "the `ACCORD_PATH` environment variable (separated by `:`). `import a.b;` looks\n"
             "for `a/b.accord` the same way.\n\n"
             "Fix: correct the module name, or pass `-I DIR` for the folder that holds it."},
    CodeInfo{"E0103", "import cycle",
             "Modules import each other in a cycle, e.g. `a` imports `b` and `b` imports `a`.\n"
             "The message prints the cycle. Fix: move the shared declarations into a third\n"
             "module that both import."},
    CodeInfo{"E0104", "ambiguous name",
             "Two imported modules both declare this name, so the unqualified use is ambiguous.\n"
             "Fix: write the qualified form `module.Name` that the help line suggests."},
    CodeInfo{"E0105", "duplicate declaration",
             "Two declarations of one module share a name. Modalities, enums, concepts, rules\n"
             "and tests share one namespace per module."},
    CodeInfo{"E0106", "invalid YAML",
             "A YAML ontology file is not well-formed YAML. The position is where yaml-cpp\n"
             "stopped reading."},
    CodeInfo{"E0107", "YAML ontology does not follow the format",
             "The YAML is well-formed but a key or value does not fit the ontology format\n"
             "(see docs/yaml-ontologies.md): an unknown key, a list where a map is expected,\n"
             "a missing `ontology` name."},
    CodeInfo{"E0108", "missing module header",
             "Every `.accord` file begins with `ontology NAME version \"V\";` (the version is\n"
             "optional). The name identifies the ontology in bundles and findings."},
    // ---------------------------------------------------------------- ontology
    CodeInfo{"E0201", "unknown concept",
             "The name does not refer to a concept declared in this module or one it imports.\n"
             "The help line suggests the closest declared name.\n\n"
             "    concept affect in video;\n"
             "    concept hostile : affct in video;   // did you mean `affect`?\n\n"
             "Fix: correct the spelling, or import the module that declares the concept (imports\n"
             "are not transitive: a module sees only the modules it imports itself)."},
    CodeInfo{"E0202", "unknown modality",
             "The name does not refer to a declared modality. Modalities are declared with\n"
             "`modality video { extent: time; }`, usually in a shared core module."},
    CodeInfo{"E0203", "unknown type",
             "Attribute types are `bool`, `int`, `float`, `string`, `duration`, a declared enum,\n"
             "`int[lo..hi]` or `float[lo..hi]`."},
    CodeInfo{"E0204", "unknown enum value",
             "The value is not a member of the enum the context expects.\n\n"
             "    enum Valence { negative, neutral, positive }\n"
             "    concept hostile : affect { valence = negativ; }   // did you mean `negative`?"},
    CodeInfo{"E0205", "unknown modality property or extent",
             "A modality body accepts `extent: KIND, ...;` where each KIND is one of `time`,\n"
             "`chars`, `box`, `box3d`, `geo`."},
    CodeInfo{"E0206", "concept hierarchy cycle",
             "Concepts' parents form a cycle; the hierarchy must be a directed acyclic graph.\n"
             "The message prints the cycle, e.g. `a -> b -> a`."},
    CodeInfo{"E0207", "label collision",
             "Two concepts use the same label string in one modality, so a record with that\n"
             "label could not be mapped to one concept. Give one of them another label with\n"
             "`in video as \"...\"`."},
    CodeInfo{"E0208", "concept under two disjoint members",
             "A `disjoint A, B;` set says no record is both an A and a B, yet this concept is\n"
             "below both (directly or through its ancestors). Remove one parent or the set."},
    CodeInfo{"E0209", "invalid disjoint set",
             "A disjoint set names the same concept twice, or one member is an ancestor of\n"
             "another, which makes the set contradict the hierarchy."},
    CodeInfo{"E0210", "attribute conflicts with an inherited attribute",
             "The concept declares an attribute that an ancestor already declares with a\n"
             "different type. Declare it once, on the common ancestor."},
    CodeInfo{"E0211", "duplicate member",
             "An enum value, attribute, fixed value or modality appears twice in one\n"
             "declaration."},
    CodeInfo{"E0212", "unknown attribute",
             "The concept (with its ancestors) declares no attribute of this name. A fixed\n"
             "value `name = value;` needs `name` declared on the concept or an ancestor.\n\n"
             "    concept affect in video { intensity: int[1..5]; }\n"
             "    concept furious : affect { intensty = 5; }   // did you mean `intensity`?"},
    CodeInfo{"E0213", "value has the wrong type",
             "A default, fixed value or test record field does not match the attribute's type:\n"
             "`intensity: int = \"high\";` or `valence = 3;` for an enum attribute."},
    CodeInfo{"E0214", "value out of range",
             "A value lies outside the declared range of an `int[lo..hi]` or `float[lo..hi]`\n"
             "attribute."},
    CodeInfo{"E0215", "invalid range",
             "A range type has its lower bound above its upper bound, a fractional bound on\n"
             "`int`, or a range on a type other than `int` and `float`."},
    CodeInfo{"E0216", "too many modalities",
             "A compilation (a root file with everything it imports) may declare at most 64\n"
             "modalities; records carry their modality as a bit in a 64-bit set.\n\n"
             "Fix: merge modalities whose records carry the same kind of extent, or split the\n"
             "ontology so that each compilation needs fewer of them."},
    CodeInfo{"E0217", "attribute name is a record field",
             "Attributes may not be called like a record field (`id item modality label concept\n"
             "annotator source confidence track start end duration`): `x.label` would be\n"
             "ambiguous. Rename the attribute."},
    // ---------------------------------------------------------------- rules
    CodeInfo{"E0301", "unknown name",
             "The identifier is neither a binding of the rule, a quantifier variable in scope,\n"
             "nor an enum value the context allows."},
    CodeInfo{"E0302", "unknown field",
             "Records have the fields `id item modality label concept annotator source\n"
             "confidence track start end duration`; other names after `x.` are attributes\n"
             "of the binding's concept. A binding `x in m` without a concept has no attributes."},
    CodeInfo{"E0303", "concept never annotated in this modality",
             "`for x: C in m` binds records of modality m whose concept is C or below it, but\n"
             "neither C nor any concept below it has a label in m, so the binding could never\n"
             "match. Add m to C's `in` clause, or bind another modality."},
    CodeInfo{"E0304", "modality lacks the extent the predicate needs",
             "Temporal predicates (`overlaps`, `overlap`, `before`, `after`, `meets`, `during`,\n"
             "`contains`, `near`) need `time` on both sides; `iou` needs `box` or `time` on\n"
             "both; `distance` needs `geo` or `box3d` on both. `overlaps(i, v)` between an\n"
             "`image` (box) and a `video` (time) has no common time."},
    CodeInfo{"E0305", "type mismatch",
             "The operands cannot be compared or combined: a `Valence` with a string, an `int`\n"
             "with an enum, a number with a string. Durations and numbers mix (both are\n"
             "seconds)."},
    CodeInfo{"E0306", "condition is not boolean",
             "`where`, `require`, `unless`, the `where` of a quantifier and the operands of\n"
             "`and`, `or`, `not` must be boolean."},
    CodeInfo{"E0307", "unknown function",
             "Functions are `overlaps overlap before after meets during contains near iou\n"
             "distance has`."},
    CodeInfo{"E0308", "wrong arguments",
             "The function was called with the wrong number or kind of arguments; predicates\n"
             "over extents take bindings, `has` takes a field or attribute, `near` takes a\n"
             "duration tolerance as its third argument."},
    CodeInfo{"E0309", "duplicate binding",
             "Two bindings of one rule (or a quantifier and an enclosing binding) use the same\n"
             "variable name."},
    CodeInfo{"E0310", "invalid report template",
             "A `{` in a report template is not closed, a `}` is not opened, or the text\n"
             "between braces is not an expression. Write `{{` and `}}` for literal braces."},
    CodeInfo{"E0311", "invalid rule property",
             "Severity is `error`, `warning` or `info`; `severity`, `guideline` and `escalate`\n"
             "may each appear once."},
    CodeInfo{"E0312", "list outside a test record",
             "List literals `[...]` are only meaningful as values of `box`, `box3d`, `geo` and\n"
             "`span` in test records."},
    CodeInfo{"E0313", "`has` needs a field or attribute",
             "`has(x.f)` tests whether record x carries field or attribute f; its argument must\n"
             "be of the form `binding.name`."},
    // ---------------------------------------------------------------- tests
    CodeInfo{"E0401", "label not valid in this modality",
             "A test record's label is not the label of any concept in its modality. Records\n"
             "in tests must use labels the ontology declares."},
    CodeInfo{"E0402", "expectation names an unknown rule",
             "`expect R(ids);` must name a rule visible from the test, or a built-in finding:\n"
             "`unknown_label`, `unknown_modality`, `bad_attribute`, `missing_extent`, `disjoint`."},
    CodeInfo{"E0403", "expectation names an unknown record",
             "Every id in `expect R(ids);` must be a record declared in the test, in any of its\n"
             "items.\n\n"
             "    item clip1 { video v1 \"aggressive\" 0s..5s; audio a1 \"neutral\" 1s..4s; }\n"
             "    expect tone_mismatch(v1, a2);   // did you mean `a1`?"},
    CodeInfo{"E0404", "duplicate record id",
             "Record ids are unique within a test, across all of its items, so that every\n"
             "`expect R(ids);` names its records unambiguously.\n\n"
             "Fix: rename one of the records, e.g. `v1` and `v2`."},
    CodeInfo{"E0405", "invalid record field",
             "A test record field is neither a record field (`track annotator source confidence\n"
             "box box3d geo span`) nor an attribute of the record's concept, or its value has\n"
             "the wrong shape (`box` takes 4 numbers, `box3d` 7, `geo` 2, `span` 2)."},
    CodeInfo{"E0406", "invalid time range",
             "A test record's end lies before its start: `5s..2s`. Ranges are written\n"
             "`START..END`, and a record may be an instant (`3.2s..3.2s`).\n\n"
             "Fix: swap the two times."},
    // ---------------------------------------------------------------- warnings
    CodeInfo{"W0001", "unused enum",
             "No attribute has this enum as its type and no expression names it, in any file\n"
             "of the `accord check` run.\n\n"
             "Fix: use it as the type of an attribute (`valence: Valence;`), or remove it."},
    CodeInfo{"W0002", "unused concept",
             "The concept has no label in any modality (so data can never carry it), has no\n"
             "concepts below it, and no rule, test or disjoint set mentions it."},
    CodeInfo{"W0003", "concept annotatable in no modality",
             "The concept is referenced, but neither it nor any concept below it has a label in\n"
             "any modality, so no record can ever be under it and rules over it never bind.\n"
             "Add an `in` clause to it or to a concept below it."},
    CodeInfo{"W0004", "rule can never fire",
             "Every binding tuple fails the rule's conditions for a reason known at compile time,\n"
             "e.g. the rule requires one record to be under two disjoint concepts\n"
             "(`x is hostile and x is calm`), or under a concept never annotated in its modality."},
    CodeInfo{"W0005", "`or` inside a quantifier's condition",
             "The `where` of `exists` extends as far right as it can, so in\n\n"
             "    unless exists s: sarcasm in text where overlaps(s, v)\n"
             "        or exists t: sarcasm in audio where overlaps(t, a)\n\n"
             "the second `exists` is part of the first one's condition, and sarcasm marked\n"
             "only in audio never excuses the conflict. Parenthesize to say which is meant:\n"
             "`(exists s ... where A) or B` ends the first quantifier; `exists s ... where\n"
             "(A or B)` keeps both alternatives inside it and silences the warning."},
};

}  // namespace

std::span<const CodeInfo> AllCodes() { return kCodes; }

const CodeInfo* FindCode(std::string_view code) {
  auto upper = [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); };
  for (const CodeInfo& info : kCodes) {
    if (info.code.size() == code.size() &&
        std::equal(code.begin(), code.end(), info.code.begin(),
                   [&](char a, char b) { return upper(a) == b; })) {
      return &info;
    }
  }
  return nullptr;
}

}  // namespace accord
