#!/usr/bin/env python3
"""Turn WordNet 3.0's noun hierarchy into one Accord ontology (compile benchmark input).

Reads Debian's wordnet-base files (data.noun and index.noun under
/usr/share/wordnet) and writes one module `ontology wordnet version "3.0";`
with one `concept` per noun synset (82,115 of them):

  /// <gloss>
  concept dog_02084071 : canine_02083346, domestic_animal_01317541 in image as "dog.n.01";

- name: first lemma of the synset, every character outside [A-Za-z0-9_]
  made `_`, plus `_` and the 8-digit synset offset (unique by construction,
  never a keyword because of the suffix);
- parents: the synset's hypernyms (`@`) and instance hypernyms (`@i`), so
  the hierarchy is a DAG with one root, `entity`;
- label in `image`: `<lemma>.n.<NN>` as NLTK names synsets (lower-cased
  first lemma, sense number from index.noun), unique per modality by
  construction and checked;
- doc comment: the gloss, on one line.

Attributes: `entity` declares `visibility: int[0..4] = 4;` and
`occluded: bool = false;`, `organism` declares `alive`, `animal` declares
`legs`, `artifact` declares `material`; a few concepts lower down fix
values (`insect` -> legs 6, `boat` -> material "wood", ...), and
`visibility` is fixed on the 24 largest subtrees where that is unambiguous.
A fix is kept only if it cannot be ambiguous: no ancestor or descendant
fixes the same attribute, and no concept below it inherits two different
values (fixed or default) through two parents. WordNet's multiple
inheritance rules out many natural candidates (`bird`, `fish`,
`abstraction`); the script prints which fixes it kept and why others went.

Standard library only; output is deterministic (byte-identical across runs).

    python3 bench/wordnet_to_accord.py                      # bench/data/wordnet.accord
    python3 bench/wordnet_to_accord.py --yaml               # bench/data/wordnet.yaml
    python3 bench/wordnet_to_accord.py --self-check         # write, then re-read and verify
"""

import argparse
import json
import os
import re
import sys
from collections import OrderedDict

WORDNET_DIR = "/usr/share/wordnet"
BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ACCORD = os.path.join(BENCH_DIR, "data", "wordnet.accord")
DEFAULT_YAML = os.path.join(BENCH_DIR, "data", "wordnet.yaml")

KEYWORDS = frozenset(
    "ontology version import modality enum concept in as disjoint rule severity "
    "guideline escalate for where require unless report exists count is not and "
    "or true false test item expect none".split()
)
IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# Attribute declarations: (synset offset, first lemma for a sanity check,
# [(attribute, type, default or None)]). Each attribute name is declared once.
DECLARATIONS = [
    ("00001740", "entity", [("visibility", "int[0..4]", 4), ("occluded", "bool", False)]),
    ("00004475", "organism", [("alive", "bool", True)]),
    ("00015388", "animal", [("legs", "int[0..1000]", 4)]),
    ("00021939", "artifact", [("material", "string", None)]),
]

# Candidate fixed values, tried in this order; ambiguous ones are dropped.
FIX_CANDIDATES = [
    ("00002137", "abstraction", "visibility", 0),
    ("00023100", "psychological_feature", "visibility", 0),
    ("00024264", "attribute", "visibility", 0),
    ("00031921", "relation", "visibility", 0),
    ("00033615", "measure", "visibility", 0),
    ("15113229", "time_period", "visibility", 0),
    ("01326291", "microorganism", "visibility", 0),
    ("00019128", "natural_object", "visibility", 3),
    ("01503061", "bird", "legs", 2),
    ("02159955", "insect", "legs", 6),
    ("01769347", "arachnid", "legs", 8),
    ("02512053", "fish", "legs", 0),
    ("01726692", "snake", "legs", 0),
    ("01922303", "worm", "legs", 0),
    ("01905661", "invertebrate", "legs", 0),
    ("01627424", "amphibian", "legs", 4),
    ("00017222", "plant", "occluded", False),
    ("13104059", "tree", "alive", True),
    ("02858304", "boat", "material", "wood"),
    ("03309808", "fabric", "material", "cloth"),
    ("02913152", "building", "material", "stone"),
    ("03183080", "device", "material", "metal"),
    ("03791235", "motor_vehicle", "occluded", True),
]

AUTO_VISIBILITY_FIXES = 24

DEFAULT = object()  # marker: the attribute's default reaches this concept


class Synset:
    __slots__ = ("offset", "lemmas", "parents", "gloss", "name", "label")

    def __init__(self, offset, lemmas, parents, gloss):
        self.offset = offset
        self.lemmas = lemmas
        self.parents = parents
        self.gloss = gloss
        self.name = None
        self.label = None


# ----------------------------------------------------------------- reading


def read_data(path):
    """Parse data.noun: returns {offset: Synset} in file (offset) order."""
    synsets = OrderedDict()
    with open(path, "r", encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("  "):
                continue  # license header
            line = line.rstrip("\n")
            if not line.strip():
                continue
            data, _, gloss = line.partition(" | ")
            fields = data.split()
            try:
                offset = fields[0]
                if fields[2] != "n":
                    raise ValueError("ss_type %r is not n" % fields[2])
                w_cnt = int(fields[3], 16)
                pos = 4
                lemmas = []
                for _ in range(w_cnt):
                    lemmas.append(fields[pos])
                    pos += 2  # word, lex_id
                p_cnt = int(fields[pos])
                pos += 1
                parents = []
                for _ in range(p_cnt):
                    symbol, target, tpos = fields[pos], fields[pos + 1], fields[pos + 2]
                    pos += 4  # symbol, offset, pos, source/target
                    if symbol in ("@", "@i") and tpos == "n" and target not in parents:
                        parents.append(target)
            except (IndexError, ValueError) as e:
                raise SystemExit("%s:%d: cannot parse synset line: %s" % (path, lineno, e))
            synsets[offset] = Synset(offset, lemmas, parents, one_line(gloss))
    return synsets


def read_sense_numbers(path):
    """Parse index.noun: returns {(lemma, offset): sense number (1-based)}."""
    senses = {}
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            if len(fields) < 6:
                continue
            lemma = fields[0]
            synset_cnt = int(fields[2])
            p_cnt = int(fields[3])
            offsets = fields[4 + p_cnt + 2:]
            if len(offsets) != synset_cnt:
                raise SystemExit("%s: bad entry for %r" % (path, lemma))
            for i, off in enumerate(offsets):
                senses[(lemma, off)] = i + 1
    return senses


def one_line(text):
    text = text.replace("\r", " ").replace("\n", " ").strip()
    return re.sub(r"\s+", " ", text)


# ----------------------------------------------------------------- naming


def concept_name(lemma, offset):
    base = re.sub(r"[^A-Za-z0-9_]", "_", lemma)
    base = re.sub(r"_+", "_", base).strip("_")
    if not base:
        base = "synset"
    if base[0].isdigit():
        base = "n" + base
    name = "%s_%s" % (base, offset)
    assert IDENT_RE.match(name) and name not in KEYWORDS, name
    return name


def assign_names_and_labels(synsets, senses):
    names, labels = set(), set()
    fallback_labels = 0
    for s in synsets.values():
        s.name = concept_name(s.lemmas[0], s.offset)
        if s.name in names:
            raise SystemExit("duplicate concept name %s" % s.name)
        names.add(s.name)
        lemma = s.lemmas[0].lower()
        sense = senses.get((lemma, s.offset))
        label = "%s.n.%02d" % (lemma, sense) if sense else None
        if label is None or label in labels:
            # Not in index.noun under its first lemma, or a clash: fall back
            # to the offset, which is unique.
            fallback_labels += 1
            label = "%s.n.%s" % (lemma, s.offset)
        if label in labels:
            raise SystemExit("duplicate label %s" % label)
        labels.add(label)
        s.label = label
    return fallback_labels


# ----------------------------------------------------------------- hierarchy


def topo_order(synsets):
    """Offsets with every parent before its children; raises on a cycle or a dangling parent."""
    indeg = {}
    children = {o: [] for o in synsets}
    for o, s in synsets.items():
        indeg[o] = len(s.parents)
        for p in s.parents:
            if p not in synsets:
                raise SystemExit("synset %s names a missing parent %s" % (o, p))
            children[p].append(o)
    order = [o for o in synsets if indeg[o] == 0]
    i = 0
    while i < len(order):
        for c in children[order[i]]:
            indeg[c] -= 1
            if indeg[c] == 0:
                order.append(c)
        i += 1
    if len(order) != len(synsets):
        stuck = [o for o in synsets if indeg[o] > 0]
        raise SystemExit("cycle in the hypernym graph among %d synsets, e.g. %s" % (len(stuck), stuck[:5]))
    return order


def effective_values(synsets, order, declared_at, attr, fixes):
    """Per concept: the value of `attr` that reaches it, DEFAULT, absent (not in dict),
    or None when two parents disagree (ambiguous)."""
    eff = {}
    for o in order:
        if o == declared_at:
            eff[o] = fixes.get(o, DEFAULT)
            continue
        incoming = [eff[p] for p in synsets[o].parents if p in eff]
        if not incoming:
            continue
        if o in fixes:
            eff[o] = fixes[o]
            continue
        first = incoming[0]
        eff[o] = first if all(v is first or v == first for v in incoming[1:]) and first is not None else None
    return eff


def values_with_fix(synsets, children, position, eff, off, value):
    """Effective values after also fixing `value` at `off`: only off's
    descendants change, so only they are recomputed. Returns the changed
    entries (an overlay on eff) and the concepts that became ambiguous."""
    below, stack = {off}, [off]
    while stack:
        for c in children[stack.pop()]:
            if c not in below:
                below.add(c)
                stack.append(c)
    changed, bad = {}, []
    for o in sorted(below, key=position.__getitem__):
        if o == off:
            changed[o] = value
            continue
        incoming = [changed[p] if p in changed else eff[p] for p in synsets[o].parents if p in changed or p in eff]
        first = incoming[0]
        if first is not None and all(v is first or v == first for v in incoming[1:]):
            changed[o] = first
        else:
            changed[o] = None
            bad.append(o)
    return changed, bad


def choose_fixes(synsets, order, log):
    """Apply FIX_CANDIDATES greedily, keeping only unambiguous ones. Returns {offset: {attr: value}}."""
    declared = {}  # attr -> offset where declared
    for off, lemma, attrs in DECLARATIONS:
        check_anchor(synsets, off, lemma)
        for a, _, _ in attrs:
            declared[a] = off
    ancestors_cache = {}
    children = {o: [] for o in synsets}
    for o in order:
        for p in synsets[o].parents:
            children[p].append(o)
    position = {o: i for i, o in enumerate(order)}
    eff_by_attr = {}  # attr -> effective values under the fixes kept so far

    def ancestors(o):
        if o not in ancestors_cache:
            acc = set()
            stack = list(synsets[o].parents)
            while stack:
                p = stack.pop()
                if p not in acc:
                    acc.add(p)
                    stack.extend(synsets[p].parents)
            ancestors_cache[o] = acc
        return ancestors_cache[o]

    kept = {}  # attr -> {offset: value}
    for off, lemma, attr, value in FIX_CANDIDATES:
        if off not in synsets or synsets[off].lemmas[0] != lemma:
            log("  fix %s = %r on %s: synset %s not found, skipped" % (attr, value, lemma, off))
            continue
        decl = declared[attr]
        if decl not in ancestors(off):
            log("  fix %s = %r on %s: attribute not inherited there, skipped" % (attr, value, lemma))
            continue
        current = kept.setdefault(attr, {})
        if any(a in current for a in ancestors(off)) or any(off in ancestors(k) for k in current):
            log("  fix %s = %r on %s: an ancestor or descendant already fixes it, skipped" % (attr, value, lemma))
            continue
        if attr not in eff_by_attr:
            eff_by_attr[attr] = effective_values(synsets, order, decl, attr, current)
        changed, bad = values_with_fix(synsets, children, position, eff_by_attr[attr], off, value)
        if bad:
            log("  fix %s = %r on %s: %d concepts below would inherit two values (e.g. %s), skipped"
                % (attr, value, lemma, len(bad), synsets[bad[0]].name))
            continue
        current[off] = value
        eff_by_attr[attr].update(changed)
        log("  fix %s = %r on %s (%s)" % (attr, value, lemma, synsets[off].name))
    # Then exercise inheritance at scale: fix `visibility` on the largest
    # subtrees where that is unambiguous (nested in no other fix).
    auto = 0
    current = kept.setdefault("visibility", {})
    for off in clean_subtrees(synsets, order):
        if auto == AUTO_VISIBILITY_FIXES:
            break
        if off == declared["visibility"]:
            continue
        if any(a in current for a in ancestors(off)) or any(off in ancestors(k) for k in current):
            continue
        value = auto % 4
        if "visibility" not in eff_by_attr:
            eff_by_attr["visibility"] = effective_values(synsets, order, declared["visibility"], "visibility", current)
        changed, bad = values_with_fix(synsets, children, position, eff_by_attr["visibility"], off, value)
        if bad:
            continue
        current[off] = value
        eff_by_attr["visibility"].update(changed)
        auto += 1
        log("  fix visibility = %d on %s (largest unambiguous subtrees, #%d)" % (value, synsets[off].name, auto))
    for attr, m in kept.items():  # a full recomputation, as a guard on the incremental one
        if any(v is None for v in effective_values(synsets, order, declared[attr], attr, m).values()):
            raise SystemExit("internal error: ambiguous fixed values for %s" % attr)
    by_concept = {}
    for attr, m in kept.items():
        for off, value in m.items():
            by_concept.setdefault(off, OrderedDict())[attr] = value
    return by_concept


def clean_subtrees(synsets, order):
    """Synsets all of whose descendants are reachable from the root only through
    them, largest subtree first (ties by offset). Uses the dominator tree of
    the DAG: n qualifies when no edge leaves n's dominator subtree."""
    idom, depth = {}, {}

    def lca(a, b):
        while a != b:
            if depth[a] < depth[b]:
                a, b = b, a
            a = idom[a]
        return a

    for o in order:
        ps = synsets[o].parents
        if not ps:
            idom[o], depth[o] = None, 0
            continue
        x = ps[0]
        for p in ps[1:]:
            x = lca(x, p)
        idom[o], depth[o] = x, depth[x] + 1
    leaky = set()
    for d in order:
        for p in synsets[d].parents:
            x = p
            while x is not None and x != idom[d]:
                leaky.add(x)
                x = idom[x]
    size = dict.fromkeys(order, 1)
    for o in reversed(order):
        if idom[o] is not None:
            size[idom[o]] += size[o]
    clean = [o for o in order if o not in leaky]
    clean.sort(key=lambda o: (-size[o], o))
    return clean


def check_anchor(synsets, off, lemma):
    if off not in synsets or synsets[off].lemmas[0] != lemma:
        raise SystemExit("expected synset %s to be %r" % (off, lemma))


def stats(synsets, order):
    edges = sum(len(s.parents) for s in synsets.values())
    multi = sum(1 for s in synsets.values() if len(s.parents) > 1)
    roots = [o for o in synsets if not synsets[o].parents]
    longest, shortest = {}, {}
    for o in order:
        ps = synsets[o].parents
        longest[o] = 1 + max((longest[p] for p in ps), default=-1)
        shortest[o] = 1 + min((shortest[p] for p in ps), default=-1)
    forward = 0
    seen = set()
    for o in synsets:  # file order
        forward += sum(1 for p in synsets[o].parents if p not in seen)
        seen.add(o)
    return OrderedDict([
        ("concepts", len(synsets)),
        ("parent edges", edges),
        ("multi-parent concepts", multi),
        ("roots", len(roots)),
        ("max depth (longest path from root)", max(longest.values())),
        ("max depth (shortest path from root)", max(shortest.values())),
        ("forward parent references in file order", forward),
    ])


# ----------------------------------------------------------------- writing


def accord_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def accord_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return accord_string(v)
    return str(v)


def write_accord(out, synsets, decls, fixes):
    out.write("// Generated by bench/wordnet_to_accord.py from WordNet 3.0 (data.noun, index.noun).\n")
    out.write("// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    out.write('ontology wordnet version "3.0";\n\n')
    out.write("modality image { extent: box; }\n\n")
    for s in synsets.values():
        if s.gloss:
            out.write("/// %s\n" % s.gloss)
        out.write("concept %s" % s.name)
        if s.parents:
            out.write(" : " + ", ".join(synsets[p].name for p in s.parents))
        out.write(" in image as %s" % accord_string(s.label))
        members = []
        for a, t, d in decls.get(s.offset, []):
            members.append("%s: %s%s;" % (a, t, "" if d is None else " = " + accord_value(d)))
        for a, v in fixes.get(s.offset, {}).items():
            members.append("%s = %s;" % (a, accord_value(v)))
        if members:
            out.write(" {\n" + "".join("  %s\n" % m for m in members) + "}\n")
        else:
            out.write(";\n")


def yaml_string(s):
    return json.dumps(s, ensure_ascii=True)  # a JSON string is a YAML double-quoted scalar


def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return yaml_string(v)
    return str(v)


def write_yaml(out, synsets, decls, fixes):
    out.write("# Generated by bench/wordnet_to_accord.py --yaml from WordNet 3.0 (data.noun, index.noun).\n")
    out.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    out.write("ontology: wordnet\n")
    out.write('version: "3.0"\n')
    out.write("modalities:\n  image:\n    extent: [box]\n")
    out.write("concepts:\n")
    for s in synsets.values():
        out.write("  %s:\n" % s.name)
        if s.gloss:
            out.write("    doc: %s\n" % yaml_string(s.gloss))
        if s.parents:
            out.write("    parents: [%s]\n" % ", ".join(synsets[p].name for p in s.parents))
        out.write("    in: {image: %s}\n" % yaml_string(s.label))
        if s.offset in decls:
            out.write("    attributes:\n")
            for a, t, d in decls[s.offset]:
                body = "type: %s" % yaml_string(t)
                if d is not None:
                    body += ", default: %s" % yaml_value(d)
                out.write("      %s: {%s}\n" % (a, body))
        if s.offset in fixes:
            out.write("    fixed: {%s}\n" % ", ".join("%s: %s" % (a, yaml_value(v)) for a, v in fixes[s.offset].items()))


# ----------------------------------------------------------------- self-check


CONCEPT_RE = re.compile(
    r'^concept ([A-Za-z_][A-Za-z0-9_]*)(?: : ([A-Za-z0-9_, ]+))? in image as "((?:[^"\\]|\\.)*)"( \{|;)$'
)


def check_graph(names, parents, labels, what):
    """Independent checks on a re-read ontology. Returns a list of problems."""
    problems = []
    seen = set()
    for n in names:
        if not IDENT_RE.match(n) or n in KEYWORDS:
            problems.append("%s: illegal concept name %r" % (what, n))
        if n in seen:
            problems.append("%s: duplicate concept name %r" % (what, n))
        seen.add(n)
    label_owner = {}
    for n in names:
        lab = labels.get(n)
        if lab is None:
            problems.append("%s: concept %s has no image label" % (what, n))
        elif lab in label_owner:
            problems.append("%s: label %r used by %s and %s" % (what, lab, label_owner[lab], n))
        else:
            label_owner[lab] = n
    for n in names:
        for p in parents.get(n, []):
            if p not in seen:
                problems.append("%s: %s names missing parent %s" % (what, n, p))
        if len(set(parents.get(n, []))) != len(parents.get(n, [])):
            problems.append("%s: %s repeats a parent" % (what, n))
    # cycle check (Kahn)
    indeg = {n: 0 for n in names}
    kids = {n: [] for n in names}
    for n in names:
        for p in parents.get(n, []):
            if p in kids:
                kids[p].append(n)
                indeg[n] += 1
    queue = [n for n in names if indeg[n] == 0]
    done = 0
    while queue:
        n = queue.pop()
        done += 1
        for c in kids[n]:
            indeg[c] -= 1
            if indeg[c] == 0:
                queue.append(c)
    if done != len(names):
        problems.append("%s: cycle among %d concepts" % (what, len(names) - done))
    return problems


def self_check_accord(path, expected):
    names, parents, labels = [], {}, {}
    docs = 0
    members = {}
    current = None
    header_ok = False
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if current is not None:
                if line == "}":
                    current = None
                else:
                    members.setdefault(current, []).append(line.strip())
                continue
            if line.startswith("///"):
                if not line.startswith("/// ") or line.startswith("////"):
                    return ["%s:%d: malformed doc comment" % (path, lineno)]
                docs += 1
                continue
            if line.startswith("//") or not line:
                continue
            if line == 'ontology wordnet version "3.0";':
                header_ok = True
                continue
            if line == "modality image { extent: box; }":
                continue
            m = CONCEPT_RE.match(line)
            if not m:
                return ["%s:%d: unexpected line %r" % (path, lineno, line[:120])]
            n = m.group(1)
            names.append(n)
            parents[n] = [p.strip() for p in m.group(2).split(",")] if m.group(2) else []
            labels[n] = m.group(3)
            if m.group(4) == " {":
                current = n
    problems = [] if header_ok else ["%s: missing header" % path]
    problems += check_graph(names, parents, labels, path)
    if len(names) != expected:
        problems.append("%s: %d concepts, expected %d" % (path, len(names), expected))
    problems += check_members(names, parents, members, path)
    print("self-check %s: %d concepts, %d doc comments, %d with members"
          % (path, len(names), docs, len(members)))
    return problems


def check_members(names, parents, members, what):
    """Every fixed attribute is declared on an ancestor; no attribute declared twice."""
    problems = []
    declared = {}
    for n, ms in members.items():
        for m in ms:
            if re.match(r"^[A-Za-z_]\w*: ", m):
                a = m.split(":")[0]
                if a in declared:
                    problems.append("%s: attribute %s declared on %s and %s" % (what, a, declared[a], n))
                declared[a] = n
    for n, ms in members.items():
        for m in ms:
            if re.match(r"^[A-Za-z_]\w* = ", m):
                a = m.split(" = ")[0]
                if a not in declared:
                    problems.append("%s: %s fixes undeclared %s" % (what, n, a))
                    continue
                stack, seen, found = list(parents.get(n, [])), set(), False
                while stack:
                    p = stack.pop()
                    if p == declared[a]:
                        found = True
                        break
                    if p not in seen:
                        seen.add(p)
                        stack.extend(parents.get(p, []))
                if not found:
                    problems.append("%s: %s fixes %s, not declared on an ancestor" % (what, n, a))
    # No concept may inherit two different values of one attribute.
    fixed = {}
    for n, ms in members.items():
        for m in ms:
            if re.match(r"^[A-Za-z_]\w* = ", m):
                a, v = m.rstrip(";").split(" = ", 1)
                fixed.setdefault(a, {})[n] = v
    kids = {n: [] for n in names}
    indeg = {n: len(parents.get(n, [])) for n in names}
    for n in names:
        for p in parents.get(n, []):
            kids.setdefault(p, []).append(n)
    order = [n for n in names if indeg[n] == 0]
    for n in order:
        for c in kids.get(n, []):
            indeg[c] -= 1
            if indeg[c] == 0:
                order.append(c)
    for a, where in sorted(fixed.items()):
        value = {declared[a]: where.get(declared[a], "<default>")}
        for n in order:
            if n in value:
                continue
            got = {value[p] for p in parents.get(n, []) if p in value}
            if n in where:
                value[n] = where[n]
            elif len(got) == 1:
                value[n] = got.pop()
            elif got:
                problems.append("%s: %s inherits %s = %s" % (what, n, a, " or ".join(sorted(got))))
                value[n] = "<ambiguous>"
    return problems


def self_check_yaml(path, expected):
    """Re-read the YAML with a tiny line reader (our own writer's shape), and with
    PyYAML too when it happens to be installed."""
    names, parents, labels, members = [], {}, {}, {}
    cur = None
    in_concepts = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "concepts:":
                in_concepts = True
                continue
            if not in_concepts:
                continue
            m = re.match(r"^  ([A-Za-z_]\w*):$", line)
            if m:
                cur = m.group(1)
                names.append(cur)
                continue
            if cur is None:
                continue
            m = re.match(r"^    parents: \[(.*)\]$", line)
            if m:
                parents[cur] = [p.strip() for p in m.group(1).split(",")]
            m = re.match(r"^    in: \{image: (\".*\")\}$", line)
            if m:
                labels[cur] = json.loads(m.group(1))
            m = re.match(r"^      ([A-Za-z_]\w*): \{type: ", line)
            if m:
                members.setdefault(cur, []).append("%s: t" % m.group(1))
            m = re.match(r"^    fixed: \{(.*)\}$", line)
            if m:
                for kv in m.group(1).split(", "):
                    a, v = kv.split(": ", 1)
                    members.setdefault(cur, []).append("%s = %s" % (a, v))
    problems = check_graph(names, parents, labels, path)
    problems += check_members(names, parents, members, path)
    if len(names) != expected:
        problems.append("%s: %d concepts, expected %d" % (path, len(names), expected))
    try:
        import yaml  # optional; not needed to run the generator
    except ImportError:
        print("self-check %s: %d concepts (PyYAML not installed; line reader only)" % (path, len(names)))
        return problems
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    concepts = doc["concepts"]
    if list(concepts) != names:
        problems.append("%s: PyYAML sees different concept names" % path)
    for n in names:
        c = concepts[n]
        if c.get("parents", []) != parents.get(n, []) or c["in"]["image"] != labels[n]:
            problems.append("%s: PyYAML disagrees on %s" % (path, n))
            break
        if not isinstance(c.get("doc", ""), str):
            problems.append("%s: doc of %s is not a string" % (path, n))
            break
    if doc["ontology"] != "wordnet" or doc["version"] != "3.0" or doc["modalities"] != {"image": {"extent": ["box"]}}:
        problems.append("%s: header keys wrong" % path)
    print("self-check %s: %d concepts (also parsed with PyYAML)" % (path, len(names)))
    return problems


# ----------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="output path (default bench/data/wordnet.accord, or .yaml with --yaml)")
    ap.add_argument("--yaml", action="store_true", help="write the equivalent YAML ontology instead")
    ap.add_argument("--wordnet-dir", default=WORDNET_DIR, help="folder with data.noun and index.noun")
    ap.add_argument("--self-check", action="store_true", help="re-read the output and verify names, labels, parents, acyclicity")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    log = (lambda *_: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr))

    data_path = os.path.join(args.wordnet_dir, "data.noun")
    index_path = os.path.join(args.wordnet_dir, "index.noun")
    for p in (data_path, index_path):
        if not os.path.exists(p):
            raise SystemExit("%s not found (install Debian's wordnet-base)" % p)

    synsets = read_data(data_path)
    senses = read_sense_numbers(index_path)
    fallback = assign_names_and_labels(synsets, senses)
    order = topo_order(synsets)
    decls = {}
    for off, lemma, attrs in DECLARATIONS:
        check_anchor(synsets, off, lemma)
        decls[off] = attrs
    log("fixed values:")
    fixes = choose_fixes(synsets, order, log)

    out_path = args.out or (DEFAULT_YAML if args.yaml else DEFAULT_ACCORD)
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        (write_yaml if args.yaml else write_accord)(out, synsets, decls, fixes)
    os.replace(tmp, out_path)

    for k, v in stats(synsets, order).items():
        log("%s: %d" % (k, v))
    declared_at = {a: off for off, _, attrs in DECLARATIONS for a, _, _ in attrs}
    for attr, at in declared_at.items():
        where = {off: f[attr] for off, f in fixes.items() if attr in f}
        eff = effective_values(synsets, order, at, attr, where)
        log("attribute %s: inherited by %d concepts, a fixed value reaches %d of them"
            % (attr, len(eff), sum(1 for v in eff.values() if v is not DEFAULT)))
    log("labels falling back to the offset: %d" % fallback)
    log("wrote %s (%d bytes)" % (out_path, os.path.getsize(out_path)))

    if args.self_check:
        check = self_check_yaml if args.yaml else self_check_accord
        problems = check(out_path, len(synsets))
        if problems:
            for p in problems[:50]:
                print("self-check FAILED: " + p, file=sys.stderr)
            return 1
        print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
