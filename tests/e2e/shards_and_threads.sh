#!/usr/bin/env bash
# End-to-end properties of `accord validate` on 400 generated items:
#  - the union of the findings of --shard 1/4 .. 4/4 equals the unsharded run
#    (and no finding appears in two shards);
#  - the output is byte-identical whatever --threads is, in every format;
#  - interleaved (ungrouped) input gives the same findings as grouped input;
#  - on 2000 items whose first item comes back in the last line (so the
#    report has streamed most findings when the input turns out ungrouped),
#    the report is the same, without duplicates, whether it goes to -o, to
#    stdout redirected to a file (in place, truncated back), to stdout
#    appending to a file, or to a pipe (held back), with 1 or 2 threads.
set -euo pipefail
accord=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rules="$source_dir/tests/golden/language/rules/main.accord"

# 400 items cycling through the records of the golden scenes, with item keys
# and times varied so findings differ between items.
generate() {
awk -v n="$1" '
  { lines[NR] = $0 }
  END {
    for (i = 0; i < n; i++) {
      for (j = 1; j <= NR; j++) {
        line = lines[j]
        sub(/"item":"[^"]*"/, "\"item\":\"item-" i "-" substr(lines[j], index(lines[j], "\"item\":\"") + 8, 4) "\"", line)
        if (i % 3 == 0) sub(/"label":"neutral"/, "\"label\":\"angry\"", line)
        print line
      }
    }
  }' "$source_dir/tests/golden/validate/data/scenes.jsonl"
}
generate 400 > "$work/data.jsonl"

fingerprints() { grep -o '"fingerprint":"[0-9a-f]*"' | sort; }

set +e
"$accord" validate --rules "$rules" --quiet --format jsonl --threads 1 "$work/data.jsonl" > "$work/one.jsonl"
"$accord" validate --rules "$rules" --quiet --format jsonl --threads 3 "$work/data.jsonl" > "$work/three.jsonl"
for k in 1 2 3 4; do
  "$accord" validate --rules "$rules" --quiet --format jsonl --shard "$k/4" "$work/data.jsonl" > "$work/shard$k.jsonl"
done
set -e

count=$(wc -l < "$work/one.jsonl")
if (( count < 1000 )); then
  echo "expected well over 1000 findings, got $count" >&2
  exit 1
fi
if ! cmp -s "$work/one.jsonl" "$work/three.jsonl"; then
  echo "--threads 1 and --threads 3 differ" >&2
  diff "$work/one.jsonl" "$work/three.jsonl" | head >&2
  exit 1
fi
for k in 1 2 3 4; do
  if [[ ! -s $work/shard$k.jsonl ]]; then
    echo "shard $k/4 has no findings; the shard hash does not spread 400 items" >&2
    exit 1
  fi
done
cat "$work"/shard[1-4].jsonl | fingerprints > "$work/union"
fingerprints < "$work/one.jsonl" > "$work/all"
if ! cmp -s "$work/union" "$work/all"; then
  echo "the union of the shards differs from the unsharded run" >&2
  diff "$work/union" "$work/all" | head >&2
  exit 1
fi
if [[ -n $(uniq -d "$work/union") ]]; then
  echo "a finding appears in two shards" >&2
  exit 1
fi

# Interleave the items (odd lines, then even lines): grouped first, same findings.
{ awk 'NR % 2 == 1' "$work/data.jsonl"; awk 'NR % 2 == 0' "$work/data.jsonl"; } > "$work/reversed.jsonl"
set +e
"$accord" validate --rules "$rules" --quiet --format jsonl "$work/reversed.jsonl" | fingerprints > "$work/reversed"
set -e
if ! cmp -s "$work/reversed" "$work/all"; then
  echo "reversed (interleaved) input gives different findings" >&2
  exit 1
fi

# Every format, byte for byte, whatever the thread count (JUnit's time varies).
for format in text sarif junit; do
  for threads in 1 2 5; do
    set +e
    "$accord" validate --rules "$rules" --quiet --format "$format" --threads "$threads" \
      "$work/data.jsonl" | sed 's/time="[0-9.]*"/time="T"/' > "$work/$format.$threads"
    set -e
  done
  for threads in 2 5; do
    if ! cmp -s "$work/$format.1" "$work/$format.$threads"; then
      echo "--format $format: --threads 1 and --threads $threads differ" >&2
      diff "$work/$format.1" "$work/$format.$threads" | head >&2
      exit 1
    fi
  done
done

# The first item comes back in the last line: grouped only after the report
# has streamed. The same record, moved next to its item, is the grouped input.
generate 2000 > "$work/big.jsonl"
# Enough chunks for workers to finish out of order: still the same bytes.
for threads in 1 2 5; do
  set +e
  "$accord" validate --rules "$rules" --quiet --format jsonl --threads "$threads" \
    "$work/big.jsonl" > "$work/big.$threads"
  set -e
done
for threads in 2 5; do
  if ! cmp -s "$work/big.1" "$work/big.$threads"; then
    echo "2000 items: --threads 1 and --threads $threads differ" >&2
    exit 1
  fi
done
first_item=$(head -1 "$work/big.jsonl" | grep -o '"item":"[^"]*"')
head -1 "$work/big.jsonl" | sed 's/"id":"[^"]*"/"id":"late-1"/' > "$work/late_line"
cat "$work/big.jsonl" "$work/late_line" > "$work/late.jsonl"
awk -v key="$first_item" -v late="$(cat "$work/late_line")" '
  !done && index($0, key) == 0 { print late; done = 1 }
  { print }' "$work/big.jsonl" > "$work/grouped.jsonl"
for format in jsonl text sarif; do
  for threads in 1 2; do
    run() { "$accord" validate --rules "$rules" --format "$format" --threads "$threads" "$@"; }
    out="$work/late.$format.$threads"
    set +e
    echo "left over from an earlier run, longer than nothing" > "$out.o"
    run --quiet -o "$out.o" "$work/late.jsonl"
    run --quiet "$work/late.jsonl" > "$out.file"
    echo "kept" > "$out.append"
    run --quiet "$work/late.jsonl" >> "$out.append"
    run "$work/late.jsonl" 2> "$out.stderr" | cat > "$out.pipe"
    run --quiet "$work/grouped.jsonl" > "$out.grouped"
    set -e
    for copy in file pipe; do
      if ! cmp -s "$out.o" "$out.$copy"; then
        echo "--format $format --threads $threads: -o and stdout ($copy) differ" >&2
        diff "$out.o" "$out.$copy" | head >&2
        exit 1
      fi
    done
    if ! { echo "kept"; cat "$out.o"; } | cmp -s - "$out.append"; then
      echo "--format $format --threads $threads: stdout appending to a file lost or repeated bytes" >&2
      exit 1
    fi
    if ! grep -q "input was not grouped by item" "$out.stderr"; then
      echo "--format $format --threads $threads: the summary does not say the input was regrouped" >&2
      exit 1
    fi
  done
  if ! cmp -s "$work/late.$format.1.o" "$work/late.$format.2.o"; then
    echo "--format $format: regrouped output differs between 1 and 2 threads" >&2
    exit 1
  fi
done
# JSONL: the findings of the grouped input, each once (lines of the moved
# record differ, so compare fingerprints).
fingerprints < "$work/late.jsonl.1.o" > "$work/late.fp"
fingerprints < "$work/late.jsonl.1.grouped" > "$work/grouped.fp"
if [[ -n $(uniq -d "$work/late.fp") ]]; then
  echo "a finding appears twice in the regrouped report" >&2
  exit 1
fi
if ! cmp -s "$work/late.fp" "$work/grouped.fp"; then
  echo "regrouped input gives different findings from the grouped input" >&2
  diff "$work/late.fp" "$work/grouped.fp" | head >&2
  exit 1
fi
late_count=$(wc -l < "$work/late.jsonl.1.o")
echo "ok: $count findings; shards, threads and grouping agree; $late_count findings streamed and regrouped"
