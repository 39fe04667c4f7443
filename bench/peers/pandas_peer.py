#!/usr/bin/env python3
"""pandas peer: the six benchmark rules (bench/rules/*.accord) in pandas.

    pandas_peer.py DATA.jsonl OUT.tsv

Writes one finding per line, RULE<TAB>ITEM<TAB>ID,ID (as bench/findings.py
reads them), and the time of each phase on stderr:
    pandas phases: load S rules S

What a data scientist would write: read the JSON Lines with pandas (in
chunks, keeping the columns the rules use, so the table fits in memory),
attach what each label means from a lookup table (labels.csv), then per
rule merge the records of one item across modalities (on the item, plus the
track or the subcategory where the rule has that key), filter the time
overlap or distance, and anti-join the exceptions. Merges run over groups of
items sized so that no merged frame exceeds MAX_PAIRS rows.
"""

import sys
import time

import numpy as np
import pandas as pd

MAX_PAIRS = 5_000_000
COLUMNS = ["item", "id", "modality", "label", "start", "end", "track", "annotator", "source",
           "valence", "colour"]


def load(path):
    parts = []
    for chunk in pd.read_json(path, lines=True, chunksize=200_000, dtype=False):
        attrs = chunk["attrs"] if "attrs" in chunk else pd.Series([None] * len(chunk), index=chunk.index)
        chunk["valence"] = attrs.map(lambda a: a.get("valence") if isinstance(a, dict) else None)
        chunk["colour"] = attrs.map(lambda a: a.get("colour") if isinstance(a, dict) else None)
        for c in COLUMNS:
            if c not in chunk:
                chunk[c] = None
        parts.append(chunk[COLUMNS])
    df = pd.concat(parts, ignore_index=True)
    df["source"] = df["source"].fillna("human")
    df["start"] = df["start"].astype(float)
    df["end"] = df["end"].astype(float)
    return df


def labels(path):
    lab = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    return lab.replace("", None)


def merge_by_item(left, right, on, suffixes=("_l", "_r")):
    """left.merge(right, on=["item", ...]) over groups of items, each merge at
    most about MAX_PAIRS rows; `filter_fn` keeps the rows of interest."""
    keys = ["item"] + [k for k in on if k != "item"]
    lc = left.groupby(keys, sort=False).size()
    rc = right.groupby(keys, sort=False).size()
    pairs = (lc * rc.reindex(lc.index, fill_value=0)).groupby(level=0, sort=False).sum()
    pairs = pairs[pairs > 0]
    groups = []
    batch, total = [], 0
    for item, n in pairs.items():
        if batch and total + n > MAX_PAIRS:
            groups.append(batch)
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        groups.append(batch)
    left_by = left.set_index("item")
    right_by = right.set_index("item")
    for items in groups:
        lpart = left_by.loc[left_by.index.isin(items)].reset_index()
        rpart = right_by.loc[right_by.index.isin(items)].reset_index()
        yield lpart.merge(rpart, on=keys, suffixes=suffixes)


def overlap(m, x, y):
    return m[["end_" + x, "end_" + y]].min(axis=1) - m[["start_" + x, "start_" + y]].max(axis=1)


def near(m, x, y, tol):
    gap = m[["start_" + x, "start_" + y]].max(axis=1) - m[["end_" + x, "end_" + y]].min(axis=1)
    return gap.clip(lower=0) <= tol


def not_in(pairs, items, ids):
    """Boolean mask: (item, id) not in the set `pairs`."""
    return np.fromiter(((i, r) not in pairs for i, r in zip(items, ids)), dtype=bool, count=len(items))


def emit(out, rule, frame, cols):
    ids = frame[cols[0]].astype(str)
    for c in cols[1:]:
        ids = ids + "," + frame[c].astype(str)
    for item, i in zip(frame["item"], ids):
        out.append(f"{rule}\t{item}\t{i}\n")


def rules(df, lab, out):
    df = df.merge(lab, on=["modality", "label"], how="left")
    df["valence"] = df["valence_x"].fillna(df["valence_y"]) if "valence_x" in df else df["valence"]
    polar = ("negative", "positive")

    # tone_mismatch
    emo = df[df["kind"] == "emotion"]
    v = emo[emo["modality"] == "video"][["item", "id", "start", "end", "valence", "annotator", "source"]]
    a = emo[emo["modality"] == "audio"][["item", "id", "start", "end", "valence"]]
    vp = v[v["valence"].isin(polar)]
    ap = a[a["valence"].isin(polar)]
    sarc_t = df[(df["modality"] == "text") & (df["label"] == "sarcastic")][["item", "id", "start", "end"]]
    sarc_a = df[(df["modality"] == "audio") & (df["label"] == "sarcastic tone")][["item", "id", "start", "end"]]
    cands = []
    for m in merge_by_item(vp, ap, ["item"], ("_v", "_a")):
        m = m[(overlap(m, "v", "a") >= 0.5) & (m["valence_v"] != m["valence_a"])]
        cands.append(m[["item", "id_v", "start_v", "end_v", "id_a", "start_a", "end_a"]])
    tone = pd.concat(cands, ignore_index=True) if cands else pd.DataFrame(
        columns=["item", "id_v", "start_v", "end_v", "id_a", "start_a", "end_a"])
    if len(tone):
        for sarc, x in ((sarc_t, "v"), (sarc_a, "a")):
            side = tone[["item", "id_" + x, "start_" + x, "end_" + x]].drop_duplicates()
            side.columns = ["item", "id", "start", "end"]
            excused = set()
            for m in merge_by_item(side, sarc, ["item"], ("_x", "_s")):
                hit = m[(m["start_s"] < m["end_x"]) & (m["start_x"] < m["end_s"])]
                excused.update(zip(hit["item"], hit["id_x"]))
            tone = tone[not_in(excused, tone["item"], tone["id_" + x])]
    emit(out, "tone_mismatch", tone, ["id_v", "id_a"])

    # annotators_disagree
    h = v[v["source"] == "human"]
    for m in merge_by_item(h, h, ["item"], ("_x", "_y")):
        m = m[(m["id_x"] < m["id_y"]) & (m["annotator_x"] != m["annotator_y"])
              & m["annotator_x"].notna() & m["annotator_y"].notna()]
        m = m[(overlap(m, "x", "y") >= 1.0) & m["valence_x"].notna() & m["valence_y"].notna()
              & (m["valence_x"] != m["valence_y"])]
        emit(out, "annotators_disagree", m, ["id_x", "id_y"])

    # pedestrian_needs_lidar
    road = df[df["kind"] == "road_object"]
    cam = road[road["modality"] == "camera"][["item", "id", "track", "start", "end", "track_class"]]
    lid = road[road["modality"] == "lidar"][["item", "id", "track", "start", "end", "track_class"]]
    cped = cam[cam["track_class"] == "pedestrian"]
    lped = lid[lid["track_class"] == "pedestrian"]
    matched = set()
    for m in merge_by_item(cped, lped, ["item", "track"], ("_c", "_l")):
        hit = m[near(m, "c", "l", 0.1)]
        matched.update(zip(hit["item"], hit["id_c"]))
    lonely = cped[not_in(matched, cped["item"], cped["id"])]
    drop = df[(df["modality"] == "events") & (df["label"] == "lidar dropout")][["item", "id", "start", "end"]]
    excused = set()
    for m in merge_by_item(lonely, drop, ["item"], ("_c", "_f")):
        hit = m[(m["start_f"] <= m["start_c"]) & (m["end_c"] <= m["end_f"])]
        excused.update(zip(hit["item"], hit["id_c"]))
    lonely = lonely[not_in(excused, lonely["item"], lonely["id"])]
    emit(out, "pedestrian_needs_lidar", lonely, ["id"])

    # track_class_agrees
    for m in merge_by_item(cam, lid, ["item", "track"], ("_c", "_l")):
        m = m[(m["track_class_c"] != m["track_class_l"]) & (m["track_class_c"] != "emergency")
              & (m["track_class_l"] != "emergency")]
        m = m[near(m, "c", "l", 0.1)]
        emit(out, "track_class_agrees", m, ["id_c", "id_l"])

    # photo_colour_matches_description
    prod = df[(df["kind"] == "product") & df["subcategory"].notna()]
    img = prod[prod["modality"] == "image"][["item", "id", "subcategory", "colour"]]
    dsc = prod[prod["modality"] == "description"][["item", "id", "subcategory", "colour"]]
    families = [("blue", "navy_blue"), ("red", "maroon"), ("brown", "tan"), ("white", "cream"), ("yellow", "gold")]
    for m in merge_by_item(img, dsc, ["item", "subcategory"], ("_i", "_d")):
        m = m[m["colour_i"].notna() & m["colour_d"].notna() & (m["colour_i"] != m["colour_d"])]
        ok = (m["colour_i"] == "multi") | (m["colour_d"] == "multi")
        for fam in families:
            ok |= m["colour_i"].isin(fam) & m["colour_d"].isin(fam)
        emit(out, "photo_colour_matches_description", m[~ok], ["id_i", "id_d"])

    # package_needs_event
    pkg = df[(df["modality"] == "video") & (df["label"] == "unattended package")]
    pkg = pkg[(pkg["end"] - pkg["start"]) >= 60][["item", "id", "start", "end"]]
    sec = df[(df["modality"] == "events") & (df["kind"] == "security_event")][["item", "id", "start", "end"]]
    confirmed = set()
    for m in merge_by_item(pkg, sec, ["item"], ("_p", "_e")):
        hit = m[near(m, "p", "e", 30.0)]
        confirmed.update(zip(hit["item"], hit["id_p"]))
    pkg = pkg[not_in(confirmed, pkg["item"], pkg["id"])]
    emit(out, "package_needs_event", pkg, ["id"])


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    t0 = time.perf_counter()
    df = load(argv[1])
    t1 = time.perf_counter()
    out = []
    rules(df, labels(os.path.join(here, "labels.csv")), out)
    with open(argv[2], "w") as f:
        f.writelines(out)
    t2 = time.perf_counter()
    print(f"pandas phases: load {t1 - t0:.3f} rules {t2 - t1:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
