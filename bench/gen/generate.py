#!/usr/bin/env python3
"""Deterministic generator of annotation records for the benchmark rules.

Writes JSON Lines records (LANGUAGE.md "Records") for the four shipped
domains, grouped by item, with conflicts planted at known places, and the
ground truth: every finding the six rules of bench/rules/ must produce, one
per line as `RULE<TAB>ITEM<TAB>ID,ID...` (witness ids sorted), sorted.

    generate.py --domain mix --records 1000000 --out data.jsonl --truth data.truth
    generate.py --domain driving --records 200000 --per-item 20000 ...
    generate.py --domain mix --records 1000000 --per-item 20 ...   # many small items

Domains and what an item is (sizes are the defaults without --per-item):

  affect        a clip of ~5 min: ~100 segments ("slots") per channel, three
                human face annotators plus a face model in video, one voice
                annotator in audio (emotion, speech, sarcastic tone), one
                transcript annotator in text (emotion, sarcastic); ~600 records
  driving       a 20 s scene at 10 Hz: ~55 tracks, a camera box and a LiDAR
                cuboid per track and frame, LiDAR dropouts in events; ~20,000
  retail        a product listing: photo boxes, copy spans, the catalogue
                record, customer reviews with praise/complaint spans; ~40
  surveillance  a 1-hour feed window in 5-minute blocks: the recording, person
                actions, access-control events, unattended packages and the
                operators' security events; ~90
  mix           items of all four domains interleaved (by records: affect 30 %,
                driving 40 %, retail 15 %, surveillance 15 %)

--per-item K sets the records per item of every domain (approximately):
affect clips get longer, driving scenes get more tracks (up to 50) and then
longer, retail listings get more reviews, surveillance windows get longer.
K = 20 is the "many small items" mode.

Planted cases (per slot, track, listing or block, at fixed rates): each
either fires (its findings are in the truth) or is a near miss the rule must
not report (the sarcasm exception, a surprise without valence, an overlap
under 1 s, a model's vote, a LiDAR dropout, an emergency vehicle, an adult
seen as a child, a colour of the same family, a package under 60 s). The
background is clean by construction: segments of neighbouring slots overlap
by at most 0.16 s, so only planted slots can fire. Every timing is at least
20 ms away from each rule's threshold, so parsers that round the last bit
differently agree.

Memory is constant (one item at a time). The same seed gives the same bytes.
Python standard library only.
"""

import argparse
import json
import os
import sys
from random import Random

# --------------------------------------------------------------- affect

NEG, NEU, POS = 0, 1, 2
VALENCE_NAME = ("negative", "neutral", "positive")
VIDEO_LABELS = {NEG: ("angry", "disgusted", "fearful", "sad"), NEU: ("neutral",), POS: ("happy",)}
TEXT_LABELS = {NEG: ("anger", "disgust", "fear", "sadness"), NEU: ("neutral",), POS: ("joy",)}
AUDIO_LABELS = VIDEO_LABELS
OPPOSITE = {NEG: POS, POS: NEG}
JITTER_MS = 80  # each segment end moves at most this far from its slot boundary


def fmt_t(ms):
    """Seconds from integer milliseconds, shortest text ("12.3")."""
    return repr(ms / 1000) if ms % 1000 else str(ms // 1000)


class Stats:
    def __init__(self):
        self.records = 0
        self.items = 0
        self.bytes = 0
        self.planted = {}
        self.findings = {}

    def plant(self, kind, n=1):
        self.planted[kind] = self.planted.get(kind, 0) + n


def affect_item(rng, key, target, stats):
    """One clip. Returns (lines, findings)."""
    slots = max(2, round(target / 6.0))
    lines = []
    findings = []
    n = [0, 0, 0]  # id counters: video, audio, text
    bounds = [0]
    for _ in range(slots):
        bounds.append(bounds[-1] + 1500 + int(rng.random() * 2500))
    pre = f'{{"item":"{key}","id":"'
    humans = ("ann-07", "ann-08", "ann-09")

    def seg(k, inward=False):
        if inward:  # strictly inside the slot, clear of the neighbours' jitter
            return bounds[k] + 100, bounds[k + 1] - 100
        s = bounds[k] + (int(rng.random() * (2 * JITTER_MS + 1)) - JITTER_MS if k else 0)
        e = bounds[k + 1] + (int(rng.random() * (2 * JITTER_MS + 1)) - JITTER_MS if k < slots - 1 else 0)
        return s, e

    def rec(mod, prefix, label, s, e, tail=""):
        i = {"video": 0, "audio": 1, "text": 2}[mod]
        n[i] += 1
        rid = f"{prefix}{n[i]}"
        lines.append(f'{pre}{rid}","modality":"{mod}","label":"{label}","start":{fmt_t(s)},"end":{fmt_t(e)}{tail}}}\n')
        return rid

    def emotion_label(table, val, allow_surprise=True):
        if allow_surprise and val != NEU and rng.random() < 0.05:
            return "surprised", f',"attrs":{{"valence":"{VALENCE_NAME[val]}"}}'
        labels = table[val]
        return labels[int(rng.random() * len(labels))], ""

    for k in range(slots):
        r = rng.random()
        sv = NEG if r < 0.35 else NEU if r < 0.65 else POS
        # what to plant in this slot
        r = rng.random()
        plant = None
        if r < 0.012:
            plant = "tone"
        elif r < 0.018:
            plant = "tone_sarcasm_text"
        elif r < 0.024:
            plant = "tone_sarcasm_voice"
        elif r < 0.036:
            plant = "disagree"
        elif r < 0.042:
            plant = "disagree_surprise_no_valence"
        elif r < 0.048:
            plant = "disagree_under_1s"
        elif r < 0.060:
            plant = "model_disagrees"
        if plant and plant.startswith("tone") and sv == NEU:
            sv = NEG if rng.random() < 0.5 else POS
        if plant == "model_disagrees" and sv == NEU:
            sv = POS
        if plant:
            stats.plant("affect." + plant)

        # audio valence
        if plant and plant.startswith("tone"):
            av = OPPOSITE[sv]
        elif plant in ("disagree", "disagree_surprise_no_valence", "disagree_under_1s", "model_disagrees"):
            av = NEU
        elif sv != NEU:
            av = sv if rng.random() < 0.8 else NEU
        else:
            r = rng.random()
            av = NEU if r < 0.7 else NEG if r < 0.85 else POS

        # video: three humans (+ the face model 30 % of the time)
        polar_video = []  # ids of video emotion records with a polar valence (tone candidates)
        human_ids = []
        odd = int(rng.random() * 3) if plant and plant.startswith("disagree") else -1
        for h, ann in enumerate(humans):
            if h == odd and plant == "disagree":
                ov = [v for v in (NEG, NEU, POS) if v != sv][int(rng.random() * 2)]
                label, attrs = emotion_label(VIDEO_LABELS, ov)
                s, e = seg(k)
                rid = rec("video", "v", label, s, e, f',"annotator":"{ann}"{attrs}')
                human_ids.append((rid, ov))
                continue
            if h == odd and plant == "disagree_surprise_no_valence":
                s, e = seg(k)
                rec("video", "v", "surprised", s, e, f',"annotator":"{ann}"')
                continue
            if h == odd and plant == "disagree_under_1s":
                # a disagreeing 0.8 s piece at the slot start, then agreement
                ov = [v for v in (NEG, NEU, POS) if v != sv][int(rng.random() * 2)]
                label, attrs = emotion_label(VIDEO_LABELS, ov, allow_surprise=False)
                rec("video", "v", label, bounds[k], bounds[k] + 800, f',"annotator":"{ann}"')
                label, attrs = emotion_label(VIDEO_LABELS, sv)
                s, e = seg(k)
                rid = rec("video", "v", label, bounds[k] + 800, e, f',"annotator":"{ann}"{attrs}')
                human_ids.append((rid, sv))
                if sv != NEU:
                    polar_video.append(rid)
                continue
            label, attrs = emotion_label(VIDEO_LABELS, sv)
            s, e = seg(k)
            rid = rec("video", "v", label, s, e, f',"annotator":"{ann}"{attrs}')
            human_ids.append((rid, sv))
            if sv != NEU:
                polar_video.append(rid)
        if plant == "disagree":
            odd_id, odd_v = human_ids[odd]
            for j, (rid, v) in enumerate(human_ids):
                if j != odd and v != odd_v:
                    findings.append(("annotators_disagree", (odd_id, rid)))
        if plant == "model_disagrees" or rng.random() < 0.3:
            mv = OPPOSITE[sv] if plant == "model_disagrees" else sv
            label, _ = emotion_label(VIDEO_LABELS, mv, allow_surprise=False)
            conf = 50 + int(rng.random() * 50)
            s, e = seg(k)
            rid = rec("video", "v", label, s, e, f',"source":"model","confidence":0.{conf}')
            if mv != NEU and plant != "model_disagrees":
                polar_video.append(rid)

        # audio: the voice annotator's emotion, speech, sarcastic tone
        label, attrs = emotion_label(AUDIO_LABELS, av, allow_surprise=not (plant and plant.startswith("tone")))
        s, e = seg(k)
        aid = rec("audio", "a", label, s, e, f',"annotator":"ann-02"{attrs}')
        if rng.random() < 0.5:
            s, e = seg(k)
            rec("audio", "a", "speech", s, e, ',"annotator":"ann-02"')
        if plant == "tone_sarcasm_voice":
            s, e = seg(k, inward=True)
            rec("audio", "a", "sarcastic tone", s, e, ',"annotator":"ann-02"')
        if plant == "tone":
            for vid in polar_video:
                findings.append(("tone_mismatch", (vid, aid)))

        # text: the transcript annotator's emotion and sarcasm
        label, attrs = emotion_label(TEXT_LABELS, sv, allow_surprise=False)
        s, e = seg(k)
        rec("text", "t", label, s, e, ',"annotator":"ann-11"')
        if plant == "tone_sarcasm_text" or (plant is None and rng.random() < 0.03):
            s, e = seg(k, inward=True)
            rec("text", "t", "sarcastic", s, e, ',"annotator":"ann-11"')
    return lines, findings


# -------------------------------------------------------------- driving

TRACK_CLASSES = (
    # (weight, class, labels)
    (40, "car", ("vehicle.car",)),
    (25, "pedestrian", ("human.pedestrian.adult",) * 6 + ("human.pedestrian.child", "human.pedestrian.construction_worker", "human.pedestrian.police_officer")),
    (8, "truck", ("vehicle.truck",)),
    (4, "bus", ("vehicle.bus.bendy", "vehicle.bus.rigid")),
    (6, "bicycle", ("vehicle.bicycle", "cyclist")),
    (4, "motorcycle", ("vehicle.motorcycle",)),
    (2, "trailer", ("vehicle.trailer",)),
    (2, "construction_vehicle", ("vehicle.construction",)),
    (2, "emergency", ("vehicle.emergency.ambulance", "vehicle.emergency.police")),
    (1, "animal", ("animal",)),
    (2, "barrier", ("movable_object.barrier",)),
    (2, "traffic_cone", ("movable_object.trafficcone",)),
    (1, "debris", ("movable_object.debris",)),
    (1, "pushable_pullable", ("movable_object.pushable_pullable",)),
)
CLASS_TOTAL = sum(w for w, _, _ in TRACK_CLASSES)
# labels a class conflict may introduce: other classes, never pedestrian or emergency
CONFLICT_LABELS = {
    cls: tuple(lab[0] for _, c, lab in TRACK_CLASSES if c not in (cls, "pedestrian", "emergency"))
    for _, cls, _ in TRACK_CLASSES
}
SAME_CLASS_SWAP = {
    "human.pedestrian.adult": "human.pedestrian.child",
    "human.pedestrian.child": "human.pedestrian.adult",
    "human.pedestrian.construction_worker": "human.pedestrian.adult",
    "human.pedestrian.police_officer": "human.pedestrian.adult",
    "vehicle.bus.bendy": "vehicle.bus.rigid",
    "vehicle.bus.rigid": "vehicle.bus.bendy",
    "vehicle.bicycle": "cyclist",
    "cyclist": "vehicle.bicycle",
}
LIDAR_OFFSET_MS = 30  # a sweep 30 ms after the camera frame: near frames f and f+1, not f-1


def driving_shape(target):
    """(tracks, frames) for about `target` records per scene."""
    per = 1.8  # records per track and frame (camera occlusions, partial tracks)
    tracks = max(1, min(50, round(target / 40)))
    frames = max(10, round(target / (per * tracks)))
    if frames > 200:  # a 20 s scene at 10 Hz, then more tracks
        frames = 200
        tracks = max(1, round(target / (per * frames)))
    return tracks, frames


def driving_item(rng, key, target, stats):
    tracks, frames = driving_shape(target)
    lines = []
    findings = []
    pre = f'{{"item":"{key}","id":"'
    # scene-level LiDAR dropouts: no sweep at all in frames [d0, d1]
    dropouts = []
    if frames >= 20 and rng.random() < min(0.9, frames / 200 * 0.5):
        length = 3 + int(rng.random() * 4)
        d0 = 5 + int(rng.random() * (frames - length - 10))
        dropouts.append((d0, d0 + length - 1))
        stats.plant("driving.lidar_dropout_excuses")

    def in_dropout(f, margin=0):
        return any(d0 - margin <= f <= d1 + margin for d0, d1 in dropouts)

    nc = nl = 0
    for t in range(tracks):
        r = rng.random() * CLASS_TOTAL
        for w, cls, labels in TRACK_CLASSES:
            r -= w
            if r < 0:
                break
        label = labels[int(rng.random() * len(labels))]
        track = f"t{t + 1}"
        if rng.random() < 0.7 or frames < 20:
            f0, f1 = 0, frames - 1
        else:
            length = frames // 2 + int(rng.random() * (frames // 2))
            f0 = int(rng.random() * (frames - length + 1))
            f1 = f0 + length - 1
        occl = None
        if frames >= 20 and rng.random() < 0.3:
            o0 = f0 + int(rng.random() * (f1 - f0 + 1))
            occl = (o0, o0 + 2 + int(rng.random() * 6))
        # what to plant on this track
        plant = None
        r = rng.random()
        n = f1 - f0 + 1
        if cls == "pedestrian" and n >= 9 and occl is None and r < 0.15:
            plant = "lidar_gap"
        elif cls not in ("pedestrian", "emergency") and n >= 3 and r < 0.05:
            plant = "class_in_lidar"
        elif cls not in ("pedestrian", "emergency") and n >= 3 and r < 0.10:
            plant = "class_in_camera"
        elif cls not in ("pedestrian", "emergency") and n >= 3 and r < 0.13:
            plant = "emergency_in_camera"
        elif label in SAME_CLASS_SWAP and n >= 3 and r < 0.18:
            plant = "same_class_subtype"
        pf = None
        if plant == "lidar_gap":
            length = 3 + int(rng.random() * min(4, n - 8))
            for _ in range(8):
                g0 = f0 + 2 + int(rng.random() * (n - length - 4))
                g1 = g0 + length - 1
                if not any(d0 - 3 <= g1 and g0 <= d1 + 3 for d0, d1 in dropouts):
                    break
            else:
                plant = None
        elif plant:
            for _ in range(8):
                pf = f0 + 1 + int(rng.random() * (n - 2))
                if not in_dropout(pf, 2) and not (occl and occl[0] - 1 <= pf <= occl[1] + 1):
                    break
            else:
                plant = None
        if plant:
            stats.plant("driving." + plant)
        other = None
        if plant in ("class_in_lidar", "class_in_camera"):
            choices = CONFLICT_LABELS[cls]
            other = choices[int(rng.random() * len(choices))]
        elif plant == "emergency_in_camera":
            other = "vehicle.emergency.police"
        elif plant == "same_class_subtype":
            other = SAME_CLASS_SWAP[label]

        x = int(rng.random() * 1400)
        y = 200 + int(rng.random() * 500)
        w = 20 + int(rng.random() * 300)
        h = 20 + int(rng.random() * 200)
        cx = int(rng.random() * 8000) - 4000  # centimetres
        cy = int(rng.random() * 8000) - 4000
        vx = int(rng.random() * 200) - 100
        vy = int(rng.random() * 60) - 30
        cam = {}
        lid = {}
        tail_c = f',"track":"{track}","annotator":"ann-3","box":['
        tail_l = f',"track":"{track}","annotator":"ann-5","box3d":['
        for f in range(f0, f1 + 1):
            ms = f * 100
            camera_here = not (occl and occl[0] <= f <= occl[1])
            if camera_here:
                nc += 1
                cid = f"c{nc}"
                lab = other if (pf == f and plant in ("class_in_camera", "emergency_in_camera", "same_class_subtype")) else label
                lines.append(f'{pre}{cid}","modality":"camera","label":"{lab}","start":{fmt_t(ms)},"end":{fmt_t(ms)}{tail_c}{x + f},{y},{w},{h}]}}\n')
                cam[f] = cid
            if in_dropout(f) or (plant == "lidar_gap" and g0 <= f <= g1):
                continue
            nl += 1
            lid_id = f"l{nl}"
            lab = other if (pf == f and plant == "class_in_lidar") else label
            lms = ms + LIDAR_OFFSET_MS
            px = (cx + vx * f) / 100
            py = (cy + vy * f) / 100
            lines.append(f'{pre}{lid_id}","modality":"lidar","label":"{lab}","start":{fmt_t(lms)},"end":{fmt_t(lms)}{tail_l}{px},{py},0.9,4.5,1.9,1.6,0.1]}}\n')
            lid[f] = lid_id
        # expected findings of this track
        if plant == "lidar_gap":
            for f in range(g0 + 1, g1 + 1):
                if f in cam:
                    findings.append(("pedestrian_needs_lidar", (cam[f],)))
        elif plant == "class_in_lidar":
            for f in (pf, pf + 1):
                if f in cam and pf in lid:
                    findings.append(("track_class_agrees", (cam[f], lid[pf])))
        elif plant == "class_in_camera":
            for f in (pf, pf - 1):
                if pf in cam and f in lid:
                    findings.append(("track_class_agrees", (cam[pf], lid[f])))
    for d0, d1 in dropouts:
        lines.append(f'{pre}e1","modality":"events","label":"lidar dropout","start":{fmt_t(d0 * 100 - 50)},"end":{fmt_t(d1 * 100 + 50)}}}\n')
    return lines, findings


# --------------------------------------------------------------- retail

# leaf labels by subcategory
SUBCATEGORIES = {
    "topwear": ("tshirt", "shirt", "jacket"),
    "bottomwear": ("track_pants", "shorts", "trousers"),
    "dress": ("dress",),
    "shoes": ("casual_shoes", "sports_shoes"),
    "sandals": ("sandals",),
    "flip_flops": ("flip_flops",),
    "bags": ("backpack", "handbag"),
    "headwear": ("cap",),
    "watches": ("watch",),
    "socks": ("socks",),
}
SUBCAT_NAMES = tuple(SUBCATEGORIES)
DEPARTMENT_OF = {
    "topwear": "apparel", "bottomwear": "apparel", "dress": "apparel", "shoes": "footwear",
    "sandals": "footwear", "flip_flops": "footwear", "bags": "accessories",
    "headwear": "accessories", "watches": "accessories", "socks": "accessories",
}
COLOURS = ("black", "white", "grey", "silver", "red", "maroon", "pink", "orange", "yellow", "gold",
           "beige", "cream", "brown", "tan", "green", "olive", "blue", "navy_blue", "purple")
FAMILY = {}
for a, b in (("blue", "navy_blue"), ("red", "maroon"), ("brown", "tan"), ("white", "cream"), ("yellow", "gold")):
    FAMILY[a] = FAMILY[b] = (a, b)


def retail_item(rng, key, target, stats):
    lines = []
    findings = []
    pre = f'{{"item":"{key}","id":"'
    products = []
    sub = SUBCAT_NAMES[int(rng.random() * len(SUBCAT_NAMES))]
    products.append(sub)
    if rng.random() < 0.3:
        other = SUBCAT_NAMES[int(rng.random() * len(SUBCAT_NAMES))]
        if other != sub:
            products.append(other)
    r = rng.random()
    plant = "colour_in_copy" if r < 0.06 else "colour_in_photo" if r < 0.12 else None
    if plant:
        stats.plant("retail." + plant)
    ni = nd = 0
    photo = 0
    for pi, sub in enumerate(products):
        leaves = SUBCATEGORIES[sub]
        colour = COLOURS[int(rng.random() * len(COLOURS))]
        shades = FAMILY.get(colour, (colour,))
        wrong = None
        if plant and pi == 0:
            bad = [c for c in COLOURS if c not in shades]
            wrong = bad[int(rng.random() * len(bad))]
        images = []  # (id, colour or None)
        descs = []
        n_img = 2 + int(rng.random() * 4)
        for j in range(n_img):
            photo += 1
            ni += 1
            iid = f"i{ni}"
            r = rng.random()
            c = None if r < 0.05 else "multi" if r < 0.1 else shades[int(rng.random() * len(shades))]
            if wrong and plant == "colour_in_photo" and j == 0:
                c = wrong
            leaf = leaves[int(rng.random() * len(leaves))]
            attrs = f',"attrs":{{"photo":"{photo}.jpg"' + (f',"colour":"{c}"}}' if c else "}")
            lines.append(f'{pre}{iid}","modality":"image","label":"{leaf}","box":[{int(rng.random() * 200)},{int(rng.random() * 200)},{200 + int(rng.random() * 600)},{200 + int(rng.random() * 600)}],"annotator":"ph-{1 + int(rng.random() * 3)}"{attrs}}}\n')
            images.append((iid, c, j == 0 and plant == "colour_in_photo" and wrong is not None))
        n_desc = 1 + int(rng.random() * 3)
        pos = 0
        for j in range(n_desc):
            nd += 1
            did = f"d{nd}"
            r = rng.random()
            if r < 0.1:  # generic copy: no subcategory, never compared
                label = DEPARTMENT_OF[sub]
                generic = True
            else:
                label = leaves[int(rng.random() * len(leaves))]
                generic = False
            r = rng.random()
            c = None if r < 0.1 else "multi" if r < 0.13 else shades[int(rng.random() * len(shades))]
            planted = False
            if wrong and plant == "colour_in_copy" and j == 0:
                c = wrong
                label = leaves[0]
                generic = False
                planted = True
            length = 20 + int(rng.random() * 60)
            attrs = f',"attrs":{{"colour":"{c}"}}' if c else ""
            lines.append(f'{pre}{did}","modality":"description","label":"{label}","span":[{pos},{pos + length}],"annotator":"cp-1"{attrs}}}\n')
            pos += length + 2
            descs.append((did, c, generic, planted))
        if wrong and plant == "colour_in_copy":
            did = descs[0][0]
            for iid, c, _ in images:
                if c is not None and c != "multi":
                    findings.append(("photo_colour_matches_description", (iid, did)))
        if wrong and plant == "colour_in_photo":
            iid = images[0][0]
            for did, c, generic, _ in descs:
                if c is not None and c != "multi" and not generic:
                    findings.append(("photo_colour_matches_description", (iid, did)))
    # the seller's catalogue record and the reviews
    lines.append(f'{pre}k1","modality":"catalogue","label":"{SUBCATEGORIES[products[0]][0]}","attrs":{{"colour":"{COLOURS[int(rng.random() * len(COLOURS))]}"}}}}\n')
    nr = 0
    reviews = max(1, round((target - 12) / 3)) if target else 8
    for rv in range(reviews):
        nr += 1
        rid = f"r{rv + 1}"
        length = 80 + int(rng.random() * 400)
        lines.append(f'{pre}{rid}","modality":"review","label":"review","span":[0,{length}],"track":"{rid}","attrs":{{"rating":{1 + int(rng.random() * 5)}}}}}\n')
        for o in range(1 + int(rng.random() * 3)):
            s = int(rng.random() * (length - 10))
            lab = "praise" if rng.random() < 0.6 else "complaint"
            lines.append(f'{pre}{rid}o{o + 1}","modality":"review","label":"{lab}","span":[{s},{s + 10}],"track":"{rid}","annotator":"rv-1"}}\n')
    return lines, findings


# --------------------------------------------------------- surveillance

BLOCK_S = 300
ACTIONS = ("walking", "walking", "walking", "entering", "exiting", "running", "loitering")


def surveillance_item(rng, key, target, stats):
    blocks = max(1, round((target - 1) / 7.5)) if target else 12
    lines = []
    findings = []
    pre = f'{{"item":"{key}","id":"'
    lines.append(f'{pre}rec1","modality":"video","label":"recording","start":0,"end":{blocks * BLOCK_S}}}\n')
    nv = ne = 0
    person = 0
    for b in range(blocks):
        base = b * BLOCK_S * 1000  # ms
        for _ in range(2 + int(rng.random() * 4)):
            person += 1
            nv += 1
            s = base + int(rng.random() * 280000)
            d = 2000 + int(rng.random() * 15000)
            lab = ACTIONS[int(rng.random() * len(ACTIONS))]
            if lab == "loitering":
                d += 30000
            e = min(s + d, (blocks * BLOCK_S) * 1000)
            lines.append(f'{pre}v{nv}","modality":"video","label":"{lab}","start":{fmt_t(s)},"end":{fmt_t(e)},"track":"person-{person}","annotator":"rv-1"}}\n')
        for _ in range(1 + int(rng.random() * 3)):
            ne += 1
            t = base + int(rng.random() * 299000)
            lines.append(f'{pre}e{ne}","modality":"events","label":"access granted","start":{fmt_t(t)},"end":{fmt_t(t)}}}\n')
        r = rng.random()
        kind = ("package_reported" if r < 0.20 else "package_short" if r < 0.30 else
                "incident" if r < 0.40 else "package_unreported" if r < 0.47 else
                "package_report_late" if r < 0.50 else None)
        if kind is None:
            continue
        stats.plant("surveillance." + kind)
        if kind == "incident":
            t = base + int(rng.random() * 240000)
            for lab in ("incident", "guard dispatched"):
                ne += 1
                lines.append(f'{pre}e{ne}","modality":"events","label":"{lab}","start":{fmt_t(t)},"end":{fmt_t(t)},"attrs":{{"operator":"op-{1 + int(rng.random() * 4)}"}}}}\n')
                t += 20000 + int(rng.random() * 30000)
            continue
        # a package: starts 40-60 s into the block, so events of other blocks are > 30 s away
        s = base + 40000 + int(rng.random() * 20000)
        d = (10000 + int(rng.random() * 40000)) if kind == "package_short" else (70000 + int(rng.random() * 80000))
        nv += 1
        pid = f"v{nv}"
        lines.append(f'{pre}{pid}","modality":"video","label":"unattended package","start":{fmt_t(s)},"end":{fmt_t(s + d)},"annotator":"rv-1"}}\n')
        if kind == "package_reported":
            t = s + d - 30000 + int(rng.random() * 50000)  # within 20 s after it, or during it
        elif kind == "package_report_late":
            t = s + d + 45000 + int(rng.random() * 15000)
        else:
            t = None
        if t is not None:
            ne += 1
            lines.append(f'{pre}e{ne}","modality":"events","label":"suspicious package","start":{fmt_t(t)},"end":{fmt_t(t)},"attrs":{{"operator":"op-{1 + int(rng.random() * 4)}"}}}}\n')
        if kind in ("package_unreported", "package_report_late"):
            findings.append(("package_needs_event", (pid,)))
    return lines, findings


# ----------------------------------------------------------------- main

DOMAINS = {
    # name: (item function, key prefix, default records per item, share of a mix)
    "affect": (affect_item, "clip", 600, 0.30),
    "driving": (driving_item, "scene", 20000, 0.40),
    "retail": (retail_item, "listing", 40, 0.15),
    "surveillance": (surveillance_item, "cam", 90, 0.15),
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--domain", choices=sorted(DOMAINS) + ["mix"], default="mix")
    ap.add_argument("--records", type=int, default=100000, help="stop after the item that reaches this many records")
    ap.add_argument("--per-item", type=int, default=0, help="records per item (default: each domain's realistic size)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-", help="records (JSON Lines); - for stdout")
    ap.add_argument("--truth", help="expected findings, RULE<TAB>ITEM<TAB>IDS, sorted")
    ap.add_argument("--stats", help="counts (records, items, bytes, planted cases, findings by rule) as JSON")
    args = ap.parse_args(argv)
    if args.records < 1 or args.per_item < 0:
        ap.error("--records must be positive and --per-item non-negative")

    domains = sorted(DOMAINS) if args.domain == "mix" else [args.domain]
    share = {d: (DOMAINS[d][3] if args.domain == "mix" else 1.0) for d in domains}
    made = {d: 0 for d in domains}
    count = {d: 0 for d in domains}
    stats = Stats()
    truth = []
    out = sys.stdout if args.out == "-" else open(args.out, "w", buffering=1 << 20)
    try:
        while stats.records < args.records:
            # the domain furthest behind its share
            d = min(domains, key=lambda x: (made[x] / share[x], x))
            fn, prefix, default, _ = DOMAINS[d]
            count[d] += 1
            key = f"{prefix}-{count[d]:06d}"
            rng = Random(args.seed * 1_000_003 + hash_name(d) * 7_919 + count[d])
            target = args.per_item or default
            lines, findings = fn(rng, key, target, stats)
            text = "".join(lines)
            out.write(text)
            stats.items += 1
            stats.records += len(lines)
            stats.bytes += len(text)  # ASCII only
            made[d] += len(lines)
            for rule, ids in findings:
                truth.append(f"{rule}\t{key}\t{','.join(sorted(ids))}\n")
                stats.findings[rule] = stats.findings.get(rule, 0) + 1
    finally:
        if out is not sys.stdout:
            out.close()
    if args.truth:
        truth.sort()
        with open(args.truth, "w") as f:
            f.writelines(truth)
    if args.stats:
        with open(args.stats, "w") as f:
            json.dump({"domain": args.domain, "seed": args.seed, "per_item": args.per_item,
                       "records": stats.records, "items": stats.items, "bytes": stats.bytes,
                       "records_by_domain": made, "items_by_domain": count,
                       "findings": dict(sorted(stats.findings.items())),
                       "planted": dict(sorted(stats.planted.items()))}, f, indent=1)
            f.write("\n")
    return 0


def hash_name(name):
    """A stable small number for a domain name (str hash is salted per process)."""
    h = 0
    for ch in name:
        h = (h * 131 + ord(ch)) % 1_000_003
    return h


if __name__ == "__main__":
    sys.exit(main())
