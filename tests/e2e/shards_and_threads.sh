#!/usr/bin/env bash
# End-to-end properties of `accord validate` on 400 generated items:
#  - the union of the findings of --shard 1/4 .. 4/4 equals the unsharded run
#    (and no finding appears in two shards);
#  - the output is byte-identical whatever --threads is;
#  - interleaved (ungrouped) input gives the same findings as grouped input.
set -euo pipefail
accord=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rules="$source_dir/tests/golden/language/rules/main.accord"

# 400 items cycling through the records of the golden scenes, with item keys
# and times varied so findings differ between items.
awk -v n=400 '
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
  }' "$source_dir/tests/golden/validate/data/scenes.jsonl" > "$work/data.jsonl"

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
echo "ok: $count findings; shards, threads and grouping agree"
