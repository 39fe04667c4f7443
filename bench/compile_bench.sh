#!/usr/bin/env bash
# Compile-time benchmark (DESIGN.md "Performance": an 80,000-concept ontology
# checks and compiles in under 2 s).
#
# Generates the inputs under bench/data/ when missing, then runs
# `accord check INPUT` RUNS times per input under /usr/bin/time -v and prints
# one markdown table row per input: median wall time and median max RSS.
#
#   bench/compile_bench.sh                  # check: wordnet.accord, wordnet.yaml, rules10k.accord
#   bench/compile_bench.sh --compile        # also time `accord compile INPUT -o BUNDLE`
#   bench/compile_bench.sh FILE...          # only these inputs
#   ACCORD=/path/to/accord RUNS=9 bench/compile_bench.sh
#
# Environment: ACCORD (default build/cli/accord), RUNS (default 5),
# DATA (default bench/data). Exit status: 0 when every run exited 0,
# 1 when some run of accord failed, 2 on a usage or set-up error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
ACCORD=${ACCORD:-$root/build/cli/accord}
RUNS=${RUNS:-5}
DATA=${DATA:-$here/data}

die() { echo "compile_bench: $*" >&2; exit 2; }

modes=(check)
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --compile) modes+=(compile) ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) inputs+=("$1") ;;
  esac
  shift
done

case "$RUNS" in ''|*[!0-9]*|0) die "RUNS must be a positive integer, got '$RUNS'" ;; esac
if [ ! -e "$ACCORD" ]; then
  die "no accord binary at $ACCORD: build the project first (build/cli/accord), or point ACCORD=/path/to/accord at one"
fi
[ -x "$ACCORD" ] || die "$ACCORD is not executable"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian package 'time')"

# ---------------------------------------------------------------- inputs

if [ ${#inputs[@]} -eq 0 ]; then
  command -v python3 >/dev/null || die "python3 is needed to generate the inputs"
  mkdir -p "$DATA"
  if [ ! -s "$DATA/wordnet.accord" ]; then
    echo "compile_bench: generating $DATA/wordnet.accord" >&2
    python3 "$here/wordnet_to_accord.py" --quiet --out "$DATA/wordnet.accord" || die "wordnet_to_accord.py failed"
  fi
  if [ ! -s "$DATA/wordnet.yaml" ]; then
    echo "compile_bench: generating $DATA/wordnet.yaml" >&2
    python3 "$here/wordnet_to_accord.py" --quiet --yaml --out "$DATA/wordnet.yaml" || die "wordnet_to_accord.py --yaml failed"
  fi
  if [ ! -s "$DATA/rules10k.accord" ]; then
    echo "compile_bench: generating $DATA/rules10k.accord" >&2
    python3 "$here/gen_rules.py" --out "$DATA/rules10k.accord" 2>/dev/null || die "gen_rules.py failed"
  fi
  inputs=("$DATA/wordnet.accord" "$DATA/wordnet.yaml" "$DATA/rules10k.accord")
fi
for f in "${inputs[@]}"; do [ -r "$f" ] || die "cannot read input $f"; done

# ---------------------------------------------------------------- timing

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median of numbers on stdin (mean of the two middle ones for an even count)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f\n", m }'; }

# seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss"
wall_seconds() {
  sed -n 's/^[[:space:]]*Elapsed (wall clock) time.*): //p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }'
}
max_rss_kb() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1"; }

human_size() { awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MiB", b / 1048576; else printf "%.1f KiB", b / 1024 }'; }

failed=0
echo "accord: $ACCORD, $RUNS runs per input, medians; wall and max RSS from /usr/bin/time -v"
echo
echo "| command | input | size | exit | wall median (s) | wall min..max (s) | max RSS median (MiB) |"
echo "|---|---|---:|---:|---:|---:|---:|"
for mode in "${modes[@]}"; do
  for f in "${inputs[@]}"; do
    : >"$tmp/walls"
    : >"$tmp/rss"
    statuses=""
    for ((r = 1; r <= RUNS; r++)); do
      if [ "$mode" = check ]; then
        cmd=("$ACCORD" check "$f")
      else
        cmd=("$ACCORD" compile "$f" -o "$tmp/bundle")
      fi
      if /usr/bin/time -v -o "$tmp/time" "${cmd[@]}" >"$tmp/out" 2>"$tmp/err"; then st=0; else st=$?; fi
      wall_seconds "$tmp/time" >>"$tmp/walls"
      max_rss_kb "$tmp/time" >>"$tmp/rss"
      case " $statuses " in *" $st "*) ;; *) statuses="${statuses:+$statuses }$st" ;; esac
      if [ "$st" -ne 0 ] && [ "$r" -eq 1 ]; then
        failed=1
        {
          echo "compile_bench: '${cmd[*]}' exited $st; first lines of its output:"
          cat "$tmp/err" "$tmp/out" | head -n 8 | sed 's/^/  /'
        } >&2
      fi
    done
    wall=$(median <"$tmp/walls")
    range=$(sort -g "$tmp/walls" | sed -n '1p;$p' | paste -sd' ' | awk '{ printf "%s..%s", $1, $2 }')
    rss=$(median <"$tmp/rss" | awk '{ printf "%.1f", $1 / 1024 }')
    size=$(human_size "$(wc -c <"$f")")
    printf '| accord %s | %s | %s | %s | %s | %s | %s |\n' \
      "$mode" "$(basename "$f")" "$size" "${statuses// /,}" "$wall" "$range" "$rss"
  done
done
exit "$failed"
