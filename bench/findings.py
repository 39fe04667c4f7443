#!/usr/bin/env python3
"""Canonical findings and their comparison (Python standard library only).

The canonical form of a finding is one line `RULE<TAB>ITEM<TAB>ID,ID...`
with the witness ids sorted; a findings file is those lines, sorted. The
generator's truth, the peers' output and `accord validate --format jsonl`
(converted here) all compare in that form.

    findings.py canon ACCORD.jsonl [-o OUT]     accord JSONL -> canonical lines
    findings.py compare EXPECTED ACTUAL [--label NAME]
        EXPECTED/ACTUAL: canonical files, or accord JSONL (detected by a
        leading '{'). Exit 0 when the sets are equal; else 1, printing the
        counts per rule and the first differences.
"""

import argparse
import json
import sys


def read_findings(path):
    """The canonical lines of a canonical file or of accord JSONL, as a list."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            if line.startswith("{"):
                d = json.loads(line)
                ids = sorted(w["id"] for w in d["witnesses"])
                out.append(f"{d['rule']}\t{d['item']}\t{','.join(ids)}")
            else:
                rule, item, ids = line.rstrip("\n").split("\t")
                out.append(f"{rule}\t{item}\t{','.join(sorted(ids.split(',')))}")
    return out


def by_rule(lines):
    counts = {}
    for line in lines:
        rule = line.split("\t", 1)[0]
        counts[rule] = counts.get(rule, 0) + 1
    return counts


def compare(expected_path, actual_path, label="actual", show=10, out=sys.stdout):
    expected = read_findings(expected_path)
    actual = read_findings(actual_path)
    exp_set, act_set = set(expected), set(actual)
    problems = []
    for name, lines, s in (("expected", expected, exp_set), (label, actual, act_set)):
        if len(s) != len(lines):
            problems.append(f"{name} lists {len(lines) - len(s)} findings twice")
    missing = sorted(exp_set - act_set)
    extra = sorted(act_set - exp_set)
    if not missing and not extra and not problems:
        print(f"{label}: {len(act_set)} findings, identical "
              f"({', '.join(f'{r} {n}' for r, n in sorted(by_rule(actual).items())) or 'none'})", file=out)
        return True
    print(f"{label}: findings differ: {len(missing)} missing, {len(extra)} extra "
          f"(expected {len(exp_set)}, got {len(act_set)})", file=out)
    for p in problems:
        print(f"  {p}", file=out)
    e, a = by_rule(expected), by_rule(actual)
    for rule in sorted(set(e) | set(a)):
        if e.get(rule, 0) != a.get(rule, 0):
            print(f"  {rule}: expected {e.get(rule, 0)}, got {a.get(rule, 0)}", file=out)
    for tag, lines in (("missing", missing), ("extra", extra)):
        for line in lines[:show]:
            print(f"  {tag}: {line}", file=out)
        if len(lines) > show:
            print(f"  ... and {len(lines) - show} more {tag}", file=out)
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("canon")
    c.add_argument("input")
    c.add_argument("-o", "--out", default="-")
    k = sub.add_parser("compare")
    k.add_argument("expected")
    k.add_argument("actual")
    k.add_argument("--label", default="actual")
    k.add_argument("--show", type=int, default=10)
    args = ap.parse_args(argv)
    if args.cmd == "canon":
        lines = sorted(read_findings(args.input))
        text = "".join(line + "\n" for line in lines)
        if args.out == "-":
            sys.stdout.write(text)
        else:
            with open(args.out, "w") as f:
                f.write(text)
        return 0
    return 0 if compare(args.expected, args.actual, args.label, args.show) else 1


if __name__ == "__main__":
    sys.exit(main())
