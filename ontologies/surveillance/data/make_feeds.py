#!/usr/bin/env python3
"""Writes feeds.jsonl, the surveillance example dataset (see README.md beside it).

A security operations centre reviews 24 fifteen-minute windows from four
cameras of one office site: cam01 (lobby), cam03 (loading dock), cam05 (car
park stairwell) and cam07 (server-room corridor). Per window: the recorded
chunks, the person actions and anomalies reviewers mark (rv-1 and rv-4), the
anomaly model's alerts, the sound events and silence marked on the camera's
audio (rv-2 on 2 November, rv-3 on 3 November), and the site log entries that
fall in the window (access control, alarm panel, operators op-1 to op-4).

Every window is written out by hand below; the background badge traffic is
drawn from a fixed seed. Run `python3 make_feeds.py [OUT]` (default:
feeds.jsonl beside this script); the output is the same byte for byte on
every run.
"""

import json
import os
import random
import sys

SEED = 7


class Window:
    """One camera's 15-minute window (900 s)."""

    def __init__(self, key, video_ann, audio_ann, chunks=((0, 300), (300, 600), (600, 900))):
        self.key = key
        self.video_ann = video_ann
        self.audio_ann = audio_ann
        self.records = []
        for s, e in chunks:
            self._add("video", "recording", s, e)

    def _add(self, modality, label, start, end, **fields):
        rec = {"item": self.key, "modality": modality, "label": label}
        if start is not None:
            rec["start"] = float(start)
            rec["end"] = float(end)
        attrs = fields.pop("attrs", None)
        rec.update(fields)
        if attrs:
            rec["attrs"] = attrs
        self.records.append(rec)
        return rec

    # Video, by the window's reviewer.
    def act(self, label, start, end, track, **attrs):
        return self._add("video", label, start, end, track=track, annotator=self.video_ann,
                         attrs=attrs)

    def normal(self, start, end):
        return self._add("video", "normal", start, end, annotator=self.video_ann)

    def unusable(self, start, end, reason):
        return self._add("video", "unusable", start, end, annotator=self.video_ann,
                         attrs={"reason": reason})

    def alert(self, label, start, end, confidence, track=None):
        fields = {"track": track} if track else {}
        return self._add("video", label, start, end, source="model", confidence=confidence,
                         **fields)

    # Audio.
    def sound(self, label, start, end, loudness=None, annotator=None):
        return self._add("audio", label, start, end, annotator=annotator or self.audio_ann,
                         attrs={"loudness": loudness} if loudness else None)

    def silence(self, start, end, annotator=None):
        return self._add("audio", "silence", start, end, annotator=annotator or self.audio_ann)

    def sound_model(self, label, start, end, confidence):
        return self._add("audio", label, start, end, source="model", confidence=confidence)

    # Site log: instants unless an end is given; operator entries name the operator.
    def log(self, label, at, end=None, operator=None):
        return self._add("events", label, at, at if end is None else end,
                         attrs={"operator": operator} if operator else None)

    def badge(self, at, track, delay=1.2, walk=2.8):
        """An access-granted entry and the badge holder entering on camera."""
        self.log("access granted", at)
        self.act("entering", round(at + delay, 1), round(at + delay + walk, 1), track)


def badge_traffic(w, rng, times, first_person=1):
    """Background badge entries, one person each, at least 20 s apart."""
    n = first_person
    for t in times:
        w.badge(t, "person-%02d" % n, delay=round(rng.uniform(0.8, 2.2), 1),
                walk=round(rng.uniform(2.2, 3.8), 1))
        n += 1
    return n


def passers_by(w, rng, count, first_person, spans=((20, 880),), labels=("walking", "exiting")):
    """People crossing the view, away from the given spans' edges."""
    n = first_person
    for _ in range(count):
        lo, hi = rng.choice(spans)
        s = round(rng.uniform(lo, hi - 30), 1)
        label = rng.choice(labels)
        length = rng.uniform(6, 22) if label == "walking" else rng.uniform(2.5, 4.5)
        w.act(label, s, round(s + length, 1), "person-%02d" % n)
        n += 1
    return n


def windows(rng):
    out = []

    # ------------------------------------------------------------ cam01 lobby

    # Morning rush. At 441 s one badge lets two people in; nobody marks tailgating.
    w = Window("cam01-2026-11-02T08:45", "rv-1", "rv-2")
    n = badge_traffic(w, rng, [14, 52, 97, 138, 181, 226, 268, 317, 362, 404], 1)
    w.badge(441, "person-%02d" % n, delay=1.1, walk=2.9)
    w.act("entering", 443.9, 446.8, "person-%02d" % (n + 1))
    n = badge_traffic(w, rng, [498, 547, 603, 655, 712, 768, 826], n + 2)
    passers_by(w, rng, 4, n)
    w.normal(0, 430)
    out.append(w)

    # A visitor leaves a backpack by the benches for 2 min 20 s; no one logs it.
    w = Window("cam01-2026-11-02T13:15", "rv-1", "rv-2")
    n = badge_traffic(w, rng, [33, 121, 455, 702, 815], 1)
    w.act("walking", 196.0, 211.4, "person-%02d" % n)
    w.act("drop-off", 211.4, 218.5, "person-%02d" % n)
    w.act("exiting", 219.0, 222.6, "person-%02d" % n)
    w.act("unattended package", 218.5, 358.0, None, threat="medium")
    w.act("walking", 351.2, 358.0, "person-%02d" % n)
    passers_by(w, rng, 3, n + 1, spans=((380, 880),))
    out.append(w)

    # Near misses: a package logged within 30 s, and one unattended only 45 s.
    w = Window("cam01-2026-11-02T17:30", "rv-1", "rv-2")
    w.act("drop-off", 95.0, 99.0, "person-07")
    w.act("unattended package", 99.0, 194.0, None, threat="high")
    w.log("suspicious package", 205.0, operator="op-2")
    w.log("guard dispatched", 212.0, operator="op-2")
    w.act("walking", 248.0, 262.5, "person-09")
    w.act("drop-off", 610.0, 614.0, "person-11")
    w.act("unattended package", 614.0, 659.0, None)
    w.act("walking", 655.0, 668.0, "person-11")
    n = badge_traffic(w, rng, [300, 372, 520, 744, 861], 12)
    passers_by(w, rng, 3, n, spans=((700, 880),))
    out.append(w)

    # Near miss: a tailgate that the reviewer did label.
    w = Window("cam01-2026-11-03T08:30", "rv-1", "rv-3")
    n = badge_traffic(w, rng, [22, 71, 118, 170, 226, 281, 330], 1)
    w.badge(377, "person-%02d" % n, delay=1.2, walk=2.8)
    w.act("entering", 379.6, 382.4, "person-%02d" % (n + 1))
    w.act("tailgating", 379.6, 382.4, "person-%02d" % (n + 1))
    n = badge_traffic(w, rng, [431, 488, 540, 611, 679, 745, 802, 858], n + 2)
    w.normal(420, 900)
    out.append(w)

    # Someone slips on the wet floor; the operator logs it and sends a guard.
    w = Window("cam01-2026-11-03T12:00", "rv-1", "rv-3")
    n = badge_traffic(w, rng, [41, 150, 236, 517, 688], 1)
    w.act("walking", 300.0, 311.2, "person-%02d" % n)
    w.act("falling", 311.2, 314.0, "person-%02d" % n)
    w.alert("falling", 311.0, 314.5, 0.88, "person-%02d" % n)
    w.log("incident", 340.0, operator="op-1")
    w.log("guard dispatched", 344.0, operator="op-1")
    w.act("walking", 371.0, 384.5, "person-%02d" % (n + 1))
    w.normal(0, 300)
    w.normal(420, 900)
    out.append(w)

    # Evening, quiet. The model mistakes a bin for a bag for 36 s (unsure, and
    # too short for the package rule: ignored).
    w = Window("cam01-2026-11-03T18:15", "rv-1", "rv-3")
    n = passers_by(w, rng, 5, 1)
    w.normal(0, 900)
    w.alert("unattended package", 512.0, 548.0, 0.41)
    out.append(w)

    # ----------------------------------------------------- cam03 loading dock

    # Night break-in: forced entry, the alarm, the door-forced entry, the
    # operator's incident, police call and dispatch. Everything is explained.
    w = Window("cam03-2026-11-02T02:00", "rv-4", "rv-2")
    w.normal(0, 400)
    w.act("walking", 410.0, 428.0, "person-01")
    w.act("forced entry", 428.0, 441.5, "person-01")
    w.act("intrusion", 441.5, 470.0, "person-01")
    w.act("running", 470.0, 476.0, "person-01")
    w.alert("forced entry", 429.0, 441.0, 0.91, "person-01")
    w.silence(0, 440)
    w.sound("alarm", 443.0, 503.0, "high")
    w.silence(505, 900)
    w.log("door forced", 441.0)
    w.log("incident", 446.0, operator="op-3")
    w.log("police called", 449.0, operator="op-3")
    w.log("guard dispatched", 452.0, operator="op-3")
    w.act("walking", 560.0, 604.0, "person-02")
    out.append(w)

    # The recorder rebooted: 12 s missing between the second and third chunk.
    # A delivery driver props the door; the access control logs "door held
    # open", an entry type the ontology lacks.
    w = Window("cam03-2026-11-02T06:30", "rv-4", "rv-2", chunks=((0, 300), (300, 588), (600, 900)))
    w.badge(104, "person-01", delay=1.6, walk=3.1)
    w.act("walking", 120.0, 131.0, "person-02")
    w.act("drop-off", 131.0, 139.5, "person-02")
    w.log("door held open", 132.0)
    w.act("exiting", 140.0, 143.2, "person-02")
    n = badge_traffic(w, rng, [252, 430, 655, 790], 3)
    w.normal(0, 300)
    out.append(w)

    # Two workers swing a pallet; the model is sure it is a fight, the
    # reviewer had marked the stretch normal. A second, unsure alert is ignored.
    w = Window("cam03-2026-11-02T11:00", "rv-4", "rv-2")
    w.normal(0, 600)
    w.act("walking", 225.0, 233.0, "person-04")
    w.act("walking", 226.5, 233.5, "person-05")
    w.alert("fighting", 233.0, 241.5, 0.93, "person-04")
    w.alert("falling", 402.0, 404.0, 0.57, "person-06")
    w.act("walking", 395.0, 410.0, "person-06")
    n = badge_traffic(w, rng, [57, 318, 612, 745], 7)
    passers_by(w, rng, 3, n, spans=((620, 880),))
    out.append(w)

    # Afternoon deliveries.
    w = Window("cam03-2026-11-02T15:45", "rv-4", "rv-2")
    n = badge_traffic(w, rng, [66, 287, 540], 1)
    w.act("drop-off", 301.0, 309.0, "person-%02d" % n)
    w.act("exiting", 310.0, 313.5, "person-%02d" % n)
    passers_by(w, rng, 4, n + 1)
    w.normal(0, 900)
    out.append(w)

    # A bin catches fire; the smoke sets off the alarm, a guard runs in.
    w = Window("cam03-2026-11-03T05:15", "rv-4", "rv-3")
    w.normal(0, 500)
    w.act("smoke or fire", 512.0, 590.0, None)
    w.alert("smoke or fire", 515.0, 588.0, 0.96)
    w.silence(0, 505)
    w.sound("alarm", 520.0, 580.0, "high")
    w.silence(595, 900)
    w.log("incident", 530.0, operator="op-3")
    w.log("guard dispatched", 533.0, operator="op-3")
    w.act("running", 540.0, 548.0, "person-03")
    out.append(w)

    # Midday, nothing to report; the model's short, unsure alert is ignored.
    w = Window("cam03-2026-11-03T14:30", "rv-4", "rv-3")
    n = badge_traffic(w, rng, [92, 344, 701], 1)
    passers_by(w, rng, 4, n)
    w.normal(0, 900)
    w.alert("unattended package", 433.0, 474.0, 0.52)
    out.append(w)

    # ------------------------------------------------ cam05 car park stairwell

    # A car backfires; rv-2 marks it as a gunshot and nobody responds. A
    # teenager "loiters" for 19.5 s.
    w = Window("cam05-2026-11-02T22:15", "rv-4", "rv-2")
    w.act("walking", 180.0, 210.0, "person-02")
    w.act("loitering", 210.0, 229.5, "person-02")
    w.act("exiting", 229.5, 233.0, "person-02")
    w.silence(0, 345)
    w.sound("gunshot", 347.2, 347.6, "high")
    w.silence(348.5, 900)
    w.act("walking", 640.0, 662.0, "person-03")
    w.normal(400, 900)
    out.append(w)

    # Quality sample: both audio reviewers annotate this window. rv-2 marks
    # the whole stretch silent; rv-3 hears the glass of a car window break.
    w = Window("cam05-2026-11-02T23:30", "rv-4", "rv-3")
    w.act("loitering", 540.0, 605.0, "person-04")
    w.act("vandalism", 605.0, 615.0, "person-04")
    w.act("running", 615.0, 621.0, "person-04")
    w.silence(0, 612.0)
    w.sound("glass breaking", 612.4, 613.3, "high")
    w.silence(614.0, 900)
    w.silence(0, 900, annotator="rv-2")
    w.log("incident", 640.0, operator="op-3")
    w.log("guard dispatched", 642.0, operator="op-3")
    out.append(w)

    # Night patrol: a man sprays graffiti, the operator sends a guard.
    w = Window("cam05-2026-11-03T01:45", "rv-4", "rv-3")
    w.normal(0, 290)
    w.act("loitering", 300.0, 400.0, "person-08")
    w.act("vandalism", 402.0, 431.0, "person-08")
    w.alert("vandalism", 405.0, 430.0, 0.94, "person-08")
    w.act("walking", 431.0, 446.0, "person-08")
    w.log("incident", 450.0, operator="op-4")
    w.log("guard dispatched", 452.0, operator="op-4")
    w.silence(0, 900)
    out.append(w)

    # The stairwell siren sounds for 30 s with nothing on camera.
    w = Window("cam05-2026-11-03T03:00", "rv-4", "rv-3")
    w.normal(0, 900)
    w.silence(0, 150)
    w.sound("alarm", 155.0, 185.0, "high")
    w.silence(190, 900)
    out.append(w)

    # A real gunshot: police called 43 s later. The sound model hears it too.
    w = Window("cam05-2026-11-03T20:00", "rv-4", "rv-3")
    w.act("walking", 590.0, 611.0, "person-01")
    w.silence(0, 611)
    w.sound("gunshot", 611.8, 612.2, "high")
    w.sound_model("gunshot", 611.8, 612.3, 0.97)
    w.silence(613, 900)
    w.act("running", 613.0, 620.0, "person-02")
    w.act("running", 613.4, 619.0, "person-03")
    w.log("police called", 655.0, operator="op-4")
    w.log("guard dispatched", 690.0, operator="op-4")
    w.normal(0, 580)
    out.append(w)

    # Late evening, quiet.
    w = Window("cam05-2026-11-03T22:45", "rv-4", "rv-3")
    w.act("walking", 122.0, 150.0, "person-01")
    w.act("walking", 604.0, 631.0, "person-02")
    w.normal(0, 900)
    w.silence(0, 900)
    out.append(w)

    # -------------------------------------------- cam07 server-room corridor

    # The weekly alarm test. rv-2 bulk-marked the first chunk silent and
    # then added the siren without trimming the silence.
    w = Window("cam07-2026-11-02T09:00", "rv-1", "rv-2")
    w.log("alarm test", 120.0, 180.0)
    w.silence(0, 300)
    w.sound("alarm", 121.0, 178.0, "high")
    n = badge_traffic(w, rng, [37, 212, 405, 618, 777], 1)
    w.normal(0, 900)
    out.append(w)

    # Someone covers the lens, then forces the door 53 s later (excused: the
    # camera reported tampering). Two badge entries carry a clock one hour
    # ahead (a daylight-saving bug of the access-control export), and the
    # operator's incident carries a numeric operator id.
    w = Window("cam07-2026-11-02T19:45", "rv-1", "rv-2")
    n = badge_traffic(w, rng, [88, 203], 1)
    w.log("camera tamper", 402.0)
    w.unusable(402.0, 520.0, "lens covered")
    w.log("door forced", 455.0)
    w.log("incident", 470.0, operator=17)
    w.log("guard dispatched", 473.0, operator="op-2")
    w.act("walking", 530.0, 541.0, "person-%02d" % n)
    w.log("access granted", 3721.0)
    w.log("access granted", 3744.0)
    w.normal(0, 400)
    out.append(w)

    # The server-room door reports "forced" with no one on camera (a faulty
    # contact?). One badge entry lost its timestamp in the export.
    w = Window("cam07-2026-11-02T21:00", "rv-1", "rv-2")
    w.normal(0, 900)
    w.badge(133, "person-01", delay=1.4, walk=3.0)
    w.log("door forced", 512.0)
    w.act("walking", 702.0, 713.0, "person-02")
    w._add("events", "access granted", None, None)
    out.append(w)

    # Morning badges.
    w = Window("cam07-2026-11-03T09:15", "rv-1", "rv-3")
    badge_traffic(w, rng, [28, 104, 187, 265, 402, 486, 571, 690], 1)
    w.normal(0, 900)
    out.append(w)

    # A contractor walks into the restricted area without a badge; the
    # operator logs it and sends a guard.
    w = Window("cam07-2026-11-03T13:30", "rv-1", "rv-3")
    w.normal(0, 290)
    w.act("walking", 288.0, 300.0, "person-05")
    w.act("intrusion", 300.0, 352.0, "person-05")
    w.alert("intrusion", 301.0, 350.0, 0.92, "person-05")
    w.log("incident", 360.0, operator="op-1")
    w.log("guard dispatched", 362.0, operator="op-1")
    w.act("walking", 395.0, 410.0, "person-06")
    w.act("exiting", 411.0, 414.0, "person-05")
    badge_traffic(w, rng, [520, 733], 7)
    out.append(w)

    # Afternoon; the model's unsure alert is ignored.
    w = Window("cam07-2026-11-03T16:00", "rv-1", "rv-3")
    badge_traffic(w, rng, [61, 250, 436, 640], 1)
    w.normal(0, 900)
    w.alert("loitering", 300.0, 345.0, 0.66, "person-02")
    out.append(w)
    return out


ORDER = {"video": 0, "audio": 1, "events": 2}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "feeds.jsonl")
    rng = random.Random(SEED)
    counters = {}
    lines = []
    for w in windows(rng):
        recs = sorted(w.records, key=lambda r: (ORDER[r["modality"]], r["label"] != "recording",
                                                r.get("source") == "model",
                                                r.get("start", float("inf"))))
        for r in recs:
            prefix = {"video": "v", "audio": "a", "events": "e"}[r["modality"]]
            if r.get("source") == "model":
                prefix += "m"
            counters[prefix] = counters.get(prefix, 0) + 1
            rec = {"item": r["item"], "id": "%s-%04d" % (prefix, counters[prefix])}
            for k in ("modality", "label", "start", "end", "track", "annotator", "source",
                      "confidence", "attrs"):
                if r.get(k) is not None:
                    rec[k] = r[k]
            lines.append(json.dumps(rec, separators=(",", ":")))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
