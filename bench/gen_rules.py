#!/usr/bin/env python3
"""Generate a synthetic Accord module with N rules (compile benchmark input).

One file holds both the ontology and the rules:

- modalities video, audio, text, events (time), camera (time, box) and
  lidar (time, box3d);
- enums Valence, Weather, Level;
- about 215 concepts in a DAG: an affect family (video/audio/text, four
  levels, blends with two parents, children that inherit their modalities
  and take their own name as label), a sarcasm family (text), road users
  (camera/lidar, with subtypes and a two-parent `scooter_rider`), static
  objects, security events (events) and unattended packages (video); with
  attributes of every type (enum, bounded int and float, bool, string),
  defaults and fixed values lower down; a few `disjoint` groups;
- N rules (default 10,000) cycling through TEMPLATES below, which together
  use every rule form of LANGUAGE.md: several bindings, typed and untyped;
  where / require / unless; exists and count (also nested in arithmetic);
  `is`; `in {..}` over enums, ints and strings; attributes and the built-in
  fields; overlaps / overlap / near / during / before / after / meets /
  contains / iou / distance; arithmetic and unary minus; bare and qualified
  enum values; has(); report templates with {holes}; every order of
  severity / guideline / escalate; doc comments.

Every rule is meant to type-check. Attribute comparisons only use bindings
whose concept does not fix that attribute, so no condition is constant.
Picks are made by integer hashing, not `random`, so the output is
byte-identical on every Python version.

    python3 bench/gen_rules.py                        # bench/data/rules10k.accord
    python3 bench/gen_rules.py --rules 1000 --out /tmp/r.accord
    python3 bench/gen_rules.py --self-check           # write, re-read, verify
"""

import argparse
import os
import re
import sys
from collections import OrderedDict

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(BENCH_DIR, "data", "rules10k.accord")

KEYWORDS = frozenset(
    "ontology version import modality enum concept in as disjoint rule severity "
    "guideline escalate for where require unless report exists count is not and "
    "or true false test item expect none".split()
)
BUILTIN_FIELDS = frozenset(
    "id item modality label concept annotator source confidence track start end duration".split()
)

MODALITIES = OrderedDict([
    ("video", ["time"]),
    ("audio", ["time"]),
    ("text", ["time"]),
    ("events", ["time"]),
    ("camera", ["time", "box"]),
    ("lidar", ["time", "box3d"]),
])

ENUMS = OrderedDict([
    ("Valence", ["negative", "neutral", "positive"]),
    ("Weather", ["clear", "rain", "fog", "snow"]),
    ("Level", ["low", "medium", "high", "critical"]),
])

AFFECT_MODALITIES = ["video", "audio", "text"]
ROAD_MODALITIES = ["camera", "lidar"]


def h(k, salt):
    """Deterministic 32-bit hash of (k, salt)."""
    x = (k * 2654435761 + salt * 40503 + 12345) & 0xFFFFFFFF
    x ^= x >> 16
    x = (x * 0x45D9F3B) & 0xFFFFFFFF
    x ^= x >> 16
    return x


def pick(pool, k, salt):
    return pool[h(k, salt) % len(pool)]


# ----------------------------------------------------------------- ontology model


class Concept:
    def __init__(self, name, parents=(), uses=None, attrs=(), fixed=(), doc=None):
        self.name = name
        self.parents = list(parents)
        # uses: None = inherit modalities; else [(modality, label or None)]
        self.uses = uses
        self.attrs = list(attrs)    # [(name, type, default literal or None)]
        self.fixed = list(fixed)    # [(name, value literal)]
        self.doc = doc


class Ontology:
    def __init__(self):
        self.concepts = OrderedDict()
        self.disjoint = []

    def add(self, c):
        assert c.name not in self.concepts, c.name
        self.concepts[c.name] = c
        return c

    # --- derived facts, used to choose what rules may say
    def ancestors(self, name):
        seen, stack = [], [name]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.append(n)
            stack.extend(self.concepts[n].parents)
        return seen  # includes name

    def descendants(self, name):
        return [n for n in self.concepts if name in self.ancestors(n)]

    def modalities(self, name):
        c = self.concepts[name]
        if c.uses is not None:
            return [m for m, _ in c.uses]
        out = []
        for p in c.parents:
            for m in self.modalities(p):
                if m not in out:
                    out.append(m)
        return out

    def label(self, name, modality):
        c = self.concepts[name]
        if c.uses is not None:
            for m, lab in c.uses:
                if m == modality:
                    return lab if lab is not None else name
        return name

    def attributes(self, name):
        out = OrderedDict()
        for a in self.ancestors(name):
            for attr, typ, _ in self.concepts[a].attrs:
                out[attr] = typ
        return out

    def fixed_here_or_above(self, name):
        return {attr for a in self.ancestors(name) for attr, _ in self.concepts[a].fixed}

    def varying(self, names, attr):
        """Those of names that have attr and do not fix it."""
        return [n for n in names if attr in self.attributes(n) and attr not in self.fixed_here_or_above(n)]


def build_ontology():
    o = Ontology()
    uses = lambda name, ms, prefix=True: [(m, "%s:%s" % (m, name) if prefix else None) for m in ms]

    # affect: video, audio, text
    o.add(Concept("affect", uses=[(m, None) for m in AFFECT_MODALITIES], attrs=[
        ("valence", "Valence", None),
        ("intensity", "int[1..5]", "3"),
        ("arousal", "float[0..1]", "0.5"),
        ("speaker", "string", None),
    ], doc="Any emotional reading of a person."))
    valences = ENUMS["Valence"]
    families = ["basic", "social", "cognitive"]
    for fam in families:
        o.add(Concept("affect_" + fam, ["affect"], uses("affect_" + fam, AFFECT_MODALITIES),
                      doc="Affect of the %s family." % fam))
        for j in range(12):
            emo = "%s_emotion_%02d" % (fam, j)
            o.add(Concept(emo, ["affect_" + fam], uses(emo, AFFECT_MODALITIES),
                          fixed=[("valence", valences[j % 3])],
                          doc="Emotion %d of the %s family (%s)." % (j, fam, valences[j % 3])))
            o.add(Concept(emo + "_mild", [emo], None, fixed=[("intensity", "2")]))
            o.add(Concept(emo + "_strong", [emo], None, fixed=[("intensity", "5")],
                          attrs=[("trigger", "string", None)] if j % 4 == 0 else []))
        for k in range(3):
            blend = "%s_blend_%d" % (fam, k)
            o.add(Concept(blend, ["%s_emotion_%02d" % (fam, k), "%s_emotion_%02d" % (fam, k + 3)],
                          uses(blend, AFFECT_MODALITIES), doc="A blend of two emotions of one valence."))
    o.add(Concept("sarcasm", uses=[("text", "sarcastic")], doc="Marked sarcasm in the transcript."))
    o.add(Concept("irony", ["sarcasm"], [("text", "ironic")]))
    o.add(Concept("mockery", ["sarcasm"], [("text", "mocking")]))

    # road users: camera, lidar
    o.add(Concept("road_user", uses=uses("road_user", ROAD_MODALITIES), attrs=[
        ("speed", "float[0..100]", None),
        ("occluded", "bool", "false"),
        ("lane", "int[0..8]", None),
        ("moving", "bool", "true"),
        ("weather", "Weather", "clear"),
    ], doc="Anything that moves on the road."))
    o.add(Concept("vehicle", ["road_user"], uses("vehicle", ROAD_MODALITIES),
                  attrs=[("wheels", "int[2..18]", "4")]))
    o.add(Concept("vulnerable_road_user", ["road_user"], [(m, None) for m in ROAD_MODALITIES]))
    o.add(Concept("pedestrian", ["vulnerable_road_user"], uses("pedestrian", ROAD_MODALITIES)))
    o.add(Concept("cyclist", ["vulnerable_road_user"], uses("cyclist", ROAD_MODALITIES)))
    o.add(Concept("scooter_rider", ["pedestrian", "cyclist"], uses("scooter_rider", ROAD_MODALITIES),
                  doc="Two parents: counts as a pedestrian and as a cyclist."))
    wheels = {"motorcycle": "2", "truck": "10", "bus": "6"}
    for cls in ["car", "truck", "bus", "van", "motorcycle", "trailer", "tram", "emergency_vehicle"]:
        o.add(Concept(cls, ["vehicle"], uses(cls, ROAD_MODALITIES),
                      fixed=[("wheels", wheels[cls])] if cls in wheels else []))
        for k in range(5):
            fixed = [("moving", "false")] if k == 4 else []
            o.add(Concept("%s_type_%d" % (cls, k), [cls], None, fixed=fixed))
    for k in range(10):
        o.add(Concept("pedestrian_kind_%02d" % k, ["pedestrian"], [(m, None) for m in ROAD_MODALITIES]))
    for k in range(6):
        o.add(Concept("cyclist_kind_%02d" % k, ["cyclist"], uses("cyclist_kind_%02d" % k, ROAD_MODALITIES)))
    o.add(Concept("static_object", uses=uses("static_object", ROAD_MODALITIES),
                  attrs=[("height", "float[0..50]", None)]))
    for k in range(8):
        o.add(Concept("static_object_%d" % k, ["static_object"], None))

    # surveillance
    o.add(Concept("security_event", uses=[("events", None)], attrs=[("level", "Level", "medium")],
                  doc="A logged security event."))
    for k in range(8):
        fixed = [("level", "high")] if k % 4 == 3 else []
        o.add(Concept("security_event_%d" % k, ["security_event"], [("events", "event-%d" % k)], fixed=fixed))
    o.add(Concept("unattended_package", uses=[("video", "unattended-package")],
                  attrs=[("weight", "float[0..100]", None)]))
    o.add(Concept("unattended_suitcase", ["unattended_package"], [("video", "unattended-suitcase")]))
    o.add(Concept("unattended_bag", ["unattended_package"], [("video", "unattended-bag")]))

    o.disjoint = [
        ["affect_basic", "affect_social", "affect_cognitive"],
        ["vehicle", "vulnerable_road_user"],
        ["car", "truck", "bus", "tram"],
        ["irony", "mockery"],
    ]
    return o


def write_ontology(out, o):
    for m, ext in MODALITIES.items():
        out.write("modality %s { extent: %s; }\n" % (m, ", ".join(ext)))
    out.write("\n")
    for e, values in ENUMS.items():
        out.write("enum %s { %s }\n" % (e, ", ".join(values)))
    out.write("\n")
    for c in o.concepts.values():
        if c.doc:
            out.write("/// %s\n" % c.doc)
        out.write("concept " + c.name)
        if c.parents:
            out.write(" : " + ", ".join(c.parents))
        if c.uses is not None:
            out.write(" in " + ", ".join(m if lab is None else '%s as "%s"' % (m, lab) for m, lab in c.uses))
        members = ["%s: %s%s;" % (a, t, "" if d is None else " = " + d) for a, t, d in c.attrs]
        members += ["%s = %s;" % (a, v) for a, v in c.fixed]
        if members:
            out.write(" {\n" + "".join("  %s\n" % m for m in members) + "}\n")
        else:
            out.write(";\n")
    out.write("\n")
    for group in o.disjoint:
        out.write("disjoint %s;\n" % ", ".join(group))
    out.write("\n")


# ----------------------------------------------------------------- rule templates


class Pools:
    def __init__(self, o):
        self.o = o
        names = list(o.concepts)
        self.affect = o.descendants("affect")
        self.road = o.descendants("road_user")
        self.vehicle = o.descendants("vehicle")
        self.sarcasm = o.descendants("sarcasm")
        self.event = o.descendants("security_event")
        self.package = o.descendants("unattended_package")
        self.static = o.descendants("static_object")
        self.v = lambda pool, attr: o.varying(pool, attr)
        # concepts with something strictly below them, for `is`
        self.with_children = [n for n in names if len(o.descendants(n)) > 1]
        self.labels = {m: [o.label(n, m) for n in names if m in o.modalities(n)] for m in MODALITIES}

    def below(self, name):
        return [n for n in self.o.descendants(name) if n != name]


def rule_forms(P):
    """Each template: k (instance number) -> (doc, body lines). Names and
    properties are added by the caller."""
    o = P.o
    val = P.v(P.affect, "valence")
    inten = P.v(P.affect, "intensity")
    arous = P.v(P.affect, "arousal")
    speed = P.v(P.road, "speed")
    veh_speed = P.v(P.vehicle, "speed")
    veh_wheels = P.v(veh_speed, "wheels")
    moving = P.v(P.vehicle, "moving")
    lvl = P.v(P.event, "level")
    affect_is = [n for n in P.with_children if n in P.affect]
    road_is = [n for n in P.with_children if n in P.road]

    def t_tone(k):
        v, a, s = pick(val, k, 1), pick(val, k, 2), pick(P.sarcasm, k, 3)
        return ("Tone must agree across channels unless sarcasm is marked.", [
            "for v: %s in video, a: %s in audio" % (v, a),
            "where overlaps(v, a) and v.valence != a.valence",
            "unless exists t: %s in text where overlaps(t, v)" % s,
            'report "video says {v.label} ({v.valence}) but audio says {a.label} ({a.valence})";'])

    def t_needs_lidar(k):
        c = pick(P.road, k, 4)
        l = pick([a for a in o.ancestors(c) if a in P.road], k, 5)  # c itself or a class above it
        ms = 50 + 10 * (k % 10)
        return ("Every %s boxed in the camera has a LiDAR cuboid on the same track." % c, [
            "for c: %s in camera" % c,
            "require exists l: %s in lidar where l.track == c.track and near(l, c, %dms)" % (l, ms),
            'report "camera {c.label} on track {c.track} at {c.start}s has no LiDAR cuboid within %d ms";' % ms])

    def t_class_agrees(k):
        r = pick(road_is, k, 6)
        return ("Camera and LiDAR agree on the class of a track.", [
            "for c: %s in camera, l: %s in lidar" % (r, r),
            "where c.track == l.track and near(c, l, 100ms) and c.concept != l.concept",
            'report "track {c.track}: camera says {c.label}, LiDAR says {l.label}";'])

    def t_annotators(k):
        m, x = pick(AFFECT_MODALITIES, k, 7), pick(val, k, 8)
        return ("Two annotators of the same channel disagree on valence.", [
            "for x: %s in %s, y: %s in %s" % (x, m, x, m),
            "where x.annotator != y.annotator and overlap(x, y) >= %ds and x.valence != y.valence" % (1 + k % 3),
            'report "{x.annotator} and {y.annotator} disagree on {x.start}s..{x.end}s";'])

    def t_count_events(k):
        p, e, n = pick(P.package, k, 9), pick(P.event, k, 10), 1 + k % 3
        return ("An unattended package is confirmed by logged security events.", [
            "for p: %s in video" % p,
            "require count(e: %s in events where near(e, p, %ds)) >= %d" % (e, 10 + k % 50, n),
            'report "{p.label} at {p.start}s has fewer than %d security events";' % n])

    def t_model_human(k):
        m, x = pick(val, k, 11), pick(val, k, 12)
        mod = pick(AFFECT_MODALITIES, k, 13)
        return ("A confident model prediction that contradicts the human label goes to review.", [
            "for m: %s in %s, h: %s in %s" % (m, mod, x, mod),
            'where m.source == "model" and h.source == "human"',
            "  and m.confidence >= 0.%d and overlaps(m, h) and m.valence != h.valence" % (5 + k % 5),
            'report "model ({m.confidence}) says {m.label}, annotator {h.annotator} says {h.label}";'])

    def t_is(k):
        g = pick(affect_is, k, 14)
        kids = P.below(g)
        d1, d2 = pick(kids, k, 15), pick(kids, k, 16)
        x = g if g in inten else None
        mod = pick(AFFECT_MODALITIES, k, 17)
        cond = "x is %s or x is %s" % (d1, d2) if d1 != d2 else "x is %s" % d1
        req = "require x.intensity >= %d" % (2 + k % 4) if x else "require x.confidence >= 0.5"
        return ("Subtypes of %s need enough intensity." % g, [
            "for x: %s in %s" % (g, mod),
            "where %s" % cond,
            req,
            'report "{x.label} at {x.start}s fails the check ({x.concept})";'])

    def t_in_set(k):
        x = pick([n for n in val if n in inten], k, 18)
        vs = ENUMS["Valence"]
        a, b = vs[k % 3], vs[(k + 1) % 3]
        return ("Strong affect of some valences in the transcript is flagged.", [
            "for x: %s in text" % x,
            "where x.valence in {%s, %s} and x.intensity in {%d, %d}" % (a, b, 3 + k % 3, 1 + k % 2),
            'report "{x.label} ({x.valence}, intensity {x.intensity}) at {x.start}s";'])

    def t_untyped(k):
        la = P.labels["audio"]
        l1, l2 = pick(la, k, 19), pick(la, k, 20)
        labs = '"%s"' % l1 if l1 == l2 else '"%s", "%s"' % (l1, l2)
        y = "y in video" if k % 2 == 0 else "y: %s in video" % pick(P.affect, k, 51)
        return ("An audio label heard during a video segment by the same annotator.", [
            "for x in audio, %s" % y,
            "where during(x, y) and x.label in {%s} and x.annotator == y.annotator" % labs,
            'report "{x.label} during {y.label} ({y.start}s..{y.end}s)";'])

    def t_order(k):
        x, y = pick(P.affect, k, 21), pick(P.affect, k, 22)
        pred = ["before(x, y) and not meets(x, y)", "(after(x, y) or meets(y, x))", "contains(x, y)"][k % 3]
        return ("Ordering of video and text segments.", [
            "for x: %s in video, y: %s in text" % (x, y),
            "where %s and y.start - x.end < x.end - x.start" % pred,
            'report "{y.label} at {y.start}s against {x.label} ending {x.end}s";'])

    def t_arith(k):
        pool = [n for n in inten if n in arous]
        x, y = pick(pool, k, 23), pick(pool, k, 24)
        return ("Combined intensity across channels is bounded.", [
            "for x: %s in video, y: %s in audio" % (x, y),
            "where overlaps(x, y) and x.intensity + y.intensity >= %d" % (6 + k % 4),
            "  and (x.arousal - y.arousal) * 2.0 > 0.%d and (x.arousal + y.arousal) / 2.0 <= 0.%d" % (1 + k % 8, 5 + k % 5),
            'report "combined intensity {x.intensity + y.intensity} ({x.label} + {y.label})";'])

    def t_iou(k):
        r = pick(P.road, k, 25)
        return ("Two tracks boxed on top of each other.", [
            "for a: %s in camera, b: %s in camera" % (r, r),
            "where a.track != b.track and iou(a, b) > 0.%d" % (5 + k % 5),
            'report "tracks {a.track} and {b.track} overlap: iou {iou(a, b)}";'])

    def t_distance(k):
        r = pick(P.road + P.static, k, 26) if k % 2 else pick(P.road, k, 26)
        s = pick(P.road, k, 27)
        return ("Two LiDAR cuboids too close together.", [
            "for a: %s in lidar, b: %s in lidar" % (r, s),
            "where a.track != b.track and near(a, b, 0ms) and distance(a, b) <= 0.%d" % (3 + k % 6),
            'report "{a.label} and {b.label} are {distance(a, b)} m apart";'])

    def t_has(k):
        c = pick(veh_wheels, k, 28)
        return ("Fast vehicles in the outer lanes must be visible.", [
            "for c: %s in camera" % c,
            "where has(c.speed) and c.speed > %d.0 and c.lane in {0, %d}" % (20 + k % 40, 1 + k % 8),
            "require not c.occluded and c.wheels >= %d" % (3 + k % 4),
            'report "{c.label} at {c.speed} m/s in lane {c.lane} is occluded";'])

    def t_three(k):
        v, a, t = pick(val, k, 29), pick(val, k, 30), pick(val, k, 31)
        return ("Video, audio and text agree on valence.", [
            "for v: %s in video, a: %s in audio, t: %s in text" % (v, a, t),
            "where overlaps(v, a) and overlaps(a, t) and v.valence == a.valence and a.valence != t.valence",
            'report "text says {t.valence} where video and audio say {v.valence}";'])

    def t_qualified(k):
        pool = [n for n in val if n in arous]
        x, y = pick(pool, k, 32), pick(val, k, 33)
        v = ENUMS["Valence"][k % 3]
        return ("Calm positive audio is confirmed by the video.", [
            "for x: %s in audio" % x,
            "where x.valence == Valence.%s and x.arousal < 0.%d" % (v, 2 + k % 6),
            "unless exists y: %s in video where overlaps(x, y) and y.valence == Valence.%s" % (y, v),
            'report "{x.label} ({x.valence}) at {x.start}s has no matching video";'])

    def t_critical(k):
        e, p = pick(lvl, k, 34), pick(P.package, k, 35)
        return ("A critical security event has a package on camera.", [
            "for e: %s in events" % e,
            "where e.level in {high, critical}",
            "require exists p: %s in video where contains(p, e) or near(p, e, %ds)" % (p, 1 + k % 10),
            'report "{e.label} ({e.level}) at {e.start}s has no package in view";'])

    def t_weather(k):
        c = pick([n for n in veh_speed if n in moving], k, 36)
        w1, w2 = ENUMS["Weather"][1 + k % 3], ENUMS["Weather"][1 + (k + 1) % 3]
        return ("Camera and LiDAR speeds agree in bad weather.", [
            "for c: %s in camera, l: %s in lidar" % (c, c),
            "where c.track == l.track and near(c, l, 100ms) and c.weather in {%s, %s}" % (w1, w2),
            "  and c.speed - l.speed > -%d.0 and not c.moving" % (1 + k % 9),
            'report "track {c.track} in {c.weather}: camera {c.speed}, LiDAR {l.speed}";'])

    def t_count_sum(k):
        v, s, a = pick(P.affect, k, 37), pick(P.sarcasm, k, 38), pick(P.affect, k, 39)
        return ("Every video affect segment is backed by text or audio.", [
            "for v: %s in video" % v,
            "where count(t: %s in text where overlaps(t, v)) + count(a: %s in audio where overlaps(a, v)) == 0" % (s, a),
            'report "{v.label} at {v.start}s has no text or audio annotation";'])

    def t_time_iou(k):
        x = pick(P.affect, k, 40)
        return ("Overlapping video and audio segments of different concepts.", [
            "for x: %s in video, y: %s in audio" % (x, x),
            "where iou(x, y) >= 0.%d and overlap(x, y) >= %dms and x.concept != y.concept" % (5 + k % 5, 100 * (1 + k % 9)),
            'report "iou {iou(x, y)}: {x.label} vs {y.label}";'])

    def t_speaker(k):
        pool = [n for n in inten if "speaker" in o.attributes(n)]
        x, y = pick(pool, k, 41), pick(pool, k, 42)
        return ("One speaker's intensity agrees between transcript and audio.", [
            "for x: %s in text, y: %s in audio" % (x, y),
            "where (after(x, y) or meets(y, x)) and x.speaker == y.speaker and x.intensity != y.intensity",
            'report "{x.speaker}: {x.intensity} in text, {y.intensity} in audio";'])

    def t_model_is(k):
        r = pick(road_is, k, 43)
        kids = P.below(r)
        d1, d2 = pick(kids, k, 44), pick(kids, k, 45)
        return ("Low-confidence model cuboids must be of a known subtype.", [
            "for m: %s in lidar" % r,
            'where m.source == "model" and m.confidence < 0.%d' % (2 + k % 5),
            "require m is %s or m is %s" % (d1, d2),
            'report "model cuboid {m.id} says {m.label} with confidence {m.confidence}";'])

    def t_durations(k):
        x = pick(P.affect, k, 46)
        mod = pick(AFFECT_MODALITIES, k, 47)
        return ("One annotator's overlapping segments.", [
            "for x: %s in %s, y: %s in %s" % (x, mod, x, mod),
            "where x.annotator == y.annotator and overlaps(x, y)",
            "  and overlap(x, y) + overlap(y, x) >= %ds and x.duration > y.duration" % (1 + k % 4),
            'report "{x.annotator}: {x.id} and {y.id} overlap for {overlap(x, y)}s";'])

    def t_nested_exists(k):
        c, l, s = pick(P.road, k, 48), pick(P.road, k, 49), pick(P.static, k, 50)
        return ("A moving road user near a static object is seen by both sensors.", [
            "for c: %s in camera, o: %s in camera" % (c, s),
            "where iou(c, o) > 0.1 and o.height > 1.%d" % (k % 10),
            "require exists l: %s in lidar where l.track == c.track and (during(l, c) or near(l, c, 200ms))" % l,
            'report "{c.label} at {c.track} near {o.label} has no LiDAR track";'])

    return [t_tone, t_needs_lidar, t_class_agrees, t_annotators, t_count_events, t_model_human,
            t_is, t_in_set, t_untyped, t_order, t_arith, t_iou, t_distance, t_has, t_three,
            t_qualified, t_critical, t_weather, t_count_sum, t_time_iou, t_speaker, t_model_is,
            t_durations, t_nested_exists]


def write_rules(out, P, n):
    forms = rule_forms(P)
    severities = ["error", "warning", "info"]
    for r in range(n):
        form = forms[r % len(forms)]
        k = r // len(forms)
        doc, body = form(k)
        name = "r%05d_%s" % (r, form.__name__[2:])
        props = ["severity " + severities[r % 3]]
        if r % 3 != 0:
            props.append('guideline "Playbook %d.%d"' % (1 + r % 9, r % 17))
        if r % 5 == 0:
            props.append('escalate "team-%d"' % (r % 4))
        if r % 7 == 0:
            props.reverse()
        if r % 4 != 3:
            out.write("/// %s\n" % doc)
        out.write("rule %s %s {\n" % (name, " ".join(props)))
        for line in body:
            out.write("  %s\n" % line)
        out.write("}\n\n")


# ----------------------------------------------------------------- self-check


TIME_PREDICATES = {"overlaps", "overlap", "before", "after", "meets", "during", "contains", "near"}


def self_check(path, expected_rules):
    """Re-read the generated file with regexes (independently of the model
    above) and check what the compiler's resolver and type checker would."""
    text = open(path, encoding="utf-8").read()
    problems = []
    modalities, enums, concepts, disjoint, rules = {}, {}, OrderedDict(), [], OrderedDict()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line or line.startswith("//"):
            if line.startswith("///") and (not line.startswith("/// ") or line.startswith("////")):
                problems.append("line %d: malformed doc comment" % i)
            continue
        m = re.match(r"^modality (\w+) \{ extent: ([\w, ]+); \}$", line)
        if m:
            modalities[m.group(1)] = [e.strip() for e in m.group(2).split(",")]
            continue
        m = re.match(r"^enum (\w+) \{ ([\w, ]+) \}$", line)
        if m:
            enums[m.group(1)] = [e.strip() for e in m.group(2).split(",")]
            continue
        m = re.match(r'^concept (\w+)(?: : ([\w, ]+?))?(?: in (.+?))?( \{|;)$', line)
        if m:
            name = m.group(1)
            if name in concepts:
                problems.append("duplicate concept %s" % name)
            uses = None
            if m.group(3):
                uses = []
                for u in m.group(3).split(", "):
                    mu = re.match(r'^(\w+)(?: as "([^"\\]*)")?$', u)
                    if not mu:
                        problems.append("concept %s: bad modality use %r" % (name, u))
                        continue
                    uses.append((mu.group(1), mu.group(2)))
            members = []
            if m.group(4) == " {":
                while lines[i] != "}":
                    members.append(lines[i].strip())
                    i += 1
                i += 1
            concepts[name] = {
                "parents": [p.strip() for p in m.group(2).split(",")] if m.group(2) else [],
                "uses": uses, "members": members,
            }
            continue
        m = re.match(r"^disjoint ([\w, ]+);$", line)
        if m:
            disjoint.append([d.strip() for d in m.group(1).split(",")])
            continue
        m = re.match(r"^rule (\w+) (.*) \{$", line)
        if m:
            body = []
            while lines[i] != "}":
                body.append(lines[i].strip())
                i += 1
            i += 1
            if m.group(1) in rules:
                problems.append("duplicate rule %s" % m.group(1))
            rules[m.group(1)] = (m.group(2), " ".join(body))
            continue
        if re.match(r'^ontology \w+ version "[^"]*";$', line):
            continue
        problems.append("line %d: unexpected %r" % (i, line[:100]))
    if problems:
        return problems

    # --- ontology
    for n, c in concepts.items():
        if n in KEYWORDS or not re.match(r"^[A-Za-z_]\w*$", n):
            problems.append("illegal concept name %s" % n)
        for p in c["parents"]:
            if p not in concepts:
                problems.append("%s: missing parent %s" % (n, p))
        for mod, _ in c["uses"] or []:
            if mod not in modalities:
                problems.append("%s: unknown modality %s" % (n, mod))
    if problems:
        return problems
    order, indeg = [], {n: len(c["parents"]) for n, c in concepts.items()}
    kids = {n: [] for n in concepts}
    for n, c in concepts.items():
        for p in c["parents"]:
            kids[p].append(n)
    order = [n for n in concepts if indeg[n] == 0]
    for n in order:
        for ch in kids[n]:
            indeg[ch] -= 1
            if indeg[ch] == 0:
                order.append(ch)
    if len(order) != len(concepts):
        return ["cycle in the concept hierarchy"]
    anc = {}
    for n in order:
        s = {n}
        for p in concepts[n]["parents"]:
            s |= anc[p]
        anc[n] = s
    mods, attrs, fixed = {}, {}, {}
    labels = {m: {} for m in modalities}
    enum_values = {v: e for e, vs in enums.items() for v in vs}
    for n in order:
        c = concepts[n]
        if c["uses"] is None:
            if not c["parents"]:
                problems.append("%s: annotated nowhere" % n)
            mods[n] = {m: n for p in c["parents"] for m in mods[p]}
        else:
            mods[n] = {m: (lab if lab is not None else n) for m, lab in c["uses"]}
        for m, lab in mods[n].items():
            if lab in labels[m]:
                problems.append("label %r in %s used by %s and %s" % (lab, m, labels[m][lab], n))
            labels[m][lab] = n
        a = {}
        for p in c["parents"]:
            for k2, v in attrs[p].items():
                if k2 in a and a[k2] != v:
                    problems.append("%s: attribute %s inherited twice" % (n, k2))
                a[k2] = v
        fx = {}
        for p in c["parents"]:
            for k2, v in fixed[p].items():
                if k2 in fx and fx[k2] != v:
                    problems.append("%s: inherits %s = %s and %s" % (n, k2, fx[k2], v))
                fx[k2] = v
        for mem in c["members"]:
            md = re.match(r"^(\w+): (\w+(?:\[[-\d.]+\.\.[-\d.]+\])?)(?: = (\S+))?;$", mem)
            mf = re.match(r"^(\w+) = (\S+);$", mem)
            if md:
                an, typ, dflt = md.groups()
                if an in a or an in BUILTIN_FIELDS or an in KEYWORDS:
                    problems.append("%s: attribute %s redeclared or reserved" % (n, an))
                a[an] = typ
                fx[an] = "<default>"
                if dflt is not None and not value_fits(typ, dflt, enums):
                    problems.append("%s: default %s does not fit %s" % (n, dflt, typ))
            elif mf:
                an, v = mf.groups()
                if an not in a:
                    problems.append("%s: fixes undeclared %s" % (n, an))
                elif not value_fits(a[an], v, enums):
                    problems.append("%s: fixed %s = %s does not fit %s" % (n, an, v, a[an]))
                fx[an] = v
            else:
                problems.append("%s: bad member %r" % (n, mem))
        attrs[n], fixed[n] = a, fx
    for group in disjoint:
        for d in group:
            if d not in concepts:
                problems.append("disjoint names unknown %s" % d)
        for n in concepts:
            below = [d for d in group if d in anc[n]]
            if len(below) > 1:
                problems.append("%s is below disjoint %s" % (n, below))

    # --- rules
    for rname, (props, body) in rules.items():
        where = "rule %s" % rname
        if not re.match(r'^(?:(?:severity (?:error|warning|info)|guideline "[^"]*"|escalate "[^"]*") ?)+$', props):
            problems.append("%s: bad properties %r" % (where, props))
        if not body.startswith("for ") or not body.endswith(";"):
            problems.append("%s: body shape" % where)
        mrep = re.search(r'report "((?:[^"\\]|\\.)*)";$', body)
        if not mrep:
            problems.append("%s: no report" % where)
            continue
        code = body[:mrep.start()]
        holes = re.findall(r"\{([^{}]*)\}", mrep.group(1))
        if re.sub(r"\{[^{}]*\}", "", mrep.group(1)).count("{") or re.sub(r"\{[^{}]*\}", "", mrep.group(1)).count("}"):
            problems.append("%s: unbalanced report holes" % where)
        code_nostr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code)
        scope = {}
        for var, con, mod in re.findall(r"\b(\w+): (\w+) in (\w+)\b", code_nostr):
            if var in scope:
                problems.append("%s: variable %s bound twice" % (where, var))
            if var in KEYWORDS:
                problems.append("%s: variable %s is a keyword" % (where, var))
            if con not in concepts:
                problems.append("%s: unknown concept %s" % (where, con))
                continue
            if mod not in mods[con]:
                problems.append("%s: %s is not annotated in %s" % (where, con, mod))
            scope[var] = (con, mod)
        for var, mod in re.findall(r"(?:\bfor|,) (\w+) in (\w+)\b(?! *\{)", code_nostr):
            if var in scope:
                problems.append("%s: variable %s bound twice" % (where, var))
            if mod not in modalities:
                problems.append("%s: unknown modality %s" % (where, mod))
            scope[var] = (None, mod)
        if code_nostr.count("(") != code_nostr.count(")"):
            problems.append("%s: unbalanced parentheses" % where)
        exprs = [code_nostr] + holes
        for ex in exprs:
            for var, field in re.findall(r"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)", ex):
                if var in enums:
                    if field not in enums[var]:
                        problems.append("%s: %s.%s is no enum value" % (where, var, field))
                    continue
                if var not in scope:
                    problems.append("%s: unbound %s" % (where, var))
                    continue
                con = scope[var][0]
                if field in BUILTIN_FIELDS:
                    continue
                if con is None or field not in attrs[con]:
                    problems.append("%s: %s has no attribute %s" % (where, var, field))
            for fn, x, y in re.findall(r"\b(\w+)\((\w+), (\w+)", ex):
                if fn in ("count", "has"):
                    continue
                if x not in scope or y not in scope:
                    problems.append("%s: %s over unbound variables" % (where, fn))
                    continue
                gx, gy = set(modalities[scope[x][1]]), set(modalities[scope[y][1]])
                need = {"iou": ({"time", "box"}), "distance": {"box3d", "geo"}}.get(fn)
                if fn in TIME_PREDICATES:
                    if "time" not in gx or "time" not in gy:
                        problems.append("%s: %s without time" % (where, fn))
                elif need is not None:
                    if not (gx & gy & need):
                        problems.append("%s: %s without common geometry" % (where, fn))
                else:
                    problems.append("%s: unknown function %s" % (where, fn))
            for var, con in re.findall(r"\b(\w+) is (\w+)", ex):
                if var not in scope or con not in concepts:
                    problems.append("%s: bad is-test %s is %s" % (where, var, con))
                elif scope[var][0] not in anc[con]:
                    problems.append("%s: %s is never below %s" % (where, con, scope[var][0]))
            # Enum and literal types on the right of == != and in {..}
            for var, field, op, rhs in re.findall(r"\b(\w+)\.(\w+) (==|!=|<|<=|>|>=) (-?[\w.]+)", ex):
                check_compare(problems, where, scope, attrs, enums, enum_values, var, field, [rhs])
            for var, field, items in re.findall(r"\b(\w+)\.(\w+) in \{([^{}]*)\}", ex):
                check_compare(problems, where, scope, attrs, enums, enum_values, var, field,
                              [s.strip() for s in items.split(",")])
    if len(rules) != expected_rules:
        problems.append("%d rules, expected %d" % (len(rules), expected_rules))
    print("self-check %s: %d modalities, %d enums, %d concepts, %d parent edges, %d disjoint groups, %d rules"
          % (path, len(modalities), len(enums), len(concepts),
             sum(len(c["parents"]) for c in concepts.values()), len(disjoint), len(rules)))
    return problems


def value_fits(typ, v, enums):
    if typ in enums:
        return v in enums[typ]
    if typ == "bool":
        return v in ("true", "false")
    if typ == "string":
        return v.startswith('"')
    m = re.match(r"^(int|float)\[([-\d.]+)\.\.([-\d.]+)\]$", typ)
    if m:
        kind, lo, hi = m.groups()
        if kind == "int" and not re.match(r"^-?\d+$", v):
            return False
        if kind == "float" and not re.match(r"^-?\d+(\.\d+)?$", v):
            return False
        return float(lo) <= float(v) <= float(hi)
    if typ == "int":
        return bool(re.match(r"^-?\d+$", v))
    if typ == "float":
        return bool(re.match(r"^-?\d+\.\d+$", v))
    return False


def check_compare(problems, where, scope, attrs, enums, enum_values, var, field, rhs):
    if var not in scope or var in enums:
        return
    con = scope[var][0]
    typ = attrs[con].get(field) if con else None
    if typ is None:
        return  # built-in field: strings and numbers, not checked further
    for r in rhs:
        if re.match(r"^\w+\.\w+$", r) and r.split(".")[0] in enums:
            ok = r.split(".")[0] == typ
        elif re.match(r"^[A-Za-z_]\w*$", r) and r in enum_values:
            ok = enum_values[r] == typ
        elif re.match(r"^-?\d+$", r):
            ok = typ.startswith("int")
        elif re.match(r"^-?\d+\.\d+$", r):
            ok = typ.startswith("float")
        elif r in ("true", "false"):
            ok = typ == "bool"
        elif r == '""':
            ok = typ == "string"
        else:
            continue  # another expression (x.f, y.f): not a literal
        if not ok:
            problems.append("%s: %s.%s (%s) compared with %s" % (where, var, field, typ, r))


# ----------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", type=int, default=10000, help="number of rules (default 10000)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output path (default bench/data/rules10k.accord)")
    ap.add_argument("--self-check", action="store_true", help="re-read the output and verify it")
    args = ap.parse_args()
    if args.rules < 0:
        ap.error("--rules must be >= 0")

    o = build_ontology()
    P = Pools(o)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write("// Generated by bench/gen_rules.py --rules %d: a synthetic compile benchmark.\n" % args.rules)
        out.write('ontology synthetic version "1.0.0";\n\n')
        write_ontology(out, o)
        write_rules(out, P, args.rules)
    os.replace(tmp, args.out)
    forms = len(rule_forms(P))
    print("wrote %s: %d concepts, %d rules from %d templates, %d bytes"
          % (args.out, len(o.concepts), args.rules, forms, os.path.getsize(args.out)), file=sys.stderr)
    if args.self_check:
        problems = self_check(args.out, args.rules)
        if problems:
            for p in problems[:50]:
                print("self-check FAILED: " + p, file=sys.stderr)
            return 1
        print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
