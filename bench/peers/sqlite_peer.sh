#!/usr/bin/env bash
# SQLite peer: the six benchmark rules (bench/rules/*.accord) as SQL over
# the JSONL records, with the sqlite3 command-line shell.
#
#   bench/peers/sqlite_peer.sh DATA.jsonl OUT.tsv
#
# Writes one finding per line, RULE<TAB>ITEM<TAB>ID,ID (as bench/findings.py
# reads them), and the time of each phase on stderr:
#   sqlite phases: load S index S query S
# What a SQL user would write: load the lines as text (.import), extract the
# fields with json_extract into a typed table, index (item, modality, start)
# and (item, modality, track, start), a lookup table of what each label
# means (labels.csv), then one query per rule: range joins on time, equality
# joins on track and subcategory, NOT EXISTS for `require exists`/`unless`.
# The database is a file in a temporary folder (TMPDIR), journal off.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 DATA.jsonl OUT.tsv" >&2
  exit 2
fi
data=$1
out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SQLITE=${SQLITE:-sqlite3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/peer.db

# sqlite3 dot-commands take the file name as a quoted argument
quote() { printf "'%s'" "${1//\'/\'\'}"; }
now() { date +%s.%N; }

t0=$(now)
"$SQLITE" -batch -bail "$db" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -524288;
PRAGMA temp_store = MEMORY;
.mode ascii
.separator "\037" "\n"
CREATE TABLE raw(j TEXT);
.import $(quote "$data") raw
.mode csv
.import --csv --skip 4 $(quote "$here/labels.csv") lab
CREATE TABLE r AS
SELECT json_extract(j, '\$.item') AS item,
       json_extract(j, '\$.id') AS id,
       json_extract(j, '\$.modality') AS modality,
       json_extract(j, '\$.label') AS label,
       json_extract(j, '\$.start') AS start,
       json_extract(j, '\$.end') AS "end",
       json_extract(j, '\$.track') AS track,
       json_extract(j, '\$.annotator') AS annotator,
       coalesce(json_extract(j, '\$.source'), 'human') AS source,
       json_extract(j, '\$.attrs.valence') AS valence,
       json_extract(j, '\$.attrs.colour') AS colour
FROM raw;
DROP TABLE raw;
SQL
t1=$(now)
"$SQLITE" -batch -bail "$db" <<'SQL'
PRAGMA cache_size = -524288;
CREATE INDEX r_time ON r(item, modality, start);
CREATE INDEX r_track ON r(item, modality, track, start);
CREATE UNIQUE INDEX lab_key ON lab(modality, label);
ANALYZE;
SQL
t2=$(now)
"$SQLITE" -batch -bail "$db" >"$out" <<'SQL'
PRAGMA cache_size = -524288;
PRAGMA temp_store = MEMORY;
.mode list
.separator "\t" "\n"

-- Records with what their label means (an emotion's valence: the
-- annotator's for surprise, else the emotion's own).
CREATE TEMP VIEW emo AS
SELECT r.item, r.id, r.modality, r.start, r."end", r.annotator, r.source,
       coalesce(r.valence, nullif(lab.valence, '')) AS valence
FROM r JOIN lab ON lab.modality = r.modality AND lab.label = r.label
WHERE lab.kind = 'emotion';

-- tone_mismatch: face and voice of opposite polarity for >= 0.5 s, unless
-- sarcasm is marked in the transcript (over the face) or the voice.
SELECT 'tone_mismatch', v.item, v.id || ',' || a.id
FROM emo v JOIN emo a
  ON a.item = v.item AND a.modality = 'audio' AND a.start < v."end" AND a."end" > v.start
WHERE v.modality = 'video'
  AND min(v."end", a."end") - max(v.start, a.start) >= 0.5
  AND v.valence IN ('negative', 'positive') AND a.valence IN ('negative', 'positive')
  AND v.valence <> a.valence
  AND NOT EXISTS (SELECT 1 FROM r s WHERE s.item = v.item AND s.modality = 'text'
                  AND s.label = 'sarcastic' AND s.start < v."end" AND s."end" > v.start)
  AND NOT EXISTS (SELECT 1 FROM r s WHERE s.item = a.item AND s.modality = 'audio'
                  AND s.label = 'sarcastic tone' AND s.start < a."end" AND s."end" > a.start);

-- annotators_disagree: two human face annotators, >= 1 s apart in valence
-- (each unordered pair once).
SELECT 'annotators_disagree', x.item, x.id || ',' || y.id
FROM emo x JOIN emo y
  ON y.item = x.item AND y.modality = 'video' AND y.start < x."end" AND y."end" > x.start
WHERE x.modality = 'video' AND x.id < y.id
  AND x.source = 'human' AND y.source = 'human'
  AND x.annotator <> y.annotator
  AND min(x."end", y."end") - max(x.start, y.start) >= 1.0
  AND x.valence <> y.valence;

-- pedestrian_needs_lidar: a camera pedestrian without a LiDAR pedestrian on
-- its track within 100 ms, unless inside a LiDAR dropout.
SELECT 'pedestrian_needs_lidar', c.item, c.id
FROM r c JOIN lab k ON k.modality = 'camera' AND k.label = c.label
WHERE c.modality = 'camera' AND k.track_class = 'pedestrian'
  AND NOT EXISTS (
    SELECT 1 FROM r l JOIN lab kl ON kl.modality = 'lidar' AND kl.label = l.label
    WHERE l.item = c.item AND l.modality = 'lidar' AND l.track = c.track
      AND l.start <= c."end" + 0.1 AND l."end" >= c.start - 0.1
      AND kl.track_class = 'pedestrian')
  AND NOT EXISTS (
    SELECT 1 FROM r f WHERE f.item = c.item AND f.modality = 'events' AND f.label = 'lidar dropout'
      AND f.start <= c.start AND c."end" <= f."end");

-- track_class_agrees: camera and LiDAR on one track within 100 ms give
-- different track classes, neither an emergency vehicle.
SELECT 'track_class_agrees', c.item, c.id || ',' || l.id
FROM r c JOIN lab kc ON kc.modality = 'camera' AND kc.label = c.label
JOIN r l ON l.item = c.item AND l.modality = 'lidar' AND l.track = c.track
        AND l.start <= c."end" + 0.1 AND l."end" >= c.start - 0.1
JOIN lab kl ON kl.modality = 'lidar' AND kl.label = l.label
WHERE c.modality = 'camera' AND kc.kind = 'road_object' AND kl.kind = 'road_object'
  AND kc.track_class <> kl.track_class
  AND kc.track_class <> 'emergency' AND kl.track_class <> 'emergency';

-- photo_colour_matches_description: photo and copy of one subcategory give
-- colours of different families, neither a print.
SELECT 'photo_colour_matches_description', i.item, i.id || ',' || d.id
FROM r i JOIN lab ki ON ki.modality = 'image' AND ki.label = i.label
JOIN r d ON d.item = i.item AND d.modality = 'description'
JOIN lab kd ON kd.modality = 'description' AND kd.label = d.label
WHERE i.modality = 'image' AND ki.kind = 'product' AND kd.kind = 'product'
  AND ki.subcategory <> '' AND ki.subcategory = kd.subcategory
  AND i.colour <> d.colour
  AND NOT (i.colour = 'multi' OR d.colour = 'multi'
    OR (i.colour IN ('blue', 'navy_blue') AND d.colour IN ('blue', 'navy_blue'))
    OR (i.colour IN ('red', 'maroon') AND d.colour IN ('red', 'maroon'))
    OR (i.colour IN ('brown', 'tan') AND d.colour IN ('brown', 'tan'))
    OR (i.colour IN ('white', 'cream') AND d.colour IN ('white', 'cream'))
    OR (i.colour IN ('yellow', 'gold') AND d.colour IN ('yellow', 'gold')));

-- package_needs_event: a package unattended for >= 60 s with no security
-- event within 30 s.
SELECT 'package_needs_event', p.item, p.id
FROM r p
WHERE p.modality = 'video' AND p.label = 'unattended package' AND p."end" - p.start >= 60
  AND NOT EXISTS (
    SELECT 1 FROM r e JOIN lab k ON k.modality = 'events' AND k.label = e.label
    WHERE e.item = p.item AND e.modality = 'events' AND k.kind = 'security_event'
      AND e.start <= p."end" + 30 AND e."end" >= p.start - 30);
SQL
t3=$(now)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
  'BEGIN { printf "sqlite phases: load %.3f index %.3f query %.3f\n", b - a, c - b, d - c }' >&2
