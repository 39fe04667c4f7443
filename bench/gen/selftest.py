#!/usr/bin/env python3
"""Ground-truth test: `accord validate` finds exactly the planted conflicts.

    selftest.py --accord build/cli/accord [--peers] [--keep DIR]

Generates small datasets with bench/gen/generate.py (every domain at its
realistic item size, the many-small-items mix, and items of 100 and 2,000
records), validates each with `accord validate --format jsonl` against the
benchmark rules (bench/rules/), and compares the findings (rule, item,
witness ids) with the generator's truth: every planted finding, nothing
else. Also checks that the generator is deterministic. With --peers, the
SQLite and pandas peers must find the same. Exit 0 when all agree.
Runs in a few seconds (registered as the CTest `bench/ground_truth`).
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
import findings  # noqa: E402

CASES = [
    # name, generator arguments, rules
    ("affect", ["--domain", "affect", "--records", "3000"], "bench_affect"),
    ("driving", ["--domain", "driving", "--records", "8000", "--per-item", "4000"], "bench_driving"),
    ("retail", ["--domain", "retail", "--records", "3000"], "bench_retail"),
    ("surveillance", ["--domain", "surveillance", "--records", "3000"], "bench_surveillance"),
    ("mix-small", ["--domain", "mix", "--records", "6000", "--per-item", "20"], "bench"),
    ("mix-100", ["--domain", "mix", "--records", "6000", "--per-item", "100", "--seed", "7"], "bench"),
    ("mix-2000", ["--domain", "mix", "--records", "12000", "--per-item", "2000", "--seed", "3"], "bench"),
]


def run(cmd, **kw):
    try:
        return subprocess.run(cmd, check=False, **kw)
    except OSError as e:
        print(f"cannot run {cmd[0]}: {e}")
        return subprocess.CompletedProcess(cmd, 127, b"", b"")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--accord", default=os.path.join(ROOT, "build", "cli", "accord"))
    ap.add_argument("--python", default=sys.executable, help="python running the generator")
    ap.add_argument("--peers", action="store_true", help="also check the SQLite and pandas peers")
    ap.add_argument("--pandas-python", default="/usr/bin/python3")
    ap.add_argument("--keep", help="write the data here and keep it")
    args = ap.parse_args(argv)

    work = args.keep or tempfile.mkdtemp(prefix="accord-bench-selftest-")
    os.makedirs(work, exist_ok=True)
    ok = True
    try:
        for name, gen_args, rules in CASES:
            data = os.path.join(work, name + ".jsonl")
            truth = os.path.join(work, name + ".truth")
            cmd = [args.python, os.path.join(HERE, "generate.py"), *gen_args, "--out", data, "--truth", truth]
            if run(cmd).returncode != 0:
                print(f"{name}: generator failed: {' '.join(cmd)}")
                ok = False
                continue
            # the same seed gives the same bytes
            again = run([args.python, os.path.join(HERE, "generate.py"), *gen_args],
                        stdout=subprocess.PIPE).stdout
            with open(data, "rb") as f:
                if hashlib.sha256(f.read()).digest() != hashlib.sha256(again).digest():
                    print(f"{name}: generator output differs between two runs with the same seed")
                    ok = False
            out = os.path.join(work, name + ".accord.jsonl")
            cmd = [args.accord, "validate", "--rules", os.path.join(BENCH, "rules", rules + ".accord"),
                   "-I", os.path.join(ROOT, "ontologies"), "--format", "jsonl", "-q", "-o", out, data]
            res = run(cmd)
            if res.returncode not in (0, 1):
                print(f"{name}: accord exited {res.returncode}: {' '.join(cmd)}")
                ok = False
                continue
            ok &= findings.compare(truth, out, label=f"{name}: accord")
            if args.peers:
                tsv = os.path.join(work, name + ".sqlite.tsv")
                res = run([os.path.join(BENCH, "peers", "sqlite_peer.sh"), data, tsv], stderr=subprocess.DEVNULL)
                ok &= res.returncode == 0 and findings.compare(truth, tsv, label=f"{name}: sqlite")
                tsv = os.path.join(work, name + ".pandas.tsv")
                res = run([args.pandas_python, os.path.join(BENCH, "peers", "pandas_peer.py"), data, tsv],
                          stderr=subprocess.DEVNULL)
                ok &= res.returncode == 0 and findings.compare(truth, tsv, label=f"{name}: pandas")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("ground truth: " + ("all findings as planted" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
